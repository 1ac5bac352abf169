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
