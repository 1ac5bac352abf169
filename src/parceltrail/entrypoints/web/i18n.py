"""Page languages and time zones: which language a request wants, its texts, and dates formatted for it.

The language comes from `?lang=` (then kept in a cookie), the cookie, or Accept-Language; the time zone
from a cookie that `static/app.js` sets from the browser (`Intl`), UTC until then. Texts live in gettext
catalogs, `locales/<lang>/LC_MESSAGES/messages.po`, read with Babel when first needed: the msgid is the
text's dotted key (`card.eta`), `{placeholders}` are filled, and texts with a count are plural entries
(msgid_plural = msgid) whose form the catalog's Plural-Forms header picks. A text missing or fuzzy in a
language falls back to English.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale as BabelLocale
from babel.dates import format_date, format_datetime, format_time, format_timedelta
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from fastapi import Request

from parceltrail.domain.money import exponent

LANGS: tuple[str, ...] = ("en", "es", "pt", "ru", "zh")
LANG_NAMES: dict[str, str] = {"en": "English", "es": "Español", "pt": "Português", "ru": "Русский",
                              "zh": "中文"}
DEFAULT_LANG = "en"
LANG_COOKIE = "parceltrail_lang"
TZ_COOKIE = "parceltrail_tz"
_LOCALES = Path(__file__).resolve().parent / "locales"


def po_path(lang: str) -> Path:
    return _LOCALES / lang / "LC_MESSAGES" / "messages.po"


@cache
def po_catalog(lang: str) -> Catalog:
    """The language's .po as written, untranslated and fuzzy entries included. A malformed file raises
    (as the catalog tests do) rather than leaving pages with keys where texts belong."""
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, abort_invalid=True)


def _complete(message: Message) -> bool:
    """Translated and not fuzzy: a plural entry needs every form the language has."""
    if not message.id or message.fuzzy:
        return False
    if message.pluralizable:
        return isinstance(message.string, (list, tuple)) and all(message.string)
    return bool(message.string)


@cache
def translations(lang: str) -> Translations:
    """The language's gettext translations, English behind them for whatever it lacks: an entry that is
    empty, fuzzy or short of a plural form is left out, so English stands in for it whole."""
    catalog = po_catalog(lang)
    compiled = Catalog(locale=lang)
    compiled.mime_headers = catalog.mime_headers  # its Plural-Forms, so ngettext picks its forms
    for message in catalog:
        if _complete(message):
            compiled[message.id] = message
    mo = BytesIO()
    write_mo(mo, compiled)
    mo.seek(0)
    found = Translations(mo, domain="messages")
    if lang != DEFAULT_LANG:
        found.add_fallback(translations(DEFAULT_LANG))
    return found


@cache
def catalog(lang: str) -> dict[str, str]:
    """The language's own texts without a count, by key (`card.eta`): no English fallback in here."""
    return {message.id: message.string for message in po_catalog(lang)
            if isinstance(message.id, str) and _complete(message)}


def _base(tag: str) -> str:
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


def pick_lang(requested: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The first supported language among ?lang=, the cookie and Accept-Language (by q-value)."""
    for value in (requested, cookie):
        if value and _base(value[:20]) in LANGS:
            return _base(value)
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, params = part.partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag.strip() and quality > 0:
            weighted.append((-quality, index, _base(tag)))
    for _, _, base in sorted(weighted):
        if base in LANGS:
            return base
    return DEFAULT_LANG


def pick_zone(cookie: str | None) -> ZoneInfo:
    cookie = unquote(cookie or "")  # the script URL-encodes it ("America%2FSao_Paulo")
    if cookie and len(cookie) <= 64 and ".." not in cookie and not cookie.startswith("/"):
        try:
            return ZoneInfo(cookie)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo("UTC")


def utc_offset(value: datetime) -> str:
    """`UTC+08:00` for an aware datetime (the carrier's local offset)."""
    minutes = int((value.utcoffset() or timedelta(0)).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True, slots=True)
class Locale:
    """One request's language and time zone, with the helpers templates use."""

    lang: str
    zone: ZoneInfo
    requested: bool = False  # ?lang= was given: remember it in the cookie

    def has(self, key: str) -> bool:
        return key in catalog(self.lang) or key in catalog(DEFAULT_LANG)

    def money(self, minor: int, currency: str) -> str:
        """An amount in minor units, written the language's way with ISO 4217's minor unit
        (`domain.money.exponent`, the same the API, labels and evidence use), never CLDR's cash digits."""
        places = exponent(currency)
        pattern = copy(BabelLocale.parse(self.lang).currency_formats["standard"])
        pattern.frac_prec = (places, places)
        return pattern.apply(Decimal(minor).scaleb(-places), BabelLocale.parse(self.lang),
                             currency=currency.upper(), currency_digits=False)

    def plural(self, key: str, count: int, **values: Any) -> str:
        """`key` in the plural form the catalog's Plural-Forms gives `count` (ngettext); `{count}` is the
        number, written for the language."""
        text = translations(self.lang).ngettext(key, key, abs(count))
        return text.format(count=format_decimal(count, locale=self.lang), **values)

    def t(self, key: str, **values: Any) -> str:
        text = translations(self.lang).gettext(key)
        return text.format(**values) if values else text

    @property
    def zone_name(self) -> str:
        return self.zone.key

    def datetime(self, value: datetime | None, fmt: str = "medium") -> str:
        """In the reader's time zone."""
        if value is None:
            return ""
        if _pattern(fmt) == "medium":  # one style on every page: "Dec 7, 2026, 2:05 PM", no seconds
            babel = BabelLocale.parse(self.lang)
            glue = str(babel.datetime_formats.get("medium", "{1}, {0}"))
            return glue.replace("{1}", format_date(value.astimezone(self.zone).date(), "medium",
                                                   locale=self.lang)) \
                .replace("{0}", format_time(value, "short", tzinfo=self.zone, locale=self.lang))
        return format_datetime(value, _pattern(fmt), tzinfo=self.zone, locale=self.lang)

    def day(self, value: date | datetime, fmt: str = "full") -> str:
        if isinstance(value, datetime):
            value = value.astimezone(self.zone).date()
        return _day(value, fmt, self.lang)

    def local_time(self, value: datetime) -> str:
        """A carrier's event time in the event's own offset (the time printed at that place)."""
        return format_time(value, "short", tzinfo=value.tzinfo or UTC, locale=self.lang)

    def ago(self, delta: timedelta) -> str:
        return format_timedelta(-abs(delta), add_direction=True, threshold=1.1, locale=self.lang)

    def duration(self, delta: timedelta) -> str:
        return format_timedelta(delta, threshold=1.1, locale=self.lang)

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return _territories(self.lang).get(code.upper(), code.upper())


@lru_cache(maxsize=4096)
def _day(value: date, fmt: str, lang: str) -> str:
    """A calendar day written the language's way: the same few days (an estimate's dates, a timeline's
    days) are written on every page view, and Babel's pattern formatting is not cheap."""
    return format_date(value, fmt, locale=lang)


def _pattern(fmt: str) -> str:
    return fmt if fmt in ("short", "medium", "long", "full") else "medium"


@cache
def _territories(lang: str) -> dict[str, str]:
    return dict(BabelLocale.parse(lang).territories)


def negotiate(request: Request) -> Locale:
    requested = request.query_params.get("lang")
    lang = pick_lang(requested, request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
    chosen = bool(requested) and _base(requested[:20]) in LANGS
    return Locale(lang, pick_zone(request.cookies.get(TZ_COOKIE)), requested=chosen)
