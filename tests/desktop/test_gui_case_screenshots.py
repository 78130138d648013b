"""Pictures of case work for people to look at (build/screenshots/*.png): the Case menu, the
context menus of the sidebar and the grid, the delete and link dialogs, and the window with
its cases and a transcript's link in the detail pane."""

from __future__ import annotations

from gui_gestures import answer, click_rows, right_click, row_centre
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from archive.demo import DEMO_CASE
from desktop.delete_dialog import DeleteItemsDialog
from desktop.link_dialog import LinkRecordingDialog
from desktop.main_window import GRID
from gui_fixtures import *  # noqa: F403
from gui_fixtures import SCREENSHOTS


def _picture(widget: QWidget, name: str, least: tuple[int, int] = (300, 200)) -> QImage:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # let pending layouts settle before the picture
        QApplication.processEvents()
    image = widget.grab().toImage()
    assert image.save(str(SCREENSHOTS / f"{name}.png"))
    assert image.width() > least[0] and image.height() > least[1]
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 2  # something was drawn
    return image


def _row_named(window, name: str) -> int:  # type: ignore[no-untyped-def]
    window.items.fetch_all()
    return next(r for r in range(window.proxy.rowCount())
                if window.proxy.index(r, 0).data() == name)


def test_screenshots_of_case_work(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    w.resize(1400, 860)
    w.vault.create_case("Van at night", "the van seen by the neighbour")
    w.reload_sidebar()
    w.sidebar.setCurrentIndex(w.sidebar_model.index(w.sidebar_model.row_of_case(DEMO_CASE), 0))
    w.set_view(GRID)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8 and w.thumbnails.cached_count() >= 4,
                    timeout=10000)

    # the Case menu, opened from the menu bar
    case_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Case")
    case_menu.popup(w.mapToGlobal(w.menuBar().geometry().bottomLeft()))
    qtbot.waitUntil(case_menu.isVisible, timeout=5000)
    _picture(case_menu, "7-case-menu", (100, 80))
    case_menu.close()

    # the sidebar's menu on a case, and the grid's on two chosen items
    van = w.sidebar_model.row_of_case("Van at night")
    right_click(w.sidebar, row_centre(w.sidebar, van), [],
                lambda menu: _picture(menu, "8-case-context-menu", (100, 60)))
    click_rows(qtbot, w.grid, [0, 1])

    def with_cases_open(menu: QMenu) -> None:
        add = next(a for a in menu.actions() if a.menu() is not None)
        menu.setActiveAction(add)
        add.menu().popup(menu.mapToGlobal(menu.actionGeometry(add).topRight()))
        qtbot.waitUntil(add.menu().isVisible, timeout=5000)
        _picture(menu, "9-item-context-menu", (100, 100))
        _picture(add.menu(), "9-item-context-menu-add-to-case", (100, 40))

    right_click(w.grid, row_centre(w.grid, 1), [], with_cases_open)

    # the delete dialog with the reason typed
    def delete_picture(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.reason, "copies made by the phone")
        _picture(dialog, "10-delete-dialog", (300, 150))
        dialog.reject()

    answer(DeleteItemsDialog, delete_picture)
    w.case_menus.act_delete_items.trigger()

    # the link dialog, narrowed by the filter, then the window with the link shown
    click_rows(qtbot, w.grid, [_row_named(w, "interview-7.srt")])

    def link_picture(dialog) -> None:  # type: ignore[no-untyped-def]
        _picture(dialog, "11-link-dialog")
        qtbot.keyClicks(dialog.filter, "court")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer(LinkRecordingDialog, link_picture)
    w.case_menus.act_link.trigger()
    assert len(w.vault.linked_items(w.selected_ids()[0])) == 1
    w.detail.verticalScrollBar().setValue(0)
    _picture(w, "12-cases-and-a-link-in-the-detail-pane")
