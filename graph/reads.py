"""The API's reads: entities, their evidence and claims, neighbourhoods and documents.

Every statement is a ``cypher/api_*.cypher`` file loaded by name and run with parameters; nothing a user
types is ever spliced into Cypher text. Reads run as auto-commit READ transactions without retries, so
that a database that is down is reported at once (:class:`GraphUnavailable`) instead of after the driver's
retry budget. Functions return plain dicts and lists, or ``None`` when the thing asked for is not stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, Driver, NotificationMinimumSeverity, Query
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from hrkg.graph.queries import query
from hrkg.ontology.errors import GraphUnavailable, HrkgError

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_SEARCH_WORDS = 8
DEFAULT_TIMEOUT = 30.0


def fulltext_query(text: str) -> str | None:
    """A Lucene query for the full-text index from the words of ``text``: every word, as typed, as a
    prefix, or (for words of 4+ letters) within one edit. Only ``\\w`` characters survive, so no Lucene
    syntax from the user reaches the index."""
    words = [w.lower() for w in _WORD.findall(text)][:MAX_SEARCH_WORDS]
    if not words:
        return None
    parts = []
    for w in words:
        alternatives = [w, f"{w}*"] + ([f"{w}~1"] if len(w) >= 4 else [])
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


@dataclass(frozen=True)
class GraphReader:
    """Read access to the graph for one database, handed a driver by the entry point (the API lifespan)."""

    driver: Driver
    database: str
    timeout: float = DEFAULT_TIMEOUT

    # -- plumbing ---------------------------------------------------------------------------------------

    def _rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        try:
            with self.driver.session(
                database=self.database,
                default_access_mode=READ_ACCESS,
                notifications_min_severity=NotificationMinimumSeverity.OFF,
            ) as session:
                result = session.run(Query(query(name), timeout=self.timeout), params)
                return [record.data() for record in result]
        except (ServiceUnavailable, SessionExpired, AuthError, OSError) as exc:
            raise GraphUnavailable(f"Neo4j is unreachable ({type(exc).__name__})") from None
        except TransientError as exc:  # DatabaseUnavailable while it stops or starts, and other transient failures
            raise GraphUnavailable(f"Neo4j cannot serve reads right now ({exc.code or type(exc).__name__})") from None
        except DriverError as exc:
            raise GraphUnavailable(f"Neo4j connection failed ({type(exc).__name__})") from None

    def ping(self) -> None:
        """Raise :class:`GraphUnavailable` unless the database answers a trivial read."""
        self._rows("api_health")

    # -- entities ---------------------------------------------------------------------------------------

    def search_entities(
        self, text: str | None, label: str | None, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page of entities) whose name or alias contains ``text`` or that the full-text index
        finds for it; all entities (by name) when ``text`` is empty. ``label`` must come from the ontology."""
        q = (text or "").strip().lower() or None
        params = {"q": q, "label": label, "limit": limit, "offset": offset}
        try:
            rows = self._rows("api_entity_search", fulltext=fulltext_query(q) if q else None, **params)
        except ClientError as exc:
            if "entity_names" not in (exc.message or "") and "index" not in (exc.message or "").lower():
                raise HrkgError(f"entity search failed: {exc.message}") from None
            rows = self._rows("api_entity_search_plain", **params)  # schema not applied yet: no full-text index
        row = rows[0] if rows else {"total": 0, "items": []}
        return row["total"], row["items"]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        rows = self._rows("api_entity", id=entity_id)
        return rows[0]["entity"] if rows else None

    def relationships(self, entity_id: str) -> list[dict[str, Any]]:
        return self._rows("api_entity_relationships", id=entity_id)

    def claims_about(self, entity_id: str, metric: str | None = None) -> list[dict[str, Any]]:
        return self._rows("api_claims_about", about=entity_id, metric=metric)

    def claims_by(self, entity_id: str, metric: str | None = None) -> list[dict[str, Any]]:
        return self._rows("api_claims_by", claimed_by=entity_id, metric=metric)

    def claims(self, metric: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
        return self._rows("api_claims", metric=metric, limit=limit, offset=offset)

    # -- neighbourhood ----------------------------------------------------------------------------------

    def neighbourhood(self, focus: str, depth: int, limit: int) -> dict[str, Any] | None:
        """The entities within ``depth`` hops of ``focus`` (at most ``limit`` nodes, the best supported
        neighbours first) and every typed edge among them; ``None`` when ``focus`` is not stored."""
        first = self._rows("api_graph_focus", id=focus)
        if not first:
            return None
        nodes: dict[str, dict[str, Any]] = {focus: first[0]}
        frontier = [focus]
        truncated = False
        for _ in range(depth):
            if not frontier:
                break
            room = limit - len(nodes)
            # One more than there is room for tells whether the view had to leave entities out.
            found = self._rows("api_graph_hop", frontier=frontier, seen=list(nodes), limit=room + 1)
            if len(found) > room:
                truncated = True
                found = found[:room]
            for row in found:
                nodes[row["id"]] = row
            frontier = [row["id"] for row in found]
        edges = self._rows("api_graph_edges", ids=list(nodes))
        return {"nodes": list(nodes.values()), "edges": edges, "truncated": truncated}

    # -- documents --------------------------------------------------------------------------------------

    def documents(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        rows = self._rows("api_documents", limit=limit, offset=offset)
        if rows:
            return rows[0]["total"], [r["document"] for r in rows]
        total = self._rows("api_documents_count")[0]["total"]
        return total, []

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._rows("api_document", id=doc_id)
        return rows[0] if rows else None
