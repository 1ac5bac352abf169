"""Per-account, per-endpoint request rate limits with AfterShip's headers.

A fixed one-second window per (account, route): all keys of one account share it, so minting more keys
buys no more requests. Every authenticated answer carries
`X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix time of the next window);
past the limit the answer is 429 with `Retry-After`. The limit is `PARCELTRAIL_API_RATE_LIMIT` requests
per second (default 100; 0 turns limiting off). The counts live where `counts` says: in the database by
default (`SharedCounts`; a busy account's units are reserved a few at a time, see `counting.Budget`), so
every server process shares one budget.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parceltrail.entrypoints.http.auth import Caller, ReadCaller, WriteCaller
from parceltrail.entrypoints.http.counting import Budget, Counts, LocalCounts
from parceltrail.entrypoints.http.errors import ApiError

DEFAULT_PER_SECOND = 100
STATE_KEY = "rate_limit"


@dataclass(frozen=True, slots=True)
class Quota:
    limit: int
    remaining: int
    reset: int  # Unix seconds

    def headers(self) -> dict[str, str]:
        return {"X-RateLimit-Limit": str(self.limit), "X-RateLimit-Remaining": str(self.remaining),
                "X-RateLimit-Reset": str(self.reset)}


class RateLimiter:
    def __init__(self, per_second: int = DEFAULT_PER_SECOND, clock: Callable[[], float] = time.time,
                 counts: Counts | None = None, share: float = 0.0) -> None:
        self.per_second = per_second
        self.clock = clock
        self.budget = Budget(counts or LocalCounts(), share)

    def hit(self, account_id: int, endpoint: str, now: float | None = None) -> tuple[bool, Quota | None]:
        """Count one request; (allowed, quota), quota None when limiting is off."""
        if self.per_second <= 0:
            return True, None
        now = self.clock() if now is None else now
        second = math.floor(now)
        allowed, used = self.budget.take(f"api:{account_id}:{endpoint}", second, second + 2, self.per_second)
        return allowed, Quota(self.per_second, max(0, self.per_second - used), second + 1)


def _check(request: Request, caller: Caller) -> Caller:
    limiter: RateLimiter = request.app.state.rate_limiter
    route = request.scope.get("route")
    endpoint = f"{request.method} {getattr(route, 'path', request.url.path)}"
    allowed, quota = limiter.hit(caller.account_id, endpoint)
    if quota is not None:
        request.scope.setdefault("state", {})[STATE_KEY] = quota
    if not allowed:
        assert quota is not None
        raise ApiError(429, "rate_limited", "You have exceeded the API call rate limit.", meta_code=429,
                       headers={**quota.headers(), "Retry-After": "1"})
    return caller


# Plain functions: FastAPI runs them in its thread pool, so the database count never blocks the event loop.
def _limited_reader(request: Request, caller: ReadCaller) -> Caller:
    return _check(request, caller)


def _limited_writer(request: Request, caller: WriteCaller) -> Caller:
    return _check(request, caller)


Reader = Annotated[Caller, Depends(_limited_reader)]
Writer = Annotated[Caller, Depends(_limited_writer)]


class RateLimitHeaders:
    """ASGI middleware: copies the request's quota (set by the dependency) onto the response headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                quota = scope.get("state", {}).get(STATE_KEY)
                if quota is not None:
                    headers = list(message.get("headers", []))
                    present = {name.lower() for name, _ in headers}
                    for name, value in quota.headers().items():
                        if name.lower().encode() not in present:
                            headers.append((name.lower().encode(), value.encode()))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
