"""Without QtMultimedia (its system libraries missing), the app still starts, unlocks and stays
up, and a recording's window says what is missing. Run in a child process whose imports of
QtMultimedia fail the way they do on a machine without libpulse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_fixtures import *  # noqa: F403
from gui_fixtures import PASSPHRASE

CHILD = r"""
import sys

class NoMultimedia:
    '''Fails the import as the dynamic loader does when libpulse.so.0 is not installed.'''

    def find_spec(self, name, path=None, target=None):
        if name.startswith(("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")):
            raise ImportError("libpulse.so.0: cannot open shared object file: "
                              "No such file or directory")
        return None

sys.meta_path.insert(0, NoMultimedia())

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app as desktop_app
from desktop.main_window import MainWindow
from desktop.start_window import StartWindow

vault, passphrase, recording, settings = sys.argv[1:5]
qt_app = QApplication(sys.argv[:1])


def shown(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def unlock():
    start = shown(StartWindow)
    if not start:
        QTimer.singleShot(50, unlock)
        return
    print("start window up", flush=True)
    start[0].secret.setText(passphrase)
    start[0].unlock_button.click()
    opened()


def opened():
    windows = shown(MainWindow)
    if not windows:
        QTimer.singleShot(50, opened)
        return
    main = windows[0]
    print("main window up", flush=True)
    item = next(s.id for s in main.vault.items() if s.original_name == recording)
    viewer = main.open_item(item)
    print("player:", viewer.media is not None, flush=True)
    print("says:", viewer.unavailable.text() if viewer.unavailable else "", flush=True)
    QTimer.singleShot(1000, lambda: stay_up(main))


def stay_up(main):
    print("still up:", main.isVisible(), "QtMultimedia loaded:",
          "PySide6.QtMultimedia" in sys.modules, flush=True)
    QApplication.quit()


QTimer.singleShot(0, unlock)
sys.exit(desktop_app.main([vault, "--settings", settings]))
"""


def test_the_app_starts_and_stays_up_without_qtmultimedia(demo_path: Path,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(demo_path), PASSPHRASE, "interview-7.wav",
         str(tmp_path / "settings.ini")],
        capture_output=True, text=True, timeout=300, env=env, check=False,
        cwd=Path(__file__).resolve().parents[2])
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    assert "start window up" in out and "main window up" in out, out + run.stderr
    assert "player: False" in out
    says = next(line for line in out.splitlines() if line.startswith("says:"))
    assert "Playback is not available" in says and "libpulse.so.0" in says
    assert "still up: True QtMultimedia loaded: False" in out
