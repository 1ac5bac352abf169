"""Lookup tables the generated check-digit code indexes (built from the algorithms' definitions).

Each table replaces arithmetic the generated code would otherwise do per character; the
fast-path tests compare the results with checksums.py's functions through the regex reference path.
"""

from __future__ import annotations

import functools
from typing import Any

from parceltrail.numbers.checksums import ALPHANUMERIC

UPS_VALUE = {c: (i if i < 10 else (ord(c) - 3) % 10) for i, c in enumerate(ALPHANUMERIC)}
UPS_TABLE = bytes(
    c - 48 if 48 <= c <= 57 else (c - 3) % 10 if 65 <= c <= 90 else 0 for c in range(256)
)
LUHN_TABLE = bytes(
    (2 * (c - 48) if c < 53 else 2 * (c - 48) - 9) if 48 <= c <= 57 else 0 for c in range(256)
)


def _s10_table() -> tuple[int, ...]:
    # Index: (sum of weight * byte) % 11 over the 8 serial bytes; 48 * 44 = 2112 = 11 * 192.
    out = []
    for r in range(11):
        check = 11 - r % 11
        out.append(ord("0" if check == 10 else "5" if check == 11 else str(check)))
    return tuple(out)


S10_TABLE = _s10_table()
S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
S10_SPLIT = ((0, 3), (3, 6), (6, 8))


@functools.cache
def s10_tables() -> dict[str, Any]:
    """Weighted sums of the S10 serial's digit chunks, keyed by the chunk (built on first use)."""
    tables: dict[str, Any] = {"S10_TABLE": S10_TABLE}
    for k, (a, b) in enumerate(S10_SPLIT):
        weights = S10_WEIGHTS[a:b]
        tables[f"S10_CHUNK{k}"] = {
            text: sum(w * (ord(d) - 48) for w, d in zip(weights, text, strict=True))
            for text in (f"{v:0{b - a}d}" for v in range(10 ** (b - a)))
        }
    return tables


@functools.cache
def mod37_tables() -> dict[str, Any]:
    """ISO 7064 MOD 37,36 (DPD) as table lookups on digit chunks, built on first use.

    A state p (1..36) is stored as 1000 * p; ``MOD37_STEPk[state + value]`` is the state after
    the k digits whose value ``MOD37_CHUNK`` gives, and ``MOD37_FINAL[state]`` the check
    character's code. Only digits: formats whose payload may hold letters keep the function.
    """
    def step(p: int, digit: int) -> int:
        s = (p + digit) % 36 or 36
        return s * 2 % 37

    step1 = [0] * 37000
    for p in range(37):
        for d in range(10):
            step1[1000 * p + d] = 1000 * step(p, d)
    step2 = [step1[step1[1000 * p + v // 10] + v % 10] for p in range(37) for v in range(1000)]
    step3 = [step1[step2[1000 * p + v // 10] + v % 10] for p in range(37) for v in range(1000)]
    chunk = {f"{v:0{k}d}": v for k in (1, 2, 3) for v in range(10**k)}
    final = [0] * 37000
    for p in range(37):
        final[1000 * p] = ord(ALPHANUMERIC[(37 - p) % 36])
    return {"MOD37_STEP1": tuple(step1), "MOD37_STEP2": tuple(step2), "MOD37_STEP3": tuple(step3),
            "MOD37_CHUNK": chunk, "MOD37_FINAL": tuple(final)}

