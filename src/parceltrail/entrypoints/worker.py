"""Polling workers: any number of processes, on any machines, sharing one database.

Each worker runs `concurrency` threads. A thread loops: claim up to `batch` due shipments under its own
lease (`adapters.db.claims`), group them by carrier, and for each carrier-sized chunk
(connector.max_batch numbers per request) wait for the carrier's shared rate/concurrency permit
(`adapters.db.carrier_limits`), renew the leases, fetch, and ingest through `Tracker.refresh`, whose
ingestion transaction stores the outcomes and releases the leases together. A worker killed at any point
leaves leases that expire; the shipments are then claimed by another worker and, events being stored
once by fingerprint, nothing is lost or doubled.

Database outages (a restart, a failover) are survived: the failing batch's leases expire, the pool's
pre-ping replaces dead connections, and the loop retries with a capped backoff.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from parceltrail.adapters.db import claims
from parceltrail.adapters.db.carrier_limits import CarrierLimiter
from parceltrail.adapters.db.uow import Store
from parceltrail.clock import Clock
from parceltrail.domain.shipment import Shipment
from parceltrail.services.tracking.leases import new_owner
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import PollReport, Tracker
from parceltrail.services.tracking.unwatched import Sweeper

log = logging.getLogger(__name__)


@dataclass(slots=True)
class WorkerStats:
    batches: int = 0
    polled: int = 0
    requests: int = 0
    new_events: int = 0
    lost_leases: int = 0
    db_errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, report: PollReport, lost: int) -> None:
        with self.lock:
            self.batches += 1
            self.polled += report.polled
            self.requests += report.requests
            self.new_events += report.new_events
            self.lost_leases += lost


class PollLog:
    """Optional audit of poll windows (JSON lines, one file per process): which owner fetched which
    shipments from when to when. Used by the crash test to prove no shipment is polled twice at once."""

    def __init__(self, directory: Path | None) -> None:
        self._fd: int | None = None
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
            path = directory / f"{os.getpid()}.jsonl"
            self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def write(self, phase: str, owner: str, ids: Sequence[int]) -> None:
        if self._fd is not None and ids:
            line = json.dumps({"phase": phase, "owner": owner, "ids": list(ids), "t": time.time()})
            os.write(self._fd, (line + "\n").encode())


class Worker:
    def __init__(self, store: Store, connectors: ConnectorRegistry, clock: Clock, *, batch: int = 200,
                 concurrency: int = 1, lease: timedelta = claims.DEFAULT_LEASE,
                 limiter: CarrierLimiter | None = None, idle_seconds: float = 1.0,
                 poll_log: Path | None = None, sweeper: Sweeper | None = None) -> None:
        self.store = store
        self.sweeper = sweeper  # unowned numbers nobody looks at any more are removed between batches
        self.connectors = connectors
        self.clock = clock
        self.batch = batch
        self.concurrency = concurrency
        self.lease = lease
        self.limiter = limiter
        self.idle_seconds = idle_seconds
        self.stats = WorkerStats()
        self._log = PollLog(poll_log)

    def tracker(self) -> Tracker:
        """One tracker (one lease owner) per thread."""
        tracker = Tracker(self.store, self.connectors, self.clock, batch_size=self.batch)
        tracker.lease_owner = new_owner("worker")
        return tracker

    # one batch -----------------------------------------------------------------------------------------
    def run_batch(self, tracker: Tracker, stop: threading.Event | None = None) -> int:
        """Claim and process one batch; returns how many shipments were claimed."""
        stop = stop or threading.Event()
        owner = tracker.lease_owner
        claimed = self.store.claim_due(self.clock.now(), self.batch, owner, self.lease)
        pending: dict[int, Shipment] = {s.id: s for s in claimed if s.id is not None}
        try:
            by_carrier: dict[str, list[Shipment]] = defaultdict(list)
            for shipment in claimed:
                by_carrier[shipment.carrier].append(shipment)
            for carrier, group in by_carrier.items():
                connector = self.connectors.for_carrier(carrier)
                size = connector.max_batch if connector is not None else len(group)
                for start in range(0, len(group), size):
                    if stop.is_set():
                        return len(claimed)  # the rest is released below
                    self._chunk(tracker, carrier, group[start:start + size], pending, stop)
        finally:
            if pending:
                self.store.release_quietly(owner, list(pending))
        return len(claimed)

    def _chunk(self, tracker: Tracker, carrier: str, chunk: list[Shipment], pending: dict[int, Shipment],
               stop: threading.Event) -> None:
        owner = tracker.lease_owner
        permit = self.limiter.acquire(carrier, owner, stop) if self.limiter is not None else None
        if self.limiter is not None and permit is None:
            return  # stopping
        try:
            ids = [s.id for s in chunk if s.id is not None]
            held = claims.renew(self.store, owner, ids, self.lease)  # the wait may have been long
            mine = [s for s in chunk if s.id in held]
            logged = [s.id for s in mine if s.id is not None]
            self._log.write("start", owner, logged)
            try:
                report = tracker.refresh(mine, lease_owner=owner)
            except BaseException:
                self._log.write("abort", owner, logged)
                raise
            self._log.write("end", owner, logged)
            for shipment_id in ids:
                pending.pop(shipment_id, None)
            self.stats.add(report, len(ids) - len(mine))
        finally:
            if permit is not None and self.limiter is not None:
                self.limiter.release(permit)

    # the loop ------------------------------------------------------------------------------------------
    def loop(self, stop: threading.Event, max_batches: int | None = None) -> None:
        tracker = self.tracker()
        backoff = 0.2
        done = 0
        while not stop.is_set() and (max_batches is None or done < max_batches):
            try:
                claimed = self.run_batch(tracker, stop)
                if self.sweeper is not None:
                    self.sweeper.maybe_sweep()
                backoff = 0.2
                done += 1
            except DBAPIError as error:  # database down or restarting: wait and retry
                with self.stats.lock:
                    self.stats.db_errors += 1
                log.warning("database error in worker (%s); retrying in %.1fs",
                            " ".join(str(error).split())[:200], backoff)
                stop.wait(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            except Exception:  # never die on one bad batch; the leases expire
                log.exception("worker batch failed")
                stop.wait(1.0)
                continue
            if claimed < self.batch:
                stop.wait(self.idle_seconds)

    def run(self, stop: threading.Event, max_batches: int | None = None) -> WorkerStats:
        """Run `concurrency` polling threads until `stop` is set (or each did `max_batches`)."""
        threads = [threading.Thread(target=self.loop, args=(stop, max_batches), name=f"poller-{i}",
                                    daemon=True) for i in range(self.concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(timeout=0.5)
        return self.stats


def rss_kb() -> int:
    """Resident set size of this process in KiB (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def install_signal_handlers(stop: threading.Event) -> None:
    """SIGTERM/SIGINT finish the current chunk, release unprocessed leases and exit."""
    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
