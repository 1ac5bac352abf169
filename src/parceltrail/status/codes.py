"""Carrier event-code tables (data in `codes/<carrier>.toml`), written from carriers' public docs.

A table maps a carrier's own event code to a subtag. Codes with parts (Russian Post
`operation/attribute`, Correios `type/status`) fall back to the first part, and
Colissimo codes to their 3-letter family, when the full code is not listed; such a
fallback is reported as not exact so that a confident text rule may refine it. So are codes
a table lists as `coarse`: status categories (DHL's "transit", UPS's "I") rather than events.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from parceltrail.status._data import list_toml, load_toml
from parceltrail.status.taxonomy import Subtag

_PART_SEPARATORS = re.compile(r"\s*[./:\-]\s*|\s+")


@dataclass(frozen=True, slots=True)
class CodeTable:
    carrier: str
    aliases: tuple[str, ...]
    separator: str | None
    prefix: int | None  # fall back to the first N characters (Colissimo families)
    codes: dict[str, Subtag]
    coarse: frozenset[str]  # status categories, not events: the text may say more

    def normalize(self, code: str) -> str:
        code = code.strip().upper()
        if self.separator is None:
            return code
        parts = [p.lstrip("0") or "0" if p.isdigit() else p for p in _PART_SEPARATORS.split(code) if p]
        return self.separator.join(parts)


@dataclass(frozen=True, slots=True)
class CodeHit:
    subtag: Subtag
    key: str
    exact: bool


def _slug(carrier: str) -> str:
    return re.sub(r"[\s_]+", "-", carrier.strip().lower())


@cache
def tables() -> dict[str, CodeTable]:
    """Every code table, indexed by carrier slug and by each alias."""
    index: dict[str, CodeTable] = {}
    for stem in list_toml("codes"):
        raw = load_toml("codes", stem)
        sep = raw.get("separator")
        table = CodeTable(
            carrier=str(raw["carrier"]),
            aliases=tuple(raw.get("aliases", ())),
            separator=str(sep) if sep else None,
            prefix=int(raw["prefix"]) if raw.get("prefix") else None,
            codes={},
            coarse=frozenset(),
        )
        for key, subtag in raw["codes"].items():
            table.codes[table.normalize(str(key))] = Subtag(subtag)
        coarse = {table.normalize(str(key)) for key in raw.get("coarse", [])}
        table = dataclasses.replace(table, coarse=frozenset(coarse))
        for name in (table.carrier, *table.aliases):
            index[_slug(name)] = table
    return index


def lookup(carrier: str | None, code: str | None) -> CodeHit | None:
    """Subtag for a carrier's event code; `|`-joined codes are tried in order."""
    if not carrier or not code:
        return None
    table = tables().get(_slug(carrier))
    if table is None:
        return None
    fallback: CodeHit | None = None
    for one in code.split("|"):
        key = table.normalize(one)
        if not key:
            continue
        if key in table.codes and key not in table.coarse:
            return CodeHit(table.codes[key], key, exact=True)
        if key in table.codes and fallback is None:
            fallback = CodeHit(table.codes[key], key, exact=False)
            continue
        if fallback is None:
            head = None
            if table.separator and table.separator in key:
                head = key.split(table.separator, 1)[0]
            elif table.prefix and len(key) > table.prefix:
                head = key[: table.prefix]
            if head is not None and head in table.codes:
                fallback = CodeHit(table.codes[head], head, exact=False)
    return fallback
