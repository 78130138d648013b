"""A transcript linked to its recording by hand, or unlinked, starting from either of the two:
the user chooses (dialogs), the vault links (and records it in the custody log of both items).
Reads what is chosen from the app state and never sees the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from archive import StrongroomError

from .error_messages import full_message
from .link_dialog import LinkRecordingDialog

if TYPE_CHECKING:
    from archive import Vault

    from .case_actions import Chosen

RECORDINGS = ("audio", "video")
LINKABLE = ("transcript", *RECORDINGS)


class LinkActions(QObject):
    links_changed = Signal(list)  # the ids of both items

    def __init__(self, state: Chosen, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.parent_widget = parent

    def _one(self) -> tuple[Vault, str] | None:
        vault, chosen = self.state.vault, self.state.selection
        return (vault, chosen[0]) if vault is not None and len(chosen) == 1 else None

    def selected_kind(self) -> str | None:
        """The kind of the one selected item (None unless exactly one)."""
        one = self._one()
        try:
            return one[0].item_detail(one[1]).kind if one is not None else None
        except StrongroomError:
            return None

    def can_link(self) -> bool:
        """One transcript or one recording is selected."""
        return self.selected_kind() in LINKABLE

    def linked(self) -> list[str]:
        """The items linked by hand to the one selected item."""
        one = self._one()
        try:
            return one[0].linked_items(one[1]) if one is not None else []
        except StrongroomError:
            return []

    def link_selected(self) -> str | None:
        """Ask which recording the selected transcript belongs to (or which transcript
        transcribes the selected recording), then link them; returns the other item's id."""
        one, kind = self._one(), self.selected_kind()
        if one is None or kind not in LINKABLE:
            return None
        vault, item = one
        wanted = RECORDINGS if kind == "transcript" else ("transcript",)
        already = set(vault.linked_items(item))
        suggested = [s for s in vault.related_recordings(item) if s.id not in already]
        shown = {s.id for s in suggested}
        choices = suggested + [s for k in wanted for s in vault.items(kind=k)
                               if s.id not in shown and s.id not in already]
        dialog = LinkRecordingDialog(vault.item_detail(item).original_name, choices, shown,
                                     self.parent_widget, from_recording=kind != "transcript")
        if not dialog.exec() or dialog.chosen_id() is None:
            return None
        other = str(dialog.chosen_id())
        try:
            vault.link_items(item, other)
        except StrongroomError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("Not linked"), full_message(exc))
            return None
        self.links_changed.emit([item, other])
        return other

    def unlink_selected(self) -> str | None:
        """Undo a link of the selected item (asking which, when it has several); returns the
        id of the item it was linked to."""
        one = self._one()
        linked = self.linked()
        if one is None or not linked:
            return None
        vault, item = one
        other = linked[0]
        if len(linked) > 1:
            names = [f"{vault.item_detail(i).original_name} ({i[:8]})" for i in linked]
            choice, ok = QInputDialog.getItem(self.parent_widget, self.tr("Unlink"),
                                              self.tr("Unlink from which item?"), names, 0,
                                              False)
            if not ok:
                return None
            other = linked[names.index(choice)]
        try:
            vault.unlink_items(item, other)
        except StrongroomError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("Not unlinked"), full_message(exc))
            return None
        self.links_changed.emit([item, other])
        return other
