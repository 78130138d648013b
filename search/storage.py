"""Whoosh storage that lives only in memory.

Whoosh's own ``RamStorage.temp_storage()`` returns a ``FileStorage`` in the system temp folder,
where indexing spills stored fields and postings in plaintext; here temporary storage is RAM
too. The owner persists changed files (sealed) after each commit and loads them at unlock.
"""

from __future__ import annotations

from whoosh.filedb.filestore import RamStorage


class MemoryStorage(RamStorage):
    def temp_storage(self, name: str | None = None) -> RamStorage:  # type: ignore[override]
        return RamStorage()

    def snapshot(self) -> dict[str, bytes]:
        return {name: bytes(data) for name, data in self.files.items()}

    def load(self, files: dict[str, bytes]) -> None:
        self.files = dict(files)
