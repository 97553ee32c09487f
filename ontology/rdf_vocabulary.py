"""hrkg's RDF vocabulary, generated from the ontology files: namespaces, URIs, OWL, SHACL and the JSON-LD context.

This is the one module that knows how the graph model maps onto RDF. Our vocabulary lives at
``{base_uri}/ontology#`` (written ``hrkg:``); classes, object properties and datatype properties come from
``types.yaml`` and ``predicates.yaml``, the closed lists of ``vocabularies.yaml`` become SKOS concept schemes,
and the other namespaces come from ``vocabulary.yaml``.

The checked-in ``vocabulary.ttl`` and ``shapes.ttl`` are generated with the fixed base
:data:`EXAMPLE_BASE_URI`; the API serves the same graphs for the configured ``HRKG_BASE_URI``.
Regenerate them after editing the YAML files with ``python -m hrkg.ontology.rdf_vocabulary``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD
from rdflib.term import Node

from hrkg.ontology.errors import OntologyError
from hrkg.ontology.loader import Ontology, PredicateDef, PropertyDef, TypeDef, load_ontology

#: The base the checked-in ``vocabulary.ttl`` and ``shapes.ttl`` are generated with.
EXAMPLE_BASE_URI = "https://hrkg.example.org"
ONTOLOGY_DIR = Path(__file__).resolve().parent

SCHEMA = SDO
WD = Namespace("http://www.wikidata.org/entity/")
#: The standard namespaces this module uses by name; a unit test checks them against ``vocabulary.yaml``.
STANDARD = {"schema": SCHEMA, "foaf": FOAF, "prov": PROV, "rdfs": RDFS, "skos": SKOS, "owl": OWL,
            "dcterms": DCTERMS, "xsd": XSD, "wd": WD}  # fmt: skip

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
PARTIAL_DATE_TYPES = (XSD.gYear, XSD.gYearMonth, XSD.date)

#: Datatypes of ``string`` properties whose RDF property expects something more specific.
_STRING_DATATYPES = {SCHEMA.url: XSD.anyURI, PROV.generatedAtTime: XSD.dateTime}
_RANGE_DATATYPES = {"string": XSD.string, "string[]": XSD.string, "integer": XSD.integer, "float": XSD.decimal}

#: Fields of an evidence record (one supporting sentence of an edge), named after the Claim properties they share.
EVIDENCE_FIELDS = ("sentence", "start", "end", "extractor", "confidence", "date")


def partial_date_literal(value: str) -> Literal:
    """``"1988"`` -> xsd:gYear, ``"2019-11"`` -> xsd:gYearMonth, ``"2020-09-12"`` -> xsd:date.

    Anything else becomes a plain string literal (the SHACL shapes then report it).
    """
    s = str(value).strip()
    if _YEAR.match(s):
        return Literal(s, datatype=XSD.gYear)
    if _YEAR_MONTH.match(s):
        return Literal(s, datatype=XSD.gYearMonth)
    if _DATE.match(s):
        return Literal(s, datatype=XSD.date)
    return Literal(s)


_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._~/-]+")


def _segment(value: str, safe: str = "-._~") -> str:
    """``value`` percent-encoded for a URI path (ids are plain ASCII slugs, so this is nearly always a no-op)."""
    plain = _PLAIN_PATH if "/" in safe else _PLAIN_SEGMENT
    return value if plain.fullmatch(value) else quote(value, safe=safe)


def camel(snake: str) -> str:
    """``has_member`` -> ``hasMember``: the RDF local name of a snake_case ontology name."""
    head, *rest = snake.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def slug(value: str) -> str:
    """``at least`` -> ``at-least``: a concept's local name."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


@dataclass(frozen=True)
class Link:
    """A fixed relationship of the graph model (not a predicate): claims, mentions and evidence records."""

    local: str
    label: str
    comment: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    super: tuple[str, ...] = ()
    functional: bool = False


