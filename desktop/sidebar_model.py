"""The sidebar: smart views (all, by kind, recently imported) and the vault's cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from .item_drag import ITEM_IDS_MIME, item_ids_from
from .items_model import Scope
from .sidebar_heading import heading_data
from .table_model import Index

if TYPE_CHECKING:
    from archive import Vault

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ROLE = Qt.ItemDataRole.UserRole + 2
RECENT_DAYS = 7


@dataclass(frozen=True)
class Entry:
    label: str
    scope: Scope | None  # None for a heading
    count: int = 0
    case: str | None = None
    description: str = ""


class SidebarModel(QAbstractListModel):
    files_dropped = Signal(list, object)  # paths, case name or None
    items_dropped = Signal(list, str, bool)  # item ids, the case, moved (not only added)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._vault: Vault | None = None

    def load(self, vault: Vault | None) -> None:
        self.beginResetModel()
        self._vault = vault
        self._entries = self._build(vault) if vault is not None else []
        self.endResetModel()

    def clear(self) -> None:
        self.load(None)

    def _build(self, vault: Vault) -> list[Entry]:
        recent = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).replace(tzinfo=None)
        views = [
            (self.tr("All items"), Scope()),
            (self.tr("Photos"), Scope(kind="photo")),
            (self.tr("Audio"), Scope(kind="audio")),
            (self.tr("Video"), Scope(kind="video")),
            (self.tr("Transcripts"), Scope(kind="transcript")),
            (self.tr("Documents"), Scope(kind="document")),
            (self.tr("Recently imported"), Scope(since=recent)),
        ]
        entries = [Entry(label, scope, vault.item_count(kind=scope.kind, since=scope.since))
                   for label, scope in views]
        cases = vault.cases()
        if cases:
            entries.append(Entry(self.tr("Cases"), None))
            entries += [Entry(name, Scope(case=name), count, name, description)
                        for name, description, count in cases]
        return entries

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of_scope(self, scope: Scope) -> int | None:
        return next((row for row, e in enumerate(self._entries) if e.scope == scope), None)

    def row_of_case(self, case: str) -> int | None:
        return self.row_of_scope(Scope(case=case))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label if entry.scope is None else f"{entry.label} ({entry.count})"
        if entry.scope is None:
            return heading_data(role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.description or None
        if role == SCOPE_ROLE:
            return entry.scope
        if role == CASE_ROLE:
            return entry.case
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        entry = self._entries[index.row()]
        if entry.scope is None:  # a heading: neither chosen by a click nor by the arrow keys
            return Qt.ItemFlag.ItemNeverHasChildren
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemNeverHasChildren)
        if entry.case is not None or index.row() == 0:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # dropping files onto "All items" or a case imports them there; items dragged from the
    # grid or the table onto a case are put in it
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return ["text/uri-list", ITEM_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def _case_at(self, parent: Index) -> str | None:
        valid = parent.isValid() and 0 <= parent.row() < len(self._entries)
        return self._entries[parent.row()].case if valid else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        if data.hasFormat(ITEM_IDS_MIME):
            return self._case_at(parent) is not None and bool(item_ids_from(data))
        return data.hasUrls() and any(u.isLocalFile() for u in data.urls())

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if data.hasFormat(ITEM_IDS_MIME):
            case, ids = self._case_at(parent), item_ids_from(data)
            if case is None or not ids:
                return False
            self.items_dropped.emit(ids, case, action == Qt.DropAction.MoveAction)
            return True  # taken; the vault is changed, not this model (the sidebar reloads)
        paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
        if not paths:
            return False
        case = self._entries[parent.row()].case if parent.isValid() else None
        self.files_dropped.emit(paths, case)
        return False  # nothing is moved into the model itself
