"""The RDF export on the real server: every format parses back with what Neo4j holds, named graphs keep provenance."""

from __future__ import annotations

import hashlib
import io
import threading
from typing import Any

import pyshacl
import pytest
from neo4j import Driver
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from hrkg.graph import rdf_export
from hrkg.graph.connection import create_driver
from hrkg.graph.writer import load_document
from hrkg.ontology import load_ontology
from hrkg.ontology.errors import GraphUnavailable
from hrkg.ontology.models import Document
from hrkg.ontology.rdf_vocabulary import EXAMPLE_BASE_URI, ONTOLOGY_DIR, Vocabulary

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")]

BASE = EXAMPLE_BASE_URI
ONTOLOGY = load_ontology()
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SCHEMA = Namespace("https://schema.org/")  # a plain Namespace: pytest's collection probes attributes
V = Vocabulary(ONTOLOGY, BASE)
HRKG = V.hrkg
ENTITY_CLASSES = {V.class_uri(t) for t in ONTOLOGY.entity_types}
PREDICATES = {V.predicate_uri(p) for p in ONTOLOGY.predicates.values()}

TEXT_A = (
    "Amnesty International said Navid Afkari was executed in Shiraz on 12 September 2020. "
    "At least 304 people were killed during the November 2019 protests, according to Amnesty International."
)
TEXT_B = (
    'The PMOI said about 1,500 people were killed in the November 2019 protests and called it a "massacre".\n'
    "Navid Afkari was executed in Shiraz, the PMOI reported. Hundreds were arrested."
)
TEXT_C = (
    "Hamid Noury was tried in Sweden under universal jurisdiction. Amnesty International said the trial of "
    "Hamid Noury concerned the executions of more than 5,000 prisoners. Shiraz is a city in Iran."
)


def _doc(text: str, source: str, published: str, entities: list[dict[str, Any]], relations: list[tuple],
         claims: list[dict[str, Any]]) -> Document:  # fmt: skip
    def span(s: str) -> dict[str, Any]:
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}

    def mentions(e: dict[str, Any]) -> dict[str, Any]:
        names = [n for n in [e["name"], *e.get("aliases", [])] if n in text]
        return {**e, "mentions": [span(n) for n in names]}

    return Document.model_validate({
        "id": hashlib.sha256(text.encode()).hexdigest(), "source": source, "title": f"Report {source}",
        "url": f"https://example.org/{source}", "publisher": "Test Desk", "published": published,
        "extractor": "hand-written",
        "entities": [mentions(e) for e in entities],
        "relations": [{"subject": s, "predicate": p, "object": o, "date": d, "confidence": c, "evidence": span(ev)}
                      for s, p, o, d, c, ev in relations],
        "claims": [{**c, "evidence": span(c["evidence"])} for c in claims],
    })  # fmt: skip


NAVID = {"id": "person/navid-afkari", "type": "Person", "name": "Navid Afkari", "aliases": ["Afkari"],
         "wikidata": "Q99348738", "description": "Iranian wrestler executed in 2020."}  # fmt: skip
SHIRAZ = {"id": "place/shiraz", "type": "Place", "name": "Shiraz", "kind": "city", "wikidata": "Q6397"}
AMNESTY = {"id": "organisation/amnesty-international", "type": "Organisation", "name": "Amnesty International",
           "aliases": ["Amnesty"], "kind": "ngo", "wikidata": "Q42970"}  # fmt: skip
PROTESTS = {"id": "event/november-2019-protests", "type": "Event", "name": "November 2019 protests",
            "kind": "protest", "start_date": "2019-11", "end_date": "2019-11"}  # fmt: skip
PMOI = {"id": "organisation/pmoi", "type": "Organisation", "name": "PMOI", "kind": "opposition"}
NOURY = {"id": "person/hamid-noury", "type": "Person", "name": "Hamid Noury", "aliases": ["Noury"]}
TRIAL = {"id": "case/hamid-noury-trial", "type": "Case", "name": "Trial of Hamid Noury", "start_date": "2021",
         "end_date": "2022-07-14"}  # fmt: skip
SWEDEN = {"id": "place/sweden", "type": "Place", "name": "Sweden", "kind": "country", "wikidata": "Q34"}
IRAN = {"id": "place/iran", "type": "Place", "name": "Iran", "kind": "country", "wikidata": "Q794"}

SENT_A1 = "Amnesty International said Navid Afkari was executed in Shiraz on 12 September 2020."
SENT_A2 = ("At least 304 people were killed during the November 2019 protests, according to "
           "Amnesty International.")  # fmt: skip