#: Classes of ours that are not node types in Neo4j: how edges keep their evidence in RDF.
EXTRA_CLASSES = {
    "Evidence": ("evidence", "One sentence of one document supporting an edge: the edge's subject, predicate and "
                 "object, the sentence with its offsets, the extractor and its confidence.", ("prov:Entity",)),
    "DocumentGraph": ("document graph", "The named graph (TriG / N-Quads) holding what one document asserts: the "
                      "edges it supports, its claims and its mentions.", ("prov:Entity",)),
}  # fmt: skip

#: In a link's domain or range, every entity type of the ontology.
ENTITY = ("Entity",)
LINKS = (
    Link("about", "about", "The event or case whose figure the claim gives.", ("Claim",), ("Event", "Case"),
         ("schema:about",), functional=True),
    Link("claimedBy", "claimed by", "The organisation or person asserting the claim's figure.", ("Claim",),
         ("Organisation", "Person"), ("reportedBy", "prov:wasAttributedTo"), functional=True),
    Link("statedIn", "stated in", "The document whose sentence states the claim.", ("Claim",), ("Document",),
         ("prov:wasDerivedFrom",), functional=True),
    Link("mentionedIn", "mentioned in", "The entity is named in the document.", ENTITY, ("Document",),
         ("schema:subjectOf",)),
    Link("subject", "subject", "The subject of the edge the evidence supports.", ("Evidence",), ENTITY,
         ("rdf:subject",), functional=True),
    Link("predicate", "predicate", "The property of the edge the evidence supports.", ("Evidence",), (),
         ("rdf:predicate",), functional=True),
    Link("object", "object", "The object of the edge the evidence supports.", ("Evidence",), ENTITY,
         ("rdf:object",), functional=True),
    Link("inGraph", "in graph", "The named graph in which the evidence's document asserts the edge.", ("Evidence",),
         ("DocumentGraph",), functional=True),
)  # fmt: skip


