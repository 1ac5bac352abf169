"""UPS Track API v1 (onlinetools.ups.com): OAuth 2 client credentials (HTTP Basic), one number per request.

Event codes are "TYPE:CODE|TYPE", most specific first (e.g. "D:KB|D"): UPS's activity status type (D
delivered, I in transit, X exception, P pickup, M manifest, O out for delivery, RS returned, ...) with
its two-letter status code; `status.classify` tries the `|`-joined parts in order.
Times: local `date`+`time` with `gmtOffset`; when the offset is missing it is derived from `gmtDate` and
`gmtTime`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    Code,
    Coordinate,
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
    short,
    status_failure,
)
from parceltrail.adapters.carriers.oauth import OAuthClientCredentials, send_authorized
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://onlinetools.ups.com"
NAME = "UPS"
NOT_FOUND_CODES = frozenset({"TW0001"})  # "tracking information not found"
AUTH_CODES = frozenset({"250002", "250003", "250004", "10401", "10400"})  # bad token / client / license


def _errors(doc: Any) -> list[tuple[str, str]]:
    """[(code, message)] from `{"response": {"errors": [...]}}` (also accepted without `response`)."""
    if not isinstance(doc, dict):
        return []
    holder = doc.get("response") if isinstance(doc.get("response"), dict) else doc
    items = holder.get("errors") if isinstance(holder, dict) else None
    if not isinstance(items, list):
        return []
    return [(str(i.get("code") or ""), str(i.get("message") or "")) for i in items if isinstance(i, dict)]


def _local_time(date: str, clock: str, where: str) -> datetime:
    try:
        return datetime.strptime(date + clock.replace(":", "").ljust(6, "0"), "%Y%m%d%H%M%S")
    except ValueError:
        raise MalformedResponseError(f"{where}: bad date/time {date!r} {clock!r}") from None


# --- the body, as the connector reads it -------------------------------------------------------------

class Address(Wire):
    city: Text = None
    stateProvince: Text = None
    postalCode: Text = None
    countryCode: Text = None
    country: Text = None


class Coordinates(Wire):
    latitude: Coordinate = None
    longitude: Coordinate = None


class Location(Wire):
    address: Address | None = None
    coordinates: Coordinates | None = None


class Status(Wire):
    type: Text = None
    code: Text = None
    description: Text = None


class Activity(Wire):
    """One scan of a package's `activity`."""

    status: Status
    date: str
    time: str | None = None
    gmtOffset: Text = None
    gmtDate: Text = None
    gmtTime: Text = None
    location: Location | None = None

    @model_validator(mode="after")
    def _readable(self) -> Activity:
        if not self.status.description and not self.status.type:
            raise ValueError("activity has neither description nor status type")
        self.occurred_at()  # a scan without a readable time is refused here, where its path is known
        return self

    def occurred_at(self) -> datetime:
        local = _local_time(self.date, self.time or "000000", "date")
        if self.gmtOffset:
            return local.replace(tzinfo=parse_offset(self.gmtOffset, "gmtOffset"))
        if self.gmtDate and self.gmtTime:
            delta = local - _local_time(self.gmtDate, self.gmtTime, "gmtDate")
            minutes = round(delta.total_seconds() / 900) * 15  # offsets are whole quarter hours
            return local.replace(tzinfo=timezone(timedelta(minutes=minutes)))
        return local.replace(tzinfo=UTC)  # UPS gave no zone at all: keep the wall time, flagged by UTC


class Notice(Wire):
    code: Code | None = None
    message: Text = None


class Package(Wire):
    trackingNumber: Text = None
    activity: list[Activity] | None = None


class Shipment(Wire):
    warnings: list[Notice] | None = None
    package: list[Package] | None = None


class TrackResponse(Wire):
    shipment: list[Shipment]


