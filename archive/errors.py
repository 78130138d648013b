"""One exception hierarchy for the archive. Messages are written for the person at the keyboard:
they say what happened and what was (or was not) changed. They never contain passphrases or
evidence contents; a file name appears only in errors shown to the user about that file."""

from __future__ import annotations


class StrongroomError(Exception):
    """Base class. ``str(err)`` is a complete sentence for the user."""


class NotAVault(StrongroomError):
    pass


class VaultExists(StrongroomError):
    pass


class VaultDamaged(StrongroomError):
    """Stored bytes failed a check: authentication, a checksum, or the structure."""


class UnsupportedFormat(StrongroomError):
    pass


class WrongPassphrase(StrongroomError):
    pass


class WrongRecoveryKey(StrongroomError):
    pass


class VaultBusy(StrongroomError):
    """Another Strongroom process holds the vault open for writing."""


class VaultLocked(StrongroomError):
    """The operation needs the keys, and the vault is locked."""


class ObjectMissing(StrongroomError):
    pass


class IntegrityError(VaultDamaged):
    """An object's bytes failed authentication, or some of its chunks are missing."""

    def __init__(self, object_id: str, reason: str) -> None:
        super().__init__(f"object {object_id}: {reason}; the stored bytes were changed or lost")
        self.object_id = object_id
        self.reason = reason


class Cancelled(StrongroomError):
    def __init__(self) -> None:
        super().__init__("cancelled; nothing half-done was kept")
