"""Thumbnails for the grid and the table, decrypted off the UI thread on demand, kept in memory
only (a bounded cache), dropped when the vault locks."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from archive import Vault

ICON_SIZE = QSize(160, 120)
CACHE_SIZE = 800  # about 60 MB of pixmaps at the icon size
QUEUE_LIMIT = 256
# While a view scrolls, no thumbnail is read until it has been still this long: the reading
# thread would take turns with the UI thread painting the rows (Python runs one thread at a
# time), and a painted screenful took up to a tenth of a second.
SETTLE_MS = 150


class ThumbnailStore(QObject):
    loaded = Signal(str)  # item id

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._runner = TaskRunner(threads=1, parent=self)
        self._cache: OrderedDict[str, QPixmap] = OrderedDict()
        self._missing: set[str] = set()
        self._placeholders: dict[str, QPixmap] = {}
        self._wanted: list[str] = []
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._worker: Task | None = None
        self._generation = 0
        self._still = threading.Event()
        self._still.set()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._still.set)

    def hold(self) -> None:
        """A view is scrolling: thumbnails wait until it has been still for a moment."""
        self._still.clear()
        self._settle.start()

    def holding(self) -> bool:
        return not self._still.is_set()

    def set_vault(self, vault: Vault | None) -> None:
        self.clear()
        self._vault = vault

    def clear(self) -> None:
        """Forget every thumbnail and every request (used when the vault locks)."""
        with self._lock:
            self._generation += 1
            self._wanted.clear()
            self._pending.clear()
        self._settle.stop()
        self._still.set()  # a worker waiting for the view to settle sees it is cancelled
        self._runner.stop_all()
        self._worker = None
        self._cache.clear()
        self._missing.clear()
        self._vault = None

    def pixmap(self, item_id: str) -> QPixmap | None:
        """The cached thumbnail, or None after asking for it to be loaded."""
        cached = self._cache.get(item_id)
        if cached is not None:
            self._cache.move_to_end(item_id)
            return cached
        if self._vault is None or item_id in self._missing:
            return None
        with self._lock:
            if item_id not in self._pending:
                self._pending.add(item_id)
                self._wanted.append(item_id)
                if len(self._wanted) > QUEUE_LIMIT:  # scrolled past: drop the oldest wishes
                    for dropped in self._wanted[:-QUEUE_LIMIT]:
                        self._pending.discard(dropped)
                    del self._wanted[:-QUEUE_LIMIT]
            start = self._worker is None or self._worker.finished.is_set()
        if start:
            self._start_worker()
        return None

    def _start_worker(self) -> None:
        self._worker = self._runner.start(self._drain, partial=self._on_deliver,
                                          done=lambda _r: self._maybe_restart())

    def placeholder(self, kind: str) -> QPixmap:
        """A pixmap of the thumbnail size with the kind's icon, for items without a thumbnail
        (and while one loads): every cell of the grid has the same size from the start."""
        cached = self._placeholders.get(kind)
        if cached is not None:
            return cached
        icons = {"photo": QStyle.StandardPixmap.SP_FileIcon,
                 "audio": QStyle.StandardPixmap.SP_MediaVolume,
                 "video": QStyle.StandardPixmap.SP_MediaPlay,
                 "transcript": QStyle.StandardPixmap.SP_FileDialogDetailedView,
                 "document": QStyle.StandardPixmap.SP_FileDialogContentsView}
        pixmap = QPixmap(ICON_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        icon = QApplication.style().standardIcon(icons.get(kind, QStyle.StandardPixmap.SP_FileIcon))
        painter = QPainter(pixmap)
        side = 48
        icon.paint(painter, (ICON_SIZE.width() - side) // 2, (ICON_SIZE.height() - side) // 2,
                   side, side)
        painter.end()
        self._placeholders[kind] = pixmap
        return pixmap

    def cached_count(self) -> int:
        return len(self._cache)

    def _maybe_restart(self) -> None:
        with self._lock:
            again = bool(self._wanted) and self._vault is not None
        if again:
            self._start_worker()

    def _drain(self, task: Task) -> None:
        vault = self._vault
        while not task.cancelled() and vault is not None:
            if not self._still.wait(0.05):
                continue
            with self._lock:
                if not self._wanted:
                    return
                item_id = self._wanted.pop()  # newest wish first: what is on screen now
                generation = self._generation
            image = QImage()
            try:
                data = vault.thumbnail(item_id)
            except Exception:  # noqa: BLE001 - locked meanwhile, or a damaged object
                data = None
            if data:
                image.loadFromData(data)
                if not image.isNull():
                    image = image.scaled(ICON_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
            task.send((item_id, image, generation))

    def _on_deliver(self, piece: tuple[str, QImage, int]) -> None:
        item_id, image, generation = piece
        with self._lock:
            if generation != self._generation:
                return
            self._pending.discard(item_id)
        if image.isNull():
            self._missing.add(item_id)
        else:
            self._cache[item_id] = QPixmap.fromImage(image)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        self.loaded.emit(item_id)
