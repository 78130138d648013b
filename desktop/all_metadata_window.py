"""Every tag the readers saw in an original, grouped as ExifTool's ``-a -G1`` groups them
(``Vault.all_metadata``): a tree of group → tag → value, a filter box, and copy as text so an
expert can compare it with their own tools."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

TAG, VALUE = range(2)


def tags_as_text(rows: list[tuple[str, str, str]]) -> str:
    """``[Group] Tag: value`` lines, the way ``exiftool -a -G1`` prints them."""
    return "\n".join(f"[{group}] {tag}: {value}" for group, tag, value in rows)


class AllMetadataWindow(QDialog):
    def __init__(self, title: str, tags: dict[str, dict[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("All metadata — %1").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Group / tag"), self.tr("Value")])
        count = 0
        for group, group_tags in sorted(tags.items()):
            parent_item = QStandardItem(group)
            parent_item.setEditable(False)
            for tag, value in group_tags.items():
                cells = [QStandardItem(tag), QStandardItem(str(value))]
                for cell in cells:
                    cell.setEditable(False)
                cells[VALUE].setToolTip(str(value))
                parent_item.appendRow(cells)
                count += 1
            blank = QStandardItem("")
            blank.setEditable(False)
            self.model.appendRow([parent_item, blank])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)  # a group stays while a tag of it matches
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # tag names and values

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter tags and values"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        top.addWidget(self.filter, 1)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the selected tags, or all shown if none is "
                                            "selected"))
        self.copy_button.clicked.connect(self.copy)
        top.addWidget(self.copy_button)
        layout.addLayout(top)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(TAG, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        if count:
            self.summary.setText(self.tr("%1 tags in %2 groups").replace("%1", str(count))
                                 .replace("%2", str(len(tags))))
        else:
            self.summary.setText(self.tr("The readers found no tags in this file."))
        QShortcut(QKeySequence.StandardKey.Copy, self.tree, self.copy)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter.setFocus)
        self.resize(720, 640)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(group, tag, value) of every tag the filter lets through, in order."""
        rows = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, TAG)
            for t in range(self.proxy.rowCount(group)):
                rows.append((str(group.data()), str(self.proxy.index(t, TAG, group).data()),
                             str(self.proxy.index(t, VALUE, group).data())))
        return rows

    def selected_rows(self) -> list[tuple[str, str, str]]:
        """The selected tags; a selected group stands for all its tags shown."""
        chosen = {(i.parent().row(), i.row()) if i.parent().isValid() else (i.row(), -1)
                  for i in self.tree.selectionModel().selectedRows(TAG)}
        rows = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, TAG)
            for t in range(self.proxy.rowCount(group)):
                if (g, -1) in chosen or (g, t) in chosen:
                    rows.append((str(group.data()), str(self.proxy.index(t, TAG, group).data()),
                                 str(self.proxy.index(t, VALUE, group).data())))
        return rows

    def copy(self) -> None:
        rows = self.selected_rows() or self.shown_rows()
        QGuiApplication.clipboard().setText(tags_as_text(rows))
