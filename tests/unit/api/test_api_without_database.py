"""The API's own logic, with no database: negotiation, search syntax, keys, JSON values, errors, limits, and
the app answering 503 JSON when Neo4j cannot be reached."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j.spatial import CartesianPoint
from neo4j.time import Date, DateTime
from pydantic import SecretStr

from hrkg.api.analyst_query import jsonable
from hrkg.api.app import create_app
from hrkg.api.deps import key_matches
from hrkg.api.negotiation import negotiate
from hrkg.graph.reads import fulltext_query
from hrkg.settings import Settings

OFFERS = ["text/html", "text/turtle", "application/ld+json", "application/n-triples"]


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "text/html"),
    ("", "text/html"),
    ("*/*", "text/html"),
    ("text/turtle", "text/turtle"),
    ("application/ld+json, text/turtle", "text/turtle"),  # equal quality: the server's order decides
    ("text/turtle;q=0.2, application/n-triples;q=0.8", "application/n-triples"),
    ("application/*", "application/ld+json"),
    ("text/*;q=0.5, text/turtle", "text/turtle"),
    ("text/html;q=0, */*;q=0.1", "text/turtle"),
    ("TEXT/Turtle", "text/turtle"),
    ("application/pdf", None),
    ("image/*", None),
    ("text/turtle;q=0", None),
    ("garbage", None),
    ("text/turtle;q=abc", None),
])  # fmt: skip
def test_negotiate(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept, OFFERS) == expected


def test_fulltext_query_keeps_only_words() -> None:
    assert fulltext_query("Afkari") == "(afkari OR afkari* OR afkari~1)"
    assert fulltext_query("Navid  Afk") == "(navid OR navid* OR navid~1) AND (afk OR afk*)"
    assert fulltext_query('" ( * ~ : \\') is None
    assert fulltext_query("name:x OR y") == "(name OR name* OR name~1) AND (x OR x*) AND (or OR or*) AND (y OR y*)"
    assert fulltext_query(" ".join(["w"] * 50)).count("AND") == 7


def test_key_matches_in_constant_time_against_every_key() -> None:
    assert key_matches("b", ["a", "b"]) and not key_matches("c", ["a", "b"]) and not key_matches("", ["a"])
    assert not key_matches("a", []) and key_matches("ключ", ["ключ"])


def test_jsonable_values() -> None:
    assert jsonable({"d": Date(2020, 9, 12), "t": DateTime(2020, 9, 12, 1, 2, 3), "f": float("nan"),
                     "p": CartesianPoint((1.0, 2.0)), "b": b"\x00\x01", "l": (1, "a", None)}) == {
        "d": "2020-09-12", "t": "2020-09-12T01:02:03.000000000", "f": None,
        "p": {"srid": 7203, "coordinates": [1.0, 2.0]}, "b": "AAE=", "l": [1, "a", None]}  # fmt: skip


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings(_env_file=None, neo4j_uri=f"bolt://127.0.0.1:{closed_port()}",  # type: ignore[call-arg]
                        api_keys=[SecretStr("k1")], max_document_bytes=1000)  # fmt: skip
    with TestClient(create_app(settings)) as c:
        yield c


def error_of(resp, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    assert set(resp.json()) == {"error"}
    return resp.json()["error"]


def test_starts_without_neo4j_and_answers_503_json(client: TestClient) -> None:
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["neo4j"] == "down" and health.headers["retry-after"]
    for path in ("/entities?q=x", "/entities/person/x", "/graph?focus=person/x", "/claims", "/documents",
                 "/documents/" + "a" * 64, "/id/person/x", "/id/person/x?format=ttl", "/export?format=nt"):  # fmt: skip
        assert error_of(client.get(path), 503)["code"] == "graph_unavailable", path
    assert error_of(client.post("/cypher", json={"query": "RETURN 1"}), 503)["code"] == "graph_unavailable"


def test_what_needs_no_database_still_works(client: TestClient) -> None:
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/context.jsonld").status_code == 200
    assert client.get("/ontology").status_code == 200
    assert client.get("/browse").status_code == 200
    assert client.get("/", follow_redirects=False).headers["location"] == "/browse"


def test_refusals_come_before_the_database(client: TestClient) -> None:
    assert error_of(client.post("/cypher", json={"query": "CREATE (n)"}), 400)["code"] == "query_refused"
    assert error_of(client.post("/documents", json={"text": "x"}), 401)["code"] == "unauthorized"
    assert error_of(client.post("/documents", json={"text": "x"}, headers={"X-API-Key": "k2"}), 403)["code"] == (
        "forbidden")  # fmt: skip
    too_big = error_of(client.post("/documents", json={"text": "é" * 600}, headers={"X-API-Key": "k1"}), 413)
    assert "1000" in too_big["message"]
    body = b'{"text": "' + b"x" * 1_100_000 + b'"}'
    assert error_of(client.post("/documents", content=body, headers={"content-type": "application/json"}),
                    413)["code"] == "payload_too_large"  # fmt: skip

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit applies while reading
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 100_000
        yield b'"}'

    assert error_of(client.post("/documents", content=chunks(), headers={"content-type": "application/json"}),
                    413)["code"] == "payload_too_large"  # fmt: skip


def test_validation_and_routing_errors_have_the_error_shape(client: TestClient) -> None:
    err = error_of(client.get("/graph", params={"focus": "person/x", "depth": 9}), 422)
    assert "depth" in err["message"] and err["code"] == "validation_error"
    assert error_of(client.get("/entities", params={"type": "spaceship"}), 400)["code"] == "unknown_type"
    assert error_of(client.get("/no/such/path"), 404)["code"] == "not_found"
    assert error_of(client.put("/health"), 405)["code"] == "method_not_allowed"
    assert error_of(client.get("/id/person/x", headers={"Accept": "application/pdf"}), 406)["code"] == "not_acceptable"
    assert error_of(client.get("/id/spaceship/x"), 404)["code"] == "not_found"
    assert error_of(client.get("/export", params={"format": "docx"}), 400)["code"] == "bad_request"
