"""Several worker processes on PostgreSQL; one SIGKILLed mid-batch; the server restarted once. Then every
due shipment has been polled, every event of the sandbox's journeys is stored exactly once, and no
shipment was ever polled by two workers at once (poll windows from the workers' audit logs)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.tables import shipments, tracking_events
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox.journeys import journey
from parceltrail.adapters.sandbox.scenarios import CARRIER_SLUG, Scenario, make_number
from parceltrail.domain.events import event_fingerprint
from parceltrail.domain.shipment import Shipment
from tests.conftest import wait_for_postgres
from tests.scale.conftest import AT, EPOCH, restart_command

pytestmark = pytest.mark.postgres
SERIALS = range(1, 101)  # x 7 scenarios = 700 parcels, plus the last-mile legs handed over by AT
WORKERS = 3
LEASE_SECONDS = 3


def _windows(log_dir: Path, killed_pid: int, killed_at: float) -> dict[int, list[tuple[float, float, str]]]:
    """Per shipment: (start, end, owner) of every poll; a window the kill cut short ends at the kill."""
    per_shipment: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
    for path in log_dir.glob("*.jsonl"):
        open_by_owner: dict[str, tuple[float, list[int]]] = {}
        for line in path.read_text().splitlines():
            rec = json.loads(line)
            if rec["phase"] == "start":
                assert rec["owner"] not in open_by_owner, "an owner started a chunk before ending one"
                open_by_owner[rec["owner"]] = (rec["t"], rec["ids"])
            else:  # end or abort
                start, ids = open_by_owner.pop(rec["owner"])
                assert ids == rec["ids"]
                for i in ids:
                    per_shipment[i].append((start, rec["t"], rec["owner"]))
        for owner, (start, ids) in open_by_owner.items():
            assert path.stem == str(killed_pid), f"{owner} left a window open without being killed"
            for i in ids:
                per_shipment[i].append((start, killed_at, owner))
    return per_shipment


@pytest.mark.serial
def test_workers_survive_sigkill_and_a_database_restart(postgres_url, frozen_sandbox, start_worker,
                                                        tmp_path: Path) -> None:
    restart = restart_command()
    if restart is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the crash test must restart PostgreSQL in CI; set PARCELTRAIL_TEST_PG_RESTART")
        pytest.skip("no way to restart PostgreSQL here")
    migrate.upgrade(postgres_url)
    store = Store(make_engine(postgres_url))
    numbers = [make_number(family, serial) for family in Scenario for serial in SERIALS]
    with store.transaction() as repo:
        for number in numbers:
            repo.shipments.add(Shipment(number, CARRIER_SLUG, next_check_at=AT), AT)
    store.engine.dispose()

    log_dir = tmp_path / "polls"
    workers = [start_worker(postgres_url, frozen_sandbox, "--batch", "40", "--lease-seconds",
                            str(LEASE_SECONDS), "--poll-log", str(log_dir), "--idle-seconds", "0.2")
               for _ in range(WORKERS)]
    for proc in workers:
        assert proc.stdout is not None and "ready" in proc.stdout.readline()

    # SIGKILL the first worker while it has a chunk in flight (its log's last line is a "start").
    victim = workers[0]
    victim_log = log_dir / f"{victim.pid}.jsonl"
    deadline = time.monotonic() + 60
    while True:
        lines = victim_log.read_text().splitlines() if victim_log.exists() else []
        if lines and json.loads(lines[-1])["phase"] == "start":
            killed_at = time.time()
            os.kill(victim.pid, signal.SIGKILL)
            break
        assert time.monotonic() < deadline, "the victim never started a chunk"
        time.sleep(0.002)
    victim.wait(timeout=10)
    cut_short = json.loads(victim_log.read_text().splitlines()[-1])["ids"]
    assert cut_short, "the victim was not killed mid-batch"

    # Restart the database server under the surviving workers.
    subprocess.run(restart, check=True, capture_output=True, timeout=120)
    restarted_at = time.time()
    wait_for_postgres(postgres_url)

    # Wait until nothing is due or leased any more (time is frozen at AT: each shipment is due once).
    store = Store(make_engine(postgres_url))
    deadline = time.monotonic() + 150
    while True:
        with store.read() as repo:
            left = repo.conn.execute(select(func.count()).select_from(shipments).where(
                (shipments.c.next_check_at <= AT) | shipments.c.lease_owner.is_not(None))).scalar_one()
        if left == 0:
            break
        assert time.monotonic() < deadline, f"{left} shipments still due or leased"
        assert all(p.poll() is None for p in workers[1:]), "a surviving worker died"
        time.sleep(0.5)
    for proc in workers[1:]:
        proc.send_signal(signal.SIGTERM)
    stats = []
    for proc in workers[1:]:
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err[-2000:]
        stats.append(json.loads(out.strip().splitlines()[-1]))

    # Every due shipment was polled; every event of the journeys is stored, exactly once.
    with store.read() as repo:
        stored = {row.tracking_number: row for row in repo.conn.execute(select(shipments))}
        events = defaultdict(list)
        for shipment_id, fingerprint in repo.conn.execute(
                select(tracking_events.c.shipment_id, tracking_events.c.fingerprint)):
            events[shipment_id].append(fingerprint)
    store.engine.dispose()
    expected_numbers = set(numbers)
    for number in numbers:
        leg = journey(number, EPOCH, demo=False)
        assert leg is not None
        if leg.visible_next_leg(AT):
            expected_numbers.add(leg.visible_next_leg(AT))
    assert set(stored) == expected_numbers
    total = 0
    for number, row in stored.items():
        assert row.last_checked_at is not None, f"{number} was never polled"
        leg = journey(number, EPOCH, demo=False)
        assert leg is not None
        want = sorted(event_fingerprint(number, e.occurred_at, e.text, e.code, e.location)
                      for e in leg.visible_events(AT))
        assert sorted(events[row.id]) == want, f"{number}: events lost or doubled"
        total += len(want)
    assert total > 5 * len(numbers)

    # No shipment was polled by two workers at once; the victim's cut-short chunk was polled again.
    windows = _windows(log_dir, victim.pid, killed_at)
    for shipment_id, spans in windows.items():
        spans.sort()
        for (_s1, e1, o1), (s2, _e2, o2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, f"shipment {shipment_id} polled by {o1} and {o2} at once"
    # (the victim may have committed the first few of its chunk; the rest had to be reclaimed)
    reclaimed = [i for i in cut_short
                 if any(owner.split(":")[2] != str(victim.pid) for _s, _e, owner in windows[i])]
    assert reclaimed, "nothing the victim held was polled again by another worker"
    assert any(start > restarted_at for spans in windows.values() for start, _e, _o in spans), \
        "no poll after the restart: the workers did not reconnect"
    print(f"\n{len(stored)} shipments, {total} events, {sum(s['db_errors'] for s in stats)} database "
          f"errors survived, {len(reclaimed)} shipments reclaimed after the kill")
