"""The store: migrations on SQLite (WAL) and on the CI PostgreSQL, round-trips, idempotent events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.migrate import alembic_config
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.events import event_fingerprint
from parceltrail.domain.shipment import Shipment, TrackingEvent
from tests.conftest import copy_migrated

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
SHANGHAI = timezone(timedelta(hours=8))


def _event(shipment_id: int, hour: int, text_: str, tag: str | None = "InTransit",
           subtag: str | None = "InTransit_001") -> TrackingEvent:
    when = datetime(2026, 11, 1, hour, 30, tzinfo=SHANGHAI)
    return TrackingEvent(
        shipment_id=shipment_id, occurred_at=when, raw_text=text_, source="test",
        fingerprint=event_fingerprint("RB123456785CN", when, text_, None, "Shenzhen"),
        location="Shenzhen", country="CN", city="Shenzhen", latitude=22.54, longitude=114.06, lang="zh",
        tag=tag, subtag=subtag, classified=tag is not None, retrieved_at=NOW,
    )


def _round_trip(store: Store) -> None:
    with store.transaction() as repo:
        shipment = repo.shipments.add(Shipment(tracking_number="RB123456785CN", carrier="china-post",
                                     origin_country="CN", next_check_at=NOW), NOW)
        assert shipment.id is not None
        again = repo.shipments.add(Shipment(tracking_number="RB123456785CN", carrier="china-post"), NOW)
        assert again.id == shipment.id  # registering twice is idempotent
        payload = repo.shipments.add_payload(shipment.id, "test", NOW, {"raw": "已揽收", "n": 1})
        events = [_event(shipment.id, 9, "已揽收"), _event(shipment.id, 14, "到达【深圳转运中心】")]
        for e in events:
            e.raw_payload_id = payload
        assert repo.shipments.add_events(events) == 2
        assert repo.shipments.add_events(events) == 0  # the same scans again are stored once
        unclassified = _event(shipment.id, 20, "???", tag=None, subtag=None)
        assert repo.shipments.add_events([unclassified]) == 1
    with store.read() as repo:
        stored = repo.shipments.get(shipment.id)
        assert stored is not None and stored.tracking_number == "RB123456785CN"
        assert stored.next_check_at == NOW and stored.next_check_at.tzinfo is not None
        got = repo.shipments.events([shipment.id])
        assert [e.raw_text for e in got] == ["已揽收", "到达【深圳转运中心】", "???"]
        # local time and offset survive the round trip
        assert got[0].occurred_at == datetime(2026, 11, 1, 9, 30, tzinfo=SHANGHAI)
        assert got[0].occurred_at.utcoffset() == timedelta(hours=8)
        assert got[0].raw_payload_id == payload
        assert repo.shipments.unclassified_count() == 1
        assert [s.id for s in repo.shipments.due(NOW, 10)] == [shipment.id]
        assert repo.shipments.due(NOW - timedelta(seconds=1), 10) == []


def test_sqlite_migrations_wal_and_round_trip(sqlite_url: str) -> None:
    migrate.upgrade(sqlite_url)
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert {"shipments", "tracking_events", "raw_payloads", "alembic_version"} <= set(
        inspect(engine).get_table_names())
    _round_trip(Store(engine))
    engine.dispose()


def test_sqlite_downgrade_removes_everything(sqlite_url: str) -> None:
    migrate.upgrade(sqlite_url)
    migrate.downgrade(sqlite_url, "base")
    engine = make_engine(sqlite_url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()


def test_the_migrated_copy_is_what_the_migrations_make(sqlite_url: str, migrated_sqlite: Path,
                                                       tmp_path: Path) -> None:
    # `store`, `runtime` and the browser sites start from a copy of one migrated file: it must hold the
    # very schema, indexes, triggers and rows (the Alembic revision, seeded data) of a fresh migration.
    migrate.upgrade(sqlite_url)
    copied = f"sqlite:///{tmp_path / 'copy.db'}"
    copy_migrated(migrated_sqlite, copied)

    def content(url: str) -> tuple[list[tuple[object, ...]], dict[str, list[tuple[object, ...]]]]:
        engine = make_engine(url)
        with engine.connect() as conn:
            schema = [tuple(r) for r in conn.execute(text(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))]
            rows = {str(r[1]): [tuple(x) for x in conn.execute(text(f'SELECT * FROM "{r[1]}" ORDER BY 1'))]
                    for r in schema if r[0] == "table"}
        engine.dispose()
        return schema, rows

    fresh_schema, fresh_rows = content(sqlite_url)
    copy_schema, copy_rows = content(copied)
    assert copy_schema == fresh_schema and len(fresh_schema) > 20
    assert copy_rows == fresh_rows
    assert fresh_rows["alembic_version"] == [(ScriptDirectory.from_config(alembic_config(sqlite_url))
                                               .get_current_head(),)]


@pytest.mark.postgres
def test_the_migrated_postgres_copy_is_what_the_migrations_make(postgres_url: str,
                                                                migrated_postgres_url: str) -> None:
    # Tests that only need the schema on PostgreSQL start from a copy of one migrated database.
    migrate.upgrade(postgres_url)

    def content(url: str) -> tuple[list[tuple[object, ...]], ...]:
        engine = make_engine(url)
        with engine.connect() as conn:
            found = tuple([tuple(r) for r in conn.execute(text(query))] for query in (
                "SELECT table_name, column_name, data_type, column_default, is_nullable "
                "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                "ORDER BY 1, 2",
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
                "SELECT version_num FROM alembic_version",
            ))
        engine.dispose()
        return found

    fresh, copied = content(postgres_url), content(migrated_postgres_url)
    assert copied == fresh and len(fresh[0]) > 50
    assert fresh[3] == [(ScriptDirectory.from_config(alembic_config(postgres_url)).get_current_head(),)]


@pytest.mark.postgres
def test_postgres_migrations_and_round_trip(postgres_url: str) -> None:
    migrate.upgrade(postgres_url)
    engine = make_engine(postgres_url)
    assert engine.dialect.name == "postgresql"
    _round_trip(Store(engine))
    engine.dispose()


def test_chain_of_legs(store: Store) -> None:
    with store.transaction() as repo:
        first = repo.shipments.add(Shipment(tracking_number="LP00123456789012", carrier="cainiao"), NOW)
        second = repo.shipments.add(Shipment(tracking_number="RB123456785BR", carrier="brazil-correios",
                                   previous_leg_id=first.id), NOW)
        first.next_leg_id = second.id
        repo.shipments.save(first, NOW)
        assert [leg.id for leg in repo.shipments.chain(second)] == [first.id, second.id]
        assert [leg.id for leg in repo.shipments.chain(first)] == [first.id, second.id]
