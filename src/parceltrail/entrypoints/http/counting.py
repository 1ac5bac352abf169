"""Where the rate limits count: `LocalCounts` in this process (tests, a single process), or
`adapters.db.request_counts.SharedCounts` in the database, so N server processes allow the limit once,
not N times."""

from __future__ import annotations

import threading
from typing import Protocol


class Counts(Protocol):
    def add(self, key: str, period: int, expires: int, amount: int = 1) -> int:
        """Add `amount` to (key, period); the period's total so far."""
        ...


class LocalCounts:
    """In-process counts; periods older than the newest one seen are dropped when the table grows."""

    def __init__(self, max_keys: int = 100_000) -> None:
        self.max_keys = max_keys
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()

    def add(self, key: str, period: int, expires: int, amount: int = 1) -> int:
        with self._lock:
            if len(self._counts) > self.max_keys:
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= period}
            total = self._counts.get((key, period), 0) + amount
            self._counts[(key, period)] = total
        return total


class _Held:
    __slots__ = ("left", "total", "batch", "exhausted")

    def __init__(self) -> None:
        self.left = 0  # units reserved in the shared count and not yet handed out
        self.total = 0  # the shared count after this process's last reservation
        self.batch = 1
        self.exhausted = False


class Budget:
    """Hands out units of a limit from `counts`, reserving several at a time for busy keys so a shared
    count costs one database write per batch, not per request.

    A key's first request in a period reserves 1 unit; each further reservation doubles, up to
    `share` of the limit (1 when `share` is 0). Units are granted only while the shared total stays within
    the limit, so all processes together never let more than the limit through. The slack is the other
    way: units one process reserved and did not use are lost to the others for that period, so with P
    processes up to P x (batch - 1) requests can be refused before the limit is reached.
    """

    def __init__(self, counts: Counts, share: float = 0.0, max_keys: int = 100_000) -> None:
        self.counts = counts
        self.share = share
        self.max_keys = max_keys
        self._held: dict[tuple[str, int], _Held] = {}
        self._lock = threading.Lock()

    def take(self, key: str, period: int, expires: int, limit: int) -> tuple[bool, int]:
        """One unit of `limit` for (key, period): (granted, units used so far as this process knows)."""
        with self._lock:
            held = self._held.get((key, period))
            if held is not None and held.left > 0:
                held.left -= 1
                return True, held.total - held.left
            if held is not None and held.exhausted:
                return False, held.total
            cap = max(1, int(limit * self.share))
            batch = min(held.batch if held is not None else 1, cap)
        total = self.counts.add(key, period, expires, batch)
        granted = max(0, min(batch, limit - (total - batch)))
        with self._lock:
            if len(self._held) > self.max_keys:
                self._held = {k: v for k, v in self._held.items() if k[1] >= period}
            held = self._held.setdefault((key, period), _Held())
            held.total = max(held.total, total)
            held.batch = min(batch * 2, max(1, int(limit * self.share)))
            if granted == 0:
                held.exhausted = True
                return False, total
            held.left += granted - 1
            return True, held.total - held.left
