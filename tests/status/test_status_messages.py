from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from parceltrail.status import SUBTAGS, message, message_langs

# The languages `parceltrail classify` and notifications promise: the AliExpress destination markets.
REQUIRED_LANGS = ("en", "zh", "es", "pt", "fr", "de", "it", "nl", "pl", "cs", "ru", "uk", "tr", "ko",
                  "ja", "he", "ar", "sv", "da", "fi", "no", "ro", "hu", "el")
FIELDS = ("title", "meaning", "next_step")
MESSAGES = Path(__file__).resolve().parents[2] / "src" / "parceltrail" / "status" / "messages"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_LATIN = re.compile(r"[A-Za-z]")


def _raw(lang: str) -> dict[str, dict[str, str]]:
    # The file itself, not `message()`: a missing entry must fail here, not fall back to English.
    return tomllib.loads((MESSAGES / f"{lang}.toml").read_text(encoding="utf-8"))


def test_required_languages_have_files() -> None:
    assert set(REQUIRED_LANGS) <= set(message_langs())


@pytest.mark.parametrize("lang", message_langs())
def test_every_subtag_has_every_field_in_the_file(lang: str) -> None:
    raw = _raw(lang)
    assert set(raw) == {s.value for s in SUBTAGS}, f"{lang}: subtags missing or unknown"
    for subtag, fields in raw.items():
        assert set(fields) == set(FIELDS), f"{lang} {subtag}: fields {sorted(fields)}"
        for field in FIELDS:
            value = fields[field]
            assert isinstance(value, str) and value.strip(), f"{lang} {subtag}.{field} is empty"


@pytest.mark.parametrize("lang", REQUIRED_LANGS)
def test_every_subtag_has_a_message_in_every_language(lang: str) -> None:
    english = {s: message(s, "en") for s in SUBTAGS}
    for subtag in SUBTAGS:
        msg = message(subtag, lang)
        assert msg.title and msg.meaning and msg.next_step
        if lang != "en":
            assert msg.title != english[subtag].title, f"{subtag} in {lang} has the English title"
            assert msg.meaning != english[subtag].meaning, f"{subtag} in {lang} has the English meaning"


@pytest.mark.parametrize("lang", [lang for lang in REQUIRED_LANGS if lang != "en"])
def test_placeholders_match_english(lang: str) -> None:
    english, other = _raw("en"), _raw(lang)
    for subtag, fields in english.items():
        for field in FIELDS:
            assert sorted(_PLACEHOLDER.findall(other[subtag][field])) == sorted(
                _PLACEHOLDER.findall(fields[field])), f"{lang} {subtag}.{field}"


@pytest.mark.parametrize("lang", ["zh", "ru", "uk", "ko", "ja", "he", "ar", "el"])
def test_non_latin_languages_are_written_in_their_script(lang: str) -> None:
    # A Latin letter in a Cyrillic, Greek, Hebrew, Arabic or CJK message is a left-over English word.
    for subtag, fields in _raw(lang).items():
        for field in FIELDS:
            assert not _LATIN.search(fields[field]), f"{lang} {subtag}.{field}: {fields[field]!r}"


def test_regional_variants_and_fallback() -> None:
    assert message("InTransit_006", "pt-BR") == message("InTransit_006", "pt")
    # Norwegian locales are usually nb/nn; old systems still say iw for Hebrew.
    norwegian = message("Delivered_001", "no")
    assert message("Delivered_001", "nb_NO") == message("Delivered_001", "nn") == norwegian
    assert message("Delivered_001", "iw") == message("Delivered_001", "he")
    assert message("Delivered_001", "xx") == message("Delivered_001", "en")
    assert message("Delivered_001", None) == message("Delivered_001", "en")
    with pytest.raises(ValueError):
        message("Nope_001", "en")


def test_customs_and_return_advice() -> None:
    assert "few days" in message("InTransit_006", "en").next_step
    assert "seller" in message("Exception_010", "en").next_step
    assert message("Delivered_001", "ja").title == "配達完了"
    assert message("AvailableForPickup_001", "cs").title == "Připraveno k vyzvednutí"
