"""Run analysts' Cypher safely: read-only, time-limited and row-capped.

Defence in depth, each layer enough on its own for the common cases:
1. a lexical screen (comments and string literals removed first) refuses ``LOAD CSV``, ``USE``, ``CALL dbms.*``
   / ``db.create*`` style admin and write procedures, and ``CALL { } IN TRANSACTIONS``;
2. ``EXPLAIN`` must report query type ``r`` (read only) — this catches writes hidden in subqueries;
3. the query runs in a READ-access transaction with a server-side timeout, so a write that slipped through
   is still refused by the server, and a slow query is stopped;
4. at most ``max_rows`` rows are fetched; one more is asked for to tell the caller the answer was truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from hrkg.ontology.errors import GraphUnavailable, QueryRefused

MAX_QUERY_CHARS = 20_000
_COMMENT_OR_STRING = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`(?:[^`]|``)*`", re.DOTALL)
_FORBIDDEN = [
    (re.compile(r"\bLOAD\s+CSV\b", re.I), "LOAD CSV is not allowed"),
    (re.compile(r"^\s*USE\b|\bUSE\s+[A-Za-z_`]", re.I), "USE (switching databases) is not allowed"),
    (re.compile(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", re.I), "CALL { } IN TRANSACTIONS is not allowed"),
    (re.compile(r"\bCALL\s+(dbms|db\.(create|drop|clear|index\.fulltext\.(create|drop)|checkpoint|resample|"
                r"prepareForReplanning)|apoc\.(create|merge|refactor|periodic|load|export|cypher\.(run)?write|"
                r"trigger|schema))", re.I),
     "administrative and write procedures are not allowed"),
    (re.compile(r"\bTERMINATE\s+TRANSACTIONS?\b|\bSHOW\s+(TRANSACTIONS?|SETTINGS?|USERS?|ROLES?|PRIVILEGES?|"
                r"CURRENT\s+USER|SERVERS?|ALIASES|DATABASES?)\b", re.I),
     "commands about other sessions, users or the server are not allowed"),
    (re.compile(r"(^|;)\s*(START|STOP|ENABLE|DEALLOCATE|REALLOCATE|DRYRUN)\b", re.I),
     "administrative commands are not allowed"),
    (re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|ALTER|RENAME|GRANT|DENY|REVOKE|FOREACH)\b", re.I),
     "the query writes or administers the database; only reads are allowed"),
]  # fmt: skip


@dataclass(frozen=True)
class ReadResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


# Neo4j's parser decodes \uXXXX escapes anywhere in the query before it tokenises ("LOAD \u0043SV" is LOAD CSV,
# and "\u0027" closes a string literal); an escaped backslash ("\\u0041") is not an escape.
_UNICODE_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})")
# Plan operators of statements that EXPLAIN calls reads ('r') but that reach outside the graph.
_REFUSED_OPERATORS = ("LoadCSV", "ShowSettings", "ShowTransactions", "TerminateTransactions")


def decode_unicode_escapes(text: str) -> str:
    """The query text as Neo4j's tokeniser sees it."""
    return _UNICODE_ESCAPE.sub(lambda m: m.group(1) + chr(int(m.group(2), 16)), text)


def _operators(plan: Any) -> list[str]:
    if not isinstance(plan, dict):
        return []
    ops = [str(plan.get("operatorType", "")).split("@")[0]]
    for child in plan.get("children") or []:
        ops.extend(_operators(child))
    return ops


def strip_comments_and_strings(text: str) -> str:
    """The query with comments, string literals and quoted names blanked out, for the lexical screen."""
    return _COMMENT_OR_STRING.sub(" ", text)


def screen(text: str) -> None:
    """Refuse queries that are not plain reads, before anything reaches the server."""
    if not text or not text.strip():
        raise QueryRefused("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is longer than {MAX_QUERY_CHARS} characters")
    for candidate in dict.fromkeys((text, decode_unicode_escapes(text))):
        bare = strip_comments_and_strings(candidate)
        if re.match(r"^\s*(EXPLAIN|PROFILE)\b", bare, re.I):
            raise QueryRefused("send the query without EXPLAIN or PROFILE")
        for pattern, reason in _FORBIDDEN:
            if pattern.search(bare):
                raise QueryRefused(reason)


def _clean(exc: Neo4jError) -> str:
    """A server error message without stack traces or internal details, cut to one useful line."""
    message = (exc.message or exc.code or "query failed").strip().splitlines()[0]
    return message[:300]


def run_read_only(
    driver: Driver,
    database: str,
    text: str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float = 10.0,
    max_rows: int = 10_000,
) -> ReadResult:
    """Run ``text`` as a read-only query; raise :class:`QueryRefused` when it is not allowed or fails."""
    screen(text)
    params = dict(params or {})
    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            plan = session.run(Query("EXPLAIN " + text, timeout=timeout), params).consume()
            if plan.query_type != "r":
                raise QueryRefused(
                    f"the query is of type '{plan.query_type}'; only read-only queries ('r') are allowed"
                )
            refused = sorted(set(_operators(plan.plan)) & set(_REFUSED_OPERATORS))
            if refused:
                raise QueryRefused(f"the query uses {', '.join(refused)}, which is not allowed")
            with session.begin_transaction(timeout=timeout) as tx:
                result = tx.run(text, params)
                columns = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                for record in result:
                    if len(rows) >= max_rows:
                        truncated = True
                        break
                    rows.append(record.data())
                tx.rollback()
    except QueryRefused:
        raise
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j is unreachable: {type(exc).__name__}") from None
    except TransientError as exc:  # the database is stopping or starting: try again later, not a bad query
        raise GraphUnavailable(f"Neo4j cannot serve the query right now ({exc.code or type(exc).__name__})") from None
    except ClientError as exc:
        if (exc.code and "TransactionTimedOut" in exc.code) or "timeout" in (exc.message or "").lower():
            raise QueryRefused(f"the query was stopped after {timeout:g} s (timeout)") from None
        raise QueryRefused(_clean(exc)) from None
    except Neo4jError as exc:
        if (exc.code and "Terminated" in exc.code) or "timeout" in (exc.message or "").lower():
            raise QueryRefused(f"the query was stopped after {timeout:g} s (timeout)") from None
        raise QueryRefused(_clean(exc)) from None
    except DriverError as exc:
        raise QueryRefused(f"the query failed: {type(exc).__name__}") from None
    return ReadResult(columns=columns, rows=rows, truncated=truncated)
