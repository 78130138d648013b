"""Background tiles from a server, through the map's tiles switch and the consent dialog: no
request before the user agreed nor after a refusal, none to a server a redirect points to,
tiles drawn under the points once agreed, kept in memory only (nothing written to disk),
forgotten when turned off or when the vault locks. The tile server is a real HTTP server
started by the test on its own port."""

from __future__ import annotations

import io
import re
import secrets
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from gui_gestures import answer
from PIL import Image, PngImagePlugin
from PySide6.QtGui import QColor
from test_gui_screenshots import _save

from desktop.map_view import POINT
from desktop.preferences_dialog import PreferencesDialog
from desktop.tile_consent import TileConsentDialog
from gui_fixtures import *  # noqa: F403
from gui_fixtures import unlock

TILE_COLOUR = (226, 214, 246)


class TileServer:
    """Answers every /z/x/y.png with a plain lavender tile carrying a random marker; records what it
    was asked, with the headers."""

    def __init__(self, redirect_to: str | None = None) -> None:
        """``redirect_to``: a tile template elsewhere every request is sent on to (302)."""
        self.marker = secrets.token_hex(16)
        self.requests: list[tuple[str, dict[str, str]]] = []
        info = PngImagePlugin.PngInfo()
        info.add_text("marker", self.marker)
        out = io.BytesIO()
        Image.new("RGB", (256, 256), TILE_COLOUR).save(out, "PNG", pnginfo=info)
        self.tile = out.getvalue()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, dict(self.headers.items())))
                if not re.fullmatch(r"/\d+/\d+/\d+\.png", self.path):
                    self.send_error(404)
                    return
                if redirect_to is not None:
                    self.send_response(302)
                    self.send_header("Location", redirect_to.split("/{z}")[0] + self.path)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(server.tile)))
                self.send_header("Set-Cookie", "tracker=1")
                self.send_header("Cache-Control", "public, max-age=604800")
                self.end_headers()
                self.wfile.write(server.tile)

            def log_message(self, *_args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.template = f"http://127.0.0.1:{self.http.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def tile_server() -> Iterator[TileServer]:
    server = TileServer()
    yield server
    server.close()


@pytest.fixture
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Home, cache, data and temp folders inside the test's folder: whatever the app might
    write there is seen."""
    home = tmp_path / "home"
    for name, sub in (("HOME", ""), ("XDG_CACHE_HOME", ".cache"), ("XDG_DATA_HOME", ".local"),
                      ("XDG_CONFIG_HOME", ".config"), ("TMPDIR", "tmp")):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    return home


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _open_map(qtbot, controller, demo_path):  # type: ignore[no-untyped-def]
    main = unlock(qtbot, controller, demo_path)
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    main.act_map.trigger()
    panel = main.map_panel
    qtbot.waitUntil(lambda: len(panel.view.locations()) >= 4, timeout=5000)
    return main, panel


def _settle(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    """Paint the map a few times, with time for any request to reach the server."""
    for _ in range(4):
        panel.view.viewport().repaint()
        panel.view.viewport().grab()
        qtbot.wait(100)


def test_no_tile_is_asked_for_before_consent_nor_after_a_refusal(  # type: ignore[no-untyped-def]
        qtbot, controller, settings, demo_path, tile_server) -> None:
    settings.map_tile_url = tile_server.template  # agreed in an earlier session: not enough
    main, panel = _open_map(qtbot, controller, demo_path)
    panel.act_world.trigger()
    _settle(qtbot, panel)
    assert tile_server.requests == []
    assert not panel.act_tiles.isChecked()
    assert "no map service is contacted" in panel.summary.text()

    seen: dict[str, object] = {}

    def refuse_with_return(dialog: TileConsentDialog) -> None:
        seen["template"] = dialog.template.text()
        seen["text"] = dialog.warning.text()
        qtbot.keyClick(dialog.template, "\r")  # the default answer keeps the map offline

    answer(TileConsentDialog, refuse_with_return)
    panel.act_tiles.trigger()
    assert seen["template"] == tile_server.template
    text = str(seen["text"])
    assert "127.0.0.1" in text and "network address (IP)" in text and "area" in text
    assert "not encrypted" in text  # http
    assert not panel.act_tiles.isChecked()
    _settle(qtbot, panel)
    assert tile_server.requests == []

    answer(TileConsentDialog, lambda dialog: dialog.offline_button.click())
    panel.act_tiles.trigger()
    _settle(qtbot, panel)
    assert tile_server.requests == [] and panel.tiles.kept_count() == 0

    def unusable(dialog: TileConsentDialog) -> None:  # no {z}/{x}/{y}: cannot be agreed to
        dialog.template.setText("http://127.0.0.1/tiles.png")
        seen["load_enabled"] = dialog.load_button.isEnabled()
        dialog.load_button.click()
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    answer(TileConsentDialog, unusable)
    panel.act_tiles.trigger()
    assert seen["load_enabled"] is False and seen["still_open"] is True
    _settle(qtbot, panel)
    assert tile_server.requests == []
    assert settings.map_tile_url == tile_server.template  # a refusal changes no setting


def test_tiles_after_consent_drawn_under_the_points_and_kept_in_memory_only(  # type: ignore[no-untyped-def]
        qtbot, controller, settings, demo_path, tile_server, own_home, tmp_path) -> None:
    main, panel = _open_map(qtbot, controller, demo_path)
    view = panel.view
    before = _files(tmp_path)

    def agree(dialog: TileConsentDialog) -> None:
        dialog.template.setText(tile_server.template)
        try:
            dialog.resize(640, 320)
            _save(dialog, "map-4-tile-server-consent")
        finally:
            dialog.load_button.click()

    answer(TileConsentDialog, agree)
    panel.act_tiles.trigger()
    assert panel.act_tiles.isChecked()
    assert "127.0.0.1" in panel.summary.text()
    # whom the tiles belong to is said while they are shown (tile servers ask for it)
    assert "belong to 127.0.0.1" in panel.summary.text()
    assert "OpenStreetMap contributors" in panel._attribution("tile.openstreetmap.org")  # noqa: SLF001
    qtbot.waitUntil(lambda: panel.tiles.kept_count() >= 1, timeout=10000)
    _settle(qtbot, panel)
    paths = [path for path, _headers in tile_server.requests]
    assert paths and all(re.fullmatch(r"/\d+/\d+/\d+\.png", p) for p in paths)
    for _path, headers in tile_server.requests:
        assert "Cookie" not in headers and "Referer" not in headers  # the cookie went unsaved
        assert headers["User-Agent"].startswith("Strongroom")

    image = view.viewport().grab().toImage()
    corner = image.pixelColor(5, 5)  # water and land alike are covered by the tile
    assert (corner.red(), corner.green(), corner.blue()) == TILE_COLOUR
    groups = view.groups()
    assert groups  # the demo's photos are close together: one marker with their count
    spot = groups[0][1].toPoint()
    drawn = image.pixelColor(spot.x() - 8, spot.y())  # the marker's disc, beside its number
    assert drawn.rgb() != QColor(*TILE_COLOUR).rgb()  # the points are drawn over the tiles
    assert drawn.red() > 150 and drawn.green() < 100 and POINT.red() > 150

    _save(main, "map-5-background-tiles-under-the-points")
    count = len(tile_server.requests)
    for _ in range(4):  # a closer look (over twice as close) asks for closer tiles
        main.map_panel.act_zoom_in.trigger()
    _settle(qtbot, panel)
    qtbot.waitUntil(lambda: len(tile_server.requests) > count, timeout=10000)

    # nothing written: only the app's settings file changed (the server's address)
    after = _files(tmp_path)
    changed = {p for p in after if before.get(p) != after[p]}
    assert changed <= {tmp_path / "settings.ini"}
    marker = tile_server.marker.encode()
    assert not any(marker in data or tile_server.tile[:64] in data for data in after.values())
    assert settings.map_tile_url == tile_server.template

    # turned off: no tile kept, no further request
    panel.act_tiles.trigger()
    assert not panel.act_tiles.isChecked() and panel.tiles.kept_count() == 0
    assert "belong to" not in panel.summary.text()
    count = len(tile_server.requests)
    panel.act_world.trigger()
    _settle(qtbot, panel)
    assert len(tile_server.requests) == count
    corner = view.viewport().grab().toImage().pixelColor(5, 5)
    assert (corner.red(), corner.green(), corner.blue()) != TILE_COLOUR  # the outline again

    # agreed again, then the vault locks: the tiles are forgotten and asked for no more
    answer(TileConsentDialog, lambda dialog: dialog.load_button.click())
    panel.act_tiles.trigger()
    qtbot.waitUntil(lambda: panel.tiles.kept_count() >= 1, timeout=10000)
    main.act_lock.trigger()
    qtbot.waitUntil(lambda: main.state.vault is None, timeout=10000)
    assert panel.tiles.kept_count() == 0 and panel.tiles.source is None
    assert not panel.act_tiles.isChecked()


def test_a_redirect_to_another_server_is_not_followed(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path) -> None:
    elsewhere = TileServer()
    agreed = TileServer(redirect_to=elsewhere.template)
    try:
        _main, panel = _open_map(qtbot, controller, demo_path)

        def agree(dialog: TileConsentDialog) -> None:
            dialog.template.setText(agreed.template)
            dialog.load_button.click()

        answer(TileConsentDialog, agree)
        panel.act_tiles.trigger()
        qtbot.waitUntil(lambda: len(agreed.requests) >= 1, timeout=10000)
        _settle(qtbot, panel)
        assert elsewhere.requests == [] and panel.tiles.kept_count() == 0
    finally:
        agreed.close()
        elsewhere.close()


def test_the_remembered_tile_server_is_forgotten_in_preferences(  # type: ignore[no-untyped-def]
        qtbot, main_window, settings, tmp_path) -> None:
    settings.map_tile_url = "https://tiles.example.org/{z}/{x}/{y}.png"
    seen: dict[str, object] = {}

    def forget(dialog: PreferencesDialog) -> None:
        seen["shown"] = dialog.tile_url.text()
        dialog.tile_url.clear()
        dialog.accept()

    answer(PreferencesDialog, forget)
    main_window.act_prefs.trigger()
    assert seen["shown"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert settings.map_tile_url == ""
    settings.sync()
    assert "tiles.example.org" not in (tmp_path / "settings.ini").read_text()
