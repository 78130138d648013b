"""Search results with filters by kind, case and capture date. The filters only add terms of the
ordinary query syntax (``kind:``, ``case:``, ``captured:[a to b]``); the archive does the rest.
The search runs on a task thread; more results load as the list is scrolled to its end. Hits
chosen (Ctrl/Shift+click for several) are dragged onto a case in the sidebar to add their
items to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .formatting import kind_text
from .search_model import HIT_ROLE, SNIPPET, SearchResultsModel
from .search_runner import SearchRunner
from .snippet_delegate import SnippetDelegate
from .tasks import TaskRunner

if TYPE_CHECKING:
    from archive import Vault
    from search import ResultPage

KINDS = ("photo", "audio", "video", "transcript", "document", "other")


def quoted(value: str) -> str:
    return '"' + value.replace('"', " ") + '"'


class SearchPanel(QWidget):
    open_hit = Signal(str, object, list)  # item id, timecode or None, words to mark
    hit_selected = Signal(str)  # the item of the hit now current (the detail pane follows)
    filters_changed = Signal()
    shown = Signal()  # results (a first or a further page) or an error are on screen

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self.runner = SearchRunner(tasks, parent=self)
        self.runner.page_ready.connect(self._page_arrived)
        self.runner.failed.connect(self._failed)
        self.model.more_wanted.connect(self.runner.more)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Any kind"), None)
        for kind in KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.case = QComboBox(self)
        self.dated = QCheckBox(self.tr("Captured between"), self)
        self.date_from = QDateEdit(QDate(2000, 1, 1), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.dated.toggled.connect(self.date_from.setEnabled)
        self.dated.toggled.connect(self.date_to.setEnabled)
        for signal in (self.kind.currentIndexChanged, self.case.currentIndexChanged,
                       self.dated.toggled, self.date_from.dateChanged, self.date_to.dateChanged):
            signal.connect(self.filters_changed)
        filters.addWidget(self.kind)
        filters.addWidget(self.case)
        filters.addWidget(self.dated)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SNIPPET, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(SNIPPET, SnippetDelegate(self.view))  # hits in bold
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        layout.addWidget(self.view, 1)

    def set_cases(self, names: list[str]) -> None:
        current = self.case.currentData()
        self.case.blockSignals(True)
        self.case.clear()
        self.case.addItem(self.tr("Any case"), None)
        for name in names:
            self.case.addItem(name, name)
        found = self.case.findData(current)
        self.case.setCurrentIndex(max(found, 0))
        self.case.blockSignals(False)

    def scope_to_case(self, name: str | None) -> None:
        """Search within the case chosen in the sidebar (or any case), without searching yet."""
        self.case.blockSignals(True)
        if name is not None and self.case.findData(name) < 0:
            self.case.addItem(name, name)  # named in the sidebar, no item yet
        self.case.setCurrentIndex(max(self.case.findData(name), 0))
        self.case.blockSignals(False)

    def full_query(self, text: str) -> str:
        """The typed query with the chosen filters added as ordinary query terms."""
        parts = [f"({text.strip()})"] if text.strip() else []
        if self.kind.currentData():
            parts.append(f"kind:{self.kind.currentData()}")
        if self.case.currentData():
            parts.append(f"case:{quoted(self.case.currentData())}")
        if self.dated.isChecked():
            start = self.date_from.date().toString("yyyy-MM-dd")
            end = self.date_to.date().toString("yyyy-MM-dd")
            parts.append(f"captured:[{start} to {end}]")
        return " ".join(parts)

    def search(self, vault: Vault, query: str) -> None:
        """Start a search on a task thread; its first page replaces what is shown."""
        self.summary.setText(self.tr("Searching for %1…").replace("%1", query))
        self.runner.start(vault, query)

    def _page_arrived(self, page: ResultPage, query: str) -> None:
        if page.offset == 0:
            self.show_results(page, query, page.total)
        else:
            self.model.add_hits(list(page), page.total)
            self._show_count(query)
            self.shown.emit()

    def show_results(self, hits: list, query: str,  # type: ignore[type-arg]
                     total: int | None = None) -> None:
        self.model.set_hits(hits, total)
        self._show_count(query)
        if hits:
            self.view.selectRow(0)
        self.shown.emit()

    def _show_count(self, query: str) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown < total:
            text = self.tr("%1 of %2 results for %3 (scroll for more)") \
                .replace("%1", str(shown)).replace("%2", str(total)).replace("%3", query)
        else:
            text = self.tr("%1 result(s) for %2").replace("%1", str(total)).replace("%2", query)
        self.summary.setText(text)

    def _failed(self, message: str, _query: str) -> None:
        self.show_error(message)

    def show_error(self, message: str) -> None:
        self.model.clear()
        self.summary.setText(message)
        self.shown.emit()

    def clear(self) -> None:
        self.runner.forget()
        self.model.clear()
        self.summary.clear()
        self.set_cases([])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = self.model.data(current, HIT_ROLE) if current.isValid() else None
        if hit is not None:
            self.hit_selected.emit(hit.id)

    def activate_row(self, row: int) -> None:
        self._activated(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.data(index, HIT_ROLE)
        marked = hit.marked_words()
        self.open_hit.emit(hit.id, hit.timecode, marked)
