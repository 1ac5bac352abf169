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
from datetime import datetime
from typing import Annotated, Any

import httpx
from pydantic import model_validator

from parceltrail.adapters.carriers.http import (
    Code,
    MalformedResponseError,
    Outcomes,
    Text,
    Wire,
    alpha2,
    parse_as,
    parse_offset,
    time_field,
)
from parceltrail.adapters.carriers.polite import KeylessConnector, Politeness
from parceltrail.adapters.carriers.spec import ConnectorConfig, ConnectorSpec
from parceltrail.domain.connectors import Failure, FailureKind, FetchOutcome, NextLeg, RawEvent, TrackResult
from parceltrail.numbers import detect

DEFAULT_BASE_URL = "https://track.4px.com"
NAME = "4PX"
SLUG = "4px"


# --- the body, as the connector reads it -------------------------------------------------------------

class Track(Wire):
    """One scan of an entry's `tracks`."""

    tkDate: Annotated[datetime, time_field()]
    tkTimezone: Text = None
    tkDesc: Text = None
    tkTranslatedDesc: Text = None
    tkLocation: Text = None
    tkCode: Text = None

    @model_validator(mode="after")
    def _has_text(self) -> Track:
        if not (self.tkDesc or self.tkTranslatedDesc):
            raise ValueError("track has no text")
        return self


class Entry(Wire):
    """One number's entry of `data`."""

    queryCode: Text = None
    shipperCode: Text = None
    serverCode: Text = None
    ctStartCode: Text = None
    ctEndCode: Text = None
    tracks: list[Track] | None = None


class Body(Wire):
    result: Code
    data: list[Entry] | None = None


# --- the body, as parceltrail's outcomes ---------------------------------------------------------------

def event_of(track: Track) -> RawEvent:
    instant = track.tkDate
    if track.tkTimezone:
        # an unreadable zone label must not lose the scan; the instant is exact anyway
        with contextlib.suppress(MalformedResponseError):
            instant = instant.astimezone(parse_offset(track.tkTimezone, "tkTimezone"))
    text = track.tkDesc or track.tkTranslatedDesc
    assert text is not None  # the model refuses a track without text
    return RawEvent(occurred_at=instant, text=text, code=track.tkCode, location=track.tkLocation, lang="en")


def _next_leg(entry: Entry, number: str) -> NextLeg | None:
    other = entry.serverCode
    if not other or other.upper() in (number.upper(), (entry.shipperCode or "").upper()):
        return None
    destination = alpha2(entry.ctEndCode)
    try:
        candidates = detect(other)
    except ValueError:
        return None
    chosen = next((c for c in candidates if destination and c.country == destination), None)
    chosen = chosen or next((c for c in candidates if c.checksum == "passed"), None)
    return NextLeg(number=chosen.number, carrier=chosen.carrier) if chosen else None


def outcome_of(entry: Entry, raw: Any, number: str) -> FetchOutcome:
    """One number's outcome from its entry (`raw`, the same entry as sent, is kept as the payload)."""
    tracks = entry.tracks or []
    # newest first on the wire; scans with the same instant keep the carrier's order, oldest first
    events = sorted((event_of(t) for t in reversed(tracks)), key=lambda e: e.occurred_at)
    if not events:
        return Failure(FailureKind.NOT_FOUND, f"4PX has no scans for {number} yet")
    return TrackResult(
        number=number, events=tuple(events), carrier_name=NAME,
        origin_country=alpha2(entry.ctStartCode), destination_country=alpha2(entry.ctEndCode),
        next_leg=_next_leg(entry, number), payload=raw)


def parse_body(doc: Any, numbers: list[str]) -> Outcomes:
    body = parse_as(Body, doc)
    if body.result != "1":
        raise MalformedResponseError(f"result {body.result!r} ({doc.get('message') or 'no message'})")
    by_number: dict[str, tuple[Entry, Any]] = {}
    for entry, raw in zip(body.data or [], doc.get("data") or [], strict=True):
        for code in (entry.queryCode, entry.shipperCode, entry.serverCode):
            if code:
                by_number.setdefault(code.upper(), (entry, raw))
    outcomes: Outcomes = {}
    for number in numbers:
        found = by_number.get(number.upper())
        outcomes[number] = (outcome_of(*found, number) if found
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
