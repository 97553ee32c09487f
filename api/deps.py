"""Typed dependencies: the settings and the graph the lifespan created, and the API-key check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from neo4j import Driver

from hrkg.api.errors import ApiError
from hrkg.graph.reads import GraphReader
from hrkg.ontology import Ontology, load_ontology
from hrkg.settings import Settings

API_KEY_HEADER = "X-API-Key"
_api_key_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="A key from HRKG_API_KEYS")


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_driver(request: Request) -> Driver:
    driver = getattr(request.app.state, "driver", None)
    if driver is None:  # only outside the lifespan (e.g. a client that did not start the app)
        raise ApiError(503, "graph_unavailable", "the Neo4j driver is not ready; the app is starting or stopping")
    return driver


SettingsDep = Annotated[Settings, Depends(get_settings)]
DriverDep = Annotated[Driver, Depends(get_driver)]


def get_graph(driver: DriverDep, settings: SettingsDep) -> GraphReader:
    return GraphReader(driver, settings.neo4j_database)


def get_ontology() -> Ontology:
    return load_ontology()


GraphDep = Annotated[GraphReader, Depends(get_graph)]
OntologyDep = Annotated[Ontology, Depends(get_ontology)]


def key_matches(given: str, keys: list[str]) -> bool:
    """Whether ``given`` is one of ``keys``, comparing in constant time against every key."""
    given_bytes = given.encode("utf-8")
    found = False
    for key in keys:
        found |= hmac.compare_digest(given_bytes, key.encode("utf-8"))
    return found


def require_api_key(settings: SettingsDep, key: Annotated[str | None, Security(_api_key_header)]) -> str:
    """401 without a key, 403 with a wrong one (or when the server has no keys configured)."""
    if not key:
        raise ApiError(401, "unauthorized", f"this endpoint needs an API key in the {API_KEY_HEADER} header",
                       {"WWW-Authenticate": API_KEY_HEADER})  # fmt: skip
    keys = [k.get_secret_value() for k in settings.api_keys]
    if not keys:
        raise ApiError(403, "forbidden", "no API keys are configured on this server (set HRKG_API_KEYS)")
    if not key_matches(key, keys):
        raise ApiError(403, "forbidden", f"the key in {API_KEY_HEADER} is not valid")
    return key


ApiKeyDep = Annotated[str, Depends(require_api_key)]
