"""Rate limiting counted in the database vs in the process: requests/s of one cheap authenticated API
endpoint (`GET /api/v1/trackings`, empty accounts) on two real servers started side by side, one with
`PARCELTRAIL_SHARED_RATE_LIMITS=false`, alternating rounds so both see the same machine noise; plus the
raw cost of one count (SharedCounts.add on SQLite, and PostgreSQL when reachable, vs LocalCounts.add).
The default limit (100/s per account) applies; requests go round-robin over 8 accounts' keys so none
reaches it below 800 requests/s, and each busy account is counted in batches of up to 10.

    .venv/bin/python benchmarks/bench_rate_limits.py [--requests 1000] [--rounds 5] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", "from parceltrail.entrypoints.cli.main import main; main()",
                           *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def start(env: dict[str, str], shared: bool) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from parceltrail.entrypoints.cli.main import main; main()", "serve",
         "--port", str(port)], env={**env, "PARCELTRAIL_SHARED_RATE_LIMITS": str(shared).lower()},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        try:
            if httpx.get(f"{base}/hello", timeout=2).status_code == 200:
                return server, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            server.wait(timeout=10)
            raise SystemExit("server did not start")
        time.sleep(0.2)


def rate(client: httpx.Client, url: str, keys: list[str], count: int) -> float:
    begin = time.perf_counter()
    for index in range(count):
        answer = client.get(url, headers={"X-API-Key": keys[index % len(keys)]})
        if answer.status_code != 200:
            raise SystemExit(f"{url} answered {answer.status_code}")
    return count / (time.perf_counter() - begin)


def count_cost(url: str, count: int) -> float:
    """Microseconds per SharedCounts.add on the database at `url`."""
    from parceltrail.adapters.db import migrate
    from parceltrail.adapters.db.database import make_engine
    from parceltrail.adapters.db.request_counts import SharedCounts
    from parceltrail.adapters.db.uow import Store

    migrate.upgrade(url)
    store = Store(make_engine(url))
    counts = SharedCounts(store)
    begin = time.perf_counter()
    for i in range(count):
        counts.add(f"api:1:GET /x{i % 10}", int(time.time()), int(time.time()) + 2)
    spent = time.perf_counter() - begin
    store.engine.dispose()
    return spent / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    from parceltrail.entrypoints.http.counting import LocalCounts

    local = LocalCounts()
    begin = time.perf_counter()
    for i in range(100_000):
        local.add(f"api:1:GET /x{i % 10}", 1, 3)
    print(f"LocalCounts.add: {(time.perf_counter() - begin) / 100_000 * 1e6:.2f} us")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"SharedCounts.add, SQLite file: {count_cost(f'sqlite:///{tmp}/counts.db', 5000):.0f} us")
    try:
        print(f"SharedCounts.add, PostgreSQL: {count_cost(args.postgres, 5000):.0f} us")
    except Exception as error:  # noqa: BLE001 - no server: report and go on
        print(f"PostgreSQL skipped: {error.__class__.__name__}")

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PARCELTRAIL_DATA_DIR": tmp, "PARCELTRAIL_DATABASE_URL": f"sqlite:///{tmp}/pt.db",
               "PARCELTRAIL_API_RATE_LIMIT": "100", "PYTHONPATH": os.environ.get("PYTHONPATH", "src")}
        env.pop("PARCELTRAIL_SANDBOX_URL", None)
        keys = []
        for index in range(8):
            run_cli(env, "accounts", "create", f"bench{index}")
            keys.append(run_cli(env, "keys", "create", "--account", f"bench{index}", "--scope",
                                "read").splitlines()[-1])
        servers: list[tuple[subprocess.Popen[bytes], str]] = []
        try:
            servers.append(start(env, False))
            servers.append(start(env, True))
            rates: dict[bool, list[float]] = {False: [], True: []}
            with httpx.Client(timeout=30) as client:
                for _, base in servers:
                    rate(client, f"{base}/api/v1/trackings", keys, 200)  # warm up
                for _ in range(args.rounds):
                    for shared, (_, base) in zip((False, True), servers, strict=True):
                        rates[shared].append(rate(client, f"{base}/api/v1/trackings", keys, args.requests))
        finally:
            for server, _ in servers:
                server.terminate()
                server.wait(timeout=15)
    in_process, shared = statistics.median(rates[False]), statistics.median(rates[True])
    print(f"GET /api/v1/trackings, counted in-process: {in_process:.0f} req/s (median of {args.rounds})")
    print(f"GET /api/v1/trackings, counted in SQLite:  {shared:.0f} req/s")
    print(f"shared / in-process: {shared / in_process:.2f}")


if __name__ == "__main__":
    main()
