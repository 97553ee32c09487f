"""POST /cypher under attack: write, admin and escape attempts in many disguises are all refused with a JSON
400 and change nothing — not the graph (content checksum), not the schema, users or databases.

tests/integration/api/test_cypher.py covers the plain forms; these are the disguises: case, spacing,
comments, newlines, backticks, unicode look-alikes, parameters, subqueries, multiple statements, prefixes.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from hrkg.api.app import create_app
from hrkg.graph import writer
from hrkg.settings import Settings
from tests.integration.api.data import documents
from tests.integration.conftest import wipe
from tests.reliability.helpers import graph_state, is_error_body

pytestmark = [pytest.mark.integration, pytest.mark.reliability]

LONG_COMMENT = "/*" + "x" * 19_900 + "*/"

# (name, query, params)
ATTEMPTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("mixed_case_create", "cReAtE (:Entity:Person {id: 'person/intruder', name: 'Intruder'})", None),
    ("lower_merge_no_spaces", "merge(p:Person{id:'person/intruder'})return p", None),
    ("set_across_newlines_tabs", "MATCH (n)\n\tSET\n\t\tn.hacked = true\nRETURN count(n)", None),
    ("set_between_comments", "MATCH (n) /* look away */SET/* here */ n.hacked = 1 RETURN 1", None),
    ("delete_after_line_comment", "MATCH (n) // only reading\nDETACH DELETE n", None),
    ("nbsp_separated_set", "MATCH (n)\u00a0SET\u00a0n.hacked = 1", None),
    ("backticked_property_set", "MATCH (n:`Person`) SET n.`name` = 'x' RETURN n", None),
    ("backticked_labels_create", "CREATE (:`Entity`:`Person` {`id`: 'person/intruder'})", None),
    ("remove_label_where", "MATCH (n) WHERE n.id STARTS WITH 'person/' REMOVE n:Entity", None),
    (
        "set_from_params",
        "MATCH (n {id: $id}) SET n += $props RETURN n",
        {"id": "person/navid-afkari", "props": {"name": "changed"}},
    ),
    ("create_with_map_param", "CREATE (n:Entity $props) RETURN n", {"props": {"id": "person/intruder"}}),
    (
        "param_that_looks_like_cypher",
        "MATCH (n) WHERE n.name = $q SET n.flag = $q RETURN n",
        {"q": "'}) DETACH DELETE n //"},
    ),
    ("foreach_create", "FOREACH (i IN range(1, 3) | CREATE (:Entity {id: 'x' + toString(i)}))", None),
    ("call_subquery_create", "CALL { CREATE (n:Entity {id: 'sub'}) RETURN n } RETURN n", None),
    ("scoped_subquery_merge", "MATCH (p:Person) CALL (p) { MERGE (p)-[:RELATED_TO]->(p) } RETURN count(p)", None),
    ("union_with_write", "MATCH (n) RETURN n.id AS id UNION CREATE (m:Entity {id: 'u'}) RETURN m.id AS id", None),
    ("in_transactions_lowercase", "match (n) call (n) { detach delete n } in transactions of 5 rows", None),
    ("in_concurrent_transactions", "MATCH (n) CALL (n) { SET n.x = 1 } IN 2 CONCURRENT TRANSACTIONS OF 10 ROWS", None),
    ("two_statements", "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n", None),
    ("two_statements_create_first", "CREATE (:Entity {id: 'first'}); MATCH (n) RETURN n", None),
    ("load_csv_lower_newline", "load\ncsv from 'file:///etc/passwd' as line return line", None),
    ("load_csv_in_subquery", "CALL { LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row } RETURN row", None),
    ("use_system", "USE system SHOW USERS", None),
    ("use_backticked_db_read", "USE `neo4j` MATCH (n) RETURN count(n)", None),
    ("use_inside_subquery", "CALL { USE system SHOW DATABASES YIELD name RETURN name } RETURN name", None),
    ("show_users_tab", "SHOW\tUSERS", None),
    ("show_current_user", "show current user", None),
    ("show_databases", "SHOW DATABASES YIELD name, currentStatus RETURN name", None),
    ("show_settings", "SHOW SETTINGS YIELD name, value RETURN name, value", None),
    ("terminate_transactions", "TERMINATE TRANSACTIONS 'neo4j-transaction-1', 'neo4j-transaction-2'", None),
    ("create_user", "CREATE USER intruder SET PASSWORD 'intruder-pass' CHANGE NOT REQUIRED", None),
    ("create_or_replace_user", "CREATE OR REPLACE USER neo4j SET PLAINTEXT PASSWORD 'stolen-pass'", None),
    ("alter_user_password", "ALTER USER neo4j SET PASSWORD 'stolen-pass' CHANGE NOT REQUIRED", None),
    ("alter_current_user", "ALTER CURRENT USER SET PASSWORD FROM 'hrkg-local-password' TO 'stolen-pass'", None),
    ("alter_database_read_only", "ALTER DATABASE neo4j SET ACCESS READ ONLY", None),
    ("create_database", "CREATE DATABASE intruder IF NOT EXISTS", None),
    ("stop_database", "STOP DATABASE neo4j", None),
    ("grant_role", "GRANT ROLE admin TO intruder", None),
    ("create_index", "CREATE INDEX intruder_idx IF NOT EXISTS FOR (n:Person) ON (n.hacked)", None),
    ("create_fulltext_index", "CREATE FULLTEXT INDEX intruder_ft FOR (n:Person) ON EACH [n.name]", None),
    ("drop_index", "DROP INDEX entity_names IF EXISTS", None),
    ("create_constraint", "CREATE CONSTRAINT intruder_c FOR (n:Claim) REQUIRE n.hacked IS UNIQUE", None),
    ("dbms_upper", "CALL DBMS.listConfig() YIELD name RETURN name", None),
    ("dbms_set_config", "CALL dbms.setConfigValue('db.transaction.timeout', '1s')", None),
    ("dbms_kill_queries", "CALL dbms.killQueries(['query-1'])", None),
    ("db_create_label", "CALL db.createLabel('Intruder')", None),
    ("db_create_rel_type", "CALL db.createRelationshipType('INTRUDED')", None),
    (
        "db_create_vector_property",
        "MATCH (n:Person) CALL db.create.setNodeVectorProperty(n, 'v', [1.0, 2.0]) RETURN n",
        None,
    ),
    ("db_clear_query_caches", "CALL db.clearQueryCaches()", None),
    ("backticked_procedure", "CALL `db`.`createLabel`('Intruder')", None),
    ("spaced_procedure", "CALL db . createProperty ( 'intruder' )", None),
    ("apoc_create_node", "CALL apoc.create.node(['Entity'], {id: 'apoc'}) YIELD node RETURN node", None),
    ("apoc_periodic_iterate", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", None),
    (
        "apoc_run_write_param",
        "CALL apoc.cypher.runWrite($q, {}) YIELD value RETURN value",
        {"q": "MATCH (n) DETACH DELETE n"},
    ),
    ("apoc_do_it", "CALL apoc.cypher.doIt('CREATE (:Entity {id: \"doit\"})', {}) YIELD value RETURN value", None),
    ("apoc_load_json", "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value", None),
    ("explain_write", "EXPLAIN CREATE (:Entity {id: 'explained'})", None),
    ("profile_write", "PROFILE MATCH (n) SET n.p = 1", None),
    ("cypher_prefix_write", "CYPHER runtime=slotted MATCH (n) DETACH DELETE n", None),
    ("cypher_version_prefix", "CYPHER 5 CREATE (:Entity {id: 'versioned'})", None),
    ("fullwidth_create", "\uff23\uff32\uff25\uff21\uff34\uff25 (:Entity {id: 'fullwidth'})", None),
    ("zero_width_create", "CRE\u200bATE (:Entity {id: 'zero-width'})", None),
    ("unicode_escape_keyword", "MATCH (n) \\u0053ET n.x = 1", None),
    ("long_comment_then_write", LONG_COMMENT + " CREATE (:Entity {id: 'long'})", None),
    ("over_the_size_limit", "MATCH (n) RETURN n " + "/* pad */" * 2_500, None),
    ("string_quote_confusion", "MATCH (n) WITH n, 'it\\'s' AS s SET n.s = s RETURN n", None),
    ("dquote_backtick_confusion", 'MATCH (n) WITH n, "`" AS s SET n.s = s RETURN n', None),
]

# Reads whose parameters or literals look like writes: they answer 200 and change nothing.
HARMLESS_READS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("param_value_is_a_write", "RETURN $q AS q", {"q": "MATCH (n) DETACH DELETE n; CREATE USER x SET PASSWORD 'y'"}),
    ("string_literal_mentions_create", "RETURN 'CREATE (n) // SET n.x = 1' AS text", None),
    ("comment_mentions_delete", "MATCH (n:Person) /* DETACH DELETE n */ RETURN count(n) AS n", None),
    ("property_named_like_keywords", "MATCH (d:Document) RETURN d.source AS created, d.title AS settled LIMIT 1", None),
]


@pytest.fixture(scope="module")
def seeded(empty_graph: Driver, database: str) -> Driver:
    wipe(empty_graph, database)
    for doc in documents():
        writer.load_document(empty_graph, database, doc)
    return empty_graph


@pytest.fixture(scope="module")
def client(settings: Settings, seeded: Driver) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"cypher_timeout": 5.0, "cypher_max_rows": 100}))
    with TestClient(app) as c:
        yield c


def server_state(driver: Driver, database: str) -> dict[str, Any]:
    """Everything an admin command could change: graph content, schema, users, databases."""

    def rows(q: str, db: str = database) -> list[Any]:
        return sorted(str(r.data()) for r in driver.execute_query(q, database_=db).records)

    return {
        "graph": graph_state(driver, database).checksum,
        "indexes": rows("SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN *"),
        "constraints": rows("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN *"),
        "users": rows("SHOW USERS YIELD user, suspended, passwordChangeRequired RETURN *", "system"),
        "databases": rows("SHOW DATABASES YIELD name, access, requestedStatus, currentStatus RETURN *", "system"),
    }


def test_there_are_enough_distinct_attempts() -> None:
    names = [name for name, _, _ in ATTEMPTS]
    assert len(names) == len(set(names)) and len(names) >= 30
    assert len({q for _, q, _ in ATTEMPTS}) == len(ATTEMPTS)


def test_every_write_or_admin_attempt_is_refused_and_changes_nothing(
    client: TestClient, seeded: Driver, database: str
) -> None:
    before = server_state(seeded, database)
    assert before["graph"] and "entity_names" in str(before["indexes"])
    wrong: list[str] = []
    for name, query, params in ATTEMPTS:
        body: dict[str, Any] = {"query": query}
        if params is not None:
            body["params"] = params
        resp = client.post("/cypher", json=body)
        try:
            payload = resp.json()
        except ValueError:
            payload = None
        if resp.status_code != 400 or not is_error_body(payload) or payload["error"]["code"] != "query_refused":
            wrong.append(f"{name}: {resp.status_code} {resp.text[:200]}")
            continue
        message = payload["error"]["message"]
        if "\n" in message or len(message) > 400 or "Exception" in message:
            wrong.append(f"{name}: unclean message {message!r}")
        after = graph_state(seeded, database).checksum
        if after != before["graph"]:
            wrong.append(f"{name}: the graph changed")
            before["graph"] = after
    assert not wrong, "\n".join(wrong)
    assert server_state(seeded, database) == before
    # The database still answers reads as usual, with the same credentials.
    assert client.post("/cypher", json={"query": "MATCH (n) RETURN count(n) AS n"}).status_code == 200


def test_reads_that_only_look_like_writes_answer_and_change_nothing(
    client: TestClient, seeded: Driver, database: str
) -> None:
    before = server_state(seeded, database)
    for name, query, params in HARMLESS_READS:
        resp = client.post("/cypher", json={"query": query, "params": params or {}})
        assert resp.status_code == 200, (name, resp.text)
    assert server_state(seeded, database) == before


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = b"canary,row\n1,2\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def canary_url() -> Iterator[str]:
    """A local HTTP server that records every request: proof that the database fetched a URL."""
    _Canary.hits.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def escape_bypasses(url: str) -> list[tuple[str, str]]:
    """Cypher applies \\uXXXX escapes before it tokenises, the lexical screen does not. These are reads to
    EXPLAIN (type 'r') and allowed in a READ transaction, so only the screen could refuse them."""
    return [
        ("load_csv_escaped_keyword", f"LOAD \\u0043SV FROM '{url}/escaped.csv' AS line RETURN line"),
        (
            "load_csv_escape_closes_string",
            f"WITH 'x\\u0027 AS a LOAD CSV FROM '{url}/string.csv' AS line RETURN line //'",
        ),
        ("show_settings_escaped", "SHOW \\u0053ETTINGS YIELD name, value RETURN name, value"),
        ("show_transactions_escaped", "SHOW \\u0054RANSACTIONS YIELD currentQuery RETURN currentQuery"),
        ("terminate_transactions_escaped", "TERMINATE \\u0054RANSACTIONS 'neo4j-transaction-999999'"),
    ]


def test_unicode_escaped_keywords_do_not_get_past_the_screen(
    client: TestClient, seeded: Driver, database: str, canary_url: str
) -> None:
    before = server_state(seeded, database)
    answered = []
    for name, query in escape_bypasses(canary_url):
        resp = client.post("/cypher", json={"query": query})
        if resp.status_code != 400 or not is_error_body(resp.json()):
            answered.append(f"{name}: {resp.status_code} {resp.text[:160]}")
    assert server_state(seeded, database) == before
    assert not _Canary.hits, f"the database fetched {_Canary.hits} from a URL given in a query (SSRF)"
    assert not answered, "\n".join(answered)
