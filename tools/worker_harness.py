"""A worker process for tests and benchmarks: polls a given database against a given sandbox URL, with
the engine's clock optionally frozen, and prints its totals as JSON when stopped (SIGTERM/SIGINT).

Operators run `parceltrail worker`; this harness exists so multi-process tests can start workers with
a fixed clock and a poll log. Run it as `python tools/worker_harness.py --database-url URL --sandbox-url URL`
with `src` on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from parceltrail.adapters.db import claims
from parceltrail.adapters.db.carrier_limits import CarrierLimiter
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector
from parceltrail.clock import Clock, ManualClock, SystemClock
from parceltrail.entrypoints.worker import Worker, install_signal_handlers
from parceltrail.services.tracking.registry import ConnectorRegistry


def main(argv: Sequence[str] | None = None) -> None:
    """A worker against a database and a sandbox network URL until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(prog="tools/worker_harness.py")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--sandbox-url", required=True)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--lease-seconds", type=float, default=claims.DEFAULT_LEASE.total_seconds())
    parser.add_argument("--at", help="freeze the engine's clock at this ISO 8601 instant")
    parser.add_argument("--poll-log", type=Path)
    parser.add_argument("--idle-seconds", type=float, default=0.5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(process)d %(levelname)s %(message)s")

    clock: Clock = ManualClock(datetime.fromisoformat(args.at)) if args.at else SystemClock()
    store = Store(make_engine(args.database_url))
    registry = ConnectorRegistry({CARRIER_SLUG: SandboxConnector(args.sandbox_url)})
    worker = Worker(store, registry, clock, batch=args.batch, concurrency=args.concurrency,
                    lease=timedelta(seconds=args.lease_seconds), limiter=CarrierLimiter(store),
                    idle_seconds=args.idle_seconds, poll_log=args.poll_log)
    stop = threading.Event()
    install_signal_handlers(stop)
    print(f"worker {os.getpid()} ready", flush=True)
    stats = worker.run(stop)
    print(json.dumps({"polled": stats.polled, "requests": stats.requests, "new_events": stats.new_events,
                      "lost_leases": stats.lost_leases, "db_errors": stats.db_errors}), flush=True)
    store.engine.dispose()


if __name__ == "__main__":
    main()
