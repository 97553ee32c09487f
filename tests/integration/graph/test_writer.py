"""The graph writer on the real server: idempotent loads, evidence per document, all-or-nothing, removal."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver, ManagedTransaction

from hrkg.graph import writer
from hrkg.ontology.errors import GraphWriteError
from hrkg.ontology.models import Document

pytestmark = pytest.mark.integration

SENTENCE_A = "The Committee said that Lena Varga was detained in Riverton during the March protests."
SENTENCE_B = "Observers from Open Courts Watch reported that at least 212 people were arrested."


def make_doc(text: str, source: str, *, extra_entities: list[dict] | None = None,
             relations: list[dict] | None = None, claims: list[dict] | None = None) -> Document:  # fmt: skip
    doc_id = hashlib.sha256(text.encode()).hexdigest()

    def span(s: str) -> dict[str, Any]:
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}

    entities = [
        {"id": "person/lena-varga", "type": "Person", "name": "Lena Varga", "aliases": ["Varga"],
         "mentions": [span("Lena Varga")]},
        {"id": "event/march-protests", "type": "Event", "name": "March protests", "aliases": [],
         "start_date": "2024-03", "mentions": [span("March protests")]},
        {"id": "place/riverton", "type": "Place", "name": "Riverton", "aliases": [], "mentions": [span("Riverton")]},
    ] + (extra_entities or [])  # fmt: skip
    return Document.model_validate({
        "id": doc_id, "source": source, "title": f"Title of {source}", "publisher": "Test Desk",
        "published": "2024-04-02", "extractor": "hand-written",
        "entities": entities,
        "relations": [
            {"subject": "person/lena-varga", "predicate": "arrested_in", "object": "event/march-protests",
             "date": "2024-03", "confidence": 0.9, "evidence": span(text.split(".")[0] + ".")},
        ] + (relations or []),
        "claims": claims or [],
    })  # fmt: skip


@pytest.fixture
def graph(empty_graph: Driver, database: str) -> Iterator[Driver]:
    from tests.integration.conftest import wipe

    wipe(empty_graph, database)
    yield empty_graph


def counts(driver: Driver, database: str) -> dict[str, int]:
    rec = driver.execute_query(
        """
        CALL () { MATCH (n) RETURN count(n) AS nodes }
        CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
        CALL () { MATCH ()-[r]->() WHERE r.ev_key IS NOT NULL RETURN sum(size(r.ev_key)) AS evidence }
        RETURN nodes, rels, evidence
        """,
        database_=database,
    ).records[0]
    return dict(rec)


def test_hand_written_extraction_loads_with_expected_nodes_edges_and_properties(graph: Driver, database: str) -> None:
    text = SENTENCE_A + " " + SENTENCE_B
    doc = make_doc(
        text, "a.txt",
        extra_entities=[{"id": "organisation/open-courts-watch", "type": "Organisation", "name": "Open Courts Watch",
                         "aliases": ["OCW"], "kind": "ngo", "mentions": [{"start": text.index("Open Courts Watch"),
                         "end": text.index("Open Courts Watch") + 17, "text": "Open Courts Watch"}]}],
        relations=[{"subject": "event/march-protests", "predicate": "reported_by",
                    "object": "organisation/open-courts-watch", "confidence": 0.7,
                    "evidence": {"start": text.index(SENTENCE_B), "end": len(text), "text": SENTENCE_B}}],
        claims=[{"about": "event/march-protests", "metric": "arrested", "value": 212, "qualifier": "at least",
                 "claimed_by": "organisation/open-courts-watch", "date": None,
                 "evidence": {"start": text.index(SENTENCE_B), "end": len(text), "text": SENTENCE_B}}],
    )  # fmt: skip
    writer.load_document(graph, database, doc)

    person = graph.execute_query(
        "MATCH (p:Person:Entity {id: 'person/lena-varga'}) RETURN p", database_=database
    ).records[0]["p"]
    assert person["name"] == "Lena Varga" and person["aliases"] == ["Varga"]

    rel = graph.execute_query(
        "MATCH (:Person {id: 'person/lena-varga'})-[r:ARRESTED_IN]->(:Event {id: 'event/march-protests'}) RETURN r",
        database_=database,
    ).records[0]["r"]
    assert rel["ev_text"] == [SENTENCE_A]
    assert rel["ev_doc"] == [doc.id] and rel["doc_ids"] == [doc.id]
    assert rel["ev_start"] == [0] and rel["ev_end"] == [len(SENTENCE_A)]
    assert rel["ev_extractor"] == ["hand-written"] and rel["confidence"] == 0.9 and rel["date"] == "2024-03"
    assert rel["evidence_count"] == 1

    claim = graph.execute_query(
        """MATCH (c:Claim)-[:ABOUT]->(:Event {id: 'event/march-protests'}),
                 (c)-[:CLAIMED_BY]->(:Organisation {id: 'organisation/open-courts-watch'}),
                 (c)-[:STATED_IN]->(d:Document)
           RETURN c, d""",
        database_=database,
    ).records[0]
    assert claim["c"]["value"] == 212 and claim["c"]["qualifier"] == "at least" and claim["c"]["metric"] == "arrested"
    assert claim["c"]["sentence"] == SENTENCE_B
    assert claim["d"]["id"] == doc.id and claim["d"]["publisher"] == "Test Desk"

    mention = graph.execute_query(
        "MATCH (:Place {id: 'place/riverton'})-[m:MENTIONED_IN]->(:Document) RETURN m", database_=database
    ).records[0]["m"]
    assert mention["starts"] == [text.index("Riverton")] and mention["texts"] == ["Riverton"]
    org = graph.execute_query(
        "MATCH (o:Organisation {id: 'organisation/open-courts-watch'}) RETURN o.kind AS kind", database_=database
    ).records[0]
    assert org["kind"] == "ngo"


def test_loading_again_changes_no_count(graph: Driver, database: str) -> None:
    doc = make_doc(SENTENCE_A, "a.txt")
    writer.load_document(graph, database, doc)
    before = counts(graph, database)
    writer.load_document(graph, database, doc)
    assert counts(graph, database) == before


def test_two_documents_one_edge_two_evidence_entries_and_removal_keeps_one(graph: Driver, database: str) -> None:
    text_b = "Lena Varga, a teacher, was detained in Riverton during the March protests, her lawyer said."
    doc_a = make_doc(SENTENCE_A, "a.txt")
    doc_b = make_doc(text_b, "b.txt", extra_entities=[
        {"id": "person/tomas-reyes", "type": "Person", "name": "Tomas Reyes", "aliases": [], "mentions": []}
    ])  # fmt: skip
    writer.load_document(graph, database, doc_a)
    writer.load_document(graph, database, doc_b)
    rels = graph.execute_query(
        "MATCH (:Person {id: 'person/lena-varga'})-[r:ARRESTED_IN]->() RETURN r", database_=database
    ).records
    assert len(rels) == 1
    assert sorted(rels[0]["r"]["ev_doc"]) == sorted([doc_a.id, doc_b.id])
    assert rels[0]["r"]["evidence_count"] == 2

    removed = writer.remove_document(graph, database, doc_b.id)
    assert removed is not None and removed.entities == 1  # Tomas Reyes was only in doc B
    rel = graph.execute_query(
        "MATCH (:Person {id: 'person/lena-varga'})-[r:ARRESTED_IN]->() RETURN r", database_=database
    ).records[0]["r"]
    assert rel["ev_doc"] == [doc_a.id] and rel["evidence_count"] == 1 and rel["ev_text"] == [SENTENCE_A]
    assert not graph.execute_query("MATCH (p {id: 'person/tomas-reyes'}) RETURN p", database_=database).records
    assert not graph.execute_query("MATCH (d:Document {id: $id}) RETURN d", id=doc_b.id, database_=database).records

    writer.remove_document(graph, database, doc_a.id)
    assert counts(graph, database) == {"nodes": 0, "rels": 0, "evidence": 0}
    assert writer.remove_document(graph, database, doc_a.id) is None


def test_names_and_aliases_are_merged_never_dropped(graph: Driver, database: str) -> None:
    doc_a = make_doc(SENTENCE_A, "a.txt")
    text_b = "Lena Varga-Holm was detained in Riverton during the March protests."
    doc_b = make_doc(text_b, "b.txt")
    doc_b.entities[0].name = "Lena Varga-Holm"
    doc_b.entities[0].aliases = ["L. Varga"]
    writer.load_document(graph, database, doc_a)
    writer.load_document(graph, database, doc_b)
    p = graph.execute_query("MATCH (p:Person {id: 'person/lena-varga'}) RETURN p", database_=database).records[0]["p"]
    assert p["name"] == "Lena Varga"
    assert set(p["aliases"]) == {"Varga", "Lena Varga-Holm", "L. Varga"}
    writer.remove_document(graph, database, doc_b.id)
    p = graph.execute_query("MATCH (p:Person {id: 'person/lena-varga'}) RETURN p", database_=database).records[0]["p"]
    assert set(p["aliases"]) == {"Varga"}


def test_an_error_in_the_middle_of_a_load_leaves_nothing_of_the_document(
    graph: Driver, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = make_doc("Lena Varga was seen in Riverton during the March protests.", "good.txt")
    writer.load_document(graph, database, good)
    before = counts(graph, database)

    def explode(tx: ManagedTransaction, rows: writer.DocumentRows) -> None:
        tx.run("RETURN 1 / $zero AS boom", zero=0).consume()  # a real server-side error after some writes

    steps = list(writer.STEPS)
    monkeypatch.setattr(writer, "STEPS", [*steps[:2], explode, *steps[2:]])
    bad = make_doc(SENTENCE_A, "bad.txt", extra_entities=[
        {"id": "person/nobody-else", "type": "Person", "name": "Nobody Else", "aliases": [], "mentions": []}
    ])  # fmt: skip
    with pytest.raises(GraphWriteError, match=r"bad\.txt"):
        writer.load_document(graph, database, bad)
    assert counts(graph, database) == before
    assert not graph.execute_query("MATCH (d:Document {id: $id}) RETURN d", id=bad.id, database_=database).records
    assert not graph.execute_query("MATCH (p {id: 'person/nobody-else'}) RETURN p", database_=database).records
