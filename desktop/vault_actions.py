"""Vault-wide actions of the main window that run long: export an exhibit package and verify
the vault, each in the background with a progress dialog and cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from archive import Cancelled, StrongroomError

from .tasks import Task

if TYPE_CHECKING:
    from .main_window import MainWindow


class VaultActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_message: QMessageBox | None = None

    def _notify(self, title: str, text: str, warning: bool = False) -> None:
        """Say how it went, without blocking (the window stays usable; lock still works)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box

    def _progress_dialog(self, title: str, task_holder: list[Task]) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        def cancel() -> None:
            for task in task_holder:
                task.cancel()

        dialog.canceled.connect(cancel)
        return dialog

    def export(self, out: str | None = None) -> Task | None:
        w = self.window
        if w.vault is None:
            return None
        case, items = w.current_case(), [] if w.current_case() else w.selected_ids()
        if case is None and not items:
            QMessageBox.information(w, self.tr("Export"), self.tr(
                "Choose a case in the sidebar, or select the items to export."))
            return None
        if out is None:
            parent = QFileDialog.getExistingDirectory(w, self.tr("Where to write the package"))
            if not parent:
                return None
            out = str(Path(parent) / (f"exhibits-{case}" if case else "exhibits"))
        vault, holder = w.vault, []  # type: ignore[var-annotated]
        dialog = self._progress_dialog(self.tr("Writing the exhibit package…"), holder)

        def work(task: Task) -> Any:
            return vault.export(out, case=case, items=items, progress=task.report,
                                cancel=task.cancelled)

        holder.append(w.tasks.start(work, progress=lambda d, t, _m: self._step(dialog, d, t),
                                    done=lambda r: self._exported(dialog, r),
                                    failed=lambda e: self._failed(dialog, e)))
        return holder[0]

    def verify(self) -> Task | None:
        w = self.window
        if w.vault is None:
            return None
        vault, holder = w.vault, []  # type: ignore[var-annotated]
        dialog = self._progress_dialog(self.tr("Verifying every item…"), holder)

        def work(task: Task) -> Any:
            return vault.verify(progress=task.report, cancel=task.cancelled)

        holder.append(w.tasks.start(work, progress=lambda d, t, _m: self._step(dialog, d, t),
                                    done=lambda r: self._verified(dialog, r),
                                    failed=lambda e: self._failed(dialog, e)))
        return holder[0]

    @staticmethod
    def _step(dialog: QProgressDialog, done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def _exported(self, dialog: QProgressDialog, result: Any) -> None:
        dialog.reset()
        self.window.statusBar().showMessage(self.tr("Exhibit package written: %1")
                                            .replace("%1", str(result.path)), 15000)
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
        self.window.detail.show_item(self.window.vault, self.window.detail.item_id)

    @staticmethod
    def _problems(report: Any) -> list[str]:
        lines = [f"{d.original_name or d.item_id}: {d.problem}" for d in report.damaged]
        return lines + list(report.custody_problems) + list(report.index_problems)

    def _failed(self, dialog: QProgressDialog, exc: BaseException) -> None:
        dialog.reset()
        if isinstance(exc, Cancelled):
            return
        self._notify(self.tr("Not done"), str(exc) if isinstance(exc, StrongroomError | OSError)
                     else type(exc).__name__, warning=True)
