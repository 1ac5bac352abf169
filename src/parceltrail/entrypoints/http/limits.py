"""Bounded request bodies: anything over MAX_BODY_BYTES is answered 413 before it is parsed."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parceltrail.entrypoints.http.errors import AFTERSHIP_PREFIX, aftership_body, native_body

MAX_BODY_BYTES = 1024 * 1024
MAX_LIST_LIMIT = 200  # page sizes
MAX_BATCH = 50  # items in one request (numbers, texts)


async def read_up_to(receive: Receive, bound: int) -> tuple[bytes, bool]:
    """The request body as received until its end or until more than `bound` bytes came, and whether it
    went over: middlewares that look at a body must never hold an unbounded one in memory."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > bound:
            return b"".join(chunks), True
        if not message.get("more_body", False):
            break
    return b"".join(chunks), False


def replaying(body: bytes, more: bool, receive: Receive) -> Receive:
    """A `receive` that hands the application what a middleware already read (`more`: the rest follows
    from the client), then the client's own messages."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    return replay


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _reject(self, scope: Scope, send: Send) -> None:
        message = f"The request body is larger than {self.max_bytes} bytes."
        if scope["path"].startswith(AFTERSHIP_PREFIX):
            body = aftership_body(413, 413, message)
        else:
            body = native_body("payload_too_large", message)
        raw = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(raw)).encode())]})
        await send({"type": "http.response.body", "body": raw})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await self._reject(scope, send)
                return
            await self.app(scope, receive, send)
            return
        # No length given (chunked): read up to the bound, then replay what was read.
        body, over = await read_up_to(receive, self.max_bytes)
        if over:
            await self._reject(scope, send)
            return
        await self.app(scope, replaying(body, False, receive), send)
