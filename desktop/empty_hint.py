"""What to do in an empty view: a hint laid over the grid or the table while the current view
has no items (a new vault, an empty case), gone as soon as there is one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from .items_model import ItemsModel


class EmptyHint(QLabel):
    def __init__(self, view: QAbstractItemView, items: ItemsModel) -> None:
        super().__init__(view.viewport())
        self._area = view.viewport()
        self._items = items
        self.setObjectName("empty-hint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setStyleSheet("color: palette(placeholder-text); font-size: 13pt")
        self.setText(self.tr(
            "Nothing here yet.\n\nImport evidence with Vault ▸ Import files… (Ctrl+I) or "
            "Import a folder… (Ctrl+Shift+I), or drag files and folders into this window."))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        for signal in (items.modelReset, items.rowsInserted, items.rowsRemoved):
            signal.connect(self.update_visibility)
        self.update_visibility()

    def update_visibility(self) -> None:
        self.setVisible(self._items.total() == 0 and self._items.rowCount() == 0)
        self.setGeometry(self._area.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._area.rect())
        return False
