"""USPS Tracking API v3 (apis.usps.com): OAuth 2 client credentials, one number per request.

Events keep USPS's own `eventCode` (Publication 97 scan codes, e.g. "01" delivered) and `eventType` text.
Event times: USPS gives the scan's UTC instant (`GMTTimestamp`) and its local offset (`GMTOffset`); the
local `eventTimestamp` is wall time and may carry a misleading "Z", so the offset is applied explicitly.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    MalformedResponseError,
    PerNumberConnector,
    RequestPacer,
    Text,
    Wire,
    alpha2,
    join_location,
    maybe_json,
    parse_as,
    parse_offset,
    parse_time,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.oauth import OAuthClientCredentials, send_authorized
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://apis.usps.com"
NAME = "USPS"


def _error_detail(doc: Any) -> tuple[str, str]:
    """(first error code, message) from USPS's `{"error": {"code", "message", "errors": [...]}}`."""
    if not isinstance(doc, dict) or not isinstance(doc.get("error"), dict):
        return "", ""
    error = doc["error"]
    message = str(error.get("message") or "")
    code = str(error.get("code") or "")
    details = error.get("errors")
    if isinstance(details, list) and details and isinstance(details[0], dict):
        first = details[0]
        code = str(first.get("code") or code)
        message = "; ".join(str(first[k]) for k in ("title", "detail") if first.get(k)) or message
    return code, message


# --- the body, as the connector reads it -------------------------------------------------------------

class Event(Wire):
    """One scan of `trackingEvents`."""

    eventType: str
    eventCode: Text = None
    eventTimestamp: Text = None
    GMTTimestamp: Text = None
    GMTOffset: Text = None
    eventCity: Text = None
    eventState: Text = None
    eventZIP: Text = None
    eventCountry: Text = None

    @model_validator(mode="after")
    def _has_a_time(self) -> Event:
        self.occurred_at()  # a scan without a readable time is refused here, where its path is known
        return self

    def occurred_at(self) -> datetime:
        offset, gmt, local = self.GMTOffset, self.GMTTimestamp, self.eventTimestamp
        if gmt and offset:
            return parse_time(gmt, "GMTTimestamp", "Z").astimezone(parse_offset(offset, "GMTOffset"))
        if local and offset:  # wall time: drop whatever zone the string claims, use the stated offset
            return parse_time(local, "eventTimestamp", "Z").replace(tzinfo=parse_offset(offset, "GMTOffset"))
        if local:
            return parse_time(local, "eventTimestamp")
        if gmt:
            return parse_time(gmt, "GMTTimestamp", "Z")
        raise MalformedResponseError("event has no time")


class Body(Wire):
    trackingEvents: list[Event] | None = None
    statusSummary: Text = None


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(event: Event) -> RawEvent:
    foreign = event.eventCountry
    return RawEvent(
        occurred_at=event.occurred_at(),
        text=event.eventType,
        code=event.eventCode,
        location=join_location(event.eventCity, event.eventState, event.eventZIP,
                               foreign if foreign and len(foreign) != 2 else None),
        country="US" if foreign is None else alpha2(foreign),  # USPS leaves it empty for domestic scans
        city=event.eventCity,
        lang="en",
    )


def parse_tracking(doc: Any, number: str) -> FetchOutcome:
    """One /tracking/v3/tracking/{number} body -> outcome; MalformedResponseError if not the schema."""
    body = parse_as(Body, doc)
    events = [event_of(e) for e in body.trackingEvents or []]
    if not events:
        summary = body.statusSummary or "no scans yet"
        return Failure(FailureKind.NOT_FOUND, f"USPS has no scans for {number}: {short(summary)}")
    return TrackResult(
        number=number,
        events=tuple(sorted(events, key=lambda e: e.occurred_at)),
        carrier_name=NAME,
        origin_country="US",
        destination_country=None,
        payload=doc,
    )


class UspsConnector(PerNumberConnector):
    slug = "usps"
    name = NAME
    max_batch = 10  # one HTTP request per number

    def __init__(self, client_id: str, client_secret: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        # USPS's default quota is small (about 60 calls an hour); pace requests and honour 429s.
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=1.0,
                         timeout=timeout)
        self.oauth = OAuthClientCredentials(f"{self.base_url}/oauth2/v3/token", client_id, client_secret,
                                            carrier=NAME, client=self._client, clock=clock, auth="json")

    def _send(self, number: str) -> httpx.Response | Failure:
        url = f"{self.base_url}/tracking/v3/tracking/{quote(number, safe='')}"

        def build(token: str) -> httpx.Request:
            return self._client.build_request("GET", url, params={"expand": "DETAIL"}, headers={
                "Authorization": f"Bearer {token}", "Accept": "application/json"})

        return send_authorized(self.oauth, self._client, build)

    def _error(self, resp: httpx.Response, number: str) -> Failure:
        code, message = _error_detail(maybe_json(resp))
        detail = " ".join(p for p in (code, message) if p) or short(resp.text)
        if resp.status_code == 400:  # USPS: the number is not a valid USPS tracking number
            return Failure(FailureKind.PERMANENT, f"USPS rejected {number} (HTTP 400): {short(detail)}")
        return status_failure(resp, NAME, detail, self.clock)

    def _parse(self, doc: Any, number: str) -> FetchOutcome:
        return parse_tracking(doc, number)


SPEC = ConnectorSpec(
    slug="usps", name="USPS Tracking v3", factory=lambda c: UspsConnector(
        c.values["USPS_CLIENT_ID"], c.values["USPS_CLIENT_SECRET"], base_url=c.base_url, client=c.client,
        clock=c.clock),
    default_url=DEFAULT_BASE_URL, carriers=("usps",), settings=("USPS_CLIENT_ID", "USPS_CLIENT_SECRET"),
    basis="documentation", signup="free developer account at developers.usps.com",
)
