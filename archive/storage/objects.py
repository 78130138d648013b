"""The object store: streams of bytes sealed chunk by chunk into pack slots.

``put_stream`` makes one pass over the input: SHA-256 (and any extra digests) on a helper thread
while the calling thread seals chunks and writes them; slots are fsynced before the catalog row
that claims them is committed, so a crash leaves at worst unclaimed slots, which are free space.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models import ObjectExtent, StoredObject
from archive.errors import Cancelled, ObjectMissing
from archive.progress import CancelFlag, Progress
from archive.storage.fsio import fsync_dir, read_pieces
from archive.storage.packs import NewPack, PackFiles
from archive.storage.reading import ObjectInfo, ObjectReader, read_chunks
from archive.storage.slotmap import Extent, SlotMap, merge
from crypto import aead
from crypto.chunks import CHUNK_BYTES, chunk_count, seal_chunk

log = logging.getLogger(__name__)

BLOCK_CHUNKS = 16  # chunks read, sealed and written at a time (1 MiB, in 64 KiB buffers)
ASIDE_FROM = 16 * 1024 * 1024  # streams at least this large are hashed on the helper thread
AHEAD_BLOCKS = 3  # blocks the writer may be ahead of the hashing
_UNSYNCED_PACKS = 8  # filled packs of one write that may wait for their fsync


@dataclass(frozen=True)
class PutResult:
    object_id: str
    size: int
    sha256: str
    data_key: bytes = field(repr=False)
    extents: tuple[Extent, ...]
    digests: dict[str, str] = field(default_factory=dict)


class _Placement:
    """Where one write has put its chunks so far: extents, packs touched in place, and the new
    packs it is making (only this write appends to them, so that needs no lock)."""

    def __init__(self) -> None:
        self.extents: list[Extent] = []
        self.touched: set[int] = set()
        self.current: NewPack | None = None  # the new pack being appended to
        self.filled: list[NewPack] = []  # new packs full or done, not yet finished


class ObjectStore:
    """Writers run concurrently: the lock guards only the slot map and the pack numbers, while
    sealing, hashing, writing and making new packs happen outside it."""

    def __init__(self, packs: PackFiles, slots: SlotMap, sessions: sessionmaker[Session]) -> None:
        self._packs = packs
        self._slots = slots
        self._sessions = sessions
        self._write_lock = threading.Lock()
        self._info_cache: dict[str, ObjectInfo] = {}
        # One worker, always: a stream's blocks must be hashed in the order they come.
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sr-hash")
        self._making: set[int] = set()  # numbers of new packs being made by running writes
        self._unsynced: set[int] = set()
        # While writes keep using up free slots, the next pack is made (filled, synced, put in
        # place) on this thread ahead of need, so writers seldom stop to make one themselves.
        self._maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sr-pack")
        self._making_ahead: Future[None] | None = None

    # ------------------------------------------------------------------ writing
    def put_stream(
        self,
        src: BinaryIO,
        *,
        extra_digests: Sequence[str] = (),
        size_hint: int = 0,
        progress: Progress | None = None,
        cancel: CancelFlag | None = None,
        sync: bool = True,
    ) -> PutResult:
        """Seal ``src`` into free slots. The slots are reserved in memory; record the result with
        :meth:`attach` in the caller's transaction, or give them back with :meth:`release`.
        With ``sync=False`` the caller must call :meth:`flush` before that transaction commits
        (several objects then share one fsync)."""
        result, touched = self._put(src, extra_digests, size_hint, progress, cancel)
        if sync:
            self._packs.sync(touched)
        else:
            with self._write_lock:
                self._unsynced |= touched
        return result

    def flush(self) -> None:
        """fsync every pack written with ``sync=False`` since the last flush. The writes it
        covers are complete, so the fsync runs outside the write lock and other writers go on."""
        with self._write_lock:
            numbers, self._unsynced = self._unsynced, set()
        try:
            self._packs.sync(numbers)
        except BaseException:
            with self._write_lock:
                self._unsynced |= numbers
            raise
        with self._write_lock:
            full = [number for number in numbers if self._slots.is_full(number)]
        for number in full:  # no free slot left: no write will come back to it soon
            self._packs.forget_cached(number)

    def _put(
        self,
        src: BinaryIO,
        extra_digests: Sequence[str],
        size_hint: int,
        progress: Progress | None,
        cancel: CancelFlag | None,
    ) -> tuple[PutResult, set[int]]:
        object_id = os.urandom(16)
        key = aead.random_key()
        hashers = [hashlib.sha256()] + [hashlib.new(name) for name in extra_digests]

        def digest(block: list[bytes]) -> None:
            for h in hashers:
                for chunk in block:
                    h.update(chunk)

        def seal(block: list[bytes], first: int, final: bool) -> list[bytes]:
            """Seal one block's chunks (a final block gets at least one chunk)."""
            n = chunk_count(sum(map(len, block))) if final else len(block)
            return [seal_chunk(key, object_id, first + i, final and i == n - 1,
                               block[i] if i < len(block) else b"") for i in range(n)]

        # A large stream is hashed on the helper thread while this one reads, seals and writes
        # (the two sides cost about the same); a small one is hashed here (writers running side
        # by side would otherwise queue on the one helper). A stream of unknown size moves to
        # the helper once it has proved large. Blocks go to the helper in order.
        aside = size_hint >= ASIDE_FROM
        place = _Placement()
        pending: deque[Future[None]] = deque()
        size = 0
        index = 0
        try:
            block = read_pieces(src, CHUNK_BYTES, BLOCK_CHUNKS)
            while True:
                if cancel is not None and cancel():
                    raise Cancelled()
                at_end = len(block) < BLOCK_CHUNKS or len(block[-1]) < CHUNK_BYTES
                # Read ahead one block to know whether this one holds the last chunk.
                following = [] if at_end else read_pieces(src, CHUNK_BYTES, BLOCK_CHUNKS)
                final_block = not following
                aside = aside or size >= ASIDE_FROM
                if aside:
                    pending.append(self._hasher.submit(digest, block))
                else:
                    digest(block)
                self._write(seal(block, index, final_block), place)
                index += len(block)
                size += sum(map(len, block))
                while len(pending) > (0 if final_block else AHEAD_BLOCKS):
                    pending.popleft().result()
                if progress is not None:
                    progress(size, max(size_hint, size), "")
                if final_block:
                    break
                block = following
            if place.current is not None:
                place.filled.append(place.current)
                place.current = None
            self._finish_packs(place, keep=0)
        except BaseException:
            for fut in pending:
                fut.cancel()
            unfinished = place.filled + ([place.current] if place.current is not None else [])
            for pack in unfinished:
                pack.abandon()
            lost = {pack.number for pack in unfinished}
            with self._write_lock:
                self._making -= lost
                self._slots.release(e for e in place.extents if e.pack not in lost)
            raise
        digests = {name: h.hexdigest() for name, h in zip(extra_digests, hashers[1:], strict=True)}
        log.debug("stored object %s in %d chunks", object_id.hex(), chunk_count(size))
        result = PutResult(object_id.hex(), size, hashers[0].hexdigest(), key,
                           tuple(merge(place.extents)), digests)
        return result, place.touched

    def _write(self, sealed: list[bytes], place: _Placement) -> None:
        """Write sealed chunks (one slot each) into free slots, then into new packs."""
        done = 0
        count = len(sealed)
        if place.current is None:
            with self._write_lock:
                taken = self._slots.take(count)
                if taken:
                    self._make_pack_ahead()
            place.extents += taken  # first, so a failed write gives back every one of them
            for ext in taken:
                place.touched.add(ext.pack)
                self._packs.write_slots(ext.pack, ext.first_slot,
                                        sealed[done : done + ext.slot_count])
                done += ext.slot_count
        while done < count:
            pack = place.current
            if pack is None or pack.full:
                if pack is not None:
                    place.filled.append(pack)
                    self._finish_packs(place, keep=_UNSYNCED_PACKS)
                with self._write_lock:
                    number = self._new_pack_number()
                pack = place.current = NewPack(self._packs, number)
            room = min(count - done, self._packs.slots_per_pack - pack.next_slot)
            place.extents.append(Extent(pack.number, pack.next_slot, room))
            pack.append(sealed[done : done + room])
            done += room

    def _new_pack_number(self) -> int:
        """Reserve the next pack number (with the write lock held)."""
        number = max(self._slots.packs + list(self._making), default=-1) + 1
        self._making.add(number)
        return number

    def _make_pack_ahead(self) -> None:
        """With the write lock held, after a write took free slots: start making the next pack
        if less than half a pack of free slots is left and none is being made already."""
        if self._slots.free_count >= self._packs.slots_per_pack // 2:
            return
        if self._making_ahead is not None and not self._making_ahead.done():
            return
        self._making_ahead = self._maker.submit(self._make_pack, self._new_pack_number())

    def _make_pack(self, number: int) -> None:
        pack = None
        try:
            pack = NewPack(self._packs, number)
            pack.finish()
        except Exception as exc:  # noqa: BLE001 - writers then make packs themselves
            if pack is not None:
                pack.abandon()
            with self._write_lock:
                self._making.discard(number)
            log.warning("could not make a pack ahead of need: %s", type(exc).__name__)
            return
        with self._write_lock:
            self._slots.add_pack(number)
            self._making.discard(number)

    def wait_for_packs(self) -> None:
        """Wait until the pack being made ahead of need, if any, is in place."""
        ahead = self._making_ahead
        if ahead is not None:
            ahead.result()

    def _finish_packs(self, place: _Placement, keep: int) -> None:
        """Fill, fsync and rename all but the newest ``keep`` packs this write has filled, then
        offer their free slots to everyone. Syncing each pack the moment it fills would stall
        on the disk; a few packs later the kernel has usually written it back already, and the
        number of open files stays bounded."""
        if len(place.filled) <= keep:
            return
        cut = len(place.filled) - keep
        done, place.filled = place.filled[:cut], place.filled[cut:]
        finished: list[NewPack] = []
        try:
            for pack in done:
                pack.finish(sync_folder=False)
                finished.append(pack)
            fsync_dir(self._packs.folder)
        finally:
            # Packs not finished (a full disk) go back to the write, which abandons them.
            place.filled = done[len(finished):] + place.filled
            with self._write_lock:
                for pack in finished:
                    self._slots.add_pack(pack.number)
                    self._slots.mark_used(e for e in place.extents if e.pack == pack.number)
                    self._making.discard(pack.number)

    @staticmethod
    def rows(result: PutResult) -> tuple[dict[str, object], list[dict[str, object]]]:
        """The catalog rows that claim a written object: its ``objects`` row and its extents
        (for callers that insert many at once)."""
        obj = {"id": result.object_id, "size": result.size, "data_key": result.data_key,
               "created_at": datetime.now(UTC).replace(tzinfo=None)}
        extents = [{"object_id": result.object_id, "seq": i, "pack": e.pack,
                    "first_slot": e.first_slot, "slot_count": e.slot_count}
                   for i, e in enumerate(result.extents)]
        return obj, extents

    def attach(self, session: Session, result: PutResult) -> StoredObject:
        obj, extents = self.rows(result)
        row = StoredObject(**obj, extents=[ObjectExtent(**e) for e in extents])
        session.add(row)
        return row

    def release(self, extents: Iterable[Extent]) -> None:
        with self._write_lock:
            self._slots.release(extents)

    def put(self, src: BinaryIO, **kwargs: object) -> PutResult:
        """Store and commit in one step (for data that needs no other catalog rows)."""
        result = self.put_stream(src, **kwargs)  # type: ignore[arg-type]
        try:
            with self._sessions.begin() as session:
                self.attach(session, result)
        except BaseException:
            self.release(result.extents)
            raise
        return result

    def put_bytes(self, data: bytes) -> PutResult:
        return self.put(io.BytesIO(data))

    def delete(self, session: Session, object_id: str) -> list[Extent]:
        """Drop the object's row (and so its data key) in the caller's transaction. After that
        commits, pass the returned extents to :meth:`release`."""
        info = self.info(object_id, session)
        row = session.get(StoredObject, object_id)
        if row is not None:
            session.delete(row)
        self._info_cache.pop(object_id, None)
        return list(info.extents)

    # ------------------------------------------------------------------ reading
    def read_chunks(self, info: ObjectInfo, first: int, last: int) -> Iterator[bytes]:
        """Decrypt chunks ``first..last`` (inclusive) in order."""
        return read_chunks(self._packs, info, first, last)

    def info(self, object_id: str, session: Session | None = None) -> ObjectInfo:
        cached = self._info_cache.get(object_id)
        if cached is not None:
            return cached
        if session is None:
            with self._sessions() as own:
                return self.info(object_id, own)
        row = session.get(StoredObject, object_id)
        if row is None:
            raise ObjectMissing(f"object {object_id} is not in the catalog")
        info = ObjectInfo(
            row.id, row.size, row.data_key,
            tuple(Extent(e.pack, e.first_slot, e.slot_count) for e in row.extents),
        )
        if len(self._info_cache) > 4096:
            self._info_cache.clear()
        self._info_cache[object_id] = info
        return info

    def open_range(self, object_id: str, offset: int, length: int) -> bytes:
        info = self.info(object_id)
        if offset < 0 or length < 0:
            raise ValueError("offset and length must not be negative")
        end = min(info.size, offset + length)
        if offset >= end:
            return b""
        first, last = offset // CHUNK_BYTES, (end - 1) // CHUNK_BYTES
        data = b"".join(self.read_chunks(info, first, last))
        start = offset - first * CHUNK_BYTES
        return data[start : start + (end - offset)]

    def iter_plaintext(self, object_id: str) -> Iterator[bytes]:
        info = self.info(object_id)
        yield from self.read_chunks(info, 0, info.chunks - 1)

    def open_reader(self, object_id: str) -> ObjectReader:
        return ObjectReader(self, self.info(object_id))

    def reader_for(self, result: PutResult) -> ObjectReader:
        """Read back an object that is written but not yet recorded in the catalog."""
        return ObjectReader(self, ObjectInfo(result.object_id, result.size, result.data_key,
                                             result.extents))

    def forget_cached(self) -> None:
        self._info_cache.clear()

    def close(self) -> None:
        self._info_cache.clear()
        self._maker.shutdown(wait=True)
        self._hasher.shutdown(wait=True)
        self._packs.close()
