"""FedEx Track API v1 (apis.fedex.com): OAuth 2 client credentials (form), up to 30 numbers a request.

Event codes are "eventType|derivedStatusCode" (e.g. "AR|IT", "CC|IT"; just "DL" when both agree), most
specific first.
Scan times carry the scan location's UTC offset and are kept as given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    alpha2,
    body_json,
    fetch_batches,
    join_location,
    maybe_json,
    parse_as,
    short,
    status_failure,
    time_field,
)
from parceltrail.adapters.carriers.oauth import OAuthClientCredentials, send_authorized
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://apis.fedex.com"
NAME = "FedEx"
MAX_NUMBERS = 30  # FedEx's documented limit per track request
AUTH_CODES = frozenset({"NOT.AUTHORIZED.ERROR", "FORBIDDEN.ERROR", "UNAUTHORIZED.ERROR"})


def _errors(doc: Any) -> list[tuple[str, str]]:
    if not isinstance(doc, dict) or not isinstance(doc.get("errors"), list):
        return []
    return [(str(e.get("code") or ""), str(e.get("message") or ""))
            for e in doc["errors"] if isinstance(e, dict)]


def _number_failure(code: str, message: str, number: str) -> Failure:
    """A per-number `error` inside completeTrackResults."""
    text = f"FedEx: {code} {message}".strip()
    if "NOTFOUND" in code.replace(".", "").upper() or "NOT.FOUND" in code.upper():
        return Failure(FailureKind.NOT_FOUND, f"FedEx does not know {number}: {short(message or code)}")
    if "INVALID" in code.upper() or "EMPTY" in code.upper():
        return Failure(FailureKind.PERMANENT, short(text))
    return Failure(RETRY, short(text))


# --- the body, as the connector reads it -------------------------------------------------------------

class ScanLocation(Wire):
    city: Text = None
    stateOrProvinceCode: Text = None
    postalCode: Text = None
    countryCode: Text = None


class Scan(Wire):
    """One scan of a result's `scanEvents`."""

    date: Annotated[datetime, time_field()]
    eventDescription: Text = None
    derivedStatus: Text = None
    exceptionDescription: Text = None
    eventType: Text = None
    derivedStatusCode: Text = None
    scanLocation: ScanLocation | None = None

    @model_validator(mode="after")
    def _has_text(self) -> Scan:
        if not self.text and not self.eventType:
            raise ValueError("scan event has neither description nor type")
        return self

    @property
    def text(self) -> str:
        text = self.eventDescription or self.derivedStatus or ""
        exception = self.exceptionDescription
        if exception and exception.lower() not in text.lower():
            text = f"{text} ({exception})" if text else exception
        return text


class Address(Wire):
    countryCode: Text = None


class ContactAndAddress(Wire):
    address: Address | None = None


class Location(Wire):
    """An `originLocation` or `destinationLocation`."""

    locationContactAndAddress: ContactAndAddress | None = None

    @property
    def country(self) -> str | None:
        holder = self.locationContactAndAddress
        return alpha2(holder.address.countryCode) if holder and holder.address else None


class Error(Wire):
    code: Code | None = None
    message: Text = None


class Result(Wire):
    """One of a number's `trackResults`: scans, or an error for that number."""

    error: Error | None = None
    scanEvents: list[Scan] | None = None
    originLocation: Location | None = None
    destinationLocation: Location | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None and bool(self.error.code or self.error.message)


class CompleteTrackResult(Wire):
    trackingNumber: str
    trackResults: list[Result]


class Output(Wire):
    completeTrackResults: list[CompleteTrackResult]


class Body(Wire):
    output: Output


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(scan: Scan) -> RawEvent:
    place = scan.scanLocation or ScanLocation()
    return RawEvent(
        occurred_at=scan.date,
        text=scan.text,
        code="|".join(dict.fromkeys(c for c in (scan.eventType, scan.derivedStatusCode) if c)) or None,
        location=join_location(place.city, place.stateOrProvinceCode, place.postalCode, place.countryCode),
        country=alpha2(place.countryCode),
        city=place.city,
        lang="en",
    )


