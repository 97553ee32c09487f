"""The Neo4j driver factory. Only entry points (the CLI, the API lifespan) call it; library code is handed a driver."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from hrkg.ontology.errors import GraphUnavailable


def create_driver(uri: str, user: str, password: str, *, max_pool: int = 64, timeout: float = 5.0) -> Driver:
    """A driver for ``uri``; connections are made lazily, so this succeeds while the server is down."""
    return GraphDatabase.driver(
        uri,
        auth=(user, password),
        max_connection_pool_size=max_pool,
        connection_timeout=timeout,
        connection_acquisition_timeout=timeout * 2,
        max_transaction_retry_time=5.0,
        user_agent="hrkg",
    )


def check_connection(driver: Driver, uri: str) -> None:
    """Raise :class:`GraphUnavailable` with a message that says what to do when Neo4j cannot be reached."""
    try:
        driver.verify_connectivity()
    except AuthError as exc:
        raise GraphUnavailable(
            f"Neo4j at {uri} refused the credentials ({exc.message}); check HRKG_NEO4J_USER / HRKG_NEO4J_PASSWORD"
        ) from None
    except (ServiceUnavailable, OSError) as exc:
        raise GraphUnavailable(
            f"Neo4j is not reachable at {uri} ({type(exc).__name__}); start it with `hrkg neo4j start` "
            "or point HRKG_NEO4J_URI at a running server"
        ) from None
