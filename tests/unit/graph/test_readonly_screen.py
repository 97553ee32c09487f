"""The lexical screen of analyst queries (the server-side checks are tested on the real Neo4j)."""

from __future__ import annotations

import pytest

from hrkg.graph.readonly import screen
from hrkg.ontology.errors import QueryRefused

REFUSED = [
    "CREATE (n:Person {name: 'x'})",
    "MATCH (n) SET n.name = 'x'",
    "match (n) detach delete n",
    "MATCH (n)\n  REMOVE n:Person",
    "MERGE (n:Place {id: 'place/x'})",
    "CALL dbms.security.createUser('a', 'b', false)",
    "CALL db.createLabel('X')",
    "CALL db.index.fulltext.drop('entity_names')",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "USE system SHOW USERS",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW TRANSACTIONS",
    "SHOW SETTINGS",
    "STOP DATABASE neo4j",
    "DROP INDEX entity_names",
    "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
    "/* harmless */ MATCH (n) //\n DELETE n",
    "EXPLAIN MATCH (n) RETURN n",
    "",
]
ALLOWED = [
    "MATCH (c:Claim) RETURN c.start, c.end, c.sentence",
    "MATCH (n) WHERE n.name = 'CREATE something' RETURN n",
    "MATCH (n) RETURN n.name AS `set` // DELETE in a comment",
    "MATCH (n:Entity) WHERE n.name STARTS WITH 'Navid' RETURN n LIMIT 5",
    "SHOW INDEXES",
]


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    with pytest.raises(QueryRefused):
        screen(text)


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed(text: str) -> None:
    screen(text)
