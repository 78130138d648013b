"""Which window is up: the start window while locked, the main window while unlocked. Locking
(by hand or after idle time) drops the keys, clears every model and viewer and goes back."""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from .about_dialog import show_about
from .app_state import AppState
from .idle import Clock, IdleWatcher
from .main_window import MainWindow
from .preferences_dialog import PreferencesDialog
from .settings import Settings
from .start_window import StartWindow

if TYPE_CHECKING:
    from archive import Vault

log = logging.getLogger(__name__)

# Import, indexing and verify run Python code on worker threads. Every paint of a list calls
# into Python many times, and each call waits for the interpreter lock; with the default 5 ms
# hand-over a busy worker could hold the window still for most of a second.
GIL_SWITCH_SECONDS = 0.0005


class AppController(QObject):
    locked = Signal()
    opened = Signal(object)  # the MainWindow

    def __init__(self, settings: Settings, parent: QObject | None = None,
                 clock: Clock = time.monotonic) -> None:
        super().__init__(parent)
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        self.settings = settings
        self.state = AppState(self)
        self.start = StartWindow(settings)
        self.start.unlocked.connect(self.show_main)
        self.main: MainWindow | None = None
        self.idle = IdleWatcher(self, clock=clock)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.aboutToQuit.connect(self.shutdown)

    def show_main(self, vault: Vault) -> None:
        if self.main is None:
            self.main = MainWindow(self.settings, self.state)
            self.main.lock_requested.connect(self.lock)
            self.main.preferences_requested.connect(self.preferences)
            self.main.about_requested.connect(lambda: show_about(self.main))
            self.main.restore_layout()
        self.main.set_vault(vault)
        self.main.show()
        self.main.raise_()
        self.main.activateWindow()  # its shortcuts work at once, also after the create dialog
        self.start.hide()
        self.idle.start(self.settings.auto_lock_minutes * 60_000)
        self.opened.emit(self.main)

    def lock(self) -> None:
        """Lock now: stop background work, forget what is shown, drop the keys."""
        self.idle.stop()
        if self.main is None or self.main.vault is None:
            return
        vault = self.main.vault
        self.main.save_layout()
        self.main.clear()
        vault.lock()
        log.info("vault locked")
        self.main.hide()
        self.start.choose(vault.path, self.start.hint_text if
                          self.start.vault_path == vault.path else "")
        self.start.use_recovery.setChecked(False)  # the next unlock asks for the passphrase
        self.start.show()
        self.locked.emit()

    def preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self.main,
                                   vault=self.main.vault if self.main is not None else None)
        if dialog.exec() and self.main is not None and self.main.vault is not None:
            self.idle.start(self.settings.auto_lock_minutes * 60_000)

    def shutdown(self) -> None:
        if self.main is not None and self.main.vault is not None:
            self.lock()
        self.settings.sync()
