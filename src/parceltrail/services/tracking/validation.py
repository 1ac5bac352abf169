"""The boundary between connectors and the engine: every `TrackResult` a connector (built-in, plugin or a
carrier's push) hands over is checked here before ingestion sees it.

A carrier answer can be anything: NaN coordinates, a NUL byte in a scan text (PostgreSQL refuses it in
text and JSON columns), a payload nested thousands deep, a next-leg "number" no carrier uses. Stored, such
data breaks the reads of that parcel forever; raised during ingestion, it breaks the polling loop. So a
result that is not sane becomes a typed `Failure(RETRY_LATER)`: that parcel alone backs off like any
carrier fault, and the rest of its batch is ingested.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from parceltrail.domain.connectors import Failure, FailureKind, RawEvent, TrackResult
from parceltrail.numbers import detect, is_known_carrier, normalize

MAX_EVENTS = 2000
MAX_TEXT = 4000  # one scan text
MAX_FIELD = 500  # code, location, city, carrier name ...
MAX_PAYLOAD_DEPTH = 32
MAX_PAYLOAD_NODES = 50_000
MAX_PAYLOAD_STRING = 20_000
NUMBER_SHAPE = re.compile(r"[A-Z0-9]{8,40}")  # what any carrier's tracking number looks like
MIN_YEAR, MAX_YEAR = 1990, 2100


class CarrierDataError(ValueError):
    """A connector's result is not sane; the message says what is wrong, in a few words."""


def _control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r" for ch in text)


def _text(value: Any, where: str, limit: int, *, required: bool = False) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str):
        raise CarrierDataError(f"{where} is not text")
    if len(value) > limit:
        raise CarrierDataError(f"{where} is longer than {limit} characters")
    if _control(value):
        raise CarrierDataError(f"{where} contains control characters")


def _coordinate(value: Any, where: str, bound: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CarrierDataError(f"{where} is not a number")
    if not math.isfinite(value) or abs(value) > bound:
        raise CarrierDataError(f"{where} {value!r} is not a coordinate")


def _event(event: Any, where: str) -> None:
    if not isinstance(event, RawEvent):
        raise CarrierDataError(f"{where} is not an event")
    when = event.occurred_at
    if not isinstance(when, datetime) or when.tzinfo is None or not MIN_YEAR <= when.year <= MAX_YEAR:
        raise CarrierDataError(f"{where} has no plausible time")
    _text(event.text, f"{where} text", MAX_TEXT, required=True)
    for name in ("code", "location", "country", "city", "lang"):
        _text(getattr(event, name), f"{where} {name}", MAX_FIELD)
    _coordinate(event.latitude, f"{where} latitude", 90.0)
    _coordinate(event.longitude, f"{where} longitude", 180.0)


def _payload(value: Any) -> None:
    """Bounded depth and size, finite numbers, strings without NUL, string keys: storable as JSON."""
    nodes = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        nodes += 1
        if nodes > MAX_PAYLOAD_NODES:
            raise CarrierDataError("the raw payload is too large")
        if depth > MAX_PAYLOAD_DEPTH:
            raise CarrierDataError(f"the raw payload is nested deeper than {MAX_PAYLOAD_DEPTH}")
        if isinstance(item, Mapping):
            for key, child in item.items():
                if not isinstance(key, str) or "\x00" in key or len(key) > MAX_FIELD:
                    raise CarrierDataError("the raw payload has an unusable key")
                stack.append((child, depth + 1))
        elif isinstance(item, (list, tuple)):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if "\x00" in item or len(item) > MAX_PAYLOAD_STRING:
                raise CarrierDataError("the raw payload has a NUL byte or an oversized string")
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise CarrierDataError("the raw payload has a non-finite number")
        elif item is not None and not isinstance(item, (bool, int)):
            raise CarrierDataError(f"the raw payload holds a {type(item).__name__}")


def check_result(result: TrackResult) -> None:
    """Raise CarrierDataError when `result` is not sane (see the module docstring)."""
    _text(result.number, "the number", MAX_FIELD, required=True)
    for name in ("carrier_name", "origin_country", "destination_country"):
        _text(getattr(result, name), name, MAX_FIELD)
    if len(result.events) > MAX_EVENTS:
        raise CarrierDataError(f"more than {MAX_EVENTS} events")
    for index, event in enumerate(result.events):
        _event(event, f"event {index}")
    leg = result.next_leg
    if leg is not None:
        _text(leg.number, "the next leg's number", MAX_FIELD, required=True)
        _text(leg.carrier, "the next leg's carrier", MAX_FIELD, required=True)
        if not is_known_carrier(leg.carrier):
            raise CarrierDataError(f"the next leg's carrier {leg.carrier[:40]!r} is unknown")
        try:
            number = normalize(leg.number)
        except ValueError:
            number = ""
        # A number the named carrier issued in a format we do not know yet is still its number (Cainiao
        # hands S10-like numbers to posts under series detect has never seen); it must look like one.
        if not number or not (NUMBER_SHAPE.fullmatch(number) or detect(number)):
            raise CarrierDataError(f"the next leg's number {leg.number[:40]!r} is not a tracking number")
    _payload(result.payload)


def checked(outcome: Any) -> TrackResult | Failure:
    """The outcome itself when sane; a RETRY_LATER failure naming the problem otherwise."""
    if isinstance(outcome, Failure):
        return outcome
    if not isinstance(outcome, TrackResult):
        return Failure(FailureKind.RETRY_LATER, f"the connector returned a {type(outcome).__name__}")
    try:
        check_result(outcome)
    except CarrierDataError as error:
        return Failure(FailureKind.RETRY_LATER, f"the carrier's answer was refused: {error}")
    except (RecursionError, MemoryError, TypeError, ValueError) as error:
        return Failure(FailureKind.RETRY_LATER,
                       f"the carrier's answer could not be checked: {type(error).__name__}")
    return outcome
