"""DHL Shipment Tracking - Unified (api-eu.dhl.com/track/shipments): API key header, one number a request.

Event codes are DHL's unified `statusCode` (pre-transit, transit, delivered, failure, unknown); the
division's own wording is in the text. Errors come as RFC 7807 problem documents (title/status/detail).
Times: kept with the offset DHL gives; some divisions send local wall time without an offset, which is
then stored as UTC (DHL does not say the zone).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    MalformedResponseError,
    PerNumberConnector,
    RequestPacer,
    join_location,
    maybe_json,
    need,
    opt,
    opt_float,
    opt_text,
    parse_time,
    send,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://api-eu.dhl.com"
NAME = "DHL"


def _problem(doc: Any) -> str:
    if not isinstance(doc, dict):
        return ""
    return " - ".join(str(doc[k]) for k in ("title", "detail") if doc.get(k))


def _place(holder: Mapping[str, Any] | None, where: str) -> tuple[str | None, str | None, str | None]:
    """(locality, country code, postal code) of a DHL `location`/`origin`/`destination` object."""
    address = opt(holder or {}, "address", dict, where) or {}
    country = opt_text(address, "countryCode", where)
    return (opt_text(address, "addressLocality", where), country.upper() if country else None,
            opt_text(address, "postalCode", where))


def _parse_event(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: event is not an object")
    text = opt_text(raw, "description", where) or opt_text(raw, "status", where)
    if not text:
        raise MalformedResponseError(f"{where}: event has no description")
    location = opt(raw, "location", dict, where)
    locality, country, postal = _place(location, where)
    geo = opt(location or {}, "geo", dict, where) or {}
    return RawEvent(
        occurred_at=parse_time(need(raw, "timestamp", str, where), where, "Z"),
        text=text,
        code=opt_text(raw, "statusCode", where),
        location=join_location(postal, locality, country),
        country=country if country and len(country) == 2 else None,
        city=locality,
        latitude=opt_float(geo.get("latitude")),
        longitude=opt_float(geo.get("longitude")),
    )


def parse_shipments(doc: Any, number: str) -> FetchOutcome:
    where = f"DHL {number}"
    shipments = need(doc, "shipments", list, "body")
    if not shipments:
        return Failure(FailureKind.NOT_FOUND, f"DHL does not know {number}")
    shipment = next((s for s in shipments if isinstance(s, dict) and s.get("id") == number), shipments[0])
    if not isinstance(shipment, dict):
        raise MalformedResponseError(f"{where}: shipment is not an object")
    raw_events = opt(shipment, "events", list, where) or []
    events = [_parse_event(e, f"{where} event {i}") for i, e in enumerate(raw_events)]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"DHL has no events for {number} yet")
    service = opt_text(shipment, "service", where)
    return TrackResult(
        number=number,
        events=tuple(sorted(events, key=lambda e: e.occurred_at)),
        carrier_name=f"{NAME} ({service})" if service else NAME,
        origin_country=_place(opt(shipment, "origin", dict, where), where)[1],
        destination_country=_place(opt(shipment, "destination", dict, where), where)[1],
        payload=shipment,
    )


class DhlConnector(PerNumberConnector):
    slug = "dhl"
    name = NAME
    max_batch = 5  # one request per number, and DHL's starter quota is small

    def __init__(self, api_key: str, *, base_url: str = DEFAULT_BASE_URL, client: httpx.Client | None = None,
                 clock: Clock | None = None, limiter: RequestPacer | None = None, language: str = "en",
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        # DHL's initial plan allows one call every 5 seconds (and a daily cap).
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=5.0,
                         timeout=timeout)
        self.api_key = api_key
        self.language = language

    def _send(self, number: str) -> httpx.Response | Failure:
        request = self._client.build_request(
            "GET", f"{self.base_url}/track/shipments",
            params={"trackingNumber": number, "language": self.language},
            headers={"DHL-API-Key": self.api_key, "Accept": "application/json"})
        return send(self._client, request, NAME)

    def _error(self, resp: httpx.Response, number: str) -> Failure:
        detail = _problem(maybe_json(resp)) or short(resp.text)
        return status_failure(resp, NAME, detail, self.clock)

    def _parse(self, doc: Any, number: str) -> FetchOutcome:
        return parse_shipments(doc, number)


SPEC = ConnectorSpec(
    slug="dhl", name="DHL Shipment Tracking - Unified", factory=lambda c: DhlConnector(
        c.values["DHL_API_KEY"], base_url=c.base_url, client=c.client, clock=c.clock),
    default_url=DEFAULT_BASE_URL, carriers=("dhl", "dhl-global-mail", "deutsch-post"),
    settings=("DHL_API_KEY",),
    basis="documentation", signup="free API key at developer.dhl.com",
)