def outcome_of(complete: CompleteTrackResult, raw: Any) -> FetchOutcome:
    """One number's outcome (`raw`, the same entry as sent, is kept as the payload)."""
    number = complete.trackingNumber
    if not complete.trackResults:
        return Failure(FailureKind.NOT_FOUND, f"FedEx returned no result for {number}")
    good = [r for r in complete.trackResults if not r.failed]
    if not good:
        error = complete.trackResults[0].error or Error()
        return _number_failure(error.code or "", error.message or "", number)
    result = good[0]
    events = [event_of(s) for s in result.scanEvents or []]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"FedEx has no scans for {number} yet")
    return TrackResult(
        number=number,
        events=tuple(sorted(events, key=lambda e: e.occurred_at)),
        carrier_name=NAME,
        origin_country=result.originLocation.country if result.originLocation else None,
        destination_country=result.destinationLocation.country if result.destinationLocation else None,
        payload=raw,
    )


def parse_track(doc: Any, numbers: Sequence[str]) -> Outcomes:
    """A whole trackingnumbers body; MalformedResponseError unless every requested number is there."""
    body = parse_as(Body, doc)
    complete = body.output.completeTrackResults
    outcomes = {c.trackingNumber: outcome_of(c, raw)
                for c, raw in zip(complete, doc["output"]["completeTrackResults"], strict=True)}
    missing = [n for n in numbers if n not in outcomes]
    if missing:
        raise MalformedResponseError(f"no result for {len(missing)} number(s), e.g. {missing[0]}")
    return {n: outcomes[n] for n in numbers}


class FedexConnector(HttpConnector):
    slug = "fedex"
    name = NAME
    max_batch = MAX_NUMBERS

    def __init__(self, api_key: str, secret_key: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.5,
                         timeout=timeout)
        self.oauth = OAuthClientCredentials(f"{self.base_url}/oauth/token", api_key, secret_key,
                                            carrier=NAME, client=self._client, clock=clock, auth="form")
        self.requests = 0  # track requests sent (tests check batching)

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        return fetch_batches(numbers, MAX_NUMBERS, self._fetch_batch)

    def _fetch_batch(self, numbers: list[str]) -> Outcomes:
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return all_fail(numbers, limited)
        body = {"includeDetailedScans": True,
                "trackingInfo": [{"trackingNumberInfo": {"trackingNumber": n}} for n in numbers]}

        def build(token: str) -> httpx.Request:
            return self._client.build_request("POST", f"{self.base_url}/track/v1/trackingnumbers", json=body,
                                              headers={"Authorization": f"Bearer {token}",
                                                       "X-locale": "en_US", "Accept": "application/json"})

        self.requests += 1
        resp = send_authorized(self.oauth, self._client, build)
        if isinstance(resp, Failure):
            return all_fail(numbers, resp)
        if resp.status_code != 200:
            if resp.status_code == 400 and len(numbers) > 1:
                # One bad number spoils the request: ask for each alone so only that one fails.
                split: Outcomes = {}
                for number in numbers:
                    split.update(self._fetch_batch([number]))
                return split
            return all_fail(numbers, self._error(resp))
        try:
            return parse_track(body_json(resp), numbers)
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"FedEx malformed response: {exc}"))

    def _error(self, resp: httpx.Response) -> Failure:
        errors = _errors(maybe_json(resp))
        detail = "; ".join(f"{c} {m}".strip() for c, m in errors) or short(resp.text)
        if {c for c, _ in errors} & AUTH_CODES:
            return Failure(FailureKind.AUTH, f"FedEx refused the credentials (HTTP {resp.status_code}): "
                                             f"{short(detail)}")
        if resp.status_code == 404:  # the endpoint, not the number: numbers are reported per result
            return Failure(RETRY, f"FedEx endpoint not found (HTTP 404): {short(detail)}")
        return status_failure(resp, NAME, detail, self.clock)


SPEC = ConnectorSpec(
    slug="fedex", name="FedEx Track API", factory=lambda c: FedexConnector(
        c.values["FEDEX_API_KEY"], c.values["FEDEX_SECRET_KEY"], base_url=c.base_url, client=c.client,
        clock=c.clock),
    default_url=DEFAULT_BASE_URL, carriers=("fedex",), settings=("FEDEX_API_KEY", "FEDEX_SECRET_KEY"),
    basis="documentation", signup="free developer account at developer.fedex.com",
)
