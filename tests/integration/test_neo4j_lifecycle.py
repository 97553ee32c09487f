"""`hrkg neo4j start|status|stop` on a second server with its own ports and data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hrkg.graph.server import ENTRY_POINT

pytestmark = pytest.mark.integration

HRKG = [sys.executable, "-m", "hrkg.cli"]


def hrkg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HRKG, *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def jvms_of(home: Path) -> list[str]:
    out = subprocess.run(["pgrep", "-af", ENTRY_POINT], capture_output=True, text=True, check=False).stdout
    return [line for line in out.splitlines() if f"--home-dir={home}" in line]


@pytest.fixture
def lifecycle_env(tmp_path: Path, settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HRKG_DATA_DIR=str(tmp_path / "data"),
        HRKG_NEO4J_BOLT_PORT="27687",
        HRKG_NEO4J_HTTP_PORT="27474",
        HRKG_NEO4J_HEAP="512m",
        HRKG_NEO4J_PAGECACHE="128m",
        HRKG_NEO4J_PASSWORD="lifecycle-password",
        HRKG_NEO4J_URI="bolt://127.0.0.1:27687",
    )
    yield env
    hrkg(env, "neo4j", "stop")


def test_start_status_stop(lifecycle_env: dict[str, str]) -> None:
    env = lifecycle_env
    home = Path(env["HRKG_DATA_DIR"]).resolve() / "neo4j"

    down = hrkg(env, "neo4j", "status")
    assert down.returncode == 3 and "down" in down.stdout

    first = hrkg(env, "neo4j", "start")
    assert first.returncode == 0, first.stderr
    assert "started" in first.stdout and "bolt://127.0.0.1:27687" in first.stdout
    pid = (home / "run" / "hrkg-neo4j.pid").read_text().strip()
    assert len(jvms_of(home)) == 1

    second = hrkg(env, "neo4j", "start")
    assert second.returncode == 0
    assert "already running" in second.stdout
    assert (home / "run" / "hrkg-neo4j.pid").read_text().strip() == pid
    assert len(jvms_of(home)) == 1

    up = hrkg(env, "neo4j", "status")
    assert up.returncode == 0
    assert up.stdout.startswith("up") and pid in up.stdout and "27687" in up.stdout

    # The password from the settings is the one the server accepts.
    assert hrkg(env, "init-db").returncode == 0

    stopped = hrkg(env, "neo4j", "stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert jvms_of(home) == []
    assert not (home / "run" / "hrkg-neo4j.pid").exists()
    after = hrkg(env, "neo4j", "status")
    assert after.returncode == 3 and "down" in after.stdout
    # Data stays under HRKG_DATA_DIR for the next start.
    assert (home / "data" / "databases").is_dir()
