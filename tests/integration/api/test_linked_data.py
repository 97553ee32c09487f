"""GET /id/{type}/{slug}: content negotiation between the HTML page and three RDF serialisations."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import OWL, RDFS, Graph, Literal, URIRef

pytestmark = pytest.mark.integration

AFKARI = URIRef("http://hrkg.test/id/person/navid-afkari")
PATH = "/id/person/navid-afkari"


@pytest.mark.parametrize(("accept", "media", "parser"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/n-triples;q=0.5, text/turtle;q=0.9", "text/turtle", "turtle"),
    ("text/html;q=0.1, application/ld+json", "application/ld+json", "json-ld"),
])  # fmt: skip
def test_rdf_by_accept_header(client: TestClient, accept: str, media: str, parser: str) -> None:
    resp = client.get(PATH, headers={"Accept": accept})
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith(media) and "Accept" in resp.headers["vary"]
    g = Graph().parse(data=resp.content, format=parser)
    assert (AFKARI, RDFS.label, Literal("Navid Afkari")) in g
    assert (AFKARI, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q99581455")) in g
    assert (AFKARI, URIRef("http://hrkg.test/ontology#executedIn"), URIRef("http://hrkg.test/id/place/shiraz")) in g


@pytest.mark.parametrize("accept", [None, "text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "text/*"])
def test_html_page_for_browsers_and_by_default(client: TestClient, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    resp = client.get(PATH, headers=headers)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    page = resp.text
    assert "<h1>Navid Afkari</h1>" in page and "was executed in Shiraz" in page
    assert 'href="/id/place/shiraz"' in page and "/documents/" in page and "Q99581455" in page


def test_format_parameter_overrides_accept(client: TestClient) -> None:
    resp = client.get(PATH, params={"format": "nt"}, headers={"Accept": "text/html"})
    assert resp.headers["content-type"].startswith("application/n-triples")


@pytest.mark.parametrize("accept", ["application/pdf", "image/png", "application/json", "text/html;q=0"])
def test_406_for_anything_else(client: TestClient, accept: str) -> None:
    resp = client.get(PATH, headers={"Accept": accept})
    assert resp.status_code == 406, resp.text
    err = resp.json()["error"]
    assert err["code"] == "not_acceptable" and "text/turtle" in err["message"]


@pytest.mark.parametrize("accept", ["text/html", "text/turtle", "application/ld+json", "application/n-triples"])
def test_404_for_unknown_ids(client: TestClient, accept: str) -> None:
    for path in ("/id/person/nobody-at-all", "/id/spaceship/x", "/id/person/UPPER"):
        resp = client.get(path, headers={"Accept": accept})
        assert resp.status_code == 404, (path, resp.text)
        assert resp.json()["error"]["code"] == "not_found"


def test_a_claim_laden_event_page(client: TestClient) -> None:
    page = client.get("/id/event/november-2019-protests").text
    assert "304" in page and "1500" in page and "PMOI" in page
    ttl = client.get("/id/event/november-2019-protests", headers={"Accept": "text/turtle"})
    assert ttl.status_code == 200 and len(Graph().parse(data=ttl.text, format="turtle")) > 5


def test_every_entity_uri_in_the_export_dereferences(client: TestClient) -> None:
    export = client.get("/export", params={"format": "nt"})
    assert export.status_code == 200
    exported = Graph().parse(data=export.text, format="nt")
    prefixes = tuple(f"http://hrkg.test/id/{t}/" for t in ("person", "organisation", "event", "case", "place"))
    uris = {s for s in exported.subjects() if isinstance(s, URIRef) and str(s).startswith(prefixes)}
    assert len(uris) >= 5
    for uri in sorted(uris):
        answer = client.get(str(uri).removeprefix("http://hrkg.test"), headers={"Accept": "text/turtle"})
        assert answer.status_code == 200, uri
        described = Graph().parse(data=answer.text, format="turtle")
        assert (uri, RDFS.label, None) in described, uri
