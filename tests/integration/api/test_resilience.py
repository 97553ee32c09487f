"""The API outlives its database: it starts while Neo4j is down, answers 503 JSON, and recovers by itself.

A throwaway Neo4j on its own ports and home is started and stopped by the test (``hrkg.graph.server``);
the API runs as a real uvicorn process, never restarted.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hrkg.graph import server
from hrkg.settings import Settings

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def neo4j_cfg(tmp_path: Path, settings: Settings) -> Iterator[server.ServerConfig]:
    cfg = server.ServerConfig(home=tmp_path / "neo4j", bolt_port=free_port(), http_port=free_port(), heap="512m",
                              pagecache="64m", password="resilience-pass", start_timeout=180)  # fmt: skip
    yield cfg
    server.stop(cfg)


@pytest.fixture
def api(neo4j_cfg: server.ServerConfig, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "HRKG_NEO4J_URI": neo4j_cfg.bolt_url, "HRKG_NEO4J_PASSWORD": neo4j_cfg.password,
           "HRKG_NEO4J_DATABASE": "neo4j", "HRKG_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    log = (tmp_path / "uvicorn.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-c", f"from hrkg.api.app import serve; serve('127.0.0.1', {port})"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(url + "/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("uvicorn did not come up: " + (tmp_path / "uvicorn.log").read_text())
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def wait_for(url: str, status: int, timeout: float = 60) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while True:
        resp = httpx.get(url, timeout=15)
        if resp.status_code == status or time.monotonic() > deadline:
            return resp
        time.sleep(0.5)


def assert_down(base: str) -> None:
    started = time.monotonic()
    health = httpx.get(base + "/health", timeout=15)
    assert health.status_code == 503, health.text
    assert health.json()["neo4j"] == "down" and health.json()["status"] == "unavailable"
    for path in ("/entities?q=afkari", "/entities/person/navid-afkari", "/graph?focus=person/navid-afkari",
                 "/documents", "/claims", "/id/person/navid-afkari"):  # fmt: skip
        resp = httpx.get(base + path, timeout=15)
        assert resp.status_code == 503, (path, resp.text)
        assert resp.json()["error"]["code"] == "graph_unavailable"
    resp = httpx.post(base + "/cypher", json={"query": "RETURN 1"}, timeout=15)
    assert resp.status_code == 503 and resp.json()["error"]["code"] == "graph_unavailable"
    assert time.monotonic() - started < 30  # every answer is prompt, not a hang


def assert_up(base: str) -> None:
    health = wait_for(base + "/health", 200)
    assert health.status_code == 200 and health.json() == {"status": "ok", "neo4j": "up", "error": None}
    assert httpx.get(base + "/entities", timeout=15).status_code == 200
    assert httpx.post(base + "/cypher", json={"query": "RETURN 1 AS one"}, timeout=15).json()["rows"] == [{"one": 1}]


def test_starts_without_neo4j_answers_503_and_recovers_after_each_restart(
    api: str, neo4j_cfg: server.ServerConfig
) -> None:
    assert not server.status(neo4j_cfg).running
    assert_down(api)  # the app started while the database was down
    assert httpx.get(api + "/openapi.json").status_code == 200 and httpx.get(api + "/browse").status_code == 200

    server.start(neo4j_cfg)
    assert_up(api)  # recovered without restarting the app

    server.stop(neo4j_cfg)
    assert wait_for(api + "/health", 503).status_code == 503
    assert_down(api)

    server.start(neo4j_cfg)
    assert_up(api)
