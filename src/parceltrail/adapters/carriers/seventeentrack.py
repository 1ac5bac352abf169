"""17TRACK API v2.2: the aggregator for carriers without an open API (China Post, Cainiao, Yanwen, 4PX,
YunExpress, Correios, ...), by pull (`register` + `gettrackinfo`, 40 numbers a request, header `17token`)
and by push (webhook, `sign` header).

Event codes are 17TRACK's v2 *sub statuses* (e.g. "InTransit_Arrival", "Delivered_Other"), not the
carrier's own codes: one vocabulary for every aggregated carrier (see `status.from_17track`). The text is
the carrier's own words as 17TRACK relays them.

A number must be registered before 17TRACK tracks it: `gettrackinfo` answers "not registered" for a new
one; the connector then registers it and reports NOT_FOUND until the first data arrives.
The last-mile number 17TRACK reports (`misc_info.local_number`, `local_key`) becomes the `NextLeg`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    DEFAULT_TIMEOUT,
    RETRY,
    Coordinate,
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
    loads,
    maybe_json,
    need,
    parse_as,
    parse_time,
    send,
    short,
    status_failure,
)
from parceltrail.adapters.carriers.spec import ConnectorSpec
from parceltrail.clock import Clock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, NextLeg, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://api.17track.net/track/v2.2"
NAME = "17TRACK"
SLUG = "17track"
MAX_NUMBERS = 40  # per register/gettrackinfo request
SIGN_HEADER = "sign"

# Carriers served through 17TRACK: our slug -> 17TRACK carrier key (None: let 17TRACK detect it).
AGGREGATED: dict[str, int | None] = {
    "china-post": 3011,
    "china-ems": 3013,
    "cainiao": 190271,
    "yanwen": 190012,
    "yunexpress": 190008,
    "4px": 190094,
    "brazil-correios": 2151,
    "sf-express": None,
    "yto": None,
    "zto-express": None,
    "jtexpress": None,
}

# 17TRACK carrier key -> our slug, for the last-mile carrier of a handover.
KEY_TO_SLUG: dict[int, str] = {
    **{key: slug for slug, key in AGGREGATED.items() if key is not None},
    21051: "usps", 100002: "ups", 100003: "fedex", 100001: "dhl", 7041: "deutsch-post",
    11031: "royal-mail", 3041: "canada-post", 1151: "australia-post", 6051: "la-poste-colissimo",
}

_AUTH_CODES = {-18010001: "IP address not whitelisted", -18010002: "invalid access key",
               -18010004: "account disabled", -18010005: "unauthorized access"}
_NOT_FOUND_CODES = {-18019909: "no tracking information yet", -18019902: "not registered yet"}
_PERMANENT_CODES = {-18010012: "number format invalid", -18010011: "value invalid",
                    -18019903: "carrier cannot be detected", -18019910: "carrier code incorrect"}
_QUOTA_CODES = {-18019907: "daily request limit reached", -18019908: "tracking quota used up"}
NOT_REGISTERED = -18019902
QUOTA_RETRY_SECONDS = 3600.0


def code_failure(code: int, message: str, number: str | None = None) -> Failure:
    """17TRACK error code -> failure the scheduler understands."""
    subject = f" for {number}" if number else ""
    text = f"17TRACK error {code}{subject}: {short(message)}" if message else f"17TRACK error {code}{subject}"
    if code in _AUTH_CODES:
        return Failure(FailureKind.AUTH, f"{text} ({_AUTH_CODES[code]})")
    if code in _NOT_FOUND_CODES:
        return Failure(FailureKind.NOT_FOUND, f"{text} ({_NOT_FOUND_CODES[code]})")
    if code in _PERMANENT_CODES:
        return Failure(FailureKind.PERMANENT, f"{text} ({_PERMANENT_CODES[code]})")
    if code in _QUOTA_CODES:
        return Failure(RETRY, f"{text} ({_QUOTA_CODES[code]})", QUOTA_RETRY_SECONDS)
    return Failure(RETRY, text)  # -18010003 internal error and anything undocumented


# --- the bodies, as the connector reads them -----------------------------------------------------------

class Coordinates(Wire):
    latitude: Coordinate = None
    longitude: Coordinate = None


class Address(Wire):
    country: Text = None
    city: Text = None
    coordinates: Coordinates | None = None


class TimeRaw(Wire):
    date: Text = None
    time: Text = None
    timezone: Text = None


class Event(Wire):
    """One scan of a provider's `events`."""

    description: str
    time_iso: Text = None
    time_utc: Text = None
    time_raw: TimeRaw | None = None
    sub_status: Text = None
    location: Text = None
    address: Address | None = None

    @model_validator(mode="after")
    def _has_a_time(self) -> Event:
        self.occurred_at()  # a scan without a readable time is refused here, where its path is known
        return self

    def occurred_at(self) -> datetime:
        if self.time_iso:
            return parse_time(self.time_iso, "time_iso")
        if self.time_utc:
            return parse_time(self.time_utc, "time_utc", "Z")
        raw = self.time_raw or TimeRaw()
        if raw.date:
            return parse_time(f"{raw.date}T{raw.time or '00:00:00'}", "time_raw", raw.timezone or "Z")
        raise MalformedResponseError("event has no time")