SENT_B1 = 'The PMOI said about 1,500 people were killed in the November 2019 protests and called it a "massacre".\n'
SENT_B2 = "Navid Afkari was executed in Shiraz, the PMOI reported."

DOCS = [
    _doc(TEXT_A, "a.txt", "2020-09-13", [NAVID, SHIRAZ, AMNESTY, PROTESTS], [
        ("person/navid-afkari", "executed_in", "place/shiraz", "2020-09-12", 0.9, SENT_A1),
        ("event/november-2019-protests", "reported_by", "organisation/amnesty-international", None, 0.7, SENT_A2),
    ], [
        {"about": "event/november-2019-protests", "metric": "killed", "value": 304, "qualifier": "at least",
         "claimed_by": "organisation/amnesty-international", "date": "2019-11", "evidence": SENT_A2},
    ]),
    _doc(TEXT_B, "b.md", "2020-09", [NAVID, SHIRAZ, PMOI, PROTESTS], [
        ("person/navid-afkari", "executed_in", "place/shiraz", None, 0.8, SENT_B2),
        ("event/november-2019-protests", "reported_by", "organisation/pmoi", None, 0.6, SENT_B1),
    ], [
        {"about": "event/november-2019-protests", "metric": "killed", "value": 1500, "qualifier": "about",
         "claimed_by": "organisation/pmoi", "evidence": SENT_B1},
        {"about": "event/november-2019-protests", "metric": "arrested", "value": None, "qualifier": None,
         "claimed_by": None, "evidence": "Hundreds were arrested."},
    ]),
    _doc(TEXT_C, "c.html", "2022", [NOURY, TRIAL, SWEDEN, AMNESTY, SHIRAZ, IRAN], [
        ("person/hamid-noury", "tried_in", "place/sweden", "2021", 0.8,
         "Hamid Noury was tried in Sweden under universal jurisdiction."),
        ("case/hamid-noury-trial", "tried_under_universal_jurisdiction", "place/sweden", None, 0.8,
         "Hamid Noury was tried in Sweden under universal jurisdiction."),
        ("person/hamid-noury", "subject_of", "case/hamid-noury-trial", None, 0.7,
         "Amnesty International said the trial of Hamid Noury concerned the executions of more than 5,000 "
         "prisoners."),
        ("place/shiraz", "located_in", "place/iran", None, 0.9, "Shiraz is a city in Iran."),
    ], [
        {"about": "case/hamid-noury-trial", "metric": "executed", "value": 5000, "qualifier": "more than",
         "claimed_by": "organisation/amnesty-international", "date": "1988",
         "evidence": "Amnesty International said the trial of Hamid Noury concerned the executions of more than "
                     "5,000 prisoners."},
    ]),
]  # fmt: skip


@pytest.fixture(scope="module")
def loaded(empty_graph: Driver, database: str) -> Driver:
    for doc in DOCS:
        load_document(empty_graph, database, doc)
    return empty_graph


def neo4j_counts(driver: Driver, database: str) -> dict[str, int]:
    types = sorted(p.type for p in ONTOLOGY.predicates.values())
    record = driver.execute_query(
        """
        CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
        CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS edges,
                  sum(size(r.ev_key)) AS evidence }
        CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
        CALL () { MATCH (d:Document) RETURN count(d) AS documents }
        CALL () { MATCH (:Entity)-[m:MENTIONED_IN]->(:Document) RETURN count(m) AS mentions }
        RETURN entities, edges, evidence, claims, documents, mentions
        """,
        types=types, database_=database,
    ).records[0]  # fmt: skip
    return dict(record)


def rdf_counts(g: Graph) -> dict[str, int]:
    return {
        "entities": len({s for s, _, o in g.triples((None, RDF.type, None)) if o in ENTITY_CLASSES}),
        "edges": sum(1 for _, p, _ in g if p in PREDICATES),
        "evidence": len(set(g.subjects(RDF.type, HRKG.Evidence))),
        "claims": len(set(g.subjects(RDF.type, HRKG.Claim))),
        "documents": len(set(g.subjects(RDF.type, HRKG.Document))),
        "mentions": len(list(g.triples((None, HRKG.mentionedIn, None)))),
    }


def export_bytes(driver: Driver, database: str, fmt: str, **kw: Any) -> bytes:
    out = io.BytesIO()
    rdf_export.export(driver, database, fmt, out, base_uri=BASE, ontology=ONTOLOGY, **kw)
    return out.getvalue()


