"""The RDF vocabulary, SHACL shapes and JSON-LD context generated from the ontology files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from hrkg.ontology import load_ontology
from hrkg.ontology.loader import parse_ontology
from hrkg.ontology.rdf_vocabulary import (
    EXAMPLE_BASE_URI,
    ONTOLOGY_DIR,
    STANDARD,
    Vocabulary,
    jsonld_context,
    partial_date_literal,
    shapes_graph,
    vocabulary_graph,
    write_files,
)
from tests.conftest import REPO

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest's collection probes attributes
ONTOLOGY = load_ontology()
V = Vocabulary(ONTOLOGY, EXAMPLE_BASE_URI)
HRKG = V.hrkg

SAMPLE = """
@prefix hrkg: <https://hrkg.example.org/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://hrkg.example.org/id/> .

<https://hrkg.example.org/id/person/lena-varga> a hrkg:Person, schema:Person ;
    rdfs:label "Lena Varga" ; skos:altLabel "Varga" ; owl:sameAs <http://www.wikidata.org/entity/Q42> ;
    hrkg:arrestedIn <https://hrkg.example.org/id/event/march-protests> ;
    hrkg:mentionedIn <https://hrkg.example.org/id/document/abc> .
<https://hrkg.example.org/id/event/march-protests> a hrkg:Event ;
    rdfs:label "March protests" ; hrkg:kind hrkg:event_kinds.protest ;
    schema:startDate "2024-03"^^xsd:gYearMonth ; schema:endDate "2024"^^xsd:gYear ;
    hrkg:reportedBy <https://hrkg.example.org/id/organisation/open-courts-watch> .
<https://hrkg.example.org/id/organisation/open-courts-watch> a hrkg:Organisation ;
    rdfs:label "Open Courts Watch" ; hrkg:kind hrkg:organisation_kinds.ngo .
<https://hrkg.example.org/id/document/abc> a hrkg:Document ;
    dcterms:title "A report" ; dcterms:issued "2024-04-02"^^xsd:date ; schema:url "https://example.org/r"^^xsd:anyURI .
<https://hrkg.example.org/graph/abc> a hrkg:DocumentGraph ;
    prov:wasDerivedFrom <https://hrkg.example.org/id/document/abc> .
<https://hrkg.example.org/id/claim/c1> a hrkg:Claim ;
    hrkg:metric hrkg:metrics.arrested ; schema:value 212 ; hrkg:qualifier hrkg:qualifiers.at-least ;
    hrkg:about <https://hrkg.example.org/id/event/march-protests> ;
    hrkg:claimedBy <https://hrkg.example.org/id/organisation/open-courts-watch> ;
    hrkg:statedIn <https://hrkg.example.org/id/document/abc> ;
    hrkg:evidenceText "at least 212 people were arrested" ; hrkg:evidenceStart 10 ; hrkg:evidenceEnd 43 ;
    hrkg:confidence 0.7 .
<https://hrkg.example.org/id/evidence/e1> a hrkg:Evidence ;
    hrkg:subject <https://hrkg.example.org/id/person/lena-varga> ; hrkg:predicate hrkg:arrestedIn ;
    hrkg:object <https://hrkg.example.org/id/event/march-protests> ;
    hrkg:evidenceText "Lena Varga was detained during the March protests." ;
    hrkg:evidenceStart 0 ; hrkg:evidenceEnd 51 ; schema:temporalCoverage "2024-03"^^xsd:gYearMonth ;
    prov:wasDerivedFrom <https://hrkg.example.org/id/document/abc> ;
    hrkg:inGraph <https://hrkg.example.org/graph/abc> .
