"""Make desktop/resources/land-110m.json, the land outlines the map draws, from Natural Earth.

Source: Natural Earth 1:110m physical "land" (version 4.1.0; public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in TopoJSON by the npm
package world-atlas 2.0.2 (file land-110m.json). Run once, by hand, when the data is to change:

    npm pack world-atlas@2.0.2
    python3 scripts/make_land_outline.py world-atlas-2.0.2.tgz

The output holds only the outlines as rings of longitude/latitude pairs rounded to 0.01 degree,
so the app needs no TopoJSON decoder and reads no file it did not ship with.
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "desktop" / "resources" / "land-110m.json"
MEMBER = "package/land-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are quantized and delta-encoded; give them back in degrees."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)  # arcs share their end points
    return ring


def unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring without jumps across the antimeridian (longitudes may pass 180 or -180, the
    app draws the land again 360 degrees to either side and clips it to the world); a ring
    that goes all the way round (Antarctica) is closed along its pole."""
    out = [ring[0]]
    shift = 0.0
    for (lon0, _lat0), (lon1, lat1) in zip(ring, ring[1:], strict=False):
        if lon1 - lon0 > 180:
            shift -= 360
        elif lon0 - lon1 > 180:
            shift += 360
        out.append((lon1 + shift, lat1))
    if shift:
        pole = -90.0 if sum(lat for _lon, lat in ring) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def rings_of(topology: dict) -> list[list[tuple[float, float]]]:
    arcs = decode_arcs(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings.extend(unwrapped(ring_of(ring, arcs)) for ring in polygon)
    return rings


def main(tarball: str) -> None:
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{MEMBER} not found in {tarball}")
        topology = json.load(member)
    flat = [[v for lon, lat in ring for v in (round(lon, 2), round(lat, 2))]
            for ring in rings_of(topology)]
    document = {
        "source": "Natural Earth 1:110m land, v4.1.0, public domain; via npm world-atlas 2.0.2",
        "rings": flat,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="ascii")
    print(f"{OUTPUT}: {len(flat)} rings, {sum(len(r) for r in flat) // 2} points")


if __name__ == "__main__":
    main(sys.argv[1])
