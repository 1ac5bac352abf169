"""DHL Shipment Tracking - Unified (api-eu.dhl.com/track/shipments): API key header, one number a request.

Event codes are DHL's unified `statusCode` (pre-transit, transit, delivered, failure, unknown); the
division's own wording is in the text. Errors come as RFC 7807 problem documents (title/status/detail).
Times: kept with the offset DHL gives; some divisions send local wall time without an offset, which is
then stored as UTC (DHL does not say the zone).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    Code,
    Coordinate,
    PerNumberConnector,
    RequestPacer,
    Text,
    Wire,
    join_location,
    maybe_json,
    parse_as,
    send,
    short,
    status_failure,
    time_field,
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


# --- the body, as the connector reads it -------------------------------------------------------------

class Address(Wire):
    addressLocality: Text = None
    countryCode: Text = None
    postalCode: Text = None


class Geo(Wire):
    latitude: Coordinate = None
    longitude: Coordinate = None


class Place(Wire):
    """A `location`, `origin` or `destination`."""

    address: Address | None = None
    geo: Geo | None = None

    @property
    def country(self) -> str | None:
        code = self.address.countryCode if self.address else None
        return code.upper() if code else None


class Event(Wire):
    timestamp: Annotated[datetime, time_field("Z")]
    description: Text = None
    status: Text = None
    statusCode: Text = None
    location: Place | None = None

    @model_validator(mode="after")
    def _has_text(self) -> Event:
        if not (self.description or self.status):
            raise ValueError("event has no description")
        return self


class Shipment(Wire):
    id: Code | None = None
    service: Text = None
    origin: Place | None = None
    destination: Place | None = None
    events: list[Event] | None = None


class Body(Wire):
    shipments: list[Shipment]


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(event: Event) -> RawEvent:
    text = event.description or event.status
    assert text is not None  # the model refuses an event without text
    place = event.location or Place()
    address = place.address or Address()
    country = place.country
    geo = place.geo or Geo()
    return RawEvent(
        occurred_at=event.timestamp,
        text=text,
        code=event.statusCode,
        location=join_location(address.postalCode, address.addressLocality, country),
        country=country if country and len(country) == 2 else None,
        city=address.addressLocality,
        latitude=geo.latitude,
        longitude=geo.longitude,
    )


def parse_shipments(doc: Any, number: str) -> FetchOutcome:
    body = parse_as(Body, doc)
    if not body.shipments:
        return Failure(FailureKind.NOT_FOUND, f"DHL does not know {number}")
    index = next((i for i, s in enumerate(body.shipments) if s.id == number), 0)
    shipment = body.shipments[index]
    events = [event_of(e) for e in shipment.events or []]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"DHL has no events for {number} yet")
    service = shipment.service
    return TrackResult(
        number=number,
        events=tuple(sorted(events, key=lambda e: e.occurred_at)),
        carrier_name=f"{NAME} ({service})" if service else NAME,
        origin_country=shipment.origin.country if shipment.origin else None,
        destination_country=shipment.destination.country if shipment.destination else None,
        payload=doc["shipments"][index],
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
