"""YunExpress, services.yuntrack.com/Track/Query: the key-less endpoint behind www.yuntrack.com.

The page signs each query: `Signature` is the hex HMAC-SHA256 of `Timestamp=<ms>&NumberList=<json array>`
keyed with a constant from the page's script. parceltrail does not ship that constant: set
PARCELTRAIL_YUNEXPRESS_SIGNING_KEY to it (the connector is disabled, with that reason, until then).
The site may demand a captcha (`CaptchaVerification`) or show a bot check instead of JSON; both are a
RETRY_LATER failure that says so, with a long wait, and never an empty result.

Shape (recorded traffic, 2025, partial): `ResultList[]` of {Id, Status, TrackInfo{WaybillNumber,
TrackingNumber (last-mile), OriginCountryCode, DestinationCountryCode, TrackEventDetails[{ProcessDate |
CreatedOn, ProcessContent, ProcessLocation, ProcessCity}]}}. Times have no offset; they are read as
China time (UTC+8), YunExpress's home zone; for scans abroad that is a guess the body cannot confirm.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    RETRY,
    Outcomes,
    Text,
    Wire,
    alpha2,
    join_location,
    parse_as,
    time_field,
)
from parceltrail.adapters.carriers.polite import KeylessConnector, Politeness
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.clock import SystemClock
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, NextLeg, RawEvent, TrackResult
from parceltrail.numbers import detect

DEFAULT_BASE_URL = "https://services.yuntrack.com"
NAME = "YunExpress"
SLUG = "yunexpress"
HOME_OFFSET = "+08:00"
CAPTCHA_WAIT = 3600.0
NOT_FOUND_STATUSES = {0}  # "no information" in the page's status list

LocalTime = Annotated[datetime | None, time_field(HOME_OFFSET, optional=True)]


class CaptchaRequired(Exception):
    """The site wants a human: a captcha answer before it answers this query."""


def signature(key: str, timestamp: int, numbers: list[str]) -> str:
    message = f"Timestamp={timestamp}&NumberList={json.dumps(numbers, separators=(',', ':'))}"
    return hmac.new(key.encode(), message.encode(), hashlib.sha256).hexdigest()


def _mentions_captcha(doc: Any) -> bool:
    if isinstance(doc, dict):
        return any("captcha" in str(k).lower() or _mentions_captcha(v) for k, v in doc.items()
                   if k not in ("ResultList",))
    if isinstance(doc, str):
        return "captcha" in doc.lower() or "验证码" in doc
    return False


# --- the body, as the connector reads it -------------------------------------------------------------

class Event(Wire):
    """One scan of `TrackEventDetails`."""

    ProcessDate: LocalTime = None
    CreatedOn: LocalTime = None
    ProcessContent: Text = None
    ProcessCity: Text = None
    ProcessLocation: Text = None

    @model_validator(mode="after")
    def _complete(self) -> Event:
        if not (self.ProcessDate or self.CreatedOn):
            raise ValueError("event has no time")
        if not self.ProcessContent:
            raise ValueError("event has no ProcessContent")
        return self


class Info(Wire):
    """A result's `TrackInfo`."""

    WaybillNumber: Text = None
    TrackingNumber: Text = None
    OriginCountryCode: Text = None
    DestinationCountryCode: Text = None
    TrackEventDetails: list[Event] | None = None


class Result(Wire):
    """One number's entry of `ResultList`."""

    Id: Text = None
    TrackInfo: Info | None = None


class Body(Wire):
    ResultList: list[Result]


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(event: Event) -> RawEvent:
    occurred = event.ProcessDate or event.CreatedOn
    assert occurred is not None and event.ProcessContent  # the model refuses an event without them
    return RawEvent(occurred_at=occurred, text=event.ProcessContent,
                    location=join_location(event.ProcessCity, event.ProcessLocation), city=event.ProcessCity)


