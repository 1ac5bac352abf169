"""HTTP API benchmark: "get one tracking with its events" vs a bare hello endpoint, same server and run.

Starts the real server (`parceltrail serve`, uvicorn) in a subprocess on a free port with a fresh SQLite
database, creates an account, a write key and one tracking (fetched from the sandbox carrier so it has
events), then times a bounded loop of sequential keep-alive requests from one client on loopback,
alternating rounds of both endpoints to share the machine's noise. Prints requests/s and p50/p99.

    .venv/bin/python benchmarks/bench_api.py [--requests 2000] [--rounds 5]
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
from collections.abc import Callable
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# With two or more CPUs the server and the client each get their own, so the client's parsing does not
# steal the server's time and the ratio measures the server.
CPUS = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
SERVER_CPU, CLIENT_CPU = (CPUS[0], CPUS[1]) if len(CPUS) >= 2 else (None, None)


def pin(cpu: int | None) -> Callable[[], None]:
    def apply() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})
    return apply


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far: what the server spent, whatever else the
    machine was doing meanwhile."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([str(BIN / "parceltrail"), *args], env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


def timed(client: httpx.Client, path: str, count: int) -> list[float]:
    latencies = []
    for _ in range(count):
        start = time.perf_counter()
        answer = client.get(path)
        latencies.append(time.perf_counter() - start)
        if answer.status_code != 200:
            raise SystemExit(f"{path} answered {answer.status_code}: {answer.text[:200]}")
    return latencies


def summary(latencies: list[float], seconds: float) -> tuple[float, float, float]:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return len(latencies) / seconds, statistics.median(ordered) * 1000, p99 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per endpoint per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--speed", default="3600", help="simulated time speed-up of the sandbox")
    args = parser.parse_args()

    from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PARCELTRAIL_DATA_DIR": tmp, "PARCELTRAIL_DATABASE_URL": f"sqlite:///{tmp}/pt.db",
               "PARCELTRAIL_API_RATE_LIMIT": "0"}
        env.pop("PARCELTRAIL_SANDBOX_URL", None)
        run_cli(env, "accounts", "create", "bench")
        key = run_cli(env, "keys", "create", "--account", "bench", "--scope", "write").splitlines()[-1]
        port = free_port()
        command = [str(BIN / "parceltrail"), "serve", "--port", str(port), "--speed", args.speed]
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  preexec_fn=pin(SERVER_CPU))
        pin(CLIENT_CPU)()
        try:
            base = f"http://127.0.0.1:{port}"
            headers = {"X-API-Key": key, "as-api-key": key}
            with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
                deadline = time.monotonic() + 240  # a loaded machine takes a while to import and migrate
                while True:
                    try:
                        if client.get("/hello").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("server did not start")
                    time.sleep(0.1)
                number = TEST_NUMBERS["delivered"]
                created = client.post("/api/v1/trackings", json={"tracking_number": number})
                tracking_id = created.json()["data"]["id"]
                detail = client.post(f"/api/v1/trackings/{tracking_id}/retrack").json()["data"]
                path = f"/api/v1/trackings/{tracking_id}"
                print(f"tracking {tracking_id}: {len(detail['events'])} events, "
                      f"{len(client.get(path).content)} bytes")
                timed(client, "/hello", 200)  # warm-up
                timed(client, path, 200)
                aftership = f"/tracking/2026-07/trackings/{tracking_id}"
                timed(client, aftership, 200)
                targets = (("hello", "/hello"), ("tracking", path), ("aftership", aftership))
                results: dict[str, list[float]] = {name: [] for name, _ in targets}
                elapsed = dict.fromkeys(results, 0.0)
                cpu = dict.fromkeys(results, 0.0)
                for _ in range(args.rounds):
                    for name, target in targets:
                        start, used = time.perf_counter(), cpu_seconds(server.pid)
                        results[name] += timed(client, target, args.requests)
                        elapsed[name] += time.perf_counter() - start
                        cpu[name] += cpu_seconds(server.pid) - used
        finally:
            server.terminate()
            server.wait(timeout=10)
    rows = {name: summary(results[name], elapsed[name]) for name in results}
    print(f"{'endpoint':<40}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'req/CPU s':>11}")
    labels = {"hello": "GET /hello (bare)", "tracking": "GET /api/v1/trackings/{id}",
              "aftership": "GET /tracking/2026-07/trackings/{id}"}
    for name, label in labels.items():
        rps, p50, p99 = rows[name]
        print(f"{label:<40}{rps:>9.0f}{p50:>9.2f}{p99:>9.2f}{len(results[name]) / cpu[name]:>11.0f}")
    # Requests per second of the server's own CPU time: what it could answer with a CPU to itself. On a
    # loaded machine wall-clock rates are mostly waiting for a turn on the CPU, which evens them out.
    per_cpu = {name: len(results[name]) / cpu[name] for name in results}
    for name in ("tracking", "aftership"):
        print(f"{name} / bare throughput: {rows[name][0] / rows['hello'][0]:.2f} wall clock, "
              f"{per_cpu[name] / per_cpu['hello']:.2f} per server CPU second (goal >= 0.60)")
    if SERVER_CPU is not None:
        print(f"(server pinned to CPU {SERVER_CPU}, client to CPU {CLIENT_CPU})")
    else:
        print("(not pinned: fewer than two CPUs)")


if __name__ == "__main__":
    main()