class ProviderInfo(Wire):
    name: Text = None


class Provider(Wire):
    provider: ProviderInfo | None = None
    events: list[Event] | None = None


class Tracking(Wire):
    providers: list[Provider] | None = None


class LatestStatus(Wire):
    status: Text = None


class MiscInfo(Wire):
    local_number: Text = None
    local_key: int | None = None


class ShippingInfo(Wire):
    shipper_address: Address | None = None
    recipient_address: Address | None = None


class TrackInfo(Wire):
    tracking: Tracking | None = None
    latest_status: LatestStatus | None = None
    misc_info: MiscInfo | None = None
    shipping_info: ShippingInfo | None = None


class Item(Wire):
    """One accepted number of gettrackinfo, or the `data` of a push."""

    number: str
    track_info: TrackInfo | None = None


class ItemError(Wire):
    code: int
    message: str | None = None


class Rejected(Wire):
    number: str
    error: ItemError


class Registered(Wire):
    number: str


class TrackData(Wire):
    """The `data` of a gettrackinfo answer."""

    accepted: list[Item] | None = None
    rejected: list[Rejected] | None = None


class RegisterData(Wire):
    """The `data` of a register answer."""

    accepted: list[Registered] | None = None
    rejected: list[Rejected] | None = None


class PushData(Item):
    carrier: int | None = None


class Push(Wire):
    event: str
    data: PushData


# --- the bodies, as parceltrail's outcomes -------------------------------------------------------------

def event_of(event: Event) -> RawEvent:
    address = event.address or Address()
    coordinates = address.coordinates or Coordinates()
    return RawEvent(
        occurred_at=event.occurred_at(),
        text=event.description,
        code=event.sub_status,
        location=event.location,
        country=alpha2(address.country),
        city=address.city,
        latitude=coordinates.latitude,
        longitude=coordinates.longitude,
    )


def _next_leg(info: TrackInfo, number: str) -> NextLeg | None:
    misc = info.misc_info or MiscInfo()
    local = misc.local_number
    if not local or local.replace(" ", "").upper() == number.upper():
        return None
    slug = KEY_TO_SLUG.get(misc.local_key) if misc.local_key else None
    if slug is None:
        slug = _detect_carrier(local)
    return NextLeg(number=local, carrier=slug) if slug else None


def _detect_carrier(number: str) -> str | None:
    """The last-mile carrier 17TRACK did not name in a way we know: trust number detection."""
    try:
        from parceltrail.numbers import detect
    except ImportError:  # pragma: no cover - numbers is part of the package
        return None
    candidates = [c for c in detect(number) if c.checksum != "failed"]
    return candidates[0].carrier if candidates else None


def _country(address: Address | None) -> str | None:
    return alpha2(address.country) if address else None


def outcome_of(item: Item, raw: Any) -> tuple[str, FetchOutcome]:
    """One accepted item (`number`, `carrier`, `track_info`) of gettrackinfo or of a push (`raw`, the same
    item as sent, is kept as the payload)."""
    number = item.number
    info = item.track_info
    if info is None:
        return number, Failure(FailureKind.NOT_FOUND, f"17TRACK has no data for {number} yet")
    events: dict[tuple[datetime, str], RawEvent] = {}
    carrier_name = None
    for provider in (info.tracking.providers if info.tracking else None) or []:
        carrier_name = carrier_name or (provider.provider.name if provider.provider else None)
        for scan in provider.events or []:
            event = event_of(scan)
            events.setdefault((event.occurred_at, event.text), event)  # providers may repeat a scan
    if not events:
        status = (info.latest_status.status if info.latest_status else None) or "NotFound"
        return number, Failure(FailureKind.NOT_FOUND, f"17TRACK has no events for {number} yet ({status})")
    shipping = info.shipping_info or ShippingInfo()
    return number, TrackResult(
        number=number,
        events=tuple(sorted(events.values(), key=lambda e: e.occurred_at)),
        carrier_name=carrier_name,
        origin_country=_country(shipping.shipper_address),
        destination_country=_country(shipping.recipient_address),
        next_leg=_next_leg(info, number),
        payload=raw,
    )


