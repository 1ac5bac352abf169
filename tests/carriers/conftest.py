"""Fixtures for the real-carrier connectors: recorded responses (shaped like the carriers' documented
examples), a manual clock and a rate limiter that never waits. No test touches the network (respx)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from parceltrail.adapters.carriers.http import RequestPacer
from parceltrail.clock import ManualClock

RECORDED = Path(__file__).parent / "recorded"


@pytest.fixture
def recorded() -> Callable[[str], Any]:
    def load(name: str) -> Any:
        return json.loads((RECORDED / name).read_text(encoding="utf-8"))
    return load


@pytest.fixture
def recorded_bytes() -> Callable[[str], bytes]:
    return lambda name: (RECORDED / name).read_bytes()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 1, 8, 12, 0, tzinfo=UTC))


@pytest.fixture
def limiter() -> RequestPacer:
    return RequestPacer(0.0, sleep=lambda _: None)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client() as c:
        yield c


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        yield router


@pytest.fixture
def connector_options(client, clock, limiter) -> dict[str, Any]:
    """The keyword arguments that keep a real-carrier connector offline and deterministic."""
    return {"client": client, "clock": clock, "limiter": limiter}


@pytest.fixture
def token_route(mock, recorded) -> Callable[[str, str], respx.Route]:
    """`token_route(url, recorded_name)` mocks an OAuth token endpoint answering 200 with a recorded body."""
    def route(url: str, name: str) -> respx.Route:
        return mock.post(url).mock(return_value=httpx.Response(200, json=recorded(name)))
    return route
