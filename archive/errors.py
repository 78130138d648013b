"""One exception hierarchy for the archive. Messages are written for the person at the keyboard:
they say what happened and what was (or was not) changed. They never contain passphrases or
evidence contents; a file name appears only in errors shown to the user about that file.

Each class carries the exit code of its class of failure, so a script can tell a wrong passphrase
from damage without reading the message. The codes are part of the interface (README, "Exit
codes") and never change meaning.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What ``strongroom`` returns; one code per class of failure."""

    OK = 0
    FAILED = 1  # the operation could not be done (or some files of an import failed)
    USAGE = 2  # the command line is wrong, or a passphrase could not be read
    WRONG_KEY = 3  # the passphrase or recovery key does not open this vault
    BUSY = 4  # another Strongroom process has the vault open
    DAMAGE = 5  # stored bytes, the catalog or the custody record failed a check
    BAD_INPUT = 6  # something the user named is not usable: a folder, an item, a file, a query
    INTERRUPTED = 130  # cancelled by the user (Ctrl+C); nothing half-done was kept


class StrongroomError(Exception):
    """Base class. ``str(err)`` is a complete sentence for the user."""

    exit_code = ExitCode.FAILED


class UsageError(StrongroomError):
    """The request itself is malformed (missing option, a value that cannot be read)."""

    exit_code = ExitCode.USAGE


class BadInput(StrongroomError):
    """Something the user named is not usable: an item, a case, a file, a folder, a query."""

    exit_code = ExitCode.BAD_INPUT


class NotAVault(BadInput):
    pass


class VaultExists(BadInput):
    pass


class UnsupportedFormat(BadInput):
    """The vault was written by a format version this program does not read."""


class WrongPassphrase(StrongroomError):
    exit_code = ExitCode.WRONG_KEY


class WrongRecoveryKey(StrongroomError):
    exit_code = ExitCode.WRONG_KEY


class VaultBusy(StrongroomError):
    """Another Strongroom process holds the vault open for writing."""

    exit_code = ExitCode.BUSY


class VaultReadOnly(StrongroomError):
    """The vault is open read-only (read-only media, a write-blocked copy): nothing can be
    changed or recorded."""


class VaultLocked(StrongroomError):
    """The operation needs the keys, and the vault is locked."""


class VaultDamaged(StrongroomError):
    """Stored bytes failed a check: authentication, a checksum, or the structure."""

    exit_code = ExitCode.DAMAGE


class DamageFound(VaultDamaged):
    """A check (``verify``, ``verify-export``) ran to the end and found problems."""


class ObjectMissing(VaultDamaged):
    """The catalog names an object whose bytes are not where it says."""


class IntegrityError(VaultDamaged):
    """An object's bytes failed authentication, or some of its chunks are missing."""

    def __init__(self, object_id: str, reason: str) -> None:
        super().__init__(f"object {object_id}: {reason}; the stored bytes were changed or lost")
        self.object_id = object_id
        self.reason = reason


class DiskFull(StrongroomError):
    """No space left where the vault (or an export) is written; nothing is damaged."""

    def __init__(self, where: str = "the vault's disk") -> None:
        super().__init__(f"disk full: no space left on {where}; nothing half-done was kept "
                         "and nothing stored was damaged. Free some space and try again")


class Cancelled(StrongroomError):
    exit_code = ExitCode.INTERRUPTED

    def __init__(self) -> None:
        super().__init__("cancelled; nothing half-done was kept")
