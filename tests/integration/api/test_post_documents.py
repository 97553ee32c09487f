"""POST /documents: API key (401/403), size limit (413), validation (422), all-or-nothing ingest, summary."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from hrkg.graph import writer
from hrkg.ontology.errors import GraphWriteError
from hrkg.ontology.models import Document
from tests.integration.api.conftest import API_KEY, graph_counts

pytestmark = pytest.mark.integration

TEXT = (
    "TEHRAN, 2 March 2023 - Amnesty International said that at least 22 people were executed in Iran in "
    "January 2023. The Iranian authorities executed Mohammad Mehdi Karami on 7 January 2023 in Karaj, "
    "according to Iran Human Rights."
)
BODY = {"text": TEXT, "title": "Executions in January", "publisher": "Test Desk", "published": "2023-03-02",
        "url": "https://example.org/jan", "source": "api-test"}  # fmt: skip


def test_no_key_is_401_and_a_wrong_key_is_403(client: TestClient, empty_graph: Driver, database: str) -> None:
    before = graph_counts(empty_graph, database)
    resp = client.post("/documents", json=BODY)
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "unauthorized"
    assert "X-API-Key" in resp.json()["error"]["message"]
    for wrong in ("nope", API_KEY + "x", API_KEY[:-1], "", " "):
        resp = client.post("/documents", json=BODY, headers={"X-API-Key": wrong})
        assert resp.status_code in (401, 403), wrong
    assert client.post("/documents", json=BODY, headers={"X-API-Key": "nope"}).status_code == 403
    assert graph_counts(empty_graph, database) == before


def test_too_large_is_413(client: TestClient, empty_graph: Driver, database: str) -> None:
    before = graph_counts(empty_graph, database)
    big = {**BODY, "text": "word " * 5000}  # 25,000 bytes > the 20,000 of the test settings
    resp = client.post("/documents", json=big, headers={"X-API-Key": API_KEY})
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "payload_too_large"
    assert "20000" in resp.json()["error"]["message"]
    huge = b'{"text": "' + b"x" * 1_300_000 + b'"}'  # over the request-body cap: refused before parsing
    resp = client.post("/documents", content=huge, headers={"X-API-Key": API_KEY, "content-type": "application/json"})
    assert resp.status_code == 413
    assert graph_counts(empty_graph, database) == before


@pytest.mark.parametrize("body", [
    {"title": "no text"},
    {"text": ""},
    {"text": "x", "content_type": "application/pdf"},
    {"text": "x", "published": "yesterday"},
    {"text": "x", "unknown": 1},
])  # fmt: skip
def test_invalid_bodies_are_422(client: TestClient, body: dict) -> None:
    resp = client.post("/documents", json=body, headers={"X-API-Key": API_KEY})
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["code"] == "validation_error"


def test_binary_text_is_a_clear_422(client: TestClient) -> None:
    resp = client.post("/documents", json={"text": "abc\x00def", "source": "bin"}, headers={"X-API-Key": API_KEY})
    assert resp.status_code == 422 and resp.json()["error"]["code"] == "ingest_error"
    assert "bin" in resp.json()["error"]["message"]


def test_ingest_lands_whole_and_answers_the_summary(client: TestClient, empty_graph: Driver, database: str,
                                                    seeded: list[Document]) -> None:  # fmt: skip
    resp = client.post("/documents", json=BODY, headers={"X-API-Key": API_KEY})
    assert resp.status_code == 201, resp.text
    summary = resp.json()
    assert len(summary["document_id"]) == 64 and summary["source"] == "api-test"
    assert summary["entities"] >= 2 and summary["relations"] >= 1
    doc = client.get(f"/documents/{summary['document_id']}").json()
    assert doc["document"]["title"] == "Executions in January" and doc["document"]["published"] == "2023-03-02"
    assert len(doc["entities"]) == summary["entities"] and doc["document"]["claims"] == summary["claims"]
    names = {e["name"] for e in doc["entities"]}
    assert "Mohammad Mehdi Karami" in names or "Amnesty International" in names
    # idempotent, like the CLI
    before = graph_counts(empty_graph, database)
    again = client.post("/documents", json=BODY, headers={"X-API-Key": API_KEY})
    assert again.status_code == 201 and again.json()["document_id"] == summary["document_id"]
    assert graph_counts(empty_graph, database)[:2] == before[:2]


def test_a_failure_in_the_middle_leaves_nothing(client: TestClient, empty_graph: Driver, database: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    before = graph_counts(empty_graph, database)

    def explode(tx, rows):  # type: ignore[no-untyped-def]
        tx.run("RETURN 1 / $zero AS boom", zero=0).consume()

    steps = list(writer.STEPS)
    monkeypatch.setattr(writer, "STEPS", [*steps[:2], explode, *steps[2:]])
    body = {**BODY, "text": TEXT + " A second, different sentence about Karaj.", "source": "doomed"}
    resp = client.post("/documents", json=body, headers={"X-API-Key": API_KEY})
    assert resp.status_code == 500 and resp.json()["error"]["code"] == "graph_write_failed"
    assert "doomed" in resp.json()["error"]["message"] and "rolled back" in resp.json()["error"]["message"]
    assert graph_counts(empty_graph, database) == before
    assert issubclass(GraphWriteError, Exception)
