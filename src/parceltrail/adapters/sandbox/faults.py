"""Fault injection: the sandbox misbehaves like a real carrier API, at a seeded rate or on request."""

from __future__ import annotations

import random
import threading
from enum import StrEnum

FAULT_HEADER = "X-Sandbox-Fault"


class Fault(StrEnum):
    RATE_LIMITED = "429"
    SERVER_ERROR = "500"
    UNAVAILABLE = "503"
    TIMEOUT = "timeout"  # answer correctly, but only after `fault_delay_seconds`
    TRUNCATED = "truncated"  # a JSON body cut in the middle
    WRONG_SHAPE = "wrong-shape"  # valid JSON that is not the documented shape


# Header aliases: "malformed" picks the truncated body, the most common real-world breakage.
_ALIASES = {"malformed": Fault.TRUNCATED, "malformed-shape": Fault.WRONG_SHAPE}


class UnknownFaultError(ValueError):
    pass


class FaultInjector:
    """Decides per request whether (and how) to fail; thread-safe and reproducible for a given seed."""

    def __init__(self, rate: float, seed: int) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError("fault rate must be within [0, 1]")
        self.rate = rate
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def decide(self, forced: str | None) -> Fault | None:
        if forced:
            return parse_fault(forced)
        with self._lock:
            if self._rng.random() >= self.rate:
                return None
            return self._rng.choice(list(Fault))

    def randint(self, lo: int, hi: int) -> int:
        with self._lock:
            return self._rng.randint(lo, hi)


def parse_fault(value: str) -> Fault | None:
    value = value.strip().lower()
    if value in ("", "none"):
        return None
    if value in _ALIASES:
        return _ALIASES[value]
    try:
        return Fault(value)
    except ValueError:
        raise UnknownFaultError(f"unknown {FAULT_HEADER} value {value!r}") from None
