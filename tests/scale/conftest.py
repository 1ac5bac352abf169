"""Fixtures for the scale-out tests: the sandbox network on a frozen clock, helpers to start worker
processes and to restart PostgreSQL (the suite-wide `postgres_url` fixture survives a restart)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from parceltrail.adapters.sandbox import create_app, serve_in_thread
from parceltrail.clock import ManualClock

EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
AT = EPOCH + timedelta(days=9, hours=5)  # mid-journey for most scenarios, some legs handed over
SRC = Path(__file__).resolve().parents[2] / "src"
HARNESS = SRC.parent / "tools" / "worker_harness.py"


def restart_command() -> list[str] | None:
    """How to restart the PostgreSQL server: $PARCELTRAIL_TEST_PG_RESTART, else pg_ctlcluster on the
    only cluster found under /etc/postgresql."""
    custom = os.environ.get("PARCELTRAIL_TEST_PG_RESTART")
    if custom:
        return custom.split()
    if shutil.which("pg_ctlcluster") is None or not Path("/etc/postgresql").is_dir():
        return None
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir() if (p / "main").is_dir())
    if not versions:
        return None
    return ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "restart"]


@pytest.fixture
def frozen_sandbox() -> Iterator[str]:
    """The sandbox network with time frozen at AT (journeys from EPOCH)."""
    base_url, stop = serve_in_thread(create_app(ManualClock(AT), epoch=EPOCH))
    yield base_url
    stop()


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []

    def start(database_url: str, sandbox_url: str, *extra: str) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONPATH=str(SRC))
        cmd = [sys.executable, str(HARNESS), "--database-url", database_url,
               "--sandbox-url", sandbox_url, "--at", AT.isoformat(), *extra]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
