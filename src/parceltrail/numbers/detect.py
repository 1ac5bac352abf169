"""Which carrier and format a tracking number belongs to, ranked best first."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Literal

from parceltrail.numbers.fastpath_codegen import generate
from parceltrail.numbers.formats import OPERATOR, Format, ServiceInfo, registry
from parceltrail.numbers.normalize import MAX_LENGTH, normalize

ChecksumResult = Literal["passed", "failed", "none"]

_tnew = tuple.__new__
_tuple_eq = tuple.__eq__

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


class Candidate(tuple):  # type: ignore[type-arg]
    """One reading of a tracking number: carrier, format and what the format tells about it.

    Immutable, with the four fields ``number``, ``checksum``, ``confidence`` and ``reading``; the
    per-format facts live in the shared ``Reading`` and the properties below expose them. A tuple
    underneath (detect() builds one per candidate, and a tuple is the cheapest object Python can
    build), but it compares, hashes and prints like the frozen dataclass it replaces: equal only to
    another Candidate with the same fields.
    """

    __slots__ = ()
    _fields = ("number", "checksum", "confidence", "reading")

    def __new__(cls, number: str, checksum: ChecksumResult, confidence: float, reading: Reading) -> Candidate:
        return _tnew(cls, (number, checksum, confidence, reading))

    def __getnewargs__(self) -> tuple[Any, ...]:  # pickle and copy
        return tuple(self)

    def __repr__(self) -> str:
        return (f"Candidate(number={self[0]!r}, checksum={self[1]!r}, confidence={self[2]!r}, "
                f"reading={self[3]!r})")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return _tuple_eq(self, other)
        return False if isinstance(other, tuple) else NotImplemented  # never equal to a plain tuple

    def __ne__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return not _tuple_eq(self, other)
        return True if isinstance(other, tuple) else NotImplemented

    def __lt__(self, other: object) -> bool:  # a dataclass without order=True has no ordering
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__
    __hash__ = tuple.__hash__

    number: str = property(itemgetter(0), doc="The normalized number.")  # type: ignore[assignment]
    checksum: ChecksumResult = property(itemgetter(1), doc="passed, failed or none")  # type: ignore[assignment]
    confidence: float = property(itemgetter(2), doc="0..1, from the format's prior and the check")  # type: ignore[assignment]
    reading: Reading = property(itemgetter(3), doc="The shared per-format facts.")  # type: ignore[assignment]

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


def _candidate(number: str, checksum: ChecksumResult, reading: Reading) -> Candidate:
    return _tnew(Candidate, (number, checksum, reading.confidences[checksum], reading))


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


def _merge(good: list[Candidate], bad: list[Candidate]) -> list[Candidate]:
    """_finish for lists already in rank order: passing (or unchecked) readings, then failed ones."""
    if not good:
        return bad
    carriers = {c.reading.carrier for c in good}
    return good + [c for c in bad if c.reading.carrier not in carriers]


def detect_normalized(number: str) -> tuple[Candidate, ...]:
    """detect() for input that is already normalized (used by suggest and extract).

    Not memoized: inputs are nearly always distinct, and a cache miss costs more than the work.
    """
    if 0 < len(number) <= MAX_LENGTH and number.isascii() and number.isalnum() and (
        number.isdigit() or number.isupper()
    ):
        return tuple(_shape_of(number)(number))
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
# One generated function per (first character, length) of canonical input; see fastpath_codegen.py.
# Built on first use of a shape from the format data only (never from the numbers seen).

class _ReadingTable(dict):  # type: ignore[type-arg]
    """(reading, confidence if passed, failed, none) per service code; for S10 first per country:
    a nested table, or None for a country without a postal operator."""

    def __init__(self, fmt: Format, country: str | None = None, by_country: bool = False) -> None:
        super().__init__()
        self.fmt, self.country, self.by_country = fmt, country, by_country

    def __missing__(self, key: str | None) -> Any:
        if self.by_country:
            value: Any = (
                _ReadingTable(self.fmt, key) if key is not None and key in registry().operators else None
            )
        else:
            reading = _reading(self.fmt, key, self.country)
            value = None if reading is None else (
                reading, *(reading.confidences[r] for r in ("passed", "failed", "none")))
        self[key] = value
        return value


_compiled: dict[str, Any] = {"alternatives": {}, "tables": {}, "statics": {}, "steps": {}}


def _nothing(number: str) -> list[Candidate]:
    return []


def _compile_shape(first: str, length: int, all_digits: bool) -> Callable[[str], list[Candidate]]:
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
    fn = generate(
        length, first, formats,
        statics={f: r for f, r in statics.items() if r is not None},
        tables=tables,
        slow_steps={f: steps[f] for f in formats},
        alternatives=_compiled["alternatives"],
        base={"Candidate": Candidate, "_tnew": _tnew, "_finish": _finish, "_merge": _merge},
        all_digits=all_digits,
    )
    return _nothing if fn is None else fn


class _Pending:
    """A shape not compiled yet: compiles on first call and takes its own place in the table."""

    __slots__ = ("first", "length", "table")

    def __init__(self, first: str, length: int, table: list[Callable[[str], list[Candidate]]]) -> None:
        self.first, self.length, self.table = first, length, table

    def __call__(self, number: str) -> list[Candidate]:
        fn = _compile_shape(self.first, self.length, self.table is _DIGIT_SHAPES.get(self.first))
        self.table[self.length] = fn
        return fn(number)


def _table(first: str) -> list[Callable[[str], list[Candidate]]]:
    table: list[Callable[[str], list[Candidate]]] = [_nothing]
    table += [_Pending(first, length, table) for length in range(1, MAX_LENGTH + 1)]
    return table


_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Numbers of digits only, and numbers with at least one letter, have separate tables: the same
# first character and length, but digit-only formats drop out of one and letter ones of the other.
_DIGIT_SHAPES = {c: _table(c) for c in "0123456789"}
_SHAPES = {c: _table(c) for c in _ALPHABET}


def precompile() -> float:
    """Compile every shape function now instead of on first use; returns the seconds it took.

    Shapes compile lazily (well under a millisecond each), which suits one-shot use such as the
    CLI. Long-running services, and benchmarks that should not time one-off set-up, call this
    once at start-up, as `tracking_numbers` compiles its regexes when imported.
    """
    started = time.perf_counter()
    for first, table in [*_DIGIT_SHAPES.items(), *_SHAPES.items()]:
        for length, fn in enumerate(table):
            if isinstance(fn, _Pending):
                table[length] = _compile_shape(first, length, table is _DIGIT_SHAPES.get(first))
    return time.perf_counter() - started


def _shape_of(number: str) -> Callable[[str], list[Candidate]]:
    """The compiled function for canonical ``number``."""
    return (_DIGIT_SHAPES if number.isdigit() else _SHAPES)[number[0]][len(number)]


def detect(number: str) -> list[Candidate]:
    """Every plausible reading of ``number``, best first (InvalidNumberError for unusable input)."""
    # normalize()'s fast path, inlined: canonical text ([0-9A-Z]{1,64}) goes straight to its shape.
    # Anything else (lower case, separators, bytes, empty, too long) is normalized first; bytes
    # and non-text fail the table lookups (KeyError, IndexError, AttributeError) and get there too.
    try:
        if not number.isascii():
            shape = None
        elif number.isdigit():
            shape = _DIGIT_SHAPES[number[0]][len(number)]
        elif number.isalnum() and number.isupper():
            shape = _SHAPES[number[0]][len(number)]
        else:
            shape = None
    except (AttributeError, KeyError, IndexError, TypeError):
        shape = None
    if shape is None:
        number = normalize(number)
        shape = _shape_of(number)
    return shape(number)


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
