"""API-key authentication: who is calling (which account) and may they do this (read or write scope).

Keys arrive as `as-api-key` (AfterShip clients), `X-API-Key` or `Authorization: Bearer KEY`. Only the
SHA-256 of a key is stored. A short in-process cache keeps the lookup off the hot path; revoking a key
through this process takes effect at once, from another process (the CLI) within `CACHE_SECONDS`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Annotated, NoReturn

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from parceltrail.bootstrap import Runtime
from parceltrail.domain.accounts import Scope, hash_key
from parceltrail.entrypoints.http.address_limits import refuse_failed_key
from parceltrail.entrypoints.http.errors import ApiError

CACHE_SECONDS = 5.0
MAX_KEY_LENGTH = 200

# Declared for the OpenAPI document (docs "Authorize" button, schemathesis); checked in `caller`.
aftership_key = APIKeyHeader(name="as-api-key", auto_error=False, scheme_name="AfterShipKey")
header_key = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="ApiKey")
bearer = HTTPBearer(auto_error=False, scheme_name="Bearer")


@dataclass(frozen=True, slots=True)
class Caller:
    account_id: int
    key_id: int
    scope: Scope


class KeyCache:
    """hash -> (caller or None, expiry): a bounded, short-lived memo of key lookups."""

    def __init__(self, ttl: float = CACHE_SECONDS, size: int = 10_000) -> None:
        self.ttl = ttl
        self.size = size
        self._items: dict[str, tuple[Caller | None, float]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> tuple[bool, Caller | None]:
        item = self._items.get(digest)
        if item is None or item[1] < time.monotonic():
            return False, None
        return True, item[0]

    def put(self, digest: str, caller: Caller | None) -> None:
        with self._lock:
            if len(self._items) >= self.size:
                self._items.clear()
            self._items[digest] = (caller, time.monotonic() + self.ttl)

    def forget_key(self, key_id: int) -> None:
        with self._lock:
            for digest, (caller, _) in list(self._items.items()):
                if caller is not None and caller.key_id == key_id:
                    del self._items[digest]


def _presented_key(request: Request) -> str | None:
    headers = request.headers
    key = headers.get("as-api-key") or headers.get("aftership-api-key") or headers.get("x-api-key")
    if key is None:
        auth = headers.get("authorization")
        if auth and auth[:7].lower() == "bearer ":
            key = auth[7:]
    return key.strip() if key else None


def identify(request: Request) -> Caller:
    """The caller behind the request's key; 401 without a valid, unrevoked key. Runs on the event loop:
    the database is asked only on a cache miss (once per key per CACHE_SECONDS), a sub-millisecond read."""
    key = _presented_key(request)
    if not key or len(key) > MAX_KEY_LENGTH:
        _unauthorized(request)
    cache: KeyCache = request.app.state.key_cache
    digest = hash_key(key)
    hit, caller = cache.get(digest)
    if not hit:
        runtime: Runtime = request.app.state.runtime
        with runtime.store.read() as repo:
            api_key = repo.accounts.authenticate(key)
        caller = Caller(api_key.account_id, api_key.id, api_key.scope) if api_key else None
        cache.put(digest, caller)
    if caller is None:
        _unauthorized(request)
    request.state.caller = caller
    return caller


def _unauthorized(request: Request) -> NoReturn:
    """401, or 429 when this address keeps sending missing or wrong keys (guessing, or a broken client)."""
    limiter = getattr(request.app.state, "address_limiter", None)
    if refuse_failed_key(request.scope, limiter):
        raise ApiError(429, "rate_limited", "Too many requests with invalid keys from this address.",
                       meta_code=429, headers={"Retry-After": str(limiter.retry_after())})
    raise ApiError(401, "unauthorized", "Invalid API key.", meta_code=401)


async def _reader(request: Request,
            _a: Annotated[str | None, Security(aftership_key)] = None,
            _b: Annotated[str | None, Security(header_key)] = None,
            _c: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None) -> Caller:
    return identify(request)


async def _writer(caller: Annotated[Caller, Depends(_reader)]) -> Caller:
    if not caller.scope.allows(Scope.WRITE):
        raise ApiError(403, "forbidden", "This API key is read-only; this request needs a write key.",
                       meta_code=403)
    return caller


ReadCaller = Annotated[Caller, Depends(_reader)]
WriteCaller = Annotated[Caller, Depends(_writer)]
