"""Linked data: dereferenceable entity URIs (/id/...), the vocabulary, the JSON-LD context, the RDF export."""

from __future__ import annotations

from html import escape
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from hrkg.api.deps import DriverDep, GraphDep, OntologyDep, SettingsDep
from hrkg.api.entities import SlugPath, TypePath, entity_id_from_path, relationship
from hrkg.api.errors import ApiError, error_responses, not_found
from hrkg.api.models import ClaimOut, Relationship
from hrkg.api.negotiation import negotiate
from hrkg.api.rdf import FORMATS, entity_graph, export_chunks, format_name, vocabulary
from hrkg.api.rdf import context as jsonld_context
from hrkg.api.rdf import serialize as serialize_rdf

router = APIRouter(tags=["linked data"])

#: media type -> our format name; the first is the default for clients that accept anything.
ID_OFFERS = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
             "application/n-triples": "nt"}  # fmt: skip
ONTOLOGY_OFFERS = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
                   "application/rdf+xml": "xml"}  # fmt: skip
RDF_RESPONSES = {
    200: {"description": "The entity as an HTML page or as RDF",
          "content": {m: {"schema": {"type": "string"}} for m in ID_OFFERS}},
}  # fmt: skip


def _not_acceptable(accept: str | None, offers: list[str]) -> ApiError:
    return ApiError(406, "not_acceptable", f"cannot answer Accept: {(accept or '')[:200]}; "
                    f"available: {', '.join(offers)}")  # fmt: skip


@router.get(
    "/id/{type}/{slug}",
    summary="The entity's URI: an HTML page, Turtle, JSON-LD or N-Triples by content negotiation",
    response_class=Response,
    responses={**RDF_RESPONSES, **error_responses(404, 406, 503)},
)
def dereference(
    type: TypePath,
    slug: SlugPath,
    request: Request,
    graph: GraphDep,
    driver: DriverDep,
    settings: SettingsDep,
    ontology: OntologyDep,
    accept: Annotated[str | None, Header()] = None,
    format: Annotated[Literal["html", "ttl", "jsonld", "nt"] | None, Query(description="Overrides Accept")] = None,
) -> Response:
    entity_id = entity_id_from_path(ontology, type, slug)
    media_type = None if format else negotiate(accept, list(ID_OFFERS))
    chosen = format or (ID_OFFERS[media_type] if media_type else None)
    if chosen is None:
        raise _not_acceptable(accept, list(ID_OFFERS))
    headers = {"Vary": "Accept"}
    row = graph.entity(entity_id)  # a quick read first: 404 and 503 come at once, not after the export's retries
    if row is None:
        raise not_found(f"entity {entity_id}")
    if chosen == "html":
        rels = [relationship(r, ontology) for r in graph.relationships(entity_id)]
        claims = [ClaimOut.model_validate(c) for c in graph.claims_about(entity_id) + graph.claims_by(entity_id)]
        return HTMLResponse(entity_page(row, rels, claims, settings.base_uri), headers=headers)
    g = entity_graph(driver, settings.neo4j_database, entity_id, settings.base_uri, ontology)
    if g is None:
        raise not_found(f"entity {entity_id}")
    media = FORMATS[chosen].media_type
    return Response(
        serialize_rdf(g, chosen, settings.base_uri, ontology),
        media_type=f"{media}; charset=utf-8" if chosen != "jsonld" else media,
        headers=headers,
    )


def _row(label: str, value: Any) -> str:
    return f"<tr><th>{escape(label)}</th><td>{value}</td></tr>" if value not in (None, "", []) else ""