"""
LENA = URIRef("https://hrkg.example.org/id/person/lena-varga")
CLAIM = URIRef("https://hrkg.example.org/id/claim/c1")


def validate(data: str) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(Graph().parse(data=data, format="turtle"), shacl_graph=SHAPES)
    return conforms, report


SHAPES = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


# ---- the checked-in files --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "build"), [("vocabulary.ttl", vocabulary_graph), ("shapes.ttl", shapes_graph)])
def test_checked_in_turtle_equals_a_fresh_generation(name: str, build) -> None:
    checked_in = Graph().parse(ONTOLOGY_DIR / name, format="turtle")
    fresh = build(ONTOLOGY, EXAMPLE_BASE_URI)
    assert len(checked_in) > 100
    assert isomorphic(checked_in, fresh), (
        f"ontology/{name} is out of date with the YAML files: run `python -m hrkg.ontology.rdf_vocabulary`"
    )


def test_write_files_is_deterministic(tmp_path: Path) -> None:
    written = write_files(tmp_path, ONTOLOGY, EXAMPLE_BASE_URI)
    assert [p.name for p in written] == ["vocabulary.ttl", "shapes.ttl"]
    for path in written:
        assert path.read_text(encoding="utf-8") == (ONTOLOGY_DIR / path.name).read_text(encoding="utf-8")


def test_standard_namespaces_are_those_of_vocabulary_yaml() -> None:
    assert {k: str(v) for k, v in STANDARD.items()} == ONTOLOGY.prefixes


# ---- OWL -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return vocabulary_graph(ONTOLOGY, EXAMPLE_BASE_URI)


def test_every_type_is_a_class_with_label_comment_and_its_mappings(vocab: Graph) -> None:
    assert (URIRef(f"{EXAMPLE_BASE_URI}/ontology"), RDF.type, OWL.Ontology) in vocab
    for t in ONTOLOGY.types.values():
        c = HRKG[t.rdf]
        assert (c, RDF.type, OWL.Class) in vocab
        assert vocab.value(c, RDFS.label) is not None and vocab.value(c, RDFS.comment) is not None
        assert {V.expand(m) for m in t.maps_to} <= set(vocab.objects(c, RDFS.subClassOf))
    assert (HRKG.Person, RDFS.subClassOf, URIRef("https://schema.org/Person")) in vocab
    assert (HRKG.Organisation, RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Organization")) in vocab


def _members(g: Graph, node) -> set:
    if isinstance(node, URIRef):
        return {node}
    return set(Collection(g, g.value(node, OWL.unionOf)))


def test_every_predicate_is_an_object_property_with_domain_range_and_definition(vocab: Graph) -> None:
    for p in ONTOLOGY.predicates.values():
        prop = HRKG[p.rdf]
        assert (prop, RDF.type, OWL.ObjectProperty) in vocab
        assert str(vocab.value(prop, RDFS.comment)) == p.definition
        assert _members(vocab, vocab.value(prop, RDFS.domain)) == {HRKG[t] for t in p.domain}
        assert _members(vocab, vocab.value(prop, RDFS.range)) == {HRKG[t] for t in p.range}
        assert {V.expand(m) for m in p.maps_to} <= set(vocab.objects(prop, RDFS.subPropertyOf))
        assert str(vocab.value(prop, HRKG.relationshipType)) == p.type
    assert (HRKG.reportedBy, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasAttributedTo")) in vocab
    assert (HRKG.relatedTo, RDF.type, OWL.SymmetricProperty) in vocab


def test_inverses_are_declared_properties(vocab: Graph) -> None:
    inverses = {p.name: p.inverse for p in ONTOLOGY.predicates.values() if p.inverse}
    assert inverses, "predicates.yaml declares inverses"
    assert (HRKG.hasMember, OWL.inverseOf, HRKG.memberOf) in vocab
    for name in inverses:
        inverse = vocab.value(predicate=OWL.inverseOf, object=HRKG[ONTOLOGY.predicates[name].rdf])
        assert inverse is not None and (inverse, RDF.type, OWL.ObjectProperty) in vocab
        assert vocab.value(inverse, RDFS.label) is not None


def test_datatype_properties_and_concept_schemes(vocab: Graph) -> None:
    assert (HRKG.evidenceText, RDF.type, OWL.DatatypeProperty) in vocab
    assert vocab.value(HRKG.evidenceStart, RDFS.range) == XSD.integer
    assert _members(vocab, vocab.value(HRKG.extractor, RDFS.domain)) == {HRKG.Document, HRKG.Claim, HRKG.Evidence}
    assert (HRKG.metric, RDFS.range, SKOS.Concept) in vocab
    for scheme, values in (("metrics", ONTOLOGY.metrics), ("qualifiers", ONTOLOGY.qualifiers)):
        assert (HRKG[scheme], RDF.type, SKOS.ConceptScheme) in vocab
        concepts = set(vocab.subjects(SKOS.inScheme, HRKG[scheme]))
        assert {str(vocab.value(c, SKOS.notation)) for c in concepts} == set(values)
        for c in concepts:
            assert vocab.value(c, SKOS.definition) is not None
    assert (HRKG["qualifiers.at-least"], SKOS.prefLabel, Literal("at least", lang="en")) in vocab


def test_the_base_uri_is_configurable() -> None:
    g = vocabulary_graph(ONTOLOGY, "http://127.0.0.1:8000/")
    assert (URIRef("http://127.0.0.1:8000/ontology#Person"), RDF.type, OWL.Class) in g
    assert not [t for t in g if EXAMPLE_BASE_URI in str(t[0])]


def test_a_new_predicate_is_one_edit_in_predicates_yaml(tmp_path: Path) -> None:
    for name in ("types.yaml", "predicates.yaml", "vocabularies.yaml", "vocabulary.yaml", "authority.yaml"):
        shutil.copy(REPO / "ontology" / name, tmp_path / name)
    with (tmp_path / "predicates.yaml").open("a", encoding="utf-8") as f:
        f.write("\ndetained_in:\n  domain: [Person]\n  range: [Place]\n  type: DETAINED_IN\n  rdf: detainedIn\n"
                "  definition: The person was held at the place.\n")  # fmt: skip
    onto = parse_ontology(tmp_path)
    assert (HRKG.detainedIn, RDF.type, OWL.ObjectProperty) in vocabulary_graph(onto, EXAMPLE_BASE_URI)
    shapes = shapes_graph(onto, EXAMPLE_BASE_URI)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    assert (None, sh.targetSubjectsOf, HRKG.detainedIn) in shapes


# ---- SHACL -----------------------------------------------------------------------------------------------------


def test_a_conforming_sample_validates() -> None:
    conforms, report = validate(SAMPLE)
    assert conforms, report.serialize(format="turtle")


def _violations(report: Graph) -> set[tuple[URIRef, URIRef | None]]:
    sh = Namespace("http://www.w3.org/ns/shacl#")
    results = report.subjects(RDF.type, sh.ValidationResult)
    return {(report.value(r, sh.focusNode), report.value(r, sh.resultPath)) for r in results}


@pytest.mark.parametrize(
    ("old", "new", "focus", "path"),
    [
        ('rdfs:label "Lena Varga" ;', "", LENA, RDFS.label),
        ("hrkg:metric hrkg:metrics.arrested", "hrkg:metric hrkg:metrics.evicted", CLAIM, HRKG.metric),
        ("hrkg:metric hrkg:metrics.arrested ;", "", CLAIM, HRKG.metric),
        ("hrkg:qualifiers.at-least", "hrkg:qualifiers.roughly", CLAIM, HRKG.qualifier),
        ("schema:value 212", 'schema:value "212"', CLAIM, URIRef("https://schema.org/value")),
        ('"2024-03"^^xsd:gYearMonth ; schema:endDate', '"March 2024" ; schema:endDate',
         URIRef("https://hrkg.example.org/id/event/march-protests"), URIRef("https://schema.org/startDate")),
        ("owl:sameAs <http://www.wikidata.org/entity/Q42>", 'owl:sameAs "Q42"', LENA, OWL.sameAs),
        ("hrkg:about <https://hrkg.example.org/id/event/march-protests>",
         "hrkg:about <https://hrkg.example.org/id/person/lena-varga>", CLAIM, HRKG.about),
    ],
)  # fmt: skip
def test_a_broken_sample_is_rejected_at_the_culprit(old: str, new: str, focus: URIRef, path: URIRef) -> None:
    assert old in SAMPLE
    conforms, report = validate(SAMPLE.replace(old, new, 1))
    assert not conforms
    assert (focus, path) in _violations(report), _violations(report)


def test_a_predicate_outside_its_domain_or_range_is_rejected() -> None:
    # A place cannot be arrested; an organisation is not an event to be arrested in.
    broken = (
        SAMPLE
        + """