def parse(data: bytes, fmt: str) -> tuple[Graph, Dataset | None]:
    """The merged graph of an export, and the dataset for TriG / N-Quads."""
    f = rdf_export.FORMATS[fmt]
    if f.dataset:
        ds = Dataset()
        ds.parse(data=data, format=f.rdflib)
        merged = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged, ds
    return Graph().parse(data=data, format=f.rdflib), None


@pytest.fixture(scope="module")
def turtle(loaded: Driver, database: str) -> Graph:
    return parse(export_bytes(loaded, database, "ttl"), "ttl")[0]


@pytest.mark.parametrize("fmt", sorted(rdf_export.FORMATS))
def test_every_format_parses_back_with_the_entities_edges_and_claims_in_neo4j(
    loaded: Driver, database: str, turtle: Graph, fmt: str
) -> None:
    data = export_bytes(loaded, database, fmt)
    merged, _ = parse(data, fmt)
    expected = neo4j_counts(loaded, database)
    assert expected == {"entities": 9, "edges": 7, "evidence": 8, "claims": 4, "documents": 3, "mentions": 14}
    assert rdf_counts(merged) == expected
    assert isomorphic(merged, turtle), f"{fmt} does not carry the same graph as Turtle"


def test_entities_carry_classes_labels_aliases_wikidata_and_typed_dates(turtle: Graph) -> None:
    navid = V.entity_uri("person/navid-afkari")
    assert {HRKG.Person, SCHEMA.Person, URIRef("http://xmlns.com/foaf/0.1/Person")} <= set(
        turtle.objects(navid, RDF.type)
    )
    assert turtle.value(navid, RDFS.label) == Literal("Navid Afkari")
    assert set(turtle.objects(navid, SKOS.altLabel)) == {Literal("Afkari")}
    assert turtle.value(navid, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q99348738")
    assert turtle.value(navid, SCHEMA.description) == Literal("Iranian wrestler executed in 2020.")
    trial = V.entity_uri("case/hamid-noury-trial")
    assert turtle.value(trial, SCHEMA.startDate) == Literal("2021", datatype=XSD.gYear)
    assert turtle.value(trial, SCHEMA.endDate) == Literal("2022-07-14", datatype=XSD.date)
    protests = V.entity_uri("event/november-2019-protests")
    assert turtle.value(protests, SCHEMA.startDate) == Literal("2019-11", datatype=XSD.gYearMonth)
    assert turtle.value(protests, HRKG.kind) == V.concept_uri("event_kinds", "protest")
    assert (navid, HRKG.executedIn, V.entity_uri("place/shiraz")) in turtle


def test_claims_and_documents_keep_value_qualifier_claimant_and_sentence(turtle: Graph) -> None:
    by_value = {turtle.value(c, SCHEMA.value): c for c in turtle.subjects(RDF.type, HRKG.Claim)}
    pmoi = by_value[Literal(1500, datatype=XSD.integer)]
    assert turtle.value(pmoi, HRKG.metric) == V.concept_uri("metrics", "killed")
    assert turtle.value(pmoi, HRKG.qualifier) == V.concept_uri("qualifiers", "about")
    assert turtle.value(pmoi, HRKG.claimedBy) == V.entity_uri("organisation/pmoi")
    assert turtle.value(pmoi, HRKG.about) == V.entity_uri("event/november-2019-protests")
    assert turtle.value(pmoi, HRKG.evidenceText) == Literal(SENT_B1)
    assert turtle.value(pmoi, HRKG.statedIn) == V.document_uri(DOCS[1].id)
    assert str(pmoi).startswith(f"{BASE}/id/claim/")
    unclaimed = by_value[None]
    assert turtle.value(unclaimed, HRKG.claimedBy) is None
    assert turtle.value(unclaimed, HRKG.metric) == V.concept_uri("metrics", "arrested")
    doc = V.document_uri(DOCS[0].id)
    dcterms = "http://purl.org/dc/terms/"
    assert turtle.value(doc, URIRef(dcterms + "title")) == Literal("Report a.txt")
    assert turtle.value(doc, URIRef(dcterms + "publisher")) == Literal("Test Desk")
    assert turtle.value(doc, URIRef(dcterms + "issued")) == Literal("2020-09-13", datatype=XSD.date)
    assert turtle.value(doc, URIRef(dcterms + "source")) == Literal("a.txt")
    assert turtle.value(doc, SCHEMA.url) == Literal("https://example.org/a.txt",
                                                                         datatype=XSD.anyURI)  # fmt: skip
    assert turtle.value(V.document_uri(DOCS[2].id), URIRef(dcterms + "issued")) == Literal("2022", datatype=XSD.gYear)


def test_an_edge_supported_by_two_documents_keeps_both_sentences(turtle: Graph) -> None:
    navid, shiraz = V.entity_uri("person/navid-afkari"), V.entity_uri("place/shiraz")
    evidence = set(turtle.subjects(HRKG.subject, navid)) & set(turtle.subjects(HRKG.predicate, HRKG.executedIn))
    assert len(evidence) == 2
    found = {(str(turtle.value(e, HRKG.evidenceText)), turtle.value(e, PROV.wasDerivedFrom)) for e in evidence}
    assert found == {(SENT_A1, V.document_uri(DOCS[0].id)), (SENT_B2, V.document_uri(DOCS[1].id))}
    for e in evidence:
        assert turtle.value(e, HRKG.object) == shiraz
        doc = turtle.value(e, PROV.wasDerivedFrom)
        graph = turtle.value(e, HRKG.inGraph)
        assert turtle.value(graph, PROV.wasDerivedFrom) == doc
        text = str(turtle.value(e, HRKG.evidenceText))
        start, end = int(turtle.value(e, HRKG.evidenceStart)), int(turtle.value(e, HRKG.evidenceEnd))
        source = TEXT_A if doc == V.document_uri(DOCS[0].id) else TEXT_B
        assert source[start:end] == text
    dated = [e for e in evidence if turtle.value(e, SCHEMA.temporalCoverage) is not None]
    assert [turtle.value(e, SCHEMA.temporalCoverage) for e in dated] == [Literal("2020-09-12", datatype=XSD.date)]


def expected_named_graph(driver: Driver, database: str, doc_id: str) -> tuple[set[tuple], set[URIRef]]:
    """What a document's named graph must hold, read from Neo4j with queries of its own: (edge + mention triples,
    claim resources)."""
    rows = driver.execute_query(
        """
        CALL (){ MATCH (s:Entity)-[r]->(o:Entity) WHERE $doc IN r.ev_doc
                 RETURN collect([s.id, type(r), o.id]) AS edges }
        CALL (){ MATCH (e:Entity)-[:MENTIONED_IN]->(:Document {id: $doc}) RETURN collect(e.id) AS mentions }
        CALL (){ MATCH (c:Claim)-[:STATED_IN]->(:Document {id: $doc}) RETURN collect(c.id) AS claims }
        RETURN edges, mentions, claims
        """,
        doc=doc_id, database_=database,
    ).records[0]  # fmt: skip
    predicates = {p.type: V.predicate_uri(p) for p in ONTOLOGY.predicates.values()}
    triples = {(V.entity_uri(s), predicates[t], V.entity_uri(o)) for s, t, o in rows["edges"]}
    triples |= {(V.entity_uri(e), HRKG.mentionedIn, V.document_uri(doc_id)) for e in rows["mentions"]}
    return triples, {V.claim_uri(c) for c in rows["claims"]}


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_each_named_graph_holds_exactly_its_documents_assertions(loaded: Driver, database: str, fmt: str) -> None:
    _, ds = parse(export_bytes(loaded, database, fmt), fmt)
    assert ds is not None
    names = {g.identifier for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}
    assert names == {V.graph_uri(d.id) for d in DOCS}
    for doc in DOCS:
        g = ds.graph(V.graph_uri(doc.id))
        triples, claims = expected_named_graph(loaded, database, doc.id)
        assert claims, "every test document states a claim"
        claim_triples = {t for t in g if t[0] in claims}
        assert set(g.subjects(RDF.type, HRKG.Claim)) == claims
        assert {t for t in g if t[0] not in claims} == triples
        for c in claims:
            assert (c, HRKG.statedIn, V.document_uri(doc.id)) in claim_triples
        # The document's own description and the evidence records are in the default graph.
        assert (V.graph_uri(doc.id), PROV.wasDerivedFrom, V.document_uri(doc.id)) in ds.default_graph
    default = ds.default_graph
    assert not set(default.subjects(RDF.type, HRKG.Claim))
    assert not list(default.triples((None, HRKG.mentionedIn, None)))
    assert not [t for t in default if t[1] in PREDICATES]
    assert len(set(default.subjects(RDF.type, HRKG.Evidence))) == 8
    # The edge both a.txt and b.md support is stated in both their graphs.
    edge = (V.entity_uri("person/navid-afkari"), HRKG.executedIn, V.entity_uri("place/shiraz"))
    holding = {g.identifier for g in ds.graphs() if edge in g}
    assert holding == {V.graph_uri(DOCS[0].id), V.graph_uri(DOCS[1].id)}


def test_export_conforms_to_the_checked_in_shapes(turtle: Graph) -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, report = pyshacl.validate(turtle, shacl_graph=shapes)
    assert conforms, report


def test_streamed_n_triples_equal_the_turtle_graph_and_paging_does_not_change_them(
    loaded: Driver, database: str, turtle: Graph
) -> None:
    data = export_bytes(loaded, database, "nt")
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(turtle), "one line per triple, no duplicates"
    assert all(line.endswith(" .") for line in lines)
    assert isomorphic(Graph().parse(data=data, format="nt"), turtle)
    assert export_bytes(loaded, database, "nt", page_size=1) == data
    quads = export_bytes(loaded, database, "nq", page_size=2)
    assert isomorphic(parse(quads, "nq")[0], turtle)


def test_export_iter_yields_byte_chunks_of_the_same_export(loaded: Driver, database: str) -> None:
    for fmt in ("nt", "ttl"):
        chunks = list(rdf_export.export_iter(loaded, database, fmt, base_uri=BASE, ontology=ONTOLOGY))
        assert chunks and all(isinstance(c, bytes) for c in chunks)
    assert b"".join(rdf_export.export_iter(loaded, database, "nt", base_uri=BASE)) == export_bytes(
        loaded, database, "nt"
    )


def test_a_sentence_with_quotes_and_a_newline_survives_every_format(loaded: Driver, database: str) -> None:
    for fmt in rdf_export.FORMATS:
        merged, _ = parse(export_bytes(loaded, database, fmt), fmt)
        assert Literal(SENT_B1) in set(merged.objects(None, HRKG.evidenceText)), fmt


def test_unknown_format_is_refused_with_the_known_ones(loaded: Driver, database: str) -> None:
    with pytest.raises(Exception, match="choose one of ttl, nt, jsonld, xml, trig, nq"):
        export_bytes(loaded, database, "csv")


def test_entity_graph_describes_one_entity_with_edges_evidence_and_claims(
    loaded: Driver, database: str, turtle: Graph
) -> None:
    navid = V.entity_uri("person/navid-afkari")
    g = rdf_export.entity_graph(loaded, database, "person/navid-afkari", BASE, ONTOLOGY)
    assert g is not None
    shiraz = V.entity_uri("place/shiraz")
    assert (navid, HRKG.executedIn, shiraz) in g
    assert g.value(navid, RDFS.label) == Literal("Navid Afkari")
    assert g.value(shiraz, RDFS.label) == Literal("Shiraz") and (shiraz, RDF.type, HRKG.Place) in g
    assert len(set(g.subjects(HRKG.subject, navid))) == 2
    assert set(g.subjects(RDF.type, HRKG.Document)) == {V.document_uri(DOCS[0].id), V.document_uri(DOCS[1].id)}
    for t in g:  # a subgraph of the full export
        assert t in turtle, t
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, report = pyshacl.validate(g, shacl_graph=shapes)
    assert conforms, report

    protests = V.entity_uri("event/november-2019-protests")
    e = rdf_export.entity_graph(loaded, database, "event/november-2019-protests", BASE, ONTOLOGY)
    assert e is not None
    assert len(set(e.subjects(HRKG.about, protests))) == 3
    assert (V.entity_uri("organisation/pmoi"), RDF.type, HRKG.Organisation) in e
    assert (protests, HRKG.reportedBy, V.entity_uri("organisation/amnesty-international")) in e
    assert rdf_export.entity_graph(loaded, database, "person/nobody", BASE, ONTOLOGY) is None
    ttl = rdf_export.serialize(e, "jsonld", base_uri=BASE, ontology=ONTOLOGY)
    assert isomorphic(Graph().parse(data=ttl, format="json-ld"), e)


def test_stopping_a_streamed_export_early_releases_its_reader(loaded: Driver, database: str) -> None:
    chunks = rdf_export.export_iter(loaded, database, "nq", base_uri=BASE, ontology=ONTOLOGY, page_size=1)
    assert next(chunks)
    chunks.close()  # what a web server does when the client goes away
    assert not [t for t in threading.enumerate() if t.name == "hrkg-rdf-export-reader"]


def test_an_unreachable_database_is_reported_as_such() -> None:
    driver = create_driver("bolt://127.0.0.1:1", "neo4j", "wrong", timeout=1.0)
    try:
        for fmt in ("nt", "ttl"):
            with pytest.raises(GraphUnavailable, match="unreachable"):
                b"".join(rdf_export.export_iter(driver, "neo4j", fmt, base_uri=BASE, ontology=ONTOLOGY))
        with pytest.raises(GraphUnavailable, match="person/navid-afkari"):
            rdf_export.entity_graph(driver, "neo4j", "person/navid-afkari", BASE, ONTOLOGY)
    finally:
        driver.close()
