"""The vault lock: one writing process at a time, or any number of readers.

A writer holds the ``lock`` file (created on first use) with an exclusive lock, and the vault
folder itself too. A reader takes shared locks on the same two and creates nothing: it opens the
lock file read-only when it is there, and otherwise locks only the folder, so a read leaves the
folder as it was and works on read-only media. The operating system releases every lock when
the process dies, so a crash never leaves a vault that cannot be opened.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path

from archive.errors import VaultBusy
from archive.storage.fsio import PRIVATE_FILE

# What opening the lock file for writing says about a folder that cannot be written: a
# read-only file system (a write-blocked copy, a mounted image) or no permission.
READ_ONLY_ERRORS = (errno.EROFS, errno.EACCES, errno.EPERM)

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int, shared: bool) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _folder_fd(path: Path) -> int | None:
        return None  # folders cannot be locked here; the lock file alone serves

else:
    import fcntl

    def _try_lock(fd: int, shared: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def _folder_fd(path: Path) -> int | None:
        return os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


class ReadOnlyMedia(Exception):
    """The lock file cannot be opened for writing: the folder is on read-only media."""


_BUSY = "this vault is open in another Strongroom window or command; close it there first"


class VaultLockFile:
    """Held from unlock to lock (see the module's description)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fds: list[int] = []
        self.shared = False

    def acquire(self) -> None:
        """The writer's lock; raises :class:`ReadOnlyMedia` when the folder cannot be written."""
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as exc:
            if exc.errno in READ_ONLY_ERRORS:
                raise ReadOnlyMedia(exc.strerror or str(exc)) from exc
            raise
        self._take([fd], shared=False)

    def folder_writable(self) -> bool:
        """Whether the vault folder can be written, found without writing anything."""
        try:
            fd = os.open(self._path, os.O_RDWR)  # no O_CREAT: opening changes nothing
        except FileNotFoundError:
            return os.access(self._path.parent, os.W_OK)
        except OSError as exc:
            if exc.errno in READ_ONLY_ERRORS:
                return False
            raise
        os.close(fd)
        return True

    def acquire_shared(self) -> None:
        """A reader's lock, creating nothing."""
        fds = []
        with contextlib.suppress(FileNotFoundError):
            fds.append(os.open(self._path, os.O_RDONLY))
        self._take(fds, shared=True)

    def _take(self, fds: list[int], shared: bool) -> None:
        folder = _folder_fd(self._path.parent)
        if folder is not None:
            fds.append(folder)
        for n, fd in enumerate(fds):
            if not _try_lock(fd, shared):
                for taken in fds[:n]:
                    _unlock(taken)
                for opened in fds:
                    os.close(opened)
                raise VaultBusy(_BUSY)
        self._fds = fds
        self.shared = shared

    def release(self) -> None:
        fds, self._fds = self._fds, []
        for fd in fds:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    @property
    def held(self) -> bool:
        return bool(self._fds)
