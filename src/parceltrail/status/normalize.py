"""Text normalisation and cheap language guessing for carrier event texts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from parceltrail.status._data import load_toml

# Latin-script languages, in the order ties are broken and fallbacks are tried: the languages
# with the most carrier traffic first, so a word shared by two languages goes to the commoner.
LATIN_LANGS: tuple[str, ...] = (
    "en", "fr", "pt", "es", "de", "it", "nl", "pl", "cs", "tr", "sv", "da", "no", "fi", "ro", "hu", "vi",
    "hr",
)  # fmt: skip
# Languages told apart by their script (Persian from Arabic, Ukrainian and Bulgarian from Russian by a few
# letters and words).
SCRIPT_LANGS: tuple[str, ...] = ("zh", "ja", "ko", "ru", "uk", "el", "he", "ar", "fa", "hi", "th", "bg")
LANGS: tuple[str, ...] = (*LATIN_LANGS, *SCRIPT_LANGS)

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff9d]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґ]")  # letters Russian does not use
_SERBIAN = re.compile(r"[јљњћђџ]")  # letters only Serbian (and Macedonian) Cyrillic writes
# Serbian Cyrillic is written letter for letter in Latin (Вук's alphabet and Gaj's): one table, both ways.
_SERBIAN_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
})  # fmt: skip
# Bulgarian writes the hard sign as a vowel: before a consonant ("пътува", "върната") or as the article
# "-ът" at a word's end; Russian writes it only as a separator before е, ю, я ("объявлен", "подъезд"), and
# Bulgarian never writes ы or э (nor ё, folded to е by `normalize`).
_BULGARIAN_HARD_SIGN = re.compile(r"ъ(?![еюя])")
_RUSSIAN_NOT_BULGARIAN = re.compile(r"[ыэ]")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# Letters Persian writes and Arabic does not: pe, che, zhe, gaf, Persian kaf and yeh.
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")

# Texts in one script may come from a neighbouring language of the same script: Japanese
# written in kanji only reads like Chinese, Russian, Ukrainian and Bulgarian share most letters (a
# Bulgarian text with none of its own letters or words is read as Russian first), and Persian
# written without its own letters reads like Arabic. Hindi and Thai carrier texts mix in English
# words ("Delivered", "Out for delivery"), so English rules are their second reading.
_SCRIPT_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "zh": ("ja",), "ja": ("zh",), "uk": ("ru",), "ar": ("fa",), "fa": ("ar",),
    "hi": ("en",), "th": ("en",), "ru": ("uk", "bg"), "bg": ("ru",),
}  # fmt: skip


@cache
def _hints() -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]], re.Pattern[str]]:
    """Hint words and letters of the Latin-script languages (from `rules/<lang>.toml`).

    Returns word -> {language: weight}, letter -> {language: weight}, and a regex of all letters.
    A letter several languages write (ä in German, Swedish and Finnish; ş in Turkish and Romanian)
    splits its two votes among them, so it cannot make one of them win alone; a letter only one
    language writes (ß, ğ, ő) gives that language both.
    """
    words: dict[str, dict[str, float]] = {}
    writers: dict[str, list[str]] = {}
    for lang in LATIN_LANGS:
        raw = load_toml("rules", lang)
        own = _words(raw.get("hint_words", []))
        for word in own:
            words.setdefault(word, {})[lang] = 1.0
        # A word also votes written without its marks, as ASCII-only carrier systems send it, but only
        # half: unmarked, a word of one language can be a plain word of another (French "livré", "livre").
        for word in {strip_marks(w) for w in own} - own:
            words.setdefault(word, {}).setdefault(lang, _UNMARKED_WORD_VOTE)
        for ch in dict.fromkeys(str(raw.get("hint_letters", ""))):
            writers.setdefault(ch, []).append(lang)
    letters = {ch: dict.fromkeys(langs, _LETTER_VOTES / len(langs)) for ch, langs in writers.items()}
    return words, letters, re.compile(f"[{re.escape(''.join(letters))}]")


_LETTER_VOTES = 2.0  # a language's own letter outweighs one hint word
_UNMARKED_WORD_VOTE = 0.5  # a hint word met without its diacritics


def _words(chunks: list[str]) -> frozenset[str]:
    """The normalised words of a rule file's word list (written as space-separated chunks)."""
    return frozenset(w for chunk in chunks for w in normalize(chunk).split())


