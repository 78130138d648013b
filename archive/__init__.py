"""The Strongroom vault: storage, catalog, custody, intake, exhibits, and the command line.

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
from archive.intake.results import FileResult, ImportOptions, ImportReport, ImportStatus
from archive.vault import Vault

__all__ = [
    "Cancelled",
    "FileResult",
    "ImportOptions",
    "ImportReport",
    "ImportStatus",
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
