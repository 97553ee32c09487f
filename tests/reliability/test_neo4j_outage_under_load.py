"""Neo4j goes away while clients hammer the API: the uvicorn process never dies, every answer is a 200 or a
JSON 503, and once Neo4j is back the same process answers 200 again without a restart.

One scenario (module fixture), several verdicts on its record. A throwaway Neo4j on its own ports and home
(``hrkg.graph.server``) is stopped ``HRKG_RELIABILITY_OUTAGES`` times (default 1): the first with SIGTERM
(``server.stop``, a clean shutdown while queries run), then alternately SIGKILL (a crash, recovery on start).
Six client threads cycle through /health, /entities, /entities/{type}/{slug} and /graph the whole time, and a
slow ``POST /cypher`` is in flight at every stop. tests/integration/api/test_resilience.py checks the idle case.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from hrkg.graph import server, writer
from hrkg.graph.connection import create_driver
from hrkg.graph.schema import apply_schema
from hrkg.ontology import load_ontology
from hrkg.settings import Settings
from tests.integration.api.data import documents
from tests.reliability.helpers import OUTAGES, ApiProcess, api_process, free_port, is_error_body

pytestmark = [pytest.mark.integration, pytest.mark.reliability]

PATHS = (
    "/health",
    "/entities?q=afkari",
    "/entities?type=person&limit=5",
    "/entities/person/navid-afkari",
    "/graph?focus=person/navid-afkari&depth=2",
)
CLIENTS = 6
HANG = 60.0  # the client gives up after this: an answer this slow is a hang
PROMPT = 15.0  # what "a prompt answer" means for the strict verdict
SLOW_CYPHER = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 1000003 = -1 RETURN count(x) AS n"


@dataclass(frozen=True)
class Answer:
    at: float  # seconds since the load started
    path: str
    status: int | str  # an HTTP status, or the name of the transport error
    seconds: float
    body: object = None

    @property
    def http(self) -> bool:
        return isinstance(self.status, int)


@dataclass
class Outage:
    mode: str
    down_from: float = 0.0
    down_until: float = 0.0
    recovery_s: float = 0.0
    cypher: Answer | None = None


@dataclass
class Record:
    answers: list[Answer] = field(default_factory=list)
    outages: list[Outage] = field(default_factory=list)
    alive_checks: list[tuple[str, bool]] = field(default_factory=list)
    end: float = 0.0
    log_tail: str = ""


def get(client: httpx.Client, path: str, t0: float, method: str = "GET", json: object = None) -> Answer:
    started = time.monotonic()
    try:
        resp = client.request(method, path, json=json)
        try:
            body: object = resp.json()
        except ValueError:
            body = resp.text[:200]
        status: int | str = resp.status_code
    except httpx.HTTPError as exc:
        status, body = type(exc).__name__, str(exc)[:200]
    return Answer(started - t0, path, status, time.monotonic() - started, body)


class Load:
    """Client threads cycling through PATHS until stopped, recording every answer."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.answers: list[Answer] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(CLIENTS)]
        self.t0 = time.monotonic()

    def _run(self, n: int) -> None:
        i = n
        with httpx.Client(base_url=self.base, timeout=HANG) as client:
            while not self.stop.is_set():
                answer = get(client, PATHS[i % len(PATHS)], self.t0)
                self.answers.append(answer)
                i += 1
                # paced (at most ~50 requests/s per client) so that the clients do not starve the restart
                time.sleep(0.02 if answer.http else 0.05)

    def __enter__(self) -> Load:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=HANG + 10)

    def now(self) -> float:
        return time.monotonic() - self.t0