<https://hrkg.example.org/id/organisation/open-courts-watch> hrkg:arrestedIn
    <https://hrkg.example.org/id/organisation/open-courts-watch> .
"""
    )
    conforms, report = validate(broken)
    assert not conforms
    org = URIRef("https://hrkg.example.org/id/organisation/open-courts-watch")
    assert (org, None) in _violations(report)  # the subject is outside the domain
    assert (org, HRKG.arrestedIn) in _violations(report)  # the object is outside the range


# ---- literals and JSON-LD --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("1988", XSD.gYear), ("2019-11", XSD.gYearMonth), ("2020-09-12", XSD.date), ("2019-13", None), ("soon", None)],
)
def test_partial_date_literal(value: str, datatype: URIRef | None) -> None:
    lit = partial_date_literal(value)
    assert str(lit) == value
    assert lit.datatype == datatype


def test_jsonld_context_compacts_terms_and_expands_back() -> None:
    ctx = jsonld_context(ONTOLOGY, EXAMPLE_BASE_URI)
    terms = ctx["@context"]
    assert terms["hrkg"] == f"{EXAMPLE_BASE_URI}/ontology#"
    assert terms["executedIn"] == {"@id": "hrkg:executedIn", "@type": "@id"}
    assert terms["altLabel"]["@container"] == "@set"
    assert terms["Person"] == "hrkg:Person"
    doc = {
        **ctx,
        "@id": f"{EXAMPLE_BASE_URI}/id/person/navid-afkari",
        "@type": "Person",
        "label": "Navid Afkari",
        "altLabel": ["Afkari"],
        "sameAs": "wd:Q99348738",
        "executedIn": f"{EXAMPLE_BASE_URI}/id/place/shiraz",
    }
    g = Graph().parse(data=json.dumps(doc), format="json-ld")
    navid = URIRef(f"{EXAMPLE_BASE_URI}/id/person/navid-afkari")
    assert (navid, RDF.type, HRKG.Person) in g
    assert (navid, HRKG.executedIn, URIRef(f"{EXAMPLE_BASE_URI}/id/place/shiraz")) in g
    assert (navid, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q99348738")) in g
    assert (navid, RDFS.label, Literal("Navid Afkari")) in g
