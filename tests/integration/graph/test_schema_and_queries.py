"""init-db's schema on the real server, and every cypher/*.cypher file through EXPLAIN."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from neo4j import Driver

from hrkg.graph import queries
from hrkg.graph.schema import FULLTEXT_INDEX, existing_schema, schema_statements
from hrkg.ontology import load_ontology

pytestmark = pytest.mark.integration


def test_init_db_twice_leaves_every_constraint_and_index_in_place(empty_graph: Driver, database: str) -> None:
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "hrkg.cli", "init-db"], env=dict(os.environ), capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert "Schema ready" in proc.stdout
    present = existing_schema(empty_graph, database)
    expected = schema_statements(load_ontology())
    for st in expected:
        bucket = "constraints" if st.kind == "constraint" else "indexes"
        assert st.name in present[bucket], f"{st.name} missing after init-db"
    assert "entity_id_unique" in present["constraints"]
    assert "document_id_unique" in present["constraints"] and "claim_id_unique" in present["constraints"]
    assert FULLTEXT_INDEX in present["indexes"]


def test_uniqueness_is_enforced(empty_graph: Driver, database: str) -> None:
    empty_graph.execute_query("CREATE (:Entity:Person {id: 'person/unique-probe', name: 'Probe'})", database_=database)
    with pytest.raises(Exception, match="already exists"):
        empty_graph.execute_query("CREATE (:Entity {id: 'person/unique-probe'})", database_=database)
    rows = empty_graph.execute_query(
        "MATCH (n:Entity {id: 'person/unique-probe'}) RETURN n.name AS name", database_=database
    ).records
    assert [r["name"] for r in rows] == ["Probe"]
    empty_graph.execute_query("MATCH (n:Entity {id: 'person/unique-probe'}) DELETE n", database_=database)


@pytest.mark.parametrize("name", queries.available())
def test_every_cypher_file_passes_explain(empty_graph: Driver, database: str, name: str) -> None:
    cypher = queries.load(name)
    params = {p: None for p in cypher.parameters}
    with empty_graph.session(database=database) as session:
        summary = session.run("EXPLAIN " + cypher.text, params).consume()
    assert summary.plan is not None


def test_there_are_at_least_twelve_documented_analyst_queries() -> None:
    analyst = [n for n in queries.available() if not n.startswith(("write_", "remove_", "api_", "export_"))]
    assert len(analyst) >= 12
    for name in analyst:
        cypher = queries.load(name)
        assert len(cypher.header) > 30, f"{name}.cypher needs a header comment saying what it answers"
        assert "Parameters" in cypher.header, f"{name}.cypher must list its parameters in the header"
