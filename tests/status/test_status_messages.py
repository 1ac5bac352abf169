from __future__ import annotations

import pytest

from parceltrail.status import SUBTAGS, message, message_langs

REQUIRED_LANGS = ("en", "es", "pt", "ru", "fr", "de", "zh", "it", "pl")


def test_required_languages_have_files() -> None:
    assert set(REQUIRED_LANGS) <= set(message_langs())


@pytest.mark.parametrize("lang", REQUIRED_LANGS)
def test_every_subtag_has_a_message_in_every_language(lang: str) -> None:
    english = {s: message(s, "en") for s in SUBTAGS}
    for subtag in SUBTAGS:
        msg = message(subtag, lang)
        assert msg.title and msg.meaning and msg.next_step
        if lang != "en":
            assert msg != english[subtag], f"{subtag} in {lang} fell back to English"


def test_regional_variants_and_fallback() -> None:
    assert message("InTransit_006", "pt-BR") == message("InTransit_006", "pt")
    assert message("Delivered_001", "xx") == message("Delivered_001", "en")
    assert message("Delivered_001", None) == message("Delivered_001", "en")
    with pytest.raises(ValueError):
        message("Nope_001", "en")


def test_customs_and_return_advice() -> None:
    assert "few days" in message("InTransit_006", "en").next_step
    assert "seller" in message("Exception_010", "en").next_step
