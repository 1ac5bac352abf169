"""The simulated timeline shared by the sandbox network and the engine on one installation.

Stored in `<data_dir>/sandbox.json` so that `serve`, `track` and restarts agree on the simulated time and
on when the sandbox's journeys started.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from parceltrail.clock import ScaledClock

# Journeys of the sandbox's test numbers start this long before the installation was set up, so a new
# user's first `parceltrail track` already shows a journey under way.
JOURNEY_HEAD_START = timedelta(days=10)


@dataclass(frozen=True, slots=True)
class Simulation:
    journey_epoch: datetime
    real_anchor: datetime
    sim_anchor: datetime
    speed: float

    def clock(self) -> ScaledClock:
        return ScaledClock(self.real_anchor, self.speed, sim_start=self.sim_anchor)

    def with_speed(self, speed: float) -> Simulation:
        """Same timeline from now on, at another speed (re-anchored so simulated time does not jump)."""
        if speed == self.speed:
            return self
        real = datetime.now(UTC)
        return Simulation(self.journey_epoch, real, self.clock().now(), speed)


def load_or_create(data_dir: Path, speed: float | None = None) -> Simulation:
    path = data_dir / "sandbox.json"
    if path.exists():
        raw = json.loads(path.read_text())
        sim = Simulation(
            journey_epoch=datetime.fromisoformat(raw["journey_epoch"]),
            real_anchor=datetime.fromisoformat(raw["real_anchor"]),
            sim_anchor=datetime.fromisoformat(raw["sim_anchor"]),
            speed=float(raw["speed"]),
        )
    else:
        now = datetime.now(UTC).replace(microsecond=0)
        sim = Simulation(now - JOURNEY_HEAD_START, now, now, 1.0)
    if speed is not None:
        sim = sim.with_speed(speed)
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({
        "journey_epoch": sim.journey_epoch.isoformat(),
        "real_anchor": sim.real_anchor.isoformat(),
        "sim_anchor": sim.sim_anchor.isoformat(),
        "speed": sim.speed,
    }, indent=2))
    tmp.replace(path)  # atomic: a concurrent reader never sees half a file
    return sim
