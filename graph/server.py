"""A local Neo4j 5 Community server built from Maven Central and run with the JDK, no Docker.

Route: the server's own entry point (``org.neo4j.server.CommunityEntryPoint``) in a background JVM,
with the jars that ``graph/server/pom.xml`` resolves into ``~/.cache/hrkg/neo4j-<version>-<pom hash>/lib``
(once; shared by every home). Layout under ``home`` (``$HRKG_DATA_DIR/neo4j``)::

    conf/       neo4j.conf written on every start from the settings
    data/ logs/ run/ plugins/ import/
    run/hrkg-neo4j.pid
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from hrkg.ontology.errors import Neo4jServerError

NEO4J_VERSION = "5.26.30"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


@dataclass(frozen=True)
class ServerConfig:
    home: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "4g"
    pagecache: str = "4g"
    tx_timeout: str = "120s"
    password: str = "hrkg-local-password"
    start_timeout: float = 120.0

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "hrkg-neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def bolt_url(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_url: str
    browser_url: str
    bolt_answers: bool

    def describe(self) -> str:
        if not self.running:
            return "down"
        state = "up" if self.bolt_answers else "starting (JVM running, Bolt not answering yet)"
        return f"{state}: pid {self.pid}, bolt {self.bolt_url}, browser {self.browser_url}"


def _pom_text() -> str:
    return resources.files("hrkg.graph").joinpath("server/pom.xml").read_text(encoding="utf-8")


def jar_cache_dir() -> Path:
    """Where resolved jars are kept, shared by every server home of this user."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(_pom_text().encode()).hexdigest()[:12]
    return base / "hrkg" / f"neo4j-{NEO4J_VERSION}-{digest}"


def resolve_jars() -> Path:
    """The server's runtime jars, copied from Maven Central by Maven on first use and cached."""
    cache_dir = jar_cache_dir()
    lib = cache_dir / "lib"
    if (cache_dir / "complete").is_file():
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError("Maven ('mvn') is not on PATH; install Maven 3.8+ to build the local Neo4j server")
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / "pom.xml").write_text(_pom_text(), encoding="utf-8")
    staging = cache_dir / f"lib.{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [
        mvn, "-B", "-q", "-f", str(cache_dir / "pom.xml"),
        "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies",
        "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise Neo4jServerError(f"Maven could not resolve Neo4j {NEO4J_VERSION} from Maven Central:\n{tail}")
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    (cache_dir / "complete").write_text(NEO4J_VERSION)
    return lib


def write_config(cfg: ServerConfig) -> Path:
    """Write ``conf/neo4j.conf`` for a server on 127.0.0.1 with data kept under ``cfg.home``."""
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (cfg.home / sub).mkdir(parents=True, exist_ok=True)
    h = cfg.home
    lines = [
        "# Written by `hrkg neo4j start`; edits are overwritten. Configure through HRKG_* settings.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{cfg.bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{cfg.bolt_port}",
        f"server.http.listen_address=127.0.0.1:{cfg.http_port}",
        f"server.http.advertised_address=127.0.0.1:{cfg.http_port}",
        "server.https.enabled=false",
        f"server.directories.data={h / 'data'}",
        f"server.directories.logs={h / 'logs'}",
        f"server.directories.run={h / 'run'}",
        f"server.directories.plugins={h / 'plugins'}",
        f"server.directories.import={h / 'import'}",
        f"server.memory.heap.initial_size={cfg.heap}",
        f"server.memory.heap.max_size={cfg.heap}",
        f"server.memory.pagecache.size={cfg.pagecache}",
        f"db.transaction.timeout={cfg.tx_timeout}",
        "dbms.usage_report.enabled=false",
        "dbms.security.auth_enabled=true",
    ]
    path = cfg.home / "conf" / "neo4j.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError("no 'java' on PATH; install a JDK 17 to run the local Neo4j server")
    return java


def _env(cfg: ServerConfig) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(cfg.home)
    env["NEO4J_CONF"] = str(cfg.home / "conf")
    return env


