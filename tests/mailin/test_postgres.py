"""Mail intake on PostgreSQL: the migration goes up and down, and a message is handled once even when
two deliveries of it race (the handled-message row is the arbiter)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from sqlalchemy import inspect

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.orders import Role
from parceltrail.services.mailin import intake
from parceltrail.services.marketplace.users import create_user
from tests.mailin.conftest import USER, Case

TABLES = {
    "mailin_addresses",
    "mail_orders",
    "mail_parcels",
    "intake_log",
    "mail_seen",
    "imap_mailboxes",
    "shares",
}


def test_migration_and_concurrent_delivery(postgres_url: str, corpus: dict[str, Case]) -> None:
    migrate.upgrade(postgres_url)
    engine = make_engine(postgres_url)
    try:
        assert set(inspect(engine).get_table_names()) >= TABLES
        store = Store(engine)
        now = datetime(2026, 12, 6, 8, tzinfo=UTC)
        user = create_user(store, USER, "correct horse battery", Role.BUYER, now)
        raw = corpus["aliexpress-zh-gb2312"].raw
        with ThreadPoolExecutor(4) as pool:
            results = list(
                pool.map(
                    lambda _: intake.accept(store, user, raw, now, channel="smtp", allowed=None), range(4)
                )
            )
        assert sorted(r.outcome.value for r in results) == ["added", "duplicate", "duplicate", "duplicate"]
        with store.read() as repo:
            assert [p.tracking_number for p in repo.mailin.parcels(user.id)] == ["LP00698765432101"]
            assert len(repo.mailin.orders(user.id)) == 1
    finally:
        engine.dispose()
    migrate.downgrade(postgres_url, "0006")
    engine = make_engine(postgres_url)
    try:
        assert not TABLES & set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
