"""What the desktop app has open and chosen: the vault, the current scope (a case or a smart
view) and the selected items. The window writes it; actions read it; everyone who cares
listens to its signals. It holds no widget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .items_model import Scope

if TYPE_CHECKING:
    from archive import Vault


class AppState(QObject):
    vault_changed = Signal(object)  # the Vault, or None once locked
    scope_changed = Signal(object)  # the Scope shown
    selection_changed = Signal(list)  # the selected item ids, in order

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault: Vault | None = None
        self._scope = Scope()
        self._selection: list[str] = []

    @property
    def vault(self) -> Vault | None:
        return self._vault

    @property
    def scope(self) -> Scope:
        return self._scope

    @property
    def case(self) -> str | None:
        """The case chosen in the sidebar, if the scope is one."""
        return self._scope.case

    @property
    def selection(self) -> list[str]:
        return list(self._selection)

    def set_vault(self, vault: Vault | None) -> None:
        """A vault was unlocked (or, with None, locked): the scope and selection start over."""
        self._vault = vault
        self._scope = Scope()
        self._selection = []
        self.vault_changed.emit(vault)

    def set_scope(self, scope: Scope) -> None:
        if scope != self._scope:
            self._scope = scope
            self.scope_changed.emit(scope)
        self.set_selection([])

    def set_selection(self, item_ids: list[str]) -> None:
        if item_ids != self._selection:
            self._selection = list(item_ids)
            self.selection_changed.emit(list(item_ids))
