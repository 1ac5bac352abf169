"""Claims per second with 1,000,000 shipments in flight (PostgreSQL), against a plain read of the same
batch (no lease) in the same run.

    .venv/bin/python benchmarks/bench_claims.py [--url URL] [--rows 1000000] [--batches 200]
"""

from __future__ import annotations

import argparse
import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from parceltrail.adapters.db import claims, migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.services.tracking.leases import new_owner

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--admin-url", default=ADMIN)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    admin = create_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    name = f"bench_claims_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = args.admin_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        migrate.upgrade(url)
        store = Store(make_engine(url))
        t0 = time.perf_counter()
        with store.transaction() as repo:
            repo.conn.execute(text(
                "INSERT INTO shipments (tracking_number, carrier, tag, subtag, next_check_at, created_at, "
                "updated_at) SELECT 'N' || g, 'parceltrail-sandbox', 'InTransit', 'InTransit_002', "
                "timestamp '2026-11-01' - (g % 100000) * interval '1 second', now(), now() "
                "FROM generate_series(1, :n) g"), {"n": args.rows})
        with store.transaction() as repo:
            repo.conn.execute(text("ANALYZE shipments"))
        print(f"inserted {args.rows:,} shipments in {time.perf_counter() - t0:.1f}s")
        now = datetime(2026, 12, 1, tzinfo=UTC)
        owner = new_owner("bench")
        t0 = time.perf_counter()
        for _ in range(args.batches):
            batch = claims.claim_due(store, now, args.batch, owner)
            claims.release(store, owner, [s.id for s in batch if s.id is not None])
        claim_rate = args.batches * args.batch / (time.perf_counter() - t0)
        # leases kept: later claims must skip what earlier ones hold (as with many workers)
        t0 = time.perf_counter()
        for _ in range(args.batches):
            claims.claim_due(store, now, args.batch, owner)
        held_rate = args.batches * args.batch / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ in range(args.batches):
            with store.read() as repo:
                repo.shipments.due(now, args.batch)
        read_rate = args.batches * args.batch / (time.perf_counter() - t0)
        print(f"claim+release: {claim_rate:,.0f} shipments/s; claim with {args.batches * args.batch:,} "
              f"leases held: {held_rate:,.0f}/s; plain read of due rows: {read_rate:,.0f}/s; "
              f"ratio claim/read {claim_rate / read_rate:.2f}")
        store.engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
