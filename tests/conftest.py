"""Shared fixtures: databases (SQLite file, CI PostgreSQL), clocks and the sandbox over real HTTP."""

from __future__ import annotations

import os

# One BLAS thread per test process, set before anything loads numpy. `make test` runs two processes on
# two cores: OpenBLAS's second thread in each only waits for a core, and its hand-offs cost more than the
# small matrices of the model fits (the Olist evaluation's quantile regressions took 20x the CPU time).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime, build, sandbox_app
from parceltrail.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
POSTGRES_URL = os.environ.get("PARCELTRAIL_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
CHROMIUM = os.environ.get("PARCELTRAIL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'parceltrail.db'}"


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database that Alembic migrated to head, once per test process (so always from this
    checkout's migrations). Fixtures that only need the schema copy it: a copy takes milliseconds, the
    migrations a tenth of a second or more. Tests of the migrations themselves run them for real."""
    path = tmp_path_factory.mktemp("migrated") / "parceltrail.db"
    migrate.upgrade(f"sqlite:///{path}")
    return path


def copy_migrated(template: Path, url: str) -> None:
    """Give the SQLite database at `url` the template's schema and rows (SQLite's backup API, so the
    copy is consistent whatever the template's journal mode)."""
    target = make_url(url).database
    assert target, url
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)


@pytest.fixture
def store(sqlite_url: str, migrated_sqlite: Path) -> Iterator[Store]:
    copy_migrated(migrated_sqlite, sqlite_url)
    engine = make_engine(sqlite_url)
    yield Store(engine)
    engine.dispose()


def _postgres_admin() -> Any:
    """An AUTOCOMMIT engine on the server's maintenance database. Without a server the test fails in
    CI (CI=true) and is skipped on a developer machine."""
    # pre-ping: a test may restart the server (crash safety), leaving pooled connections dead
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {POSTGRES_URL}: {error}")
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_URL}")
    return admin


def _postgres_database(template: str | None = None) -> Iterator[str]:
    """A new database (empty, or a copy of `template`) for one test, dropped afterwards."""
    admin = _postgres_admin()
    name = f"parceltrail_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        copy = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        wait_for_postgres(POSTGRES_URL)  # the test may have restarted the server
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    yield from _postgres_database()


@pytest.fixture(scope="session")
def migrated_postgres_template() -> Iterator[str]:
    """A PostgreSQL database that Alembic migrated to head, once per test process and under a name of
    its own (PostgreSQL copies a template only while nobody else is connected to it), dropped at the
    end of the session."""
    for url in _postgres_database():
        migrate.upgrade(url)
        name = make_url(url).database
        assert name is not None
        yield name


@pytest.fixture
def migrated_postgres_url(migrated_postgres_template: str) -> Iterator[str]:
    """A PostgreSQL database at the migrations' head for one test: a copy of the migrated template
    (CREATE DATABASE ... TEMPLATE), which takes about half the time of creating and migrating one."""
    yield from _postgres_database(migrated_postgres_template)


@pytest.fixture
def runtime(tmp_path: Path, migrated_sqlite: Path) -> Iterator[Runtime]:
    """A demo-mode installation in `tmp_path`: SQLite file, the sandbox over real HTTP, a fast clock.
    `build` runs the migrations as `serve` does; the database starts as the migrated copy, so Alembic
    finds it at head."""
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'parceltrail.db'}", demo=True,
                        sandbox_speed=3600.0)
    copy_migrated(migrated_sqlite, settings.database_url)
    simulation = load_or_create(tmp_path, 3600.0)
    base_url, stop = serve_in_thread(sandbox_app(settings, simulation))
    try:
        yield build(settings, base_url, simulation=simulation)
    finally:
        stop()


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


# One Chromium per test process, shared by every browser test (Playwright allows one sync driver).
@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI (make browser) but {CHROMIUM} is missing")
        pytest.skip("Debian's Chromium is not installed (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()
