"""A dispatcher killed (SIGKILL) in the middle of a delivery loses nothing: its lease runs out and other
dispatchers (two, racing for claims) deliver everything, each event id in order per shipment."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from parceltrail.adapters.sandbox import TEST_NUMBERS
from parceltrail.domain.notifications import Status
from tests.notify.conftest import outbox, subscribe

PARCELTRAIL = str(Path(sys.executable).with_name("parceltrail"))


def _start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([PARCELTRAIL, "outbox", "dispatch", "--lease-seconds", "3", "--idle", "0.05",
                             "--batch", "5"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_dispatcher_loses_nothing(make_rig, receiver, sqlite_url: str, tmp_path: Path) -> None:
    rig = make_rig()
    subs = []
    for number in (TEST_NUMBERS["delivered"], TEST_NUMBERS["pickup_point"]):
        shipment = rig.tracker.register(number)
        subs.append(subscribe(rig.store, rig.clock.now(), shipment_id=shipment.id, channel="webhook",
                              target=receiver.url, events=["checkpoint", "status_change"]))
    rig.run_until_quiet(horizon=timedelta(days=20))
    written = outbox(rig.store)
    assert len(written) >= 10

    # the dispatchers' clock: the installation's simulated timeline, anchored at the rig's "now"
    data_dir = tmp_path / "var"
    data_dir.mkdir()
    real = datetime.now(UTC)
    (data_dir / "sandbox.json").write_text(json.dumps({
        "journey_epoch": rig.clock.now().isoformat(), "real_anchor": real.isoformat(),
        "sim_anchor": rig.clock.now().isoformat(), "speed": 1.0}))
    env = {**os.environ, "PARCELTRAIL_DATABASE_URL": sqlite_url, "PARCELTRAIL_DATA_DIR": str(data_dir)}

    receiver.delay = 0.4  # slow: the kill lands mid-delivery
    first = _start(env)
    try:
        deadline = time.monotonic() + 60
        while len(receiver.requests) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(receiver.requests) >= 4, first.stderr.read().decode() if first.poll() is not None else ""
        assert receiver.in_flight.wait(10)
        first.send_signal(signal.SIGKILL)  # while the receiver is still answering
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    killed_at = len(receiver.requests)
    assert killed_at < len(written), "the kill happened before everything was delivered"

    receiver.delay = 0.05
    others = [_start(env), _start(env)]
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if all(n.status is Status.DELIVERED for n in outbox(rig.store)):
                break
            time.sleep(0.2)
    finally:
        for proc in others:
            proc.send_signal(signal.SIGTERM)
        for proc in others:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()

    final = outbox(rig.store)
    assert all(n.status is Status.DELIVERED for n in final), [(n.id, n.status, n.last_error) for n in final]
    seen = receiver.first_seen()
    assert sorted(seen) == sorted(n.event_id for n in final), "every event id arrived"
    for sub in subs:
        stream = [n.event_id for n in final if n.subscription_id == sub.id]
        assert [e for e in seen if e in set(stream)] == stream, "in order per shipment"
