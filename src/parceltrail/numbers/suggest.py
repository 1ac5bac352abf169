"""Likely intended numbers for a mistyped one: single edits that make a check digit pass."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from parceltrail.numbers.detect import Candidate, detect_normalized
from parceltrail.numbers.normalize import MAX_LENGTH, normalize

EditKind = Literal["ocr", "transposition", "deletion", "insertion", "substitution"]

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Characters that scanners and tired eyes confuse.
_OCR: dict[str, str] = {
    "O": "0Q", "0": "OD", "Q": "0", "D": "0",
    "I": "1L", "L": "1I", "1": "IL",
    "S": "5", "5": "S", "B": "8", "8": "B", "Z": "2", "2": "Z", "G": "6", "6": "G",
}
# How likely each kind of slip is, relative to the others (OCR and swaps beat arbitrary typos).
_WEIGHT: dict[str, float] = {
    "ocr": 1.0, "transposition": 0.9, "deletion": 0.7, "insertion": 0.65, "substitution": 0.5,
}


@dataclass(frozen=True)
class Suggestion:
    number: str
    edit: EditKind
    position: int
    score: float
    candidate: Candidate

    @property
    def carrier(self) -> str:
        return self.candidate.carrier


def _edits(n: str) -> Iterator[tuple[str, EditKind, int]]:
    for i, ch in enumerate(n):
        for alt in _OCR.get(ch, ""):
            yield n[:i] + alt + n[i + 1 :], "ocr", i
    for i in range(len(n) - 1):
        if n[i] != n[i + 1]:
            yield n[:i] + n[i + 1] + n[i] + n[i + 2 :], "transposition", i
    for i in range(len(n)):
        yield n[:i] + n[i + 1 :], "deletion", i
    if len(n) < MAX_LENGTH:
        for i in range(len(n) + 1):
            for alt in _ALPHABET:
                yield n[:i] + alt + n[i:], "insertion", i
    for i, ch in enumerate(n):
        for alt in _ALPHABET:
            if alt != ch:
                yield n[:i] + alt + n[i + 1 :], "substitution", i


def _passing(n: str) -> Candidate | None:
    for c in detect_normalized(n):
        if c.checksum == "passed":
            return c
    return None


def suggest(number: str, *, limit: int | None = 25, always: bool = False) -> list[Suggestion]:
    """Numbers one edit away from ``number`` that pass a carrier's check digit, best first.

    Returns [] when ``number`` already passes a check digit, unless ``always`` is set.
    Only checksummed formats count: without a check digit any edit would "fit".
    """
    n = normalize(number)
    if not always and _passing(n) is not None:
        return []
    best: dict[str, Suggestion] = {}
    for variant, kind, pos in _edits(n):
        if not variant or variant == n:
            continue
        candidate = _passing(variant)
        if candidate is None:
            continue
        weight = _WEIGHT[kind]
        if kind == "substitution" and n[pos].isdigit() != variant[pos].isdigit():
            weight *= 0.8  # a digit typed for a letter (or back) is rarer than a wrong digit
        score = round(weight * candidate.confidence, 4)
        previous = best.get(variant)
        if previous is None or score > previous.score:
            best[variant] = Suggestion(variant, kind, pos, score, candidate)
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.position, s.number))
    return ranked if limit is None else ranked[:limit]
