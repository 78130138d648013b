"""Fixtures for the GUI tests (imported by each module): offscreen Qt, the app's settings in a
temp file, and a real demo vault made in a temp folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from archive import Vault  # noqa: E402
from archive.demo import build_demo_vault  # noqa: E402
from conftest import PASSPHRASE  # noqa: E402
from desktop.controller import AppController  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Settings  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """The demo vault (made-up photos with GPS, a recording and its SRT, a video, statements),
    left locked, with the tests' passphrase."""
    path = tmp_path / "demo"
    build_demo_vault(path, PASSPHRASE).lock()
    return path


@pytest.fixture
def controller(qtbot, settings: Settings) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    ctl = AppController(settings)
    qtbot.addWidget(ctl.start)
    yield ctl
    ctl.shutdown()
    if ctl.main is not None:
        ctl.main.close()


def unlock(qtbot, ctl: AppController, path: Path, secret: str = PASSPHRASE,  # type: ignore[no-untyped-def]
           recovery: bool = False) -> MainWindow:
    ctl.start.choose(path)
    ctl.start.use_recovery.setChecked(recovery)
    ctl.start.secret.setText(secret)
    with qtbot.waitSignal(ctl.opened, timeout=20000):
        ctl.start.unlock()
    assert ctl.main is not None
    qtbot.addWidget(ctl.main)
    return ctl.main


@pytest.fixture
def main_window(qtbot, controller: AppController, demo_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return unlock(qtbot, controller, demo_path)


def open_vault(path: Path) -> Vault:
    vault = Vault.open(path)
    vault.unlock(PASSPHRASE)
    return vault
