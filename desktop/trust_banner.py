"""What the vault's witnesses and time-stamps say at unlock (``Vault.trust.warnings``), across
the top of the main window. A vault found older than a witness remembers (a rollback) is shown
in red, naming each witness, until the user says they have seen it; that acknowledgement is the
vault's (``Vault.acknowledge_rollback``), so an unacknowledged warning comes back at the next
unlock. Other warnings (a witness not written, a time-stamp waiting) can simply be closed, and so
can what the unlock itself found and did (``Vault.unlock_notices``: an interrupted export cleared
or put in place, a damaged search index being rebuilt), shown in the same amber."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from archive import StrongroomError, notices
from archive.custody import rollback
from archive.custody.trust import STAMP_WAITING

from .error_messages import full_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from archive import Vault
    from archive.custody.rollback import TrustWarning
    from archive.notices import Notice

DAMAGE_STYLE = ("QFrame#trust-banner { background: #b3261e; border-radius: 4px; }"
                " QFrame#trust-banner QLabel { color: white; }")
NOTICE_STYLE = ("QFrame#trust-banner { background: #fff4ce; border: 1px solid #c9a227;"
                " border-radius: 4px; }")


class TrustBanner(QFrame):
    acknowledged = Signal()  # the user has seen the rollback warning; the vault was told

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trust-banner")
        self._vault: Vault | None = None
        row = QHBoxLayout(self)
        text = QVBoxLayout()
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.heading.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        text.addWidget(self.heading)
        text.addWidget(self.details)
        row.addLayout(text, 1)
        self.seen_button = QPushButton(self.tr("I have seen this"), self)
        self.seen_button.setToolTip(self.tr("The witnesses will follow the vault as it is now; "
                                            "changes and search come back."))
        self.seen_button.clicked.connect(self._acknowledge)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.seen_button)
        row.addWidget(self.close_button)
        self.hide()

    def show_for(self, vault: Vault | None) -> None:
        """Show what the vault's trust checks and its unlock found (hidden when nothing)."""
        self._vault = vault
        warnings = list(vault.trust.warnings) if vault is not None else []
        found = vault.unlock_notices if vault is not None else []
        if not warnings and not found:
            self.hide()
            return
        damage = [w for w in warnings if w.damage]
        others = [w for w in warnings if not w.damage and w.kind != rollback.KEPT_WITNESSES]
        if damage:
            self.setStyleSheet(DAMAGE_STYLE)
            self.heading.setText(self.tr("This vault was put back from an older copy: items "
                                         "and custody events recorded later are missing."))
            lines = [self.describe(w) for w in damage]
            lines.append(self.tr("Changes and search wait until you confirm that you have seen "
                                 "this. Until then it is shown at every unlock."))
        else:
            self.setStyleSheet(NOTICE_STYLE)
            self.heading.setText(self.tr("The vault's outside checks need attention.") if others
                                 else self.tr("Unlocking found something you should know."))
            lines = []
        lines += [self.describe(w) for w in others]
        lines += [self.describe_notice(n) for n in found]
        self.details.setText("\n".join(f"• {line}" for line in lines))
        self.seen_button.setVisible(bool(damage))
        self.close_button.setVisible(not damage)
        self.show()

    def is_alarm(self) -> bool:
        """Red: a rollback waits for the user's acknowledgement."""
        return self.isVisible() and self.seen_button.isVisible()

    def describe(self, warning: TrustWarning) -> str:
        """One sentence per warning, naming the witness: where, its tree size, its date and
        how many events are missing."""
        where = warning.where or self.tr("an unknown place")
        size = str(warning.tree_size) if warning.tree_size is not None else "?"
        when = warning.written_at.strftime("%Y-%m-%d %H:%M UTC") if warning.written_at \
            else self.tr("undated")
        kind = warning.kind
        if kind == rollback.ROLLBACK:
            text = self.tr("The witness at %1 (%2 custody events, written %3) remembers more "
                           "than the vault holds: %4 event(s) are missing.")
            return (text.replace("%1", where).replace("%2", size).replace("%3", when)
                    .replace("%4", str(warning.missing_events or 0)))
        if kind == rollback.DIVERGED:
            text = self.tr("The witness at %1 (%2 custody events, written %3) does not match the "
                           "vault's custody log: history up to event %2 was removed or rewritten.")
            return text.replace("%1", where).replace("%2", size).replace("%3", when)
        if kind == rollback.PACK_ROLLBACK:
            text = self.tr("A pack file is older than the catalog (the catalog matches the "
                           "witness at %1, %2 custody events, written %3); verify lists the "
                           "items it affects.")
            return text.replace("%1", where).replace("%2", size).replace("%3", when)
        if kind == rollback.FORGED_WITNESS:
            return self.tr("The witness at %1 is not a checkpoint of this vault.") \
                .replace("%1", where)
        if kind == rollback.UNREADABLE_WITNESS:
            return self.tr("The witness at %1 cannot be read (damaged, or sealed by another "
                           "vault).").replace("%1", where)
        if kind == rollback.UNWRITTEN_WITNESS:
            return self.tr("The witness in %1 could not be written; the change itself was "
                           "kept.").replace("%1", where)
        if kind == STAMP_WAITING:
            return self.tr("The time-stamp of checkpoint %1 waits to be sent to %2.") \
                .replace("%1", size).replace("%2", where)
        return self.tr("The time-stamp of checkpoint %1 was refused by %2.") \
            .replace("%1", size).replace("%2", where)

    def describe_notice(self, notice: Notice) -> str:
        """One sentence for what the unlock found and did (see :mod:`archive.notices`)."""
        kind = notice.kind
        if kind == notices.EXPORT_UNREACHABLE:
            return self.tr("An interrupted export left decrypted files in %1, which cannot be "
                           "reached now (is its disk attached?). They are removed at the next "
                           "unlock that finds them; or delete that folder.") \
                .replace("%1", notice.place)
        if kind == notices.EXPORT_NOT_REMOVED:
            return self.tr("An interrupted export left decrypted files in %1 that could not be "
                           "removed: delete that folder.").replace("%1", notice.place)
        if kind == notices.EXPORT_REMOVED:
            return self.tr("An export to %1 was interrupted. The decrypted files it had "
                           "written were removed, and nothing of it was recorded in the "
                           "custody log.").replace("%1", notice.target)
        if kind == notices.EXPORT_PUT_IN_PLACE:
            return self.tr("An export was interrupted after it was recorded in the custody "
                           "log; its complete package was put in place: %1") \
                .replace("%1", notice.place)
        if kind == notices.EXPORTS_WAITING:
            return self.tr("%1 interrupted export(s) may have left decrypted files beside "
                           "their target folder; they are removed when the vault is next "
                           "opened on writable media.").replace("%1", str(notice.count))
        if kind == notices.INDEX_REBUILT:
            return self.tr("The search index was damaged and could not be read; it is being "
                           "rebuilt from the catalog. The originals are not affected.")
        return notice.message  # a kind this version does not know: as the vault said it

    def _acknowledge(self) -> None:
        if self._vault is None:
            return
        try:
            unwritten = self._vault.acknowledge_rollback()
        except StrongroomError as exc:
            QMessageBox.warning(self, self.tr("Not acknowledged"), full_message(exc))
            return
        self.hide()
        self.acknowledged.emit()
        if unwritten:
            self.show_for(self._vault)
