"""The map page: the items of the current view that have a position, a toolbar to zoom, copy a
point's coordinates, or show it in a web map after asking (that reveals the place to the
service), and background tiles from a server, off until the user agreed to it for the vault
now open. Reads the catalog through ``Vault.item_locations``; changes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archive import StrongroomError

from .error_messages import full_message
from .map_tiles import TileFetcher
from .map_view import MAX_SCALE, MAX_TILE_SCALE, ZOOM_STEP, MapView
from .settings import Settings
from .tile_consent import TileConsentDialog

if TYPE_CHECKING:
    from archive.catalog.locations import ItemLocation

    from .app_state import AppState

OSM_URL = "https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=16/{lat:.6f}/{lon:.6f}"


def coordinates_text(location: ItemLocation) -> str:
    return f"{location.latitude:.6f}, {location.longitude:.6f}"


class MapPanel(QWidget):
    item_chosen = Signal(list)  # a point or a group was clicked: select those items
    consent_asked = Signal(object)  # the QMessageBox about to ask before a web map opens

    def __init__(self, state: AppState, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.view = MapView(self)
        self.view.point_chosen.connect(lambda item_id: self._points_chosen([item_id]))
        self.view.group_chosen.connect(self._points_chosen)
        self.tiles = TileFetcher(self)  # no source, no request, until the user agrees
        self.view.add_tile_layer(self.tiles)
        self.toolbar = QToolBar(self)
        self.act_zoom_in = self._tool(self.tr("Zoom in"), lambda: self.view.zoom(ZOOM_STEP))
        self.act_zoom_out = self._tool(self.tr("Zoom out"),
                                       lambda: self.view.zoom(1 / ZOOM_STEP))
        self.act_fit = self._tool(self.tr("Show all points"), self.view.fit_points)
        self.act_world = self._tool(self.tr("Whole world"), self.view.fit_world)
        self.toolbar.addSeparator()
        self.act_copy = self._tool(self.tr("Copy coordinates"), self.copy_coordinates)
        self.act_open_service = self._tool(self.tr("Open in a map service…"),
                                           self.open_in_map_service)
        self.act_tiles = QAction(self.tr("Tiles from a server…"), self)  # beside the summary
        self.act_tiles.triggered.connect(lambda _checked=False: self._tiles_toggled())
        self.act_tiles.setCheckable(True)
        self.act_tiles.setToolTip(self.tr("A detailed background map from a tile server you "
                                          "name, after you agree: off by default"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        tiles_button = QToolButton(self)
        tiles_button.setDefaultAction(self.act_tiles)
        tiles_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(tiles_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary_row)
        layout.addWidget(self.view, 1)
        self._stale = True
        self._count = 0
        state.scope_changed.connect(self._scope_changed)
        state.vault_changed.connect(self._scope_changed)
        state.vault_changed.connect(lambda _vault: self._tiles_off())
        state.selection_changed.connect(self._selection_changed)
        self._update_actions()

    def _tool(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.toolbar.addAction(action)
        return action

    # ------------------------------------------------------------------ contents
    def reload(self) -> None:
        """Ask the catalog again for the positions of the items in the current view."""
        vault, scope = self.state.vault, self.state.scope
        self._stale = False
        locations: list[ItemLocation] = []
        if vault is not None:
            try:
                locations = vault.item_locations(case=scope.case, kind=scope.kind,
                                                 since=scope.since)
            except StrongroomError as exc:
                self.summary.setText(full_message(exc))
        self.view.set_locations(locations)
        selection = self.state.selection
        self.view.choose(selection[-1] if selection else None)
        self.view.fit_points()
        self._count = len(locations)
        self._show_summary(vault is not None)
        self._update_actions()

    def _show_summary(self, opened: bool = True) -> None:
        if not self._count:
            if opened:
                self.summary.setText(self.tr("No item in this view has a location."))
            return
        text = self.tr("%1 item(s) with a location. Drag to move, wheel or +/− to zoom, click "
                       "a point to select its item; a circle with a number stands for items "
                       "close together: click it to select them, double-click to zoom in.") \
            .replace("%1", str(self._count))
        source = self.tiles.source
        if source is None:
            text += " " + self.tr("Drawn offline: no map service is contacted.")
        else:
            text += " " + self.tr("Background tiles from %1, which sees the areas you look "
                                  "at.").replace("%1", source.host)
            text += " " + self._attribution(source.host)
        self.summary.setText(text)

    def _attribution(self, host: str) -> str:
        """Whom the tiles belong to, shown while they are (tile servers ask for it)."""
        if host == "openstreetmap.org" or host.endswith(".openstreetmap.org"):
            return self.tr("Map data © OpenStreetMap contributors.")
        return self.tr("The tiles and their map data belong to %1 or its sources, on its "
                       "terms.").replace("%1", host)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.reload()

    def _scope_changed(self, _value: object) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _selection_changed(self, item_ids: list[str]) -> None:
        self.view.choose(item_ids[-1] if item_ids else None)
        self._update_actions()

    def _points_chosen(self, item_ids: list[str]) -> None:
        self._update_actions()
        self.item_chosen.emit(item_ids)

    # ------------------------------------------------------------------ tiles
    def _tiles_toggled(self) -> None:
        if not self.act_tiles.isChecked():
            self._tiles_off()
            return
        dialog = TileConsentDialog(self.settings.map_tile_url, self)
        source = dialog.source() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if source is None:  # refused: nothing is asked of any server
            self.act_tiles.setChecked(False)
            return
        self.settings.map_tile_url = source.template
        self.settings.sync()
        self.tiles.set_source(source)
        self.view.max_scale = MAX_TILE_SCALE  # the tiles show streets: closer looks make sense
        self.view.viewport().update()
        self._show_summary()

    def _tiles_off(self) -> None:
        """No more requests, and the tiles kept are forgotten (also when the vault locks or
        another opens: agreeing is asked again)."""
        self.act_tiles.setChecked(False)
        self.tiles.set_source(None)
        self.view.max_scale = MAX_SCALE
        if self.view.transform().m11() > MAX_SCALE:
            self.view.zoom(1.0)  # no closer than the outline allows
        self.view.viewport().update()
        self._show_summary(self.state.vault is not None)

    def _update_actions(self) -> None:
        chosen = self.view.location(self.view.chosen) is not None
        self.act_copy.setEnabled(chosen)
        self.act_open_service.setEnabled(chosen)

    # ------------------------------------------------------------------ actions
    def copy_coordinates(self) -> None:
        location = self.view.location(self.view.chosen)
        if location is not None:
            QGuiApplication.clipboard().setText(coordinates_text(location))

    def open_in_map_service(self) -> None:
        """Show the chosen point on openstreetmap.org in the browser, once the user agreed that
        this tells the service (and whoever watches the network) where the item was made."""
        location = self.view.location(self.view.chosen)
        if location is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Open in a map service?"),
                          self.tr("This opens OpenStreetMap (openstreetmap.org) in your web "
                                  "browser at %1. The service, and anyone who can watch your "
                                  "network, will learn this place. Open it?")
                          .replace("%1", coordinates_text(location)),
                          QMessageBox.StandardButton.NoButton, self)
        box.addButton(self.tr("Open the web map"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        self.consent_asked.emit(box)
        box.exec()
        if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
            return
        QDesktopServices.openUrl(QUrl(OSM_URL.format(lat=location.latitude,
                                                     lon=location.longitude)))
