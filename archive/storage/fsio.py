"""Durable file writes: temporary name in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

LOW_SPACE_BYTES = 256 * 1024  # below this, a failed catalog write is taken as a full disk
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_IOV_MAX = 1024  # buffers one gathering write may take (IOV_MAX on Linux and macOS)


def write_all(fd: int, buffers: Sequence[bytes], offset: int | None = None) -> None:
    """Write ``buffers`` in order with one gathering call where the system allows (at
    ``offset``, or at the file position), going on after short writes."""
    views = [memoryview(b) for b in buffers if b]
    while views:
        batch = views[:_IOV_MAX]
        written = os.pwritev(fd, batch, offset) if offset is not None else os.writev(fd, batch)
        if offset is not None:
            offset += written
        while views and written >= len(views[0]):
            written -= len(views.pop(0))
        if written:
            views[0] = views[0][written:]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        write_all(fd, [data])
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def make_private_dir(path: Path) -> None:
    path.mkdir(mode=PRIVATE_DIR, parents=False, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE_DIR)


def read_full(src: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes from ``src``, reading again after short reads until its end."""
    parts = []
    remaining = size
    while remaining > 0:
        part = src.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts) if len(parts) != 1 else parts[0]


def read_pieces(src: BinaryIO, size: int, count: int) -> list[bytes]:
    """Up to ``count`` pieces of ``size`` bytes; only the last may be short (none is empty).
    Piece-sized reads keep every buffer small: no large allocations to fault in and copy."""
    pieces = []
    for _ in range(count):
        piece = read_full(src, size)
        if piece:
            pieces.append(piece)
        if len(piece) < size:
            break
    return pieces


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """Whether ``exc`` (an OSError, or SQLite's error) comes from a full disk: ENOSPC, SQLite's
    "database or disk is full", or an error of any kind while ``folder`` has almost no space
    left (SQLite may say "disk I/O error" or fail to open its write-ahead log instead)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if "disk is full" in str(seen).lower():
            return True
        seen = getattr(seen, "orig", None) or seen.__cause__
    if folder is not None:
        try:
            return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
        except OSError:
            return False
    return False
