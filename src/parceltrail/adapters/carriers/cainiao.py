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
from typing import Any

import httpx

from parceltrail.adapters.carriers.http import (
    MalformedResponseError,
    Outcomes,
    need,
    opt,
    opt_text,
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
_LAST_MILE_NUMBER_KEYS = ("lastMileMailNo", "destMailNo", "cpMailNo")


def _offset(label: str | None, where: str) -> timezone:
    if not label or not label.strip():
        return CHINA
    try:
        return parse_offset(label, where)
    except MalformedResponseError:
        return CHINA  # an unreadable label must not lose the scan; the instant is exact anyway


def _instant(value: Any, where: str) -> datetime:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MalformedResponseError(f"{where}: 'time' is not epoch milliseconds")
    try:
        return datetime.fromtimestamp(value / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise MalformedResponseError(f"{where}: 'time' {value!r} is out of range") from None


def parse_detail(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: detail is not an object")
    instant = _instant(need(raw, "time", (int, float), where), where)
    label = opt(raw, "timeZone", str, where)
    standard = opt_text(raw, "standerdDesc", where)
    own = opt_text(raw, "desc", where)
    text = standard if standard and standard.casefold() != GENERIC_TEXT else (own or standard)
    if not text:
        raise MalformedResponseError(f"{where}: detail has no text")
    location = None
    bracket = _PLACE.match(text)
    if bracket:
        location = bracket.group("place").strip()
    return RawEvent(
        occurred_at=instant.astimezone(_offset(label, where)),
        text=text,
        code=opt_text(raw, "actionCode", where),
        location=location,
        city=location,
    )


def _next_leg(module: dict[str, Any], number: str, events: list[RawEvent], where: str) -> NextLeg | None:
    info = opt(module, "destCpInfo", dict, where) or {}
    carrier = carrier_slug(opt_text(info, "cpName", where))
    if carrier is None:
        return None
    handed = any(e.code and e.code.startswith(_HANDOVER_CODES) for e in events)
    if not handed:
        return None
    other = next((v for k in _LAST_MILE_NUMBER_KEYS if (v := opt_text(module, k, where))), None)
    return NextLeg(number=(other or number).upper(), carrier=carrier)


def parse_module(module: Any, number: str) -> FetchOutcome:
    where = f"Cainiao {number}"
    if not isinstance(module, dict):
        raise MalformedResponseError(f"{where}: module entry is not an object")
    details = need(module, "detailList", list, where)
    if not details:
        why = (opt_text(module, "noTrackingDataDesc", where) or opt_text(module, "statusDesc", where)
               or "no tracking data")
        return Failure(FailureKind.NOT_FOUND, f"Cainiao has no scans for {number} yet ({why})")
    events = [parse_detail(d, f"{where} detail {i}") for i, d in enumerate(details)]
    # newest first on the wire; scans with the same instant keep the carrier's order, oldest first
    events.reverse()
    events.sort(key=lambda e: e.occurred_at)
    kind = opt_text(module, "mailType", where)
    return TrackResult(
        number=number,
        events=tuple(events),
        carrier_name=f"{NAME} ({kind})" if kind else NAME,
        origin_country=country_code(opt_text(module, "originCountry", where)),
        destination_country=country_code(opt_text(module, "destCountry", where)),
        next_leg=_next_leg(module, number, events, where),
        payload=module,
    )


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    if not isinstance(doc, dict):
        raise MalformedResponseError("body is not an object")
    if doc.get("success") is False:
        raise MalformedResponseError(f"success is false ({doc.get('errorMsg') or doc.get('message') or ''})")
    modules = need(doc, "module", list, "body")
    by_number: dict[str, Any] = {}
    for module in modules:
        if isinstance(module, dict) and isinstance(module.get("mailNo"), str):
            by_number[module["mailNo"].strip().upper()] = module
    outcomes: Outcomes = {}
    for number in numbers:
        module = by_number.get(number.upper())
        if module is None:
            outcomes[number] = Failure(FailureKind.NOT_FOUND, f"Cainiao does not know {number}")
            continue
        outcomes[number] = parse_module(module, number)
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