class Vocabulary:
    """Our namespace and every URI the exports use, for one ontology and one base URI."""

    def __init__(self, ontology: Ontology, base_uri: str) -> None:
        self.ontology = ontology
        self.base_uri = base_uri.rstrip("/")
        self.hrkg = Namespace(f"{self.base_uri}/ontology#")
        self.ontology_uri = URIRef(f"{self.base_uri}/ontology")
        self.shapes = Namespace(f"{self.base_uri}/shapes#")
        self.namespaces: dict[str, Namespace] = {"hrkg": self.hrkg}
        for prefix, uri in ontology.prefixes.items():
            self.namespaces[prefix] = Namespace(uri)
        self.namespaces.setdefault("rdf", Namespace(str(RDF)))
        self._converters: dict[PropertyDef, Callable[[Any], list[Node]]] = {}
        self.id_base = f"{self.base_uri}/id/"
        self.graph_base = f"{self.base_uri}/graph/"

    # -- vocabulary terms ------------------------------------------------------------------------------------
    def expand(self, name: str) -> URIRef:
        """A CURIE (``schema:url``) from ``vocabulary.yaml``'s prefixes, or a local name of ours (``metric``)."""
        prefix, sep, local = name.partition(":")
        if not sep:
            return self.hrkg[name]
        if prefix not in self.namespaces:
            raise OntologyError(f"'{name}': prefix '{prefix}' is not declared in vocabulary.yaml")
        return self.namespaces[prefix][local]

    def type_names(self, names: Iterable[str]) -> tuple[str, ...]:
        """``names`` with ``Entity`` replaced by every entity type of the ontology."""
        out: list[str] = []
        for name in names:
            out.extend(self.ontology.entity_types if name == "Entity" else [name])
        return tuple(dict.fromkeys(out))

    def class_uri(self, type_name: str) -> URIRef:
        if type_name in self.ontology.types:
            return self.hrkg[self.ontology.types[type_name].rdf]
        return self.hrkg[type_name]

    def classes_of(self, type_def: TypeDef) -> tuple[URIRef, ...]:
        """Our class for the type followed by the schema.org / FOAF / PROV-O classes it maps to."""
        return (self.class_uri(type_def.name), *(self.expand(c) for c in type_def.maps_to))

    def predicate_uri(self, predicate: PredicateDef | str) -> URIRef:
        p = self.ontology.predicates[predicate] if isinstance(predicate, str) else predicate
        return self.hrkg[p.rdf]

    def inverse_uri(self, predicate: PredicateDef) -> URIRef | None:
        return self.hrkg[camel(predicate.inverse)] if predicate.inverse else None

    def property_uri(self, prop: PropertyDef) -> URIRef | None:
        return self.expand(prop.rdf) if prop.rdf else None

    def link(self, local: str) -> URIRef:
        return self.hrkg[local]

    def scheme_uri(self, vocabulary: str) -> URIRef:
        return self.hrkg[vocabulary]

    def concept_uri(self, vocabulary: str, value: str) -> URIRef:
        """``metrics`` / ``at least`` -> ``hrkg:metrics.at-least``."""
        return self.hrkg[f"{vocabulary}.{slug(value)}"]

    def vocabulary_values(self, vocabulary: str) -> tuple[str, ...]:
        if vocabulary == "metrics":
            return tuple(self.ontology.metrics)
        if vocabulary == "qualifiers":
            return tuple(self.ontology.qualifiers)
        if vocabulary in self.ontology.kinds:
            return self.ontology.kinds[vocabulary]
        raise OntologyError(f"vocabularies.yaml has no list '{vocabulary}'")

    def vocabularies(self) -> dict[str, dict[str, str | None]]:
        """Every closed list with its values and (where given) their definitions."""
        out: dict[str, dict[str, str | None]] = {
            "metrics": dict(self.ontology.metrics),
            "qualifiers": dict(self.ontology.qualifiers),
        }
        for name, values in sorted(self.ontology.kinds.items()):
            out[name] = dict.fromkeys(values)
        return out

    @cached_property
    def evidence_properties(self) -> dict[str, PropertyDef]:
        """The Claim properties an evidence record shares (sentence, offsets, extractor, confidence, date)."""
        claim = self.ontology.types.get("Claim")
        props = claim.properties if claim else {}
        missing = [f for f in EVIDENCE_FIELDS if f not in props or not props[f].rdf]
        if missing:
            raise OntologyError(f"types.yaml: Claim needs the properties {missing} with an 'rdf' name")
        return {f: props[f] for f in EVIDENCE_FIELDS}

    # -- instance URIs ---------------------------------------------------------------------------------------
    def entity_uri(self, entity_id: str) -> URIRef:
        """``person/navid-afkari`` -> ``{base}/id/person/navid-afkari`` (claims: ``claim/<hash>`` likewise)."""
        return URIRef(self.id_base + _segment(entity_id, "/-._~"))

    def document_uri(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.id_base}document/{_segment(doc_id)}")

    def claim_uri(self, claim_id: str) -> URIRef:
        return self.entity_uri(claim_id)

    def evidence_uri(self, key: str) -> URIRef:
        return URIRef(f"{self.id_base}evidence/{_segment(key)}")

    def graph_uri(self, doc_id: str) -> URIRef:
        return URIRef(self.graph_base + _segment(doc_id))

    def bind(self, graph: Graph) -> Graph:
        """Bind our prefixes (vocabulary and instance namespaces) so Turtle and TriG read well."""
        for prefix, ns in self.namespaces.items():
            graph.bind(prefix, ns, override=True, replace=True)
        for t in self.ontology.entity_types.values():
            graph.bind(t.prefix, Namespace(f"{self.id_base}{t.prefix}/"), override=True, replace=True)
        for prefix in ("document", "claim", "evidence"):
            graph.bind(prefix, Namespace(f"{self.id_base}{prefix}/"), override=True, replace=True)
        graph.bind("graph", Namespace(self.graph_base), override=True, replace=True)
        graph.bind("sh", SH, override=True, replace=True)
        graph.bind("shape", self.shapes, override=True, replace=True)
        return graph

    # -- values ----------------------------------------------------------------------------------------------
    def datatype(self, prop: PropertyDef) -> URIRef | None:
        """The XSD datatype of a literal property (``None`` for dates, which take one of three)."""
        if prop.range == "date" or prop.range == "qid" or prop.vocabulary:
            return None
        uri = self.property_uri(prop)
        if prop.range == "string" and uri in _STRING_DATATYPES:
            return _STRING_DATATYPES[uri]
        return _RANGE_DATATYPES[prop.range]

    def values(self, prop: PropertyDef, value: Any) -> list[Node]:
        """The RDF objects of one stored property value (several for lists; none for null or empty)."""
        if value is None or value == "" or value == []:
            return []
        return self.converter(prop)(value)

    def converter(self, prop: PropertyDef) -> Callable[[Any], list[Node]]:
        """The function turning a stored (non-null) value of ``prop`` into RDF objects, made once per property."""
        convert = self._converters.get(prop)
        if convert is None:
            convert = self._converters[prop] = self._make_converter(prop)
        return convert

    def _make_converter(self, prop: PropertyDef) -> Callable[[Any], list[Node]]:
        if prop.range == "string[]":
            return lambda value: [Literal(str(x)) for x in (value if isinstance(value, list | tuple) else [value])
                                  if x not in (None, "")]  # fmt: skip
        if prop.vocabulary:
            vocabulary = prop.vocabulary
            return _memo(lambda value: [self.concept_uri(vocabulary, str(value))])
        if prop.range == "date":
            return _memo(lambda value: [partial_date_literal(str(value))])
        if prop.range == "qid":
            return lambda value: [WD[str(value)]] if _QID.match(str(value)) else []
        if prop.range == "integer":
            return lambda value: [Literal(int(value), datatype=XSD.integer)]
        if prop.range == "float":
            return _memo(_decimal)
        dt = self.datatype(prop)
        if dt == XSD.string:
            return lambda value: [Literal(str(value))]
        return lambda value: [Literal(str(value), datatype=dt)]


