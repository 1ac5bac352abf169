"""USPS Tracking API v3 (apis.usps.com): OAuth 2 client credentials, one number per request.

Events keep USPS's own `eventCode` (Publication 97 scan codes, e.g. "01" delivered) and `eventType` text.
Event times: USPS gives the scan's UTC instant (`GMTTimestamp`) and its local offset (`GMTOffset`); the
local `eventTimestamp` is wall time and may carry a misleading "Z", so the offset is applied explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    MalformedResponseError,
    PerNumberConnector,
    RequestPacer,
    alpha2,
    join_location,
    maybe_json,
    need,
    opt,
    opt_text,
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


def _event_time(raw: Mapping[str, Any], where: str) -> datetime:
    offset = opt_text(raw, "GMTOffset", where)
    gmt = opt_text(raw, "GMTTimestamp", where)
    if gmt and offset:
        return parse_time(gmt, where, "Z").astimezone(parse_offset(offset, where))
    local = opt_text(raw, "eventTimestamp", where)
    if local and offset:  # wall time: drop whatever zone the string claims, use the stated offset
        return parse_time(local, where, "Z").replace(tzinfo=parse_offset(offset, where))
    if local:
        return parse_time(local, where)
    if gmt:
        return parse_time(gmt, where, "Z")
    raise MalformedResponseError(f"{where}: event has no time")


def _country(raw: Mapping[str, Any], where: str) -> str | None:
    country = opt_text(raw, "eventCountry", where)
    if country is None:
        return "US"  # USPS leaves the country empty for domestic scans
    return alpha2(country)


def _parse_event(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: event is not an object")
    city = opt_text(raw, "eventCity", where)
    state = opt_text(raw, "eventState", where)
    country = _country(raw, where)
    foreign = opt_text(raw, "eventCountry", where)
    return RawEvent(
        occurred_at=_event_time(raw, where),
        text=need(raw, "eventType", str, where),
        code=opt_text(raw, "eventCode", where),
        location=join_location(city, state, opt_text(raw, "eventZIP", where),
                               foreign if foreign and len(foreign) != 2 else None),
        country=country,
        city=city,
        lang="en",
    )


def parse_tracking(doc: Any, number: str) -> FetchOutcome:
    """One /tracking/v3/tracking/{number} body -> outcome; MalformedResponseError if not the schema."""
    if not isinstance(doc, dict):
        raise MalformedResponseError("body is not a JSON object")
    where = f"USPS {number}"
    events_raw = opt(doc, "trackingEvents", list, where) or []
    events = [_parse_event(e, f"{where} event {i}") for i, e in enumerate(events_raw)]
    if not events:
        summary = opt_text(doc, "statusSummary", where) or "no scans yet"
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
