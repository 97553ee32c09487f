"""A deadline on read requests: 503 instead of a hang when Neo4j holds queries (e.g. while its database starts).

When Bolt already answers but the database is not online yet, Neo4j keeps a query waiting until it is; the
driver has no client-side read timeout, so without this a GET would hang for as long as the database takes to
start (tens of seconds, more after a crash recovery). The worker thread finishes on its own; its late answer is
dropped. Streaming exports are exempt: they may legitimately take longer than the deadline.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hrkg.api import health
from hrkg.api.errors import error_response


class RequestDeadline:
    def __init__(self, app: ASGIApp, seconds: float, exempt: tuple[str, ...] = ("/export",)) -> None:
        self.app = app
        self.seconds = seconds
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"].startswith(self.exempt):
            await self.app(scope, receive, send)
            return
        started = False
        expired = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if expired:
                return  # the client already got its 503
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if task in done or started:
            await task
            return
        expired = True
        task.add_done_callback(lambda t: t.cancelled() or t.exception())  # retrieve a late failure quietly
        message = f"Neo4j did not answer within {self.seconds:g} s; try again when the database is back"
        if scope["path"] == health.PATH:
            answer = health.down_response(message)
        else:
            answer = error_response(503, "graph_unavailable", message, {"Retry-After": "5"})
        await answer(scope, receive, send)