def outcome_of(item: Result, raw: Any, number: str) -> FetchOutcome:
    """One number's outcome from its result (`raw`, the same entry as sent, is kept as the payload)."""
    info = item.TrackInfo
    if info is None or not info.TrackEventDetails:
        return Failure(FailureKind.NOT_FOUND, f"YunExpress has no scans for {number} yet")
    events = sorted((event_of(e) for e in info.TrackEventDetails), key=lambda e: e.occurred_at)
    destination = alpha2(info.DestinationCountryCode)
    next_leg = None
    last_mile = info.TrackingNumber
    if last_mile and last_mile.upper() != number.upper():
        try:
            candidates = detect(last_mile)
        except ValueError:
            candidates = []
        chosen = next((c for c in candidates if destination and c.country == destination), None) or next(
            (c for c in candidates if c.checksum == "passed"), None)
        next_leg = NextLeg(chosen.number, chosen.carrier) if chosen else None
    return TrackResult(number=number, events=tuple(events), carrier_name=NAME,
                       origin_country=alpha2(info.OriginCountryCode),
                       destination_country=destination, next_leg=next_leg, payload=raw)


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    if isinstance(doc, dict) and "ResultList" not in doc and _mentions_captcha(doc):
        raise CaptchaRequired()
    body = parse_as(Body, doc)
    by_number: dict[str, tuple[Result, Any]] = {}
    for item, raw in zip(body.ResultList, doc["ResultList"], strict=True):
        info = item.TrackInfo
        for code in (item.Id, info.WaybillNumber if info else None, info.TrackingNumber if info else None):
            if code:
                by_number.setdefault(code.upper(), (item, raw))
    return {n: outcome_of(*by_number[n.upper()], n) if n.upper() in by_number
            else Failure(FailureKind.NOT_FOUND, f"YunExpress does not know {n}") for n in numbers}


class YunExpressConnector(KeylessConnector):
    slug = SLUG
    name = NAME
    max_batch = 10
    batch_size = 10
    politeness = Politeness(min_interval=5.0, max_concurrent=1, base_backoff=300.0)

    def __init__(self, signing_key: str, *, base_url: str = DEFAULT_BASE_URL,
                 now_ms: Callable[[], int] | None = None, **options: Any) -> None:
        super().__init__(base_url, **options)
        self.signing_key = signing_key
        clock = self.clock or SystemClock()
        self._now_ms = now_ms or (lambda: int(clock.now().timestamp() * 1000))

    def _request(self, numbers: list[str]) -> httpx.Response | Failure:
        stamp = self._now_ms()
        body = {"NumberList": numbers, "CaptchaVerification": "", "Timestamp": stamp,
                "Signature": signature(self.signing_key, stamp, numbers)}
        request = self._client.build_request(
            "POST", f"{self.base_url}/Track/Query", json=body,
            headers={"Accept": "application/json", "Origin": "https://www.yuntrack.com",
                     "Referer": "https://www.yuntrack.com/"})
        return self._send(request)

    def _challenge(self, resp: httpx.Response) -> Failure:
        wait = self.cooldown.trip(CAPTCHA_WAIT)
        return Failure(RETRY, f"YunExpress wants a captcha or browser check (HTML, HTTP {resp.status_code}); "
                       f"pausing {wait:.0f}s", wait)

    def _parse_batch(self, doc: Any, numbers: list[str]) -> Outcomes:
        try:
            return parse_body(doc, numbers)
        except CaptchaRequired:
            wait = self.cooldown.trip(CAPTCHA_WAIT)
            failure = Failure(RETRY, f"YunExpress demands a captcha for this query; pausing {wait:.0f}s",
                              wait)
            return dict.fromkeys(numbers, failure)


def _factory(config: ConnectorConfig) -> YunExpressConnector:
    return YunExpressConnector(config.values["YUNEXPRESS_SIGNING_KEY"], base_url=config.base_url,
                               client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="YunExpress yuntrack (key-less, signed)", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("yunexpress",), formats=("yunexpress",), settings=("YUNEXPRESS_SIGNING_KEY",), keyless=True,
    politeness=YunExpressConnector.politeness.describe(), basis="recorded traffic (partial excerpt)",
    signup="the HMAC key the www.yuntrack.com page script signs queries with (no account needed)",
)
