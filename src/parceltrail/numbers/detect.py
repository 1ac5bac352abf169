"""Which carrier and format a tracking number belongs to, ranked best first."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from parceltrail.numbers.dispatch import generate
from parceltrail.numbers.formats import OPERATOR, Format, ServiceInfo, registry
from parceltrail.numbers.normalize import MAX_LENGTH, normalize

ChecksumResult = Literal["passed", "failed", "none"]

_UNKNOWN_SERVICE = ServiceInfo("postal-other", "Service indicator not assigned by the UPU", True)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a format (plus operator and service code) says about any number it matches."""

    carrier: str
    carrier_name: str
    format: str
    format_name: str
    service_class: str
    service: str | None
    country: str | None
    trackable: bool
    untrackable_reason: str | None
    url_template: str | None
    prior: float
    confidences: Mapping[str, float] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Candidate:
    """One reading of a tracking number: carrier, format and what the format tells about it.

    The per-format facts live in a shared ``Reading``; the attributes below expose them.
    """

    number: str
    checksum: ChecksumResult
    confidence: float
    reading: Reading

    @property
    def carrier(self) -> str:
        return self.reading.carrier

    @property
    def carrier_name(self) -> str:
        return self.reading.carrier_name

    @property
    def format(self) -> str:
        return self.reading.format

    @property
    def format_name(self) -> str:
        return self.reading.format_name

    @property
    def service_class(self) -> str:
        return self.reading.service_class

    @property
    def service(self) -> str | None:
        return self.reading.service

    @property
    def country(self) -> str | None:
        return self.reading.country

    @property
    def trackable(self) -> bool:
        return self.reading.trackable

    @property
    def untrackable_reason(self) -> str | None:
        return self.reading.untrackable_reason

    @property
    def tracking_url(self) -> str | None:
        template = self.reading.url_template
        return template.replace("{number}", self.number) if template else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "carrier": self.carrier,
            "carrier_name": self.carrier_name,
            "format": self.format,
            "format_name": self.format_name,
            "checksum": self.checksum,
            "service_class": self.service_class,
            "service": self.service,
            "country": self.country,
            "trackable": self.trackable,
            "untrackable_reason": self.untrackable_reason,
            "tracking_url": self.tracking_url,
            "confidence": self.confidence,
        }


# Frozen dataclasses run object.__setattr__ per field; detect() builds many candidates, so it
# fills the instance dict in one step instead (same object, several times faster).
_new = object.__new__
_set = object.__setattr__


def _candidate(number: str, checksum: ChecksumResult, reading: Reading) -> Candidate:
    c = _new(Candidate)
    _set(c, "__dict__", {"number": number, "checksum": checksum,
                         "confidence": reading.confidences[checksum], "reading": reading})
    return c


@functools.cache
def _confidence(prior: float, checksum: ChecksumResult) -> float:
    if checksum == "passed":
        return round(prior + (1.0 - prior) * 0.6, 3)
    if checksum == "failed":
        return round(prior * 0.3, 3)
    return prior


@functools.cache
def _reading(fmt: Format, service_key: str | None, country: str | None) -> Reading | None:
    """The shared facts for a format, service code and (S10) country; None if the country has no operator."""
    reg = registry()
    if fmt.carrier == OPERATOR:
        carrier = reg.operators.get(country or "")
        if carrier is None:  # S10 numbers are only valid from a country with a UPU operator
            return None
    else:
        carrier = reg.carriers[fmt.carrier]
        country = fmt.country or carrier.country
    service_class, service, trackable = fmt.service_class, None, True
    prior = fmt.confidence
    if fmt.service_table is not None:
        info = reg.tables[fmt.service_table].get(service_key or "")
        if info is None and fmt.carrier == OPERATOR:
            info, prior = _UNKNOWN_SERVICE, prior * 0.8
        if info is not None:
            service_class, service, trackable = info.service_class, info.description, info.trackable
    url = fmt.tracking_url or carrier.tracking_url
    return Reading(
        carrier=carrier.slug,
        carrier_name=fmt.carrier_name or carrier.name,
        format=fmt.id,
        format_name=fmt.name,
        service_class=service_class,
        service=service,
        country=country,
        trackable=trackable,
        untrackable_reason=None if trackable else f"{service}: the operator does not track these items",
        url_template=url if trackable else None,
        prior=prior,
        confidences={result: _confidence(prior, result) for result in ("passed", "failed", "none")},
    )


