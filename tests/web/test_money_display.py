"""Every place that shows an amount agrees on its currency's minor unit (ISO 4217, `domain.money`)."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from babel.numbers import list_currencies

from parceltrail.domain.money import exponent, format_minor
from parceltrail.entrypoints.web.i18n import LANGS, Locale


def _value(text: str, decimal_mark: str) -> str:
    digits = re.sub(rf"[^\d{re.escape(decimal_mark)}-]", "", text)
    return digits.strip(decimal_mark).replace(decimal_mark, ".")  # a symbol like "Cg." brings its own dot


@pytest.mark.parametrize("currency", sorted(list_currencies()))
def test_pages_and_api_show_the_same_amount(currency: str) -> None:
    api = format_minor(123456, currency, symbol=False)
    assert _value(Locale("en", ZoneInfo("UTC")).money(123456, currency), ".") == api
    assert _value(Locale("ru", ZoneInfo("UTC")).money(123456, currency), ",") == api


def test_known_minor_units() -> None:
    assert Locale("en", ZoneInfo("UTC")).money(123456, "HUF") == "HUF1,234.56"
    assert format_minor(123456, "HUF") == "1234.56 HUF"
    assert Locale("en", ZoneInfo("UTC")).money(1234, "JPY") == "¥1,234"
    assert Locale("en", ZoneInfo("UTC")).money(1234567, "KWD") == "KWD1,234.567"
    assert exponent("clf") == 4 and format_minor(-5, "EUR") == "-0.05 EUR"
    for lang in LANGS:
        assert "12" in Locale(lang, ZoneInfo("UTC")).money(1250, "EUR")
