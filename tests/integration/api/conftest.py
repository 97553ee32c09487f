"""API fixtures: the small test graph loaded into the real Neo4j, and a client of the app with its lifespan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import SecretStr

from hrkg.api.app import create_app
from hrkg.graph import writer
from hrkg.ontology.models import Document
from hrkg.settings import Settings
from tests.integration.api.data import documents

API_KEY = "test-key-0123456789"


@pytest.fixture(scope="module")
def api_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={
        "api_keys": [SecretStr("other-key"), SecretStr(API_KEY)], "cypher_timeout": 2.0, "cypher_max_rows": 50,
        "max_document_bytes": 20_000, "base_uri": "http://hrkg.test",
    })  # fmt: skip


@pytest.fixture(scope="module")
def seeded(empty_graph: Driver, database: str) -> list[Document]:
    docs = documents()
    for doc in docs:
        writer.load_document(empty_graph, database, doc)
    return docs


@pytest.fixture(scope="module")
def client(api_settings: Settings, seeded: list[Document]) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings)) as c:
        yield c


def graph_counts(driver: Driver, database: str) -> tuple[int, int, tuple[str, ...]]:
    """Nodes, relationships and a fingerprint of every label, type and property, to show a query changed nothing."""
    nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", database_=database).records
    rels = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS l, properties(r) AS p", database_=database).records
    fingerprint = sorted(repr((sorted(r["l"]) if isinstance(r["l"], list) else r["l"], sorted(r["p"].items())))
                         for r in [*nodes, *rels])  # fmt: skip
    return len(nodes), len(rels), tuple(fingerprint)
