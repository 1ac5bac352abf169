"""`classify()`: place one carrier event (text and/or carrier code) on the canonical taxonomy.

Order of evidence: an exact entry in the carrier's code table, then the text rules of
the text's language (other Latin-script languages, or the neighbour of the same script, are
tried if that places nothing; a text written without diacritics is also read by its language's
rules with theirs stripped; Serbian in Cyrillic is read in its Latin letters by the Croatian/Serbian
rules), then a code-table fallback on the code's first part, then the
learned character n-gram model (`fallback.py`, rule name "model:<lang>", confidence at most 0.6)
when its evidence is strong enough. Deterministic and offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from parceltrail.status.codes import lookup
from parceltrail.status.fallback import MAX_CONFIDENCE, guess
from parceltrail.status.location import extract_location
from parceltrail.status.normalize import (
    LATIN_LANGS,
    fallbacks,
    guess_lang_with_evidence,
    leads_alone,
    normalize,
    reader_of,
    script_lang,
    serbian_latin,
)
from parceltrail.status.rules import MOVEMENT_SUBTAGS, Rule, RuleSet, reading_rules, rule_set
from parceltrail.status.taxonomy import Subtag, Tag

UNCLASSIFIED_RULE = "unclassified"
MAX_TEXT_CHARS = 2000  # longer input is cut: carrier event texts are short
_CODE_CONFIDENCE = 0.99
_PARTIAL_CODE_CONFIDENCE = 0.7

# Carriers whose texts are in one known language (used when `lang` is not given).
_CARRIER_LANG = {
    "russian-post": "ru",
    "correios": "pt",
    "colissimo": "fr",
    "laposte": "fr",
    "chronopost": "fr",
    "dpd-france": "fr",
    "zto": "zh",
    "yto": "zh",
    "sto": "zh",
    "yunda": "zh",
    "sf-express": "zh",
    "china-post": "zh",
    "china-ems": "zh",
    "cainiao": "zh",
    "correos": "es",
    "seur": "es",
    "deutsche-post": "de",
    "dhl-parcel-de": "de",
    "hermes-de": "de",
    "dpd-de": "de",
    "gls-de": "de",
    "poste-italiane": "it",
    "brt": "it",
    "sda": "it",
    "postnl": "nl",
    "bpost": "nl",
    "inpost": "pl",
    "poczta-polska": "pl",
    "czech-post": "cs",
    "ceska-posta": "cs",
    "ppl": "cs",
    "ptt": "tr",
    "yurtici": "tr",
    "aras": "tr",
    "mng": "tr",
    "postnord": "sv",
    "postnord-se": "sv",
    "postnord-dk": "da",
    "gls-dk": "da",
    "posten-norge": "no",
    "bring": "no",
    "posti": "fi",
    "posta-romana": "ro",
    "fan-courier": "ro",
    "magyar-posta": "hu",
    "nova-poshta": "uk",
    "ukrposhta": "uk",
    "japan-post": "ja",
    "yamato": "ja",
    "sagawa": "ja",
    "cj-logistics": "ko",
    "korea-post": "ko",
    "hanjin": "ko",
    "lotte": "ko",
    "israel-post": "he",
    "elta": "el",
    "acs": "el",
    "econt": "bg",
    "speedy": "bg",
    "bulgarian-posts": "bg",
    "hrvatska-posta": "hr",
    "posta-srbije": "hr",
    "post-express": "hr",
    "bh-posta": "hr",
    "slovenska-posta": "cs",
    "jtexpress": "zh",
    "jd": "zh",
    "ems": "zh",
}


@dataclass(frozen=True, slots=True)
class Classification:
    """Where one event sits in the taxonomy and why.

    Unclassified convention: when nothing places the event, `classified` is False,
    `tag` and `subtag` are None, `confidence` is 0.0 and `rule` is "unclassified".
    A classified result always has both `tag` and `subtag`.
    """

    tag: Tag | None
    subtag: Subtag | None
    confidence: float
    location: str | None
    rule: str
    classified: bool

    def __post_init__(self) -> None:
        if self.classified != (self.tag is not None and self.subtag is not None):
            raise ValueError("classified must be True exactly when tag and subtag are set")
        if self.subtag is not None and not self.subtag.startswith(f"{self.tag}_"):
            raise ValueError(f"subtag {self.subtag} does not belong to tag {self.tag}")

    @classmethod
    def unclassified(cls, location: str | None = None) -> Classification:
        return cls(None, None, 0.0, location, UNCLASSIFIED_RULE, False)


def _placed(subtag: Subtag, confidence: float, location: str | None, rule: str) -> Classification:
    return Classification(subtag.tag, subtag, confidence, location, rule, True)


def _match_text(norm: str, lang: str, trusted: bool = True) -> tuple[str, Rule] | None:
    """`_match_rules`, then concept priority: a movement reading gives way to a cause rule of the same
    language that also matches the text (see `rules.MOVEMENT_SUBTAGS`)."""
    found = _match_rules(norm, lang, trusted)
    if found is None or found[1].subtag not in MOVEMENT_SUBTAGS or found[1].outranks_causes:
        return found
    rules = reading_rules(found[0], norm.isascii())
    if rules is None:
        return found
    cause = rules.first_cause(norm)
    if cause is None:
        return found
    moved = rules.first_match_span(norm, only=frozenset({rules.rules.index(found[1])}))
    if moved is not None and moved[2][0] < cause[1][1] and cause[1][0] < moved[2][1]:
        return found  # the same phrase: the movement rule was written for it
    return found[0], cause[0]


def _match_rules(norm: str, lang: str, trusted: bool = True) -> tuple[str, Rule] | None:
    """`_read_rules` with `lang`'s own rules; for a text written without any diacritic, `lang` also reads
    it by its rules stripped of theirs (`reading_rules`): first when the text's words name that language
    alone, else only when no rule places it, since stripped of its marks a stem of one language can
    become a word of another (French "livré" and Portuguese "livre", "prépar" and Italian "preparando")."""
    plain = rule_set(lang)
    unmarked = reading_rules(lang, norm.isascii())
    if unmarked is plain:
        return _read_rules(norm, lang, plain, trusted)
    if trusted and leads_alone(norm, lang):
        # The language is plain from the text's own words: its unmarked rules read it first, so a
        # specific stem written without marks ("pripravena k vyzvednuti") wins over a generic one that
        # happened to need none ("vyzvednut").
        return _read_rules(norm, lang, unmarked, trusted)
    found = _read_rules(norm, lang, plain, trusted)
    if found is None and unmarked is not None and (rule := unmarked.first_match(norm)) is not None:
        return lang, rule  # no other language's rules placed the text, so only these can now
    return found


def _read_rules(norm: str, lang: str, own: RuleSet | None, trusted: bool) -> tuple[str, Rule] | None:
    """`own` (the rules `lang` reads the text with) first when the language is `trusted`; otherwise, or
    when they place nothing, the most specific evidence among the languages of the same script wins (the
    longest literal a matching pattern starts with); ties go to the earlier, commoner language."""
    if trusted and own is not None and (rule := own.first_match(norm)) is not None:
        return lang, rule
    best: tuple[int, str, Rule] | None = None
    for candidate in fallbacks(lang) if trusted else (lang, *fallbacks(lang)):
        rules = own if candidate == lang else rule_set(candidate)
        found = rules.first_match_weighted(norm) if rules is not None else None
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], candidate, found[0])
    return (best[1], best[2]) if best is not None else None


def classify(
    text: str | None,
    carrier: str | None = None,
    code: str | None = None,
    lang: str | None = None,
) -> Classification:
    """Classify one carrier event; never raises on odd text, returns an unclassified result."""
    base = (lang or "").replace("_", "-").split("-", 1)[0].lower()  # "pt-BR" -> "pt"
    base = reader_of(base) if base else base  # "sk" -> "cs": the rules that read it
    return _classify(text or "", carrier or None, code or None, base or None)


@lru_cache(maxsize=65536)
def _classify(text: str, carrier: str | None, code: str | None, lang: str | None) -> Classification:
    return _decide(text, carrier, code, lang, learned=True)


def _classify_rules_only(
    text: str, carrier: str | None = None, code: str | None = None, lang: str | None = None
) -> Classification:
    """`classify()` without the learned fallback (for measuring what the model adds)."""
    return _decide(text, carrier, code, lang, learned=False)


def _decide(
    text: str, carrier: str | None, code: str | None, lang: str | None, learned: bool
) -> Classification:
    text = text[:MAX_TEXT_CHARS]
    norm = normalize(text)
    slug = carrier.strip().lower() if carrier else None
    # The script is decisive (an English text from a Chinese carrier is English). For Latin
    # script the caller's language is trusted; the carrier's is a hint the text may outvote.
    script = script_lang(norm)
    carrier_lang = _CARRIER_LANG.get(slug or "")
    trusted = True
    if script in ("ru", "bg") and (latin := serbian_latin(norm)) is not None:
        # Serbian in Cyrillic: the words the Croatian/Serbian rules know in Latin letters, whatever
        # language the caller or carrier named for the script.
        norm, script, lang = latin, None, "hr"
    if script is not None:
        # Kanji-only Japanese reads like Chinese, and Russian/Ukrainian share most letters, so a
        # caller's or carrier's language of the same script family decides between them (English,
        # a second reading of Hindi and Thai texts, is no such language).
        family = (script, *(f for f in fallbacks(script) if f not in LATIN_LANGS))
        lang = lang if lang in family else carrier_lang if carrier_lang in family else script
    elif lang not in LATIN_LANGS:
        # A text with no word that marks its language (often one or two words) is not assumed
        # to be English: every Latin-script language's rules compete on specificity.
        lang, trusted = guess_lang_with_evidence(norm, carrier_lang)
    location = extract_location(text, lang) if norm else None

    hit = lookup(slug, code)
    if hit is not None and hit.exact:
        return _placed(hit.subtag, _CODE_CONFIDENCE, location, f"code:{slug}:{hit.key}")
    matched = _match_text(norm, lang, trusted) if norm else None
    if matched is not None:
        used_lang, rule = matched
        return _placed(rule.subtag, rule.confidence, location, f"text:{used_lang}:{rule.id}")
    if hit is not None:
        return _placed(hit.subtag, _PARTIAL_CODE_CONFIDENCE, location, f"code:{slug}:{hit.key}")
    found = guess(norm) if learned and norm else None
    if found is not None:
        confidence = round(min(MAX_CONFIDENCE, found.probability * MAX_CONFIDENCE), 3)
        return _placed(found.subtag, confidence, location, f"model:{lang}")
    return Classification.unclassified(location)
