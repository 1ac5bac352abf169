"""How fast `parceltrail serve` ends its open live-page streams and exits on SIGTERM, with the hub's own
shutdown hook (`LiveHub.close`, wired by `serve`) against sse-starlette's exit drain alone (the hook
switched off in the same run). Each round starts the real server (demo data, SQLite) in a subprocess,
opens STREAMS event streams over loopback HTTP, sends SIGTERM and times the exit and the last stream's end.

    .venv/bin/python benchmarks/bench_live_shutdown.py [--rounds 3] [--streams 10]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

SRC = Path(__file__).resolve().parents[1] / "src"
NUMBER = "PTS06000000015"
LAUNCH = """
import sys
from parceltrail.entrypoints.web import stream
if sys.argv[1] == "library-only":
    stream.LiveHub.close_threadsafe = lambda self: None
from parceltrail.entrypoints.cli.main import main
sys.argv = ["parceltrail", "serve", "--demo", "--port", sys.argv[2]]
main()
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def one_round(variant: str, streams: int) -> tuple[float, float]:
    """(seconds from SIGTERM to the process's exit, seconds from SIGTERM to the last stream's end)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PARCELTRAIL_")}
        env.update(PARCELTRAIL_DATA_DIR=data, PYTHONPATH=str(SRC))
        server = subprocess.Popen([sys.executable, "-c", LAUNCH, variant, str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(480):
                try:
                    if httpx.get(f"{base}/hello", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.25)
            httpx.get(f"{base}/track/{NUMBER}", timeout=60)
            connected = threading.Barrier(streams + 1)
            ended: list[float] = []

            def follow() -> None:
                with httpx.stream("GET", f"{base}/track/{NUMBER}/events", timeout=None) as response:
                    lines = response.iter_lines()
                    for line in lines:
                        if line.startswith(": connected"):
                            break
                    connected.wait()
                    for _ in lines:
                        pass
                ended.append(time.monotonic())

            readers = [threading.Thread(target=follow, daemon=True) for _ in range(streams)]
            for reader in readers:
                reader.start()
            connected.wait(timeout=60)
            time.sleep(0.5)  # the last stream's watch is registered with the hub
            start = time.monotonic()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=120)
            exited = time.monotonic() - start
            for reader in readers:
                reader.join(timeout=60)
            return exited, max(ended) - start
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--streams", type=int, default=10)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float]]] = {"hub-close": [], "library-only": []}
    for _ in range(args.rounds):  # alternate, so machine noise hits both alike
        for variant in results:
            results[variant].append(one_round(variant, args.streams))
    for variant, rounds in results.items():
        exits = [r[0] for r in rounds]
        ends = [r[1] for r in rounds]
        print(f"{variant:13s} exit median {statistics.median(exits):.2f} s {[round(x, 2) for x in exits]}; "
              f"last stream ended median {statistics.median(ends):.2f} s {[round(x, 2) for x in ends]}")
    with_hook = statistics.median(r[0] for r in results["hub-close"])
    without = statistics.median(r[0] for r in results["library-only"])
    print(f"exit time, library-only / hub-close: {without / with_hook:.2f}x")


if __name__ == "__main__":
    main()
