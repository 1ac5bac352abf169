"""Australia Post Shipping and Tracking API (digitalapi.auspost.com.au/shipping/v1/track): official, free
developer key with an account number (Basic auth + `Account-Number`), up to 10 numbers a request.
Built from Australia Post's documentation example.

- `tracking_results[]` has, per number, `trackable_items[].events[]` (or `.items[].events[]` for a
  consignment) with `description`, `location` and `date`: ISO-8601 with the event's local offset
  (+11:00 for AEDT). A per-number `errors[]` (ESB-10001 "Invalid tracking ID", ESB-10002 not found)
  says the number is unknown.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Annotated, Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    RETRY,
    Code,
    HttpConnector,
    MalformedResponseError,
    Outcomes,
    RequestPacer,
    Text,
    Wire,
    all_fail,
    body_json,
    fetch_batches,
    maybe_json,
    parse_as,
    send,
    short,
    status_failure,
    time_field,
)
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://digitalapi.auspost.com.au"
NAME = "Australia Post"
SLUG = "australia-post"
BATCH = 10


# --- the body, as the connector reads it -------------------------------------------------------------

class Event(Wire):
    date: Annotated[datetime, time_field()]
    description: Text = None
    location: Text = None

    @model_validator(mode="after")
    def _has_text(self) -> Event:
        if not self.description:
            raise ValueError("event has no description")
        return self


class Article(Wire):
    """An item inside a trackable item."""

    events: list[Event] | None = None


class TrackableItem(Wire):
    events: list[Event] | None = None
    items: list[Article] | None = None


class Error(Wire):
    code: Code | None = None
    name: Text = None
    message: Text = None


class Result(Wire):
    """One number's entry of `tracking_results`."""

    tracking_id: Code | None = None
    errors: list[Error] | None = None
    trackable_items: list[TrackableItem] | None = None


class Body(Wire):
    tracking_results: list[Result]


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def _events(events: list[Event] | None) -> list[RawEvent]:
    return [RawEvent(occurred_at=e.date, text=e.description or "", location=e.location,
                     country="AU" if e.location else None, lang="en") for e in events or []]


def outcome_of(result: Result, raw: Any, number: str) -> FetchOutcome:
    """One number's outcome (`raw`, the same entry as sent, is kept as the payload)."""
    if result.errors:
        first = result.errors[0]
        return Failure(FailureKind.NOT_FOUND, f"Australia Post: {first.code or ''} "
                       f"{first.name or first.message or 'unknown number'}".strip())
    events: list[RawEvent] = []
    for item in result.trackable_items or []:
        events += _events(item.events)
        for inner in item.items or []:
            events += _events(inner.events)
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"Australia Post has no scans for {number} yet")
    unique = {(e.occurred_at, e.text, e.location): e for e in events}
    return TrackResult(number=number, events=tuple(sorted(unique.values(), key=lambda e: e.occurred_at)),
                       carrier_name=NAME, destination_country="AU", payload=raw)


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    body = parse_as(Body, doc)
    by_number = {(r.tracking_id or "").upper(): (r, raw)
                 for r, raw in zip(body.tracking_results, doc["tracking_results"], strict=True)}
    return {n: outcome_of(*by_number[n.upper()], n) if n.upper() in by_number
            else Failure(RETRY, f"Australia Post sent no answer for {n}") for n in numbers}


class AustraliaPostConnector(HttpConnector):
    slug = SLUG
    name = NAME
    max_batch = BATCH

    def __init__(self, api_key: str, password: str, account: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        # The tracking API allows 10 requests a minute per account.
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=6.0,
                         timeout=timeout)
        self.authorization = "Basic " + base64.b64encode(f"{api_key}:{password}".encode()).decode()
        self.account = account

    def fetch(self, numbers: list[str]) -> Outcomes:  # type: ignore[override]
        return fetch_batches(numbers, BATCH, self._batch)

    def _batch(self, numbers: list[str]) -> Outcomes:
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return all_fail(numbers, limited)
        request = self._client.build_request(
            "GET", f"{self.base_url}/shipping/v1/track", params={"tracking_ids": ",".join(numbers)},
            headers={"Authorization": self.authorization, "Account-Number": self.account,
                     "Accept": "application/json"})
        resp = send(self._client, request, NAME)
        if isinstance(resp, Failure):
            return all_fail(numbers, resp)
        if resp.status_code != 200:
            doc = maybe_json(resp)
            detail = short(str(doc.get("errors") or "")) if isinstance(doc, dict) else short(resp.text)
            return all_fail(numbers, status_failure(resp, NAME, detail, self.clock))
        try:
            return parse_body(body_json(resp), numbers)
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"Australia Post malformed response: {exc}"))


def _factory(config: ConnectorConfig) -> AustraliaPostConnector:
    values = config.values
    return AustraliaPostConnector(values["AUSPOST_API_KEY"], values["AUSPOST_PASSWORD"],
                                  values["AUSPOST_ACCOUNT_NUMBER"], base_url=config.base_url,
                                  client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="Australia Post Shipping and Tracking API", factory=_factory,
    default_url=DEFAULT_BASE_URL, carriers=("australia-post",), formats=("s10",),
    settings=("AUSPOST_API_KEY", "AUSPOST_PASSWORD", "AUSPOST_ACCOUNT_NUMBER"), basis="documentation",
    signup="free developer key from developers.auspost.com.au",
)
