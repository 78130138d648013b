"""Pictures of the map and of the fixed view states for people to look at:
build/screenshots/map-*.png and view-*.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_gui_screenshots import _save

import fixtures
from archive import Vault
from desktop.controller import AppController
from desktop.items_model import NAME
from gui_fixtures import *  # noqa: F403
from gui_fixtures import PASSPHRASE, create_through_dialog, unlock


def _row(window, label: str) -> int:  # type: ignore[no-untyped-def]
    model = window.sidebar_model
    return next(r for r in range(model.rowCount()) if model.entry(r).label == label)


def test_screenshots_of_the_map(qtbot, controller, demo_path) -> None:  # type: ignore[no-untyped-def]
    main = unlock(qtbot, controller, demo_path)
    main.resize(1400, 860)
    main.show()
    main.act_map.trigger()
    view = main.map_panel.view
    qtbot.waitUntil(lambda: len(view.locations()) >= 4, timeout=5000)
    van = next(s.id for s in main.vault.items() if s.original_name == "van-at-night.jpg")
    (_ids, group), = view.groups()  # all close together: one marker with their count
    _save(main, "map-0-close-points-as-one-marker")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=group.toPoint())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.point_position(van).toPoint())
    assert main.detail.item_id == van
    _save(main, "map-1-points-and-detail")
    main.map_panel.act_world.trigger()
    _save(main, "map-2-whole-world")
    for _ in range(3):
        main.map_panel.act_zoom_in.trigger()
    _save(main.map_panel, "map-3-zoomed")


def test_screenshots_of_the_fixed_views(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for parent in ("office", "backup"):
        (tmp_path / parent).mkdir()
        Vault.create(tmp_path / parent / "vault", PASSPHRASE)[0].lock()
        settings.add_recent(tmp_path / parent / "vault")
    controller = AppController(settings)
    qtbot.addWidget(controller.start)
    try:
        controller.start.resize(900, 520)
        controller.start.show()
        _save(controller.start, "view-1-recent-vaults-apart")
        create_through_dialog(qtbot, controller, tmp_path / "new")
        main = controller.main
        qtbot.addWidget(main)
        main.resize(1200, 760)
        main.act_grid.trigger()
        _save(main, "view-2-empty-vault-hint")
        folder = tmp_path / "evidence"
        folder.mkdir()
        fixtures.jpeg(folder / "shop-front.jpg")
        fixtures.compressed_audio(folder / "interview-2024-03-11-witness-B-session-2.mp3",
                                  title="Interview 7", seconds=2.0)
        fixtures.wav(folder / "interview-2024-03-11-witness-A.wav", seconds=12.0)
        fixtures.mp4(folder / "courtyard.mp4")
        note = folder / "second-sighting.txt"
        note.write_text("The van was seen again near the market.", encoding="utf-8")
        with qtbot.waitSignal(main.import_finished, timeout=60000):
            main.import_paths([str(folder)], "Market")
        main.reload_sidebar()
        qtbot.waitUntil(lambda: main.items.rowCount() == 5, timeout=5000)
        qtbot.waitUntil(lambda: main.thumbnails.cached_count() >= 2, timeout=10000)
        _save(main, "view-3-nothing-selected-and-cases-heading")
        _save(main.grid, "view-4-recording-tiles")
        main.act_table.trigger()
        main.table.selectRow(1)
        _save(main, "view-5-table-names")
        main.sidebar.setCurrentIndex(main.sidebar_model.index(_row(main, "Market"), 0))
        main.search_field.setText("van OR interview")
        with qtbot.waitSignal(main.search_panel.shown, timeout=20000):  # on a task thread
            main.run_search()
        _save(main, "view-6-search-in-case-detail-follows")
        assert main.detail.item_id == main.search_panel.model.hit(0).id
        assert main.proxy.index(0, NAME).isValid()
    finally:
        controller.shutdown()
        if controller.main is not None:
            controller.main.close()