def parse_track_info(raw: Any) -> tuple[str, FetchOutcome]:
    """One accepted item as decoded JSON."""
    return outcome_of(parse_as(Item, raw, "item"), raw)


def _top_level_error(doc: Any) -> Failure | None:
    """The body's own error (`code` != 0 with `data.errors`), e.g. an invalid key on HTTP 200."""
    code = need(doc, "code", int, "body")
    if code == 0:
        return None
    data = doc.get("data") if isinstance(doc.get("data"), dict) else {}
    errors = data.get("errors") if isinstance(data.get("errors"), list) else []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    detail_code = first.get("code") if isinstance(first.get("code"), int) else code
    return code_failure(detail_code, str(first.get("message") or ""))


# --- push ------------------------------------------------------------------------------------------

class InvalidSignatureError(ValueError):
    """The push's `sign` header is missing or does not match the body."""


@dataclass(frozen=True, slots=True)
class PushUpdate:
    event: str  # TRACKING_UPDATED or TRACKING_STOPPED
    number: str
    carrier_key: int | None
    outcome: FetchOutcome | None  # None for TRACKING_STOPPED


def push_sign(body: bytes, key: str) -> str:
    """17TRACK's push signature: hex SHA-256 of the raw body, "/", and the security key."""
    return hashlib.sha256(body + b"/" + key.encode("utf-8")).hexdigest()


def verify_push(body: bytes, sign: str | None, key: str) -> bool:
    if not sign or not key:
        return False
    return hmac.compare_digest(push_sign(body, key), sign.strip().lower())


def parse_push(body: bytes, sign: str | None, key: str) -> PushUpdate:
    """Check the signature, then parse; raises InvalidSignatureError or MalformedResponseError."""
    if not verify_push(body, sign, key):
        raise InvalidSignatureError("missing sign header" if not sign else "sign does not match the body")
    doc = loads(body)
    push = parse_as(Push, doc)
    if push.event != "TRACKING_UPDATED":
        return PushUpdate(push.event, push.data.number, push.data.carrier, None)
    number, outcome = outcome_of(push.data, doc["data"])
    return PushUpdate(push.event, number, push.data.carrier, outcome)


# --- connector -------------------------------------------------------------------------------------