def _read_pid(cfg: ServerConfig) -> int | None:
    try:
        pid = int(cfg.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _is_our_jvm(pid, cfg) else None


def _is_our_jvm(pid: int, cfg: ServerConfig) -> bool:
    """True when ``pid`` is alive and is a Neo4j JVM of this home (guards against recycled pids)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return ENTRY_POINT.encode() in cmdline and f"--home-dir={cfg.home}".encode() in cmdline


def bolt_answers(port: int, timeout: float = 1.0) -> bool:
    """Whether something completes a Bolt handshake on 127.0.0.1:port."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(b"\x60\x60\xb0\x17" + b"\x00\x00\x04\x04" + b"\x00" * 12)
            return len(sock.recv(4)) == 4
    except OSError:
        return False


def status(cfg: ServerConfig) -> ServerStatus:
    pid = _read_pid(cfg)
    return ServerStatus(
        running=pid is not None,
        pid=pid,
        bolt_url=cfg.bolt_url,
        browser_url=cfg.browser_url,
        bolt_answers=pid is not None and bolt_answers(cfg.bolt_port),
    )


def port_free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _log_tail(cfg: ServerConfig, lines: int = 20) -> str:
    chunks = []
    for path in (cfg.log_file, cfg.home / "logs" / "neo4j.log"):
        if path.is_file():
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            chunks.append(f"--- {path} (last {len(tail)} lines) ---\n" + "\n".join(tail))
    return "\n".join(chunks) or f"(no log written under {cfg.home / 'logs'})"


def _set_initial_password(cfg: ServerConfig, lib: Path) -> None:
    """Set the neo4j user's password before the very first start (what neo4j-admin does)."""
    if (cfg.home / "data" / "dbms").exists():
        return
    if len(cfg.password) < 8:
        raise Neo4jServerError("HRKG_NEO4J_PASSWORD must have at least 8 characters (a Neo4j rule)")
    cmd = [_java(), "-cp", f"{lib}/*", ADMIN_TOOL, "dbms", "set-initial-password", cfg.password]
    proc = subprocess.run(cmd, env=_env(cfg), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise Neo4jServerError(f"setting the initial Neo4j password failed: {proc.stderr.strip()[-500:]}")


def start(cfg: ServerConfig) -> tuple[ServerStatus, bool]:
    """Start the server in the background and wait until Bolt answers.

    Returns the status and whether this call started it (False: it was already running, nothing changed).
    """
    current = status(cfg)
    if current.running:
        return current, False
    for port in (cfg.bolt_port, cfg.http_port):
        if not port_free(port):
            raise Neo4jServerError(
                f"port {port} on 127.0.0.1 is taken by another process; stop it or set "
                "HRKG_NEO4J_BOLT_PORT / HRKG_NEO4J_HTTP_PORT"
            )
    cfg.home.mkdir(parents=True, exist_ok=True)
    lib = resolve_jars()
    write_config(cfg)
    _set_initial_password(cfg, lib)
    tmp = cfg.home / "run" / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    cmd = [
        _java(), f"-Xms{cfg.heap}", f"-Xmx{cfg.heap}", *JVM_FLAGS, f"-Djava.io.tmpdir={tmp}",
        "-cp", f"{cfg.home / 'plugins'}/*:{cfg.home / 'conf'}/*:{lib}/*",
        ENTRY_POINT, f"--home-dir={cfg.home}", f"--config-dir={cfg.home / 'conf'}", "--console-mode",
    ]  # fmt: skip
    with cfg.log_file.open("ab") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=_env(cfg), cwd=cfg.home, start_new_session=True,
        )  # fmt: skip
    cfg.pid_file.write_text(str(proc.pid))
    deadline = time.monotonic() + cfg.start_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            cfg.pid_file.unlink(missing_ok=True)
            raise Neo4jServerError(
                f"Neo4j exited with code {proc.returncode} while starting. Log: {cfg.log_file}\n{_log_tail(cfg)}"
            )
        if bolt_answers(cfg.bolt_port):
            return status(cfg), True
        time.sleep(0.3)
    _terminate(proc.pid, grace=20)
    cfg.pid_file.unlink(missing_ok=True)
    raise Neo4jServerError(
        f"Neo4j did not answer on Bolt port {cfg.bolt_port} within {cfg.start_timeout:.0f} s; "
        f"it was stopped. Log: {cfg.log_file}\n{_log_tail(cfg)}"
    )


def _terminate(pid: int, grace: float) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            waited, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            waited = 0
        if waited == pid or not Path(f"/proc/{pid}").exists() or _is_zombie(pid):
            return
        time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False


def stop(cfg: ServerConfig, grace: float = 60.0) -> bool:
    """SIGTERM the server (it checkpoints on shutdown), wait, SIGKILL as a last resort.

    Returns False when it was not running. Afterwards neither the process nor the pid file exists.
    """
    pid = _read_pid(cfg)
    if pid is None:
        cfg.pid_file.unlink(missing_ok=True)
        return False
    _terminate(pid, grace)
    cfg.pid_file.unlink(missing_ok=True)
    return True
