"""Likely intended numbers for a mistyped one, ranked by how people mistype.

A suggestion is a number one edit away from what was typed that passes a carrier's check digit.
They are ranked by an estimate of P(intended | typed) proportional to P(typed | intended), the
error model below, times P(intended), a prior from the candidate's format and what the caller
knows about the shipment. Only a number that fails its check gets suggestions: one that passes
(for the given carrier, when one is given) gets none.

Error model: cost = -ln P(mistake), per single mistake (``COSTS``):

==========================  ======  ===============================================================
mistake                     cost    the typed text, given the intended number
==========================  ======  ===============================================================
look-alike                  0.5     O/0, I/1, S/5, B/8, Z/2 confused (copied from a label or photo)
weak look-alike             1.5     Q/0, D/0, L/1, G/6, U/V
transposition               1.0     two adjacent characters swapped
doubled                     1.5     a character typed twice
repeated typed once         2.5     one of two equal adjacent characters left out
keyboard neighbour          0.6     a key next to the intended one (QWERTY with its digit row, or a
                                    numeric keypad), plus -ln q(typed | intended), the share of
                                    that neighbour among the key's neighbours (``_keyboard``)
dropped                     2.7     any other character left out
extra neighbour             3.5     an extra key next to one of its neighbours
substitution                5.0     any other wrong character
extra                       5.5     any other extra character
==========================  ======  ===============================================================

The probabilities of all the ways to reach a candidate are added (typing ``5`` for ``55`` can
drop either ``5``). Prior (``_prior``): the candidate's confidence from detect() (the format's
prior, its check digit passed), times these factors:

==========================  ===============  ===========================================================
what is known               factor           applies to
==========================  ===============  ===========================================================
S10 service indicator       0.3 / 0.15 /     a first letter for domestic use / untracked / reply coupons
                            0.1 / 0.02       / not assigned by the UPU (tracked services: 1)
carrier service code        0.25             a code missing from the format's published table
real leading digits         V(c+1)/(N+V)     formats whose leading digits name a service (USPS 9400,
                                             FedEx 9611): ``suggest_prefixes.json``, counted from one
                                             public source, add-one smoothed
known numbers (``known``)   1 + R            a candidate in the block of a number the caller already
                                             knows, R growing as 1/(distance+1) to its serials
                                             (``parceltrail.numbers.ranges``); 1 outside every block
the order's carrier         50               ``carrier``'s numbers (``CONTEXT_WEIGHTS``)
the destination country     4                ``country``'s carriers and postal operator
==========================  ===============  ===========================================================

Each suggestion's ``score`` is its share of the probability of all the candidates found; the list
shown (``likely``) stops at five, below 1% or below SCORE_GAP of the first one's score.
benchmarks/eval_suggest.py measures the ranking (figures in docs/benchmarks.md).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from parceltrail.numbers.detect import Candidate, detect_normalized
from parceltrail.numbers.formats import registry
from parceltrail.numbers.normalize import MAX_LENGTH, normalize
from parceltrail.numbers.ranges import KnownRanges

EditKind = Literal["ocr", "transposition", "deletion", "insertion", "substitution"]

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

COSTS: dict[str, float] = {
    "look-alike": 0.5,
    "weak look-alike": 1.5,
    "transposition": 1.0,
    "doubled": 1.5,
    "repeated typed once": 2.5,
    "keyboard neighbour": 0.6,
    "dropped": 2.7,
    "extra neighbour": 3.5,
    "substitution": 5.0,
    "extra": 5.5,
}

_LOOKALIKE = ("O0", "I1", "S5", "B8", "Z2")
_WEAK_LOOKALIKE = ("Q0", "D0", "L1", "G6", "UV")


def _pairs(pairs: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for p in pairs for a, b in (p, p[::-1]))


def _neighbours(keys: dict[str, tuple[float, float]], dx: float, dy: float) -> dict[str, list[str]]:
    """Each key's neighbours: on its row within ``dx`` key widths, on the rows above and below within ``dy``.

    Keys map to (x, row); ``x`` carries the row's stagger.
    """
    return {a: [b for b, (xb, yb) in keys.items() if b != a and abs(xa - xb) <= dx and abs(ya - yb) <= 1
                and (ya == yb or abs(xa - xb) <= dy)] for a, (xa, ya) in keys.items()}


def _keyboard() -> dict[tuple[str, str], float]:
    """q(typed | intended) for a slip onto a neighbouring key; the values for one intended key add up to 1.

    Letters: QWERTY, rows staggered by a quarter to half a key; the keys beside it and the two or
    three touching it above and below. Digits: half the time the keyboard's digit row (the digits
    beside it and the letters just below), half the time a numeric keypad (the keys beside, above
    and below; 0 spans under 1 and 2).
    """
    rows = [("1234567890", 0.0), ("QWERTYUIOP", 0.5), ("ASDFGHJKL", 0.75), ("ZXCVBNM", 1.25)]
    qwerty = {ch: (i + shift, r) for r, (row, shift) in enumerate(rows) for i, ch in enumerate(row)}
    keypad = {"7": (0, 0), "8": (1, 0), "9": (2, 0), "4": (0, 1), "5": (1, 1), "6": (2, 1),
              "1": (0, 2), "2": (1, 2), "3": (2, 2), "0": (0.5, 3)}
    on_qwerty = _neighbours(qwerty, 1.0, 0.75)
    on_keypad = _neighbours(keypad, 1.0, 0.5)
    q: dict[tuple[str, str], float] = {}
    for intended, near in on_qwerty.items():
        share = 0.5 if intended in keypad else 1.0
        for typed in near:
            q[typed, intended] = q.get((typed, intended), 0.0) + share / len(near)
    for intended, near in on_keypad.items():
        for typed in near:
            q[typed, intended] = q.get((typed, intended), 0.0) + 0.5 / len(near)
    return q


_LOOK = _pairs(_LOOKALIKE)
_WEAK = _pairs(_WEAK_LOOKALIKE)
_KEYBOARD = _keyboard()
_NEAR = frozenset(_KEYBOARD)

# S10 service indicators: numbers in real use carry a tracked service's first letter (E, C, H,
# R, L, V); domestic/bilateral letters are rarer on parcels people track, untracked services and
# letters the UPU has not assigned rarer still. Keyed by the reading's service class.
_S10_SERVICE_PLAUSIBILITY: dict[str, float] = {
    "postal-domestic": 0.3,
    "postal-mbag": 0.3,
    "postal-unregistered": 0.15,
    "postal-reply-coupon": 0.1,
    "postal-other": 0.02,  # first letter not assigned by the UPU
}
_UNKNOWN_SERVICE_CODE = 0.25  # a carrier service code missing from the format's table of codes in use
# How much more plausible a candidate is when it matches what the caller knows about the shipment.
CONTEXT_WEIGHTS: dict[str, float] = {"carrier": 50.0, "country": 4.0}


# A suggestion far less likely than the first one is noise on the screen: the list stops at the first
# candidate with less than this share of the first one's probability (chosen on the dev split).
SCORE_GAP = 0.1


@functools.cache
def _prefixes() -> tuple[int, dict[str, tuple[int, int, dict[str, int]]]]:
    """(prefix length, {format: (real numbers counted, prefixes the format allows, {prefix: count})}).

    Counted from real numbers of one source (suggest_prefixes.json names it; benchmarks/eval_suggest.py
    --derive-priors writes it) for the formats whose leading digits name a service.
    """
    raw = json.loads((resources.files("parceltrail.numbers") / "suggest_prefixes.json").read_text("utf-8"))
    formats = {fmt: (int(t["numbers"]), int(t["values"]), {k: int(v) for k, v in t["prefixes"].items()})
               for fmt, t in raw["formats"].items()}
    return int(raw["prefix_length"]), formats


def _prefix_factor(format_id: str, number: str) -> float:
    """How much likelier than average a number's leading digits are: add-one smoothed share of them among
    the real numbers counted, times the number of leading digit strings the format allows (1 when none)."""
    size, formats = _prefixes()
    entry = formats.get(format_id)
    if entry is None:
        return 1.0
    counted, values, seen = entry
    return values * (seen.get(number[:size], 0) + 1) / (counted + values)


@dataclass(frozen=True)
class Suggestion:
    number: str
    edit: EditKind
    position: int
    score: float  # share of the probability of every candidate found, 0..1
    candidate: Candidate
    mistake: str = ""  # the error-model entry that explains it best, e.g. "keyboard neighbour"

    @property
    def carrier(self) -> str:
        return self.candidate.carrier


def _substitution(typed: str, intended: str) -> tuple[str, float]:
    """The mistake that best explains typing ``typed`` for ``intended``, and its cost."""
    pair = (typed, intended)
    if pair in _LOOK:
        return "look-alike", COSTS["look-alike"]
    if pair in _WEAK:
        return "weak look-alike", COSTS["weak look-alike"]
    q = _KEYBOARD.get(pair)
    if q is not None:
        return "keyboard neighbour", COSTS["keyboard neighbour"] - math.log(q)
    return "substitution", COSTS["substitution"]


_SUBSTITUTIONS = {(t, i): _substitution(t, i) for t in _ALPHABET for i in _ALPHABET if t != i}


def _edits(n: str) -> Iterator[tuple[str, EditKind, int, str, float]]:
    """(candidate, edit, position, mistake, cost) for every single edit of typed ``n``."""
    size = len(n)
    for i, ch in enumerate(n):
        for alt in _ALPHABET:
            if alt != ch:
                mistake, cost = _SUBSTITUTIONS[ch, alt]
                kind: EditKind = "ocr" if mistake.endswith("look-alike") else "substitution"
                yield n[:i] + alt + n[i + 1 :], kind, i, mistake, cost
    for i in range(size - 1):
        if n[i] != n[i + 1]:
            swapped = n[:i] + n[i + 1] + n[i] + n[i + 2 :]
            yield swapped, "transposition", i, "transposition", COSTS["transposition"]
    for i, ch in enumerate(n):  # the typed character at i is extra
        left, right = n[i - 1] if i else "", n[i + 1] if i + 1 < size else ""
        if ch in (left, right):
            mistake = "doubled"
        elif (ch, left) in _NEAR or (ch, right) in _NEAR:
            mistake = "extra neighbour"
        else:
            mistake = "extra"
        yield n[:i] + n[i + 1 :], "deletion", i, mistake, COSTS[mistake]
    if size < MAX_LENGTH:  # a character was left out before position i
        for i in range(size + 1):
            around = n[i - 1 : i + 1] if i else n[:1]
            for alt in _ALPHABET:
                mistake = "repeated typed once" if alt in around else "dropped"
                yield n[:i] + alt + n[i:], "insertion", i, mistake, COSTS[mistake]


def _passing(n: str, carrier: str | None = None) -> Candidate | None:
    """The best reading of ``n`` whose check digit passes (of ``carrier`` when given)."""
    for c in detect_normalized(n):
        if c.checksum == "passed" and (carrier is None or c.carrier == carrier):
            return c
    return None


def passes_check(number: str, carrier: str | None = None) -> bool:
    """True when some reading of ``number`` passes its check digit (of ``carrier`` when given): such a
    number gets no suggestion, so a caller need not gather anything to rank them."""
    context_carrier = (carrier.strip().lower() or None) if carrier is not None else None
    return _passing(normalize(number), context_carrier) is not None


def _in_known_range(n: str, known: KnownRanges, carrier: str | None) -> tuple[Candidate, float] | None:
    """The passing reading of ``n`` that the known numbers make likeliest, and by how much (None when no
    reading sits in a known block)."""
    best: tuple[Candidate, float] | None = None
    for c in detect_normalized(n):
        if c.checksum == "passed" and (carrier is None or c.carrier == carrier):
            f = known.factor(c)
            if f > 1.0 and (best is None or f > best[1]):
                best = (c, f)
    return best


def _prior(c: Candidate, carrier: str | None, country: str | None) -> float:
    """P(intended) up to a constant: how plausible a number of this reading is."""
    p = c.confidence
    reading = c.reading
    if reading.format == "s10":
        p *= _S10_SERVICE_PLAUSIBILITY.get(reading.service_class, 1.0)
    elif reading.service is None and _has_service_table(reading.format):
        p *= _UNKNOWN_SERVICE_CODE
    p *= _prefix_factor(reading.format, c.number)
    if carrier is not None and reading.carrier == carrier:
        p *= CONTEXT_WEIGHTS["carrier"]
    if country is not None and reading.country == country:
        p *= CONTEXT_WEIGHTS["country"]
    return p


@functools.cache
def _has_service_table(format_id: str) -> bool:
    return registry().format(format_id).service_table is not None


def suggest(
    number: str,
    *,
    limit: int | None = 5,
    always: bool = False,
    carrier: str | None = None,
    country: str | None = None,
    known: KnownRanges | Iterable[str] | None = None,
    min_score: float = 0.01,
) -> list[Suggestion]:
    """Numbers one typing mistake away from ``number`` that pass a check digit, most likely first.

    Returns [] when ``number`` already passes a check digit (of ``carrier``, when given), unless
    ``always`` is set. Only checksummed formats count: without a check digit any edit would "fit".

    ``carrier``: the slug of the carrier the shipment is known to use (an order's carrier); its
    numbers are ranked first. ``country``: ISO 3166 alpha-2 code of the country the parcel ships
    to; carriers and postal operators of that country are more plausible. ``limit``: at most this
    many suggestions, each with a ``score`` of at least ``min_score``; ``limit=None`` returns every
    candidate found, however unlikely. ``known``: valid numbers the caller already knows (the user's own
    tracked numbers, a shop's recent labels; most recent first) or a ``KnownRanges`` built from them: a
    candidate in the block of one of them, with a serial near theirs, is far likelier
    (``parceltrail.numbers.ranges``).
    """
    n = normalize(number)
    context_carrier = (carrier.strip().lower() or None) if carrier is not None else None
    if country is not None:
        country = country.strip().upper() or None
    if not always and _passing(n, context_carrier) is not None:
        return []
    ranges = known if isinstance(known, KnownRanges) or known is None else KnownRanges(known)
    if ranges is not None and not ranges:
        ranges = None
    weight: dict[str, float] = {}
    best: dict[str, tuple[float, EditKind, int, str, Candidate]] = {}
    priors: dict[str, float] = {}
    for variant, kind, pos, mistake, cost in _edits(n):
        if not variant or variant == n:
            continue
        prior = priors.get(variant)
        if prior is None:
            candidate = _passing(variant)
            if candidate is None:
                priors[variant] = 0.0
                continue
            if context_carrier is not None:
                candidate = _passing(variant, context_carrier) or candidate
            factor = 1.0
            if ranges is not None:
                found = (_in_known_range(variant, ranges, context_carrier)
                         or _in_known_range(variant, ranges, None))
                if found is not None:
                    candidate, factor = found
            prior = priors[variant] = _prior(candidate, context_carrier, country) * factor
            best[variant] = (0.0, kind, pos, mistake, candidate)
        if not prior:
            continue
        p = math.exp(-cost) * prior
        weight[variant] = weight.get(variant, 0.0) + p
        if p > best[variant][0]:
            best[variant] = (p, kind, pos, mistake, best[variant][4])
    total = sum(weight.values())
    ranked = sorted(weight, key=lambda v: (-weight[v], best[v][2], v))
    out = []
    for v in ranked:
        _, kind, pos, mistake, candidate = best[v]
        out.append(Suggestion(v, kind, pos, round(weight[v] / total, 4), candidate, mistake))
    return out if limit is None else likely(out, limit, min_score)


def likely(ranked: Sequence[Suggestion], limit: int = 5, min_score: float = 0.01) -> list[Suggestion]:
    """The head of a ranked list worth showing: at most ``limit``, each with at least ``min_score`` of
    the probability and at least SCORE_GAP of the first one's."""
    if not ranked:
        return []
    floor = max(min_score, ranked[0].score * SCORE_GAP)
    return [s for s in ranked[:limit] if s.score >= floor]
