"""How the CLI shows results to a person in an 80-column terminal (`--json` stays for scripts).

- One result prints as a vertical card (label: value lines), which never truncates anything.
- Tables keep tracking numbers whole (no wrapping, no ellipsis), show carriers by name and statuses in
  words ("Held by customs"), and wrap only at spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text


def status_words(tag: str | None, subtag: str | None) -> str:
    """A status as words ("Delivered", "Held by customs"), never a code like `Exception_004`."""
    from parceltrail.status import subtag_info

    for code in (subtag, f"{tag}_001" if tag else None):
        if not code:
            continue
        try:
            return subtag_info(code).name
        except (KeyError, ValueError):
            continue
    return re.sub(r"(?<!^)(?=[A-Z])", " ", tag).capitalize() if tag else "Unknown"


def carrier_words(slug: str | None) -> str:
    from parceltrail.numbers import carrier_name

    return (carrier_name(slug) or slug or "") if slug else ""


def when(value: datetime | str | None) -> str:
    """`2026-12-07 14:05` (minutes are enough for a person)."""
    if value is None or value == "":
        return ""
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    return f"{text[:10]} {text[11:16]}".strip()


def card(console: Console, title: str, rows: Iterable[tuple[str, str | None]]) -> None:
    """One result, vertically: a bold title, then aligned labels and values (values wrap at spaces)."""
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), title=None)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        if value not in (None, ""):
            table.add_row(label, Text(str(value)))
    console.print(Text(title, style="bold"))
    console.print(table)


def table(columns: Sequence[tuple[str, str]]) -> Table:
    """A compact table; `columns` are (header, kind) with kind "number" (never cut or wrapped), "words"
    (wraps at spaces) or "short" (never wrapped)."""
    out = Table(box=box.SIMPLE_HEAD, show_header=True, header_style="bold", pad_edge=False, padding=(0, 1))
    for header, kind in columns:
        if kind == "number":
            out.add_column(header, no_wrap=True, overflow="ignore", min_width=len(header))
        elif kind == "short":
            out.add_column(header, no_wrap=True)
        else:
            out.add_column(header, overflow="fold", ratio=1)
    return out
