"""Cainiao global tracking (global.cainiao.com/global/detail.json): the key-less endpoint behind Cainiao's
own tracking page. It answers for most AliExpress numbers: Cainiao's own (LP..., AEWH...), S10 numbers
handed to China Post, and many last-mile numbers.

Shape and times, from recorded traffic (2023):
- `module` has one entry per number; "not found" is HTTP 200 with an empty `detailList` (and
  `noTrackingDataDesc`), never a 404.
- Each detail has `time` (epoch ms: the instant), `timeStr` (that instant as UTC+8 wall time, whatever
  `timeZone` says: never read it as local time) and `timeZone` ("GMT+8", "GMT+0", "GMT+0800", "": the
  zone of the place the scan happened). An event keeps the instant from `time` and the offset from
  `timeZone`; a blank label means China (UTC+8), where Cainiao's warehouses sit.
- `standerdDesc` is Cainiao's normalised English text; `desc` the carrier's own words (maybe Chinese).
  When the normalised text is only the generic "Carrier update", the carrier's words are kept instead.
- `destCpInfo.cpName` names the last-mile carrier; once a scan says it took the parcel (GTMS_* action
  codes), the number is followed there too (`NextLeg`, same number unless Cainiao names another).
- `globalEtaInfo` (a delivery range) is kept in the raw payload.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any

import httpx
from pydantic import BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from parceltrail.adapters.carriers.http import (
    MalformedResponseError,
    Outcomes,
    Text,
    Wire,
    parse_as,
    parse_offset,
)
from parceltrail.adapters.carriers.places import carrier_slug, country_code
from parceltrail.adapters.carriers.polite import KeylessConnector, Politeness
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, NextLeg, RawEvent, TrackResult

DEFAULT_BASE_URL = "https://global.cainiao.com"
NAME = "Cainiao"
SLUG = "cainiao"
CHINA = timezone(timedelta(hours=8))
GENERIC_TEXT = "carrier update"
_PLACE = re.compile(r"^\s*\[(?P<place>[^\]]{1,80})\]\s*(?P<rest>.*)$")
# Numbers Cainiao sends to, whose scans Cainiao relays: the "local delivery company" codes.
_HANDOVER_CODES = ("GTMS_",)


def _epoch_ms(value: Any) -> datetime:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("epoch_ms", "Input should be epoch milliseconds")
    try:
        return datetime.fromtimestamp(value / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise PydanticCustomError("epoch_ms", "Input is out of range for epoch milliseconds") from None


# --- the body, as the connector reads it -------------------------------------------------------------

class Detail(Wire):
    """One scan of `detailList`."""

    time: Annotated[datetime, BeforeValidator(_epoch_ms)]
    timeZone: Text = None
    standerdDesc: Text = None
    desc: Text = None
    actionCode: Text = None

    @model_validator(mode="after")
    def _has_text(self) -> Detail:
        if not self.text:
            raise ValueError("detail has no text")
        return self

    @property
    def text(self) -> str | None:
        standard, own = self.standerdDesc, self.desc
        return standard if standard and standard.casefold() != GENERIC_TEXT else (own or standard)


class DestCpInfo(Wire):
    cpName: Text = None


class Module(Wire):
    """One number's entry of `module`."""

    mailNo: Text = None
    detailList: list[Detail]
    noTrackingDataDesc: Text = None
    statusDesc: Text = None
    mailType: Text = None
    originCountry: Text = None
    destCountry: Text = None
    destCpInfo: DestCpInfo | None = None
    lastMileMailNo: Text = None
    destMailNo: Text = None
    cpMailNo: Text = None


class Body(Wire):
    module: list[Module]


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def _offset(label: str | None) -> timezone:
    if not label:
        return CHINA
    try:
        return parse_offset(label, "timeZone")
    except MalformedResponseError:
        return CHINA  # an unreadable label must not lose the scan; the instant is exact anyway