# Per shape (length, first character): the formats to try, each with what can be bound ahead of
# time, so the hot loop below does a regex match, a slice and a check function call.
_Plan = tuple[tuple[Any, Format, "Reading | None", Any, str, str], ...]
_plans: dict[tuple[int, str], _Plan] = {}


def _plan(number: str) -> _Plan:
    key = (len(number), number[:1])
    plan = _plans.get(key)
    if plan is None:
        steps = []
        for fmt in registry().formats_for(number):
            static = None if fmt.service_table or fmt.carrier == OPERATOR else _reading(fmt, None, None)
            first, last = (fmt.payload[0], fmt.payload[-1]) if fmt.payload else ("", "")
            steps.append((fmt.regex.match, fmt, static, fmt.compute, first, last))
        plan = _plans[key] = tuple(steps)
    return plan


def _rank_key(c: Candidate) -> tuple[bool, float]:
    # A failed check digit never outranks a pass (or a format without one).
    return (c.checksum == "failed", -c.confidence)


def _finish(found: list[Candidate], any_failed: bool) -> list[Candidate]:
    """Drop a carrier's failed readings when another of its formats accepts the number; rank."""
    if any_failed:
        good = {c.reading.carrier for c in found if c.checksum != "failed"}
        found = [c for c in found if c.checksum != "failed" or c.reading.carrier not in good]
    if len(found) == 2:  # the common ambiguous case; same order as a stable sort
        first, second = found
        if _rank_key(second) < _rank_key(first):
            return [second, first]
        return found
    found.sort(key=_rank_key)
    return found


def detect_normalized(number: str) -> tuple[Candidate, ...]:
    """detect() for input that is already normalized (used by suggest and extract).

    Not memoized: inputs are nearly always distinct, and a cache miss costs more than the work.
    """
    if 0 < len(number) <= MAX_LENGTH and number.isascii() and number.isalnum() and (
        number.isdigit() or number.isupper()
    ):
        return tuple(_SHAPES[number[0]][len(number)](number))
    return tuple(_detect_reference(number))


def _detect_reference(number: str) -> list[Candidate]:
    """The specification: try each format's regex in turn (the compiled shapes must agree)."""
    found = []
    any_failed = False
    for step in _plan(number):
        any_failed |= _apply_step(step, number, found)
    if len(found) > 1:
        found = _finish(found, any_failed)
    return found


def _apply_step(step: tuple[Any, Format, Reading | None, Any, str, str], number: str,
                found: list[Candidate]) -> bool:
    """Match one format; append its candidate to ``found``. True when its check digit failed."""
    match_fn, fmt, reading, compute, first, last = step
    m = match_fn(number)
    if m is None:
        return False
    if reading is None:
        reading = _reading(
            fmt,
            m.group(fmt.service_group) if fmt.service_group else None,
            m.group("country") if fmt.carrier == OPERATOR else None,
        )
        if reading is None:
            return False
    failed = False
    if compute is None:
        checksum: ChecksumResult = "none"
    else:
        payload = number[m.start(first) : m.end(last)]
        if fmt.prefix and (fmt.prefix_unless is None or not fmt.prefix_unless.search(payload)):
            payload = fmt.prefix + payload
        if compute(payload) == m.group("check"):
            checksum = "passed"
        else:
            checksum, failed = "failed", True
    found.append(_candidate(number, checksum, reading))
    return failed


