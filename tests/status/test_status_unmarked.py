"""Texts written without diacritics, as carrier systems that only send ASCII write them ("Zasilka byla
dorucena", "Livrare esuata"): the text's language reads them by its rules with the marks of every
pattern's words stripped, first when the text's words name that language alone, else only when no rule
places the text (stripped, a stem of one language can become a word of another).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`.
"""

from __future__ import annotations

import pytest

from parceltrail.status import classify
from parceltrail.status.normalize import guess_lang_with_evidence, leads_alone, normalize, strip_marks
from parceltrail.status.rules import _strip_word_marks, reading_rules, rule_set
from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text written without its diacritics, expected subtag)
CASES: list[tuple[str, str, str]] = [
    ("cs", "Zasilka byla dorucena adresatovi", "Delivered_001"),
    ("cs", "Zasilka je pripravena k vyzvednuti na vydejnim miste", "AvailableForPickup_001"),
    ("cs", "Zasilka se vraci odesilateli", "Exception_010"),
    ("cs", "Adresat nebyl zastizen, zasilka ulozena na poste", "AttemptFail_002"),
    ("pl", "Przesylka zostala doreczona do adresata", "Delivered_001"),
    ("pl", "Przesylka zwrocona do nadawcy", "Exception_010"),
    ("pl", "Nieudana proba doreczenia przesylki", "AttemptFail_001"),
    ("pl", "Przesylka odebrana w punkcie", "Delivered_002"),
    ("hu", "A kuldemeny kezbesitve", "Delivered_001"),
    ("hu", "Sikertelen kezbesites, a cimzett nem volt otthon", "AttemptFail_002"),
    ("hu", "A kuldemeny visszakuldve a feladonak", "Exception_010"),
    ("ro", "Livrare esuata, destinatar absent", "AttemptFail_002"),
    ("ro", "Coletul a fost livrat cu succes", "Delivered_001"),
    ("tr", "Gonderiniz dagitima cikarildi", "OutForDelivery_001"),
    ("tr", "Gonderi alici tarafindan teslim alindi", "Delivered_002"),
    ("cs", "Zasielka bola dorucena", "Delivered_001"),  # Slovak, read by the Czech rules
    ("cs", "Zasielka bola vratena odosielatelovi", "Exception_010"),
    ("hr", "Posiljka je isporucena primatelju", "Delivered_001"),
    ("de", "Die Sendung wurde dem Empfanger zugestellt", "Delivered_001"),
    ("fr", "Colis livre au destinataire", "Delivered_001"),
    ("es", "Envio entregado al destinatario", "Delivered_001"),
    ("pt", "Objeto nao entregue - destinatario ausente", "AttemptFail_002"),
    # a word with its marks still reads as before
    ("pl", "Przesyłka została doręczona", "Delivered_001"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Italian "il" is also a French hint word: neither leads alone, and French's "prépar" unmarked must
        # not read the Italian "preparando".
        ("Stiamo preparando il tuo ordine", "InfoReceived_001"),
        # French "livré" unmarked is Portuguese "livre" (a brand here): the Portuguese acceptance is read.
        ("Despachado no ponto Mercado Livre", "InTransit_002"),
        # a one-letter word keeps its mark: Italian "è" does not match the last letter of "accettazione"
        ("Accettazione presso l'Ufficio Postale", "InTransit_002"),
    ],
)
def test_unmarked_reading_does_not_cross_languages(text: str, expected: str) -> None:
    assert str(classify(text).subtag) == expected


def test_strip_marks_removes_diacritics_of_latin_letters() -> None:
    assert strip_marks("doręczona łódź žluťoučký şţ ăâî øæ") == "doreczona lodz zlutoucky st aai oae"
    assert strip_marks("delivered") == "delivered"


def test_only_the_marks_of_words_are_stripped_from_patterns() -> None:
    assert _strip_word_marks("doręcz\\w*") == "dorecz\\w*"
    assert _strip_word_marks("(?:si trova|è|sono)") == "(?:si trova|è|sono)"
    assert _strip_word_marks("à la") == "à la"


def test_rules_without_marks_are_read_as_they_are() -> None:
    assert reading_rules("en", unmarked=True) is rule_set("en")
    assert reading_rules("ru", unmarked=True) is rule_set("ru")  # not a Latin-script language
    assert reading_rules("pl", unmarked=True) is not rule_set("pl")
    assert reading_rules("pl", unmarked=False) is rule_set("pl")


def test_a_hint_word_without_its_marks_votes_half() -> None:
    # "zasilka" and "dorucena" are Czech hint words written without marks: half a vote each
    assert guess_lang_with_evidence(normalize("zasilka dorucena")) == ("cs", True)
    # one unmarked word alone names the language but does not make it trusted
    assert guess_lang_with_evidence(normalize("zasilka 123")) == ("cs", False)
    assert leads_alone(normalize("zasilka byla dorucena"), "cs")
    assert not leads_alone(normalize("il tuo ordine"), "it")


def test_a_text_no_rule_places_marked_is_read_unmarked_by_its_named_language() -> None:
    # one unmarked Czech word: Czech is named but not trusted, no marked rule of any language places the
    # text, so the Czech rules read it unmarked
    assert guess_lang_with_evidence(normalize("dorucena")) == ("cs", False)
    result = classify("dorucena")
    assert (str(result.subtag), result.rule) == ("Delivered_001", "text:cs:delivered")
