"""POST /cypher: analysts' read-only queries, time-limited and row-capped, through graph/readonly.py."""

from __future__ import annotations

import base64
import math
from typing import Any

from fastapi import APIRouter
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from hrkg.api.deps import DriverDep, SettingsDep
from hrkg.api.errors import error_responses
from hrkg.api.models import CypherRequest, CypherResult
from hrkg.graph.readonly import run_read_only

router = APIRouter(tags=["cypher"])


def jsonable(value: Any) -> Any:
    """A query result value as JSON: temporal values as ISO strings, points as maps, bytes as base64."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (Date, DateTime, Time)):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": [jsonable(c) for c in value]}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@router.post(
    "/cypher",
    response_model=CypherResult,
    summary="Run a read-only Cypher query (writes and admin refused, time-limited, row-capped)",
    description=(
        "The query must be a read: writes (CREATE, MERGE, SET, DELETE, REMOVE, ...), LOAD CSV, USE, admin and "
        "write procedures and CALL { } IN TRANSACTIONS are refused with 400. It runs in a READ transaction with "
        "a server-side timeout (HRKG_CYPHER_TIMEOUT) and returns at most HRKG_CYPHER_MAX_ROWS rows; when more "
        "exist, `truncated` is true. Pass values through `params` ($name in the query)."
    ),
    responses=error_responses(400, 413, 422, 503),
)
def post_cypher(body: CypherRequest, driver: DriverDep, settings: SettingsDep) -> CypherResult:
    result = run_read_only(
        driver, settings.neo4j_database, body.query, body.params,
        timeout=settings.cypher_timeout, max_rows=settings.cypher_max_rows,
    )  # fmt: skip
    rows = [{k: jsonable(v) for k, v in row.items()} for row in result.rows]
    return CypherResult(columns=result.columns, rows=rows, row_count=len(rows), truncated=result.truncated)
