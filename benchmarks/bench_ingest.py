"""Event ingestion rate through `engine.ingestion.ingest` (one transaction per shipment, as the tracker
does) against a raw bulk insert of the same event rows, on PostgreSQL, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--serials 60]
"""

from __future__ import annotations

import argparse
import time
import uuid
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, insert, text

from parceltrail.carriers.base import RawEvent, TrackResult
from parceltrail.carriers.sandbox.journeys import journey
from parceltrail.carriers.sandbox.scenarios import CARRIER_SLUG, Scenario, make_number
from parceltrail.domain.shipment import Shipment
from parceltrail.engine.ingestion import classify_event, ingest
from parceltrail.store import migrate
from parceltrail.store.database import make_engine
from parceltrail.store.repository import Store
from parceltrail.store.tables import tracking_events

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
AT = EPOCH + timedelta(days=40)


def _results(serials: int) -> list[TrackResult]:
    out = []
    for family in Scenario:
        for serial in range(1, serials + 1):
            number = make_number(family, serial)
            j = journey(number, EPOCH, demo=False)
            assert j is not None
            events = [RawEvent(e.occurred_at, e.text, e.code, e.location, e.country, e.city, e.latitude,
                               e.longitude, e.lang) for e in j.visible_events(AT)]
            out.append(TrackResult(number, events))
    return out


def _fresh(admin, name: str) -> Store:
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN.rsplit("/", 1)[0] + f"/{name}"
    migrate.upgrade(url)
    return Store(make_engine(url))


def _register(store: Store, results: list[TrackResult]) -> list[Shipment]:
    with store.transaction() as repo:
        return [repo.add(Shipment(r.number, CARRIER_SLUG, next_check_at=AT), AT) for r in results]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serials", type=int, default=60)
    args = parser.parse_args()
    results = _results(args.serials)
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    names = [f"bench_ingest_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    try:
        engine_store, raw_store = _fresh(admin, names[0]), _fresh(admin, names[1])
        shipments = _register(engine_store, results)
        t0 = time.perf_counter()
        stored = 0
        for shipment, result in zip(shipments, results, strict=True):
            with engine_store.transaction() as repo:
                stored += ingest(repo, shipment, result, CARRIER_SLUG, AT).new_events
        engine_rate = stored / (time.perf_counter() - t0)

        raw_shipments = _register(raw_store, results)
        rows = []
        for shipment, result in zip(raw_shipments, results, strict=True):
            for raw in result.events:
                row = asdict(classify_event(shipment, raw, CARRIER_SLUG, AT, None))
                row.pop("id")
                row["utc_offset_minutes"] = int(raw.occurred_at.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
                rows.append(row)
        t0 = time.perf_counter()
        with raw_store.transaction() as repo:
            repo.conn.execute(insert(tracking_events), rows)
        raw_rate = len(rows) / (time.perf_counter() - t0)
        print(f"{len(results)} shipments, {stored} events: engine.ingestion {engine_rate:,.0f} events/s, "
              f"raw bulk insert {raw_rate:,.0f} events/s, ratio {engine_rate / raw_rate:.2f} (goal >= 0.5)")
        engine_store.engine.dispose()
        raw_store.engine.dispose()
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
