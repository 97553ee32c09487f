"""kill -9 of ``hrkg ingest`` at random points: what is stored is whole documents only, and re-running the
ingest to completion gives exactly the graph of one clean run (same counts, same content checksum).

Kill delays count from the moment the killed run stores its first document and are stratified (trial i falls in
the i-th slice, with a seeded jitter) over the loading span of a clean run, so that the default five trials
cover kills early, in the middle and late in the loading. Each trial also checks what the killed run left behind:
every stored document is complete (same mentions, claims and evidence entries as in the clean run), nothing
is orphaned.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver

from tests.integration.conftest import wipe
from tests.reliability.corpus import build_corpus
from tests.reliability.helpers import (
    DOCS,
    SEED,
    TRIALS,
    GraphState,
    graph_state,
    hrkg_command,
    per_document_footprint,
    run_hrkg,
)

pytestmark = [pytest.mark.integration, pytest.mark.reliability]


@dataclass(frozen=True)
class CleanRun:
    state: GraphState
    footprint: dict[str, tuple[int, int, int]]
    seconds: float
    first_document: float


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kill-corpus")
    files = build_corpus(root, DOCS, SEED)
    assert len(files) == DOCS
    return root


@pytest.fixture(scope="module")
def clean_run(empty_graph: Driver, database: str, corpus: Path) -> CleanRun:
    wipe(empty_graph, database)
    started = time.monotonic()
    proc = subprocess.Popen(hrkg_command("ingest", str(corpus)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, env=dict(os.environ), text=True)  # fmt: skip
    first_document = None
    while proc.poll() is None and first_document is None:  # when does loading start (after imports, schema)?
        if stored_documents(empty_graph, database):
            first_document = time.monotonic() - started
        time.sleep(0.05)
    output, _ = proc.communicate(timeout=600)
    seconds = time.monotonic() - started
    assert proc.returncode == 0, output
    state = graph_state(empty_graph, database)
    assert state.documents == DOCS, (state.counts(), output)
    print(f"\nclean ingest of {DOCS} documents: {seconds:.1f} s (first document at {first_document or 0:.1f} s), "
          f"{state.nodes} nodes, "
          f"{state.relationships} relationships, checksum {state.checksum[:16]}")  # fmt: skip
    return CleanRun(
        state=state,
        footprint=per_document_footprint(empty_graph, database),
        seconds=seconds,
        first_document=first_document or 0.0,
    )


def stored_documents(driver: Driver, database: str) -> int:
    return driver.execute_query("MATCH (d:Document) RETURN count(d) AS n", database_=database).records[0]["n"]


def orphans(driver: Driver, database: str) -> dict[str, int]:
    """Things that only exist half: entities no document mentions, claims no document states."""
    rec = driver.execute_query(
        """CALL () { MATCH (e:Entity) WHERE NOT (e)-[:MENTIONED_IN]->(:Document) RETURN count(e) AS entities }
           CALL () { MATCH (c:Claim) WHERE NOT (c)-[:STATED_IN]->(:Document) RETURN count(c) AS claims }
           CALL () { MATCH (c:Claim) WHERE NOT (c)-[:ABOUT]->(:Entity) RETURN count(c) AS aboutless }
           RETURN entities, claims, aboutless""",
        database_=database,
    ).records[0]
    return dict(rec)


@pytest.mark.parametrize("trial", range(TRIALS))
def test_kill_9_mid_ingest_then_rerun_equals_a_clean_run(
    clean_run: CleanRun, empty_graph: Driver, database: str, corpus: Path, tmp_path: Path, trial: int
) -> None:
    rng = random.Random(SEED * 1009 + trial)
    # The delay counts from the moment the first document is stored (start-up and extraction speed vary from
    # run to run) and is stratified over the loading span of the clean run: trial i in the i-th slice.
    span = max(clean_run.seconds - clean_run.first_document, 1.0)
    delay = span * (trial + rng.random()) / TRIALS

    wipe(empty_graph, database)
    out, err = tmp_path / "killed.out", tmp_path / "killed.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(hrkg_command("ingest", str(corpus)), stdout=stdout, stderr=stderr,
                                stdin=subprocess.DEVNULL, env=dict(os.environ))  # fmt: skip
        while proc.poll() is None and not stored_documents(empty_graph, database):
            time.sleep(0.02)
        deadline = time.monotonic() + delay
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    killed = proc.returncode == -signal.SIGKILL
    if not killed:
        assert proc.returncode == 0, out.read_text() + err.read_text()

    # What the killed run left: whole documents only, each exactly as the clean run stores it.
    partial = per_document_footprint(empty_graph, database)
    for doc_id, footprint in partial.items():
        assert doc_id in clean_run.footprint, f"trial {trial}: unknown document {doc_id} after the kill"
        assert footprint == clean_run.footprint[doc_id], (
            f"trial {trial}: document {doc_id} is stored partially after kill -9: "
            f"(mentions, claims, evidence) {footprint} != {clean_run.footprint[doc_id]}"
        )
    assert orphans(empty_graph, database) == {"entities": 0, "claims": 0, "aboutless": 0}

    rerun = run_hrkg("ingest", str(corpus))
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    state = graph_state(empty_graph, database)
    print(f"\ntrial {trial}: {'kill -9' if killed else 'finished before the kill'} {delay:.2f} s after the first "
          f"document, "
          f"{len(partial)}/{DOCS} documents stored; after the re-run {state.nodes} nodes, "
          f"{state.relationships} relationships, checksum {state.checksum[:16]}")  # fmt: skip
    assert state.counts() == clean_run.state.counts()
    assert state.checksum == clean_run.state.checksum, f"trial {trial}: same counts, different content"
