"""What the user reads when something fails: one translated sentence per class of failure
(the classes of ``archive.errors``), so the Russian interface says it in Russian. The
archive's own English sentence, which may name the file concerned, goes in the details."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from archive import errors
from archive.custody.rollback import RollbackFound


def _messages() -> list[tuple[type[BaseException], str]]:
    """Most specific classes first: the first that matches says it."""
    return [
        (errors.Cancelled,
         QCoreApplication.translate("errors", "Cancelled. Nothing half-done was kept.")),
        (errors.WrongPassphrase,
         QCoreApplication.translate("errors", "Wrong passphrase. Nothing was changed; "
                                    "try again.")),
        (errors.WrongRecoveryKey,
         QCoreApplication.translate("errors", "That recovery key does not open this vault. "
                                    "Nothing was changed.")),
        (errors.VaultBusy,
         QCoreApplication.translate("errors", "Another Strongroom window or command has this "
                                    "vault open. Close it, then try again.")),
        (errors.VaultReadOnly,
         QCoreApplication.translate("errors", "This vault is open read-only (read-only media "
                                    "or a write-blocked copy). Nothing can be changed or "
                                    "recorded; viewing, searching and checking work.")),
        (errors.VaultLocked,
         QCoreApplication.translate("errors", "The vault is locked. Unlock it, then try "
                                    "again.")),
        (errors.NotAVault,
         QCoreApplication.translate("errors", "This folder is not a Strongroom vault.")),
        (errors.VaultExists,
         QCoreApplication.translate("errors", "There is already a vault in this folder.")),
        (errors.UnsupportedFormat,
         QCoreApplication.translate("errors", "This vault was made by a newer version of "
                                    "Strongroom. Update Strongroom to open it.")),
        (RollbackFound,
         QCoreApplication.translate("errors", "This vault was put back from an older copy. "
                                    "Nothing was changed: confirm the red warning at the top "
                                    "of the window first.")),
        (errors.DamageFound,
         QCoreApplication.translate("errors", "The check found damage. The details say what "
                                    "is affected.")),
        (errors.VaultDamaged,
         QCoreApplication.translate("errors", "Stored data failed its check: the vault is "
                                    "damaged. Nothing was changed. Restore it from a backup "
                                    "copy.")),
        (errors.DiskFull,
         QCoreApplication.translate("errors", "The disk is full. Nothing half-done was kept "
                                    "and nothing stored was damaged; free some space and try "
                                    "again.")),
        (errors.UsageError,
         QCoreApplication.translate("errors", "The request could not be understood.")),
        (errors.BadInput,
         QCoreApplication.translate("errors", "What was chosen cannot be used; the details "
                                    "say why.")),
        (errors.StrongroomError,
         QCoreApplication.translate("errors", "The operation could not be done. Nothing "
                                    "half-done was kept.")),
        (PermissionError,
         QCoreApplication.translate("errors", "Strongroom may not read or write there (no "
                                    "permission).")),
        (FileNotFoundError,
         QCoreApplication.translate("errors", "A file or folder it needs is not there.")),
        (OSError,
         QCoreApplication.translate("errors", "A file could not be read or written (the disk "
                                    "is full, removed, or failing).")),
    ]


def user_message(exc: BaseException) -> str:
    """One sentence in the interface language for the class of ``exc``."""
    for cls, text in _messages():
        if isinstance(exc, cls):
            return text
    return QCoreApplication.translate(
        "errors", "Something went wrong inside Strongroom (%1). Nothing half-done was "
        "kept.").replace("%1", type(exc).__name__)


def error_details(exc: BaseException) -> str:
    """The archive's own sentence (it may name the file concerned), or the system's for a
    file error; never a traceback. Empty for other exceptions, whose text may hold anything."""
    if isinstance(exc, errors.StrongroomError):
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return ""


def full_message(exc: BaseException) -> str:
    """The translated sentence, then the details on a line of their own when there are any."""
    details = error_details(exc)
    return f"{user_message(exc)}\n{details}" if details else user_message(exc)
