"""Polls per second with 1, 2 and 4 worker processes against the sandbox (PostgreSQL), and worker
memory (RSS) sampled over a long run in-process.

    .venv/bin/python benchmarks/bench_workers.py [--serials 40] [--rss-batches 60] [--sandboxes 2]

The sandbox carrier network runs in `--sandboxes` processes of its own (uvicorn, one per port; worker i
uses sandbox i mod N), not in a thread of this process, so it does not share an interpreter lock with the
measuring loop. Its own ceiling is measured first: numbers/s answered to one client fetching 40 numbers
per request with no database work. Everything shares the machine's cores with PostgreSQL. Rates are timed
from the moment every worker process is up (the shipments are made due then), so process start-up
(imports) is not counted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.tables import shipments
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector, create_app
from parceltrail.adapters.sandbox.scenarios import Scenario, make_number
from parceltrail.clock import ManualClock
from parceltrail.domain.shipment import Shipment
from parceltrail.entrypoints.worker import Worker, rss_kb
from parceltrail.services.tracking.registry import ConnectorRegistry

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
AT = EPOCH + timedelta(days=9)
SRC = str(Path(__file__).resolve().parents[1] / "src")
HARNESS = Path(SRC).parent / "tools" / "worker_harness.py"


def _db(admin, serials: int) -> tuple[str, str]:
    name = f"bench_workers_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = ADMIN.rsplit("/", 1)[0] + f"/{name}"
    migrate.upgrade(url)
    store = Store(make_engine(url))
    with store.transaction() as repo:
        for family in Scenario:
            for serial in range(1, serials + 1):
                repo.shipments.add(Shipment(make_number(family, serial), CARRIER_SLUG, next_check_at=None),
                                   AT)
    store.engine.dispose()
    return name, url


def _due(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(shipments).where(shipments.c.next_check_at <= AT)
                         ).scalar_one()
    engine.dispose()
    return n


def _arm(url: str) -> int:
    """Make every shipment due now; returns how many."""
    engine = make_engine(url)
    with engine.begin() as conn:
        n = conn.execute(shipments.update().values(next_check_at=AT)).rowcount
    engine.dispose()
    return n


def _serve_sandbox(port: int) -> None:
    """`--serve-sandbox PORT`: the sandbox network alone, frozen at AT (a child process of the benchmark)."""
    import uvicorn

    uvicorn.run(create_app(ManualClock(AT), epoch=EPOCH), host="127.0.0.1", port=port, log_level="warning")


def _start_sandboxes(n: int) -> tuple[list[str], list[subprocess.Popen[bytes]]]:
    import socket

    urls, procs = [], []
    for _ in range(n):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        procs.append(subprocess.Popen([sys.executable, __file__, "--serve-sandbox", str(port)],
                                      env=dict(os.environ, PYTHONPATH=SRC)))
        urls.append(f"http://127.0.0.1:{port}")
    for url in urls:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(url + "/v1/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"sandbox at {url} did not start") from None
                time.sleep(0.1)
    return urls, procs


def _sandbox_ceiling(url: str, serials: int, seconds: float = 3.0) -> float:
    """Numbers/s one sandbox process answers to one client (40 numbers per request, no database)."""
    connector = SandboxConnector(url)
    numbers = [make_number(family, serial) for family in Scenario for serial in range(1, serials + 1)]
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for start in range(0, len(numbers), 40):
            done += len(connector.fetch(numbers[start:start + 40]))
    return done / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serials", type=int, default=40)
    parser.add_argument("--rss-batches", type=int, default=60)
    parser.add_argument("--sandboxes", type=int, default=2, help="sandbox server processes")
    parser.add_argument("--serve-sandbox", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_sandbox:
        _serve_sandbox(args.serve_sandbox)
        return
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    urls, sandboxes = _start_sandboxes(args.sandboxes)
    base_url = urls[0]
    names = []
    try:
        ceiling = _sandbox_ceiling(base_url, args.serials)
        print(f"sandbox ceiling: {ceiling:,.0f} numbers/s per sandbox process, one client, no database "
              f"({args.sandboxes} sandbox processes)", flush=True)
        rates = {}
        for n in (1, 2, 4):
            name, url = _db(admin, args.serials)
            names.append(name)
            env = dict(os.environ, PYTHONPATH=SRC)
            cmd = [sys.executable, str(HARNESS), "--database-url", url, "--at",
                   AT.isoformat(), "--batch", "40", "--idle-seconds", "0.1", "--sandbox-url"]
            procs = [subprocess.Popen([*cmd, urls[i % len(urls)]], env=env, stdout=subprocess.PIPE)
                     for i in range(n)]
            for proc in procs:  # timed from when every worker is up (imports take ~1 s per process)
                assert proc.stdout is not None and b"ready" in proc.stdout.readline()
            total = _arm(url)
            t0 = time.perf_counter()
            while _due(url) > 0:
                time.sleep(0.2)
            elapsed = time.perf_counter() - t0
            for p in procs:
                p.terminate()
                p.wait()
            rates[n] = total / elapsed
            print(f"{n} worker(s): {total} polls in {elapsed:.1f}s = {rates[n]:.0f} polls/s "
                  f"(x{rates[n] / rates[1]:.2f} of 1 worker)", flush=True)

        # memory over a long run: one in-process worker, re-arming every shipment after each batch
        name, url = _db(admin, args.serials)
        names.append(name)
        _arm(url)
        store = Store(make_engine(url))
        worker = Worker(store, ConnectorRegistry({CARRIER_SLUG: SandboxConnector(base_url)}), ManualClock(AT),
                        batch=40)
        tracker = worker.tracker()
        samples = []
        for i in range(args.rss_batches):
            if worker.run_batch(tracker, threading.Event()) == 0:
                with store.transaction() as repo:
                    repo.conn.execute(shipments.update().values(next_check_at=AT))
            if i % 10 == 0:
                samples.append(rss_kb())
        print(f"RSS over {args.rss_batches} batches (KiB, every 10): {samples}; last/first "
              f"{samples[-1] / samples[1]:.2f} (from the 2nd sample, after warm-up)")
        store.engine.dispose()
    finally:
        for proc in sandboxes:
            proc.terminate()
            proc.wait()
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
