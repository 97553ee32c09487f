"""`hrkg ingest` on the real server: bad input, idempotent re-ingest, and the seed graph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import Driver

from tests.conftest import REPO
from tests.integration.conftest import wipe

pytestmark = pytest.mark.integration

GOOD_ONE = """GENEVA, 4 March 2024 - The Kestrel Rights Initiative said on Monday that Daria Voss, a 31-year-old
journalist, was arrested in Almaty during the February 2024 protests. The group said at least 140 people were
detained in the crackdown.
"""
GOOD_TWO = """# Verdict in The Hague

A Dutch court sentenced Karim Haddad to life in prison on 9 May 2023 for torture committed in Syria.
Human Rights Watch said the trial showed that universal jurisdiction works.
"""


def run_hrkg(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "hrkg.cli", *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )


def graph_counts(driver: Driver, database: str) -> dict[str, int]:
    rec = driver.execute_query(
        """CALL () { MATCH (n) RETURN count(n) AS nodes }
           CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
           CALL () { MATCH ()-[r]->() WHERE r.ev_key IS NOT NULL RETURN sum(size(r.ev_key)) AS evidence }
           CALL () { MATCH (d:Document) RETURN count(d) AS documents }
           RETURN nodes, rels, evidence, documents""",
        database_=database,
    ).records[0]
    return dict(rec)


@pytest.fixture
def clean(empty_graph: Driver, database: str) -> Driver:
    wipe(empty_graph, database)
    return empty_graph


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "nested").mkdir(parents=True)
    (corpus / "good-one.txt").write_text(GOOD_ONE, encoding="utf-8")
    (corpus / "good-one.meta.json").write_text('{"title": "Arrests in Almaty", "published": "2024-03-04"}')
    (corpus / "nested" / "good-two.md").write_text(GOOD_TWO, encoding="utf-8")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00\xff" * 50)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 de la Paix, Gen\xe8ve: a witness said.".encode("latin-1"))
    (corpus / "huge.txt").write_text("Protesters gathered in the square. " * 4000)
    (corpus / "report.pdf").write_bytes(b"%PDF-1.7 not supported")
    (corpus / "broken-sidecar.txt").write_text("Amnesty International said it documented the arrests.\n")
    (corpus / "broken-sidecar.meta.json").write_text('{"title": "unterminated')
    (corpus / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    return corpus


BAD = ["empty.txt", "binary.txt", "latin1.txt", "huge.txt", "report.pdf", "broken-sidecar.txt", "dangling.txt"]


def test_bad_files_are_named_the_rest_is_ingested_and_reingest_changes_nothing(
    clean: Driver, database: str, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path)
    proc = run_hrkg("ingest", str(corpus), env_extra={"HRKG_MAX_DOCUMENT_BYTES": "100000"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    failed_lines = [line for line in proc.stderr.splitlines() if line.startswith("failed ")]
    for name in BAD:
        lines = [line for line in failed_lines if name in line]
        assert len(lines) == 1, f"expected one line naming {name}, got {lines}\n{proc.stderr}"
        assert len(lines[0]) > len(f"failed {corpus / name}: ") + 5, lines[0]  # a reason follows the name
    assert "documents 2," in proc.stdout and f"failures {len(BAD)}" in proc.stdout

    sources = {r["source"] for r in clean.execute_query("MATCH (d:Document) RETURN d.source AS source",
                                                         database_=database).records}  # fmt: skip
    assert {Path(s).name for s in sources} == {"good-one.txt", "good-two.md"}
    titles = {r["t"] for r in clean.execute_query("MATCH (d:Document) RETURN d.title AS t", database_=database).records}
    assert "Arrests in Almaty" in titles
    before = graph_counts(clean, database)
    assert before["nodes"] > 2 and before["documents"] == 2

    again = run_hrkg("ingest", str(corpus), env_extra={"HRKG_MAX_DOCUMENT_BYTES": "100000"})
    assert again.returncode == 1
    assert graph_counts(clean, database) == before


def test_missing_path_is_an_error_that_names_it(clean: Driver, tmp_path: Path) -> None:
    proc = run_hrkg("ingest", str(tmp_path / "nowhere"))
    assert proc.returncode == 1
    assert "nowhere" in proc.stderr


def test_seed_graph(clean: Driver, database: str, seeds_dir: Path) -> None:
    proc = run_hrkg("ingest", str(seeds_dir))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "documents 5," in proc.stdout

    def entity(name_word: str, label: str) -> list[dict]:
        return [r.data() for r in clean.execute_query(
            f"MATCH (e:{label}) WHERE toLower(e.name) CONTAINS $w RETURN e.id AS id, e.name AS name",
            w=name_word, database_=database).records]  # fmt: skip

    assert entity("navid afkari", "Person")
    assert entity("hassan afshar", "Person")
    assert entity("hamid noury", "Person")
    assert entity("1988", "Event")
    assert entity("november 2019", "Event")

    for rel_type in ("REPORTED_BY", "EXECUTED_IN", "TRIED_UNDER_UNIVERSAL_JURISDICTION"):
        rows = clean.execute_query(
            "MATCH (s:Entity)-[r]->(o:Entity) WHERE type(r) = $t RETURN s.name AS s, o.name AS o, r.ev_text AS ev",
            t=rel_type, database_=database,
        ).records  # fmt: skip
        assert rows, f"no {rel_type} edge after ingesting the seeds"
        for row in rows:
            assert row["ev"] and all(len(t) > 20 for t in row["ev"]), row

    noury = clean.execute_query(
        """MATCH (x:Entity)-[r:TRIED_UNDER_UNIVERSAL_JURISDICTION]->(p:Place)
           WHERE toLower(x.name) CONTAINS 'noury' RETURN p.name AS place""",
        database_=database,
    ).records
    assert "Sweden" in {r["place"] for r in noury}
    afkari = clean.execute_query(
        "MATCH (:Person {id: 'person/navid-afkari'})-[r:EXECUTED_IN]->(x) RETURN x.name AS x", database_=database
    ).records
    assert afkari

    claims = clean.execute_query(
        """MATCH (c:Claim)-[:ABOUT]->(e:Event)
           WHERE toLower(e.name) CONTAINS 'november 2019'
           MATCH (c)-[:CLAIMED_BY]->(who)
           RETURN c.value AS value, who.id AS who, c.sentence AS sentence""",
        database_=database,
    ).records
    by_value = {(r["value"], r["who"]) for r in claims}
    assert (304, "organisation/amnesty-international") in by_value
    assert (1500, "organisation/pmoi") in by_value
    assert all(r["sentence"] for r in claims)


def test_sample_corpus_ingests_cleanly(clean: Driver, database: str) -> None:
    proc = run_hrkg("ingest", str(REPO / "examples" / "corpus"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    docs = clean.execute_query("MATCH (d:Document) RETURN count(d) AS n", database_=database).records[0]["n"]
    files = [p for p in (REPO / "examples" / "corpus").iterdir() if p.suffix in {".txt", ".md", ".html"}]
    assert docs == len(files)
