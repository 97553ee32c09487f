"""Export the Neo4j graph as RDF: Turtle, N-Triples, JSON-LD, RDF/XML (merged graph), TriG and N-Quads (datasets).

What goes where:

- default graph: entities (our class and the schema.org / FOAF / PROV-O classes it maps to, ``rdfs:label``,
  ``skos:altLabel`` per alias, ``owl:sameAs`` Wikidata, description, kind, dates as xsd:gYear / gYearMonth /
  date), documents (``dcterms:title``, ``dcterms:publisher``, ``dcterms:issued``, ``dcterms:source``,
  ``schema:url``), one ``hrkg:Evidence`` record per supporting sentence of every edge (``hrkg:subject`` /
  ``hrkg:predicate`` / ``hrkg:object``, the sentence and its offsets, extractor, confidence, date,
  ``prov:wasDerivedFrom`` the document, ``hrkg:inGraph`` its named graph), and for every document its named
  graph ``{base}/graph/<sha>`` as a ``hrkg:DocumentGraph`` ``prov:wasDerivedFrom`` the document;
- named graph ``{base}/graph/<sha>``: what that document asserts — each edge it supports (an edge supported
  by two documents is stated in both graphs), its claims, and its mentions (``hrkg:mentionedIn``).

Turtle, N-Triples, JSON-LD and RDF/XML carry the union of all of these. N-Triples and N-Quads are written
while reading: records come from Neo4j in pages (keyset paging on ids, ``cypher/export_*.cypher``) and each
statement is written as a line at once, so memory stays bounded whatever the size of the graph; the other
formats are built as an rdflib graph in memory and serialised by rdflib.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from neo4j import READ_ACCESS, Driver, ManagedTransaction, Session
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, RDF
from rdflib.term import Node

from hrkg.graph.queries import query
from hrkg.ontology import Ontology, load_ontology
from hrkg.ontology.errors import GraphUnavailable, HrkgError
from hrkg.ontology.rdf_vocabulary import Vocabulary, jsonld_context

_TYPE = RDF.type  # resolved once: attribute lookups on rdflib's defined namespaces are slow
_DERIVED_FROM = PROV.wasDerivedFrom

PAGE_SIZE = 2_000
CHUNK_LINES = 2_000

#: A statement and the named graphs that state it; ``()`` means the default graph.
Quad = tuple[URIRef, URIRef, Node, tuple[URIRef, ...]]


@dataclass(frozen=True)
class RdfFormat:
    name: str
    rdflib: str
    media_type: str
    extension: str
    dataset: bool  # keeps each document's named graph
    streamed: bool  # written while reading, in bounded memory


FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("ttl", "turtle", "text/turtle", "ttl", dataset=False, streamed=False),
        RdfFormat("nt", "nt", "application/n-triples", "nt", dataset=False, streamed=True),
        RdfFormat("jsonld", "json-ld", "application/ld+json", "jsonld", dataset=False, streamed=False),
        RdfFormat("xml", "xml", "application/rdf+xml", "rdf", dataset=False, streamed=False),
        RdfFormat("trig", "trig", "application/trig", "trig", dataset=True, streamed=False),
        RdfFormat("nq", "nquads", "application/n-quads", "nq", dataset=True, streamed=True),
    )
}

# Evidence list columns of a relationship, by the Claim property (types.yaml) each shares its RDF property with.
_EVIDENCE_COLUMNS = {"sentence": "ev_text", "start": "ev_start", "end": "ev_end", "extractor": "ev_extractor",
                     "confidence": "ev_confidence", "date": "ev_date"}  # fmt: skip


def rdf_format(name: str) -> RdfFormat:
    """The format called ``name``; raises :class:`HrkgError` listing the known ones otherwise."""
    fmt = FORMATS.get(name)
    if fmt is None:
        raise HrkgError(f"unknown RDF format {name!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def _at(values: list[Any] | None, i: int) -> Any:
    return values[i] if values is not None and i < len(values) else None


class RdfMapper:
    """Turns the rows of the ``export_*`` statements into quads; the one place that maps stored data to RDF."""

    def __init__(self, ontology: Ontology, base_uri: str) -> None:
        self.ontology = ontology
        self.vocab = v = Vocabulary(ontology, base_uri)
        hrkg = v.hrkg
        self.by_label = {t.label: t for t in ontology.entity_types.values()}
        self.by_rel_type = {p.type: p for p in ontology.predicates.values()}
        self.rel_types = sorted(self.by_rel_type)
        self.classes = {name: v.classes_of(t) for name, t in ontology.types.items()}
        self.predicates = {p.type: v.predicate_uri(p) for p in ontology.predicates.values()}
        self.evidence_props = [(_EVIDENCE_COLUMNS[f], v.property_uri(p), v.converter(p))
                               for f, p in v.evidence_properties.items()]  # fmt: skip
        self._spec_cache: dict[tuple[str, ...], list[tuple[str, URIRef, Callable[[Any], list[Node]]]]] = {}
        self.evidence_class = hrkg.Evidence
        self.graph_class = hrkg.DocumentGraph
        self.mentioned_in = hrkg.mentionedIn
        self.links = {name: hrkg[name] for name in ("about", "claimedBy", "statedIn", "subject", "predicate",
                                                   "object", "inGraph")}  # fmt: skip

    def _specs(self, type_names: tuple[str, ...]) -> list[tuple[str, URIRef, Callable[[Any], list[Node]]]]:
        """(stored name, RDF property, converter) of every mapped property of these types, computed once."""
        specs = self._spec_cache.get(type_names)
        if specs is None:
            specs, seen = [], set()
            for name in type_names:
                for pdef in self.ontology.types[name].properties.values():
                    uri = self.vocab.property_uri(pdef)
                    if uri is not None and pdef.name not in seen:
                        seen.add(pdef.name)
                        specs.append((pdef.name, uri, self.vocab.converter(pdef)))
            self._spec_cache[type_names] = specs
        return specs

    def _properties(self, subject: URIRef, type_names: tuple[str, ...], props: dict[str, Any],
                    graphs: tuple[URIRef, ...] = ()) -> Iterator[Quad]:  # fmt: skip
        for name, uri, convert in self._specs(type_names):
            value = props.get(name)
            if value is None or value == "" or value == []:
                continue
            for obj in convert(value):
                yield subject, uri, obj, graphs

    def entity_types(self, entity_id: str, labels: Iterable[str]) -> tuple[str, ...]:
        names = tuple(self.by_label[label].name for label in labels if label in self.by_label)
        if not names:
            t = self.ontology.type_of_id(entity_id)
            names = (t.name,) if t else ()
        return names

    def entity(self, row: dict[str, Any]) -> Iterator[Quad]:
        """An entity's description (default graph) and its mentions (each in the mentioning document's graph)."""
        names = self.entity_types(row["id"], row.get("labels") or ())
        if not names:
            return
        v = self.vocab
        s = v.entity_uri(row["id"])
        for cls in dict.fromkeys(c for name in names for c in self.classes[name]):
            yield s, _TYPE, cls, ()
        yield from self._properties(s, names, row.get("props") or {})
        for doc_id in row.get("documents") or ():
            yield s, self.mentioned_in, v.document_uri(doc_id), (v.graph_uri(doc_id),)

    def relation(self, row: dict[str, Any]) -> Iterator[Quad]:
        """An edge, stated in the graph of every document supporting it, and one evidence record per sentence."""
        rel_type = row.get("type")
        if rel_type not in self.predicates or row.get("object") is None:
            return
        v = self.vocab
        s, p, o = v.entity_uri(row["subject"]), self.predicates[rel_type], v.entity_uri(row["object"])
        docs = row.get("ev_doc") or []
        yield s, p, o, tuple(dict.fromkeys(v.graph_uri(d) for d in docs if d))
        links = self.links
        for i, key in enumerate(row.get("ev_key") or ()):
            digest = hashlib.sha256(f"{row['subject']}\x1f{rel_type}\x1f{row['object']}\x1f{key}".encode())
            ev = v.evidence_uri(digest.hexdigest()[:24])
            yield ev, _TYPE, self.evidence_class, ()
            yield ev, links["subject"], s, ()
            yield ev, links["predicate"], p, ()
            yield ev, links["object"], o, ()
            for column, uri, convert in self.evidence_props:
                value = _at(row.get(column), i)
                if value is not None and value != "":
                    for obj in convert(value):
                        yield ev, uri, obj, ()
            doc = _at(docs, i)
            if doc:
                yield ev, _DERIVED_FROM, v.document_uri(doc), ()
                yield ev, links["inGraph"], v.graph_uri(doc), ()

    def claim(self, row: dict[str, Any]) -> Iterator[Quad]:
        """A claim, wholly in the graph of the document that states it."""
        v = self.vocab
        props = row.get("props") or {}
        docs = list(row.get("documents") or ()) or ([props["doc_id"]] if props.get("doc_id") else [])
        graphs = tuple(v.graph_uri(d) for d in docs)
        c = v.claim_uri(row["id"])
        for cls in self.classes["Claim"]:
            yield c, _TYPE, cls, graphs
        yield from self._properties(c, ("Claim",), props, graphs)
        for about in row.get("about") or ():
            yield c, self.links["about"], v.entity_uri(about), graphs
        for by in row.get("claimed_by") or ():
            yield c, self.links["claimedBy"], v.entity_uri(by), graphs
        for doc in docs:
            yield c, self.links["statedIn"], v.document_uri(doc), graphs

    def document(self, row: dict[str, Any]) -> Iterator[Quad]:
        """A document's metadata, and its named graph as a resource derived from it (default graph)."""
        v = self.vocab
        d = v.document_uri(row["id"])
        for cls in self.classes["Document"]:
            yield d, _TYPE, cls, ()
        yield from self._properties(d, ("Document",), row.get("props") or {})
        g = v.graph_uri(row["id"])
        yield g, _TYPE, self.graph_class, ()
        yield g, _DERIVED_FROM, d, ()


