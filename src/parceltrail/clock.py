"""Injectable clocks: the engine and the sandbox read time only through a Clock.

`SystemClock` is wall time; `ScaledClock` runs N times faster than wall time from a fixed epoch (demos);
`ManualClock` only moves when told (tests).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ScaledClock:
    """Time that runs `speed` times faster than the wall clock from the real instant `epoch`, at which
    the simulated time was `sim_start` (default: `epoch` itself).

    The anchors are persisted (see `parceltrail.adapters.sandbox.timeline`), so a restart continues the
    same timeline.
    """

    def __init__(self, epoch: datetime, speed: float = 1.0, sim_start: datetime | None = None) -> None:
        if epoch.tzinfo is None or (sim_start is not None and sim_start.tzinfo is None):
            raise ValueError("epoch and sim_start must be timezone-aware")
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.epoch = epoch
        self.sim_start = sim_start or epoch
        self.speed = speed

    def now(self) -> datetime:
        real = datetime.now(UTC)
        return self.sim_start + (real - self.epoch) * self.speed


class ManualClock:
    """A clock that only moves when `advance` or `set` is called; thread-safe."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("start must be timezone-aware")
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._now += delta
            return self._now

    def set(self, when: datetime) -> None:
        with self._lock:
            self._now = when
