"""The browse page in a real headless Chromium: search, pick a suggestion, see the neighbourhood, expand it by
clicking, read the evidence behind an edge, an event's figures and the timeline; nothing is fetched from outside.

Needs Debian's ``chromium`` (installed here with apt-get when missing and running as root) and the Python
``playwright`` package, which drives that Chromium without downloading a browser of its own.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from hrkg.api.app import create_app
from hrkg.ontology.models import Document
from hrkg.settings import Settings
from tests.integration.api.data import EXECUTION_SENTENCE

pytestmark = pytest.mark.integration

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def chromium_path() -> str:
    """Debian's chromium, installed with apt-get when missing and we may; otherwise the test is skipped."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and this is not root with apt-get: `apt-get install -y chromium`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200, check=False)
        if proc.returncode != 0:
            pytest.skip(f"could not install chromium ({' '.join(cmd)}): {proc.stderr.strip()[-300:]}")
    found = shutil.which("chromium")
    if not found:
        pytest.skip("apt-get installed chromium but it is not on PATH")
    return found


@pytest.fixture(scope="module")
def base_url(api_settings: Settings, seeded: list[Document]) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(api_settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def center_of(page, selector: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Page coordinates of a cytoscape element (node centre or edge midpoint)."""
    return page.evaluate(
        """(sel) => {
            const cy = window.hrkg.cy, el = cy.$(sel), box = cy.container().getBoundingClientRect();
            const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
            return [box.left + p.x, box.top + p.y];
        }""",
        selector,
    )


def node_ids(page) -> set[str]:  # type: ignore[no-untyped-def]
    return set(page.evaluate("() => window.hrkg.cy.nodes().map(n => n.id())"))


def test_search_expand_and_read_the_evidence(base_url: str, tmp_path: Path) -> None:
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download)")
    ARTIFACTS.mkdir(exist_ok=True)
    outside: list[str] = []
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900},
        )  # fmt: skip
        try:
            page = context.new_page()
            local = (base_url, "data:", "blob:")
            page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(base_url + "/browse")

            page.locator("#search").press_sequentially("Afkari", delay=30)
            suggestion = page.locator('#suggestions li.suggestion[data-id="person/navid-afkari"]')
            suggestion.wait_for(timeout=10_000)
            suggestion.click()

            page.wait_for_function("() => window.hrkg.cy.nodes().length >= 3", timeout=10_000)
            assert {"person/navid-afkari", "place/shiraz", "event/execution-of-navid-afkari"} <= node_ids(page)
            page.locator("#panel h2", has_text="Navid Afkari").wait_for(timeout=10_000)
            assert EXECUTION_SENTENCE in page.locator("#panel").inner_text()

            # click the edge: its evidence sentence and source appear
            page.mouse.click(*center_of(page, '[id = "person/navid-afkari|EXECUTED_IN|place/shiraz"]'))
            page.locator("#panel h2.edge-title").wait_for(timeout=10_000)
            assert page.locator("#panel h2.edge-title").inner_text() == "Navid Afkari executed in Shiraz"
            panel = page.locator("#panel").inner_text()
            assert "executed in" in panel and EXECUTION_SENTENCE in panel and "Wrestler Navid Afkari executed" in panel
            page.screenshot(path=str(ARTIFACTS / "browse-edge-evidence.png"))

            # click a node at the rim: it expands and shows its facts
            assert "event/november-2019-protests" not in node_ids(page)
            page.mouse.click(*center_of(page, '[id = "place/iran"]'))
            page.wait_for_function("() => window.hrkg.cy.$id('event/november-2019-protests').nonempty()",
                                   timeout=10_000)  # fmt: skip
            page.locator("#panel h2", has_text="Iran").wait_for(timeout=10_000)

            # an event's figures: claimant beside value
            page.mouse.click(*center_of(page, '[id = "event/november-2019-protests"]'))
            table = page.locator("#panel table.figures")
            table.wait_for(timeout=10_000)
            rows = [r.inner_text() for r in table.locator("tbody tr").all()]
            page.screenshot(path=str(ARTIFACTS / "browse-figures.png"))
            assert any("PMOI" in r and "1,500" in r for r in rows), rows
            assert any("Amnesty International" in r and "at least 304" in r for r in rows), rows

            # the timeline of dated events
            timeline = page.locator("#timeline")
            assert timeline.is_visible()
            items = timeline.locator("li").all_inner_texts()
            assert any(t.startswith("2019-11") and "November 2019 protests" in t for t in items), items
            assert any(t.startswith("2020-09-12") for t in items), items
            dates = [t.split(" ", 1)[0] for t in items]
            assert dates == sorted(dates)

            # a source document opens in the panel
            page.locator("#panel button.doc").first.click()
            page.locator("#panel h3", has_text="Statements").wait_for(timeout=10_000)

            page.screenshot(path=str(ARTIFACTS / "browse-document.png"))
            assert not errors, errors
        finally:
            context.close()
    assert not outside, f"the page fetched from outside: {outside}"
