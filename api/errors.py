"""One error shape for every failure: ``{"error": {"code", "message"}}`` with the right HTTP status.

``ApiError`` (an ``HTTPException``) is raised only in ``api/``; the project's own errors from lower layers
are mapped here: :class:`GraphUnavailable` and the driver's connection errors to 503, :class:`QueryRefused`
to 400, :class:`IngestError` to 422. Anything unexpected becomes a 500 whose body never carries a trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import DatabaseUnavailable, ServiceUnavailable, SessionExpired
from starlette.exceptions import HTTPException as StarletteHTTPException

from hrkg.api.models import ErrorResponse
from hrkg.ontology.errors import GraphUnavailable, GraphWriteError, HrkgError, IngestError, QueryRefused

log = logging.getLogger("hrkg.api")

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    500: "internal_error",
    503: "graph_unavailable",
}


class ApiError(StarletteHTTPException):
    """An HTTP error with a machine-readable ``code`` and a message safe to show."""

    def __init__(self, status_code: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status_code, detail=message, headers=headers)
        self.code = code


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} is not in the graph")


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        where, rest = parts[0], parts[1:]
        return f"{where} field '{'.'.join(rest)}'" if rest else f"the request {where}"
    return ".".join(parts) or "the request"


def validation_message(exc: RequestValidationError) -> str:
    """The validation errors as one line naming each field, without echoing the (possibly large) input."""
    msgs = []
    for err in exc.errors()[:5]:
        msg = str(err.get("msg", "is invalid"))
        if err.get("type") == "json_invalid":
            msgs.append("the request body is not valid JSON")
            continue
        msgs.append(f"{_location(err.get('loc', ()))}: {msg}")
    more = len(exc.errors()) - len(msgs)
    return "; ".join(msgs) + (f" (and {more} more)" if more > 0 else "")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = getattr(exc, "code", None) or STATUS_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and not isinstance(exc, ApiError):
        message = f"no such endpoint: {request.method} {request.url.path}"
    elif exc.status_code == 405 and not isinstance(exc, ApiError):
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", validation_message(exc))


async def _graph_unavailable(request: Request, exc: Exception) -> JSONResponse:
    message = str(exc) if isinstance(exc, GraphUnavailable) else f"Neo4j is unreachable ({type(exc).__name__})"
    return error_response(503, "graph_unavailable", f"{message}; try again when the database is back",
                          {"Retry-After": "5"})  # fmt: skip


async def _query_refused(request: Request, exc: Exception) -> JSONResponse:
    return error_response(400, "query_refused", str(exc))


async def _ingest_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "ingest_error", str(exc))


async def _write_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, "graph_write_failed", str(exc))


async def _hrkg_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed: %s", request.method, request.url.path, exc)
    return error_response(500, "internal_error", str(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "an unexpected error occurred; it was logged on the server")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for cls in (GraphUnavailable, ServiceUnavailable, SessionExpired, DatabaseUnavailable):
        app.add_exception_handler(cls, _graph_unavailable)
    app.add_exception_handler(QueryRefused, _query_refused)
    app.add_exception_handler(IngestError, _ingest_error)
    app.add_exception_handler(GraphWriteError, _write_error)
    app.add_exception_handler(HrkgError, _hrkg_error)
    app.add_exception_handler(Exception, _unexpected)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI description of a route's error answers, for its ``responses=``."""
    texts = {
        400: "Bad request (unknown type, refused query, ...)",
        401: "No API key (header X-API-Key)",
        403: "Wrong API key",
        404: "Not in the graph",
        406: "None of the accepted media types can be served",
        413: "The request body or document is too large",
        422: "Invalid parameters or body",
        503: "Neo4j is unreachable",
    }
    return {s: {"model": ErrorResponse, "description": texts.get(s, "Error")} for s in statuses}
