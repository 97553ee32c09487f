"""A request-body size limit enforced while the body is read, before anything is parsed (413)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hrkg.api.errors import ApiError, error_response


class BodySizeLimit:
    """Refuse bodies over ``max_bytes``: at once from Content-Length, or as soon as a chunked body exceeds it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> str:
        return f"the request body is larger than {self.max_bytes} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.max_bytes:
                    message = self._too_large() if declared >= 0 else "invalid Content-Length"
                    status = 413 if declared >= 0 else 400
                    await error_response(status, "payload_too_large" if status == 413 else "bad_request",
                                         message)(scope, receive, send)  # fmt: skip
                    return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise ApiError(413, "payload_too_large", self._too_large())
            return message

        await self.app(scope, limited, send)
