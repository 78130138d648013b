"""A map of where the items were made, drawn only from data shipped with the app: land outlines
(Natural Earth 1:110m, public domain; see scripts/make_land_outline.py) and the items' GPS
positions from the catalog. No network: nothing here can reveal a place. (Tiles from a server
are drawn only once the user agreed to it: see :mod:`desktop.map_tiles`.) Points that would
overlap are drawn as one marker with their count (:mod:`desktop.map_groups`).

Longitude and latitude map straight to scene x and -y (an equirectangular view), which is enough
to see where things happened and how far apart they are."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from .map_groups import GROUP_PIXELS, GroupMarker, group_close
from .map_tiles import TileFetcher, TileLayer

if TYPE_CHECKING:
    from archive.catalog.locations import ItemLocation

LAND_FILE = "land-110m.json"
WATER = QColor("#d7e4ee")
LAND = QColor("#f3f0e6")
COAST = QColor("#8c8c7c")
GRID_LINE = QColor("#c3d3df")
POINT = QColor("#c0392b")
POINT_CHOSEN = QColor("#1f5fbf")
POINT_SIZE = 11  # pixels, whatever the zoom
ID_KEY = 0  # QGraphicsItem.data key holding the item id
ZOOM_STEP = 1.25
MAX_SCALE = 4000.0  # pixels per degree: a street block at the 1:110m data's limit anyway
MAX_TILE_SCALE = 2 ** 19 * 256 / 360  # with tiles from a server: down to their closest zoom
MIN_SPAN = 30.0  # degrees shown at least around close points: coasts to find one's way by
WORLD = QRectF(-180, -90, 360, 180)


@cache
def land_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The bundled land outlines as rings of (longitude, latitude)."""
    text = resources.files("desktop").joinpath("resources", LAND_FILE).read_text("ascii")
    rings = json.loads(text)["rings"]
    return tuple(tuple(zip(ring[0::2], ring[1::2], strict=True)) for ring in rings)


