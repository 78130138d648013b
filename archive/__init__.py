"""The Strongroom vault: object store, encrypted catalog and (later) intake, custody and export.

``archive.Vault`` is the public face the CLI and the desktop app call. This package never imports
Qt.
"""

from archive.errors import (
    Cancelled,
    IntegrityError,
    NotAVault,
    ObjectMissing,
    StrongroomError,
    UnsupportedFormat,
    VaultBusy,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    WrongPassphrase,
    WrongRecoveryKey,
)
from archive.intake.importer import FileResult, ImportOptions, ImportReport
from archive.vault import Vault

__all__ = [
    "Cancelled",
    "FileResult",
    "ImportOptions",
    "ImportReport",
    "IntegrityError",
    "NotAVault",
    "ObjectMissing",
    "StrongroomError",
    "UnsupportedFormat",
    "Vault",
    "VaultBusy",
    "VaultDamaged",
    "VaultExists",
    "VaultLocked",
    "WrongPassphrase",
    "WrongRecoveryKey",
]