def reap(pid: int) -> None:
    """The JVM is a child of this process (server.start ran here): collect it after a SIGKILL."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return
        if done == pid:
            return
        time.sleep(0.1)


def wait_until_all_200(api: ApiProcess, timeout: float = 120) -> float:
    started = time.monotonic()
    pending = set(PATHS)
    with httpx.Client(base_url=api.url, timeout=HANG) as client:
        while pending and time.monotonic() - started < timeout:
            for path in sorted(pending):
                try:
                    if client.get(path).status_code == 200:
                        pending.discard(path)
                except httpx.HTTPError:
                    pass
            time.sleep(0.25)
    assert not pending, f"still not 200 {timeout:.0f} s after Neo4j was back: {sorted(pending)}\n{api.log_tail()}"
    return time.monotonic() - started


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[Record]:
    tmp = tmp_path_factory.mktemp("outage")
    cfg = server.ServerConfig(home=tmp / "neo4j", bolt_port=free_port(), http_port=free_port(), heap="512m",
                              pagecache="64m", password="outage-pass-0123", start_timeout=180)  # fmt: skip
    record = Record()
    try:
        server.start(cfg)
        driver = create_driver(cfg.bolt_url, "neo4j", cfg.password)
        try:
            apply_schema(driver, load_ontology(), "neo4j")
            for doc in documents():
                writer.load_document(driver, "neo4j", doc)
        finally:
            driver.close()
        env = {**os.environ, "HRKG_NEO4J_URI": cfg.bolt_url, "HRKG_NEO4J_PASSWORD": cfg.password,
               "HRKG_NEO4J_USER": "neo4j", "HRKG_NEO4J_DATABASE": "neo4j", "HRKG_DATA_DIR": str(tmp / "data"),
               "HRKG_CYPHER_TIMEOUT": "120"}  # fmt: skip
        with api_process(env, tmp / "api") as api, Load(api.url) as load:
            time.sleep(2.0)
            for n in range(OUTAGES):
                outage = Outage("SIGTERM" if n % 2 == 0 else "SIGKILL")
                record.outages.append(outage)

                # a slow analyst query in flight when the database goes away
                def slow_cypher(o: Outage = outage) -> None:
                    with httpx.Client(base_url=api.url, timeout=HANG) as client:
                        o.cypher = get(client, "/cypher", load.t0, "POST", {"query": SLOW_CYPHER})

                cypher_thread = threading.Thread(target=slow_cypher, daemon=True)
                cypher_thread.start()
                time.sleep(1.0)
                if outage.mode == "SIGTERM":
                    assert server.stop(cfg), "the throwaway Neo4j was not running"
                else:
                    pid = server.status(cfg).pid
                    assert pid is not None
                    os.kill(pid, signal.SIGKILL)
                    reap(pid)
                outage.down_from = load.now()
                time.sleep(3.0)
                record.alive_checks.append((f"{outage.mode}: Neo4j down", api.alive()))
                outage.down_until = load.now()
                server.start(cfg)
                outage.recovery_s = wait_until_all_200(api)
                cypher_thread.join(timeout=HANG + 5)
                record.alive_checks.append((f"{outage.mode}: Neo4j back", api.alive()))
                time.sleep(1.5)
            record.end = load.now()
        record.answers = load.answers
        record.log_tail = api.log_tail(60)
        record.alive_checks.append(("after the load", api.proc.returncode in (None, 0, -signal.SIGTERM)))
        summary = {
            "answers": len(record.answers),
            "200": sum(a.status == 200 for a in record.answers),
            "503": sum(a.status == 503 for a in record.answers),
            "other": sorted({str(a.status) for a in record.answers} - {"200", "503"}),
            "slowest_s": round(max(a.seconds for a in record.answers), 2),
            "outages": [(o.mode, round(o.down_until - o.down_from, 1), f"recovered in {o.recovery_s:.1f} s",
                         f"in-flight /cypher -> {o.cypher.status if o.cypher else None}") for o in record.outages],
        }  # fmt: skip
        print(f"\nNeo4j outages under API load: {summary}")
        yield record
    finally:
        server.stop(cfg, grace=30)


def describe(answers: list[Answer]) -> str:
    return "\n".join(f"{a.at:7.2f}s {a.path} -> {a.status} in {a.seconds:.2f}s {str(a.body)[:160]}"
                     for a in answers[:25])  # fmt: skip


def test_the_app_process_never_dies(scenario: Record) -> None:
    assert all(alive for _, alive in scenario.alive_checks), (scenario.alive_checks, scenario.log_tail)
    hangs = [a for a in scenario.answers if not a.http and "Timeout" in str(a.status)]
    assert not hangs, f"requests hung (no answer within {HANG:.0f} s):\n" + describe(hangs)


def test_every_http_answer_is_json_and_errors_have_the_error_shape(scenario: Record) -> None:
    bad = []
    for a in [*scenario.answers, *(o.cypher for o in scenario.outages if o.cypher)]:
        if not a.http or a.status == 200:
            continue
        if a.path == "/health" and a.status == 503:
            ok = isinstance(a.body, dict) and a.body.get("neo4j") == "down" and a.body.get("status") == "unavailable"
        else:  # any other error, /health's included, must be the API's one error shape
            ok = is_error_body(a.body)
        if not ok:
            bad.append(a)
    assert not bad, describe(bad)


def test_answers_are_503_while_down_and_200_again_without_restarting_the_app(scenario: Record) -> None:
    for outage in scenario.outages:
        down = [a for a in scenario.answers
                if outage.down_from + 0.5 <= a.at and a.at + a.seconds <= outage.down_until]  # fmt: skip
        for path in PATHS:
            statuses = {a.status for a in down if a.path == path}
            assert statuses == {503}, f"{outage.mode}: {path} answered {statuses} while Neo4j was down"
            bodies = [a.body for a in down if a.path == path and path != "/health"]
            assert all(b["error"]["code"] == "graph_unavailable" for b in bodies)  # type: ignore[index]
    tail = [a for a in scenario.answers if a.at > scenario.end - 1.0]
    assert tail and all(a.status == 200 for a in tail), describe([a for a in tail if a.status != 200])


def test_every_answer_is_a_prompt_200_or_json_503_even_for_requests_in_flight(scenario: Record) -> None:
    wrong = [a for a in scenario.answers if a.status not in (200, 503) or a.seconds > PROMPT]
    cypher = [o.cypher for o in scenario.outages]
    wrong += [a for a in cypher if a is None or a.status != 503]  # type: ignore[misc]
    assert not wrong, describe(wrong)  # type: ignore[arg-type]
