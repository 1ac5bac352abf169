"""Pull the place named in an event text ("... in MEMPHIS, TN", "到达【深圳转运中心】").

Only linear-time regexes (event texts are untrusted input): candidate tails are found with
simple patterns and then checked word by word in Python.
"""

from __future__ import annotations

import re

# Chinese traces put depots in 【】; the one right after a movement verb is the event's place.
_ZH_AFTER_VERB = re.compile(r"(?:到达|离开|抵达|进入|收入|发出|已被|由|在)\s*【([^】]{2,40})】")
_ZH_BRACKET = re.compile(r"【([^】]{2,40})】")

_EN_PREP = re.compile(r"\b(in|from|to|at)(:?)\s+")
_LATIN_PREP = re.compile(r"\b(à|au|en|em|no|na|in|im|bei|de|desde|nach)\s+")
_MAX_PLACE = 60

# Words allowed inside a place name besides capitalised ones ("Rio de Janeiro", "Curitiba / PR").
_CONNECTORS = frozenset({"-", "/", "de", "do", "da", "del", "la", "le", "sur", "am", "an", "of", "the"})
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*,?")
_POSTCODE = re.compile(r"\d{4,6}(?:-\d{3,4})?,?")
_ALL_CAPS_ADDRESS = re.compile(r"[A-Z0-9][A-Z0-9 .,'#/\-]{2,}")
_RU_PLACE = re.compile(r"(?:г\.\s*)?[А-ЯЁ][А-Яа-яЁё\-]*(?:\s+[А-ЯЁа-яё\-]+)*(?:\s+\d{6})?")


def _clean(place: str) -> str | None:
    place = place.strip(" .,;-")
    return place if 2 <= len(place) <= _MAX_PLACE else None


def _is_place(tail: str) -> bool:
    words = tail.split()
    if not words or not _CAPITALISED.fullmatch(words[0]):
        return False
    return all(w in _CONNECTORS or _CAPITALISED.fullmatch(w) or _POSTCODE.fullmatch(w) for w in words)


def _latin_place(text: str, prep: re.Pattern[str]) -> str | None:
    # The last preposition whose whole tail reads as a place name wins.
    for m in reversed(list(prep.finditer(text))):
        tail = text[m.end() :].strip().rstrip(".")
        if len(tail) > _MAX_PLACE:
            break
        if m.group(1) == "at":
            # "at facility" is no place; "at MAIN STREET POST OFFICE" / "at: 2420 N ..." are.
            if m.group(2) == ":" or _ALL_CAPS_ADDRESS.fullmatch(tail):
                return _clean(tail)
            continue
        if _is_place(tail):
            return _clean(tail)
    return None


def _ru_place(text: str) -> str | None:
    # Russian Post style: "Прибыло в место вручения, Москва 101000".
    comma = text.rfind(",")
    if comma < 0:
        return None
    tail = text[comma + 1 :].strip()
    if len(tail) > _MAX_PLACE or ":" in tail or not _RU_PLACE.fullmatch(tail):
        return None
    return _clean(tail)


def extract_location(text: str, lang: str) -> str | None:
    """The place an event text names, or None. `text` is the original (not normalised) text."""
    if lang in ("zh", "ja"):
        m = _ZH_AFTER_VERB.search(text) or _ZH_BRACKET.search(text)
        return _clean(m.group(1)) if m else None
    if lang in ("ru", "uk"):
        return _ru_place(text)
    return _latin_place(text, _EN_PREP if lang == "en" else _LATIN_PREP)
