"""Ordered, per-language keyword/regex rules (data in `rules/<lang>.toml`).

Each rule has an `id`, a `subtag`, patterns in `any` (one must match), optional `all`
patterns (each must match) and optional `unless` patterns (none may match). Rules are
tried in file order and the first that matches wins, except that a cause outranks movement (see
`MOVEMENT_SUBTAGS`; a movement rule with `outranks_causes = true` keeps its place). Patterns are
written against `normalize()`d text (case-folded, `ё` -> `е`).

Speed: each pattern gets "trigger" n-grams from its literal start; the text's own n-grams
select the few candidate (rule, pattern) pairs, so most patterns are never run. Rules
with a pattern that has no literal start run that pattern always. The whole rule list is also
compiled into one anchored regex of lookaheads (`RuleSet.regex`), the reference the fast
path is tested against.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from dataclasses import dataclass
from functools import cache

from parceltrail.status._data import list_toml, load_toml
from parceltrail.status.normalize import LATIN_LANGS, strip_marks
from parceltrail.status.taxonomy import Subtag

DEFAULT_CONFIDENCE = 0.9
_GRAM = 3
# Languages written without spaces or with short syllable blocks: 2-grams select their rules.
_SHORT_WORD_LANGS = frozenset({"zh", "ja", "ko", "th"})
_META = set("\\.^$*+?{}[]|()")

# Concept priority: when a text reads as plain movement (accepted, sorted, departed, arrived, out for
# delivery, ready for pickup, a generic failed attempt) and a cause rule matches it too ("storage period
# exceeded", returned, refused, damaged, address unknown, customs duty/held, lost, cancelled), the cause
# wins whatever the rule order: "Arrived at the pickup point; storage period exceeded" is an expiry, not
# an arrival. Only a cause found apart from the movement phrase counts: when the two matches overlap, the
# movement rule was written for that very phrase ("storage period ends in 5 days" is still a pickup).
MOVEMENT_SUBTAGS = frozenset(
    Subtag(s)
    for s in (
        "InfoReceived_001", "InTransit_001", "InTransit_002", "InTransit_003", "InTransit_004",
        "InTransit_007", "InTransit_009", "OutForDelivery_001", "OutForDelivery_003", "OutForDelivery_004",
        "AvailableForPickup_001", "AttemptFail_001",
    )
)  # fmt: skip
# Causes with a definite meaning; generic and delay exceptions (001, 002, 005, 006, 009, 016, 017, 019)
# do not outrank movement.
CAUSE_SUBTAGS = frozenset(
    Subtag(s)
    for s in (
        "Exception_003", "Exception_004", "Exception_007", "Exception_008", "Exception_010", "Exception_011",
        "Exception_012", "Exception_013", "Exception_018", "Exception_020", "Exception_021", "Expired_001",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    subtag: Subtag
    confidence: float
    outranks_causes: bool = False  # a movement rule written for texts that also carry cause words


@dataclass(frozen=True, slots=True)
class _Compiled:
    # One (required literal, pattern) per `any` alternative; the literal ("" if unknown) is a
    # cheap `in` test that skips most regex searches.
    any: tuple[tuple[str, re.Pattern[str]], ...]
    all: tuple[re.Pattern[str], ...]
    unless: re.Pattern[str] | None
    triggers: tuple[frozenset[str] | None, ...]  # per alternative; None: always run that alternative

    def conditions_hold(self, norm: str) -> bool:
        return all(p.search(norm) for p in self.all) and (
            self.unless is None or self.unless.search(norm) is None
        )


@dataclass(frozen=True, slots=True)
class RuleSet:
    lang: str
    rules: tuple[Rule, ...]
    compiled: tuple[_Compiled, ...]
    regex: re.Pattern[str]
    by_gram: dict[str, tuple[tuple[int, int], ...]]  # trigger n-gram -> (rule, alternative) pairs
    grams: frozenset[str]  # keys of by_gram
    always: frozenset[tuple[int, int]]  # (rule, alternative) pairs without a usable trigger
    gram: int  # n-gram length: 2 for Chinese, Japanese and Korean (short words), 3 otherwise
    causes: frozenset[int]  # rules whose subtag is a cause (see `CAUSE_SUBTAGS`)

    def first_match(self, norm: str) -> Rule | None:
        found = self.first_match_weighted(norm)
        return found[0] if found is not None else None

    def first_cause(self, norm: str) -> tuple[Rule, tuple[int, int]] | None:
        """The first matching rule among the cause rules only, and where its pattern matched."""
        found = self.first_match_span(norm, only=self.causes) if self.causes else None
        return (found[0], found[2]) if found is not None else None

    def first_match_weighted(self, norm: str, only: frozenset[int] | None = None) -> tuple[Rule, int] | None:
        """The first matching rule and the length of the literal its matching pattern starts with:
        how specific the evidence is ("tullattu" says more than "tull"). `only` restricts the
        search to those rule indexes."""
        found = self.first_match_span(norm, only)
        return (found[0], found[1]) if found is not None else None

    def first_match_span(
        self, norm: str, only: frozenset[int] | None = None
    ) -> tuple[Rule, int, tuple[int, int]] | None:
        """`first_match_weighted` plus where the deciding `any` pattern matched in the text."""
        compiled = self.compiled
        failed = -1  # a rule whose pattern matched but whose conditions did not hold
        for i, alt in self._triggered(norm):
            if i == failed or (only is not None and i not in only):
                continue
            comp = compiled[i]
            literal, pattern = comp.any[alt]
            if literal in norm and (m := pattern.search(norm)) is not None:
                if comp.conditions_hold(norm):
                    return self.rules[i], len(literal), m.span()
                failed = i
        return None

    def _triggered(self, norm: str) -> list[tuple[int, int]]:
        """(rule index, `any` alternative) pairs whose trigger n-grams occur in `norm`, in rule order
        (alternatives without a trigger always). A text is searched for its cause first and then for any
        rule, so the map of the last text is kept: building it is most of a search's cost."""
        owner, text, triggered = _last_triggered[0]
        if owner is self and text == norm:
            return triggered
        n = self.gram
        present = {norm[i : i + n] for i in range(len(norm) - n + 1)} & self.grams
        found = set(self.always)
        for g in present:
            found.update(self.by_gram[g])
        triggered = sorted(found)
        # One tuple replaced whole: a reader on another thread sees the old entry or the new one.
        _last_triggered[0] = (self, norm, triggered)
        return triggered

    def first_match_reference(self, norm: str) -> Rule | None:
        """Same answer as `first_match`, from the single combined regex (slower; for tests)."""
        m = self.regex.match(norm)
        if m is None or m.lastgroup is None:
            return None
        return self.rules[int(m.lastgroup[1:])]


