"""Pictures of the main states for people to look at: build/screenshots/*.png."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop.main_window import GRID, TABLE
from gui_fixtures import *  # noqa: F403
from gui_fixtures import SCREENSHOTS


def _save(widget, name: str) -> QImage:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # let pending layouts settle before the picture
        QApplication.processEvents()
    image = widget.grab().toImage()
    assert image.save(str(SCREENSHOTS / f"{name}.png"))
    assert image.width() > 300 and image.height() > 200
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17)
               for y in range(0, image.height(), 17)}
    assert len(colours) > 2  # something was drawn, not an empty window
    return image


def test_screenshots_of_the_main_states(qtbot, controller, demo_path) -> None:  # type: ignore[no-untyped-def]
    controller.start.resize(900, 520)
    controller.start.show()
    controller.start.choose(demo_path, "Demo vault (made-up evidence)")
    _save(controller.start, "1-start-window")
    from gui_fixtures import unlock
    main = unlock(qtbot, controller, demo_path)
    main.resize(1400, 860)
    main.set_view(GRID)
    qtbot.waitUntil(lambda: main.thumbnails.cached_count() >= 5, timeout=10000)
    main.grid.setCurrentIndex(main.proxy.index(0, 0))
    _save(main, "2-grid-and-detail")
    main.set_view(TABLE)
    _save(main, "3-table")
    main.search_field.setText("паспорт OR pasportimni")
    with qtbot.waitSignal(main.search_panel.shown, timeout=20000):
        main.run_search()
    _save(main, "4-search-results")
    photo = next(s.id for s in main.vault.items() if s.original_name == "van-at-night.jpg")
    viewer = main.open_item(photo)
    qtbot.addWidget(viewer)
    viewer.resize(900, 650)
    _save(viewer, "5-photo-viewer")
    viewer.close()
    main.search_panel.activate_row(0)
    viewer = main.viewers[-1]
    qtbot.addWidget(viewer)
    _save(viewer, "6-transcript-with-recording")
    viewer.close()
