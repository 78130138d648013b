"""Long work off the UI thread: a plain function run on a QThreadPool; its progress, partial
results, result and error reach the UI thread as signals. Workers never touch a widget, and never
emit a signal themselves: they put messages in their task's outbox, and the runner, on the UI
thread, hands them on. (Emitting from pool threads by the thousand upset the bindings' reference
counting under load.)"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)
POLL_MS = 15


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)  # a piece of the result, sent while the work goes on
    done = Signal(object)
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """Runs ``work(task)``; the work reports through :meth:`report` and :meth:`send`, and polls
    :meth:`cancelled`."""

    def __init__(self, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._work = work
        self._cancel = threading.Event()
        self._outbox: deque[tuple[str, tuple[Any, ...]]] = deque()
        self.finished = threading.Event()

    def report(self, done: int, total: int, message: str) -> None:
        self._outbox.append(("progress", (done, total, message)))

    def send(self, piece: object) -> None:
        self._outbox.append(("partial", (piece,)))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        # ``finished`` is set when the outcome is in the outbox, so a slot that receives it
        # already sees this task as ended.
        try:
            result = self._work(self)
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread as a message
            log.info("background task ended with %s", type(exc).__name__)
            self._outbox.append(("failed", (exc,)))
        else:
            self._outbox.append(("done", (result,)))
        finally:
            self.finished.set()

    def deliver(self) -> bool:
        """On the UI thread: emit what the work sent; True once the outcome was emitted."""
        while self._outbox:
            kind, args = self._outbox.popleft()
            getattr(self.signals, kind).emit(*args)
            if kind in ("done", "failed"):
                return True
        return False


class TaskRunner(QObject):
    """Starts tasks, hands their messages to the UI thread, keeps them alive until they end;
    ``stop_all`` cancels and waits."""

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: list[Task] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.deliver)

    def start(self, work: Callable[[Task], Any], *,
              done: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None,
              progress: Callable[[int, int, str], None] | None = None,
              partial: Callable[[Any], None] | None = None) -> Task:
        task = Task(work)
        for signal, slot in ((task.signals.progress, progress), (task.signals.partial, partial),
                             (task.signals.done, done), (task.signals.failed, failed)):
            if slot is not None:
                signal.connect(slot)
        self._running.append(task)
        self._pool.start(task)
        self._timer.start()
        return task

    def deliver(self) -> None:
        for task in list(self._running):
            if task.deliver():
                self._running.remove(task)
        if not self._running:
            self._timer.stop()

    def busy(self) -> bool:
        return any(not t.finished.is_set() for t in self._running)

    def stop_all(self, timeout_ms: int = 30000) -> bool:
        """Cancel every task and wait for them; True when all ended in time. Their outcomes
        are still handed on afterwards (slots check whether the vault is still open)."""
        for task in list(self._running):
            task.cancel()
        return self._pool.waitForDone(timeout_ms)
