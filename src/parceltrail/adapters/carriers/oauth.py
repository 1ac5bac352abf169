"""OAuth 2 client-credentials tokens for carrier APIs (USPS, UPS, FedEx), cached until shortly before expiry.

The carriers differ only in how the client authenticates at the token endpoint: HTTP Basic (UPS), form
fields (FedEx) or a JSON body (USPS). `expires_in` arrives as a number or, at UPS, as a string.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import httpx

from parceltrail.adapters.carriers.http import (
    RETRY,
    MalformedResponseError,
    body_json,
    maybe_json,
    send,
    short,
    status_failure,
)
from parceltrail.clock import Clock, SystemClock
from parceltrail.domain.connectors import Failure, FailureKind

ClientAuth = Literal["basic", "form", "json"]
DEFAULT_LIFETIME = timedelta(minutes=30)  # when a token response omits expires_in


class TokenError(Exception):
    """No token could be had; `failure` says whether to retry (server trouble) or fix credentials."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.reason)
        self.failure = failure


@dataclass(frozen=True, slots=True)
class Token:
    value: str
    expires_at: datetime


def _error_text(doc: object) -> str:
    """The token endpoints' error shapes: RFC 6749 (`error`, `error_description`), UPS/FedEx `errors`
    lists, USPS `error.message`."""
    if not isinstance(doc, dict):
        return ""
    parts: list[str] = []
    error = doc.get("error")
    if isinstance(error, str):
        parts.append(error)
    elif isinstance(error, dict) and isinstance(error.get("message"), str):
        parts.append(error["message"])
    if isinstance(doc.get("error_description"), str):
        parts.append(doc["error_description"])
    holder = doc.get("response") if isinstance(doc.get("response"), dict) else doc
    for item in holder.get("errors") or [] if isinstance(holder, dict) else []:
        if isinstance(item, dict):
            parts.append(" ".join(str(item[k]) for k in ("code", "message") if item.get(k)))
    return "; ".join(p for p in parts if p)


class OAuthClientCredentials:
    """A cached client-credentials token, refreshed `margin` before it expires (by the injected clock)."""

    def __init__(self, token_url: str, client_id: str, client_secret: str, *, carrier: str,
                 client: httpx.Client, clock: Clock | None = None, auth: ClientAuth = "form",
                 scope: str | None = None, margin: timedelta = timedelta(minutes=5)) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.carrier = carrier
        self.auth = auth
        self.scope = scope
        self.margin = margin
        self._client = client
        self._clock = clock or SystemClock()
        self._token: Token | None = None
        self._lock = threading.Lock()
        self.fetches = 0  # tokens requested so far (observability, tests)

    def invalidate(self) -> None:
        """Forget the token (the API refused it), so the next call fetches a new one."""
        with self._lock:
            self._token = None

    def bearer(self) -> str:
        """A valid access token; raises TokenError."""
        with self._lock:
            now = self._clock.now()
            if self._token is None or now >= self._token.expires_at - self.margin:
                self._token = self._fetch(now)
            return self._token.value

    def _request(self) -> httpx.Request:
        fields = {"grant_type": "client_credentials"}
        if self.scope:
            fields["scope"] = self.scope
        headers = {"Accept": "application/json"}
        if self.auth == "basic":
            basic = httpx.BasicAuth(self.client_id, self.client_secret)
            request = self._client.build_request("POST", self.token_url, data=fields, headers=headers)
            return next(basic.auth_flow(request))
        credentials = {**fields, "client_id": self.client_id, "client_secret": self.client_secret}
        if self.auth == "json":
            return self._client.build_request("POST", self.token_url, json=credentials, headers=headers)
        return self._client.build_request("POST", self.token_url, data=credentials, headers=headers)

    def _fetch(self, now: datetime) -> Token:
        self.fetches += 1
        resp = send(self._client, self._request(), f"{self.carrier} token endpoint")
        if isinstance(resp, Failure):
            raise TokenError(resp)
        if resp.status_code != 200:
            detail = _error_text(maybe_json(resp)) or short(resp.text)
            failure = status_failure(resp, f"{self.carrier} token endpoint", detail)
            # 400 invalid_client / 401 / 403 mean the credentials are wrong: not worth retrying soon.
            if resp.status_code in (400, 401, 403):
                failure = Failure(FailureKind.AUTH, f"{self.carrier} refused the client credentials "
                                  f"(HTTP {resp.status_code}){': ' + short(detail) if detail else ''}")
            elif failure.kind is FailureKind.NOT_FOUND or failure.kind is FailureKind.PERMANENT:
                failure = Failure(RETRY, failure.reason)  # a token URL problem is not the number's fault
            raise TokenError(failure)
        try:
            doc = body_json(resp)
            if not isinstance(doc, dict) or not isinstance(doc.get("access_token"), str) \
                    or not doc["access_token"]:
                raise MalformedResponseError("no access_token")
            lifetime = _lifetime(doc.get("expires_in"))
        except MalformedResponseError as exc:
            raise TokenError(Failure(RETRY, f"{self.carrier} token response malformed: {exc}")) from None
        return Token(doc["access_token"], now + lifetime)


def _lifetime(value: object) -> timedelta:
    if value is None:
        return DEFAULT_LIFETIME
    try:
        seconds = float(value) if isinstance(value, (int, float, str)) and not isinstance(value, bool) \
            else None
    except ValueError:
        seconds = None
    if seconds is None or seconds <= 0:
        raise MalformedResponseError(f"bad expires_in {value!r}")
    return timedelta(seconds=seconds)


def send_authorized(oauth: OAuthClientCredentials, client: httpx.Client,
                    build: Callable[[str], httpx.Request]) -> httpx.Response | Failure:
    """Send `build(token)`; on 401 the token may have been revoked early: fetch a new one and retry once."""
    for attempt in range(2):
        try:
            token = oauth.bearer()
        except TokenError as exc:
            return exc.failure
        resp = send(client, build(token), oauth.carrier)
        if isinstance(resp, Failure) or resp.status_code != 401 or attempt:
            return resp
        oauth.invalidate()
    raise AssertionError("unreachable")
