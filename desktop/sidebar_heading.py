"""How a heading in the sidebar ("Cases") looks: small bold capitals in the window's text
colour, with room above, so that it reads as a title over the entries and not as one of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette


def heading_font() -> QFont:
    font = QFont(QGuiApplication.font())
    font.setBold(True)
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
    return font


def heading_data(role: int) -> Any:
    """The heading's value for ``role`` other than its text (None where the default does)."""
    if role == Qt.ItemDataRole.FontRole:
        return heading_font()
    if role == Qt.ItemDataRole.ForegroundRole:
        # a heading is not selectable, so the view would draw it greyed out as if disabled
        return QGuiApplication.palette().brush(QPalette.ColorGroup.Active,
                                               QPalette.ColorRole.WindowText)
    if role == Qt.ItemDataRole.SizeHintRole:
        return QSize(0, 34)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    if role == Qt.ItemDataRole.AccessibleDescriptionRole:
        return "heading"
    return None
