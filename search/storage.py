"""Whoosh storage that lives only in memory.

Whoosh's own ``RamStorage.temp_storage()`` returns a ``FileStorage`` in the system temp folder,
where indexing spills stored fields and sorted postings ("runs") in plaintext; here temporary
storage is RAM too. The owner persists changed index files (sealed) after each commit and loads
them at unlock.
"""

from __future__ import annotations

import io
from typing import Any

from whoosh.filedb.filestore import RamStorage
from whoosh.filedb.structfile import StructFile


class _KeptBuffer(io.BytesIO):
    """Keeps its bytes in the storage when closed, however it is closed (Whoosh closes run files
    through ``raw_file()``, which skips the storage's own close hook)."""

    def __init__(self, files: dict[str, Any], name: str) -> None:
        super().__init__()
        self._files = files
        self._name = name

    def close(self) -> None:
        if not self.closed:
            self._files[self._name] = self.getvalue()
        super().close()


class _TempStorage(RamStorage):
    def create_file(self, name: str, **kwargs: Any) -> StructFile:
        return StructFile(_KeptBuffer(self.files, name), name=name)

    def temp_storage(self, name: str | None = None) -> RamStorage:  # type: ignore[override]
        return _TempStorage()


class MemoryStorage(RamStorage):
    def temp_storage(self, name: str | None = None) -> RamStorage:  # type: ignore[override]
        return _TempStorage()

    def snapshot(self) -> dict[str, bytes]:
        """The files as they are now (bytes are immutable, so nothing is copied)."""
        return dict(self.files)

    def load(self, files: dict[str, bytes]) -> None:
        self.files = dict(files)
