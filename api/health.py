"""GET /health: whether the API and its database answer."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from hrkg.api.deps import GraphDep
from hrkg.api.models import ErrorBody, Health
from hrkg.ontology.errors import GraphUnavailable

router = APIRouter(tags=["service"])
PATH = "/health"


def down_response(message: str) -> JSONResponse:
    """The 503 answer of /health: its own shape, with the API's error object inside."""
    body = Health(status="unavailable", neo4j="down", error=ErrorBody(code="graph_unavailable", message=message))
    return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})


@router.get(PATH, response_model=Health, summary="Service and database status",
            responses={503: {"model": Health, "description": "Neo4j is unreachable"}})  # fmt: skip
def health(graph: GraphDep) -> Health | JSONResponse:
    try:
        graph.ping()
    except GraphUnavailable as exc:
        return down_response(str(exc))
    return Health(status="ok", neo4j="up")
