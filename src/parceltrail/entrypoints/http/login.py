"""Logging in without being a way in or a way down: failed attempts are throttled per account and per
client address (shared through the database, so every server process agrees), and password checks run in
a bounded number of slots, since each argon2 check takes 64 MiB and real CPU time."""

from __future__ import annotations

import math
import threading
from datetime import timedelta

from fastapi import Request

from parceltrail.adapters.db import sessions as store_sessions
from parceltrail.bootstrap import Runtime
from parceltrail.domain.orders import User
from parceltrail.entrypoints.http.errors import ApiError
from parceltrail.services.marketplace.users import authenticate

SLOT_WAIT_SECONDS = 10.0
_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


class TooManyAttempts(ApiError):
    def __init__(self, seconds: float, message: str = "Too many failed logins; wait and try again.") -> None:
        wait = max(1, math.ceil(seconds))
        super().__init__(429, "too_many_attempts", f"{message} (retry in {wait} s)",
                         headers={"Retry-After": str(wait)})
        self.seconds = wait


def _hash_slots(count: int) -> threading.BoundedSemaphore:
    with _slots_lock:
        if count not in _slots:
            _slots[count] = threading.BoundedSemaphore(count)
        return _slots[count]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def attempt_login(runtime: Runtime, request: Request, email: str, password: str) -> User | None:
    """The user for these credentials, None when they are wrong; TooManyAttempts when this account or
    address must wait (checked before any password work). Call it off the event loop."""
    settings = runtime.settings
    account_key = f"account:{email.strip().lower()[:254]}"
    address_key = f"address:{client_address(request)}"
    wait = store_sessions.blocked_for(runtime.store, [account_key, address_key])
    if wait > 0:
        raise TooManyAttempts(wait)
    slots = _hash_slots(settings.password_hash_slots)
    if not slots.acquire(timeout=SLOT_WAIT_SECONDS):
        raise TooManyAttempts(1, "The server is busy checking other logins.")
    try:
        user = authenticate(runtime.store, email, password)
    finally:
        slots.release()
    block = timedelta(seconds=settings.login_max_block_seconds)
    if user is None:
        per_account = store_sessions.ThrottlePolicy(settings.login_max_failures, block)
        per_address = store_sessions.ThrottlePolicy(settings.login_address_max_failures, block)
        store_sessions.record_failure(runtime.store, account_key, per_account)
        store_sessions.record_failure(runtime.store, address_key, per_address)
        return None
    store_sessions.clear_failures(runtime.store, account_key)
    return user