def _literal_start(pattern: str) -> str:
    """The literal characters a pattern must start with ("" when it has none we can trust)."""
    pattern = re.sub(r"^(?:\\b|\^)+", "", pattern)
    out: list[str] = []
    for i, ch in enumerate(pattern):
        nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
        if ch in _META or nxt in ("?", "*", "{", "+"):
            break
        out.append(ch)
    return "".join(out)


# The trigger map of the last text searched, by rule set (see `RuleSet._triggered`).
_last_triggered: list[tuple[RuleSet | None, str, list[tuple[int, int]]]] = [(None, "", [])]

_LEADING_GROUP = re.compile(r"^(?:\\b|\^)*\(\?:([^()]*)\)(?![?*{])")


def _starts(pattern: str) -> list[str]:
    """Literal starts of a pattern; a leading `(?:a|b|c)` gives one start per branch."""
    group = _LEADING_GROUP.match(pattern)
    if group is not None:
        return [_literal_start(branch) for branch in group.group(1).split("|")]
    return [_literal_start(pattern)]


def _grams(literal: str, n: int) -> list[str]:
    return [literal[i : i + n] for i in range(len(literal) - n + 1)]


def _triggers(patterns: list[str], n: int, seen: dict[str, int]) -> tuple[frozenset[str] | None, ...]:
    """Per pattern, the n-grams one of which a matching text must contain; None if unknown.

    A matching text holds the whole literal start of one of the pattern's branches, so any n-gram of
    that literal will do; the one fewest of the rule set's literals share (`seen`) wakes the pattern
    for the fewest texts that cannot match it (" de" or "ent" would wake it for nearly every text)."""
    out: list[frozenset[str] | None] = []
    for p in patterns:
        starts = _starts(p)
        if any(len(lit) < n for lit in starts):
            # No literal start ("[îi]napoi", "(?:leaving|exit(?:ed)? from) (?:the )?customs"): a literal the
            # pattern requires further on will do as well ("napoi la expeditor", "customs").
            inner = [g for run in _required_runs(p) for g in _grams(run, n)]
            out.append(frozenset({min(inner, key=lambda g: (seen.get(g, 0), " " in g))}) if inner else None)
            continue
        out.append(frozenset(min(_grams(lit, n), key=lambda g: seen.get(g, 0)) for lit in starts))
    return tuple(out)


