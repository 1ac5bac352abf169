"""Claims under leases (SQLite and PostgreSQL), shared carrier limits, and live notifications."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest

from parceltrail.adapters.db import claims, live, migrate
from parceltrail.adapters.db.carrier_limits import CarrierLimiter, Limit
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector
from parceltrail.adapters.sandbox.scenarios import Scenario, make_number
from parceltrail.clock import ManualClock
from parceltrail.domain.shipment import Shipment
from parceltrail.services.tracking.leases import new_owner
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker
from tests.scale.conftest import AT, SRC


def _store(url: str, count: int) -> Store:
    migrate.upgrade(url)
    store = Store(make_engine(url))
    with store.transaction() as repo:
        for serial in range(1, count + 1):
            repo.shipments.add(
                Shipment(make_number(Scenario.DELIVERED, serial), CARRIER_SLUG, next_check_at=AT), AT)
    return store


def _concurrent_claims_are_disjoint(store: Store) -> None:
    taken: list[list[int]] = []
    lock = threading.Lock()

    def claimer() -> None:
        owner = new_owner("test")
        while True:
            batch = claims.claim_due(store, AT, 7, owner)
            if not batch:
                return
            with lock:
                taken.append([s.id for s in batch if s.id is not None])

    threads = [threading.Thread(target=claimer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [i for batch in taken for i in batch]
    assert len(ids) == len(set(ids)) == 60


@pytest.mark.postgres
def test_postgres_claims_are_disjoint_and_expire(postgres_url) -> None:
    store = _store(postgres_url, 60)
    _concurrent_claims_are_disjoint(store)
    assert claims.claim_due(store, AT, 100, "late") == []  # everything is leased
    with store.transaction() as repo:  # a crashed worker's leases, already expired
        repo.conn.exec_driver_sql("UPDATE shipments SET lease_until = lease_until - interval '1 hour'")
    again = claims.claim_due(store, AT, 100, "rescuer", timedelta(seconds=30))
    assert len(again) == 60
    with store.transaction() as repo:  # the previous owner lost them: its outcome must be dropped
        assert not repo.settle_lease(again[0].id, "late")
        assert repo.settle_lease(again[0].id, "rescuer")
    store.engine.dispose()


def test_sqlite_claims_are_disjoint(sqlite_url) -> None:
    store = _store(sqlite_url, 60)
    _concurrent_claims_are_disjoint(store)
    assert claims.renew(store, "nobody", [1, 2]) == set()
    store.engine.dispose()


@pytest.mark.postgres
def test_carrier_limits_are_shared(postgres_url) -> None:
    store = _store(postgres_url, 1)
    limiter = CarrierLimiter(store)
    limiter.configure(Limit("ups", rate=0.001, burst=3, max_concurrency=2))
    assert [limiter.try_take("ups") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.try_take("ups") > 100  # bucket empty; refills at 0.001/s
    assert limiter.try_take("fedex") == 0.0  # no limit configured
    first, second = limiter.try_slot("ups", "a"), limiter.try_slot("ups", "b")
    assert {first, second} == {0, 1} and limiter.try_slot("ups", "c") == -1
    store.engine.dispose()


LISTENER = """
import sys
from parceltrail.adapters.db import live
with live.subscribe(sys.argv[1]) as sub:
    print("listening", flush=True)
    print(sub.get(timeout=60), flush=True)
"""


@pytest.mark.postgres
def test_two_api_processes_hear_about_events_ingested_by_a_worker(postgres_url, frozen_sandbox) -> None:
    store = _store(postgres_url, 1)
    env = dict(os.environ, PYTHONPATH=str(SRC))
    listeners = [subprocess.Popen([sys.executable, "-c", LISTENER, postgres_url], env=env,
                                  stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for proc in listeners:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "listening"
        tracker = Tracker(store, ConnectorRegistry({CARRIER_SLUG: SandboxConnector(frozen_sandbox)}),
                          ManualClock(AT))
        report = tracker.poll_due()
        assert report.new_events > 0
        heard = [proc.communicate(timeout=60)[0].strip() for proc in listeners]
        with store.read() as repo:
            shipment_id = repo.shipments.list()[0].id
        assert heard == [str(shipment_id)] * 2
    finally:
        for proc in listeners:
            proc.kill()
        store.engine.dispose()


def test_sqlite_live_updates_in_process_after_commit(sqlite_url, frozen_sandbox) -> None:
    store = _store(sqlite_url, 1)
    with live.subscribe(sqlite_url) as first, live.subscribe(sqlite_url) as second:
        with store.transaction() as repo:  # rolled back: nothing is announced
            repo.publish_change(999)
            repo.conn.rollback()
        tracker = Tracker(store, ConnectorRegistry({CARRIER_SLUG: SandboxConnector(frozen_sandbox)}),
                          ManualClock(AT))
        assert tracker.poll_due().new_events > 0
        assert first.get(timeout=5) == second.get(timeout=5) == 1
        assert first.get(timeout=0.2) is None
    store.engine.dispose()
    time.sleep(0)
