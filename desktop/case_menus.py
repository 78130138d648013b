"""Where the user reaches case work: the Case and Item menus of the menu bar, the context menus
of the sidebar, the grid and the table, and items dragged onto a case. Each entry calls
:class:`CaseActions` or :class:`LinkActions`; afterwards the sidebar's counts, the items shown
and the detail pane are brought up to date (:class:`CaseViewRefresh`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMenuBar, QWidget

from .case_actions import CaseActions
from .case_refresh import CaseViewRefresh, CaseWindow, whole_rows
from .link_actions import LINKABLE, LinkActions
from .sidebar_model import CASE_ROLE


class CaseMenus(QObject):
    """``window`` is what the entries act on; ``parent``, the widget their dialogs belong to
    and their shortcuts work in (the main window)."""

    def __init__(self, window: CaseWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window, self.parent_widget = window, parent
        self.cases = CaseActions(window.state, parent)
        self.links = LinkActions(window.state, parent)
        self.refresh = CaseViewRefresh(window, self)
        self.cases.cases_changed.connect(self.refresh.cases_changed)
        self.cases.items_changed.connect(self.refresh.items_changed)
        self.cases.items_deleted.connect(self.refresh.items_deleted)
        self.links.links_changed.connect(self.refresh.links_changed)
        self.refresh.done.connect(self.update_actions)
        self._build_actions()
        window.state.selection_changed.connect(self.update_actions)
        window.state.scope_changed.connect(self.update_actions)
        window.state.vault_changed.connect(self.update_actions)
        window.stack.currentChanged.connect(self._page_shown)  # search results: no items
        self._accept_item_drops()
        self._context_menus()
        self.update_actions()

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self.parent_widget)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.parent_widget.addAction(action)
        return action

    def _build_actions(self) -> None:
        c, links = self.cases, self.links
        self.act_new_case = self._action(self.tr("&New case…"), c.new_case, "Ctrl+N")
        self.act_rename_case = self._action(self.tr("&Rename…"), c.rename_case)
        self.act_describe_case = self._action(self.tr("&Describe…"), c.describe_case)
        self.act_delete_case = self._action(self.tr("&Delete case…"), c.delete_case)
        self.add_menu = QMenu(self.tr("&Add to case"), self.parent_widget)
        self._add_names: list[str] = []
        self.act_remove = self._action(self.tr("&Remove from this case"), c.remove_from_case)
        self.act_delete_items = self._action(self.tr("De&lete item(s)…"), c.delete_items, "Del")
        self.act_link = self._action(self.tr("&Link to recording…"), links.link_selected,
                                     "Ctrl+K")
        self.act_unlink = self._action(self.tr("&Unlink"), links.unlink_selected)
        self.act_delete_items.setToolTip(self.tr("Crypto-erase the selected items, with a "
                                                 "reason kept in the custody record"))

    def add_menus(self, menus: QMenuBar) -> None:
        """The Case and Item menus, at the end of the menu bar so far."""
        case_menu = menus.addMenu(self.tr("&Case"))
        for action in (self.act_new_case, None, self.act_rename_case, self.act_describe_case,
                       self.act_delete_case):
            case_menu.addSeparator() if action is None else case_menu.addAction(action)
        self.item_menu = menus.addMenu(self.tr("It&em"))
        self._fill_item_menu(self.item_menu)

    def _fill_item_menu(self, menu: QMenu) -> None:
        menu.addMenu(self.add_menu)
        for action in (self.act_remove, None, self.act_link, self.act_unlink, None,
                       self.act_delete_items):
            menu.addSeparator() if action is None else menu.addAction(action)

    def _fill_add_menu(self, chosen: bool) -> None:
        """One entry per case of the vault (made again only when the cases change); the
        chosen items go into it."""
        vault = self.window.vault
        names = [name for name, _d, _n in vault.cases()] if vault is not None else None
        if names is not None and names != self._add_names:
            self._add_names = names
            self.add_menu.clear()
            for name in names:
                entry = self.add_menu.addAction(name.replace("&", "&&"))
                entry.triggered.connect(
                    lambda _checked=False, n=name: self.cases.add_to_case(n))
        self.add_menu.setEnabled(vault is not None and bool(self._add_names) and chosen)

    def _page_shown(self, _page: int) -> None:
        """Back to the grid or the table: the items chosen there are the selection again."""
        w = self.window
        if w.stack.currentWidget() in (w.grid, w.table):
            w.state.set_selection(w.selected_ids())
        self.update_actions()

    def update_actions(self, *_args: object) -> None:
        """Enabled as what is open and chosen allows."""
        state, w = self.window.state, self.window
        opened, case = state.vault is not None, state.case
        # the items chosen in the grid or the table, while one of them is shown
        chosen = bool(state.selection) and w.stack.currentWidget() in (w.grid, w.table)
        self.act_new_case.setEnabled(opened)
        for action in (self.act_rename_case, self.act_describe_case, self.act_delete_case):
            action.setEnabled(opened and case is not None)
        self.act_remove.setEnabled(opened and chosen and case is not None)
        self.act_delete_items.setEnabled(opened and chosen)
        kind = self.links.selected_kind() if chosen else None  # a transcript or a recording
        self.act_link.setEnabled(kind in LINKABLE)
        self.act_link.setText(self.tr("&Link to transcript…") if kind in ("audio", "video")
                              else self.tr("&Link to recording…"))
        self.act_unlink.setEnabled(chosen and bool(self.links.linked()))
        self._fill_add_menu(chosen)

    # ------------------------------------------------------------------ context menus
    def _context_menus(self) -> None:
        w = self.window
        w.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        w.sidebar.customContextMenuRequested.connect(
            lambda pos: self.sidebar_menu(pos).exec(w.sidebar.viewport().mapToGlobal(pos)))
        for view in (w.grid, w.table):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self.items_menu(v, pos).exec(
                    v.viewport().mapToGlobal(pos)))

    def sidebar_menu(self, pos: QPoint) -> QMenu:
        """The sidebar's menu at ``pos`` (viewport coordinates): a case's own entries on a
        case, and New case… everywhere."""
        w = self.window
        menu = QMenu(w.sidebar)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case = w.sidebar.indexAt(pos).data(CASE_ROLE)
        if case is not None and w.vault is not None:
            for text, slot in ((self.tr("&Rename…"), self.cases.rename_case),
                               (self.tr("&Describe…"), self.cases.describe_case),
                               (self.tr("&Delete case…"), self.cases.delete_case)):
                entry = menu.addAction(text)
                entry.triggered.connect(lambda _checked=False, s=slot, c=case: s(c))
            menu.addSeparator()
        menu.addAction(self.act_new_case)
        return menu

    def items_menu(self, view: QAbstractItemView, pos: QPoint) -> QMenu:
        """The grid's or the table's menu at ``pos``: the item under the pointer is chosen
        first unless it is already among the chosen ones."""
        index = view.indexAt(pos)
        selection = view.selectionModel()
        if index.isValid() and not selection.isSelected(index):  # chosen alone, as a click
            selection.setCurrentIndex(index, whole_rows(view)
                                      | QItemSelectionModel.SelectionFlag.ClearAndSelect)
        menu = QMenu(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.window.act_open)
        menu.addSeparator()
        self._fill_item_menu(menu)
        return menu

    # ------------------------------------------------------------------ drag and drop
    def _accept_item_drops(self) -> None:
        """Items dragged from the grid or the table onto a case in the sidebar go into it
        (with Shift, they move out of the case shown); the work waits until the drag is over."""
        self.window.sidebar.setDragDropOverwriteMode(True)  # a drop lands on a row
        self.window.sidebar_model.items_dropped.connect(
            self._items_dropped, Qt.ConnectionType.QueuedConnection)

    def _items_dropped(self, ids: list[str], case: str, moved: bool) -> None:
        shown = self.window.state.case
        self.cases.add_to_case(case, ids)
        if moved and shown is not None and shown != case:
            self.cases.remove_from_case(ids, shown)