def _required_runs(pattern: str) -> list[str]:
    """The runs of literal characters every match of `pattern` contains: consecutive literals of its
    top-level sequence (a non-capturing group there counts as part of it); anything else, optional or
    not, ends a run."""
    runs: list[str] = []
    current: list[str] = []

    def walk(items: object) -> None:
        for op, arg in items:  # type: ignore[attr-defined]
            if op is sre_constants.LITERAL:
                current.append(chr(arg))
            elif op is sre_constants.SUBPATTERN and not arg[1] and not arg[2]:
                walk(arg[3])
            else:
                runs.append("".join(current))
                current.clear()

    walk(sre_parse.parse(pattern))
    runs.append("".join(current))
    return [run for run in runs if run]


def _gram_counts(patterns: list[str], n: int) -> dict[str, int]:
    """How many literal starts of these patterns contain each n-gram."""
    counts: dict[str, int] = {}
    for p in patterns:
        for lit in _starts(p):
            for g in set(_grams(lit, n)):
                counts[g] = counts.get(g, 0) + 1
    return counts


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def compile_rules(lang: str, raw: list[dict[str, object]]) -> RuleSet:
    gram = 2 if lang in _SHORT_WORD_LANGS else _GRAM
    seen = _gram_counts([str(p) for item in raw if isinstance(item.get("any"), list)
                         for p in item["any"]], gram)  # type: ignore[union-attr]
    rules: list[Rule] = []
    compiled: list[_Compiled] = []
    branches: list[str] = []
    for i, item in enumerate(raw):
        any_of = item.get("any")
        if not isinstance(any_of, list) or not any_of:
            raise ValueError(f"rules/{lang}: rule {item.get('id')!r} needs a non-empty 'any' list")
        any_of = [str(p) for p in any_of]
        all_of = [str(p) for p in item.get("all", [])]  # type: ignore[attr-defined]
        unless = [str(p) for p in item.get("unless", [])]  # type: ignore[attr-defined]
        for kind, patterns in (("any", any_of), ("all", all_of), ("unless", unless)):
            repeated = sorted({p for p in patterns if patterns.count(p) > 1})
            if repeated:
                # A repeat matches nothing new but counts twice wherever patterns are weighed (the
                # trigger index's gram counts, the fallback trainer's phrase sampling).
                raise ValueError(f"rules/{lang}: rule {item.get('id')!r}: '{kind}' repeats {repeated[0]!r}")
        for p in [*any_of, *all_of, *unless]:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"rules/{lang}: rule {item.get('id')!r}: bad pattern {p!r}: {exc}") from exc
        compiled.append(
            _Compiled(
                any=tuple((_literal_start(p), re.compile(p)) for p in any_of),
                all=tuple(re.compile(p) for p in all_of),
                unless=re.compile(_alternation(unless)) if unless else None,
                triggers=_triggers(any_of, gram, seen),
            )
        )
        branch = f"(?=.*?(?:{_alternation(any_of)}))" + "".join(f"(?=.*?(?:{p}))" for p in all_of)
        if unless:
            branch += f"(?!.*?(?:{_alternation(unless)}))"
        branches.append(f"{branch}(?P<r{i}>)")
        rules.append(
            Rule(
                id=str(item["id"]),
                subtag=Subtag(str(item["subtag"])),
                confidence=float(item.get("confidence", DEFAULT_CONFIDENCE)),  # type: ignore[arg-type]
                outranks_causes=bool(item.get("outranks_causes", False)),
            )
        )
    regex = re.compile("(?:" + "|".join(branches) + ")")
    by_gram: dict[str, list[tuple[int, int]]] = {}
    for i, comp in enumerate(compiled):
        for alt, grams in enumerate(comp.triggers):
            for g in grams or ():
                by_gram.setdefault(g, []).append((i, alt))
    always = frozenset((i, alt) for i, comp in enumerate(compiled)
                       for alt, grams in enumerate(comp.triggers) if grams is None)
    index = {g: tuple(pairs) for g, pairs in by_gram.items()}
    causes = frozenset(i for i, rule in enumerate(rules) if rule.subtag in CAUSE_SUBTAGS)
    return RuleSet(lang, tuple(rules), tuple(compiled), regex, index, frozenset(index), always, gram, causes)


