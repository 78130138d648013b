"""What a user does with the mouse and keyboard in the GUI tests: click rows (with Ctrl for
more), open a context menu with a right click and choose from it, drag chosen items onto another
widget, type an answer into a dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)


def row_centre(view: QAbstractItemView, row: int) -> QPoint:
    return view.visualRect(view.model().index(row, 0)).center()


def click_rows(qtbot, view: QAbstractItemView, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Click the first row, then Ctrl+click the others (extended selection)."""
    for n, row in enumerate(rows):
        view.scrollTo(view.model().index(row, 0))
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                         row_centre(view, row))


def answer(kind: type, then: Callable[[QWidget], None]) -> dict[str, object]:
    """When a top-level widget of ``kind`` shows, do ``then`` to it."""
    seen: dict[str, object] = {}

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                seen["widget"] = widget
                then(widget)
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return seen


def type_and_enter(qtbot, text: str) -> Callable[[QWidget], None]:  # type: ignore[no-untyped-def]
    """Type ``text`` into a dialog's text box (replacing what it holds) and confirm it."""
    def go(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit) or dialog.findChild(QPlainTextEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        if isinstance(edit, QLineEdit):
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        else:
            dialog.accept()  # a multi-line box takes Return as a new line: OK is clicked
    return go


def menu_texts(menu: QMenu) -> list[str]:
    return [menu_texts_of(a) for a in menu.actions() if not a.isSeparator()]


def right_click(view: QAbstractItemView, pos: QPoint, choose: list[str],
                look_at: Callable[[QMenu], None] | None = None) -> list[str]:
    """Right-click ``view`` at ``pos`` (viewport coordinates) and choose ``choose`` from the
    menu that comes up (a path through sub-menus, by the entries' texts without "&").
    Returns the texts of the menu's entries."""
    shown: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        shown.extend(menu_texts(menu))
        if look_at is not None:
            look_at(menu)
        if not choose:  # looked at only: closed as with Escape
            menu.close()
            return
        top, current = menu, menu
        action = None
        for text in choose:
            action = next(a for a in current.actions() if menu_texts_of(a) == text)
            if action.menu() is not None:
                current = action.menu()
        assert action is not None and action.isEnabled(), choose
        top.close()
        action.trigger()

    QTimer.singleShot(0, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                              view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return shown


def menu_texts_of(action) -> str:  # type: ignore[no-untyped-def]
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def drag_selection(source: QAbstractItemView, target: QAbstractItemView, row: int,
                   modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
                   ) -> QDropEvent:
    """Drag what is selected in ``source`` (the mime data its model makes for the selected
    rows, with the actions it supports) onto ``row`` of ``target``: enter, move, drop."""
    model = source.model()
    indexes = source.selectionModel().selectedIndexes()
    data = model.mimeData(indexes)
    actions = model.supportedDragActions()
    pos = row_centre(target, row)
    viewport = target.viewport()
    buttons = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(pos, actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos, actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(pos), actions, data, buttons, modifiers)
    if move.isAccepted():
        QApplication.sendEvent(viewport, drop)
    return drop


def drop_files(target: QAbstractItemView, row: int, paths: list[Path]) -> QDropEvent:
    """Drag files from outside the app onto ``row`` of ``target``: enter, move, drop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = row_centre(target, row)
    copy, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target.viewport(), QDragEnterEvent(pos, copy, data, buttons, none))
    QApplication.sendEvent(target.viewport(), QDragMoveEvent(pos, copy, data, buttons, none))
    drop = QDropEvent(QPointF(pos), copy, data, buttons, none)
    QApplication.sendEvent(target.viewport(), drop)
    return drop
