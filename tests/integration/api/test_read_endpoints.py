"""Every read endpoint of the API against the real Neo4j, with the small graph of tests/integration/api/data.py."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hrkg.api.app import create_app
from hrkg.ontology.models import Document
from hrkg.settings import Settings
from tests.integration.api.data import EXECUTION_SENTENCE

pytestmark = pytest.mark.integration


def assert_error(resp, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"] and "Traceback" not in body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_health_says_ok_and_up(client: TestClient) -> None:
    resp = client.get("/health")
    assert resp.status_code == 200
    assert resp.json()["status"] == "ok" and resp.json()["neo4j"] == "up"


def test_openapi_and_docs_describe_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/health", "/entities", "/entities/{type}/{slug}", "/id/{type}/{slug}", "/graph", "/claims",
                 "/documents", "/documents/{doc_id}", "/cypher", "/export", "/browse", "/ontology",
                 "/context.jsonld"):  # fmt: skip
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/documents"] and "post" in spec["paths"]["/cypher"]
    assert spec["components"]["schemas"]["EntityDetail"]["properties"]["relationships"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


@pytest.mark.parametrize("q", ["Afkari", "afkari", "Navid", "navid afk", "Afkary"])
def test_entities_search_by_name_alias_and_full_text(client: TestClient, q: str) -> None:
    resp = client.get("/entities", params={"q": q})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    ids = [i["id"] for i in body["items"]]
    assert ids and ids[0] == "person/navid-afkari", (q, ids)
    first = body["items"][0]
    assert first["type"] == "Person" and first["name"] == "Navid Afkari" and first["aliases"] == ["Afkari"]
    assert first["uri"] == "http://hrkg.test/id/person/navid-afkari"


def test_entities_type_filter_paging_and_listing(client: TestClient) -> None:
    body = client.get("/entities", params={"type": "place"}).json()
    assert {i["id"] for i in body["items"]} == {"place/iran", "place/shiraz"} and body["total"] == 2
    assert client.get("/entities", params={"type": "Place", "q": "afkari"}).json()["items"] == []
    everything = client.get("/entities", params={"limit": 200}).json()
    assert everything["total"] == 7
    page = client.get("/entities", params={"limit": 2, "offset": 2}).json()
    assert [i["id"] for i in page["items"]] == [i["id"] for i in everything["items"][2:4]]
    by_event = client.get("/entities", params={"type": "event", "q": "execution"}).json()
    assert [i["id"] for i in by_event["items"]] == ["event/execution-of-navid-afkari"]


def test_entities_bad_parameters(client: TestClient) -> None:
    err = assert_error(client.get("/entities", params={"type": "Spaceship"}), 400, "unknown_type")
    assert "type" in err["message"] and "person" in err["message"]
    assert_error(client.get("/entities", params={"limit": 0}), 422, "validation_error")
    err = assert_error(client.get("/entities", params={"limit": "many"}), 422)
    assert "limit" in err["message"]
    # Lucene syntax and quotes are just text to the search
    for q in ['"', "a AND (", "*", "\\", "name:x", "~", "' OR 1=1 //"]:
        assert client.get("/entities", params={"q": q}).status_code == 200, q


def test_entity_detail_with_relationships_evidence_sources_and_claims(client: TestClient,
                                                                     seeded: list[Document]) -> None:  # fmt: skip
    resp = client.get("/entities/person/navid-afkari")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["entity"]["name"] == "Navid Afkari" and body["entity"]["wikidata"] == "Q99581455"
    assert body["documents"] == 1
    rels = {(r["type"], r["other"]["id"]): r for r in body["relationships"]}
    executed = rels[("EXECUTED_IN", "place/shiraz")]
    assert executed["predicate"] == "executed_in" and executed["direction"] == "out"
    assert executed["evidence_count"] == 1 and executed["date"] == "2020-09-12"
    ev = executed["evidence"][0]
    assert ev["sentence"] == EXECUTION_SENTENCE and ev["start"] == 0 and ev["extractor"] == "hand-written"
    assert ev["document"]["id"] == seeded[0].id and ev["document"]["url"] == "https://example.org/afkari"
    assert [s["id"] for s in body["sources"]] == [seeded[0].id]

    event = client.get("/entities/event/november-2019-protests").json()
    values = sorted((c["value"], c["qualifier"], c["claimant"]["id"]) for c in event["claims"])
    assert values == [(304, "at least", "organisation/amnesty-international"), (1500, "about", "organisation/pmoi")]
    assert all(c["document"]["id"] == seeded[1].id and c["sentence"] for c in event["claims"])
    pmoi = client.get("/entities/organisation/pmoi").json()
    assert [c["value"] for c in pmoi["claims_made"]] == [1500] and pmoi["claims"] == []
    incoming = client.get("/entities/organisation/amnesty-international").json()["relationships"]
    assert {r["direction"] for r in incoming} == {"in"}


@pytest.mark.parametrize("path", ["/entities/person/nobody", "/entities/spaceship/x", "/entities/person/Bad_Slug",
                                  "/entities/person/a/b"])  # fmt: skip
def test_entity_not_found(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found")


def test_graph_neighbourhood_by_depth(client: TestClient) -> None:
    one = client.get("/graph", params={"focus": "person/navid-afkari", "depth": 1}).json()
    assert {n["id"] for n in one["nodes"]} == {"person/navid-afkari", "place/shiraz", "event/execution-of-navid-afkari"}
    assert one["focus"] == "person/navid-afkari" and one["truncated"] is False
    edges = {(e["source"], e["type"], e["target"]) for e in one["edges"]}
    assert ("person/navid-afkari", "EXECUTED_IN", "place/shiraz") in edges
    assert ("event/execution-of-navid-afkari", "OCCURRED_IN", "place/shiraz") in edges  # among neighbours too
    assert all(e["evidence_count"] >= 1 and e["id"] for e in one["edges"])
    node = next(n for n in one["nodes"] if n["id"] == "event/execution-of-navid-afkari")
    assert node == {"id": "event/execution-of-navid-afkari", "type": "Event", "name": "Execution of Navid Afkari",
                    "start_date": "2020-09-12", "end_date": None}  # fmt: skip

    two = client.get("/graph", params={"focus": "person/navid-afkari", "depth": 2}).json()
    assert {n["id"] for n in two["nodes"]} >= {"place/iran", "organisation/amnesty-international"}
    three = client.get("/graph", params={"focus": "person/navid-afkari", "depth": 3}).json()
    assert "event/november-2019-protests" in {n["id"] for n in three["nodes"]}
    ids = {n["id"] for n in three["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in three["edges"])


def test_graph_limit_and_errors(client: TestClient) -> None:
    small = client.get("/graph", params={"focus": "person/navid-afkari", "depth": 3, "limit": 2}).json()
    assert len(small["nodes"]) == 2 and small["truncated"] is True
    assert_error(client.get("/graph", params={"focus": "person/nobody"}), 404)
    assert_error(client.get("/graph", params={"focus": "person/navid-afkari", "depth": 4}), 422)
    assert_error(client.get("/graph", params={"focus": "not an id"}), 400)
    assert_error(client.get("/graph"), 422)


def test_claims_filters(client: TestClient, seeded: list[Document]) -> None:
    body = client.get("/claims", params={"about": "event/november-2019-protests"}).json()
    assert sorted(c["value"] for c in body["items"]) == [304, 1500]
    first = body["items"][0]
    assert {"value", "qualifier", "claimant", "document", "sentence", "metric", "about"} <= set(first)
    assert client.get("/claims", params={"about": "event/november-2019-protests", "metric": "executed"}).json()[
        "items"] == []  # fmt: skip
    assert len(client.get("/claims", params={"metric": "killed"}).json()["items"]) == 2
    by = client.get("/claims", params={"claimed_by": "organisation/pmoi"}).json()["items"]
    assert [c["value"] for c in by] == [1500]
    assert_error(client.get("/claims", params={"metric": "happiness"}), 400)
    assert_error(client.get("/claims", params={"about": "nonsense"}), 400)


def test_documents_list_and_detail(client: TestClient, seeded: list[Document]) -> None:
    body = client.get("/documents").json()
    assert body["total"] == 2
    by_id = {d["id"]: d for d in body["items"]}
    a = by_id[seeded[0].id]
    assert a["title"] == "Wrestler Navid Afkari executed" and a["publisher"] == "Test Desk"
    assert (a["entities"], a["relations"], a["claims"]) == (5, 5, 0)
    assert (by_id[seeded[1].id]["relations"], by_id[seeded[1].id]["claims"]) == (2, 2)
    assert client.get("/documents", params={"offset": 5}).json() == {"total": 2, "limit": 50, "offset": 5,
                                                                    "items": []}  # fmt: skip

    detail = client.get(f"/documents/{seeded[1].id}").json()
    assert detail["document"]["published"] == "2021-11-30"
    assert {e["id"] for e in detail["entities"]} == {e.id for e in seeded[1].entities}
    assert {(r["subject"]["id"], r["type"]) for r in detail["relations"]} == {
        ("event/november-2019-protests", "OCCURRED_IN"),
        ("event/november-2019-protests", "REPORTED_BY"),
    }
    assert sorted(c["value"] for c in detail["claims"]) == [304, 1500]
    assert_error(client.get("/documents/" + "0" * 64), 404)
    assert_error(client.get("/documents/not-a-sha"), 404)


def test_export_streams_rdf(client: TestClient) -> None:
    from rdflib import Dataset, Graph, URIRef

    afkari = URIRef("http://hrkg.test/id/person/navid-afkari")
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")):
        resp = client.get("/export", params={"format": fmt})
        assert resp.status_code == 200, resp.text
        assert "attachment" in resp.headers["content-disposition"]
        g = Graph().parse(data=resp.content, format=parser)
        assert (afkari, None, None) in g, fmt
    for fmt, parser in (("trig", "trig"), ("nq", "nquads")):
        resp = client.get("/export", params={"format": fmt})
        ds = Dataset().parse(data=resp.content, format=parser)
        assert len(list(ds.graphs())) > 2, fmt  # each document's named graph
    assert_error(client.get("/export", params={"format": "docx"}), 400)


def test_ontology_and_context(client: TestClient) -> None:
    from rdflib import OWL, RDF, Graph, URIRef

    ctx = client.get("/context.jsonld")
    assert ctx.status_code == 200 and ctx.headers["content-type"].startswith("application/ld+json")
    terms = ctx.json()["@context"]
    assert terms["hrkg"] == "http://hrkg.test/ontology#" and "executedIn" in terms
    onto = client.get("/ontology")
    assert onto.status_code == 200 and onto.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=onto.text, format="turtle")
    assert (URIRef("http://hrkg.test/ontology#Person"), RDF.type, OWL.Class) in g
    nt = client.get("/ontology", headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=nt.text, format="nt")) == len(g)
    assert_error(client.get("/ontology", headers={"Accept": "image/png"}), 406, "not_acceptable")


def test_browse_page_and_static_bundle(client: TestClient) -> None:
    page = client.get("/browse")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/browse.js" in page.text and "http" not in page.text.split("<body", 1)[1].replace(
        "http://www.w3.org/2000/svg", "")  # fmt: skip
    js = client.get("/static/browse.js")
    assert js.status_code == 200 and len(js.content) > 100_000  # cytoscape is bundled, nothing from a CDN
    assert client.get("/static/cytoscape.LICENSE.txt").status_code == 200


def test_error_shape_for_unknown_routes_methods_and_bodies(client: TestClient) -> None:
    assert_error(client.get("/nope"), 404, "not_found")
    assert_error(client.delete("/entities"), 405, "method_not_allowed")
    err = assert_error(client.post("/cypher", content=b"{not json", headers={"content-type": "application/json"}),
                       422)  # fmt: skip
    assert "JSON" in err["message"]
    assert_error(client.post("/cypher", json={"params": {}}), 422)


def test_unexpected_errors_become_500_without_a_trace(api_settings: Settings, seeded: list[Document]) -> None:
    app = create_app(api_settings)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals at /home/x/file.py line 3")

    with TestClient(app, raise_server_exceptions=False) as c:
        err = assert_error(c.get("/boom"), 500, "internal_error")
    assert "secret" not in err["message"] and "file.py" not in err["message"]
