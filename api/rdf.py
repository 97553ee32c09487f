"""RDF for the API, from ``graph/rdf_export.py`` and ``ontology/rdf_vocabulary.py``: format names, one entity's
graph, the streamed export, the vocabulary and the JSON-LD context for the configured ``HRKG_BASE_URI``."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from neo4j import Driver
from rdflib import Graph

from hrkg.graph import rdf_export
from hrkg.ontology import Ontology, load_ontology
from hrkg.ontology.rdf_vocabulary import jsonld_context, vocabulary_graph

FORMATS = rdf_export.FORMATS
FORMAT_ALIASES = {"turtle": "ttl", "n-triples": "nt", "ntriples": "nt", "json-ld": "jsonld", "rdf": "xml",
                  "rdfxml": "xml", "nquads": "nq", "n-quads": "nq"}  # fmt: skip


def format_name(name: str) -> str | None:
    """Our name of an RDF format given as ``ttl``, ``turtle``, ``json-ld``, ...; ``None`` when unknown."""
    fmt = FORMAT_ALIASES.get(name.lower(), name.lower())
    return fmt if fmt in FORMATS else None


def entity_graph(driver: Driver, database: str, entity_id: str, base_uri: str, ontology: Ontology) -> Graph | None:
    return rdf_export.entity_graph(driver, database, entity_id, base_uri, ontology)


def serialize(graph: Graph, fmt: str, base_uri: str, ontology: Ontology) -> bytes:
    return rdf_export.serialize(graph, fmt, base_uri=base_uri, ontology=ontology)


def export_chunks(driver: Driver, database: str, fmt: str, base_uri: str, ontology: Ontology) -> Iterator[bytes]:
    return rdf_export.export_iter(driver, database, fmt, base_uri=base_uri, ontology=ontology)


@lru_cache(maxsize=4)
def vocabulary(base_uri: str, fmt: str) -> bytes:
    """The OWL vocabulary for ``base_uri`` in ``fmt`` (generated from the ontology once per process)."""
    onto = load_ontology()
    return serialize(vocabulary_graph(onto, base_uri), fmt, base_uri, onto)


@lru_cache(maxsize=4)
def context(base_uri: str) -> dict[str, Any]:
    return jsonld_context(load_ontology(), base_uri)
