"""Asked before the map fetches a single tile: which server (a URL template the user gives or
keeps), and what every request tells it. Nothing is contacted unless "Load tiles" is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .map_tiles import TileSource

EXAMPLE = "https://tile.example.org/{z}/{x}/{y}.png"


class TileConsentDialog(QDialog):
    def __init__(self, template: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Load map tiles from a server?"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The map is drawn offline from data shipped with Strongroom. "
                               "For a detailed background it can download map images (tiles) "
                               "from a tile server you name here, with {z}, {x} and {y} where "
                               "the tile's zoom, column and row go."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.template = QLineEdit(template, self)
        self.template.setPlaceholderText(EXAMPLE)
        self.template.setClearButtonEnabled(True)
        layout.addWidget(self.template)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.buttons = QDialogButtonBox(self)
        self.load_button: QPushButton = self.buttons.addButton(
            self.tr("Load tiles from this server"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.offline_button: QPushButton = self.buttons.addButton(
            self.tr("Keep the map offline"), QDialogButtonBox.ButtonRole.RejectRole)
        self.offline_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.template.textChanged.connect(self._explain)
        self._explain()

    def source(self) -> TileSource | None:
        return TileSource.parse(self.template.text())

    def _explain(self) -> None:
        source = self.source()
        self.load_button.setEnabled(source is not None)
        if source is None:
            self.warning.setText(self.tr("Give the address of a tile server, for example %1.")
                                 .replace("%1", EXAMPLE))
            return
        text = self.tr(
            "What is sent, and to whom: every tile request goes to %1 and tells it the tile's "
            "zoom, column and row, that is the area of the map you are looking at and how "
            "closely, together with this computer's network address (IP). The server, and "
            "anyone who can watch your network, may keep this: looking at the places of your "
            "evidence reveals them. No item, name or point is sent. Tiles are kept in memory "
            "only and forgotten when the tiles are turned off or the vault locks; you are "
            "asked again after the next unlock.").replace("%1", source.host)
        if not source.encrypted:
            text += " " + self.tr("This address is not encrypted (http): the requests and "
                                  "the tiles can be read on the way.")
        self.warning.setText(text)

    def accept(self) -> None:
        if self.source() is not None:
            super().accept()
