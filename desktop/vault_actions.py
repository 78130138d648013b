"""Vault-wide actions that run long: export an exhibit package and verify the vault, each in the
background with a progress dialog and cancel. They read what is open and chosen from the app
state, run on the task runner, and parent their dialogs to a widget; they never see the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from archive import Cancelled

from .error_messages import error_details, user_message
from .tasks import Task, TaskRunner

if TYPE_CHECKING:
    from .app_state import AppState

STATUS_MS = 15000


class VaultActions(QObject):
    status = Signal(str, int)  # a line for the status bar, and for how long (ms)
    verified = Signal(object)  # the VerifyReport (the custody timeline has a new event)

    def __init__(self, state: AppState, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.tasks = tasks
        self.parent_widget = parent
        self.last_message: QMessageBox | None = None

    def _notify(self, title: str, text: str, warning: bool = False,
                details: str = "") -> None:
        """Say how it went, without blocking (the window stays usable; lock still works)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box

    def _progress_dialog(self, title: str, task_holder: list[Task]) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def cancel() -> None:
            for task in task_holder:
                task.cancel()

        dialog.canceled.connect(cancel)
        return dialog

    def export(self, out: str | None = None) -> Task | None:
        """Export the chosen case (or the selected items); asks where when ``out`` is None."""
        vault = self.state.vault
        if vault is None:
            return None
        case = self.state.case
        items = [] if case else self.state.selection
        if case is None and not items:
            QMessageBox.information(self.parent_widget, self.tr("Export"), self.tr(
                "Choose a case in the sidebar, or select the items to export."))
            return None
        if out is None:
            parent = QFileDialog.getExistingDirectory(self.parent_widget,
                                                      self.tr("Where to write the package"))
            if not parent:
                return None
            out = str(Path(parent) / (f"exhibits-{case}" if case else "exhibits"))
        holder: list[Task] = []
        dialog = self._progress_dialog(self.tr("Writing the exhibit package…"), holder)
        target = out

        def work(task: Task) -> Any:
            return vault.export(target, case=case, items=items, progress=task.report,
                                cancel=task.cancelled)

        holder.append(self.tasks.start(work, progress=lambda d, t, _m: self._step(dialog, d, t),
                                       done=lambda r: self._exported(dialog, r),
                                       failed=lambda e: self._failed(dialog, e)))
        return holder[0]

    def verify(self) -> Task | None:
        vault = self.state.vault
        if vault is None:
            return None
        holder: list[Task] = []
        dialog = self._progress_dialog(self.tr("Verifying every item…"), holder)

        def work(task: Task) -> Any:
            return vault.verify(progress=task.report, cancel=task.cancelled)

        holder.append(self.tasks.start(work, progress=lambda d, t, _m: self._step(dialog, d, t),
                                       done=lambda r: self._verified(dialog, r),
                                       failed=lambda e: self._failed(dialog, e)))
        return holder[0]

    @staticmethod
    def _step(dialog: QProgressDialog, done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _exported(self, dialog: QProgressDialog, result: Any) -> None:
        dialog.reset()
        self.status.emit(self.tr("Exhibit package written: %1").replace("%1", str(result.path)),
                         STATUS_MS)
        self._notify(self.tr("Export"), self.tr("The exhibit package was written to %1.")
                     .replace("%1", str(result.path)))

    def _verified(self, dialog: QProgressDialog, report: Any) -> None:
        dialog.reset()
        if report.cancelled:
            return
        if report.ok:
            self._notify(self.tr("Verify"), self.tr(
                "All %1 items match their SHA-256 from intake, and the custody record is whole.")
                .replace("%1", str(report.items)))
        else:
            self._notify(self.tr("Verify"), "\n".join(self._problems(report)[:30]), warning=True)
        self.verified.emit(report)

    @staticmethod
    def _problems(report: Any) -> list[str]:
        lines = [f"{d.original_name or d.item_id}: {d.problem}" for d in report.damaged]
        return lines + list(report.custody_problems) + list(report.index_problems)

    def _failed(self, dialog: QProgressDialog, exc: BaseException) -> None:
        dialog.reset()
        if isinstance(exc, Cancelled):
            return
        self._notify(self.tr("Not done"), user_message(exc), warning=True,
                     details=error_details(exc))
