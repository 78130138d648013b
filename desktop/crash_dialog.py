"""An unexpected error: logged (type and place only) and shown with details the user can copy
into a report. The dialog may show a message that names a file; the log never does."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .about_dialog import app_version

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Strongroom met an error it did not expect. Your vault is safe: "
                               "every change is written completely or not at all. The details "
                               "below help to fix it; they may name a file, so check them "
                               "before sending."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def crash_details(kind: type[BaseException], value: BaseException,
                  tb: TracebackType | None) -> str:
    return (f"Strongroom {app_version()}, Python {sys.version.split()[0]}\n"
            + "".join(traceback.format_exception(kind, value, tb)))


def install_excepthook() -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        frames = traceback.extract_tb(tb)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
        log.error("unexpected %s at %s", kind.__name__, where)  # no message: it may name a file
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        CrashDialog(crash_details(kind, value, tb)).exec()

    sys.excepthook = hook
