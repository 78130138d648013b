"""What a user does to cases and to the items in them: make, rename, describe and delete a case,
put the selected items in a case or take them out, delete items with a reason. Each is one
``Vault`` call; this class only asks (dialogs) and tells (signals). It reads what is open and
chosen from the app state and never sees the window."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from archive import StrongroomError

from .delete_dialog import DeleteItemsDialog
from .error_messages import full_message

if TYPE_CHECKING:
    from archive import Vault


class Chosen(Protocol):
    """What is open and chosen (the app state)."""

    @property
    def vault(self) -> Vault | None: ...

    @property
    def case(self) -> str | None: ...

    @property
    def selection(self) -> list[str]: ...


class CaseActions(QObject):
    cases_changed = Signal(str)  # the case now to show ("" when none, e.g. after a deletion)
    items_changed = Signal(list)  # ids whose cases changed
    items_deleted = Signal(list)  # ids that are gone

    def __init__(self, state: Chosen, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.parent_widget = parent

    def _refuse(self, title: str, exc: StrongroomError) -> None:
        QMessageBox.warning(self.parent_widget, title, full_message(exc))

    # ------------------------------------------------------------------ cases
    def new_case(self) -> str | None:
        vault = self.state.vault
        if vault is None:
            return None
        name, ok = QInputDialog.getText(self.parent_widget, self.tr("New case"),
                                        self.tr("Name of the case:"))
        if not ok or not name.strip():
            return None
        try:
            made = vault.create_case(name)
        except StrongroomError as exc:
            self._refuse(self.tr("Case not made"), exc)
            return None
        self.cases_changed.emit(made)
        return made

    def rename_case(self, case: str | None = None) -> str | None:
        vault, case = self.state.vault, case or self.state.case
        if vault is None or case is None:
            return None
        name, ok = QInputDialog.getText(self.parent_widget, self.tr("Rename case"),
                                        self.tr("New name of the case:"), text=case)
        if not ok or not name.strip() or name.strip() == case:
            return None
        try:
            renamed = vault.rename_case(case, name)
        except StrongroomError as exc:
            self._refuse(self.tr("Case not renamed"), exc)
            return None
        self.cases_changed.emit(renamed)
        return renamed

    def describe_case(self, case: str | None = None) -> None:
        vault, case = self.state.vault, case or self.state.case
        if vault is None or case is None:
            return
        current = next((d for n, d, _c in vault.cases() if n == case), "")
        text, ok = QInputDialog.getMultiLineText(
            self.parent_widget, self.tr("Describe case"),
            self.tr("Description of «%1»:").replace("%1", case), current)
        if not ok:
            return
        try:
            vault.describe_case(case, text)
        except StrongroomError as exc:
            self._refuse(self.tr("Description not saved"), exc)
            return
        self.cases_changed.emit(case)

    def delete_case(self, case: str | None = None) -> bool:
        vault, case = self.state.vault, case or self.state.case
        if vault is None or case is None:
            return False
        count = next((c for n, _d, c in vault.cases() if n == case), 0)
        answer = QMessageBox.question(
            self.parent_widget, self.tr("Delete case"),
            self.tr("Delete the case «%1»? Its %2 item(s) stay in the vault; the custody record "
                    "keeps the case's history.").replace("%1", case).replace("%2", str(count)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            held = vault.delete_case(case)
        except StrongroomError as exc:
            self._refuse(self.tr("Case not deleted"), exc)
            return False
        self.items_changed.emit(held)
        self.cases_changed.emit("")
        return True

    # ------------------------------------------------------------------ items
    def add_to_case(self, case: str, ids: Sequence[str] | None = None) -> int:
        """Put the items (the selection unless given) in ``case``; returns how many moved in."""
        vault = self.state.vault
        ids = list(ids) if ids is not None else self.state.selection
        if vault is None or not ids:
            return 0
        try:
            change = vault.add_to_case(case, ids)
        except StrongroomError as exc:
            self._refuse(self.tr("Not added to the case"), exc)
            return 0
        self.items_changed.emit(list(change.changed))
        self.cases_changed.emit(self.state.case or "")
        return len(change.changed)

    def remove_from_case(self, ids: Sequence[str] | None = None,
                         case: str | None = None) -> int:
        """Take the items (the selection unless given) out of the chosen case."""
        vault, case = self.state.vault, case or self.state.case
        ids = list(ids) if ids is not None else self.state.selection
        if vault is None or case is None or not ids:
            return 0
        try:
            change = vault.remove_from_case(case, ids)
        except StrongroomError as exc:
            self._refuse(self.tr("Not taken out of the case"), exc)
            return 0
        self.items_changed.emit(list(change.changed))
        self.cases_changed.emit(case)
        return len(change.changed)

    def delete_items(self, ids: Sequence[str] | None = None) -> list[str]:
        """Ask (what deletion does, and why), then crypto-erase the items."""
        vault = self.state.vault
        ids = list(ids) if ids is not None else self.state.selection
        if vault is None or not ids:
            return []
        names = [vault.item_detail(i).original_name for i in ids]
        dialog = DeleteItemsDialog(names, self.parent_widget)
        if not dialog.exec():
            return []
        deleted = []
        try:
            for item_id in ids:
                vault.delete_item(item_id, dialog.reason_text())
                deleted.append(item_id)
        except StrongroomError as exc:
            self._refuse(self.tr("Not deleted"), exc)
        if deleted:
            self.items_deleted.emit(deleted)
        return deleted
