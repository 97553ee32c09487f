"""The FastAPI application: ``create_app()`` builds it, ``serve()`` runs it with uvicorn.

The lifespan creates the Neo4j driver once and closes it at shutdown. The app starts while Neo4j is down
(the driver connects lazily); data endpoints then answer 503 and recover by themselves once it is back.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from hrkg.api import analyst_query, browse, documents, entities, health, linked_data
from hrkg.api.deadline import RequestDeadline
from hrkg.api.errors import install_error_handlers
from hrkg.api.limits import BodySizeLimit
from hrkg.graph.connection import check_connection, create_driver
from hrkg.ontology.errors import GraphUnavailable
from hrkg.settings import Settings, get_settings

log = logging.getLogger("hrkg.api")

DESCRIPTION = """A knowledge graph of human-rights documentation: people, organisations, events, cases and places,
each edge and figure with the sentence and document it comes from.

Errors are JSON `{"error": {"code", "message"}}`. `POST /documents` needs an API key in `X-API-Key`.
The browse page is at [/browse](/browse)."""


def body_limit(settings: Settings) -> int:
    """The largest request body accepted: a document of ``max_document_bytes`` with JSON escaping overhead."""
    return settings.max_document_bytes * 6 + 1_000_000


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = create_driver(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password.get_secret_value())
        try:
            check_connection(driver, settings.neo4j_uri)
        except GraphUnavailable as exc:  # not fatal: the API answers 503 until the database is back
            log.warning("starting without the database: %s", exc)
        app.state.driver = driver
        try:
            yield
        finally:
            app.state.driver = None
            driver.close()

    app = FastAPI(
        title="hrkg",
        version="0.1.0",
        summary="Human-rights documents as an evidence-backed knowledge graph",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.driver = None
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=body_limit(settings))
    app.add_middleware(RequestDeadline, seconds=settings.request_timeout)
    for module in (health, entities, documents, analyst_query, linked_data, browse):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=browse.static_dir(), check_dir=False), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/browse")

    return app


def serve(host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None) -> None:
    """Run the API and the browse page with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=False, log_level="info")
