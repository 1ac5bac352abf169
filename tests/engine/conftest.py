"""An engine wired to the sandbox carrier network over real HTTP, on a manual clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector, create_app, serve_in_thread
from parceltrail.clock import ManualClock
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import PollReport, Tracker

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@dataclass
class Rig:
    clock: ManualClock
    store: Store
    tracker: Tracker
    base_url: str

    def run_until_quiet(self, horizon: timedelta = timedelta(days=75),
                        on_poll: Callable[[], None] | None = None) -> PollReport:
        """Jump the clock from one due time to the next and poll, until nothing is due before the
        horizon: the engine decides every check time itself."""
        total = PollReport()
        end = START + horizon
        for _ in range(5000):
            with self.store.read() as repo:
                due_at = repo.shipments.next_due_at()
            if due_at is None or due_at > end:
                return total
            if due_at > self.clock.now():
                self.clock.set(due_at)
            total.add(self.tracker.poll_due())
            if on_poll:
                on_poll()
        raise AssertionError("the engine kept polling without end")


@pytest.fixture
def make_rig(store: Store) -> Iterator[Callable[..., Rig]]:
    stops: list[Callable[[], None]] = []

    def make(timeout: float = 10.0, client: httpx.Client | None = None, **sandbox: Any) -> Rig:
        clock = ManualClock(START)
        base_url, stop = serve_in_thread(create_app(clock, epoch=START, **sandbox))
        stops.append(stop)
        connector = SandboxConnector(base_url, timeout=timeout, client=client)
        tracker = Tracker(store, ConnectorRegistry({CARRIER_SLUG: connector}), clock)
        return Rig(clock, store, tracker, base_url)

    yield make
    for stop in stops:
        stop()