class SeventeenTrackConnector(HttpConnector):
    """The 17TRACK account; `for_carrier(slug)` gives the connector registered for each served carrier."""

    slug = SLUG
    name = NAME
    max_batch = MAX_NUMBERS

    def __init__(self, api_key: str, *, base_url: str = DEFAULT_BASE_URL, client: httpx.Client | None = None,
                 clock: Clock | None = None, limiter: RequestPacer | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        # 17TRACK allows 3 requests a second.
        super().__init__(base_url, client=client, clock=clock, limiter=limiter, min_interval=1 / 3,
                         timeout=timeout)
        self.api_key = api_key
        self.requests = 0

    def for_carrier(self, carrier: str) -> SeventeenTrackCarrier:
        return SeventeenTrackCarrier(self, carrier, AGGREGATED.get(carrier))

    def fetch(self, numbers: Sequence[str], carrier_key: int | None = None) -> Mapping[str, FetchOutcome]:
        return fetch_batches(numbers, MAX_NUMBERS, lambda chunk: self._fetch_batch(chunk, carrier_key))

    def _items(self, numbers: list[str], carrier_key: int | None) -> list[dict[str, Any]]:
        return [{"number": n, **({"carrier": carrier_key} if carrier_key else {})} for n in numbers]

    def _post(self, path: str, payload: list[dict[str, Any]]) -> Any | Failure:
        """POST and return the body's `data`; every problem becomes a Failure for the whole batch."""
        limited = self.limiter.rate_limited(NAME)
        if limited:
            return limited
        self.requests += 1
        request = self._client.build_request("POST", f"{self.base_url}/{path}", json=payload,
                                             headers={"17token": self.api_key, "Accept": "application/json"})
        resp = send(self._client, request, NAME)
        if isinstance(resp, Failure):
            return resp
        if resp.status_code != 200:
            doc = maybe_json(resp)
            try:
                failure = _top_level_error(doc) if isinstance(doc, dict) else None
            except MalformedResponseError:
                failure = None
            if failure is not None and resp.status_code not in (429, 500, 502, 503, 504):
                return failure
            if resp.status_code == 404:  # the endpoint, not the numbers
                return Failure(RETRY, f"17TRACK endpoint {path} not found (HTTP 404)")
            return status_failure(resp, NAME, short(resp.text), self.clock)
        try:
            doc = body_json(resp)
            failure = _top_level_error(doc)
            if failure is not None:
                return failure
            return need(doc, "data", dict, "body")
        except MalformedResponseError as exc:
            return Failure(RETRY, f"17TRACK malformed response: {exc}")

    def _fetch_batch(self, numbers: list[str], carrier_key: int | None) -> Outcomes:
        data = self._post("gettrackinfo", self._items(numbers, carrier_key))
        if isinstance(data, Failure):
            return all_fail(numbers, data)
        try:
            answer = parse_as(TrackData, data, "data")
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"17TRACK malformed response: {exc}"))
        outcomes: Outcomes = dict(outcome_of(item, raw) for item, raw in
                                  zip(answer.accepted or [], data.get("accepted") or [], strict=True))
        unregistered = []
        for item in answer.rejected or []:
            if item.error.code == NOT_REGISTERED:
                unregistered.append(item.number)
            else:
                outcomes[item.number] = code_failure(item.error.code, item.error.message or "", item.number)
        if unregistered:
            outcomes.update(self.register(unregistered, carrier_key))
        missing = [n for n in numbers if n not in outcomes]
        if missing:
            reason = f"17TRACK malformed response: no answer for {missing[0]}"
            return all_fail(numbers, Failure(RETRY, reason))
        return {n: outcomes[n] for n in numbers}

    def register(self, numbers: list[str], carrier_key: int | None = None) -> Outcomes:
        """Register numbers for tracking; a registered number reports NOT_FOUND until 17TRACK has data."""
        data = self._post("register", self._items(numbers, carrier_key))
        if isinstance(data, Failure):
            return all_fail(numbers, data)
        try:
            answer = parse_as(RegisterData, data, "data")
        except MalformedResponseError as exc:
            return all_fail(numbers, Failure(RETRY, f"17TRACK malformed register response: {exc}"))
        outcomes: Outcomes = {}
        for registered in answer.accepted or []:
            number = registered.number
            outcomes[number] = Failure(FailureKind.NOT_FOUND,
                                       f"registered {number} with 17TRACK; waiting for its first data")
        for item in answer.rejected or []:
            number = item.number
            if item.error.code == -18019901:  # already registered: data simply is not there yet
                outcomes[number] = Failure(FailureKind.NOT_FOUND, f"17TRACK has no data for {number} yet")
            else:
                outcomes[number] = code_failure(item.error.code, item.error.message or "", number)
        for number in numbers:
            outcomes.setdefault(number, Failure(RETRY, f"17TRACK did not answer registering {number}"))
        return outcomes


class SeventeenTrackCarrier:
    """The 17TRACK connector as registered for one carrier slug (passes 17TRACK's carrier key along)."""

    slug = SLUG
    max_batch = MAX_NUMBERS

    def __init__(self, account: SeventeenTrackConnector, carrier: str, carrier_key: int | None) -> None:
        self.account = account
        self.carrier = carrier
        self.carrier_key = carrier_key

    def fetch(self, numbers: Sequence[str]) -> Mapping[str, FetchOutcome]:
        return self.account.fetch(numbers, self.carrier_key)


def _per_carrier(account: Any, carrier: str) -> SeventeenTrackCarrier:
    return account.for_carrier(carrier)


SPEC = ConnectorSpec(
    slug=SLUG, name="17TRACK API v2.2", factory=lambda c: SeventeenTrackConnector(
        c.values["17TRACK_KEY"], base_url=c.base_url, client=c.client, clock=c.clock),
    default_url=DEFAULT_BASE_URL, carriers=tuple(AGGREGATED), settings=("17TRACK_KEY",), universal=True,
    corrects=True, basis="documentation", per_carrier=_per_carrier,
    signup="API key from 17TRACK's API console (a free quota)",
)
