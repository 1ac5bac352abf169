"""Mail intake fixtures: a migrated SQLite store, a manual clock, two users, the shipping-mail corpus."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from parceltrail.adapters.db.uow import Store
from parceltrail.clock import ManualClock
from parceltrail.domain.orders import Role, User
from parceltrail.services.marketplace.users import create_user

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from mail_corpus import USER, Case, cases  # noqa: E402

START_CLOCK = "2026-12-06T08:00:00+00:00"
__all__ = ["USER", "Case", "cases", "free_port"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def clock() -> ManualClock:
    from datetime import datetime

    return ManualClock(datetime.fromisoformat(START_CLOCK))


@pytest.fixture
def ana(store: Store, clock: ManualClock) -> User:
    return create_user(store, USER, "correct horse battery", Role.BUYER, clock.now())


@pytest.fixture
def ben(store: Store, clock: ManualClock) -> User:
    return create_user(store, "ben@example.org", "correct horse battery", Role.BUYER, clock.now())


@pytest.fixture
def corpus() -> dict[str, Case]:
    return {case.name: case for case in cases()}
