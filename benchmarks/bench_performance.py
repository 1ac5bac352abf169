"""Carrier and lane performance on 1,000,000 shipments (PostgreSQL, generated with generate_series): the
time of each report query against a plain `count(*)` of the same table in the same run.

    .venv/bin/python benchmarks/bench_performance.py [--admin-url URL] [--rows 1000000] [--repeat 5]

A fresh database is created and dropped. Shipments span 12 months, 8 carriers and 6 lanes; 60% are
delivered (a quarter of those handed over to a second leg), the rest in transit, in an exception,
returned, lost or expired; 70% have a recorded estimate; every parcel is a package of one of 2,000 orders
of 20 sellers (the seller's report filters on them).
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.domain.performance import DIMENSIONS

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SINCE, UNTIL = datetime(2025, 12, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)

SHIPMENTS = """
INSERT INTO shipments (id, tracking_number, carrier, origin_country, destination_country, tag, subtag,
                       first_event_at, last_event_at, next_leg_id, previous_leg_id, created_at, updated_at)
SELECT g, 'BENCH' || g,
       (ARRAY['usps','ups','fedex','dhl','china-post','royal-mail','cainiao','yunexpress'])[1 + g % 8],
       (ARRAY['CN','CN','US','DE','CN','GB'])[1 + (g / 8) % 6],
       (ARRAY['US','GB','US','FR','BR','GB'])[1 + (g / 8) % 6],
       CASE WHEN g % 20 < 12 THEN 'Delivered' WHEN g % 20 < 15 THEN 'InTransit'
            WHEN g % 20 < 17 THEN 'Exception' WHEN g % 20 < 18 THEN 'AttemptFail' ELSE 'Expired' END,
       CASE WHEN g % 20 < 12 THEN 'Delivered_001' WHEN g % 20 < 15 THEN 'InTransit_002'
            WHEN g % 20 = 15 THEN 'Exception_011' WHEN g % 20 = 16 THEN 'Exception_013'
            WHEN g % 20 < 18 THEN 'AttemptFail_001' ELSE 'Expired_001' END,
       timestamp '2025-12-01' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second',
       timestamp '2025-12-01' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second'
           + (2 + (g::bigint * 7919) % 25) * interval '1 day' + (g % 3600) * interval '1 second',
       NULL, NULL, now(), now()
FROM generate_series(1, :n) g
"""
# A quarter of the delivered parcels were handed over: their delivery is their second leg's last scan.
LEGS = """
INSERT INTO shipments (id, tracking_number, carrier, origin_country, destination_country, tag, subtag,
                       first_event_at, last_event_at, previous_leg_id, created_at, updated_at)
SELECT :n + s.id, 'LEG' || s.id, 'royal-mail', s.origin_country, s.destination_country, s.tag, s.subtag,
       s.last_event_at - interval '2 days', s.last_event_at + interval '1 day', s.id, now(), now()
FROM shipments s WHERE s.id <= :n AND s.tag = 'Delivered' AND s.id % 4 = 0
"""
LINK = ("UPDATE shipments s SET next_leg_id = s.id + :n "
        "WHERE s.id <= :n AND s.tag = 'Delivered' AND s.id % 4 = 0")
ESTIMATES = """
INSERT INTO shipment_estimates (shipment_id, timezone, first_estimated_at, first_due_by, first_last_day,
                                estimated_at, expected, earliest, latest, first_day, expected_day, last_day,
                                changed_at)
SELECT s.id, 'UTC', s.first_event_at, d.due, to_char(d.due - interval '1 day', 'YYYY-MM-DD'),
       s.first_event_at, d.due - interval '2 days', d.due - interval '6 days', d.due - interval '1 second',
       to_char(d.due - interval '6 days', 'YYYY-MM-DD'), to_char(d.due - interval '2 days', 'YYYY-MM-DD'),
       to_char(d.due - interval '1 day', 'YYYY-MM-DD'), s.first_event_at
