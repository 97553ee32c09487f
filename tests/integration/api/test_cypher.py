"""POST /cypher: reads answer, writes and admin are refused with 400 and change nothing, timeout and row cap."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from hrkg.graph import readonly
from hrkg.ontology.errors import QueryRefused
from hrkg.ontology.models import Document
from tests.integration.api.conftest import graph_counts

pytestmark = pytest.mark.integration

REFUSED = {
    "create": "CREATE (:Person:Entity {id: 'person/hacker', name: 'Hacker'})",
    "merge": "MERGE (p:Person:Entity {id: 'person/hacker'}) RETURN p",
    "set": "MATCH (p:Person {id: 'person/navid-afkari'}) SET p.name = 'changed' RETURN p",
    "delete": "MATCH (c:Claim) DELETE c",
    "detach_delete": "MATCH (n) DETACH DELETE n",
    "remove": "MATCH (p:Person) REMOVE p.name RETURN p",
    "remove_label": "MATCH (p:Person) REMOVE p:Person",
    "dbms_procedure": "CALL dbms.components()",
    "dbms_security": "CALL dbms.security.createUser('x', 'y', false)",
    "load_csv": "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "write_in_call_subquery": "CALL () { CREATE (:Entity {id: 'person/sneaky'}) } RETURN 1",
    "write_in_old_call_subquery": "MATCH (p:Person) CALL { WITH p SET p.x = 1 } RETURN p",
    "in_transactions": "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "write_procedure": "CALL db.createLabel('Hacked')",
    "write_procedure_property": "CALL db.createProperty('hacked')",
    "use_database": "USE system SHOW USERS",
    "foreach": "MATCH (p:Person) FOREACH (x IN [1] | SET p.y = x)",
    "create_index": "CREATE INDEX hacked IF NOT EXISTS FOR (n:Person) ON (n.hacked)",
    "drop_constraint": "DROP CONSTRAINT entity_id_unique",
    "explain_prefix": "EXPLAIN MATCH (n) RETURN n",
    "terminate_transactions": "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "show_transactions": "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
    "comment_disguise": "MATCH (n) /* harmless */ SET n.z = 1 // still a write",
}


def test_a_read_query_with_parameters(client: TestClient) -> None:
    resp = client.post("/cypher", json={
        "query": "MATCH (p:Person {id: $id})-[r]->(x:Entity) RETURN p.name AS name, type(r) AS rel, x.id AS other "
                 "ORDER BY rel", "params": {"id": "person/navid-afkari"}})  # fmt: skip
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["columns"] == ["name", "rel", "other"] and body["truncated"] is False
    assert body["rows"][0] == {"name": "Navid Afkari", "rel": "EXECUTED_IN", "other": "place/shiraz"}
    assert body["row_count"] == len(body["rows"]) == 2


def test_nodes_paths_and_temporal_values_are_json(client: TestClient) -> None:
    query = (
        "MATCH p = (a:Person)-[r]->(b) RETURN a, r, p, date('2020-09-12') AS d, duration('P1D') AS dur, "
        "point({x: 1, y: 2}) AS pt LIMIT 1"
    )
    resp = client.post("/cypher", json={"query": query})
    assert resp.status_code == 200, resp.text
    row = resp.json()["rows"][0]
    assert row["a"]["name"] == "Navid Afkari" and row["d"] == "2020-09-12" and row["pt"]["coordinates"] == [1.0, 2.0]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_writes_and_admin_are_refused_and_change_nothing(client: TestClient, empty_graph: Driver, database: str,
                                                         seeded: list[Document], name: str) -> None:  # fmt: skip
    before = graph_counts(empty_graph, database)
    resp = client.post("/cypher", json={"query": REFUSED[name]})
    assert resp.status_code == 400, (name, resp.text)
    err = resp.json()["error"]
    assert err["code"] == "query_refused" and err["message"] and "\n" not in err["message"]
    assert graph_counts(empty_graph, database) == before
    users = empty_graph.execute_query("SHOW USERS YIELD user RETURN collect(user) AS u", database_="system")
    assert users.records[0]["u"] == ["neo4j"]


@pytest.mark.parametrize("name", ["create", "merge", "set", "delete", "detach_delete", "remove",
                                  "write_in_call_subquery", "write_procedure", "foreach"])  # fmt: skip
def test_without_the_lexical_screen_the_server_still_refuses_writes(
    empty_graph: Driver, database: str, seeded: list[Document], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Defence in depth: EXPLAIN's query type and the READ access mode refuse what the screen would have."""
    monkeypatch.setattr(readonly, "screen", lambda text: None)
    before = graph_counts(empty_graph, database)
    with pytest.raises(QueryRefused):
        readonly.run_read_only(empty_graph, database, REFUSED[name], timeout=5)
    assert graph_counts(empty_graph, database) == before


def test_a_slow_query_is_stopped_by_the_timeout(client: TestClient) -> None:
    started = time.monotonic()
    resp = client.post("/cypher", json={
        "query": "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 1000003 = -1 RETURN count(x) AS n"})  # fmt: skip
    elapsed = time.monotonic() - started
    assert resp.status_code == 400, resp.text
    assert "timeout" in resp.json()["error"]["message"]
    assert elapsed < 2.0 + 8.0  # the settings' 2 s, plus the server's reaction time
    # the server is still fine afterwards
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()["rows"] == [{"one": 1}]


def test_the_row_cap_truncates_and_says_so(client: TestClient) -> None:
    capped = client.post("/cypher", json={"query": "UNWIND range(1, 1000) AS x RETURN x"}).json()
    assert capped["truncated"] is True and capped["row_count"] == 50 and capped["rows"][-1] == {"x": 50}
    exact = client.post("/cypher", json={"query": "UNWIND range(1, 50) AS x RETURN x"}).json()
    assert exact["truncated"] is False and exact["row_count"] == 50


def test_bad_queries_get_a_clean_400(client: TestClient) -> None:
    for query in ("MATCH (n RETURN n", "RETURN $missing", "RETURN 1 / 0 AS boom", "   "):
        resp = client.post("/cypher", json={"query": query})
        assert resp.status_code in (400, 422), (query, resp.text)
        err = resp.json()["error"]
        assert "Traceback" not in err["message"] and "\n" not in err["message"] and len(err["message"]) <= 400
    assert client.post("/cypher", json={"query": "RETURN 1", "params": [1]}).status_code == 422
    assert client.post("/cypher", json={"query": "RETURN 1", "extra": True}).status_code == 422
