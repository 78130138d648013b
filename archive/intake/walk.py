"""Expanding the paths a user dropped into the files to import, recursively and safely."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_PATHS = 1_000_000  # files and folders one import may list before it stops with a message


@dataclass(frozen=True)
class Found:
    path: Path
    problem: str | None = None  # set when the entry cannot be imported, with the reason


@dataclass
class _Walk:
    skip: tuple[int, int] | None
    limit: int
    seen: set[tuple[int, int]] = field(default_factory=set)  # folders walked in this import
    listed: int = 0
    stopped: bool = False


def walk(paths: list[Path], exclude: Path | None = None,
         max_paths: int = MAX_PATHS) -> Iterator[Found]:
    """Regular files under ``paths`` in a stable order. Every folder (device, inode) is walked
    at most once per import, however many links lead to it, so links cannot multiply the work;
    a link that leads back into a folder already being walked is reported as a loop. After
    ``max_paths`` entries the walk stops and says so. Anything that is not a regular file
    (device, socket, FIFO) is reported, never opened."""
    skip = None
    if exclude is not None:
        st = exclude.stat()
        skip = (st.st_dev, st.st_ino)
    state = _Walk(skip, max_paths)
    for path in paths:
        yield from _visit(path, set(), state)
        if state.stopped:
            return


def _visit(path: Path, ancestors: set[tuple[int, int]], state: _Walk) -> Iterator[Found]:
    if state.stopped:
        return
    state.listed += 1
    if state.listed > state.limit:
        state.stopped = True
        yield Found(path, f"more than {state.limit:,} files and folders in this import; "
                          "this one and the rest were not taken in (import them separately)")
        return
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
    if key == state.skip:
        yield Found(path, "this folder is the vault itself; not imported")
        return
    if key in ancestors:
        yield Found(path, "folder link loops back to a folder above it; not followed")
        return
    if key in state.seen:
        return  # reached again through another link: its files are already listed once
    state.seen.add(key)
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield Found(path, f"cannot list folder: {exc.strerror or exc}")
        return
    inner = ancestors | {key}
    for entry in entries:
        yield from _visit(Path(entry.path), inner, state)
