"""Integration fixtures: a driver for the real Neo4j 5 server that `make test` started (HRKG_NEO4J_URI)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from neo4j import Driver

from hrkg.graph.connection import check_connection, create_driver
from hrkg.graph.schema import apply_schema
from hrkg.ontology import load_ontology
from hrkg.ontology.errors import GraphUnavailable
from hrkg.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="session")
def settings() -> Settings:
    if not os.environ.get("HRKG_NEO4J_URI"):
        pytest.skip("integration tests need a Neo4j: run them through `make test` (or set HRKG_NEO4J_URI)")
    return Settings()


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[Driver]:
    drv = create_driver(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password.get_secret_value())
    try:
        check_connection(drv, settings.neo4j_uri)
    except GraphUnavailable as exc:
        pytest.fail(f"HRKG_NEO4J_URI is set but Neo4j does not answer: {exc}")
    yield drv
    drv.close()


@pytest.fixture(scope="session")
def database(settings: Settings) -> str:
    return settings.neo4j_database


def wipe(driver: Driver, database: str) -> None:
    with driver.session(database=database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture(scope="module")
def empty_graph(driver: Driver, database: str) -> Driver:
    """Each test module starts from an empty graph with the schema applied."""
    wipe(driver, database)
    apply_schema(driver, load_ontology(), database)
    return driver
