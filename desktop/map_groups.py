"""Points that would overlap at the current zoom are drawn as one marker with their count: a click
on it chooses those items, a double click zooms in until they come apart."""

from __future__ import annotations

import math
from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

GROUP_PIXELS = 14.0  # points closer than this on screen are drawn as one
GROUP_SIZE = 24  # the marker's diameter in pixels, whatever the zoom


def group_close(positions: list[tuple[str, QPointF]], radius: float) -> list[list[str]]:
    """The ids in groups: each point joins the first group whose first point is within
    ``radius`` of it (scene units), in the order given. Singles are groups of one."""
    if radius <= 0:
        return [[item_id] for item_id, _pos in positions]
    seeds: dict[tuple[int, int], list[int]] = defaultdict(list)  # grid cell -> group numbers
    groups: list[list[str]] = []
    centres: list[QPointF] = []
    for item_id, pos in positions:
        cell = (math.floor(pos.x() / radius), math.floor(pos.y() / radius))
        joined = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for number in seeds.get((cell[0] + dx, cell[1] + dy), ()):
                    centre = centres[number]
                    if math.hypot(centre.x() - pos.x(), centre.y() - pos.y()) <= radius and \
                            (joined is None or number < joined):
                        joined = number
        if joined is None:
            seeds[cell].append(len(groups))
            groups.append([item_id])
            centres.append(QPointF(pos))
        else:
            groups[joined].append(item_id)
    return groups


class GroupMarker(QGraphicsItem):
    """A circle with the number of items it stands for."""

    def __init__(self, ids: list[str], colour: QColor) -> None:
        super().__init__()
        self.ids = list(ids)
        self.colour = colour
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802
        half = GROUP_SIZE / 2 + 1
        return QRectF(-half, -half, 2 * half, 2 * half)

    def set_colour(self, colour: QColor) -> None:
        self.colour = colour
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        half = GROUP_SIZE / 2
        circle = QRectF(-half, -half, GROUP_SIZE, GROUP_SIZE)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QBrush(self.colour))
        painter.drawEllipse(circle)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(11 if len(self.ids) < 100 else 9)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        count = str(len(self.ids)) if len(self.ids) < 1000 else "999+"
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, count)
