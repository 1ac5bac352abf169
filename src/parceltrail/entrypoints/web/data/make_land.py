"""Regenerate `static/world.svg` (the offline world outline of the maps) from Natural Earth's 1:110m land.

Input: `land-110m.json` (TopoJSON) of the `world-atlas` package (ISC licence; Natural Earth data is in the
public domain). Output: an SVG whose `#land` path is in an equirectangular projection, x = longitude + 180,
y = 90 - latitude (viewBox 0 0 360 180), simplified so the file stays a few kilobytes.

    cd src/parceltrail/entrypoints/web && python data/make_land.py land-110m.json > static/world.svg

Pages draw it with `<use href="/static/world.svg#land">`, so browsers cache it once for every map.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Point = tuple[float, float]
TOLERANCE = 0.35  # degrees: coarse on purpose, a phone-sized map needs no more
MIN_EXTENT = 1.5  # drop islands smaller than this (degrees)


def _arcs(topo: dict[str, Any]) -> list[list[Point]]:
    scale, shift = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        out.append(points)
    return out


def _ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    ring: list[Point] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(part if not ring else part[1:])
    return ring


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5 or 1e-9
    far, index = 0.0, 0
    for i, (x, y) in enumerate(points[1:-1], 1):
        distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
        if distance > far:
            far, index = distance, i
    if far <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[: index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)


def build(topo: dict[str, Any]) -> str:
    arcs = _arcs(topo)
    parts = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            outer = _ring(arcs, polygon[0])  # holes (lakes) are left out
            xs, ys = [p[0] for p in outer], [p[1] for p in outer]
            if max(max(xs) - min(xs), max(ys) - min(ys)) < MIN_EXTENT:
                continue
            # A closed ring has equal ends, which Douglas-Peucker cannot use: split it at its far point.
            far = max(range(len(outer)), key=lambda i: (outer[i][0] - outer[0][0]) ** 2
                      + (outer[i][1] - outer[0][1]) ** 2)
            ring = _simplify(outer[: far + 1], TOLERANCE)[:-1] + _simplify(outer[far:], TOLERANCE)
            if len(ring) < 4:
                continue
            coords = " ".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in ring)
            parts.append(f"M{coords}Z")
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">'
            f'<path id="land" d="{"".join(parts)}"/></svg>\n')


if __name__ == "__main__":
    sys.stdout.write(build(json.loads(Path(sys.argv[1]).read_text())))