class Body(Wire):
    trackResponse: TrackResponse


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(activity: Activity) -> RawEvent:
    status = activity.status
    kind, code = status.type, status.code
    codes = [f"{kind}:{code}" if kind and code else None, kind or code]
    location = activity.location or Location()
    address = location.address or Address()
    coordinates = location.coordinates or Coordinates()
    country = address.countryCode or address.country
    return RawEvent(
        occurred_at=activity.occurred_at(),
        text=status.description or "",
        code="|".join(c for c in codes if c) or None,
        location=join_location(address.city, address.stateProvince, address.postalCode, country),
        country=alpha2(country),
        city=address.city,
        latitude=coordinates.latitude,
        longitude=coordinates.longitude,
        lang="en",
    )


def parse_details(doc: Any, number: str) -> FetchOutcome:
    """One /api/track/v1/details body -> outcome; MalformedResponseError if not the schema."""
    body = parse_as(Body, doc)
    if not body.trackResponse.shipment:
        raise MalformedResponseError("trackResponse.shipment: no shipment")
    shipment = body.trackResponse.shipment[0]
    packages = shipment.package or []
    if not packages:
        warnings = [(w.code or "", w.message or "") for w in shipment.warnings or []]
        if warnings:  # e.g. TW0001 "tracking information not found"
            message = "; ".join(f"{c} {m}".strip() for c, m in warnings)
            return Failure(FailureKind.NOT_FOUND, f"UPS does not know {number}: {short(message)}")
        return Failure(FailureKind.NOT_FOUND, f"UPS has no package for {number}")
    package = next((p for p in packages if p.trackingNumber == number), packages[0])
    events = [event_of(a) for a in package.activity or []]
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"UPS has no scans for {number} yet")
    return TrackResult(number=number, events=tuple(sorted(events, key=lambda e: e.occurred_at)),
                       carrier_name=NAME, payload=doc)


class UpsConnector(PerNumberConnector):
    slug = "ups"
    name = NAME
    max_batch = 10  # one HTTP request per number

    def __init__(self, client_id: str, client_secret: str, *, base_url: str = DEFAULT_BASE_URL,
                 client: httpx.Client | None = None, clock: Clock | None = None,
                 limiter: RequestPacer | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=0.2,
                         timeout=timeout)
        self.oauth = OAuthClientCredentials(f"{self.base_url}/security/v1/oauth/token", client_id,
                                            client_secret, carrier=NAME, client=self._client, clock=clock,
                                            auth="basic")

    def _send(self, number: str) -> httpx.Response | Failure:
        url = f"{self.base_url}/api/track/v1/details/{quote(number, safe='')}"

        def build(token: str) -> httpx.Request:
            return self._client.build_request(
                "GET", url, params={"locale": "en_US", "returnSignature": "false"},
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json",
                         "transId": uuid.uuid4().hex, "transactionSrc": "parceltrail"})

        return send_authorized(self.oauth, self._client, build)

    def _parse(self, doc: Any, number: str) -> FetchOutcome:
        return parse_details(doc, number)

    def _error(self, resp: httpx.Response, number: str) -> Failure:
        errors = _errors(maybe_json(resp))
        detail = "; ".join(f"{c} {m}".strip() for c, m in errors) or short(resp.text)
        codes = {c for c, _ in errors}
        if codes & NOT_FOUND_CODES:
            return Failure(FailureKind.NOT_FOUND, f"UPS does not know {number}: {short(detail)}")
        if codes & AUTH_CODES:
            return Failure(FailureKind.AUTH, f"UPS refused the credentials (HTTP {resp.status_code}): "
                                             f"{short(detail)}")
        return status_failure(resp, NAME, detail, self.clock)


SPEC = ConnectorSpec(
    slug="ups", name="UPS Track API", factory=lambda c: UpsConnector(
        c.values["UPS_CLIENT_ID"], c.values["UPS_CLIENT_SECRET"], base_url=c.base_url, client=c.client,
        clock=c.clock),
    default_url=DEFAULT_BASE_URL, carriers=("ups",), settings=("UPS_CLIENT_ID", "UPS_CLIENT_SECRET"),
    basis="documentation", signup="free developer account at developer.ups.com",
)
