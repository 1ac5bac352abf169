"""Numbers that anyone may start following from the public track page, and that nobody follows any more.

A number registered without an owner (no account's tracking, no order, no subscription, no e-mail
opt-in, no mail-in parcel) costs carrier requests for as long as it is polled. Its public page records
when it was last looked at, to the day, and a periodic sweep removes the ones nobody owns and nobody has
looked at for `days` days (a chain of legs goes together: a leg stays while a neighbouring leg is owned or
looked at). Times are wall time: "nobody looked" is about people, not the demo's simulated clock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from parceltrail.clock import Clock, SystemClock
from parceltrail.services.ports import Store

VIEW_GRANULARITY = timedelta(days=1)  # a page view is written at most once a day per number
SWEEP_EVERY = timedelta(hours=1)
SWEEP_BATCH = 1000
MAX_REMEMBERED = 100_000


class ViewLog:
    """Records page views cheaply: a number's view is written only when its stored time is a day old,
    and this process remembers what it already wrote today, so most views touch nothing."""

    def __init__(self, store: Store, wall: Clock | None = None) -> None:
        self.store = store
        self.wall = wall or SystemClock()
        self._written: dict[int, date] = {}
        self._lock = threading.Lock()

    def seen(self, shipment_ids: Iterable[int]) -> None:
        now = self.wall.now()
        today = now.date()
        with self._lock:
            if len(self._written) > MAX_REMEMBERED:
                self._written = {k: v for k, v in self._written.items() if v == today}
            fresh = sorted({i for i in shipment_ids if self._written.get(i) != today})
            for shipment_id in fresh:
                self._written[shipment_id] = today
        if fresh:
            with self.store.transaction() as repo:
                repo.shipments.mark_viewed(fresh, now, now - VIEW_GRANULARITY)


class Sweeper:
    """Removes unowned numbers nobody looked at for `days` days; `maybe_sweep` runs at most hourly."""

    def __init__(self, store: Store, days: int, wall: Clock | None = None) -> None:
        self.store = store
        self.days = days
        self.wall = wall or SystemClock()
        self._swept_at: datetime | None = None
        self._lock = threading.Lock()

    def maybe_sweep(self) -> int:
        now = self.wall.now()
        with self._lock:  # the worker's polling threads share one sweeper
            if self.days <= 0 or (self._swept_at is not None and now - self._swept_at < SWEEP_EVERY):
                return 0
            self._swept_at = now
        return self.sweep(now)

    def sweep(self, now: datetime) -> int:
        """Remove every unwatched unowned number now; how many went."""
        removed = 0
        while True:
            with self.store.transaction() as repo:
                gone = repo.shipments.remove_unwatched(now - timedelta(days=self.days), now, SWEEP_BATCH)
            removed += gone
            if gone < SWEEP_BATCH:
                return removed
