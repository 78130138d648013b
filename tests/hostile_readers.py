"""Readers that misbehave on purpose, for the reader sandbox tests. Module-level, so a worker
process can import them by name."""

from __future__ import annotations

import ctypes
import hashlib
import resource
import time
from collections.abc import Callable
from typing import BinaryIO


def digest(open_stream: Callable[[], BinaryIO]) -> tuple[str, int]:
    stream = open_stream()
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    h = hashlib.sha256()
    while block := stream.read(1 << 16):
        h.update(block)
    return h.hexdigest(), size


def allocate(open_stream: Callable[[], BinaryIO], mib: int) -> int:
    """Touch ``mib`` MiB, 16 MiB at a time, the way a parser trusting a length field would."""
    held = []
    for _ in range(mib // 16):
        block = bytearray(16 * 1024 * 1024)
        block[::4096] = b"\x01" * len(block[::4096])
        held.append(block)
    return len(held)


def segfault(open_stream: Callable[[], BinaryIO]) -> None:
    ctypes.string_at(0)


def sleep(open_stream: Callable[[], BinaryIO], seconds: float) -> None:
    time.sleep(seconds)


def refuse(open_stream: Callable[[], BinaryIO]) -> None:
    raise ValueError("bad header at byte 12")


def process_id(open_stream: Callable[[], BinaryIO]) -> int:
    import os

    return os.getpid()


def limits(open_stream: Callable[[], BinaryIO]) -> dict[str, object]:
    libc = ctypes.CDLL(None)
    return {"core": resource.getrlimit(resource.RLIMIT_CORE),
            "address_space": resource.getrlimit(resource.RLIMIT_AS),
            "dumpable": libc.prctl(3, 0, 0, 0, 0)}  # PR_GET_DUMPABLE


def hungry_read_file(open_stream: Callable[[], BinaryIO], name: str) -> object:
    """The importer's own reading, then 4 GiB more for files whose name starts with "m-"."""
    from archive.intake.reading import read_file

    found = read_file(open_stream, name)
    if name.startswith("m-"):
        allocate(open_stream, 4096)
    return found


def stuck_read_file(open_stream: Callable[[], BinaryIO], name: str) -> object:
    """The importer's own reading, except that files named "m-..." never finish; a marker
    file (named by the environment) says the reader has started on one, and holds the id of
    the process reading it."""
    import os
    from pathlib import Path

    from archive.intake.reading import read_file

    if name.startswith("m-"):
        Path(os.environ["STUCK_MARKER"]).write_text(str(os.getpid()))
        time.sleep(3600)
    return read_file(open_stream, name)
