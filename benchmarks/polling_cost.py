"""Polling cost: adaptive scheduler vs a fixed 2-hour poll on the sandbox's journeys (same run).

    .venv/bin/python benchmarks/polling_cost.py [--serials N]

Prints lookups per delivered parcel and the delay between a scan at the carrier and parceltrail seeing
it. Goal: adaptive median delay <= fixed, with at most a fifth of its lookups.
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
    print("| policy | lookups / delivered parcel | lookups, all parcels | median delay (h) | p90 delay (h) "
          "| seen within 1 h | scans missed |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in (adaptive, base):
        print(f"| {r.name} | {r.requests_per_delivered:.1f} | {r.requests} | {r.median_delay_hours:.2f} "
              f"| {r.p90_delay_hours:.2f} | {r.share_within(1.0):.0%} | {r.missed} |")
    print(f"lookups ratio adaptive/fixed: {adaptive.requests / base.requests:.3f} (goal <= 0.2); "
          f"median delay ratio: {adaptive.median_delay_hours / base.median_delay_hours:.2f} (goal <= 1)")


if __name__ == "__main__":
    main()
