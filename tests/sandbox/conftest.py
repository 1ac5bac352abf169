"""Fixtures for the sandbox network: a fixed epoch, a manual clock, and the service over real HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from parceltrail.adapters.sandbox import create_app, serve_in_thread
from parceltrail.clock import ManualClock

EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)

Server = tuple[str, ManualClock]


@pytest.fixture
def epoch() -> datetime:
    return EPOCH


@pytest.fixture
def start_sandbox() -> Iterator[Callable[..., Server]]:
    """start_sandbox(**create_app kwargs) -> (base_url, clock); every server is stopped after the test."""
    stops: list[Callable[[], None]] = []

    def start(**kwargs: Any) -> Server:
        clock = ManualClock(EPOCH)
        base_url, stop = serve_in_thread(create_app(clock, epoch=EPOCH, **kwargs))
        stops.append(stop)
        return base_url, clock

    yield start
    for stop in stops:
        stop()
