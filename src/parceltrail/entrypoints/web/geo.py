"""The route map: the places a parcel passed, in an equirectangular projection drawn as inline SVG.

Coordinates match `static/world.svg` (x = longitude + 180, y = 90 - latitude, a 360 x 180 world), so the
page draws the shipped land outline with `<use>` and crops to the route with the viewBox: no tiles, no
network.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

WORLD_W, WORLD_H = 360.0, 180.0
PAD = 12.0  # degrees around the route
MIN_W = 70.0  # never zoom in closer than this (degrees of longitude)


@dataclass(frozen=True, slots=True)
class Stop:
    latitude: float
    longitude: float
    label: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    label: str
    last: bool


@dataclass(frozen=True, slots=True)
class RouteMap:
    viewbox: str
    graticule: str  # SVG path: meridians and parallels every 30 degrees
    line: str  # SVG polyline points, oldest first
    dots: tuple[Dot, ...]
    radius: float
    stroke: float


def project(latitude: float, longitude: float) -> tuple[float, float]:
    return round(longitude + 180.0, 2), round(90.0 - latitude, 2)


def _valid(stop: Stop) -> bool:
    return -90.0 <= stop.latitude <= 90.0 and -180.0 <= stop.longitude <= 180.0


def _dedupe(stops: Iterable[Stop]) -> list[Stop]:
    """Consecutive scans at one place are one stop (labels joined, newest kept last)."""
    out: list[Stop] = []
    for stop in stops:
        if not _valid(stop):
            continue
        if out and (out[-1].latitude, out[-1].longitude) == (stop.latitude, stop.longitude):
            out[-1] = Stop(stop.latitude, stop.longitude, stop.label or out[-1].label)
            continue
        out.append(stop)
    return out


def _box(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1 = min(xs) - PAD, max(xs) + PAD
    y0, y1 = min(ys) - PAD, max(ys) + PAD
    width = max(MIN_W, x1 - x0, 2 * (y1 - y0))  # keep 2:1, the world's own shape
    width = min(width, WORLD_W)
    height = width / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(0.0, cx - width / 2), WORLD_W - width)
    top = min(max(0.0, cy - height / 2), WORLD_H - height)
    return round(left, 1), round(top, 1), round(width, 1), round(height, 1)


def _graticule() -> str:
    lines = [f"M{x},0V{WORLD_H:g}" for x in range(0, 361, 30)]
    lines += [f"M0,{y}H{WORLD_W:g}" for y in range(0, 181, 30)]
    return "".join(lines)


def route_map(stops: Iterable[Stop]) -> RouteMap | None:
    """The map of `stops` (oldest first), or None when no stop has coordinates."""
    kept = _dedupe(stops)
    if not kept:
        return None
    points = [project(s.latitude, s.longitude) for s in kept]
    left, top, width, height = _box(points)
    dots = tuple(Dot(x, y, s.label, i == len(kept) - 1) for i, ((x, y), s) in enumerate(zip(points, kept,
                                                                                            strict=True)))
    return RouteMap(
        viewbox=f"{left:g} {top:g} {width:g} {height:g}",
        graticule=_graticule(),
        line=" ".join(f"{x:g},{y:g}" for x, y in points),
        dots=dots,
        radius=round(width / 90, 2),
        stroke=round(width / 300, 3),
    )
