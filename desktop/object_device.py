"""A seekable QIODevice over an encrypted original, so QtMultimedia plays from decrypted bytes in
memory: one 64 KiB chunk at a time, never a temp file."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QIODevice, QObject

if TYPE_CHECKING:
    from archive.storage.objects import ObjectReader


class ObjectDevice(QIODevice):
    def __init__(self, reader: ObjectReader, parent: QObject | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._reader = reader
        self._lock = threading.Lock()  # the media backend reads from its own thread

    def open(self, mode: QIODevice.OpenModeFlag = QIODevice.OpenModeFlag.ReadOnly) -> bool:
        if mode & QIODevice.OpenModeFlag.WriteOnly:
            return False
        return super().open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def isSequential(self) -> bool:  # noqa: N802
        return False

    def size(self) -> int:
        return self._reader.size

    def bytesAvailable(self) -> int:  # noqa: N802
        return max(0, self._reader.size - self.pos()) + super().bytesAvailable()

    def seek(self, pos: int) -> bool:
        if pos < 0 or pos > self._reader.size:
            return False
        with self._lock:
            self._reader.seek(pos)
        return super().seek(pos)

    def readData(self, maxlen: int) -> bytes:  # noqa: N802
        with self._lock:
            try:
                self._reader.seek(self.pos())
                return self._reader.read(maxlen) or b""
            except Exception:  # noqa: BLE001 - locked meanwhile or damaged: the player reports it
                self.setErrorString(self.tr("the item could not be read"))
                return b""

    def writeData(self, data: bytes | bytearray | memoryview, size: int, /) -> int:  # noqa: N802
        return -1

    def close(self) -> None:
        super().close()
        with self._lock:
            self._reader.close()
