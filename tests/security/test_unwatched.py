"""Numbers nobody owns and nobody looks at stop being followed: the sweep removes them after the set days,
keeps what an account, order or subscription owns (and the legs next to it), and page views are
written at most once a day. On a SQLite file, PostgreSQL and the in-memory store alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.clock import ManualClock
from parceltrail.domain.accounts import Tracking, new_tracking_id
from parceltrail.services.memory import MemoryStore
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker
from parceltrail.services.tracking.unwatched import Sweeper, ViewLog

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LEFT, LOOKED_AT, OWNED, NEXT_LEG = "1Z999AA10123456784", "RB123456785CN", "LE424296059SE", "EE123456785CN"


@pytest.fixture(params=["sqlite", "postgres", "memory"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "memory":
        yield MemoryStore()
        return
    url = f"sqlite:///{tmp_path / 'db.sqlite'}" if request.param == "sqlite" \
        else str(request.getfixturevalue("migrated_postgres_url"))
    migrate.upgrade(url)
    store = Store(make_engine(url))
    yield store
    store.engine.dispose()


def _numbers(store: Any) -> set[str]:
    with store.read() as repo:
        return {n for n in (LEFT, LOOKED_AT, OWNED, NEXT_LEG) if repo.shipments.find(n) is not None}


def test_unowned_numbers_nobody_looks_at_are_removed(any_store: Any) -> None:
    wall = ManualClock(T0)
    tracker = Tracker(any_store, ConnectorRegistry({}), wall)
    left, looked, owned, leg = (tracker.register(n) for n in (LEFT, LOOKED_AT, OWNED, NEXT_LEG))
    assert None not in (left.id, looked.id, owned.id, leg.id)
    with any_store.transaction() as repo:
        account = repo.accounts.create_account("shop", T0)
        repo.accounts.add_tracking(Tracking(new_tracking_id(), account.id, owned.id or 0, T0, T0))
        owned.next_leg_id, leg.previous_leg_id = leg.id, owned.id
        repo.shipments.save(owned, T0)
        repo.shipments.save(leg, T0)
    sweeper, views = Sweeper(any_store, 30, wall), ViewLog(any_store, wall)

    assert sweeper.sweep(wall.now()) == 0  # never looked at: counted from now
    wall.advance(timedelta(days=20))
    views.seen([looked.id or 0])
    wall.advance(timedelta(days=11))  # 31 days after the first sweep
    assert sweeper.sweep(wall.now()) == 1
    assert _numbers(any_store) == {LOOKED_AT, OWNED, NEXT_LEG}
    wall.advance(timedelta(days=20))  # 31 days after the last look
    assert sweeper.sweep(wall.now()) == 1
    assert _numbers(any_store) == {OWNED, NEXT_LEG}  # the owned number and the leg after it stay


def test_a_view_is_written_once_a_day(any_store: Any) -> None:
    wall = ManualClock(T0)
    shipment = Tracker(any_store, ConnectorRegistry({}), wall).register(LEFT)
    sweeper = Sweeper(any_store, 30, wall)
    sweeper.sweep(wall.now())  # stamps the never-viewed number with now
    views = ViewLog(any_store, wall)
    for _ in range(3):
        views.seen([shipment.id or 0])
    # a second process (another ViewLog) within the same day writes nothing either: the stored time is fresh
    other = ViewLog(any_store, wall)
    other.seen([shipment.id or 0])
    wall.advance(timedelta(days=29, hours=23))
    assert sweeper.sweep(wall.now()) == 0
    wall.advance(timedelta(hours=2))  # 30 days and an hour after the only recorded look
    assert sweeper.sweep(wall.now()) == 1


def test_the_loops_sweep_is_off_at_zero_days(any_store: Any) -> None:
    wall = ManualClock(T0)
    Tracker(any_store, ConnectorRegistry({}), wall).register(LEFT)
    assert Sweeper(any_store, 0, wall).maybe_sweep() == 0
    sweeper = Sweeper(any_store, 30, wall)
    sweeper.maybe_sweep()
    wall.advance(timedelta(days=31))
    assert sweeper.maybe_sweep() == 1
    assert _numbers(any_store) == set()
