"""Text normalisation and cheap language guessing for carrier event texts."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from parceltrail.status._data import load_toml

LANGS: tuple[str, ...] = ("en", "zh", "pt", "es", "ru", "fr", "de")
LATIN_LANGS: tuple[str, ...] = ("en", "fr", "pt", "es", "de")

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _hints() -> tuple[dict[str, tuple[str, ...]], dict[str, str], re.Pattern[str]]:
    """Hint words and letters of the Latin-script languages (from `rules/<lang>.toml`).

    Returns word -> languages it votes for, letter -> language, and a regex of all letters.
    """
    words: dict[str, tuple[str, ...]] = {}
    letters: dict[str, str] = {}
    for lang in LATIN_LANGS:
        raw = load_toml("rules", lang)
        for word in {w for chunk in raw.get("hint_words", []) for w in chunk.split()}:
            words[word] = (*words.get(word, ()), lang)
        for ch in str(raw.get("hint_letters", "")):
            letters[ch] = lang
    return words, letters, re.compile(f"[{re.escape(''.join(letters))}]")


def normalize(text: str) -> str:
    """Lower-case, NFKC-fold, unify apostrophes, collapse whitespace; keep accents (they carry meaning)."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е").replace("’", "'")
    return _SPACE.sub(" ", folded).strip()


def script_lang(norm: str) -> str | None:
    """ "zh" for Chinese script, "ru" for Cyrillic, None for anything else (Latin)."""
    if _CJK.search(norm):
        return "zh"
    if _CYRILLIC.search(norm):
        return "ru"
    return None


def guess_lang(norm: str, hint: str | None = None) -> str:
    """Language of a normalised text: its script decides zh/ru; for Latin script words and
    letters vote, and a Latin `hint` (e.g. the carrier's language) wins unless outvoted."""
    script = script_lang(norm)
    if script is not None:
        return script
    words, letters, letter_re = _hints()
    scores = dict.fromkeys(LATIN_LANGS, 0)
    for word in _WORD.findall(norm):
        for lang in words.get(word, ()):
            scores[lang] += 1
    for ch in letter_re.findall(norm):
        scores[letters[ch]] += 2
    best = max(LATIN_LANGS, key=scores.__getitem__)  # ties: the earlier language, English first
    if hint in LATIN_LANGS and scores[hint] >= scores[best]:
        return hint  # type: ignore[return-value]
    return best if scores[best] else "en"


def latin_fallbacks(first: str) -> tuple[str, ...]:
    """Languages to try after `first` when its rules place nothing (Latin script only)."""
    if first not in LATIN_LANGS:
        return ()
    return tuple(lang for lang in LATIN_LANGS if lang != first)