def _decimal(value: Any) -> list[Node]:
    number = float(value)
    return [Literal(Decimal(repr(number)), datatype=XSD.decimal)] if math.isfinite(number) else []


def _memo(convert: Callable[[Any], list[Node]], size: int = 4096) -> Callable[[Any], list[Node]]:
    """``convert`` remembering its last results: kinds, dates and confidences repeat, and literals are dear to make."""
    cache: dict[Any, list[Node]] = {}

    def memoised(value: Any) -> list[Node]:
        try:
            return cache[value]
        except KeyError:
            pass
        except TypeError:  # unhashable
            return convert(value)
        if len(cache) >= size:
            cache.clear()
        result = cache[value] = convert(value)
        return result

    return memoised


# ---- OWL / RDFS ----------------------------------------------------------------------------------------------


class _BNodes:
    """Blank nodes numbered in creation order, so regenerating a file gives the same text."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0

    def __call__(self) -> BNode:
        self.count += 1
        return BNode(f"{self.prefix}{self.count:04d}")

    def list(self, g: Graph, items: Iterable[Node]) -> BNode:
        members = list(items)
        nodes = [self() for _ in members]
        for i, (node, item) in enumerate(zip(nodes, members, strict=True)):
            g.add((node, RDF.first, item))
            g.add((node, RDF.rest, nodes[i + 1] if i + 1 < len(nodes) else RDF.nil))
        return nodes[0] if nodes else RDF.nil


def _union(g: Graph, bnode: _BNodes, members: Iterable[URIRef], *, datatype: bool = False) -> Node:
    items = list(dict.fromkeys(members))
    if len(items) == 1:
        return items[0]
    node = bnode()
    g.add((node, RDF.type, RDFS.Datatype if datatype else OWL.Class))
    head = bnode.list(g, items)
    g.add((node, OWL.unionOf, head))
    return node


def _label(name: str) -> Literal:
    return Literal(name.replace("_", " "), lang="en")


def vocabulary_graph(ontology: Ontology | None = None, base_uri: str = EXAMPLE_BASE_URI) -> Graph:
    """The OWL ontology: classes, object and datatype properties, and the closed lists as SKOS concept schemes."""
    onto = ontology or load_ontology()
    v = Vocabulary(onto, base_uri)
    g = v.bind(Graph())
    hrkg = v.hrkg
    bnode = _BNodes("v")
    g.add((v.ontology_uri, RDF.type, OWL.Ontology))
    g.add((v.ontology_uri, RDFS.label, Literal("hrkg ontology", lang="en")))
    g.add((v.ontology_uri, RDFS.comment, Literal(
        "People, organisations, events, cases and places of human-rights documentation, the typed edges between "
        "them with their evidence, and the figures (claims) someone asserts in a document. Generated from the "
        "hrkg ontology files.", lang="en")))  # fmt: skip

    def define(term: URIRef) -> None:
        g.add((term, RDFS.isDefinedBy, v.ontology_uri))

    # Classes: node types, then the evidence record and the per-document named graph.
    for t in onto.types.values():
        c = v.class_uri(t.name)
        g.add((c, RDF.type, OWL.Class))
        g.add((c, RDFS.label, _label(t.label)))
        g.add((c, RDFS.comment, Literal(t.description, lang="en")))
        define(c)
        for mapped in t.maps_to:
            g.add((c, RDFS.subClassOf, v.expand(mapped)))
    for name, (label, comment, supers) in EXTRA_CLASSES.items():
        c = hrkg[name]
        g.add((c, RDF.type, OWL.Class))
        g.add((c, RDFS.label, _label(label)))
        g.add((c, RDFS.comment, Literal(comment, lang="en")))
        define(c)
        for s in supers:
            g.add((c, RDFS.subClassOf, v.expand(s)))
    g.add((hrkg.Evidence, RDFS.subClassOf, RDF.Statement))

    # Object properties: one per predicate, plus its declared inverse reading.
    g.add((hrkg.relationshipType, RDF.type, OWL.AnnotationProperty))
    g.add((hrkg.relationshipType, RDFS.label, _label("relationship type")))
    g.add((hrkg.relationshipType, RDFS.comment, Literal(
        "The Neo4j relationship type that stores this property's edges.", lang="en")))  # fmt: skip
    define(hrkg.relationshipType)
    for p in onto.predicates.values():
        prop = v.predicate_uri(p)
        domain = _union(g, bnode, (v.class_uri(t) for t in p.domain))
        range_ = _union(g, bnode, (v.class_uri(t) for t in p.range))
        g.add((prop, RDF.type, OWL.ObjectProperty))
        g.add((prop, RDFS.label, _label(p.name)))
        g.add((prop, RDFS.comment, Literal(p.definition, lang="en")))
        g.add((prop, RDFS.domain, domain))
        g.add((prop, RDFS.range, range_))
        g.add((prop, hrkg.relationshipType, Literal(p.type)))
        define(prop)
        if p.symmetric:
            g.add((prop, RDF.type, OWL.SymmetricProperty))
        for mapped in p.maps_to:
            g.add((prop, RDFS.subPropertyOf, v.expand(mapped)))
        inverse = v.inverse_uri(p)
        if inverse is not None:
            g.add((inverse, RDF.type, OWL.ObjectProperty))
            g.add((inverse, RDFS.label, _label(p.inverse or "")))
            g.add((inverse, RDFS.comment, Literal(f"Inverse of {p.name}: {p.definition}", lang="en")))
            g.add((inverse, OWL.inverseOf, prop))
            g.add((inverse, RDFS.domain, _union(g, bnode, (v.class_uri(t) for t in p.range))))
            g.add((inverse, RDFS.range, _union(g, bnode, (v.class_uri(t) for t in p.domain))))
            define(inverse)

    # Fixed links of the graph model: claims, mentions, evidence records.
    for link in LINKS:
        prop = hrkg[link.local]
        g.add((prop, RDF.type, OWL.ObjectProperty))
        if link.functional:
            g.add((prop, RDF.type, OWL.FunctionalProperty))
        g.add((prop, RDFS.label, Literal(link.label, lang="en")))
        g.add((prop, RDFS.comment, Literal(link.comment, lang="en")))
        g.add((prop, RDFS.domain, _union(g, bnode, (v.class_uri(t) for t in v.type_names(link.domain)))))
        if link.range:
            g.add((prop, RDFS.range, _union(g, bnode, (v.class_uri(t) for t in v.type_names(link.range)))))
        else:
            g.add((prop, RDFS.range, RDF.Property))
        for s in link.super:
            g.add((prop, RDFS.subPropertyOf, v.expand(s)))
        define(prop)

    # Datatype (and concept-valued) properties of ours; external ones (rdfs:label, schema:...) are used as they are.
    users: dict[URIRef, list[str]] = {}
    defs: dict[URIRef, PropertyDef] = {}
    schemes: dict[URIRef, list[str]] = {}
    for t in onto.types.values():
        for pdef in t.properties.values():
            uri = v.property_uri(pdef)
            if uri is not None and uri in hrkg:
                users.setdefault(uri, []).append(t.name)
                defs.setdefault(uri, pdef)
                if pdef.vocabulary:
                    schemes.setdefault(uri, []).append(pdef.vocabulary)
    for pdef in v.evidence_properties.values():
        uri = v.property_uri(pdef)
        if uri is not None and uri in hrkg:
            users.setdefault(uri, []).append("Evidence")
    for uri, type_names in users.items():
        pdef = defs[uri]
        g.add((uri, RDFS.label, _label(re.sub(r"(?<!^)(?=[A-Z])", " ", uri.split("#")[-1]).lower())))
        g.add((uri, RDFS.domain, _union(g, bnode, (v.class_uri(t) for t in type_names))))
        if pdef.vocabulary:
            g.add((uri, RDF.type, OWL.ObjectProperty))
            g.add((uri, RDFS.range, SKOS.Concept))
            names = ", ".join(f"hrkg:{x}" for x in dict.fromkeys(schemes[uri]))
            g.add((uri, RDFS.comment, Literal(f"A concept from {names} (by the subject's class).", lang="en")))
        elif pdef.range == "date":
            g.add((uri, RDF.type, OWL.DatatypeProperty))
            g.add((uri, RDFS.range, _union(g, bnode, PARTIAL_DATE_TYPES, datatype=True)))
        else:
            g.add((uri, RDF.type, OWL.DatatypeProperty))
            g.add((uri, RDFS.range, v.datatype(pdef) or XSD.string))
        if pdef.range != "string[]":
            g.add((uri, RDF.type, OWL.FunctionalProperty))
        define(uri)

    # Closed lists as SKOS concept schemes.
    for name, values in v.vocabularies().items():
        scheme = v.scheme_uri(name)
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, _label(name)))
        g.add((scheme, SKOS.prefLabel, _label(name)))
        define(scheme)
        for value, definition in values.items():
            concept = v.concept_uri(name, value)
            g.add((concept, RDF.type, SKOS.Concept))
            g.add((concept, SKOS.inScheme, scheme))
            g.add((concept, SKOS.topConceptOf, scheme))
            g.add((scheme, SKOS.hasTopConcept, concept))
            g.add((concept, SKOS.prefLabel, Literal(value, lang="en")))
            g.add((concept, SKOS.notation, Literal(value)))
            if definition:
                g.add((concept, SKOS.definition, Literal(definition, lang="en")))
    return g


# ---- SHACL ---------------------------------------------------------------------------------------------------


class _Shapes:
    def __init__(self, v: Vocabulary) -> None:
        self.v = v
        self.g = v.bind(Graph())
        self.bnode = _BNodes("s")

    def rdf_list(self, items: Iterable[Node]) -> BNode:
        return self.bnode.list(self.g, items)

    def node_shape(self, name: str, label: str) -> URIRef:
        shape = self.v.shapes[f"{name}Shape"]
        self.g.add((shape, RDF.type, SH.NodeShape))
        self.g.add((shape, RDFS.label, Literal(label, lang="en")))
        return shape

    def classes(self, target: Node, type_names: Iterable[str]) -> None:
        """``sh:class`` for one class, ``sh:or`` of ``sh:class`` for several."""
        names = list(dict.fromkeys(type_names))
        if len(names) == 1:
            self.g.add((target, SH["class"], self.v.class_uri(names[0])))
            return
        alternatives = []
        for name in names:
            alt = self.bnode()
            self.g.add((alt, SH["class"], self.v.class_uri(name)))
            alternatives.append(alt)
        self.g.add((target, SH["or"], self.rdf_list(alternatives)))

    def property(self, shape: URIRef, path: URIRef, *, name: str, min_count: int = 0,
                 max_count: int | None = None) -> BNode:  # fmt: skip
        ps = self.bnode()
        self.g.add((shape, SH.property, ps))
        self.g.add((ps, SH.path, path))
        self.g.add((ps, SH.name, Literal(name)))
        if min_count:
            self.g.add((ps, SH.minCount, Literal(min_count)))
        if max_count is not None:
            self.g.add((ps, SH.maxCount, Literal(max_count)))
        return ps

    def values(self, ps: BNode, pdef: PropertyDef) -> None:
        """The value constraint of one stored property: datatype, partial-date alternatives, concept list, QID."""
        g, v = self.g, self.v
        if pdef.vocabulary:
            g.add((ps, SH.nodeKind, SH.IRI))
            values = v.vocabulary_values(pdef.vocabulary)
            g.add((ps, SH["in"], self.rdf_list(v.concept_uri(pdef.vocabulary, x) for x in values)))
        elif pdef.range == "date":
            alternatives = []
            for dt in PARTIAL_DATE_TYPES:
                alt = self.bnode()
                g.add((alt, SH.datatype, dt))
                alternatives.append(alt)
            g.add((ps, SH["or"], self.rdf_list(alternatives)))
            g.add((ps, SH.message, Literal("an ISO partial date: xsd:gYear, xsd:gYearMonth or xsd:date")))
        elif pdef.range == "qid":
            g.add((ps, SH.nodeKind, SH.IRI))
            g.add((ps, SH.pattern, Literal(f"^{re.escape(str(WD))}Q[1-9][0-9]*$")))
        else:
            g.add((ps, SH.datatype, v.datatype(pdef) or XSD.string))

    def stored_properties(self, shape: URIRef, type_def: TypeDef) -> None:
        for pdef in type_def.properties.values():
            path = self.v.property_uri(pdef)
            if path is None:
                continue
            ps = self.property(shape, path, name=pdef.name, min_count=1 if pdef.required else 0,
                               max_count=None if pdef.range == "string[]" else 1)  # fmt: skip
            self.values(ps, pdef)


def shapes_graph(ontology: Ontology | None = None, base_uri: str = EXAMPLE_BASE_URI) -> Graph:
    """SHACL shapes for the RDF export: one NodeShape per class, one per predicate (domain and range)."""
    onto = ontology or load_ontology()
    v = Vocabulary(onto, base_uri)
    s = _Shapes(v)
    g, hrkg = s.g, v.hrkg
    entity_names = v.type_names(ENTITY)

    for t in onto.types.values():
        shape = s.node_shape(t.name, f"{t.label} shape")
        g.add((shape, SH.targetClass, v.class_uri(t.name)))
        g.add((shape, SH.nodeKind, SH.IRI))
        s.stored_properties(shape, t)
        if t.entity:
            ps = s.property(shape, hrkg.mentionedIn, name="mentioned in")
            s.classes(ps, ["Document"])
    claim = v.shapes["ClaimShape"]
    for link in LINKS:
        if link.domain == ("Claim",):
            ps = s.property(claim, hrkg[link.local], name=link.label,
                            min_count=0 if link.local == "claimedBy" else 1, max_count=1)  # fmt: skip
            s.classes(ps, v.type_names(link.range))

    evidence = s.node_shape("Evidence", "Evidence shape")
    g.add((evidence, SH.targetClass, hrkg.Evidence))
    for local, targets in (("subject", entity_names), ("object", entity_names)):
        ps = s.property(evidence, hrkg[local], name=local, min_count=1, max_count=1)
        s.classes(ps, targets)
    ps = s.property(evidence, hrkg.predicate, name="predicate", min_count=1, max_count=1)
    g.add((ps, SH["in"], s.rdf_list(v.predicate_uri(p) for p in onto.predicates.values())))
    for field, pdef in v.evidence_properties.items():
        uri = v.property_uri(pdef)
        assert uri is not None
        ps = s.property(evidence, uri, name=field, min_count=1 if field == "sentence" else 0, max_count=1)
        s.values(ps, pdef)
    ps = s.property(evidence, PROV.wasDerivedFrom, name="document", min_count=1, max_count=1)
    s.classes(ps, ["Document"])
    ps = s.property(evidence, hrkg.inGraph, name="graph", min_count=1, max_count=1)
    s.classes(ps, ["DocumentGraph"])

    graph_shape = s.node_shape("DocumentGraph", "Document graph shape")
    g.add((graph_shape, SH.targetClass, hrkg.DocumentGraph))
    ps = s.property(graph_shape, PROV.wasDerivedFrom, name="document", min_count=1, max_count=1)
    s.classes(ps, ["Document"])

    for p in onto.predicates.values():
        prop = v.predicate_uri(p)
        shape = s.node_shape(p.rdf, f"{p.name} shape: subjects in its domain, objects in its range")
        g.add((shape, SH.targetSubjectsOf, prop))
        s.classes(shape, p.domain)
        ps = s.property(shape, prop, name=p.name)
        s.classes(ps, p.range)
    return g


# ---- JSON-LD -------------------------------------------------------------------------------------------------


def jsonld_context(ontology: Ontology | None = None, base_uri: str = EXAMPLE_BASE_URI) -> dict[str, Any]:
    """The JSON-LD context document served at ``/context.jsonld`` and used to compact the JSON-LD export."""
    onto = ontology or load_ontology()
    v = Vocabulary(onto, base_uri)
    ctx: dict[str, Any] = {prefix: str(ns) for prefix, ns in v.namespaces.items()}

    def term(name: str, definition: Any) -> None:
        ctx.setdefault(name, definition)

    def curie(uri: URIRef) -> str:
        for prefix, ns in v.namespaces.items():
            if uri.startswith(ns) and uri != URIRef(ns):
                return f"{prefix}:{uri[len(ns) :]}"
        return str(uri)

    for t in onto.types.values():
        term(t.rdf, curie(v.class_uri(t.name)))
    for name in EXTRA_CLASSES:
        term(name, f"hrkg:{name}")
    for p in onto.predicates.values():
        term(p.rdf, {"@id": curie(v.predicate_uri(p)), "@type": "@id"})
        inverse = v.inverse_uri(p)
        if inverse is not None:
            term(camel(p.inverse or ""), {"@id": curie(inverse), "@type": "@id"})
    for link in LINKS:
        term(link.local, {"@id": f"hrkg:{link.local}", "@type": "@id"})
    term("wasDerivedFrom", {"@id": "prov:wasDerivedFrom", "@type": "@id"})
    all_props = [p for t in onto.types.values() for p in t.properties.values()]
    for pdef in all_props + list(v.evidence_properties.values()):
        uri = v.property_uri(pdef)
        if uri is None:
            continue
        name = curie(uri).split(":", 1)[-1]
        definition: dict[str, Any] = {"@id": curie(uri)}
        if pdef.vocabulary or pdef.range == "qid":
            definition["@type"] = "@id"
        elif pdef.range in ("integer", "float") or v.datatype(pdef) not in (None, XSD.string):
            definition["@type"] = curie(v.datatype(pdef) or XSD.string)
        if pdef.range == "string[]":
            definition["@container"] = "@set"
        term(name, definition)
    return {"@context": ctx}


# ---- checked-in files ----------------------------------------------------------------------------------------

_HEADER = (
    "# Generated from the hrkg ontology files (types.yaml, predicates.yaml, vocabularies.yaml, vocabulary.yaml)\n"
    "# by `python -m hrkg.ontology.rdf_vocabulary`, with the example base {base}.\n"
    "# Do not edit: change the YAML and regenerate. The API serves this graph for the configured HRKG_BASE_URI.\n"
)


def write_files(directory: Path = ONTOLOGY_DIR, ontology: Ontology | None = None,
                base_uri: str = EXAMPLE_BASE_URI) -> list[Path]:  # fmt: skip
    """Regenerate ``vocabulary.ttl`` and ``shapes.ttl`` in ``directory``; returns the paths written."""
    written = []
    for name, build in (("vocabulary.ttl", vocabulary_graph), ("shapes.ttl", shapes_graph)):
        path = directory / name
        text = build(ontology, base_uri).serialize(format="turtle")
        path.write_text(_HEADER.format(base=base_uri) + text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_files():
        print(f"wrote {written_path}")
