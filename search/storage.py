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
from whoosh.filedb.structfile import BufferFile, StructFile


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
    """Index files as bytes in a dict. Files are opened without copying them (Whoosh's own
    ``RamStorage`` hands a memoryview to ``BytesIO``, which copies the whole file at every open;
    a ``BytesIO`` over ``bytes`` shares them)."""

    def open_file(self, name: str, **kwargs: Any) -> BufferFile:
        if name not in self.files:
            raise NameError(name)
        return BufferFile(self.files[name], name=name, **kwargs)

    def temp_storage(self, name: str | None = None) -> RamStorage:  # type: ignore[override]
        return _TempStorage()

    def snapshot(self) -> dict[str, bytes]:
        """The files as they are now (bytes are immutable, so nothing is copied)."""
        return dict(self.files)

    def load(self, files: dict[str, bytes]) -> None:
        self.files = dict(files)
