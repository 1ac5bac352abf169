"""The page texts' gettext catalogs (locales/<lang>/LC_MESSAGES/messages.po), read as files: every English
text translated in every language with all of the language's plural forms and the same placeholders, the
Plural-Forms headers agreeing with CLDR, and every key the templates and Python ask for in the catalog."""

from __future__ import annotations

import gettext
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel import Locale as BabelLocale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from parceltrail.entrypoints.web.i18n import LANGS

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "src" / "parceltrail" / "entrypoints" / "web"
# The CLDR category of each gettext form, in msgstr[i] order. Russian's CLDR `other` is for fractions
# only; Spanish and Portuguese `many` (whole millions) has no gettext form of its own.
FORMS = {"en": ("one", "other"), "es": ("one", "other"), "pt": ("one", "other"),
         "ru": ("one", "few", "many"), "zh": ("other",)}


def po(lang: str) -> Catalog:
    with (WEB / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang, abort_invalid=True)


def entries(lang: str) -> dict[str, Message]:
    return {message.id[0] if message.pluralizable else message.id: message for message in po(lang)
            if message.id}


def texts(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if message.pluralizable else (message.string,)


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_languages_have_their_own_plural_forms() -> None:
    assert set(FORMS) == set(LANGS)
    assert {lang: po(lang).num_plurals for lang in LANGS} == {"en": 2, "es": 2, "pt": 2, "ru": 3, "zh": 1}
    for lang in LANGS:
        pick = gettext.c2py(po(lang).plural_expr)
        cldr = BabelLocale.parse(lang).plural_form
        for count in range(0, 1001):
            assert FORMS[lang][pick(count)] == cldr(count), (lang, count)


@pytest.mark.parametrize("lang", LANGS)
def test_every_english_text_is_translated_with_its_placeholders(lang: str) -> None:
    english, own = entries("en"), entries(lang)
    assert set(own) == set(english), (sorted(set(english) - set(own)), sorted(set(own) - set(english)))
    forms = po(lang).num_plurals
    for key, source in english.items():
        message = own[key]
        assert message.pluralizable == source.pluralizable, key
        assert not message.fuzzy, key
        found = texts(message)
        if message.pluralizable:
            assert len(found) == forms, key
        assert all(text.strip() for text in found), f"{lang}: {key} has no text"
        wanted = {frozenset(placeholders(text)) for text in texts(source)}
        assert len(wanted) == 1, f"en: {key}: its forms name different placeholders"
        for text in found:
            assert placeholders(text) == set(next(iter(wanted))), (lang, key, text)


def used_keys() -> Iterator[tuple[str, bool, str]]:
    """(key, asked as plural, where) for every literal key in a t()/plural() call, found by babel.cfg's
    extractors for Python and templates (the English catalog's own keys left out)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        methods, options = parse_mapping_cfg(handle)
    code = [(pattern, method) for pattern, method in methods if not method.endswith("catalog_keys")]
    assert code, "babel.cfg names no extractor for the code"
    for filename, lineno, message, _, _ in extract_from_dir(str(WEB), code, options,
                                                            keywords={"t": None, "plural": (1, 1)}):
        plural = not isinstance(message, str)
        yield (message[0] if plural else message), plural, f"{filename}:{lineno}"


def test_every_key_the_pages_ask_for_is_in_the_catalog() -> None:
    english = entries("en")
    used = list(used_keys())
    assert any(plural for _, plural, _ in used) and len(used) > 100  # the extractors did find the calls
    for key, plural, where in used:
        assert key in english, f"{where}: {key} is not in the English catalog"
        assert english[key].pluralizable == plural, f"{where}: {key} is {'not ' if plural else ''}plural"


RU_HEADER = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'
             '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
             '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n')
EN_HEADER = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'
             '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')


def test_a_text_missing_in_a_language_falls_back_to_english(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from zoneinfo import ZoneInfo

    from parceltrail.entrypoints.web import i18n

    def write(lang: str, text: str) -> None:
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.po").write_text(text, encoding="utf-8")

    write("en", EN_HEADER + 'msgid "a.done"\nmsgstr "Done"\n\nmsgid "a.empty"\nmsgstr "Empty in Russian"\n\n'
          'msgid "a.fuzzy"\nmsgstr "Fuzzy in Russian"\n\n'
          'msgid "a.days"\nmsgid_plural "a.days"\nmsgstr[0] "{count} day"\nmsgstr[1] "{count} days"\n\n'
          'msgid "a.parcels"\nmsgid_plural "a.parcels"\nmsgstr[0] "{count} parcel"\n'
          'msgstr[1] "{count} parcels"\n')
    write("ru", RU_HEADER + 'msgid "a.done"\nmsgstr "Готово"\n\nmsgid "a.empty"\nmsgstr ""\n\n'
          '#, fuzzy\nmsgid "a.fuzzy"\nmsgstr "Нечёткий"\n\n'
          'msgid "a.days"\nmsgid_plural "a.days"\nmsgstr[0] "{count} день"\nmsgstr[1] "{count} дня"\n'
          'msgstr[2] "{count} дней"\n\n'
          'msgid "a.parcels"\nmsgid_plural "a.parcels"\nmsgstr[0] "{count} посылка"\nmsgstr[1] ""\n'
          'msgstr[2] "{count} посылок"\n')
    caches = (i18n.po_catalog, i18n.translations, i18n.catalog)
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setattr(i18n, "_LOCALES", tmp_path)
    try:
        ru = i18n.Locale("ru", ZoneInfo("UTC"))
        assert ru.t("a.done") == "Готово"
        assert ru.t("a.empty") == "Empty in Russian" and ru.t("a.fuzzy") == "Fuzzy in Russian"
        assert [ru.plural("a.days", n) for n in (1, 3, 5)] == ["1 день", "3 дня", "5 дней"]
        # A plural entry short of a form is English in every form, never half Russian.
        assert [ru.plural("a.parcels", n) for n in (1, 3, 5)] == ["1 parcel", "3 parcels", "5 parcels"]
        assert ru.t("a.unknown") == "a.unknown" and ru.plural("a.unknown", 2) == "a.unknown"
        assert ru.has("a.empty") and not ru.has("a.unknown")
    finally:
        for cached in caches:
            cached.cache_clear()
