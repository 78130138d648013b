"""Expanding the paths a user dropped into the files to import, recursively and safely."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Found:
    path: Path
    problem: str | None = None  # set when the entry cannot be imported, with the reason


def walk(paths: list[Path], exclude: Path | None = None) -> Iterator[Found]:
    """Regular files under ``paths`` in a stable order. Symbolic links to folders are followed
    once; a link that leads back into a folder already being walked is reported as a loop.
    Anything that is not a regular file (device, socket, FIFO) is reported, never opened."""
    skip = None
    if exclude is not None:
        st = exclude.stat()
        skip = (st.st_dev, st.st_ino)
    for path in paths:
        yield from _visit(path, set(), skip)


def _visit(path: Path, ancestors: set[tuple[int, int]],
           skip: tuple[int, int] | None) -> Iterator[Found]:
    try:
        st = path.stat()
    except FileNotFoundError:
        kind = "a broken link" if path.is_symlink() else "no such file or folder"
        yield Found(path, f"cannot read: {kind}")
        return
    except OSError as exc:
        yield Found(path, f"cannot read: {exc.strerror or exc}")
        return
    if stat.S_ISREG(st.st_mode):
        yield Found(path)
        return
    if not stat.S_ISDIR(st.st_mode):
        yield Found(path, "not a regular file (device, socket or pipe); skipped")
        return
    key = (st.st_dev, st.st_ino)
    if key == skip:
        yield Found(path, "this folder is the vault itself; not imported")
        return
    if key in ancestors:
        yield Found(path, "folder link loops back to a folder above it; not followed")
        return
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield Found(path, f"cannot list folder: {exc.strerror or exc}")
        return
    inner = ancestors | {key}
    for entry in entries:
        yield from _visit(Path(entry.path), inner, skip)
