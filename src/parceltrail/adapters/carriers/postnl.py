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
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
from pydantic import AfterValidator, BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    MalformedResponseError,
    PerNumberConnector,
    RequestPacer,
    Wire,
    maybe_json,
    parse_as,
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
T = TypeVar("T")


def _given(value: Any) -> Any:
    """PostNL sends `{}` (or [] or null) for "not given", and some codes as numbers."""
    if isinstance(value, dict | list) and not value:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _stripped(value: str | None) -> str | None:
    return (value.strip() or None) if value else None


# A PostNL text field: a string (or a number), or `{}`/null/"" for "not given".
PText = Annotated[str | None, BeforeValidator(_given), AfterValidator(_stripped)]


def _timestamp(value: Any) -> datetime | None:
    value = _given(value)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    for pattern in _FORMATS:
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=HOME_ZONE)
        except ValueError:
            continue
    raise PydanticCustomError("time", "bad TimeStamp {value}", {"value": repr(value)})


def parse_timestamp(value: str | None, where: str) -> datetime:
    """A PostNL wall time (Amsterdam, "dd-MM-yyyy HH:mm:ss[.ff]") as an aware datetime."""
    try:
        when = _timestamp(value)
    except PydanticCustomError as error:
        raise MalformedResponseError(f"{where}: {error.message()}") from None
    if when is None:
        raise MalformedResponseError(f"{where}: event has no TimeStamp")
    return when


def _listed(value: Any) -> Any:
    """PostNL turns one-element XML lists into a single object."""
    if value is None or value == {}:
        return []
    return value if isinstance(value, list) else [value]


Listed = Annotated[list[T], BeforeValidator(_listed)]


# --- the body, as the connector reads it -------------------------------------------------------------

class Scan(Wire):
    """One of a shipment's `Event`s."""

    TimeStamp: Annotated[datetime | None, BeforeValidator(_timestamp)] = None
    Description: PText = None
    Code: PText = None
    RouteName: PText = None

    @model_validator(mode="after")
    def _complete(self) -> Scan:
        if not self.Description:
            raise ValueError("Event has no Description")
        if self.TimeStamp is None:
            raise ValueError("event has no TimeStamp")
        return self


class Party(Wire):
    """One of a shipment's `Address`es."""

    AddressType: PText = None
    CountryCode: PText = None


class Parcel(Wire):
    """One of a status's `Shipment`s."""

    Barcode: PText = None
    MainBarcode: PText = None
    ProductDescription: PText = None
    Event: Listed[Scan] = []
    Address: Listed[Party] = []


class Status(Wire):
    Shipment: Listed[Parcel] = []


class Notice(Wire):
    Message: PText = None


class Body(Wire):
    CompleteStatus: Status | None = None
    CurrentStatus: Status | None = None
    Warnings: Listed[Notice] = []


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(event: Scan) -> RawEvent:
    assert event.TimeStamp is not None and event.Description  # the model refuses an event without them
    return RawEvent(occurred_at=event.TimeStamp, text=event.Description, code=event.Code,
                    location=event.RouteName, lang="nl")


def parse_body(doc: Any, number: str) -> FetchOutcome:
    body = parse_as(Body, doc)
    key = "CompleteStatus" if "CompleteStatus" in doc else "CurrentStatus"
    status = body.CompleteStatus if key == "CompleteStatus" else body.CurrentStatus
    shipments = status.Shipment if status else []
    if not shipments:
        why = "; ".join(w.Message for w in body.Warnings if w.Message) or "no shipment"
        return Failure(FailureKind.NOT_FOUND, f"PostNL does not know {number} ({why})")
    wanted = number.upper()
    index = next((i for i, s in enumerate(shipments)
                  if wanted in {(s.Barcode or "").upper(), (s.MainBarcode or "").upper()}), 0)
    shipment = shipments[index]
    events = sorted((event_of(e) for e in shipment.Event), key=lambda e: e.occurred_at)
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"PostNL has no scans for {number} yet")
    receiver = next((a for a in shipment.Address if a.AddressType == "01"), None)
    product = shipment.ProductDescription
    return TrackResult(number=number, events=tuple(events),
                       carrier_name=f"{NAME} ({product})" if product else NAME,
                       destination_country=receiver.CountryCode if receiver else None,
                       payload=_listed(doc[key]["Shipment"])[index])


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
