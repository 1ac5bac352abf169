"""Event ingestion rate through `services.tracking.ingestion` against a raw bulk insert of the same event
rows, on PostgreSQL, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--serials 60] [--batch 40] [--profile]

The engine side does what the tracker does with a fetched batch: `ingest_many` over `--batch` shipments
(the sandbox's 40 numbers per request) in one transaction, i.e. fingerprint lookup, classification of new
scans, the insert, status and legs recomputed, rows saved, the outbox hook; it is timed from the fetched
results to the commit. The raw side is one plain executemany INSERT of exactly the event rows the engine
stored (classified beforehand, untimed), in one transaction. `--batch 1` measures one transaction per
shipment, for comparison.

Both sides run in a warmed-up process, as a long-running worker is: the modules are imported and the
classifier's rules compiled by classifying *other* parcels' scans first (serials 100001...). Texts shared
between parcels (same template, same place) are then served by the classifier's cache, as they are in a
worker that has been running for a while; `--cold` skips the warm-up (then the one-off regex compilation
and imports, ~0.5 s, land in the engine's time).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
import uuid
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, insert, text

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.tables import tracking_events
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox.journeys import journey
from parceltrail.adapters.sandbox.scenarios import CARRIER_SLUG, Scenario, make_number
from parceltrail.domain.connectors import RawEvent, TrackResult
from parceltrail.domain.shipment import Shipment
from parceltrail.services.tracking.ingestion import classify_event, ingest_many

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
AT = EPOCH + timedelta(days=40)


def _results(serials: int, first: int = 1) -> list[TrackResult]:
    out = []
    for family in Scenario:
        for serial in range(first, first + serials):
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
        return [repo.shipments.add(Shipment(r.number, CARRIER_SLUG, next_check_at=AT), AT) for r in results]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serials", type=int, default=60)
    parser.add_argument("--batch", type=int, default=40, help="shipments per transaction (fetched batch)")
    parser.add_argument("--profile", action="store_true", help="cProfile the engine side")
    parser.add_argument("--cold", action="store_true", help="no warm-up (imports, classifier rules)")
    args = parser.parse_args()
    if not args.cold:
        import parceltrail.services.notifications.outbox  # noqa: F401 - imported lazily by ingestion

        warm = Shipment("warm-up", CARRIER_SLUG, id=0)
        for result in _results(args.serials, first=100_001):
            for raw in result.events:
                classify_event(warm, raw, CARRIER_SLUG, AT, None)
    results = _results(args.serials)
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    names = [f"bench_ingest_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    try:
        engine_store, raw_store = _fresh(admin, names[0]), _fresh(admin, names[1])
        shipments = _register(engine_store, results)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        t0 = time.perf_counter()
        stored = 0
        pairs = list(zip(shipments, results, strict=True))
        for start in range(0, len(pairs), args.batch):
            with engine_store.transaction() as repo:
                reports = ingest_many(repo, pairs[start:start + args.batch], CARRIER_SLUG, AT)
                stored += sum(r.new_events for r in reports)
        engine_rate = stored / (time.perf_counter() - t0)
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

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
        assert len(rows) == stored
        print(f"{len(results)} shipments, {stored} events, {args.batch} shipments per transaction: "
              f"engine.ingestion {engine_rate:,.0f} events/s, "
              f"raw bulk insert {raw_rate:,.0f} events/s, ratio {engine_rate / raw_rate:.2f} (goal >= 0.5)")
        engine_store.engine.dispose()
        raw_store.engine.dispose()
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
