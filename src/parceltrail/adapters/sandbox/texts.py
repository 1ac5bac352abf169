"""Event text templates (`texts.toml`) and the deterministic choice of one variant per event."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

# A variant is plain text, or {text, subtag} when it is more specific than its code's subtag.
Variant = str | dict[str, str]


@cache
def _templates() -> dict[str, dict[str, list[Variant]]]:
    raw = resources.files(__package__).joinpath("texts.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def locales_for(code: str) -> list[str]:
    return list(_templates()[code])


def render(code: str, locale: str, pick: int, **fields: str) -> tuple[str, str | None]:
    """The `pick`-th variant (modulo the variant count) of `code` in `locale`, placeholders filled in, and
    the subtag that variant means when it is more specific than its code's (else None)."""
    variants = _templates()[code][locale]
    variant = variants[pick % len(variants)]
    if isinstance(variant, str):
        return variant.format(**fields), None
    return variant["text"].format(**fields), variant["subtag"]
