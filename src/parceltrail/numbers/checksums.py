"""Check-digit algorithms used by carriers, each computing the expected check character.

Every function takes the payload (the characters the check covers, already upper-case ASCII)
and the format's parameters, and returns the check character, or None when the payload cannot
carry one (e.g. a letter where only digits are allowed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from operator import mul
from typing import Any

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# UPS maps letters onto digits as (code point - 3) mod 10 (A=2, B=3, ...) so 1Z numbers can be summed.
_ALNUM_VALUES = {c: i for i, c in enumerate(ALPHANUMERIC)}

Params = Mapping[str, Any]


def _values(payload: str, table: Mapping[str, int]) -> list[int] | None:
    try:
        return [table[c] for c in payload]
    except KeyError:
        return None


# bytes.translate tables: character code -> digit value; 255 marks a character not allowed.
_DIGIT_TABLE = bytes(c - 48 if 48 <= c <= 57 else 255 for c in range(256))
_UPS_TABLE = bytes(
    c - 48 if 48 <= c <= 57 else (c - 3) % 10 if 65 <= c <= 90 else 255 for c in range(256)
)


@functools.cache
def _expanded(weights: tuple[int, ...], length: int, from_right: bool) -> tuple[int, ...]:
    """Cycle ``weights`` over ``length`` positions, counted from the left or from the right."""
    cycled = [weights[i % len(weights)] for i in range(length)]
    return tuple(reversed(cycled)) if from_right else tuple(cycled)


def mod10(payload: str, params: Params) -> str | None:
    """Weighted sum mod 10 (GS1, USPS, UPS, FedEx Ground...): check = (10 - sum % 10) % 10.

    ``weights`` cycle from the left, or from the right when ``from_right`` is set (GS1 style);
    ``letters = "ups"`` allows letters with the UPS mapping; ``offset`` is added to the sum (GLS).
    """
    if not payload.isascii():
        return None
    values = payload.encode().translate(_UPS_TABLE if params.get("letters") == "ups" else _DIGIT_TABLE)
    if 255 in values:
        return None
    weights = _expanded(tuple(params.get("weights", (3, 1))), len(values), bool(params.get("from_right")))
    total = sum(map(mul, values, weights)) + params.get("offset", 0)
    return str(-total % 10)


def mod7(payload: str, params: Params) -> str | None:
    """The payload read as a number, mod 7 (DHL Express air waybills)."""
    return str(int(payload) % 7) if payload.isascii() and payload.isdigit() else None


def s10(payload: str, params: Params) -> str | None:
    """UPU S10: weights 8,6,4,2,3,5,9,7; 11 - sum mod 11, with 10 -> 0 and 11 -> 5."""
    if len(payload) != 8 or not (payload.isascii() and payload.isdigit()):
        return None
    check = 11 - sum(map(mul, payload.encode().translate(_DIGIT_TABLE), (8, 6, 4, 2, 3, 5, 9, 7))) % 11
    return "0" if check == 10 else "5" if check == 11 else str(check)


def luhn(payload: str, params: Params) -> str | None:
    """Luhn mod 10: double every second digit counting leftwards from the check digit."""
    if not (payload.isascii() and payload.isdigit()):
        return None
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str(-total % 10)


def weighted_mod(payload: str, params: Params) -> str | None:
    """Sum of digit x weight, reduced by ``modulo`` then ``modulo2`` (FedEx Express: mod 11 then mod 10)."""
    if not (payload.isascii() and payload.isdigit()):
        return None
    weights = _expanded(tuple(params["weights"]), len(payload), bool(params.get("from_right")))
    total = sum(map(mul, payload.encode().translate(_DIGIT_TABLE), weights))
    return str(total % params.get("modulo", 11) % params.get("modulo2", 10))


def mod37_36(payload: str, params: Params) -> str | None:
    """ISO/IEC 7064 MOD 37,36 hybrid system over 0-9A-Z (DPD parcel numbers)."""
    values = _values(payload, _ALNUM_VALUES)
    if values is None:
        return None
    product = 36
    for v in values:
        s = (product + v) % 36 or 36
        product = s * 2 % 37
    return ALPHANUMERIC[(37 - product) % 36]


ALGORITHMS: dict[str, Callable[[str, Params], str | None]] = {
    "mod10": mod10,
    "mod7": mod7,
    "s10": s10,
    "luhn": luhn,
    "weighted": weighted_mod,
    "mod37_36": mod37_36,
}


def check_character(algorithm: str, payload: str, params: Params | None = None) -> str | None:
    """Expected check character for ``payload`` under ``algorithm`` (KeyError if unknown)."""
    return ALGORITHMS[algorithm](payload, params or {})


def compile_check(algorithm: str, params: Params) -> Callable[[str], str | None]:
    """A one-argument check function with the format's parameters bound (fast path for detect).

    Weighted sums are computed per weight class: sum(values[j::k]) * weight, which keeps the
    per-character work inside C (bytes.translate, slicing, sum) instead of a Python loop.
    """
    if algorithm in ("mod10", "weighted"):
        table = _UPS_TABLE if params.get("letters") == "ups" else _DIGIT_TABLE
        base = tuple(params.get("weights", (3, 1)))
        k = len(base)
        from_right = bool(params.get("from_right"))
        offset = int(params.get("offset", 0))
        modulo, modulo2 = int(params.get("modulo", 11)), int(params.get("modulo2", 10))
        is_mod10 = algorithm == "mod10"
        classes = tuple(enumerate(base))

        def weighted(payload: str) -> str | None:
            values = payload.encode("ascii", "replace").translate(table)
            if 255 in values:
                return None
            if from_right:
                values = values[::-1]
            total = 0
            for j, w in classes:
                total += w * sum(values[j::k])
            return str(-(total + offset) % 10) if is_mod10 else str(total % modulo % modulo2)

        return weighted
    if algorithm == "luhn":

        def fast_luhn(payload: str) -> str | None:
            values = payload.encode("ascii", "replace")[::-1]
            doubled = values[0::2].translate(_LUHN_DOUBLE)
            plain = values[1::2].translate(_DIGIT_TABLE)
            if 255 in doubled or 255 in plain:
                return None
            return str(-(sum(doubled) + sum(plain)) % 10)

        return fast_luhn
    fn = ALGORITHMS[algorithm]
    return lambda payload: fn(payload, params)


# Luhn: a doubled digit contributes its digit sum (2d, or 2d - 9 when that reaches 10).
_LUHN_DOUBLE = bytes(
    (2 * (c - 48) if c < 53 else 2 * (c - 48) - 9) if 48 <= c <= 57 else 255 for c in range(256)
)