def with_variants(raw: list[dict[str, object]], variants: str) -> list[dict[str, object]]:
    """The rules with every pattern also read in the language's other spelling.

    `variants` pairs each character the rules are written with and its counterpart ("签簽 发發": simplified
    and traditional Han), so one rule file reads both scripts: an `any` or `unless` pattern gains its
    counterpart as one more alternative, an `all` pattern accepts either."""
    table = str.maketrans({pair[0]: pair[1] for pair in variants.split()})
    if not table:
        return raw
    out: list[dict[str, object]] = []
    for item in raw:
        item = dict(item)
        for key in ("any", "unless"):
            patterns = [str(p) for p in item.get(key, [])]  # type: ignore[attr-defined]
            extra = [v for p in patterns if (v := p.translate(table)) != p and v not in patterns]
            if extra:
                item[key] = patterns + extra
        if "all" in item:
            item["all"] = [
                p if (v := str(p).translate(table)) == p else f"(?:{p})|(?:{v})"
                for p in item["all"]  # type: ignore[attr-defined]
            ]
        out.append(item)
    return out


def _rule_items(lang: str) -> list[dict[str, object]]:
    """A rule file's rules, each pattern also read in the file's other spelling (`with_variants`)."""
    raw = load_toml("rules", lang)
    return with_variants(raw.get("rule", []), str(raw.get("variants", "")))


@cache
def rule_set(lang: str) -> RuleSet | None:
    """Compiled rules for a language, or None when no rule file exists for it."""
    if lang not in available_langs():
        return None
    return compile_rules(lang, _rule_items(lang))


# A marked letter with a letter beside it: part of a word. A one-letter word keeps its mark (Italian "è",
# French "à"), since unmarked it would match the last letter of any word ("accettazion-e presso").
_MARKED_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f]|[^\x00-\x7f](?=[^\W\d_])")


def _strip_word_marks(pattern: str) -> str:
    return _MARKED_IN_WORD.sub(lambda m: strip_marks(m.group()), pattern)


def _unmarked(raw: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rules with the letters of every pattern's words stripped of their diacritics
    (`_strip_word_marks`); patterns that become the same are kept once."""
    out: list[dict[str, object]] = []
    for item in raw:
        item = dict(item)
        for key in ("any", "all", "unless"):
            if key in item:
                patterns = item[key]  # type: ignore[attr-defined]
                item[key] = list(dict.fromkeys(_strip_word_marks(str(p)) for p in patterns))
        out.append(item)
    return out


@cache
def reading_rules(lang: str, unmarked: bool) -> RuleSet | None:
    """The rules that read a text: `rule_set(lang)`, or for a text written without any diacritic in a
    Latin-script language whose rules use them, the same rules with their patterns stripped of
    diacritics too ("doręcz" reads "dorucena"'s stem "dorecz"), so a carrier's ASCII-only text meets
    the same vocabulary."""
    rules = rule_set(lang)
    if rules is None or not unmarked or lang not in LATIN_LANGS:
        return rules
    items = _rule_items(lang)
    stripped = _unmarked(items)
    return rules if stripped == items else compile_rules(lang, stripped)


@cache
def available_langs() -> frozenset[str]:
    return frozenset(list_toml("rules"))
