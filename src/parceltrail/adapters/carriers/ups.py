"""UPS Track API v1 (onlinetools.ups.com): OAuth 2 client credentials (HTTP Basic), one number per request.

Event codes are "TYPE:CODE|TYPE", most specific first (e.g. "D:KB|D"): UPS's activity status type (D
delivered, I in transit, X exception, P pickup, M manifest, O out for delivery, RS returned, ...) with
its two-letter status code; `status.classify` tries the `|`-joined parts in order.
Times: local `date`+`time` with `gmtOffset`; when the offset is missing it is derived from `gmtDate` and
`gmtTime`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
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
    opt_float,
    opt_text,
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


def _event_time(raw: Mapping[str, Any], where: str) -> datetime:
    local = _local_time(need(raw, "date", str, where), opt(raw, "time", str, where) or "000000", where)
    offset = opt_text(raw, "gmtOffset", where)
    if offset:
        return local.replace(tzinfo=parse_offset(offset, where))
    gmt_date, gmt_time = opt_text(raw, "gmtDate", where), opt_text(raw, "gmtTime", where)
    if gmt_date and gmt_time:
        delta = local - _local_time(gmt_date, gmt_time, where)
        minutes = round(delta.total_seconds() / 900) * 15  # offsets are whole quarter hours
        return local.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    return local.replace(tzinfo=UTC)  # UPS gave no zone at all: keep the wall time, flagged by UTC


def _parse_activity(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: activity is not an object")
    status = need(raw, "status", dict, where)
    text = opt_text(status, "description", where) or ""
    kind, code = opt_text(status, "type", where), opt_text(status, "code", where)
    codes = [f"{kind}:{code}" if kind and code else None, kind or code]
    address: Mapping[str, Any] = {}
    location = opt(raw, "location", dict, where)
    if location:
        address = opt(location, "address", dict, where) or {}
    city = opt_text(address, "city", where)
    country = opt_text(address, "countryCode", where) or opt_text(address, "country", where)
    coordinates = opt(location or {}, "coordinates", dict, where) or {}
    if not text and not kind:
        raise MalformedResponseError(f"{where}: activity has neither description nor status type")
    return RawEvent(
        occurred_at=_event_time(raw, where),
        text=text,
        code="|".join(c for c in codes if c) or None,
        location=join_location(city, opt_text(address, "stateProvince", where),
                               opt_text(address, "postalCode", where), country),
        country=alpha2(country),
        city=city,
        latitude=opt_float(coordinates.get("latitude")),
        longitude=opt_float(coordinates.get("longitude")),
        lang="en",
    )


def parse_details(doc: Any, number: str) -> FetchOutcome:
    """One /api/track/v1/details body -> outcome; MalformedResponseError if not the schema."""
    where = f"UPS {number}"
    track = need(doc, "trackResponse", dict, "body")
    shipments = need(track, "shipment", list, where)
    if not shipments or not isinstance(shipments[0], dict):
        raise MalformedResponseError(f"{where}: no shipment")
    shipment = shipments[0]
    warnings = [(str(w.get("code") or ""), str(w.get("message") or ""))
                for w in opt(shipment, "warnings", list, where) or [] if isinstance(w, dict)]
    packages = opt(shipment, "package", list, where) or []
    if not packages:
        if warnings:  # e.g. TW0001 "tracking information not found"
            message = "; ".join(f"{c} {m}".strip() for c, m in warnings)
            return Failure(FailureKind.NOT_FOUND, f"UPS does not know {number}: {short(message)}")
        return Failure(FailureKind.NOT_FOUND, f"UPS has no package for {number}")
    package = next((p for p in packages if isinstance(p, dict) and p.get("trackingNumber") == number),
                   packages[0])
    if not isinstance(package, dict):
        raise MalformedResponseError(f"{where}: package is not an object")
    activities = opt(package, "activity", list, where) or []
    events = [_parse_activity(a, f"{where} activity {i}") for i, a in enumerate(activities)]
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
