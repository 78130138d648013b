"""Pack files: fixed-size files of equal slots, filled with decoy slots when they are made.

A disk reader sees only how many packs there are. Which slots hold which object, and which are
free, is known only to the encrypted catalog.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path

from archive.storage.fsio import PRIVATE_FILE, fsync_dir, make_private_dir, write_all
from crypto.chunks import SLOT_BYTES, decoy_slot

PACK_DIR = "packs"
_PACK_NAME = re.compile(r"^(\d{8})\.pack$")
_FILL_BATCH = 16  # decoy slots per write (small buffers: large ones cost more to allocate)


def drop_cache(fd: int) -> None:
    """Ask the system to drop a synced file's pages from its cache. A large import writes far
    more than will be read back soon; keeping it cached only pushes out everything else (and
    makes later writes wait for memory)."""
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def pack_name(number: int) -> str:
    return f"{number:08d}.pack"


class PackFiles:
    """Reads and writes slots; creates new packs. Thread-safe for reads (``pread``)."""

    def __init__(self, folder: Path, slots_per_pack: int, read_only: bool = False) -> None:
        self.folder = folder / PACK_DIR
        self.slots_per_pack = slots_per_pack
        self._mode = os.O_RDONLY if read_only else os.O_RDWR  # read-only: media may be too
        self._fds: dict[int, int] = {}
        self._lock = threading.Lock()

    def ensure_folder(self) -> None:
        make_private_dir(self.folder)

    def existing(self) -> list[int]:
        if not self.folder.is_dir():
            return []
        numbers = []
        for entry in os.scandir(self.folder):
            match = _PACK_NAME.match(entry.name)
            if match:
                numbers.append(int(match.group(1)))
        return sorted(numbers)

    def sweep_unfinished(self) -> int:
        """Remove packs whose creation a crash interrupted (they were never renamed into place)."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for entry in os.scandir(self.folder):
            if entry.name.endswith(".tmp"):
                os.unlink(entry.path)
                removed += 1
        if removed:
            fsync_dir(self.folder)
        return removed

    def _fd(self, number: int) -> int:
        with self._lock:
            fd = self._fds.get(number)
            if fd is None:
                fd = os.open(self.folder / pack_name(number), self._mode)
                self._fds[number] = fd
            return fd

    def read_slots(self, number: int, first: int, count: int) -> bytes:
        """May return fewer bytes than asked when the pack was truncated or is missing."""
        try:
            fd = self._fd(number)
        except FileNotFoundError:
            return b""
        return os.pread(fd, count * SLOT_BYTES, first * SLOT_BYTES)

    def write_slots(self, number: int, first: int, slots: Sequence[bytes]) -> None:
        write_all(self._fd(number), slots, first * SLOT_BYTES)

    def sync(self, numbers: set[int]) -> None:
        for number in sorted(numbers):
            os.fsync(self._fd(number))

    def forget_cached(self, number: int) -> None:
        """Let the system drop a synced pack's pages from its cache (see :func:`drop_cache`)."""
        drop_cache(self._fd(number))

    def close(self) -> None:
        with self._lock:
            for fd in self._fds.values():
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds.clear()


class NewPack:
    """A pack being made: slots are appended in order, the rest is filled with decoy slots on
    :meth:`finish`, then the file is synced and renamed into place."""

    def __init__(self, packs: PackFiles, number: int) -> None:
        self.packs = packs
        self.number = number
        self.next_slot = 0
        self._tmp = packs.folder / f".{pack_name(number)}.tmp"
        self._fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)

    @property
    def full(self) -> bool:
        return self.next_slot >= self.packs.slots_per_pack

    def append(self, slots: Sequence[bytes]) -> None:
        write_all(self._fd, slots)
        self.next_slot += len(slots)

    def fill(self) -> None:
        """Fill the unused remainder with decoy slots (no sync yet)."""
        remaining = self.packs.slots_per_pack - self.next_slot
        while remaining > 0:
            count = min(_FILL_BATCH, remaining)
            write_all(self._fd, [decoy_slot() for _ in range(count)])
            remaining -= count
        self.next_slot = self.packs.slots_per_pack

    def finish(self, sync_folder: bool = True) -> None:
        """Fill, fsync, close and rename into place. A writer that makes several packs in a row
        passes ``sync_folder=False`` and syncs the folder once after the last one."""
        full = self.full  # nothing left to fill: no write will come back to this pack soon
        self.fill()
        os.fsync(self._fd)
        if full:
            drop_cache(self._fd)
        fd, self._fd = self._fd, -1
        os.close(fd)
        os.replace(self._tmp, self.packs.folder / pack_name(self.number))
        if sync_folder:
            fsync_dir(self.packs.folder)

    def abandon(self) -> None:
        """Close and remove the unfinished file (at once: on a full disk it holds the space
        that is missing). Safe to call after a failed or a completed :meth:`finish`."""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(self._tmp)
