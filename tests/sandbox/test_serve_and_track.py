"""`parceltrail serve --demo` and `parceltrail track` on one data directory tell one journey per number.

A demo server and a CLI command each run their own sandbox; both read the simulated timeline from the
data directory, and a journey's timing depends on the number alone, so the CLI never stores a second,
shifted copy of what the server already has.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from parceltrail.adapters.sandbox.journeys import journey
from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.adapters.sandbox.timeline import load_or_create

REPO_SRC = Path(__file__).resolve().parents[2] / "src"
NUMBER = TEST_NUMBERS["delivered"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARCELTRAIL_")}
    env.update(PARCELTRAIL_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO_SRC))
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "parceltrail.entrypoints.cli.main", *args]


def _stored_events(db: Path) -> list[tuple[str, datetime, str]]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT s.tracking_number, e.occurred_at, e.raw_text FROM tracking_events e "
                "JOIN shipments s ON s.id = e.shipment_id")).all()
    finally:
        engine.dispose()
    return [(r[0], _utc(datetime.fromisoformat(str(r[1]))), r[2]) for r in rows]


def _utc(value: datetime) -> datetime:
    """Stored instants are UTC (naive in SQLite)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@pytest.mark.parametrize("speed", ["720", "1"])
def test_serve_and_track_store_one_journey(tmp_path: Path, speed: str) -> None:
    env = _env(tmp_path)
    subprocess.run(_cli("migrate"), env=env, check=True, capture_output=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen(_cli("serve", "--demo", "--speed", speed, "--port", str(port)), env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        seen_by_server = False
        while time.monotonic() < deadline and not seen_by_server:
            time.sleep(0.5)
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            try:
                httpx.get(f"http://127.0.0.1:{port}/hello", timeout=2)
            except httpx.HTTPError:
                continue
            seen_by_server = any(n == NUMBER for n, _, _ in _stored_events(tmp_path / "parceltrail.db"))
        assert seen_by_server, "the demo server never fetched its seeded test number"

        done = subprocess.run(_cli("track", NUMBER, "--json"), env=env, capture_output=True, timeout=180)
        assert done.returncode == 0, done.stderr.decode()
        printed = json.loads(done.stdout)
    finally:
        server.terminate()
        server.wait(timeout=60)

    sim = load_or_create(tmp_path)
    main = journey(NUMBER, sim.journey_epoch, demo=True)
    assert main is not None
    told = {_utc(e.occurred_at) for e in main.events}
    if main.next_leg:
        last = journey(main.next_leg, sim.journey_epoch, demo=True)
        assert last is not None
        told |= {_utc(e.occurred_at) for e in last.events}
    stored = _stored_events(tmp_path / "parceltrail.db")
    chain = [(n, at, raw) for n, at, raw in stored if n in (NUMBER, main.next_leg)]
    assert chain
    # every stored instant is one the journey tells, and none is stored twice
    assert {at for _, at, _ in chain} <= told
    repeats = Counter((n, raw) for n, _, raw in chain)
    assert max(repeats.values()) == 1, [key for key, count in repeats.items() if count > 1]
    # the CLI prints the whole chain it stored, once
    assert len(printed["events"]) == len(chain)
