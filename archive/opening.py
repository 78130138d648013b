"""Opening a vault's unlocked parts under the vault lock: for writing, or for reading only.

A reading opening (``list``, ``search``, ``show``, and everything on read-only media) writes
nothing in the vault folder: a shared lock that creates no file, the catalog opened immutable, no
sweep, witnesses checked but not written, index repairs kept in memory. When a crash left
something that only a writing opening settles (a catalog write-ahead log, an interrupted export
or passphrase change, an older catalog), a plain read opens for writing instead; on read-only
media it opens read-only as far as it can, or says why it cannot.
"""

from __future__ import annotations

from pathlib import Path

import archive.notices as notices
from archive.core import NeedsWriting, VaultCore, open_core
from archive.custody import passphrase_change
from archive.errors import VaultReadOnly
from archive.exhibits.staging import interrupted_count, settle_interrupted
from archive.notices import Notice
from archive.storage.header import VaultHeader
from archive.storage.lock import ReadOnlyMedia, VaultLockFile

READ_ONLY_NOTICE = "read-only: nothing will be recorded"


def open_locked(path: Path, header: VaultHeader, master: bytes, lock: VaultLockFile,
                read_only: bool) -> tuple[VaultCore, bool]:
    """The core, opened under ``lock``, and whether the folder is on read-only media (then the
    core is read-only whatever was asked). The lock is released again on failure."""
    media = False
    if read_only:
        media = not lock.folder_writable()
        lock.acquire_shared()
    else:
        try:
            lock.acquire()
        except ReadOnlyMedia:
            lock.acquire_shared()
            media = True
    try:
        if read_only or media:
            core = _open_read_only(path, header, master, lock, media)
            if core is not None:
                return core, media
        return open_core(path, header, master), False
    except BaseException:
        lock.release()
        raise


def _open_read_only(path: Path, header: VaultHeader, master: bytes, lock: VaultLockFile,
                    media: bool) -> VaultCore | None:
    """A read-only core; None when a writing opening must settle something first (the lock is
    then the writer's)."""
    try:
        core = open_core(path, header, master, read_only=True)
        if not media and (interrupted_count(core.sessions)
                          or passphrase_change.staged(path) is not None):
            core.close()
            raise NeedsWriting("an interrupted export or passphrase change")
    except NeedsWriting as exc:
        if media:
            raise VaultReadOnly(f"this vault is on read-only media and cannot be read as it "
                                f"is: {exc}") from None
        lock.release()
        lock.acquire()
        return None
    return core


def settle_at_unlock(core: VaultCore) -> list[Notice]:
    """Check the witnesses (and, when writing, bring them up to date and send time-stamps) and
    clear what interrupted exports left. Returns what the user must be told."""
    if not core.read_only:
        core.trust.at_unlock()  # before anything new is written
        return settle_interrupted(core.sessions)
    core.trust.at_unlock(write=False)
    waiting = interrupted_count(core.sessions)
    if not waiting:
        return []
    return [notices.exports_waiting(waiting)]