def event_of(detail: Detail) -> RawEvent:
    text = detail.text
    assert text is not None  # the model refuses a detail without text
    location = None
    bracket = _PLACE.match(text)
    if bracket:
        location = bracket.group("place").strip()
    return RawEvent(
        occurred_at=detail.time.astimezone(_offset(detail.timeZone)),
        text=text,
        code=detail.actionCode,
        location=location,
        city=location,
    )


def _next_leg(module: Module, number: str, events: list[RawEvent]) -> NextLeg | None:
    carrier = carrier_slug(module.destCpInfo.cpName if module.destCpInfo else None)
    if carrier is None:
        return None
    handed = any(e.code and e.code.startswith(_HANDOVER_CODES) for e in events)
    if not handed:
        return None
    other = module.lastMileMailNo or module.destMailNo or module.cpMailNo
    return NextLeg(number=(other or number).upper(), carrier=carrier)


def outcome_of(module: Module, raw: Any, number: str) -> FetchOutcome:
    """One number's outcome from its module (`raw`, the same entry as sent, is kept as the payload)."""
    if not module.detailList:
        why = module.noTrackingDataDesc or module.statusDesc or "no tracking data"
        return Failure(FailureKind.NOT_FOUND, f"Cainiao has no scans for {number} yet ({why})")
    events = [event_of(d) for d in module.detailList]
    # newest first on the wire; scans with the same instant keep the carrier's order, oldest first
    events.reverse()
    events.sort(key=lambda e: e.occurred_at)
    kind = module.mailType
    return TrackResult(
        number=number,
        events=tuple(events),
        carrier_name=f"{NAME} ({kind})" if kind else NAME,
        origin_country=country_code(module.originCountry),
        destination_country=country_code(module.destCountry),
        next_leg=_next_leg(module, number, events),
        payload=raw,
    )


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    if isinstance(doc, dict) and doc.get("success") is False:
        raise MalformedResponseError(f"success is false ({doc.get('errorMsg') or doc.get('message') or ''})")
    body = parse_as(Body, doc)
    by_number: dict[str, tuple[Module, Any]] = {}
    for module, raw in zip(body.module, doc["module"], strict=True):
        if module.mailNo:
            by_number[module.mailNo.upper()] = (module, raw)
    outcomes: Outcomes = {}
    for number in numbers:
        found = by_number.get(number.upper())
        outcomes[number] = (outcome_of(*found, number) if found
                            else Failure(FailureKind.NOT_FOUND, f"Cainiao does not know {number}"))
    return outcomes


class CainiaoConnector(KeylessConnector):
    slug = SLUG
    name = NAME
    max_batch = 10
    batch_size = 1  # the page asks one number at a time; so do we
    # The web page shows a bot check after about ten fast reloads: one request every 3 s, one at a time.
    politeness = Politeness(min_interval=3.0, max_concurrent=1, base_backoff=120.0)

    def __init__(self, *, base_url: str = DEFAULT_BASE_URL, language: str = "en-US", **options: Any) -> None:
        super().__init__(base_url, **options)
        self.language = language

    def _request(self, numbers: list[str]) -> httpx.Response | Failure:
        request = self._client.build_request(
            "GET", f"{self.base_url}/global/detail.json",
            params={"mailNos": ",".join(numbers), "lang": self.language},
            headers={"Accept": "application/json"})
        return self._send(request)

    def _parse_batch(self, doc: Any, numbers: list[str]) -> Outcomes:
        return parse_body(doc, numbers)


def _factory(config: ConnectorConfig) -> CainiaoConnector:
    return CainiaoConnector(base_url=config.base_url, client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="Cainiao global tracking (key-less)", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("cainiao",), formats=("cainiao-lp", "cainiao-cn", "cainiao-aewh"), keyless=True,
    origins=("CN",), corrects=True, politeness=CainiaoConnector.politeness.describe(),
    basis="recorded traffic",
)
