"""Reading objects back: where an object's chunks are, decrypting them in order, and a seekable
file over one object. Every chunk is authenticated; a missing or changed one is an
:class:`IntegrityError` naming the object."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from archive.errors import IntegrityError
from archive.storage.packs import PackFiles
from archive.storage.seekable import SeekableReader
from archive.storage.slotmap import Extent
from crypto.chunks import CHUNK_BYTES, SLOT_BYTES, chunk_count, open_chunk
from crypto.errors import AuthenticationFailed

READ_CHUNKS = 16  # chunks read from a pack at a time (1 MiB, whatever the extent)


@dataclass(frozen=True)
class ObjectInfo:
    object_id: str
    size: int
    data_key: bytes = field(repr=False)
    extents: tuple[Extent, ...]

    @property
    def chunks(self) -> int:
        return chunk_count(self.size)


class ChunkSource(Protocol):
    def read_chunks(self, info: ObjectInfo, first: int, last: int) -> Iterator[bytes]: ...


def _chunk_locations(info: ObjectInfo, first: int,
                     last: int) -> Iterator[tuple[int, int, int, int]]:
    """Yield (pack, first_slot, first_chunk, count) runs covering chunks first..last."""
    chunk = 0
    for ext in info.extents:
        ext_end = chunk + ext.slot_count
        lo, hi = max(first, chunk), min(last + 1, ext_end)
        if lo < hi:
            yield ext.pack, ext.first_slot + (lo - chunk), lo, hi - lo
        chunk = ext_end
        if chunk > last:
            break
    if chunk < min(last + 1, info.chunks):
        raise IntegrityError(info.object_id,
                             "the catalog lists fewer chunks than its size needs")

def read_chunks(packs: PackFiles, info: ObjectInfo, first: int, last: int) -> Iterator[bytes]:
    """Decrypt chunks ``first..last`` (inclusive) in order."""
    total = info.chunks
    if info.extents and sum(e.slot_count for e in info.extents) != total:
        raise IntegrityError(info.object_id, "the catalog's slot list does not match its size")
    object_id = bytes.fromhex(info.object_id)
    for pack, slot, chunk, count in _chunk_locations(info, first, last):
        for part in range(0, count, READ_CHUNKS):  # 1 MiB reads, whatever the extent
            n = min(READ_CHUNKS, count - part)
            raw = memoryview(packs.read_slots(pack, slot + part, n))
            for i in range(n):
                idx = chunk + part + i
                piece = raw[i * SLOT_BYTES : (i + 1) * SLOT_BYTES]
                if len(piece) < SLOT_BYTES:
                    raise IntegrityError(info.object_id, f"chunk {idx} is missing "
                                         f"(pack {pack} is truncated or gone)")
                final = idx == total - 1
                length = info.size - idx * CHUNK_BYTES if final else CHUNK_BYTES
                try:
                    yield open_chunk(info.data_key, object_id, idx, final, piece, length)
                except AuthenticationFailed as exc:
                    raise IntegrityError(info.object_id,
                                         f"chunk {idx} failed authentication") from exc


class ObjectReader(SeekableReader):
    """A seekable, read-only file over one object; decrypts a chunk at a time and keeps one."""

    def __init__(self, store: ChunkSource, info: ObjectInfo) -> None:
        super().__init__(info.size)
        self._store = store
        self._info = info
        self._cached_index = -1
        self._cached = b""

    def _read_at(self, position: int, limit: int) -> bytes:
        index = position // CHUNK_BYTES
        if index != self._cached_index:
            self._cached = next(self._store.read_chunks(self._info, index, index))
            self._cached_index = index
        start = position - index * CHUNK_BYTES
        return self._cached[start : start + limit]
