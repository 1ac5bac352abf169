"""Forgotten passwords: a one-time link by e-mail, then a new password.

* Asking (`POST /api/v1/password/forgot`, the `/password/forgot` page) always answers the same, whether
  or not an account uses the address, and the e-mail is sent after the answer, so neither the answer nor
  its timing tells who has an account. Requests are counted in the database per client address (over
  the limit: 429 with Retry-After, which says nothing about the account) and per address asked about
  (over the limit: the same answer, and no e-mail).
* The link holds a random token; only its SHA-256 is stored (`adapters/db/password_resets.py`), valid for
  `PARCELTRAIL_PASSWORD_RESET_MINUTES` (60) and once.
* Resetting checks the new password like a password change, spends the token, sets the password and
  ends every session of the account.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, BackgroundTasks, Request
from pydantic import BaseModel, Field

from parceltrail.adapters.db import password_resets
from parceltrail.adapters.db import sessions as store_sessions
from parceltrail.adapters.db.request_counts import SharedCounts
from parceltrail.adapters.delivery.email import plain_message, transmit
from parceltrail.bootstrap import Runtime
from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import check_email
from parceltrail.entrypoints.http.errors import NATIVE_ERRORS, ApiError
from parceltrail.entrypoints.http.login import client_address
from parceltrail.entrypoints.web.i18n import Locale, negotiate
from parceltrail.services.marketplace.users import MAX_PASSWORD, MIN_PASSWORD, set_password

log = logging.getLogger(__name__)
WINDOW_SECONDS = 3600  # the reset request limits are per hour


@dataclass(frozen=True, slots=True)
class Mail:
    """A reset e-mail to send once the answer is out."""

    to: str
    token: str
    lang: str


class TooManyResets(Exception):
    def __init__(self, seconds: int) -> None:
        super().__init__("too many password reset requests from this address")
        self.seconds = seconds


def _counts(request: Request) -> SharedCounts:
    state = request.app.state
    counts = getattr(state, "reset_counts", None)
    if counts is None:  # always in the database: resets are rare and must hold across processes
        counts = state.reset_counts = SharedCounts(state.runtime.store)
    return counts


def ask(runtime: Runtime, request: Request, email: str, loc: Locale) -> Mail | None:
    """Count a reset request; the e-mail to send, if any. TooManyResets when this client address is over
    its hourly limit. Call it off the event loop."""
    settings = runtime.settings
    now = time.time()
    period = math.floor(now / WINDOW_SECONDS)
    expires = (period + 2) * WINDOW_SECONDS
    counts = _counts(request)
    if counts.add(f"reset-address:{client_address(request)}", period, expires) \
            > settings.password_reset_address_limit:
        raise TooManyResets(max(1, math.ceil((period + 1) * WINDOW_SECONDS - now)))
    try:
        address = check_email(email)
    except InputError:
        return None
    # Counted for every address asked about, account or not, so the work is the same either way.
    if counts.add(f"reset-account:{address}", period, expires) > settings.password_reset_account_limit:
        return None
    with runtime.store.read() as repo:
        user = repo.orders.user_by_email(address)
    if user is None:
        return None
    token = password_resets.issue(runtime.store, user.id, timedelta(minutes=settings.password_reset_minutes))
    return Mail(user.email, token, loc.lang)


def send(runtime: Runtime, mail: Mail) -> None:
    """Send the reset link (after the answer went out); a failure is logged, never shown to the asker."""
    notify = runtime.settings.notify
    loc = Locale(mail.lang, ZoneInfo("UTC"))
    link = f"{notify.public_url.rstrip('/')}/password/reset/{quote(mail.token)}"
    minutes = runtime.settings.password_reset_minutes
    message = plain_message(notify.smtp.sender, mail.to, loc.t("reset.subject"),
                            loc.t("reset.body", minutes=minutes, link=link) + "\n", loc.lang)
    outcome = transmit(notify.smtp, message)
    if not outcome.ok:
        log.warning("password reset e-mail not sent: %s", outcome.reason)


def password_ok(password: str) -> bool:
    """The rule of a password change (services/marketplace/users.py)."""
    return MIN_PASSWORD <= len(password) <= MAX_PASSWORD


def reset(runtime: Runtime, token: str, password: str) -> int | None:
    """Set a new password with a reset token; the number of sessions ended, None when the token is not
    (or no longer) valid. The password is checked before the token is spent."""
    if not password_ok(password):
        raise InputError(f"a password must be {MIN_PASSWORD}-{MAX_PASSWORD} characters")
    user_id = password_resets.redeem(runtime.store, token)
    if user_id is None:
        return None
    set_password(runtime.store, user_id, password)
    return store_sessions.revoke_user_sessions(runtime.store, user_id)


class ForgotIn(BaseModel):
    email: str = Field(min_length=1, max_length=254)


class ResetIn(BaseModel):
    token: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)


def router(prefix: str = "/api/v1") -> APIRouter:
    api = APIRouter(prefix=prefix, responses=NATIVE_ERRORS, tags=["session"])

    @api.post("/password/forgot", status_code=202)
    def forgot(request: Request, body: ForgotIn, background: BackgroundTasks) -> dict[str, Any]:
        """Ask for a password reset link by e-mail. The answer is the same whether or not an account uses
        the address; 429 when this client address asked too often."""
        runtime: Runtime = request.app.state.runtime
        try:
            mail = ask(runtime, request, body.email, negotiate(request))
        except TooManyResets as error:
            raise ApiError(429, "rate_limited", "Too many password reset requests from this address.",
                           headers={"Retry-After": str(error.seconds)}) from None
        if mail is not None:
            background.add_task(send, runtime, mail)
        return {"data": {"status": "accepted"}}

    @api.post("/password/reset")
    def reset_password(request: Request, body: ResetIn) -> dict[str, Any]:
        """Set a new password with the e-mailed token; every session of the account ends."""
        ended = reset(request.app.state.runtime, body.token, body.new_password)
        if ended is None:
            raise ApiError(400, "invalid_token", "This reset token is invalid, used or expired.")
        return {"data": {"sessions_ended": ended}}

    return api
