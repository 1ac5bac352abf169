"""Outbox leases run on one clock for every dispatcher (the database's on PostgreSQL): a dispatcher whose
clock is an hour behind cannot make a fresh lease look expired to another one, so nothing is sent twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.notifications import ChannelKind, EventKind, Scope, Status, Subscription


@pytest.fixture(params=["sqlite_url", "postgres_url"])
def db_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    url = request.getfixturevalue(request.param)
    migrate.upgrade(url)
    engine = make_engine(url)
    yield Store(engine)
    engine.dispose()


def test_a_dispatcher_with_a_slow_clock_cannot_steal_a_live_lease(db_store: Store) -> None:
    now = datetime.now(UTC)
    behind = now - timedelta(hours=1)  # the clock of the first dispatcher's machine
    with db_store.transaction() as repo:
        notes = repo.notifications
        sub = notes.add_subscription(Subscription(
            id=0, scope=Scope.ACCOUNT, events=[EventKind.STATUS_CHANGE], channel=ChannelKind.WEBHOOK,
            target="https://93.184.216.34/hook", created_at=behind, secret="s"))
        notes.enqueue(event_id="e" * 32, subscription_id=sub.id, shipment_id=None,
                      kind=EventKind.STATUS_CHANGE,
                      payload={}, status=Status.PENDING, now=behind - timedelta(minutes=5),
                      not_before=behind - timedelta(minutes=5), expires_at=now + timedelta(days=1))
    with db_store.transaction() as repo:
        first = repo.notifications.claim("slow-clock", behind, timedelta(seconds=60), 10)
    with db_store.transaction() as repo:
        second = repo.notifications.claim("right-clock", now, timedelta(seconds=60), 10)
    assert len(first) == 1
    assert second == []
