"""The map page: the items of the current view that have a position, a toolbar to zoom, copy a
point's coordinates, or show it in a web map after asking (that reveals the place to the
service). Reads the catalog through ``Vault.item_locations``; changes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QToolBar, QVBoxLayout, QWidget

from archive import StrongroomError

from .error_messages import full_message
from .map_view import ZOOM_STEP, MapView

if TYPE_CHECKING:
    from archive.catalog.locations import ItemLocation

    from .app_state import AppState

OSM_URL = "https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=16/{lat:.6f}/{lon:.6f}"


def coordinates_text(location: ItemLocation) -> str:
    return f"{location.latitude:.6f}, {location.longitude:.6f}"


class MapPanel(QWidget):
    item_chosen = Signal(str)  # a point was clicked: select that item
    consent_asked = Signal(object)  # the QMessageBox about to ask before a web map opens

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.view = MapView(self)
        self.view.point_chosen.connect(self._point_chosen)
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
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._stale = True
        state.scope_changed.connect(self._scope_changed)
        state.vault_changed.connect(self._scope_changed)
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
        if locations:
            self.summary.setText(self.tr("%1 item(s) with a location. Drag to move, wheel or "
                                         "+/− to zoom, click a point to select its item. "
                                         "Drawn offline: no map service is contacted.")
                                 .replace("%1", str(len(locations))))
        elif vault is not None:
            self.summary.setText(self.tr("No item in this view has a location."))
        self._update_actions()

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

    def _point_chosen(self, item_id: str) -> None:
        self._update_actions()
        self.item_chosen.emit(item_id)

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