def entity_page(row: dict[str, Any], rels: list[Relationship], claims: list[ClaimOut], base_uri: str) -> str:
    """A self-contained HTML page for one entity: facts, relationships with evidence and sources, figures."""
    eid = row["id"]
    qid = row.get("wikidata")
    facts = "".join([
        _row("Type", escape(row.get("type") or "")),
        _row("URI", f"<code>{escape(base_uri)}/id/{escape(eid)}</code>"),
        _row("Also known as", escape(", ".join(row.get("aliases") or []))),
        _row("Description", escape(row.get("description") or "")),
        _row("Kind", escape(row.get("kind") or "")),
        _row("Dates", escape(" - ".join(d for d in (row.get("start_date"), row.get("end_date")) if d))),
        _row("Wikidata", f'<a href="https://www.wikidata.org/wiki/{escape(qid)}">{escape(qid)}</a>' if qid else ""),
        _row("Documents", str(row.get("documents") or 0)),
    ])  # fmt: skip
    rel_items = []
    for r in rels:
        other = f'<a href="/id/{escape(r.other.id)}">{escape(r.other.name or r.other.id)}</a>'
        verb = escape((r.predicate or r.type).replace("_", " "))
        head = f"{verb} {other}" if r.direction == "out" else f"{other} {verb} <em>this</em>"
        evidence = "".join(
            f'<li><q>{escape(ev.sentence or "")}</q> &mdash; '
            + (f'<a href="{escape(ev.document.url)}">{escape(ev.document.title or ev.document.id)}</a>'
               if ev.document.url else escape(ev.document.title or ev.document.id))
            + f' (<a href="/documents/{escape(ev.document.id)}">document record</a>)</li>'
            for ev in r.evidence
        )  # fmt: skip
        date = f" <small>{escape(r.date)}</small>" if r.date else ""
        rel_items.append(f"<li>{head}{date}<ul>{evidence}</ul></li>")
    claim_rows = "".join(
        f"<tr><td>{escape(c.about.name or c.about.id)}</td><td>{escape(c.metric)}</td>"
        f"<td>{escape(c.qualifier or '')} {c.value if c.value is not None else ''}</td>"
        f"<td>{escape(c.claimant.name if c.claimant else 'unattributed')}</td>"
        f"<td><q>{escape(c.sentence or '')}</q></td></tr>"
        for c in claims
    )  # fmt: skip
    claims_html = (
        "<h2>Figures</h2><table><tr><th>About</th><th>Metric</th><th>Value</th><th>Claimed by</th>"
        f"<th>Sentence</th></tr>{claim_rows}</table>"
        if claims
        else ""
    )
    name = escape(row.get("name") or eid)
    formats = " · ".join(f'<a href="?format={f}" rel="alternate" type="{m}">{f}</a>'
                         for m, f in ID_OFFERS.items() if f != "html")  # fmt: skip
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{name} - hrkg</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}
th{{text-align:left;vertical-align:top;padding-right:1rem}}td{{vertical-align:top}}q{{color:#444}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #eee;padding:.2rem .4rem}}</style></head>
<body><p><a href="/browse#{escape(eid)}">Explore in the graph</a> · RDF: {formats}</p>
<h1>{name}</h1><table>{facts}</table>
<h2>Relationships</h2><ul>{"".join(rel_items) or "<li>none recorded</li>"}</ul>
{claims_html}
</body></html>"""


@router.get(
    "/ontology",
    summary="The hrkg vocabulary (OWL) as Turtle, or JSON-LD / N-Triples / RDF/XML by content negotiation",
    response_class=Response,
    responses={200: {"content": {m: {"schema": {"type": "string"}} for m in ONTOLOGY_OFFERS}},
               **error_responses(406)},
)  # fmt: skip
def ontology_document(settings: SettingsDep, accept: Annotated[str | None, Header()] = None) -> Response:
    chosen = negotiate(accept, list(ONTOLOGY_OFFERS))
    if chosen is None:
        raise _not_acceptable(accept, list(ONTOLOGY_OFFERS))
    media = chosen if chosen == "application/ld+json" else f"{chosen}; charset=utf-8"
    return Response(vocabulary(settings.base_uri, ONTOLOGY_OFFERS[chosen]), media_type=media,
                    headers={"Vary": "Accept"})  # fmt: skip


@router.get("/context.jsonld", summary="The JSON-LD context of hrkg's terms",
            response_class=JSONResponse, responses={200: {"content": {"application/ld+json": {}}}})  # fmt: skip
def context(settings: SettingsDep) -> JSONResponse:
    return JSONResponse(jsonld_context(settings.base_uri), media_type="application/ld+json")


@router.get(
    "/export",
    summary="The whole graph as RDF, streamed (TriG and N-Quads keep each document's named graph)",
    response_class=StreamingResponse,
    responses={200: {"content": {f.media_type: {"schema": {"type": "string"}} for f in FORMATS.values()}},
               **error_responses(400, 503)},
)  # fmt: skip
def export(
    driver: DriverDep,
    graph: GraphDep,
    settings: SettingsDep,
    ontology: OntologyDep,
    format: Annotated[str, Query(max_length=20, description="ttl, nt, jsonld, xml, trig or nq")] = "ttl",
) -> StreamingResponse:
    fmt = format_name(format)
    if fmt is None:
        raise ApiError(400, "bad_request", f"query field 'format': unknown format '{format}'; use one of "
                       + ", ".join(FORMATS))  # fmt: skip
    graph.ping()  # answer 503 now rather than fail in the middle of the stream
    f = FORMATS[fmt]
    chunks = export_chunks(driver, settings.neo4j_database, fmt, settings.base_uri, ontology)
    return StreamingResponse(chunks, media_type=f.media_type,
                             headers={"Content-Disposition": f'attachment; filename="hrkg.{f.extension}"'})  # fmt: skip
