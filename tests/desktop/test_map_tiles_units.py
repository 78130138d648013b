"""The arithmetic behind the map's tiles and groups: which slippy-map tiles cover an area, where
a tile's rows lie, which templates are accepted, which points are drawn as one."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRectF

from desktop.map_groups import group_close
from desktop.map_tiles import (
    MAX_LATITUDE,
    TileKey,
    TileSource,
    strips_of,
    tile_latitude,
    tiles_in,
    zoom_for,
)
from gui_fixtures import *  # noqa: F403


def test_tiles_over_an_area_are_those_the_slippy_map_scheme_names() -> None:
    # Trafalgar Square (51.508, -0.128): tile 10/511/340 of the OpenStreetMap scheme; at zoom
    # 16 the row by the textbook form y = (1 - ln(tan φ + sec φ) / π) / 2 · 2^z
    spot = QRectF(-0.128, -51.508, 0, 0)
    assert tiles_in(spot, 10) == [TileKey(10, 511, 340)]
    phi = math.radians(51.508)
    row = int((1 - math.log(math.tan(phi) + 1 / math.cos(phi)) / math.pi) / 2 * 2 ** 16)
    assert tiles_in(spot, 16) == [TileKey(16, int((180 - 0.128) / 360 * 2 ** 16), row)]
    world = tiles_in(QRectF(-180, -90, 360, 180), 2)
    assert len(world) == 16 and set(world) == {TileKey(2, x, y) for x in range(4) for y in range(4)}
    assert tile_latitude(0, 0) == pytest.approx(MAX_LATITUDE)
    assert tile_latitude(1, 1) == pytest.approx(0.0)
    strips = strips_of(TileKey(1, 1, 0), 256, 256)
    assert strips[0][0].top() == pytest.approx(-MAX_LATITUDE)  # north at the top (scene -y)
    assert strips[-1][0].bottom() == pytest.approx(0.0, abs=1e-9)
    assert strips[0][0].left() == 0.0 and strips[0][0].right() == 180.0
    assert zoom_for(256 / 360) == 0 and zoom_for(256 / 360 * 2 ** 12) == 12


def test_a_tile_source_is_an_http_template_with_z_x_and_y() -> None:
    source = TileSource.parse(" https://tiles.example.org/{z}/{x}/{y}.png ")
    assert source is not None and source.host == "tiles.example.org" and source.encrypted
    assert source.url(TileKey(3, 4, 5)) == "https://tiles.example.org/3/4/5.png"
    for bad in ("", "https://tiles.example.org/tile.png", "ftp://h/{z}/{x}/{y}",
                "file:///{z}/{x}/{y}.png", "{z}/{x}/{y}"):
        assert TileSource.parse(bad) is None, bad
    assert not TileSource.parse("http://127.0.0.1:8/{z}/{x}/{y}").encrypted  # type: ignore[union-attr]


def test_points_closer_than_the_radius_are_one_group() -> None:
    points = [("a", QPointF(0, 0)), ("b", QPointF(0.5, 0.5)), ("c", QPointF(10, 0)),
              ("d", QPointF(10.9, 0)), ("e", QPointF(30, 30))]
    assert group_close(points, 1.0) == [["a", "b"], ["c", "d"], ["e"]]
    assert group_close(points, 0.1) == [["a"], ["b"], ["c"], ["d"], ["e"]]
    assert group_close(points, 100.0) == [["a", "b", "c", "d", "e"]]
