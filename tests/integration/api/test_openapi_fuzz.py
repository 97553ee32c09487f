"""Schemathesis against /openapi.json of a running server on the real Neo4j: no generated request gets a 5xx.

Runs the schemathesis command line (its pytest plugin does not support pytest 9 yet) with one worker (two
threads trip a race in hypothesis's lambda-source cache, a crash of the tool, not of the API). By hand:
    schemathesis run http://127.0.0.1:8000/openapi.json --checks not_a_server_error -n 50
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from hrkg.api.app import create_app
from hrkg.ontology.models import Document
from hrkg.settings import Settings
from tests.integration.api.conftest import API_KEY

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def base_url(api_settings: Settings, seeded: list[Document]) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(api_settings), host="127.0.0.1", port=port,
                                           log_level="warning"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_no_server_errors_on_generated_requests(base_url: str, tmp_path: Path) -> None:
    exe = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or shutil.which("schemathesis")
    if exe is None:
        pytest.skip("schemathesis is not installed (pip install schemathesis)")
    cmd = [exe, "run", f"{base_url}/openapi.json", "--checks", "not_a_server_error", "--max-examples", "40",
           "--generation-deterministic", "--workers", "1", "--no-color", "-H", f"X-API-Key: {API_KEY}"]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False)
    report = proc.stdout[-6000:] + proc.stderr[-2000:]
    assert proc.returncode == 0, report
    assert " passed" in report and "failed" not in report.split("Test cases:")[-1], report
