"""Entities, their evidence and claims, and the neighbourhood graph: GET /entities, /claims, /graph."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from hrkg.api.deps import GraphDep, OntologyDep, SettingsDep
from hrkg.api.errors import ApiError, error_responses, not_found
from hrkg.api.models import (
    ClaimList,
    ClaimOut,
    DocumentRef,
    EntityDetail,
    EntityPage,
    EntityRef,
    EntitySummary,
    Evidence,
    GraphEdge,
    GraphNode,
    GraphView,
    Relationship,
)
from hrkg.ontology import Ontology
from hrkg.ontology.models import ENTITY_ID

router = APIRouter(tags=["entities"])

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ENTITY_ID = re.compile(ENTITY_ID)
TypePath = Annotated[str, Path(description="Entity type in lower case", examples=["person"])]
SlugPath = Annotated[str, Path(description="The slug of the entity id", examples=["navid-afkari"])]


def label_for_prefix(ontology: Ontology, prefix: str) -> str | None:
    """The Neo4j label of the entity type whose id prefix is ``prefix`` (``person`` -> ``Person``)."""
    return next((t.label for t in ontology.entity_types.values() if t.prefix == prefix), None)


def label_for_type(ontology: Ontology, name: str) -> str:
    """The label for a ``type=`` filter given as ``Person`` or ``person``; 400 naming the choices otherwise."""
    for t in ontology.entity_types.values():
        if name.lower() in (t.name.lower(), t.prefix):
            return t.label
    choices = ", ".join(t.prefix for t in ontology.entity_types.values())
    raise ApiError(400, "unknown_type", f"query field 'type': unknown entity type '{name}'; use one of {choices}")


def entity_id_from_path(ontology: Ontology, type_: str, slug: str) -> str:
    """``type/slug`` after checking both; 404 for ids that cannot exist."""
    entity_id = f"{type_}/{slug}"
    if label_for_prefix(ontology, type_) is None or not re.match(SLUG, slug):
        raise not_found(f"entity {entity_id[:200]}")
    return entity_id


def check_entity_id(ontology: Ontology, entity_id: str, field: str) -> str:
    if not _ENTITY_ID.match(entity_id) or label_for_prefix(ontology, entity_id.split("/", 1)[0]) is None:
        raise ApiError(400, "bad_request", f"query field '{field}': '{entity_id[:200]}' is not an entity id "
                       "such as person/navid-afkari")  # fmt: skip
    return entity_id


def summary(row: dict[str, Any], base_uri: str) -> EntitySummary:
    return EntitySummary.model_validate({**row, "aliases": row.get("aliases") or [],
                                         "uri": f"{base_uri}/id/{row['id']}"})  # fmt: skip


def _doc_ref(row: dict[str, Any]) -> DocumentRef:
    return DocumentRef(
        id=row["document_id"], title=row.get("title"), url=row.get("url"), publisher=row.get("publisher"),
        published=row.get("published"), source=row.get("source"),
    )  # fmt: skip


def relationship(row: dict[str, Any], ontology: Ontology) -> Relationship:
    pred = ontology.predicate_by_rel_type(row["type"])
    return Relationship(
        type=row["type"], predicate=pred.name if pred else None, direction=row["direction"],
        other=EntityRef.model_validate(row["other"]), confidence=row.get("confidence"), date=row.get("date"),
        evidence_count=row["evidence_count"],
        evidence=[Evidence(sentence=e.get("sentence"), start=e.get("start"), end=e.get("end"),
                           extractor=e.get("extractor"), confidence=e.get("confidence"), date=e.get("date"),
                           document=_doc_ref(e)) for e in row["evidence"]],
    )  # fmt: skip


@router.get(
    "/entities",
    response_model=EntityPage,
    summary="Search entities by name, alias or full text",
    responses=error_responses(400, 422, 503),
)
def list_entities(
    graph: GraphDep,
    ontology: OntologyDep,
    settings: SettingsDep,
    type: Annotated[str | None, Query(description="Entity type: person, organisation, event, case, place")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Name, alias or words to look for")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> EntityPage:
    label = label_for_type(ontology, type) if type else None
    total, items = graph.search_entities(q, label, limit, offset)
    return EntityPage(total=total, limit=limit, offset=offset, items=[summary(i, settings.base_uri) for i in items])


@router.get(
    "/entities/{type}/{slug}",
    response_model=EntityDetail,
    summary="One entity with its relationships, their evidence and sources, and its claims",
    responses=error_responses(404, 503),
)
def get_entity(type: TypePath, slug: SlugPath, graph: GraphDep, ontology: OntologyDep,
               settings: SettingsDep) -> EntityDetail:  # fmt: skip
    entity_id = entity_id_from_path(ontology, type, slug)
    row = graph.entity(entity_id)
    if row is None:
        raise not_found(f"entity {entity_id}")
    relationships = [relationship(r, ontology) for r in graph.relationships(entity_id)]
    claims = [ClaimOut.model_validate(c) for c in graph.claims_about(entity_id)]
    made = [ClaimOut.model_validate(c) for c in graph.claims_by(entity_id)]
    sources: dict[str, DocumentRef] = {}
    for rel in relationships:
        for ev in rel.evidence:
            sources.setdefault(ev.document.id, ev.document)
    for c in claims + made:
        if c.document is not None:
            sources.setdefault(c.document.id, c.document)
    return EntityDetail(
        entity=summary(row, settings.base_uri), documents=row.get("documents") or 0,
        relationships=relationships, claims=claims, claims_made=made,
        sources=sorted(sources.values(), key=lambda d: (d.published or "", d.title or ""), reverse=True),
    )  # fmt: skip


@router.get(
    "/claims",
    response_model=ClaimList,
    summary="Figures claimed about events and cases, with claimant, document and sentence",
    responses=error_responses(400, 422, 503),
)
def list_claims(
    graph: GraphDep,
    ontology: OntologyDep,
    about: Annotated[
        str | None, Query(description="An event or case id", examples=["event/november-2019-protests"])
    ] = None,
    metric: Annotated[str | None, Query(description="killed, executed, arrested, injured, ...")] = None,
    claimed_by: Annotated[str | None, Query(description="An organisation or person id")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> ClaimList:
    if metric is not None and metric not in ontology.metrics:
        raise ApiError(400, "bad_request", f"query field 'metric': unknown metric '{metric[:100]}'; use one of "
                       + ", ".join(ontology.metrics))  # fmt: skip
    if about is not None:
        rows = graph.claims_about(check_entity_id(ontology, about, "about"), metric)
        if claimed_by is not None:
            rows = [r for r in rows if (r.get("claimant") or {}).get("id") == claimed_by]
        rows = rows[offset : offset + limit]
    elif claimed_by is not None:
        rows = graph.claims_by(check_entity_id(ontology, claimed_by, "claimed_by"), metric)[offset : offset + limit]
    else:
        rows = graph.claims(metric, limit, offset)
    return ClaimList(items=[ClaimOut.model_validate(r) for r in rows], limit=limit, offset=offset)


@router.get(
    "/graph",
    response_model=GraphView,
    summary="The neighbourhood of an entity: nodes and typed edges within 1 to 3 hops",
    responses=error_responses(400, 404, 422, 503),
)
def get_graph(
    graph: GraphDep,
    ontology: OntologyDep,
    focus: Annotated[str, Query(description="The entity at the centre", examples=["person/navid-afkari"])],
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many nodes")] = 100,
) -> GraphView:
    check_entity_id(ontology, focus, "focus")
    view = graph.neighbourhood(focus, depth, limit)
    if view is None:
        raise not_found(f"entity {focus}")
    return GraphView(
        focus=focus, depth=depth, truncated=view["truncated"],
        nodes=[GraphNode.model_validate(n) for n in view["nodes"]],
        edges=[GraphEdge(id=f"{e['source']}|{e['type']}|{e['target']}", **e) for e in view["edges"]],
    )  # fmt: skip
