"""The engine's connector for the sandbox carrier network (sync, httpx).

Carrier-side problems never raise: every requested number gets a `TrackResult` or a typed `Failure`, and a
malformed body fails the whole batch (RETRY_LATER) rather than yielding half-parsed results.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import httpx

from parceltrail.adapters.carriers.http import MalformedResponseError, need, opt
from parceltrail.adapters.carriers.http import (
    retry_after_seconds as _retry_after,  # delta-seconds or an HTTP date
)
from parceltrail.adapters.sandbox.scenarios import CARRIER_SLUG
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, NextLeg, RawEvent, TrackResult

Outcomes = dict[str, FetchOutcome]


def _parse_time(text: str, where: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise MalformedResponseError(f"{where}: bad time {text!r}") from None
    if when.tzinfo is None:
        raise MalformedResponseError(f"{where}: time {text!r} has no UTC offset")
    return when


def _parse_event(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: event is not an object")
    lat = opt(raw, "latitude", (int, float), where)
    lng = opt(raw, "longitude", (int, float), where)
    return RawEvent(
        occurred_at=_parse_time(need(raw, "time", str, where), where),
        text=need(raw, "description", str, where),
        code=opt(raw, "code", str, where),
        location=opt(raw, "location", str, where),
        country=opt(raw, "country", str, where),
        city=opt(raw, "city", str, where),
        latitude=float(lat) if lat is not None else None,
        longitude=float(lng) if lng is not None else None,
        lang=opt(raw, "lang", str, where),
    )


def _parse_result(raw: Any, simulated: bool) -> tuple[str, FetchOutcome]:
    if not isinstance(raw, dict):
        raise MalformedResponseError("result is not an object")
    number = need(raw, "number", str, "result")
    where = f"result {number}"
    if not need(raw, "found", bool, where):
        return number, Failure(FailureKind.NOT_FOUND, f"{CARRIER_SLUG} does not know {number}")
    events_raw = need(raw, "events", list, where)
    events = [_parse_event(e, f"{where} event {i}") for i, e in enumerate(events_raw)]
    next_leg = None
    leg_raw = raw.get("next_leg")
    if leg_raw is not None:
        if not isinstance(leg_raw, dict):
            raise MalformedResponseError(f"{where}: next_leg is not an object")
        next_leg = NextLeg(
            number=need(leg_raw, "number", str, f"{where} next_leg"),
            carrier=need(leg_raw, "carrier", str, f"{where} next_leg"),
        )
    return number, TrackResult(
        number=number,
        events=tuple(sorted(events, key=lambda e: e.occurred_at)),
        carrier_name=opt(raw, "carrier_name", str, where),
        origin_country=opt(raw, "origin_country", str, where),
        destination_country=opt(raw, "destination_country", str, where),
        next_leg=next_leg,
        simulated=simulated,
        payload=raw,
    )


def parse_track_response(body: bytes, numbers: Sequence[str]) -> dict[str, FetchOutcome]:
    """Parse a whole /v1/track body; raises MalformedResponseError unless every requested number is there."""
    try:
        doc = json.loads(body)
    except ValueError as exc:  # includes UnicodeDecodeError
        raise MalformedResponseError(f"body is not valid JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise MalformedResponseError("body is not a JSON object")
    simulated = need(doc, "simulated", bool, "body")
    results = need(doc, "results", list, "body")
    outcomes = dict(_parse_result(r, simulated) for r in results)
    missing = [n for n in numbers if n not in outcomes]
    if missing:
        raise MalformedResponseError(f"body lacks results for {len(missing)} number(s), e.g. {missing[0]}")
    return {n: outcomes[n] for n in numbers}


class SandboxConnector:
    """Connector for the sandbox network at `base_url` (e.g. http://127.0.0.1:8000/sandbox)."""

    slug = CARRIER_SLUG
    max_batch = 40

    def __init__(self, base_url: str, *, timeout: float = 10.0, client: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._client = client or httpx.Client(timeout=timeout)
        self._owns_client = client is None

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        unique = list(dict.fromkeys(numbers))
        outcomes: dict[str, FetchOutcome] = {}
        for i in range(0, len(unique), self.max_batch):  # be lenient with oversized batches
            outcomes.update(self._fetch_batch(unique[i : i + self.max_batch]))
        return outcomes

    def _fetch_batch(self, numbers: list[str]) -> Outcomes:
        def all_fail(kind: FailureKind, reason: str, retry_after: float | None = None) -> Outcomes:
            return {n: Failure(kind, reason, retry_after) for n in numbers}

        retry = FailureKind.RETRY_LATER

        url = f"{self.base_url}/v1/track"
        try:
            resp = self._client.post(url, json={"numbers": numbers}, timeout=self.timeout)
        except httpx.TimeoutException as exc:
            return all_fail(retry, f"timeout after {self.timeout:g}s ({type(exc).__name__})")
        except httpx.HTTPError as exc:  # connection refused/reset, protocol errors, ...
            return all_fail(retry, f"transport error: {type(exc).__name__}: {exc}")

        status = resp.status_code
        retry_after = _retry_after(resp.headers.get("Retry-After"))
        if status == 429:
            return all_fail(retry, "rate limited (HTTP 429)", retry_after)
        if status >= 500:
            return all_fail(retry, f"server error (HTTP {status})", retry_after)
        if status >= 400:
            return all_fail(FailureKind.PERMANENT, f"request refused (HTTP {status}): {resp.text[:200]}")
        if status != 200:
            return all_fail(retry, f"unexpected HTTP {status}")
        try:
            return parse_track_response(resp.content, numbers)
        except MalformedResponseError as exc:
            return all_fail(retry, f"malformed response: {exc}")
