"""The Qt bindings keep Python's reference counts: a long session calls void methods millions of
times, and a binding that drops a reference each time ends the app with a fatal error."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

from gui_fixtures import *  # noqa: F403


def test_void_calls_and_event_filters_keep_reference_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.idle import IdleWatcher

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    watcher = IdleWatcher()
    widget.installEventFilter(watcher)
    watcher.start(60_000)
    before = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    for _ in range(5000):
        widget.update()
        widget.setEnabled(True)
    qtbot.wait(50)
    after = sys.getrefcount(None), sys.getrefcount(False), sys.getrefcount(True)
    assert all(a - b > -100 for a, b in zip(after, before, strict=True)), (before, after)