# One spelling for letters carriers write several ways, applied after case folding:
# - Russian ё as е; typographic apostrophes (and the Ukrainian modifier letter) as "'";
# - Turkish dotless ı as i, and the combining dot that folding "İ" leaves behind dropped, so
#   "TESLİM EDİLDİ" and "teslim edildi", "ALINDI" and "alındı" read alike;
# - Romanian comma-below ș/ț as the cedilla forms many systems still send;
# - Greek accents dropped (upper-case Greek texts come without them);
# - Arabic hamza-carrying alefs as bare alef, alef maksura as ya, tatweel and vowel marks dropped;
# - the zero-width non-joiner Persian writes inside words ("تحویل‌شده") as a space.
_FOLD = str.maketrans(
    {
        "ё": "е", "’": "'", "ʼ": "'", "`": "'", "ı": "i", "\u0307": None, "ș": "ş", "ț": "ţ",
        "ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ό": "ο", "ύ": "υ", "ώ": "ω", "ΐ": "ι", "ΰ": "υ",
        "ϊ": "ι", "ϋ": "υ",
        "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ـ": None, "\u200c": " ",
        **dict.fromkeys(range(0x064B, 0x0653)),
    }
)  # fmt: skip


# Letters NFKD does not split into a base letter and a mark.
_UNMARKED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})


def strip_marks(text: str) -> str:
    """Latin letters without their diacritics ("doręczona" -> "doreczona", "ł" -> "l"), the way carrier
    systems that only write ASCII send them ("Zasilka byla dorucena", "Livrare esuata"). For Latin-script
    text only: it would also strip the marks Cyrillic and Greek letters are made of."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNMARKED))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def normalize(text: str) -> str:
    """Lower-case, NFKC-fold, unify apostrophes, collapse whitespace; keep accents (they carry meaning),
    except where one language writes the same word with and without them (see `_FOLD`)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return _SPACE.sub(" ", folded).strip()


# Hangul, kana and Han: scripts in which one or two characters already make a word ("到着", "签收").
SHORT_WORD_SCRIPTS = re.compile("|".join(p.pattern for p in (_HANGUL, _KANA, _CJK)))

# Any letter of the scripts `script_lang` looks for: one search tells a Latin text from the rest.
_SCRIPTS = (_HANGUL, _KANA, _CJK, _CYRILLIC, _GREEK, _HEBREW, _ARABIC, _DEVANAGARI, _THAI)
_ANY_SCRIPT = re.compile("|".join(p.pattern for p in _SCRIPTS))


@cache
def _bulgarian_words() -> frozenset[str]:
    """Words Bulgarian carriers write and Russian does not ("пратката", "доставена", "подател")."""
    return _words(load_toml("rules", "bg").get("hint_words", []))


def serbian_latin(norm: str) -> str | None:
    """A normalised Cyrillic text that writes a letter only Serbian has, in Serbian Latin letters (what the
    Croatian/Serbian/Bosnian rules read); None for any other text."""
    if _SERBIAN.search(norm) is None:
        return None
    return norm.translate(_SERBIAN_LATIN)


def script_lang(norm: str) -> str | None:
    """The language a non-Latin script gives away (kana: ja, hangul: ko, Han: zh, Cyrillic: ru, uk
    or bg, Greek, Hebrew, Arabic script: ar or fa, Devanagari: hi, Thai); None for Latin script."""
    if norm.isascii() or _ANY_SCRIPT.search(norm) is None:  # Latin script
        return None
    if _HANGUL.search(norm):
        return "ko"
    if _KANA.search(norm):
        return "ja"
    if _CJK.search(norm):
        return "zh"
    if _CYRILLIC.search(norm):
        if _UKRAINIAN.search(norm):
            return "uk"
        if _RUSSIAN_NOT_BULGARIAN.search(norm) is None and (
            _BULGARIAN_HARD_SIGN.search(norm) or not _bulgarian_words().isdisjoint(_WORD.findall(norm))
        ):
            return "bg"
        return "ru"
    if _GREEK.search(norm):
        return "el"
    if _HEBREW.search(norm):
        return "he"
    if _ARABIC.search(norm):
        return "fa" if _PERSIAN.search(norm) else "ar"
    if _DEVANAGARI.search(norm):
        return "hi"
    if _THAI.search(norm):
        return "th"
    return None


