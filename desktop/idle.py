"""Auto-lock: watches for keyboard and mouse input anywhere in the app and says when none came
for the chosen time. Time is read from a clock it is given (monotonic by default), checked a
few times a second, so a busy or suspended machine cannot stretch or shrink the wait."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}
CHECK_MS = 250

Clock = Callable[[], float]  # seconds, only ever compared with itself


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None, clock: Clock = time.monotonic,
                 check_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.clock = clock
        self._limit: float | None = None
        self._last_input = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)

    def start(self, milliseconds: int) -> None:
        """Say ``idle`` once no input came for this long (0 or less: never)."""
        if milliseconds <= 0:
            self.stop()
            return
        self._limit = milliseconds / 1000
        self._last_input = self.clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._limit = None

    def active(self) -> bool:
        return self._limit is not None

    def check(self) -> None:
        """Run by the timer: say ``idle`` (once) if the time is up."""
        if self._limit is not None and self.clock() - self._last_input >= self._limit:
            self.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT and self._limit is not None:
            self._last_input = self.clock()  # starts the wait again
        return False
