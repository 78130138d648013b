"""The map of where the evidence was made: drawn from bundled data only (no connection is
opened), points from the catalog's GPS, a click selects the item, coordinates copied as the
file says, and a web map opened only after the user agreed."""

from __future__ import annotations

import fnmatch
import json
import socket
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

import fixtures
from archive import Vault
from desktop.main_window import MAP
from desktop.map_view import land_rings
from gui_fixtures import *  # noqa: F403
from gui_fixtures import PASSPHRASE, unlock

ROOT = Path(__file__).resolve().parents[2]
LISBON = (38.7139, -9.1394)


class UrlRecorder(QObject):
    """Stands in for the web browser: Qt hands it the URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def places_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, Path]]:
    """A vault with a photo taken in Moscow, one in Lisbon and one without GPS."""
    folder = tmp_path / "photos"
    folder.mkdir()
    files = {"moscow.jpg": fixtures.jpeg(folder / "moscow.jpg", seed=1),
             "no-gps.jpg": fixtures.jpeg(folder / "no-gps.jpg", gps=False, seed=2)}
    monkeypatch.setattr(fixtures, "GPS_LAT", LISBON[0])
    monkeypatch.setattr(fixtures, "GPS_LON", LISBON[1])
    files["lisbon.jpg"] = fixtures.jpeg(folder / "lisbon.jpg", seed=3)
    vault, _key = Vault.create(tmp_path / "vault", PASSPHRASE)
    vault.import_paths([folder])
    vault.lock()
    return tmp_path / "vault", files


def exiftool_position(path: Path) -> tuple[float, float]:
    out = subprocess.run(["exiftool", "-json", "-n", "-GPSLatitude", "-GPSLongitude", str(path)],  # noqa: S603,S607
                         check=True, capture_output=True, text=True).stdout
    tags = json.loads(out)[0]
    return float(tags["GPSLatitude"]), float(tags["GPSLongitude"])


def _answer(panel, accept: bool) -> None:  # type: ignore[no-untyped-def]
    def answer(box: QMessageBox) -> None:
        def click() -> None:
            for button in box.buttons():
                role = box.buttonRole(button)
                if (role == QMessageBox.ButtonRole.AcceptRole) == accept:
                    button.click()
                    return
        QTimer.singleShot(0, click)
    panel.consent_asked.connect(answer)
    return answer  # type: ignore[return-value]


def test_the_map_draws_bundled_data_and_a_click_selects_the_item(  # type: ignore[no-untyped-def]
        qtbot, controller, places_vault, monkeypatch) -> None:
    path, files = places_vault
    main = unlock(qtbot, controller, path)
    main.resize(1200, 800)
    main.show()
    attempts: list[object] = []

    def no_connection(sock: socket.socket, address: object) -> None:
        attempts.append(address)
        raise AssertionError("the map must not open a connection")

    monkeypatch.setattr(socket.socket, "connect", no_connection)
    monkeypatch.setattr(socket.socket, "connect_ex", no_connection)
    main.act_map.trigger()
    panel = main.map_panel
    assert main.stack.currentWidget() is panel
    qtbot.waitUntil(lambda: len(panel.view.locations()) == 2, timeout=5000)
    ids = {s.original_name: s.id for s in main.vault.items()}
    by_id = {loc.id: loc for loc in panel.view.locations()}
    assert set(by_id) == {ids["moscow.jpg"], ids["lisbon.jpg"]}  # no point for no-gps.jpg
    for name in ("moscow.jpg", "lisbon.jpg"):
        lat, lon = exiftool_position(files[name])
        assert by_id[ids[name]].latitude == pytest.approx(lat, abs=1e-5)
        assert by_id[ids[name]].longitude == pytest.approx(lon, abs=1e-5)
    assert not panel.act_copy.isEnabled()

    lisbon = ids["lisbon.jpg"]
    spot = panel.view.point_position(lisbon).toPoint()
    assert panel.view.viewport().rect().contains(spot)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert main.detail.item_id == lisbon
    assert main.detail.title.text() == "lisbon.jpg"
    assert main.state.selection == [lisbon]
    assert panel.act_copy.isEnabled()

    panel.act_copy.trigger()
    copied = QGuiApplication.clipboard().text()
    lat, lon = exiftool_position(files["lisbon.jpg"])
    assert [float(v) for v in copied.split(",")] == [pytest.approx(lat, abs=1e-5),
                                                     pytest.approx(lon, abs=1e-5)]

    browser = UrlRecorder()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        declined = _answer(panel, accept=False)
        panel.act_open_service.trigger()
        assert browser.urls == []  # refused: nothing leaves
        panel.consent_asked.disconnect(declined)
        _answer(panel, accept=True)
        panel.act_open_service.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert len(browser.urls) == 1
    url = browser.urls[0]
    assert url.host() == "www.openstreetmap.org"
    assert f"mlat={lat:.6f}" in url.query() and f"mlon={lon:.6f}" in url.query()
    assert attempts == []


def test_the_map_zooms_pans_and_follows_the_view(qtbot, main_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(socket.socket, "connect", lambda *_a: pytest.fail("connection"))
    main_window.resize(1200, 800)
    main_window.show()
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.stack.currentIndex() == MAP
    view = main_window.map_panel.view
    qtbot.waitUntil(lambda: len(view.locations()) >= 4, timeout=5000)  # the demo photos (+video)
    located = {s.id for s in main_window.vault.items() if s.has_location}
    assert {loc.id for loc in view.locations()} == located
    scale = view.transform().m11()
    main_window.map_panel.act_zoom_in.trigger()
    assert view.transform().m11() > scale
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.transform().m11() < scale
    centre = view.mapToScene(view.viewport().rect().center())
    start = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(0, 60))
    qtbot.mouseMove(view.viewport(), start + QPoint(80, 70))
    qtbot.mouseMove(view.viewport(), start + QPoint(160, 80))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(160, 80))
    assert view.mapToScene(view.viewport().rect().center()).x() < centre.x()  # dragged east
    main_window.map_panel.act_world.trigger()
    world = view.mapToScene(view.viewport().rect()).boundingRect()
    assert world.width() >= 359  # the whole world is in sight
    # a view without located items shows none
    row = next(r for r in range(main_window.sidebar_model.rowCount())
               if main_window.sidebar_model.entry(r).label == main_window.tr("Audio"))
    main_window.sidebar.setCurrentIndex(main_window.sidebar_model.index(row, 0))
    assert view.locations() == []
    assert main_window.stack.currentIndex() == MAP


def test_the_land_outlines_are_bundled_as_package_data() -> None:
    rings = land_rings()
    assert len(rings) > 100
    for ring in rings:  # rings crossing the antimeridian run on past +-180, never a lap more
        assert all(-90 <= lat <= 90 for _lon, lat in ring)
        assert all(-540 <= lon <= 540 for lon, _lat in ring)
        assert any(-180 <= lon <= 180 for lon, _lat in ring)
    data = resources.files("desktop").joinpath("resources", "land-110m.json")
    assert "public domain" in json.loads(data.read_text("ascii"))["source"]
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())[
        "tool"]["setuptools"]["package-data"]["desktop"]
    assert any(fnmatch.fnmatch("resources/land-110m.json", glob) for glob in package_data)
