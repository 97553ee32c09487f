"""Shapes of an extracted document that the ingest tests compare."""

from __future__ import annotations

from hrkg.ontology.models import Document


def triples(doc: Document) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of every relation."""
    return {(r.subject, r.predicate, r.object) for r in doc.relations}


def ids(doc: Document, etype: str) -> set[str]:
    """The ids of the entities of one type."""
    return {e.id for e in doc.entities if e.type == etype}
