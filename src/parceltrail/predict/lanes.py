"""Lanes: the route a parcel takes, and the wider groups used when a lane has too little history."""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lane:
    """Carrier, service and origin -> destination (countries, or states/regions inside one country).

    Regions are the caller's choice (a continent, Brazil's macro-regions ...); None skips that level.
    """

    origin: str | None = None
    destination: str | None = None
    carrier: str | None = None
    service: str | None = None
    origin_region: str | None = None
    destination_region: str | None = None

    def levels(self) -> tuple[tuple[str, str], ...]:
        """(basis name, group key); narrowest first, `global` last; levels missing a field are skipped."""
        return _levels(self)


# Model fits and predictions ask for a lane's levels once per journey; the few lanes repeat endlessly.
@functools.lru_cache(maxsize=4096)
def _levels(lane: Lane) -> tuple[tuple[str, str], ...]:
    o, d, c, s = lane.origin, lane.destination, lane.carrier, lane.service
    candidates: list[tuple[str, tuple[str | None, ...]]] = [
        ("carrier+service+lane", (c, s, o, d)),
        ("carrier+lane", (c, o, d)),
        ("lane", (o, d)),
        ("region_lane", (lane.origin_region, lane.destination_region)),
        ("destination", (d,)),
        ("destination_region", (lane.destination_region,)),
    ]
    out = [(name, f"{name}|" + "|".join(p for p in parts if p is not None))
           for name, parts in candidates if all(p is not None for p in parts)]
    out.append(("global", "global"))
    return tuple(out)
