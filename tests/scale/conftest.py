"""Fixtures for the scale-out tests: a PostgreSQL database that survives a server restart, the sandbox
network on a frozen clock, and helpers to start worker processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from parceltrail.carriers.sandbox import create_app, serve_in_thread
from parceltrail.clock import ManualClock

POSTGRES_URL = os.environ.get("PARCELTRAIL_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
AT = EPOCH + timedelta(days=9, hours=5)  # mid-journey for most scenarios, some legs handed over
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """Same contract as the suite-wide fixture (fresh database; fails in CI without a server), but its
    admin engine pings before use, so the teardown still works after the crash test restarted the
    server."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {POSTGRES_URL}: {error}")
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_URL}")
    name = f"parceltrail_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        wait_for_postgres(POSTGRES_URL)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def wait_for_postgres(url: str, timeout: float = 60.0) -> None:
    engine = create_engine(url, pool_pre_ping=True)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                with engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        engine.dispose()


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
        cmd = [sys.executable, "-m", "parceltrail.engine.worker", "--database-url", database_url,
               "--sandbox-url", sandbox_url, "--at", AT.isoformat(), *extra]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
