"""PostNL Shippingstatus API v2 (api.postnl.nl/shipment/v2/status/barcode/{barcode}?detail=true): official,
free developer key in the `apikey` header, one number a request. Built against PostNL sandbox recordings.

- An unknown barcode is HTTP 200 with `Warnings` ("No shipment found") and an empty status: not found.
- Empty XML-derived values come as `{}` instead of null or "": every text field accepts both.
- `TimeStamp` is "dd-MM-yyyy HH:mm:ss" (sometimes with fractions) in Dutch wall time without an offset:
  read as Europe/Amsterdam, so winter scans get +01:00 and summer scans +02:00.
- `Event.Code` is not unique on its own (the sandbox reuses 01B for "received" and "delivered"): the
  Dutch description is the event's meaning and the code is kept alongside it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    MalformedResponseError,
    PerNumberConnector,
    RequestPacer,
    maybe_json,
    send,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://api.postnl.nl"
NAME = "PostNL"
SLUG = "postnl"
HOME_ZONE = ZoneInfo("Europe/Amsterdam")
_FORMATS = ("%d-%m-%Y %H:%M:%S.%f", "%d-%m-%Y %H:%M:%S")


def text(obj: Any, key: str) -> str | None:
    """A PostNL text field: a string, or `{}`/null/"" for "not given"."""
    value = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(value, str | int) and not isinstance(value, bool):
        value = str(value).strip()
        return value or None
    if value in (None, {}, []):
        return None
    raise MalformedResponseError(f"{key!r} has the wrong type ({type(value).__name__})")


def parse_timestamp(value: str | None, where: str) -> datetime:
    if not value:
        raise MalformedResponseError(f"{where}: event has no TimeStamp")
    for pattern in _FORMATS:
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=HOME_ZONE)
        except ValueError:
            continue
    raise MalformedResponseError(f"{where}: bad TimeStamp {value!r}")


def _listed(value: Any) -> list[Any]:
    """PostNL turns one-element XML lists into a single object."""
    if value in (None, {}):
        return []
    return value if isinstance(value, list) else [value]


def parse_event(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: Event is not an object")
    description = text(raw, "Description")
    if not description:
        raise MalformedResponseError(f"{where}: Event has no Description")
    route = text(raw, "RouteName")
    return RawEvent(occurred_at=parse_timestamp(text(raw, "TimeStamp"), where), text=description,
                    code=text(raw, "Code"), location=route, lang="nl")


def parse_body(doc: Any, number: str) -> FetchOutcome:
    where = f"PostNL {number}"
    if not isinstance(doc, dict):
        raise MalformedResponseError("body is not an object")
    status = doc.get("CompleteStatus", doc.get("CurrentStatus"))
    shipments = _listed(status.get("Shipment")) if isinstance(status, dict) else []
    if not shipments:
        warnings = [text(w, "Message") for w in _listed(doc.get("Warnings"))]
        why = "; ".join(w for w in warnings if w) or "no shipment"
        return Failure(FailureKind.NOT_FOUND, f"PostNL does not know {number} ({why})")
    wanted = number.upper()
    shipment = next((s for s in shipments if isinstance(s, dict) and wanted in
                     {(text(s, "Barcode") or "").upper(), (text(s, "MainBarcode") or "").upper()}),
                    shipments[0])
    if not isinstance(shipment, dict):
        raise MalformedResponseError(f"{where}: Shipment is not an object")
    raw_events = _listed(shipment.get("Event"))
    events = sorted((parse_event(e, f"{where} event {i}") for i, e in enumerate(raw_events)),
                    key=lambda e: e.occurred_at)
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"PostNL has no scans for {number} yet")
    receiver = next((a for a in _listed(shipment.get("Address")) if text(a, "AddressType") == "01"), None)
    product = text(shipment, "ProductDescription")
    return TrackResult(number=number, events=tuple(events),
                       carrier_name=f"{NAME} ({product})" if product else NAME,
                       destination_country=text(receiver, "CountryCode") if receiver else None,
                       payload=shipment)


class PostNlConnector(PerNumberConnector):
    slug = SLUG
    name = NAME
    max_batch = 10

    def __init__(self, api_key: str, *, base_url: str = DEFAULT_BASE_URL, client: httpx.Client | None = None,
                 clock: Clock | None = None, limiter: RequestPacer | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.5,
                         timeout=timeout)
        self.api_key = api_key

    def _send(self, number: str) -> httpx.Response | Failure:
        request = self._client.build_request(
            "GET", f"{self.base_url}/shipment/v2/status/barcode/{number}", params={"detail": "true"},
            headers={"apikey": self.api_key, "Accept": "application/json"})
        return send(self._client, request, NAME)

    def _error(self, resp: httpx.Response, number: str) -> Failure:
        doc = maybe_json(resp)
        detail = ""
        if isinstance(doc, dict):
            fault = doc.get("fault") or doc.get("Errors") or doc.get("Error")
            detail = short(str(fault)) if fault else ""
        return status_failure(resp, NAME, detail or short(resp.text), self.clock)

    def _parse(self, doc: Any, number: str) -> FetchOutcome:
        return parse_body(doc, number)


def _factory(config: ConnectorConfig) -> PostNlConnector:
    return PostNlConnector(config.values["POSTNL_API_KEY"], base_url=config.base_url, client=config.client,
                           clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="PostNL Shippingstatus API", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("postnl", "postnl-3s"), formats=("s10", "postnl-3s"), settings=("POSTNL_API_KEY",),
    basis="carrier sandbox", signup="free API key from developer.postnl.nl",
)
