"""The bounded "recent numbers" queries that rank typo corrections: newest first, per account, capped."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.accounts import Tracking
from parceltrail.domain.shipment import Shipment
from parceltrail.numbers import issue_s10
from parceltrail.services.memory import MemoryStore
from parceltrail.services.ports import Store as StorePort
from parceltrail.services.tracking.corrections import known_numbers

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[StorePort]:
    if request.param == "memory":
        yield MemoryStore()
        return
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else sqlite_url
    migrate.upgrade(url)
    store = Store(make_engine(url))
    yield store
    store.engine.dispose()


def test_recent_numbers_are_the_accounts_own_newest_first(any_store: StorePort) -> None:
    numbers = [issue_s10("GB", "RB", 12_345_600 + i) for i in range(6)]
    with any_store.transaction() as repo:
        mine = repo.accounts.create_account("mine", NOW)
        theirs = repo.accounts.create_account("theirs", NOW)
        for i, number in enumerate(numbers):
            shipment = repo.shipments.add(Shipment(tracking_number=number, carrier="royal-mail"), NOW)
            assert shipment.id is not None
            owner = mine if i < 4 else theirs
            repo.accounts.add_tracking(Tracking(id=f"t{i}", account_id=owner.id, shipment_id=shipment.id,
                                                created_at=NOW + timedelta(minutes=i),
                                                updated_at=NOW + timedelta(minutes=i)))
    with any_store.read() as repo:
        assert repo.accounts.recent_numbers(mine.id, 10) == numbers[3::-1]
        assert repo.accounts.recent_numbers(mine.id, 2) == [numbers[3], numbers[2]]
        assert repo.accounts.recent_numbers(theirs.id, 10) == [numbers[5], numbers[4]]
        assert repo.shipments.recent_numbers(3) == numbers[:2:-1]
        assert known_numbers(repo, account_id=mine.id, limit=2) == [numbers[3], numbers[2]]
        assert known_numbers(repo, installation=True, limit=2) == [numbers[5], numbers[4]]
        assert repo.orders.recent_label_numbers(12345, 10) == []
