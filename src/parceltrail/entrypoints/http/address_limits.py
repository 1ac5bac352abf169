"""Request rates of traffic that no account answers for, per client address: the public tracking page
and its live streams, the sign-in endpoints, and API requests with a missing or wrong key.

A fixed one-minute window per (address, kind), counted where `counts` says: in the database by default,
so every server process shares one budget per address (failed logins are throttled separately, see
`entrypoints/http/login.py`). Over the limit the
answer is 429 with `Retry-After` (JSON with the stable code `rate_limited` for the APIs, an HTML page
in the visitor's language for pages). `PARCELTRAIL_ANONYMOUS_RATE_LIMIT` sets the requests per minute
(default 120: a person never gets near it; 0 turns it off).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parceltrail.entrypoints.http.counting import Budget, Counts, LocalCounts
from parceltrail.entrypoints.http.errors import AFTERSHIP_PREFIX, native_body
from parceltrail.entrypoints.http.protection import HtmlError

# Public paths anyone may hit, each request doing real work (a lookup, a stream, a password check).
ANONYMOUS_EXACT = frozenset({"/track", "/login", "/api/v1/session"})
ANONYMOUS_PREFIXES = ("/track/", "/password/", "/api/v1/password/")


def is_anonymous_path(path: str) -> bool:
    return path in ANONYMOUS_EXACT or path.startswith(ANONYMOUS_PREFIXES)


class AddressLimiter:
    def __init__(self, per_window: int, window_seconds: float = 60.0,
                 clock: Callable[[], float] = time.time, counts: Counts | None = None,
                 share: float = 0.0) -> None:
        self.per_window = per_window
        self.window_seconds = window_seconds
        self.clock = clock
        self.budget = Budget(counts or LocalCounts(), share)

    def hit(self, address: str, kind: str, now: float | None = None) -> bool:
        """Count one request; False when this address is over its limit for `kind`."""
        if self.per_window <= 0:
            return True
        period = math.floor((self.clock() if now is None else now) / self.window_seconds)
        expires = math.ceil((period + 2) * self.window_seconds)
        return self.budget.take(f"{kind}:{address}", period, expires, self.per_window)[0]

    def retry_after(self, now: float | None = None) -> int:
        """Seconds until the current window ends."""
        now = self.clock() if now is None else now
        return max(1, math.ceil(self.window_seconds - now % self.window_seconds))


def address_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class AnonymousLimits:
    """ASGI middleware limiting the public paths per client address."""

    def __init__(self, app: ASGIApp, *, limiter: AddressLimiter, html_error: HtmlError | None = None) -> None:
        self.app = app
        self.limiter = limiter
        self.html_error = html_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not is_anonymous_path(path) \
                or await run_in_threadpool(self.limiter.hit, address_of(scope), "public"):
            await self.app(scope, receive, send)
            return
        wait = str(self.limiter.retry_after()).encode()
        if self.html_error is not None and not path.startswith(("/api/", AFTERSHIP_PREFIX)):
            async def with_retry_after(message: Message) -> None:
                if message["type"] == "http.response.start":
                    message = {**message, "headers": [*message.get("headers", []), (b"retry-after", wait)]}
                await send(message)

            await self.html_error(scope, receive, with_retry_after, 429, "security.too_many")
            return
        raw = json.dumps(native_body("rate_limited", "Too many requests from this address.")).encode()
        await send({"type": "http.response.start", "status": 429,
                    "headers": [(b"content-type", b"application/json"), (b"retry-after", wait),
                                (b"content-length", str(len(raw)).encode())]})
        await send({"type": "http.response.body", "body": raw})


def refuse_failed_key(scope: Scope, limiter: AddressLimiter | None) -> bool:
    """Count an API request whose key was missing or wrong; True when its address is over the limit."""
    return limiter is not None and not limiter.hit(address_of(scope), "bad_key")