FROM shipments s, LATERAL (SELECT date_trunc('day', s.first_event_at) + (8 + s.id % 18) * interval '1 day'
                           AS due) d
WHERE s.id <= :n AND s.id % 10 < 7
"""
PEOPLE = """
INSERT INTO accounts (id, name, created_at) SELECT g, 'bench-' || g, now() FROM generate_series(1, 21) g;
INSERT INTO users (id, account_id, email, password_hash, role, display_name, created_at)
SELECT g, g, 'seller' || g || '@example.com', '-', CASE WHEN g = 21 THEN 'buyer' ELSE 'seller' END, 'S' || g,
       now() FROM generate_series(1, 21) g;
INSERT INTO orders (id, reference, seller_id, buyer_id, currency, shipping_minor, status, protection_days,
                    ship_to, ship_from, placed_at, updated_at)
SELECT g, 'BENCH-' || g, 1 + g % 20, 21, 'EUR', 0, 'in_transit', 60, '{}', '{}', now(), now()
FROM generate_series(1, 2000) g;
"""
PACKAGES = """
INSERT INTO order_packages (order_id, shipment_id, tracking_number, carrier, issued, created_at)
SELECT 1 + g % 2000, g, 'BENCH' || g, 'usps', false, now() FROM generate_series(1, :n) g
"""


def timed(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--admin-url", default=ADMIN)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", help="a database this script generated and kept (--keep)")
    parser.add_argument("--keep", action="store_true", help="keep the generated database")
    args = parser.parse_args()
    admin = create_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    name = args.reuse or f"bench_performance_{uuid.uuid4().hex[:8]}"
    if not args.reuse:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = args.admin_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        migrate.upgrade(url)
        store = Store(make_engine(url))
        t0 = time.perf_counter()
        if not args.reuse:
            generate(store, args.rows)
        with store.read() as uow:
            conn = uow.conn  # type: ignore[attr-defined]
            total = conn.execute(text("SELECT count(*) FROM shipments")).scalar_one()
        print(f"{args.rows:,} parcels ({total:,} shipment rows with second legs), generated in "
              f"{time.perf_counter() - t0:.1f}s")
        report(store, args.repeat)
        store.engine.dispose()
    finally:
        if args.keep:
            print(f"kept database {name}")
        else:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def generate(store: Store, rows: int) -> None:
    with store.transaction() as uow:
        conn = uow.conn  # type: ignore[attr-defined]
        for statement in (SHIPMENTS, LEGS, LINK, ESTIMATES):
            conn.execute(text(statement), {"n": rows})
        for statement in PEOPLE.strip().split(";\n"):
            conn.execute(text(statement))
        conn.execute(text(PACKAGES), {"n": rows})
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def report(store: Store, repeat: int) -> None:
    def count() -> int:
        with store.read() as uow:
            return int(uow.conn.execute(text("SELECT count(*) FROM shipments")).scalar_one())  # type: ignore[attr-defined]

    baseline, _ = timed(count, repeat)
    print(f"{'query':44} {'median s':>9} {'x count(*)':>11} {'groups':>7}")
    print(f"{'count(*) of shipments':44} {baseline:9.3f} {1.0:11.1f} {1:7}")
    cases: list[tuple[str, tuple[str, ...], int | None]] = [
        ("operator: total", (), None), ("operator: by carrier", ("carrier",), None),
        ("operator: by month", ("month",), None),
        ("operator: carrier, origin, destination, month", DIMENSIONS, None),
        ("seller: by carrier", ("carrier",), 7),
        ("seller: carrier, origin, destination, month", DIMENSIONS, 7)]
    for label, by, seller in cases:
        def run(by: tuple[str, ...] = by, seller: int | None = seller) -> object:
            with store.read() as uow:
                return uow.performance.lane_stats(by, since=SINCE, until=UNTIL, seller_id=seller)
        seconds, rows = timed(run, repeat)
        print(f"{label:44} {seconds:9.3f} {seconds / baseline:11.1f} {len(rows):7}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
