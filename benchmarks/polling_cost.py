"""Polling cost: adaptive scheduler vs a fixed 2-hour poll on the sandbox's journeys (same run).

    .venv/bin/python benchmarks/polling_cost.py [--serials N]

Prints lookups per delivered parcel and the delay between a scan at the carrier and parceltrail seeing
it, for all scans and for the scans people wait for. Goals: lookups <= 0.25x the fixed poll's, median
delay no worse than it, and for awaited scans p90 <= 1 h and median <= 0.5 h.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the simulation lives in tools/

from tools.polling_simulation import (  # noqa: E402
    TRAIN_SERIALS,
    fixed,
    learned_adaptive,
    parcels,
    simulate,
)

EPOCH = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serials", type=int, default=300, help="serials per scenario (7 scenarios)")
    args = parser.parse_args()
    which = parcels(range(1, args.serials + 1))
    adaptive = simulate(learned_adaptive(EPOCH), which, EPOCH)
    base = simulate(fixed(timedelta(hours=2)), which, EPOCH)
    scans = len(base.delays_hours) + base.missed
    print(f"{len(which)} parcels ({args.serials} serials x 7 scenarios), {scans} scans; model fitted on the "
          f"finished journeys of serials {TRAIN_SERIALS.start}-{TRAIN_SERIALS.stop - 1}")
    awaited = len(base.awaited_delays_hours) + base.awaited_missed
    print(f"scans people wait for (out for delivery, failed attempt, pickup, delivered, exceptions asking "
          f"for action): {awaited}")
    print("| policy | lookups / delivered parcel | lookups, all parcels | median delay (h) | p90 delay (h) "
          "| seen within 1 h | awaited: median (h) | awaited: p90 (h) | scans missed |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in (adaptive, base):
        print(f"| {r.name} | {r.requests_per_delivered:.1f} | {r.requests} | {r.median_delay_hours:.2f} "
              f"| {r.p90_delay_hours:.2f} | {r.share_within(1.0):.0%} | {r.awaited_median_hours:.2f} "
              f"| {r.awaited_p90_hours:.2f} | {r.missed} |")
    ratio = adaptive.requests / base.requests
    goals = [("lookups <= 0.25x the fixed poll's", ratio <= 0.25, f"{ratio:.3f}"),
             ("all scans: median no worse than the fixed poll's",
              adaptive.median_delay_hours <= base.median_delay_hours,
              f"{adaptive.median_delay_hours:.2f} h vs {base.median_delay_hours:.2f} h"),
             ("awaited scans: p90 <= 1 h", adaptive.awaited_p90_hours <= 1.0,
              f"{adaptive.awaited_p90_hours:.2f} h"),
             ("awaited scans: median <= 0.5 h", adaptive.awaited_median_hours <= 0.5,
              f"{adaptive.awaited_median_hours:.2f} h")]
    for name, met, value in goals:
        print(f"{'met ' if met else 'MISSED'} {name}: {value}")


if __name__ == "__main__":
    main()
