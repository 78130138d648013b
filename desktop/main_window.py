"""The main window: cases and smart views, the items as a grid or a table, the detail pane,
search, import and the vault-wide actions. Every action is a call into ``archive.Vault``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from archive import StrongroomError

from .app_state import AppState
from .case_menus import CaseMenus
from .detail_pane import DetailPane
from .empty_hint import EmptyHint
from .error_messages import full_message
from .import_panel import ImportPanel
from .import_task import ImportBatch, import_work
from .item_views import cases_sidebar, items_grid, items_table
from .items_model import ID_ROLE, NAME, ItemsModel, Scope
from .items_proxy import ItemsProxy
from .map_panel import MapPanel
from .search_panel import SearchPanel
from .settings import Settings
from .sidebar_model import SCOPE_ROLE, SidebarModel
from .tasks import Task, TaskRunner
from .thumbnails import ThumbnailStore
from .trust_banner import TrustBanner
from .vault_actions import VaultActions
from .viewer_window import ViewerWindow

if TYPE_CHECKING:
    from archive import ImportReport, Vault

GRID, TABLE, SEARCH, MAP = range(4)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    preferences_requested = Signal()
    about_requested = Signal()
    import_finished = Signal(object)  # the ImportReport

    def __init__(self, settings: Settings, state: AppState | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.state = state if state is not None else AppState(self)
        self.viewers: list[ViewerWindow] = []
        self.tasks = TaskRunner(threads=2, parent=self)
        self.import_task: Task | None = None
        self.thumbnails = ThumbnailStore(self)
        self.items = ItemsModel(self.thumbnails, self)
        # rows are read on a thread of their own: never behind an import, a search or stamps
        self.row_reads = TaskRunner(threads=1, parent=self)
        self.items.read_ahead_with(self.row_reads)
        self.proxy = ItemsProxy(self)
        self.proxy.setSourceModel(self.items)
        self.sidebar_model = SidebarModel(self)
        self.sidebar_model.files_dropped.connect(self.import_paths)
        self.setWindowTitle("Strongroom")
        self.setAcceptDrops(True)
        self._build_views()
        self.actions_ = VaultActions(self.state, self.tasks, self)
        self.actions_.status.connect(self.statusBar().showMessage)
        self.actions_.verified.connect(
            lambda _report: self.detail.show_item(self.vault, self.detail.item_id))
        self.case_menus = CaseMenus(self, self)
        self._build_menus()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(700)
        self._refresh_timer.timeout.connect(self.items.refresh)
        self.resize(1280, 800)

    # ------------------------------------------------------------------ layout
    def _build_views(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(self.tr("Search transcripts, notes, names… "
                                                     "(Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self.run_search)
        self.sidebar = cases_sidebar(self.sidebar_model, self)
        self.sidebar.selectionModel().currentChanged.connect(self._scope_chosen)
        self.grid = items_grid(self.proxy, self)
        self.table = items_table(self.proxy, self)
        self.search_panel = SearchPanel(self.tasks, self)
        self.search_panel.open_hit.connect(self._open_hit)
        self.search_panel.filters_changed.connect(self.run_search)
        self.search_panel.hit_selected.connect(self.show_selected_item)
        self.map_panel = MapPanel(self.state, self.settings, self)
        self.map_panel.item_chosen.connect(self.show_selected_item)
        self.stack = QStackedWidget(self)
        for page in (self.grid, self.table, self.search_panel, self.map_panel):
            self.stack.addWidget(page)
        self.empty_hints = [EmptyHint(view, self.items) for view in (self.grid, self.table)]
        for view in (self.grid, self.table):
            view.selectionModel().selectionChanged.connect(
                lambda _new, _old, v=view: self._selection_changed(v))
            view.activated.connect(self._activated)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.verticalScrollBar().valueChanged.connect(self.thumbnails.hold)
        self.detail = DetailPane(self.tasks, self)
        self.detail.open_requested.connect(self.open_item)
        self.detail.item_changed.connect(self._item_changed)
        self.import_panel = ImportPanel(self)
        self.import_panel.hide()
        self.import_panel.cancel_requested.connect(self.cancel_import)
        self.import_panel.dismissed.connect(self.import_panel.hide)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([220, 700, 360])
        self.splitter.setStretchFactor(1, 1)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 4)
        self.trust_banner = TrustBanner(central)
        column.addWidget(self.trust_banner)
        column.addWidget(self.search_field)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.import_panel)
        self.setCentralWidget(central)

    @property
    def vault(self) -> Vault | None:
        return self.state.vault

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        """A menu entry; its slot is called with no arguments (``triggered`` carries a bool
        that must not land in a parameter such as an output path)."""
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        a = self.actions_
        self.act_import_files = self._action(self.tr("Import &files…"), self.choose_files, "Ctrl+I")
        self.act_import_folder = self._action(self.tr("Import a f&older…"), self.choose_folder,
                                              "Ctrl+Shift+I")
        self.act_export = self._action(self.tr("&Export exhibit package…"), a.export, "Ctrl+E")
        self.act_verify = self._action(self.tr("&Verify the vault"), a.verify)
        self.act_lock = self._action(self.tr("&Lock now"), self.lock_requested.emit, "Ctrl+L")
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_grid = self._action(self.tr("&Grid"), lambda: self.set_view(GRID), "Ctrl+1")
        self.act_table = self._action(self.tr("&Table"), lambda: self.set_view(TABLE), "Ctrl+2")
        self.act_map = self._action(self.tr("&Map"), lambda: self.set_view(MAP), "Ctrl+3")
        self.act_search = self._action(self.tr("&Search"), self.focus_search,
                                       QKeySequence.StandardKey.Find)
        self.act_open = self._action(self.tr("&Open item"), self.open_selected, "Ctrl+O")
        self.act_prefs = self._action(self.tr("&Preferences…"), self.preferences_requested.emit,
                                      QKeySequence.StandardKey.Preferences)
        self.act_about = self._action(self.tr("&About Strongroom"), self.about_requested.emit)
        menus = self.menuBar()
        vault_menu = menus.addMenu(self.tr("&Vault"))
        for action in (self.act_import_files, self.act_import_folder, None, self.act_export,
                       self.act_verify, None, self.act_lock, self.act_quit):
            vault_menu.addSeparator() if action is None else vault_menu.addAction(action)
        self.case_menus.add_menus(menus)
        view_menu = menus.addMenu(self.tr("V&iew"))
        for action in (self.act_grid, self.act_table, self.act_map, self.act_search,
                       self.act_open):
            view_menu.addAction(action)
        tools = menus.addMenu(self.tr("&Tools"))
        tools.addAction(self.act_prefs)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        self.statusBar()

    # ------------------------------------------------------------------ vault
    def set_vault(self, vault: Vault) -> None:
        self.state.set_vault(vault)
        self.thumbnails.set_vault(vault)
        self.setWindowTitle(f"Strongroom — {vault.path.name}")
        self.reload_sidebar()
        self.sidebar.setCurrentIndex(self.sidebar_model.index(0, 0))
        self._show_scope(Scope())
        self.set_view(TABLE if self.settings.view_mode == "table" else GRID)
        if vault.trust.stamps_due:  # unlock contacts nobody: waiting time-stamps go out here
            self.tasks.start(lambda task: vault.send_pending_stamps(cancel=task.cancelled))
        self.trust_banner.show_for(vault)

    def reload_sidebar(self) -> None:
        """Cases and counts read again. The scope shown stays chosen, quietly (its items and
        the item chosen in them stay as they are); when its case is gone, All items is shown."""
        if self.vault is None:
            return
        rows = self.sidebar_model
        with QSignalBlocker(self.sidebar.selectionModel()):
            rows.load(self.vault)
            self.search_panel.set_cases([name for name, _d, _n in self.vault.cases()])
            row = rows.row_of_scope(self.state.scope)
            if row is not None:
                self.sidebar.setCurrentIndex(rows.index(row, 0))
        self.sidebar.viewport().update()
        if row is None:
            self.sidebar.setCurrentIndex(rows.index(0, 0))

    def clear(self) -> None:
        """Forget everything shown: models, viewers, thumbnails (the vault is locking)."""
        self._refresh_timer.stop()
        self.tasks.stop_all()
        self.row_reads.stop_all()
        self.import_task = None
        for viewer in list(self.viewers):
            viewer.release()
            viewer.close()
        self.viewers.clear()
        self.thumbnails.clear()
        self.items.clear()
        self.sidebar_model.clear()
        self.search_panel.clear()
        self.search_field.clear()
        self.detail.clear()
        self.import_panel.hide()
        self.trust_banner.show_for(None)
        self.state.set_vault(None)

    def _scope_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        scope = self.sidebar_model.data(current, SCOPE_ROLE)
        if scope is not None and self.vault is not None:
            self._show_scope(scope)

    def _show_scope(self, scope: Scope) -> None:
        if scope != self.state.scope:  # another case: a search starts over, within it
            self.search_field.clear()
            self.search_panel.scope_to_case(scope.case)
        self.state.set_scope(scope)
        self.items.set_source(self.vault, scope)
        self.detail.clear()
        if self.stack.currentIndex() == SEARCH:
            self.set_view(TABLE if self.settings.view_mode == "table" else GRID)

    def current_case(self) -> str | None:
        return self.state.case

    def set_view(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        if page in (GRID, TABLE):
            self.settings.view_mode = "table" if page == TABLE else "grid"

    # ------------------------------------------------------------------ items
    def current_view(self) -> QAbstractItemView:
        return self.table if self.stack.currentIndex() == TABLE else self.grid

    def selected_ids(self, view: QAbstractItemView | None = None) -> list[str]:
        view = view or self.current_view()
        rows = view.selectionModel().selectedRows(NAME) if view is self.table else \
            [i for i in view.selectionModel().selectedIndexes() if i.column() == NAME]
        # (Ctrl+A in the grid chooses every column of each row: an item counts once)
        return self.items.item_ids([self.proxy.mapToSource(index).row() for index in rows])

    def _selection_changed(self, view: QAbstractItemView) -> None:
        ids = self.selected_ids(view)
        self.state.set_selection(ids)
        self.detail.show_item(self.vault, ids[-1] if ids else None)

    def show_selected_item(self, chosen: str | list[str]) -> None:
        """Items chosen outside the grid and table (a search hit, points on the map)."""
        ids = [chosen] if isinstance(chosen, str) else list(chosen)
        self.state.set_selection(ids)
        self.detail.show_item(self.vault, ids[-1])

    def _activated(self, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id:
            self.open_item(item_id)

    def open_selected(self) -> None:
        for item_id in self.selected_ids()[:8]:
            self.open_item(item_id)

    def open_item(self, item_id: str, timecode: float | None = None,
                  terms: list[str] | None = None) -> ViewerWindow | None:
        if self.vault is None:
            return None
        try:
            viewer = ViewerWindow(self.vault, item_id, terms=terms, timecode=timecode)
        except StrongroomError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the item"), full_message(exc))
            return None
        self.viewers.append(viewer)
        viewer.destroyed.connect(lambda _o=None, v=viewer: self._forget_viewer(v))
        viewer.show()
        self.detail.show_item(self.vault, item_id)  # the custody timeline now shows the view
        return viewer

    def _forget_viewer(self, viewer: ViewerWindow) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)

    def _item_changed(self, item_id: str) -> None:
        self.items.reload_item(item_id)

    # ------------------------------------------------------------------ search
    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def run_search(self) -> None:
        if self.vault is None:
            return
        text = self.search_field.text().strip()
        query = self.search_panel.full_query(text)
        if not query:
            return
        self.set_view(SEARCH)
        self.search_panel.search(self.vault, query)  # on a task thread; pages come as scrolled

    def _open_hit(self, item_id: str, timecode: float | None, terms: list[str]) -> None:
        self.open_item(item_id, timecode=timecode, terms=terms)

    # ------------------------------------------------------------------ import
    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("Import files"))
        if files:
            self.import_paths(files, self.current_case())

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([folder], self.current_case())

    def import_paths(self, paths: list[str], case: str | None = None) -> Task | None:
        if self.vault is None:
            return None
        if self.import_task is not None:
            QMessageBox.information(self, self.tr("Import"),
                                    self.tr("An import is already running; wait for it to "
                                            "finish or cancel it."))
            return None
        self.import_panel.start()
        self._refresh_timer.start()
        self.import_task = self.tasks.start(
            import_work(self.vault, paths, case), progress=self.import_panel.progress,
            partial=self._import_partial, done=self._import_done, failed=self._import_failed)
        return self.import_task

    def cancel_import(self) -> None:
        if self.import_task is not None:
            self.import_task.cancel()

    def _import_partial(self, batch: ImportBatch) -> None:
        self.import_panel.add_results(batch.imported, batch.duplicates, batch.failures)

    def _import_done(self, report: ImportReport) -> None:
        self.import_task = None
        self._refresh_timer.stop()
        if self.vault is None:
            return
        self.import_panel.finish(report.cancelled)
        self.reload_sidebar()
        self.items.refresh()
        self.import_finished.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_task = None
        self._refresh_timer.stop()
        self.import_panel.fail(full_message(exc))
        self.import_finished.emit(None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self.vault is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths, self.current_case())

    # ------------------------------------------------------------------ layout kept
    def save_layout(self) -> None:
        self.settings.save_window("main", self, self.splitter)

    def restore_layout(self) -> None:
        self.settings.restore_window("main", self, self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        super().closeEvent(event)
