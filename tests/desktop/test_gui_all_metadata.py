""""All metadata" one click away from the readable metadata: a photo chosen in the grid, the
button clicked, a tree of group → tag → value that agrees with ExifTool's own reading of the
original (``exiftool -a -G1``), a filter box and copy."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.all_metadata_window import AllMetadataWindow
from desktop.main_window import GRID
from gui_fixtures import *  # noqa: F403
from gui_fixtures import SCREENSHOTS

needs_exiftool = pytest.mark.skipif(shutil.which("exiftool") is None,
                                    reason="exiftool is the reference reader")


def _choose_in_grid(qtbot, window, name: str) -> str:  # type: ignore[no-untyped-def]
    window.set_view(GRID)
    window.items.fetch_all()
    row = next(r for r in range(window.proxy.rowCount())
               if window.proxy.index(r, 0).data() == name)
    index = window.proxy.index(row, 0)
    window.grid.scrollTo(index)
    rect = window.grid.visualRect(index)
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail.detail is not None and window.detail.detail.original_name == name
    return window.detail.item_id


def _exiftool(window, item_id: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """ExifTool's reading of the original, fed on stdin (nothing decrypted touches the disk)."""
    with window.vault.open_original(item_id) as reader:
        data = reader.read()
    out = subprocess.run(["exiftool", "-a", "-G1", "-j", "-"], input=data,  # noqa: S607
                         capture_output=True, check=True).stdout
    return {k: str(v) for k, v in json.loads(out)[0].items()}


@needs_exiftool
def test_all_metadata_opens_from_the_detail_pane_and_agrees_with_exiftool(  # type: ignore[no-untyped-def]
        qtbot, main_window) -> None:
    item_id = _choose_in_grid(qtbot, main_window, "van-at-night.jpg")
    view = main_window.detail.metadata_view
    assert view.all_button.isVisible()
    qtbot.mouseClick(view.all_button, Qt.MouseButton.LeftButton)
    window = view.all_window
    assert isinstance(window, AllMetadataWindow) and window.isVisible()
    shown = {(g, t): v for g, t, v in window.shown_rows()}
    reference = _exiftool(main_window, item_id)
    for group, tag in (("IFD0", "Make"), ("IFD0", "Model"), ("ExifIFD", "DateTimeOriginal"),
                       ("ExifIFD", "OffsetTimeOriginal")):
        assert shown[(group, tag)] == reference[f"{group}:{tag}"]
    assert {g for g, _t in shown} >= {"IFD0", "ExifIFD", "GPS"}
    assert "4 groups" in window.summary.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "8-all-metadata.png"))

    # the filter keeps the matching tags with their group, by name or by value
    qtbot.keyClicks(window.filter, "model")
    assert window.shown_rows() == [("IFD0", "Model", "Demo 12")]
    window.filter.clear()
    qtbot.keyClicks(window.filter, "demophone")
    assert window.shown_rows() == [("IFD0", "Make", "DemoPhone")]

    # copy: what is shown when nothing is selected, else the selection
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "[IFD0] Make: DemoPhone"
    window.filter.clear()
    group = next(r for r in range(window.proxy.rowCount())
                 if window.proxy.index(r, 0).data() == "GPS")
    gps = window.proxy.index(group, 0)
    window.tree.scrollTo(gps)
    rect = window.tree.visualRect(gps)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied and all(line.startswith("[GPS] ") for line in copied)
    assert f"[GPS] GPSLatitudeRef: {shown[('GPS', 'GPSLatitudeRef')]}" in copied
    assert len(copied) == len([key for key in reference if key.startswith("GPS:")])
    qtbot.keyRelease(window.tree, Qt.Key.Key_Control)
    window.close()


def test_an_item_without_tags_says_so(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    _choose_in_grid(qtbot, main_window, "kuali-kk.txt")
    view = main_window.detail.metadata_view
    assert main_window.detail.meta_box.isVisible() and view.all_button.isVisible()
    qtbot.mouseClick(view.all_button, Qt.MouseButton.LeftButton)
    window = view.all_window
    assert window.shown_rows() == []
    assert window.summary.text() == "The readers found no tags in this file."


def test_nothing_selected_offers_no_all_metadata(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.detail.clear()
    assert not main_window.detail.metadata_view.all_button.isVisibleTo(main_window.detail)
