"""A read-only, seekable raw file of a known size: the position, seeking and the copying into
the caller's buffer. A subclass says only how to fetch the bytes at a position."""

from __future__ import annotations

import io
from typing import Any


class SeekableReader(io.RawIOBase):
    """Keeps the position; ``readinto`` asks :meth:`_read_at` for the bytes there."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self._size = size
        self._pos = 0

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        pos = base + offset
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def readinto(self, buffer: Any) -> int:
        limit = min(len(buffer), self._size - self._pos)
        if limit <= 0:
            return 0
        data = self._read_at(self._pos, limit)
        n = len(data)
        buffer[:n] = data
        self._pos += n
        return n

    def _read_at(self, position: int, limit: int) -> bytes:
        """Up to ``limit`` bytes (at least one) from ``position``, which is before the end."""
        raise NotImplementedError