def guess_lang(norm: str, hint: str | None = None) -> str:
    """Language of a normalised text: its script decides the non-Latin ones; for Latin script words
    and letters vote, and a Latin `hint` (e.g. the carrier's language) wins unless outvoted."""
    return guess_lang_with_evidence(norm, hint)[0]


@lru_cache(maxsize=1)
def _latin_votes(norm: str) -> Mapping[str, float]:
    """Each Latin-script language's votes in a text: its hint words and letters. The classifier asks
    twice for one text (the guess, then `leads_alone`), so the last text's votes are kept; read-only."""
    words, letters, letter_re = _hints()
    scores = dict.fromkeys(LATIN_LANGS, 0.0)
    for word in _WORD.findall(norm):
        for lang, weight in words.get(word, {}).items():
            scores[lang] += weight
    for ch in letter_re.findall(norm):
        for lang, weight in letters[ch].items():
            scores[lang] += weight
    return MappingProxyType(scores)


def leads_alone(norm: str, lang: str) -> bool:
    """Whether `lang` has a whole vote or more in the text and more votes than any other Latin-script
    language (a shared word such as "il", Italian and French, leaves two languages level)."""
    scores = _latin_votes(norm)
    own = scores.get(lang, 0.0)
    return own >= 1 and all(v < own for other, v in scores.items() if other != lang)


def guess_lang_with_evidence(norm: str, hint: str | None = None) -> tuple[str, bool]:
    """`guess_lang` and whether anything backed the guess (script, a hint word or letter, or the
    caller's `hint` with a whole vote or more); an unbacked guess is only the default, English, and a
    language with less than one vote is named but not trusted."""
    script = script_lang(norm)
    if script is not None:
        if script in ("zh", "ja") and hint in ("zh", "ja"):
            return hint, True  # type: ignore[return-value]
        return script, True
    scores = _latin_votes(norm)
    best = max(LATIN_LANGS, key=scores.__getitem__)  # ties: the earlier language, English first
    if hint in LATIN_LANGS and scores[hint] >= scores[best]:
        return hint, True  # type: ignore[return-value]
    if scores[best] >= 1:
        return best, True
    # Less than one whole vote (a single hint word met without its marks) names the language read
    # first, but every language's rules still compete for the text.
    return (best, False) if scores[best] else ("en", False)


@cache
def _reads_also(lang: str) -> tuple[tuple[str, frozenset[str], str, str], ...]:
    """The neighbours `rules/<lang>.toml` also reads: (language, its own words, its own letters, the
    reading language's own letters)."""
    raw = load_toml("rules", lang) if lang in LATIN_LANGS else {}
    return tuple(
        (other, _words(marks.get("words", [])),
         str(marks.get("letters", "")), str(marks.get("against", "")))
        for other, marks in raw.get("reads_also", {}).items()
    )


@cache
def reader_of(lang: str) -> str:
    """The language whose rules read `lang`'s texts: the Latin-script language whose rule file lists it
    under `reads_also` (Slovak: Czech; Serbian and Bosnian: Croatian), else `lang` itself."""
    for reader in LATIN_LANGS:
        if any(other == lang for other, *_ in _reads_also(reader)):
            return reader
    return lang


def written_lang(norm: str, rules_lang: str) -> str:
    """The language a text is written in, given the language whose rules read it: a neighbour those
    rules also read (Slovak for the Czech rules) when its own words and letters outnumber the reading
    language's own letters, else `rules_lang`."""
    for other, words, letters, against in _reads_also(rules_lang):
        own = sum(w in words for w in _WORD.findall(norm)) + sum(ch in letters for ch in norm)
        if own > sum(ch in against for ch in norm):
            return other
    return rules_lang


def fallbacks(first: str) -> tuple[str, ...]:
    """Languages to try after `first` when its rules place nothing: the other Latin-script
    languages for a Latin one (a text in a language without rules is often close to one that
    has them), the neighbour of the same script (or English, see `_SCRIPT_NEIGHBOURS`) otherwise."""
    if first in LATIN_LANGS:
        return tuple(lang for lang in LATIN_LANGS if lang != first)
    return _SCRIPT_NEIGHBOURS.get(first, ())
