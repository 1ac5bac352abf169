"""Event text templates (`texts.toml`) and the deterministic choice of one variant per event."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _templates() -> dict[str, dict[str, list[str]]]:
    raw = resources.files(__package__).joinpath("texts.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def locales_for(code: str) -> list[str]:
    return list(_templates()[code])


def render(code: str, locale: str, pick: int, **fields: str) -> str:
    """The `pick`-th variant (modulo the variant count) of `code` in `locale`, placeholders filled in."""
    variants = _templates()[code][locale]
    return variants[pick % len(variants)].format(**fields)