# --- compiled shapes ---------------------------------------------------------------------------
# One generated function per (first character, length) of canonical input; see dispatch.py.
# Built on first use of a shape from the format data only (never from the numbers seen).

class _ReadingTable(dict):  # type: ignore[type-arg]
    """Reading per service code (and, for S10, per country: a nested table, None without operator)."""

    def __init__(self, fmt: Format, country: str | None = None, by_country: bool = False) -> None:
        super().__init__()
        self.fmt, self.country, self.by_country = fmt, country, by_country

    def __missing__(self, key: str | None) -> Any:
        if self.by_country:
            value: Any = (
                _ReadingTable(self.fmt, key) if key is not None and key in registry().operators else None
            )
        else:
            value = _reading(self.fmt, key, self.country)
        self[key] = value
        return value


_compiled: dict[str, Any] = {"alternatives": {}, "tables": {}, "statics": {}, "steps": {}}


def _nothing(number: str) -> list[Candidate]:
    return []


def _compile_shape(first: str, length: int) -> Callable[[str], list[Candidate]]:
    formats = registry().formats_for_shape(length, first)
    if not formats:
        return _nothing
    statics, tables, steps = _compiled["statics"], _compiled["tables"], _compiled["steps"]
    for fmt in formats:
        if fmt not in statics:
            dynamic = fmt.service_table or fmt.carrier == OPERATOR
            statics[fmt] = None if dynamic else _reading(fmt, None, None)
            if dynamic:
                tables[fmt] = _ReadingTable(fmt, by_country=fmt.carrier == OPERATOR)
            first_group, last_group = (fmt.payload[0], fmt.payload[-1]) if fmt.payload else ("", "")
            step = (fmt.regex.match, fmt, statics[fmt], fmt.compute, first_group, last_group)
            steps[fmt] = functools.partial(_apply_step, step)
    return generate(
        length, first, formats,
        statics={f: r for f, r in statics.items() if r is not None},
        tables=tables,
        slow_steps={f: steps[f] for f in formats},
        alternatives=_compiled["alternatives"],
        base={"Candidate": Candidate, "_new": _new, "_set": _set, "_finish": _finish},
    )


class _Pending:
    """A shape not compiled yet: compiles on first call and takes its own place in the table."""

    __slots__ = ("first", "length")

    def __init__(self, first: str, length: int) -> None:
        self.first, self.length = first, length

    def __call__(self, number: str) -> list[Candidate]:
        fn = _compile_shape(self.first, self.length)
        _SHAPES[self.first][self.length] = fn
        return fn(number)


_SHAPES: dict[str, list[Callable[[str], list[Candidate]]]] = {
    c: [_nothing] + [_Pending(c, length) for length in range(1, MAX_LENGTH + 1)]
    for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
}


def detect(number: str) -> list[Candidate]:
    """Every plausible reading of ``number``, best first (InvalidNumberError for unusable input)."""
    # Inline normalize() fast path: text that is already canonical goes straight to its shape.
    if type(number) is str and number.isalnum() and number.isascii() and len(number) <= MAX_LENGTH and (
        number.isdigit() or number.isupper()
    ):
        return _SHAPES[number[0]][len(number)](number)
    number = normalize(number)
    return _SHAPES[number[0]][len(number)](number)


def detect_best(number: str) -> Candidate | None:
    """The best reading whose check digit did not fail, or None."""
    for c in detect_normalized(normalize(number)):
        if c.checksum != "failed":
            return c
    return None


def carriers() -> list[tuple[str, str]]:
    """(slug, name) of every carrier and postal operator known to the format data."""
    return sorted((slug, c.name) for slug, c in registry().carriers.items())


def carrier_name(slug: str) -> str | None:
    carrier = registry().carriers.get(slug)
    return carrier.name if carrier else None


def is_known_carrier(slug: str) -> bool:
    return slug in registry().carriers
