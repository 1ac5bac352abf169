"""Load the packaged format definitions (formats/*.toml) once and index them for fast lookup."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from parceltrail.numbers.checksums import ALGORITHMS, Params, compile_check
from parceltrail.numbers.normalize import MAX_LENGTH

try:  # Used only to derive lengths and first characters from the patterns; optional.
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - other Python versions
    _sre_parse = None  # type: ignore[assignment]

OPERATOR = "@operator"


@dataclass(frozen=True, slots=True)
class Carrier:
    slug: str
    name: str
    tracking_url: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    service_class: str
    description: str
    trackable: bool


@dataclass(frozen=True, slots=True, eq=False)  # identity hash: formats are singletons
class Format:
    id: str
    name: str
    carrier: str  # a slug, or OPERATOR when the country group names the postal operator
    regex: re.Pattern[str]
    confidence: float
    service_class: str = "unknown"
    country: str | None = None
    tracking_url: str | None = None
    carrier_name: str | None = None
    algorithm: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    payload: tuple[str, ...] = ()
    prefix: str = ""
    prefix_unless: re.Pattern[str] | None = None
    service_group: str | None = None
    service_table: str | None = None
    min_length: int = 1
    max_length: int = MAX_LENGTH
    first_chars: frozenset[str] | None = None  # None: could start with anything
    compute: Callable[[str], str | None] | None = None  # the checksum with params bound

    def expected_check(self, match: re.Match[str]) -> str | None:
        """The check character this format expects for a match (None if it has no checksum)."""
        if self.algorithm is None:
            return None
        # Payload groups are adjacent in every definition, so one slice covers them all.
        payload = match.string[match.start(self.payload[0]) : match.end(self.payload[-1])]
        if self.prefix and (self.prefix_unless is None or not self.prefix_unless.search(payload)):
            payload = self.prefix + payload
        return self.compute(payload) if self.compute else ALGORITHMS[self.algorithm](payload, self.params)


@dataclass(frozen=True)
class Registry:
    formats: tuple[Format, ...]
    carriers: Mapping[str, Carrier]
    operators: Mapping[str, Carrier]  # ISO alpha-2 -> designated postal operator
    tables: Mapping[str, Mapping[str, ServiceInfo]]
    _shape_index: dict[tuple[int, str], tuple[Format, ...]] = field(default_factory=dict, repr=False)

    def formats_for(self, number: str) -> tuple[Format, ...]:
        """Formats whose length range and first character admit ``number`` (cached per shape)."""
        return self.formats_for_shape(len(number), number[:1])

    def formats_for_shape(self, length: int, first: str) -> tuple[Format, ...]:
        """Formats whose length range admits ``length`` and whose pattern can start with ``first``."""
        key = (length, first)
        found = self._shape_index.get(key)
        if found is None:
            found = tuple(
                f
                for f in self.formats
                if f.min_length <= length <= f.max_length
                and (f.first_chars is None or first in f.first_chars)
            )
            self._shape_index[key] = found
        return found

    def format(self, format_id: str) -> Format:
        for f in self.formats:
            if f.id == format_id:
                return f
        raise KeyError(format_id)


def _first_chars(items: Any) -> frozenset[str] | None:
    """Characters a parsed (sre) pattern can start with, or None when that is not simple to tell."""
    for op, arg in items:
        name = str(op)
        if name == "AT":  # ^ anchor
            continue
        if name == "LITERAL":
            return frozenset(chr(arg))
        if name == "IN":
            chars: set[str] = set()
            for sub_op, sub_arg in arg:
                sub = str(sub_op)
                if sub == "LITERAL":
                    chars.add(chr(sub_arg))
                elif sub == "RANGE":
                    chars.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
                else:
                    return None
            return frozenset(chars)
        if name == "SUBPATTERN":
            return _first_chars(arg[-1])
        if name == "BRANCH":
            union: set[str] = set()
            for branch in arg[1]:
                sub_first = _first_chars(branch)
                if sub_first is None:
                    return None
                union |= sub_first
            return frozenset(union)
        if name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
            return _first_chars(arg[2])
        return None
    return None


def _shape(pattern: str) -> tuple[int, int, frozenset[str] | None]:
    if _sre_parse is None:  # pragma: no cover
        return 1, MAX_LENGTH, None
    parsed = _sre_parse.parse(pattern)
    low, high = parsed.getwidth()
    return low, min(high, MAX_LENGTH), _first_chars(list(parsed))


def _build_format(raw: Mapping[str, Any]) -> Format:
    pattern = raw["pattern"]
    low, high, first = _shape(pattern)
    checksum = dict(raw.get("checksum", {}))
    algorithm = checksum.pop("algorithm", None)
    if algorithm is not None and algorithm not in ALGORITHMS:
        raise ValueError(f"format {raw['id']}: unknown checksum algorithm {algorithm!r}")
    payload = tuple(checksum.pop("payload", ("serial",)))
    prefix = checksum.pop("prefix", "")
    prefix_unless = checksum.pop("prefix_unless", None)
    params: Params = {k: tuple(v) if isinstance(v, list) else v for k, v in checksum.items()}
    service = raw.get("service", {})
    return Format(
        id=raw["id"],
        name=raw["name"],
        carrier=raw["carrier"],
        regex=re.compile(pattern),
        confidence=float(raw.get("confidence", 0.5)),
        service_class=raw.get("service_class", "unknown"),
        country=raw.get("country"),
        tracking_url=raw.get("tracking_url"),
        carrier_name=raw.get("carrier_name"),
        algorithm=algorithm,
        params=params,
        payload=payload,
        prefix=prefix,
        prefix_unless=re.compile(prefix_unless) if prefix_unless else None,
        service_group=service.get("group"),
        service_table=service.get("table"),
        min_length=int(raw.get("min_length", low)),
        max_length=int(raw.get("max_length", high)),
        first_chars=first,
        compute=compile_check(algorithm, params) if algorithm else None,
    )


@functools.cache
def registry() -> Registry:
    """Read every formats/*.toml file shipped with the package (once per process)."""
    formats: list[Format] = []
    carriers: dict[str, Carrier] = {}
    operators: dict[str, Carrier] = {}
    tables: dict[str, dict[str, ServiceInfo]] = {}
    folder = resources.files("parceltrail.numbers") / "formats"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        for country, (slug, name, url) in data.get("operators", {}).items():
            operators[country] = Carrier(slug, name, url or None, country)
            carriers.setdefault(slug, operators[country])
        for raw in data.get("carrier", []):
            slug = raw["slug"]
            carriers[slug] = Carrier(slug, raw["name"], raw.get("tracking_url"), raw.get("country"))
        for name, rows in data.get("table", {}).items():
            tables[name] = {key: ServiceInfo(*value) for key, value in rows.items()}
        formats.extend(_build_format(raw) for raw in data.get("format", []))
    for f in formats:
        if f.carrier != OPERATOR and f.carrier not in carriers:
            raise ValueError(f"format {f.id}: unknown carrier {f.carrier!r}")
        if f.service_table and f.service_table not in tables:
            raise ValueError(f"format {f.id}: unknown table {f.service_table!r}")
    return Registry(tuple(formats), carriers, operators, tables)
