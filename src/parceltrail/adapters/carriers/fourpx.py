"""4PX (track.4px.com/track/v2/front/listTrackV3): the key-less endpoint behind 4PX's own tracking page.

Shape and times, from recorded traffic (2024, 2025):
- `result` 1 is success; `data` has one entry per known number and is empty for an unknown one (HTTP 200).
- Each track has `tkDate` (ISO-8601 in UTC: the instant), `tkDateStr` (that instant as UTC+8 wall time,
  whatever `tkTimezone` says: never read as local) and `tkTimezone` ("UTC+02:00": the zone of the place
  the scan happened; may be null). An event keeps the instant from `tkDate` and the offset from
  `tkTimezone`; when it is null the offset is unknown and the event is kept in UTC.
- `serverCode` is the last-mile number; when it is another number that parceltrail recognises for the
  destination country (`ctEndCode`), it becomes the `NextLeg`.
"""

from __future__ import annotations

import contextlib
from typing import Any

import httpx

from parceltrail.adapters.carriers.http import (
    MalformedResponseError,
    Outcomes,
    alpha2,
    need,
    opt,
    opt_text,
    parse_offset,
    parse_time,
)
from parceltrail.adapters.carriers.polite import KeylessConnector, Politeness
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, NextLeg, RawEvent, TrackResult
from parceltrail.numbers import detect

DEFAULT_BASE_URL = "https://track.4px.com"
NAME = "4PX"
SLUG = "4px"


def parse_track(raw: Any, where: str) -> RawEvent:
    if not isinstance(raw, dict):
        raise MalformedResponseError(f"{where}: track is not an object")
    instant = parse_time(need(raw, "tkDate", str, where), where)
    label = opt_text(raw, "tkTimezone", where)
    if label:
        # an unreadable zone label must not lose the scan; the instant is exact anyway
        with contextlib.suppress(MalformedResponseError):
            instant = instant.astimezone(parse_offset(label, where))
    text = opt_text(raw, "tkDesc", where) or opt_text(raw, "tkTranslatedDesc", where)
    if not text:
        raise MalformedResponseError(f"{where}: track has no text")
    location = opt_text(raw, "tkLocation", where)
    return RawEvent(occurred_at=instant, text=text, code=opt_text(raw, "tkCode", where), location=location,
                    lang="en")


def _next_leg(entry: dict[str, Any], number: str, where: str) -> NextLeg | None:
    other = opt_text(entry, "serverCode", where)
    if not other or other.upper() in (number.upper(), (opt_text(entry, "shipperCode", where) or "").upper()):
        return None
    destination = alpha2(opt_text(entry, "ctEndCode", where))
    try:
        candidates = detect(other)
    except ValueError:
        return None
    chosen = next((c for c in candidates if destination and c.country == destination), None)
    chosen = chosen or next((c for c in candidates if c.checksum == "passed"), None)
    return NextLeg(number=chosen.number, carrier=chosen.carrier) if chosen else None


def parse_entry(entry: Any, number: str) -> FetchOutcome:
    where = f"4PX {number}"
    if not isinstance(entry, dict):
        raise MalformedResponseError(f"{where}: data entry is not an object")
    tracks = opt(entry, "tracks", list, where) or []
    # newest first on the wire; scans with the same instant keep the carrier's order, oldest first
    events = sorted((parse_track(t, f"{where} track {i}") for i, t in reversed(list(enumerate(tracks)))),
                    key=lambda e: e.occurred_at)
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"4PX has no scans for {number} yet")
    return TrackResult(
        number=number, events=tuple(events), carrier_name=NAME,
        origin_country=alpha2(opt_text(entry, "ctStartCode", where)),
        destination_country=alpha2(opt_text(entry, "ctEndCode", where)),
        next_leg=_next_leg(entry, number, where), payload=entry)


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    result = need(doc, "result", (int, str), "body")
    if str(result) != "1":
        raise MalformedResponseError(f"result {result!r} ({doc.get('message') or 'no message'})")
    data = opt(doc, "data", list, "body") or []
    by_number: dict[str, Any] = {}
    for entry in data:
        if not isinstance(entry, dict):
            raise MalformedResponseError("body: data entry is not an object")
        for key in ("queryCode", "shipperCode", "serverCode"):
            code = entry.get(key)
            if isinstance(code, str) and code.strip():
                by_number.setdefault(code.strip().upper(), entry)
    outcomes: Outcomes = {}
    for number in numbers:
        entry = by_number.get(number.upper())
        outcomes[number] = (parse_entry(entry, number) if entry is not None
                            else Failure(FailureKind.NOT_FOUND, f"4PX does not know {number}"))
    return outcomes


class FourPxConnector(KeylessConnector):
    slug = SLUG
    name = NAME
    max_batch = 10
    batch_size = 5  # `queryCodes` is a list; the page sends a few at a time
    politeness = Politeness(min_interval=3.0, max_concurrent=1, base_backoff=120.0)

    def __init__(self, *, base_url: str = DEFAULT_BASE_URL, language: str = "en-us", **options: Any) -> None:
        super().__init__(base_url, **options)
        self.language = language

    def _request(self, numbers: list[str]) -> httpx.Response | Failure:
        request = self._client.build_request(
            "POST", f"{self.base_url}/track/v2/front/listTrackV3",
            json={"queryCodes": numbers, "language": self.language, "translateLanguage": ""},
            headers={"Accept": "application/json"})
        return self._send(request)

    def _parse_batch(self, doc: Any, numbers: list[str]) -> Outcomes:
        return parse_body(doc, numbers)


def _factory(config: ConnectorConfig) -> FourPxConnector:
    return FourPxConnector(base_url=config.base_url, client=config.client, clock=config.clock)


SPEC = ConnectorSpec(
    slug=SLUG, name="4PX tracking (key-less)", factory=_factory, default_url=DEFAULT_BASE_URL,
    carriers=("4px",), formats=("4px",), keyless=True, politeness=FourPxConnector.politeness.describe(),
    basis="recorded traffic",
)
