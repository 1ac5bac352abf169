"""Every text the sandbox carrier network can emit is placed on the tag the sandbox means.

Subtags are compared too, except where the sandbox's expectation and AfterShip's definitions
differ (listed below and reported to the sandbox owner).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

import pytest

from parceltrail.adapters.sandbox.codes import EXPECTED_SUBTAG
from parceltrail.status import Subtag, classify

FIELDS = {
    "city": "Shenzhen",
    "facility": "深圳转运中心",
    "airport": "SZX",
    "country_name": "Brazil",
    "carrier": "Correios",
    "next_number": "AB123456789BR",
    "next_tracking_number": "AB123456789BR",
}
# AfterShip: "processed at a parcel centre" is a processing scan (InTransit_001), not an arrival. Dispatched
# to a named place ("Отправлено в место вручения") is a departure (InTransit_007, convention C7).
SUBTAG_DISAGREEMENTS = {
    ("ARD", Subtag.InTransit_001),
    ("TRF", Subtag.InTransit_007),
}


@cache
def _templates() -> dict[str, dict[str, list[str | dict[str, str]]]]:
    raw = resources.files("parceltrail.adapters.sandbox").joinpath("texts.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _cases() -> list[tuple[str, str, int]]:
    return [
        (code, locale, pick)
        for code, locales in _templates().items()
        if code in EXPECTED_SUBTAG
        for locale, variants in locales.items()
        for pick in range(len(variants))
    ]


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return FIELDS.get(key, "X")


@pytest.mark.parametrize(("code", "locale", "pick"), _cases())
def test_sandbox_text_classifies_as_meant(code: str, locale: str, pick: int) -> None:
    variant = _templates()[code][locale][pick]
    # A variant is a plain template, or {text, subtag} when it names a more specific subtag.
    template = variant if isinstance(variant, str) else variant["text"]
    text = template.format_map(_Blank())
    expected = EXPECTED_SUBTAG[code] if isinstance(variant, str) else Subtag(variant["subtag"])
    for lang in (locale, None):  # with the sandbox's language, and guessed
        result = classify(text, lang=lang)
        assert result.tag is expected.tag, (text, lang, result)
    result = classify(text, lang=locale)
    assert result.subtag is expected or (code, result.subtag) in SUBTAG_DISAGREEMENTS, (text, result)