# ---- reading ---------------------------------------------------------------------------------------------------


def _read_page(session: Session, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
        return [record.data() for record in tx.run(query(name), params)]

    return session.execute_read(work)


def _paged(session: Session, name: str, cursor: str, page_size: int, **params: Any) -> Iterator[list[dict[str, Any]]]:
    """The pages of a keyset-paged ``export_*`` statement; a page ends the run when it has fewer keys than asked."""
    after = ""
    while True:
        rows = _read_page(session, name, {"after": after, "limit": page_size, **params})
        yield rows
        keys = {row[cursor] for row in rows}
        if len(keys) < page_size:
            return
        after = max(keys)


def _prefetch(produce: Callable[[], Iterator[Any]], depth: int = 2) -> Iterator[Any]:
    """The items of ``produce()``, made by a worker thread at most ``depth`` items ahead of the consumer.

    Neo4j reads the next page while the current one is written, and memory stays bounded to a few pages.
    When the consumer stops early (a client going away), the worker stops at its next item.
    """
    items: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(kind: str, value: Any) -> bool:
        while not stop.is_set():
            try:
                items.put((kind, value), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in produce():
                if not put("item", item):
                    return
            put("done", None)
        except BaseException as exc:  # handed to the consumer, raised there
            put("error", exc)

    worker = threading.Thread(target=work, name="hrkg-rdf-export-reader", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = items.get()
            if kind == "done":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
        worker.join(timeout=60)


def iter_quads(driver: Driver, database: str, mapper: RdfMapper, *, page_size: int = PAGE_SIZE) -> Iterator[Quad]:
    """Every statement of the export, read page by page: documents, entities, edges with evidence, claims."""
    steps: list[tuple[str, str, Callable[[dict[str, Any]], Iterator[Quad]], dict[str, Any]]] = [
        ("export_documents", "id", mapper.document, {}),
        ("export_entities", "id", mapper.entity, {}),
        ("export_relations", "subject", mapper.relation, {"types": mapper.rel_types}),
        ("export_claims", "id", mapper.claim, {}),
    ]

    def pages() -> Iterator[tuple[int, list[dict[str, Any]]]]:
        try:
            with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
                for i, (name, cursor, _, params) in enumerate(steps):
                    for rows in _paged(session, name, cursor, page_size, **params):
                        yield i, rows
        except (ServiceUnavailable, SessionExpired) as exc:
            raise GraphUnavailable(f"Neo4j became unreachable during the RDF export: {exc}") from None

    for i, rows in _prefetch(pages):
        emit = steps[i][2]
        for row in rows:
            yield from emit(row)


# ---- writing ---------------------------------------------------------------------------------------------------

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term: Node) -> str:
    """A term as N-Triples / N-Quads writes it (rdflib's ``.n3()`` for IRIs; literals escaped on one line)."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{term.datatype.n3()}"
        return text
    return term.n3()


def stream_lines(quads: Iterable[Quad], *, dataset: bool, vocabulary_ns: str = "") -> Iterator[str]:
    """N-Quads lines (``dataset``: one per named graph stating the triple) or N-Triples lines (one per triple).

    Predicates, classes and the IRIs of our vocabulary (``vocabulary_ns``: concepts, properties) are a few hundred
    terms on nearly every line: each is written once and reused. Nothing else is kept, so memory stays flat.
    """
    known: dict[Node, str] = {}
    last_subject: Node | None = None
    subject = ""
    for s, p, o, graphs in quads:
        if s is not last_subject:  # the mapper yields a resource's statements together
            last_subject, subject = s, s.n3()
        predicate = known.get(p)
        if predicate is None:
            predicate = known[p] = p.n3()
        if isinstance(o, Literal):
            obj = nt_term(o)
        elif p is _TYPE or (vocabulary_ns and o.startswith(vocabulary_ns)):
            obj = known.get(o)
            if obj is None:
                obj = known[o] = o.n3()
        else:
            obj = o.n3()
        if dataset and graphs:
            for g in graphs:
                yield f"{subject} {predicate} {obj} {g.n3()} .\n"
        else:
            yield f"{subject} {predicate} {obj} .\n"


def _chunks(lines: Iterable[str], size: int = CHUNK_LINES) -> Iterator[bytes]:
    buffer: list[str] = []
    for line in lines:
        buffer.append(line)
        if len(buffer) >= size:
            yield "".join(buffer).encode("utf-8")
            buffer.clear()
    if buffer:
        yield "".join(buffer).encode("utf-8")


def build_graph(quads: Iterable[Quad], vocab: Vocabulary) -> Graph:
    """The merged graph (every statement once, graph names dropped)."""
    graph = vocab.bind(Graph())
    add = graph.add
    for s, p, o, _ in quads:
        add((s, p, o))
    return graph


def build_dataset(quads: Iterable[Quad], vocab: Vocabulary) -> Dataset:
    """A dataset: the default graph plus one named graph per document."""
    ds = Dataset()
    vocab.bind(ds)
    graphs: dict[URIRef, Graph] = {}
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    for s, p, o, names in quads:
        if not names:
            default.add((s, p, o))
        for name in names:
            g = graphs.get(name)
            if g is None:
                g = graphs[name] = ds.graph(name)
            g.add((s, p, o))
    return ds


def serialize(graph: Graph, fmt: str, *, base_uri: str, ontology: Ontology | None = None) -> bytes:
    """An in-memory graph (or dataset) in ``fmt``; JSON-LD is compacted with :func:`jsonld_context`."""
    f = rdf_format(fmt)
    if f.name == "jsonld":
        context = jsonld_context(ontology or load_ontology(), base_uri)["@context"]
        return graph.serialize(format=f.rdflib, context=context, auto_compact=True, encoding="utf-8")
    return graph.serialize(format=f.rdflib, encoding="utf-8")


def export_iter(driver: Driver, database: str, fmt: str, *, base_uri: str, ontology: Ontology | None = None,
                page_size: int = PAGE_SIZE) -> Iterator[bytes]:  # fmt: skip
    """The export as byte chunks, for a streamed HTTP response (``StreamingResponse(export_iter(...))``)."""
    f = rdf_format(fmt)
    onto = ontology or load_ontology()
    mapper = RdfMapper(onto, base_uri)
    quads = iter_quads(driver, database, mapper, page_size=page_size)
    if f.streamed:
        lines = stream_lines(quads, dataset=f.dataset, vocabulary_ns=str(mapper.vocab.hrkg))
        yield from _chunks(lines)
        return
    graph = build_dataset(quads, mapper.vocab) if f.dataset else build_graph(quads, mapper.vocab)
    data = serialize(graph, f.name, base_uri=base_uri, ontology=onto)
    for i in range(0, len(data), 1 << 16):
        yield data[i : i + (1 << 16)]


def export(driver: Driver, database: str, fmt: str, out: BinaryIO, *, base_uri: str,
           ontology: Ontology | None = None, page_size: int = PAGE_SIZE) -> int:  # fmt: skip
    """Write the whole graph to ``out`` in ``fmt`` (ttl, nt, jsonld, xml, trig, nq); returns the bytes written."""
    written = 0
    for chunk in export_iter(driver, database, fmt, base_uri=base_uri, ontology=ontology, page_size=page_size):
        out.write(chunk)
        written += len(chunk)
    return written


def entity_graph(driver: Driver, database: str, entity_id: str, base_uri: str,
                 ontology: Ontology | None = None) -> Graph | None:  # fmt: skip
    """One entity's description, its edges (both directions) with their evidence, its neighbours' names and
    types, the claims about it and the documents all these cite; ``None`` when no such entity is stored."""
    mapper = RdfMapper(ontology or load_ontology(), base_uri)
    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            rows = _read_page(session, "export_entity", {"id": entity_id, "types": mapper.rel_types})
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j became unreachable while describing {entity_id}: {exc}") from None
    if not rows:
        return None
    row = rows[0]

    def quads() -> Iterator[Quad]:
        yield from mapper.entity(row)
        for neighbour in {n["id"]: n for n in row["neighbours"]}.values():
            yield from mapper.entity(neighbour)
        for relation in row["relations"]:
            yield from mapper.relation(relation)
        for claim in row["claims"]:
            yield from mapper.claim(claim)
        for doc in row["described"]:
            yield from mapper.document(doc)

    return build_graph(quads(), mapper.vocab)
