"""User-facing messages per subtag and language (data in `messages/<lang>.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from parceltrail.status._data import list_toml, load_toml
from parceltrail.status.taxonomy import Subtag

FALLBACK_LANG = "en"
# Codes a locale or an old system may use for a language whose messages are filed under another:
# Norwegian Bokmål/Nynorsk locales (nb_NO, nn_NO) and the withdrawn ISO code for Hebrew.
LANG_ALIASES = {"nb": "no", "nn": "no", "iw": "he"}


@dataclass(frozen=True, slots=True)
class Message:
    """What a status means for the recipient and what, if anything, to do next."""

    title: str
    meaning: str
    next_step: str


@cache
def message_langs() -> tuple[str, ...]:
    """Languages that have a message file."""
    return tuple(list_toml("messages"))


@cache
def _catalog(lang: str) -> dict[Subtag, Message]:
    raw = load_toml("messages", lang)
    return {Subtag(code): Message(**fields) for code, fields in raw.items()}


def base_lang(lang: str | None) -> str:
    """The message-file language of a tag: "pt-BR" / "pt_BR" / "PT" -> "pt", "nb_NO" -> "no"."""
    base = (lang or FALLBACK_LANG).replace("_", "-").split("-", 1)[0].split(".", 1)[0].lower()
    return LANG_ALIASES.get(base, base)


def message_lang(lang: str | None) -> str | None:
    """The message-file language a reader's language tag names ("pt-BR" -> "pt"; none: English), or None
    when no messages exist in it."""
    base = base_lang(lang)
    return base if base in message_langs() else None


def message(subtag: Subtag | str, lang: str | None = None) -> Message:
    """Message for a subtag in `lang` (e.g. "pt-BR"), falling back to English.

    Raises ValueError for an unknown subtag.
    """
    try:
        code = Subtag(subtag)
    except ValueError:
        raise ValueError(f"unknown AfterShip subtag: {subtag!r}") from None
    base = message_lang(lang)
    if base is not None:
        found = _catalog(base).get(code)
        if found is not None:
            return found
    return _catalog(FALLBACK_LANG)[code]
