"""Track page benchmark: the server's time for one parcel's card, `GET /track/{number}` against the bare
page `GET /track` (the same template without a card), in the same run; optionally against a second
server running other code (`--before /work/main/src`), alternating rounds so machine noise hits both.

Each server is the real one (`parceltrail serve`, uvicorn) on its own fresh SQLite database, started with
PYTHONPATH set to the code under test; the parcel (the sandbox's "delivered" number, on its way at the
start of its journey: events, an estimate, silence health) is registered and fetched through the API
first. The card's server time is the median latency of the card
page minus the bare page's, both sequential keep-alive requests from one client on loopback, and the
server's own CPU time per request (from /proc) for the card page minus the bare page's. With two CPUs or
more the servers run on one and the client on another.

    .venv/bin/python benchmarks/bench_track_page.py [--requests 300] [--rounds 5] [--before /work/main/src]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_api import CLIENT_CPU, SERVER_CPU, cpu_seconds, free_port, pin, timed  # noqa: E402


@contextmanager
def server(src: Path, speed: str, number: str) -> Iterator[tuple[httpx.Client, int]]:
    """A server running the code in `src`, with `number` tracked; yields a client for it."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PARCELTRAIL_DATA_DIR": tmp, "PARCELTRAIL_DATABASE_URL": f"sqlite:///{tmp}/pt.db",
               "PARCELTRAIL_API_RATE_LIMIT": "0", "PARCELTRAIL_ANONYMOUS_RATE_LIMIT": "0",
               "PYTHONPATH": str(src)}
        env.pop("PARCELTRAIL_SANDBOX_URL", None)
        cli = [sys.executable, "-c", "from parceltrail.entrypoints.cli.main import app; app()"]

        def run(*args: str) -> str:
            return subprocess.run([*cli, *args], env=env, capture_output=True, text=True,
                                  check=True).stdout.strip()

        run("accounts", "create", "bench")
        key = run("keys", "create", "--account", "bench", "--scope", "write").splitlines()[-1]
        port = free_port()
        process = subprocess.Popen([*cli, "serve", "--port", str(port), "--speed", speed], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   preexec_fn=pin(SERVER_CPU))
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"X-API-Key": key},
                              timeout=30) as client:
                deadline = time.monotonic() + 240  # a loaded machine takes a while to import and migrate
                while True:
                    try:
                        if client.get("/hello").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise SystemExit(f"server from {src} did not start")
                    time.sleep(0.1)
                created = client.post("/api/v1/trackings", json={"tracking_number": number})
                client.post(f"/api/v1/trackings/{created.json()['data']['id']}/retrack")
                yield client, process.pid
        finally:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per page per round")
    parser.add_argument("--rounds", type=int, default=5)
    # real time by default: the parcel stays as registered (in flight, with an estimate) for the whole run,
    # where a fast clock would have the engine poll it, and the page change, every few seconds
    parser.add_argument("--speed", default="1", help="simulated time speed-up of the sandbox")
    parser.add_argument("--before", type=Path, help="another source tree (its src/) to compare with")
    args = parser.parse_args()

    from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS

    number = TEST_NUMBERS["delivered"]
    trees = {"after": HERE.parent / "src"}
    if args.before is not None:
        trees = {"before": args.before.resolve(), **trees}
    pages = {"bare": "/track", "card": f"/track/{number}"}
    results: dict[tuple[str, str], list[float]] = {(tree, page): [] for tree in trees for page in pages}
    cpu = dict.fromkeys(results, 0.0)
    with ExitStack() as stack:
        servers = {tree: stack.enter_context(server(src, args.speed, number)) for tree, src in trees.items()}
        pin(CLIENT_CPU)()
        for tree, (client, _) in servers.items():  # warm-up: templates compiled, caches filled
            for path in pages.values():
                timed(client, path, 50)
            size = len(client.get(pages["card"]).content)
            print(f"{tree}: {trees[tree]} (card page {size} bytes)")
        for _ in range(args.rounds):
            for tree, (client, pid) in servers.items():
                for page, path in pages.items():
                    used = cpu_seconds(pid)
                    results[(tree, page)] += timed(client, path, args.requests)
                    cpu[(tree, page)] += cpu_seconds(pid) - used
    print(f"{'code':<8}{'page':<26}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms':>9}")
    card_ms: dict[str, float] = {}
    card_cpu: dict[str, float] = {}
    for tree in trees:
        p50 = {}
        for page, path in pages.items():
            ordered = sorted(results[(tree, page)])
            p50[page] = statistics.median(ordered) * 1000
            p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
            per = cpu[(tree, page)] * 1000 / len(ordered)
            print(f"{tree:<8}{'GET ' + path[:20]:<26}{p50[page]:>9.2f}{p99:>9.2f}{per:>9.2f}")
        card_ms[tree] = p50["card"] - p50["bare"]
        card_cpu[tree] = (cpu[(tree, "card")] - cpu[(tree, "bare")]) * 1000 / len(results[(tree, "card")])
        print(f"{tree:<8}one card's server time: {card_ms[tree]:.2f} ms (p50 card - p50 bare), "
              f"{card_cpu[tree]:.2f} ms of server CPU per request (card - bare)")
    if "before" in card_ms:
        print(f"after / before: {card_ms['after'] / card_ms['before']:.2f} wall clock, "
              f"{card_cpu['after'] / card_cpu['before']:.2f} server CPU (goal <= 0.50)")
    if SERVER_CPU is not None:
        print(f"(servers pinned to CPU {SERVER_CPU}, client to CPU {CLIENT_CPU})")
    else:
        print("(not pinned: fewer than two CPUs)")


if __name__ == "__main__":
    main()
