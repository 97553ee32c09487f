"""Load extraction results into Neo4j: one document per managed transaction, batched ``UNWIND`` statements.

A document lands whole or not at all. Every write is a MERGE on a stable id, so loading the same
document again changes nothing; edges supported by several documents keep one evidence entry per
supporting sentence. ``remove_document`` takes back what only one document supported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from hrkg.graph.queries import query
from hrkg.ontology import Ontology, load_ontology
from hrkg.ontology.errors import GraphUnavailable, GraphWriteError
from hrkg.ontology.models import Document

BATCH_SIZE = 5_000


@dataclass(frozen=True)
class DocumentRows:
    """The parameter rows of one document, ready for the ``write_*`` statements."""

    doc: dict[str, Any]
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    claims: list[dict[str, Any]]


@dataclass
class LoadSummary:
    documents: int = 0
    entities: int = 0
    relations: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, rows: DocumentRows) -> None:
        self.documents += 1
        self.entities += len(rows.entities)
        self.relations += len(rows.relations)
        self.claims += len(rows.claims)


def claim_id(doc_id: str, about: str, metric: str, value: int | None, qualifier: str | None,
             claimed_by: str | None, start: int, end: int) -> str:  # fmt: skip
    """A deterministic claim id from its document, content and sentence span."""
    parts = [doc_id, about, metric, str(value), qualifier or "", claimed_by or "", str(start), str(end)]
    return "claim/" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def document_rows(doc: Document, ontology: Ontology | None = None, *, extractor: str | None = None) -> DocumentRows:
    """Turn a validated extraction result into statement parameters, checking labels and types on the way."""
    onto = ontology or load_ontology()
    extractor_name = extractor or doc.extractor or "unknown"
    entities = []
    for e in doc.entities:
        if e.type not in onto.entity_types:
            raise GraphWriteError(f"document {doc.source}: entity {e.id} has unknown type {e.type}")
        entities.append({
            "id": e.id, "type": onto.types[e.type].label, "name": e.name,
            "aliases": sorted({a for a in e.aliases if a and a != e.name}),
            "wikidata": e.wikidata, "description": e.description, "kind": e.kind,
            "start_date": e.start_date, "end_date": e.end_date,
            "starts": [m.start for m in e.mentions], "ends": [m.end for m in e.mentions],
            "texts": [m.text for m in e.mentions],
        })  # fmt: skip
    relations = []
    for r in doc.relations:
        pred = onto.predicates.get(r.predicate)
        if pred is None:
            raise GraphWriteError(f"document {doc.source}: unknown predicate {r.predicate}")
        relations.append({
            "subject": r.subject, "type": pred.type, "object": r.object,
            "key": f"{doc.id}:{r.evidence.start}:{r.evidence.end}",
            "text": r.evidence.text, "start": r.evidence.start, "end": r.evidence.end,
            "extractor": r.extractor or extractor_name, "confidence": r.confidence, "date": r.date,
        })  # fmt: skip
    claims = []
    for c in doc.claims:
        claims.append({
            "id": claim_id(doc.id, c.about, c.metric, c.value, c.qualifier, c.claimed_by,
                           c.evidence.start, c.evidence.end),
            "about": c.about, "claimed_by": c.claimed_by, "metric": c.metric, "value": c.value,
            "qualifier": c.qualifier, "date": c.date, "text": c.evidence.text,
            "start": c.evidence.start, "end": c.evidence.end,
            "extractor": c.extractor or extractor_name, "confidence": c.confidence,
        })  # fmt: skip
    meta = {
        "id": doc.id, "source": doc.source, "title": doc.title, "url": doc.url, "publisher": doc.publisher,
        "published": doc.published, "extractor": extractor_name,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    return DocumentRows(doc=meta, entities=entities, relations=relations, claims=claims)


def _batches(rows: Sequence[dict[str, Any]], size: int = BATCH_SIZE) -> Iterable[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _write_doc(tx: ManagedTransaction, rows: DocumentRows) -> None:
    tx.run(query("write_document"), doc=rows.doc).consume()


def _write_entities(tx: ManagedTransaction, rows: DocumentRows) -> None:
    for batch in _batches(rows.entities):
        tx.run(query("write_entities"), doc_id=rows.doc["id"], rows=list(batch)).consume()


def _write_relations(tx: ManagedTransaction, rows: DocumentRows) -> None:
    for batch in _batches(rows.relations):
        tx.run(query("write_relations"), doc_id=rows.doc["id"], rows=list(batch)).consume()


def _write_claims(tx: ManagedTransaction, rows: DocumentRows) -> None:
    for batch in _batches(rows.claims):
        tx.run(query("write_claims"), doc_id=rows.doc["id"], rows=list(batch)).consume()


WriteStep = Callable[[ManagedTransaction, DocumentRows], None]
#: The steps of loading one document, run in order inside one transaction.
STEPS: list[WriteStep] = [_write_doc, _write_entities, _write_relations, _write_claims]


def _load_tx(tx: ManagedTransaction, rows: DocumentRows) -> None:
    for step in STEPS:
        step(tx, rows)


def load_document(driver: Driver, database: str, doc: Document, *, extractor: str | None = None) -> DocumentRows:
    """Load one document in one transaction; on any failure nothing of it stays in the graph."""
    rows = document_rows(doc, extractor=extractor)
    try:
        with driver.session(database=database) as session:
            session.execute_write(_load_tx, rows)
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j became unreachable while loading {doc.source}: {exc}") from None
    except Neo4jError as exc:
        raise GraphWriteError(f"loading {doc.source} failed and was rolled back: {exc.message}") from None
    return rows


def load_documents(driver: Driver, database: str, docs: Iterable[Document]) -> LoadSummary:
    """Load several documents, each in its own transaction; failures are collected, the rest goes on."""
    summary = LoadSummary()
    for doc in docs:
        try:
            summary.add(load_document(driver, database, doc))
        except GraphWriteError as exc:
            summary.failures.append((doc.source, str(exc)))
    return summary


@dataclass(frozen=True)
class RemovalSummary:
    doc_id: str
    claims: int
    relations: int
    entities: int


def remove_document(driver: Driver, database: str, doc_id: str) -> RemovalSummary | None:
    """Remove a document and what only it supported; ``None`` when no such document is stored."""

    def work(tx: ManagedTransaction) -> dict[str, Any] | None:
        record = tx.run(query("remove_document"), doc_id=doc_id).single()
        return record.data() if record else None

    try:
        with driver.session(database=database) as session:
            counts = session.execute_write(work)
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j became unreachable while removing {doc_id}: {exc}") from None
    if counts is None:
        return None
    return RemovalSummary(
        doc_id=doc_id,
        claims=counts["claims_removed"],
        relations=counts["relations_removed"],
        entities=counts["entities_removed"],
    )