def land_path() -> QPainterPath:
    """The land in scene coordinates. Rings that cross the antimeridian run past 180 degrees
    in the data, so the land is drawn three times, 360 degrees apart, and clipped to the world."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for ring in land_rings():
        polygon = QPolygonF([QPointF(lon, -lat) for lon, lat in ring])
        for shift in (-360, 0, 360):
            path.addPolygon(polygon.translated(shift, 0))
            path.closeSubpath()
    return path


def scene_point(latitude: float, longitude: float) -> QPointF:
    return QPointF(longitude, -latitude)


class MapView(QGraphicsView):
    """Pan by dragging, zoom with the wheel or +/-; a click on a point chooses its item."""

    point_chosen = Signal(str)  # item id
    group_chosen = Signal(list)  # the ids of the items a group marker stands for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(QRectF(-540, -270, 1080, 540), self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(WATER))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._world_drawn = False  # read and drawn when the map is first shown, not at start-up
        self._points: dict[str, QGraphicsEllipseItem] = {}
        self._locations: dict[str, ItemLocation] = {}
        self._groups: list[GroupMarker] = []
        self.chosen: str | None = None
        self.max_scale = MAX_SCALE

    def add_tile_layer(self, fetcher: TileFetcher) -> None:
        """Draw ``fetcher``'s tiles over the outline and under the points (none until it has a
        source)."""
        layer = TileLayer(fetcher, WORLD)
        layer.setZValue(1.5)
        self.scene().addItem(layer)

    def _draw_world(self) -> None:
        if self._world_drawn:
            return
        self._world_drawn = True
        scene = self.scene()
        grid_pen = QPen(GRID_LINE, 0)  # cosmetic: one pixel at any zoom
        for lon in range(-180, 181, 30):
            scene.addLine(lon, -90, lon, 90, grid_pen)
        for lat in range(-90, 91, 30):
            scene.addLine(-180, -lat, 180, -lat, grid_pen)
        world = scene.addRect(WORLD, QPen(Qt.PenStyle.NoPen))
        world.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        world.setZValue(1)
        land = QGraphicsPathItem(land_path(), world)
        land.setPen(QPen(COAST, 0))
        land.setBrush(QBrush(LAND))

    # ------------------------------------------------------------------ points
    def set_locations(self, locations: Iterable[ItemLocation]) -> None:
        self._draw_world()
        scene = self.scene()
        for point in self._points.values():
            scene.removeItem(point)
        self._points.clear()
        self._locations = {}
        half = POINT_SIZE / 2
        for location in locations:
            point = QGraphicsEllipseItem(-half, -half, POINT_SIZE, POINT_SIZE)
            point.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            point.setPos(scene_point(location.latitude, location.longitude))
            point.setPen(QPen(QColor("white"), 1.5))
            point.setBrush(QBrush(POINT))
            point.setZValue(2)
            point.setData(ID_KEY, location.id)
            point.setToolTip(f"{location.original_name}\n"
                             f"{location.latitude:.6f}, {location.longitude:.6f}")
            point.setCursor(Qt.CursorShape.PointingHandCursor)
            scene.addItem(point)
            self._points[location.id] = point
            self._locations[location.id] = location
        if self.chosen not in self._points:
            self.chosen = None
        self._regroup()

    def locations(self) -> list[ItemLocation]:
        return list(self._locations.values())

    def location(self, item_id: str | None) -> ItemLocation | None:
        return self._locations.get(item_id) if item_id else None

    def choose(self, item_id: str | None) -> None:
        """Show ``item_id`` as the chosen point (None, or an item without GPS: none)."""
        self.chosen = item_id if item_id in self._points else None
        self._mark_chosen()

    def _mark_chosen(self) -> None:
        for item_id, point in self._points.items():
            chosen = item_id == self.chosen
            point.setBrush(QBrush(POINT_CHOSEN if chosen else POINT))
            point.setZValue(3 if chosen else 2)
            point.setScale(1.4 if chosen else 1.0)
        for group in self._groups:
            chosen = self.chosen in group.ids
            group.set_colour(POINT_CHOSEN if chosen else POINT)
            group.setZValue(3.5 if chosen else 2.5)

    def _regroup(self) -> None:
        """Points closer on screen than a few pixels become one marker with their count."""
        scene = self.scene()
        for group in self._groups:
            scene.removeItem(group)
        self._groups = []
        radius = GROUP_PIXELS / max(self.transform().m11(), 1e-9)
        ordered = sorted(self._points.items(), key=lambda pair: (pair[1].pos().x(),
                                                                 pair[1].pos().y(), pair[0]))
        for ids in group_close([(i, point.pos()) for i, point in ordered], radius):
            for item_id in ids:
                self._points[item_id].setVisible(len(ids) == 1)
            if len(ids) == 1:
                continue
            group = GroupMarker(ids, POINT)
            spots = [self._points[i].pos() for i in ids]
            group.setPos(sum(p.x() for p in spots) / len(spots),
                         sum(p.y() for p in spots) / len(spots))
            names = [self._locations[i].original_name for i in ids]
            group.setToolTip("\n".join(names[:12] + (["…"] if len(names) > 12 else [])))
            scene.addItem(group)
            self._groups.append(group)
        self._mark_chosen()

    def groups(self) -> list[tuple[list[str], QPointF]]:
        """Each group marker's items and where it is in viewport pixels."""
        return [(list(g.ids), QPointF(self.mapFromScene(g.pos()))) for g in self._groups]

    def point_position(self, item_id: str) -> QPointF:
        """Where the item's point is in viewport pixels."""
        return QPointF(self.mapFromScene(self._points[item_id].pos()))

    # ------------------------------------------------------------------ zoom and pan
    def fit_points(self) -> None:
        """Show every point, or the whole world when there are none."""
        if not self._points:
            self.fit_world()
            return
        box = QRectF()
        for point in self._points.values():
            box = box.united(QRectF(point.pos(), point.pos()).adjusted(-0.01, -0.01, 0.01, 0.01))
        grow_x = max(MIN_SPAN - box.width(), box.width() * 0.3) / 2
        grow_y = max(MIN_SPAN / 2 - box.height(), box.height() * 0.3) / 2
        self.fit_area(box.adjusted(-grow_x, -grow_y, grow_x, grow_y))

    def fit_world(self) -> None:
        self.fit_area(WORLD)

    def fit_area(self, area: QRectF) -> None:
        self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > self.max_scale:
            self.zoom(1.0)  # back within the closest zoom
        self._regroup()

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        wanted = min(max(current * factor, self._min_scale()), self.max_scale)
        if wanted != current:
            self.scale(wanted / current, wanted / current)
            self._regroup()

    def _min_scale(self) -> float:
        return min(self.viewport().width() / 400, self.viewport().height() / 200)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        group = self._group_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and group is not None:
            self.choose(group.ids[-1])
            self.group_chosen.emit(list(group.ids))
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            item_id = self._point_at(event.position().toPoint())
            if item_id is not None:
                self.choose(item_id)
                self.point_chosen.emit(item_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A double click on a group zooms in on its points."""
        group = self._group_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or group is None:
            super().mouseDoubleClickEvent(event)
            return
        box = QRectF()
        for item_id in group.ids:
            spot = self._points[item_id].pos()
            box = box.united(QRectF(spot, spot).adjusted(-1e-4, -1e-4, 1e-4, 1e-4))
        self.fit_area(box.adjusted(-box.width() / 4, -box.height() / 4,
                                   box.width() / 4, box.height() / 4))
        event.accept()

    def _group_at(self, position: QPoint) -> GroupMarker | None:
        for item in self.items(position):  # topmost first
            if isinstance(item, GroupMarker):
                return item
        return None

    def _point_at(self, position: QPoint) -> str | None:
        for item in self.items(position):  # topmost first
            item_id = item.data(ID_KEY)
            if item_id:
                return str(item_id)
        return None
