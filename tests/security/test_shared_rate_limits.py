"""Rate limits hold across server processes: two real servers (`parceltrail serve`, uvicorn on loopback)
on one database, SQLite file or PostgreSQL, let through at most the limit between them, and their 429s
carry Retry-After."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.request_counts import SharedCounts
from parceltrail.adapters.db.uow import Store
from parceltrail.clock import SystemClock
from parceltrail.domain.accounts import Scope

SRC = Path(__file__).resolve().parents[2] / "src"
LAUNCH = "from parceltrail.entrypoints.cli.main import main; main()"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return str(request.getfixturevalue("migrated_postgres_url"))


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[Callable[..., list[str]]]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(count: int, **env: str) -> list[str]:
        migrate.upgrade(database_url)  # once, before the servers race to do it
        urls = []
        for index in range(count):
            port = _free_port()
            data = tmp_path / f"server{index}"
            data.mkdir()
            environ = dict(os.environ, PYTHONPATH=str(SRC), PARCELTRAIL_DATABASE_URL=database_url,
                           PARCELTRAIL_DATA_DIR=str(data), **env)
            procs.append(subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--port", str(port)],
                                          env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
            urls.append(f"http://127.0.0.1:{port}")
        for url, proc in zip(urls, procs[-count:], strict=True):
            deadline = time.monotonic() + 60
            while True:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server died"
                try:
                    if httpx.get(f"{url}/hello", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, f"{url} did not start"
                time.sleep(0.2)
        return urls

    yield start
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _fresh_minute() -> None:
    """Start with at least 20 s left in the current minute, so the requests share one window."""
    left = 60 - time.time() % 60
    if left < 20:
        time.sleep(left + 0.1)


def test_two_processes_share_the_per_address_limit(servers: Callable[..., list[str]]) -> None:
    urls = servers(2, PARCELTRAIL_ANONYMOUS_RATE_LIMIT="10")
    _fresh_minute()
    answers = [httpx.get(f"{urls[i % 2]}/login", timeout=10) for i in range(30)]
    codes = Counter(a.status_code for a in answers)
    assert codes[200] == 10 and codes[429] == 20, codes  # a limit under 20 is reserved one unit at a time
    assert all(int(a.headers["Retry-After"]) >= 1 for a in answers if a.status_code == 429)
    # both processes turned requests away: the count is one, not one per process
    assert {urls[i % 2] for i, a in enumerate(answers) if a.status_code == 429} == set(urls)


def test_two_processes_share_an_accounts_api_limit(servers: Callable[..., list[str]],
                                                   database_url: str) -> None:
    store = Store(make_engine(database_url))
    migrate.upgrade(database_url)
    now = SystemClock().now()
    with store.transaction() as repo:
        account = repo.accounts.create_account("shop", now)
        _, key = repo.accounts.create_key(account.id, Scope.READ, now)
    store.engine.dispose()
    urls = servers(2, PARCELTRAIL_API_RATE_LIMIT="4")
    with httpx.Client(timeout=10) as client:
        answers = [client.get(f"{urls[i % 2]}/api/v1/trackings", headers={"X-API-Key": key})
                   for i in range(40)]
    # Group by the window each answer names (X-RateLimit-Reset): a window never lets more than 4 through.
    allowed: Counter[str] = Counter()
    for answer in answers:
        assert answer.status_code in (200, 429), answer.text
        assert answer.headers["X-RateLimit-Limit"] == "4"
        if answer.status_code == 200:
            allowed[answer.headers["X-RateLimit-Reset"]] += 1
        else:
            assert answer.headers["Retry-After"] == "1"
            assert answer.json()["error"]["code"] == "rate_limited"
    assert max(allowed.values()) <= 4, allowed
    assert sum(a.status_code == 429 for a in answers) > 0


def test_old_periods_are_pruned(database_url: str) -> None:
    migrate.upgrade(database_url)
    store = Store(make_engine(database_url))
    wall = [1_800_000_000.0]
    counts = SharedCounts(store, prune_every=60, wall=lambda: wall[0])
    assert [counts.add("public:10.0.0.1", 30_000_000, 1_800_000_120) for _ in range(3)] == [1, 2, 3]
    assert counts.add("public:10.0.0.1", 30_000_001, 1_800_000_180, amount=5) == 5
    assert counts.rows() == 2
    wall[0] += 150  # the first period's row has expired, the second has not
    counts.add("public:10.0.0.2", 30_000_002, 1_800_000_240)
    assert counts.rows() == 2
    store.engine.dispose()


def test_reserved_batches_stay_within_the_limit(servers: Callable[..., list[str]]) -> None:
    # 120 a minute: each process reserves up to 12 units at once (RESERVE_SHARE), so fewer writes
    urls = servers(2, PARCELTRAIL_ANONYMOUS_RATE_LIMIT="120")
    _fresh_minute()
    with httpx.Client(timeout=10) as client:
        answers = [client.get(f"{urls[i % 2]}/login") for i in range(200)]
    allowed = sum(a.status_code == 200 for a in answers)
    assert 120 - 2 * 11 <= allowed <= 120, allowed  # documented slack: processes x (batch - 1), refused early
    assert all(a.status_code == 429 and int(a.headers["Retry-After"]) >= 1
               for a in answers if a.status_code != 200)


class _Writes:
    """The real shared counts, counting how often the database is written."""

    def __init__(self, counts: SharedCounts) -> None:
        self.counts = counts
        self.writes = 0

    def add(self, key: str, period: int, expires: int, amount: int = 1) -> int:
        self.writes += 1
        return self.counts.add(key, period, expires, amount)


def test_two_budgets_on_one_database_stay_within_the_limit(database_url: str) -> None:
    from parceltrail.entrypoints.http.counting import Budget

    migrate.upgrade(database_url)
    store = Store(make_engine(database_url))
    first, second = _Writes(SharedCounts(store)), _Writes(SharedCounts(store))
    budgets = [Budget(first, share=0.1), Budget(second, share=0.1)]  # as two processes
    granted = [budgets[i % 2].take("api:1:GET /x", 7, 2_000_000_000, 100)[0] for i in range(300)]
    assert 100 - 2 * 9 <= sum(granted) <= 100
    assert first.writes + second.writes < 40  # batches of up to 10, not one write per request
    # a quiet key still gets its units one at a time: exact at small counts
    solo = Budget(SharedCounts(store), share=0.1)
    assert [solo.take("public:10.0.0.9", 7, 2_000_000_000, 3)[0] for _ in range(4)] == [True] * 3 + [False]
    store.engine.dispose()
