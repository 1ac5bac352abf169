"""Empirical quantiles on sorted data (linear interpolation, as numpy's default)."""

from __future__ import annotations

from collections.abc import Sequence


def quantile(sorted_values: Sequence[float], q: float, start: int = 0) -> float:
    """q-quantile of sorted_values[start:] (must be non-empty)."""
    n = len(sorted_values) - start
    if n <= 0:
        raise ValueError("quantile of an empty sample")
    pos = q * (n - 1)
    lo = int(pos)
    hi = min(lo + 1, n - 1)
    a, b = sorted_values[start + lo], sorted_values[start + hi]
    return a + (b - a) * (pos - lo)
