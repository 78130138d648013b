"""Long work off the UI thread: a plain function run on a QThreadPool, its progress, result and
error sent back by signal. Workers never touch a widget."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)  # a piece of the result, sent while the work goes on
    done = Signal(object)
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """Runs ``work(task)``; the work reports through :meth:`report` and polls :meth:`cancelled`."""

    def __init__(self, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._work = work
        self._cancel = threading.Event()
        self.finished = threading.Event()

    def report(self, done: int, total: int, message: str) -> None:
        self.signals.progress.emit(done, total, message)

    def send(self, piece: object) -> None:
        self.signals.partial.emit(piece)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        # ``finished`` is set before the result is sent, so a slot that receives it already
        # sees this task as ended.
        try:
            result = self._work(self)
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread as a message
            log.info("background task ended with %s", type(exc).__name__)
            self.finished.set()
            self.signals.failed.emit(exc)
        except BaseException:
            self.finished.set()
            raise
        else:
            self.finished.set()
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they end; ``stop_all`` cancels and waits."""

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: set[Task] = set()

    def start(self, work: Callable[[Task], Any], *,
              done: Callable[[Any], None] | None = None,
              failed: Callable[[BaseException], None] | None = None,
              progress: Callable[[int, int, str], None] | None = None,
              partial: Callable[[Any], None] | None = None) -> Task:
        task = Task(work)
        if progress is not None:
            task.signals.progress.connect(progress)
        if partial is not None:
            task.signals.partial.connect(partial)
        if done is not None:
            task.signals.done.connect(done)
        if failed is not None:
            task.signals.failed.connect(failed)
        task.signals.done.connect(lambda _r, t=task: self._running.discard(t))
        task.signals.failed.connect(lambda _e, t=task: self._running.discard(t))
        self._running.add(task)
        self._pool.start(task)
        return task

    def busy(self) -> bool:
        return any(not t.finished.is_set() for t in self._running)

    def stop_all(self, timeout_ms: int = 30000) -> bool:
        """Cancel every task and wait for them; True when all ended in time."""
        for task in list(self._running):
            task.cancel()
        ended = self._pool.waitForDone(timeout_ms)
        self._running = {t for t in self._running if not t.finished.is_set()}
        return ended
