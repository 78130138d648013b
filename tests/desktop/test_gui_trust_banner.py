"""A vault put back from an older copy: unlocked through the start window, the main window shows
a red banner naming the witness (where, tree size, date, events missing) until the user clicks
"I have seen this"; unacknowledged, it comes back at the next unlock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

import fixtures as fx
from archive.catalog.engine import CATALOG_NAME
from desktop.error_messages import user_message
from gui_fixtures import *  # noqa: F403
from gui_fixtures import SCREENSHOTS, open_vault, unlock


def put_back_catalog(vault_path: Path, old: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (vault_path / (CATALOG_NAME + suffix)).unlink(missing_ok=True)
        if (old / (CATALOG_NAME + suffix)).exists():
            shutil.copy2(old / (CATALOG_NAME + suffix), vault_path / (CATALOG_NAME + suffix))


@pytest.fixture
def rolled_back(demo_path: Path, tmp_path: Path, state_home: Path) -> dict[str, object]:
    """The demo vault copied aside, then a photo imported and a note added, then the older
    catalog put back: the witness in the user's state folder remembers the longer log."""
    shutil.copytree(demo_path, tmp_path / "old-copy")
    vault = open_vault(demo_path)
    before = vault.custody.size
    (tmp_path / "later").mkdir()
    report = vault.import_paths([fx.jpeg(tmp_path / "later" / "later.jpg", seed=7)])
    vault.add_note(report.results[0].item_id, "seen at the door")
    after = vault.custody.size
    vault.lock()
    put_back_catalog(demo_path, tmp_path / "old-copy")
    witnesses = list((state_home / "strongroom" / "witnesses").iterdir())
    assert len(witnesses) == 1
    return {"missing": after - before, "tree_size": after, "witness": witnesses[0]}


def lock_with_ctrl_l(qtbot, controller, window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+L; the window it hid never saw Ctrl let go, so let go of it on the start window
    (else Qt goes on believing Ctrl is held and later clicks toggle selections)."""
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(controller.start, Qt.Key.Key_Control)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


def _banner_red(banner) -> bool:  # type: ignore[no-untyped-def]
    image = banner.grab().toImage()
    pixel = QColor(image.pixel(3, image.height() // 2))
    return pixel.red() > 150 and pixel.green() < 80 and pixel.blue() < 80


def test_a_rollback_is_shown_in_red_until_seen(qtbot, controller, demo_path: Path,  # type: ignore[no-untyped-def]
                                               rolled_back: dict[str, object]) -> None:
    window = unlock(qtbot, controller, demo_path)
    banner = window.trust_banner
    assert banner.isVisible() and banner.is_alarm()
    assert _banner_red(banner)
    shown = banner.details.text()
    assert str(rolled_back["witness"]) in shown
    assert f"({rolled_back['tree_size']} custody events" in shown
    assert f"{rolled_back['missing']} event(s) are missing" in shown
    written = window.vault.trust.warnings[0].written_at
    assert written is not None and written.strftime("%Y-%m-%d %H:%M UTC") in shown
    assert not banner.close_button.isVisible()  # only the acknowledgement takes it away
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.resize(1400, 860)
    qtbot.wait(50)
    assert window.grab().save(str(SCREENSHOTS / "7-rollback-banner.png"))

    # Locked without acknowledging: the next unlock shows it again.
    lock_with_ctrl_l(qtbot, controller, window)
    assert window.vault is None and not banner.isVisible()
    window = unlock(qtbot, controller, demo_path)
    assert window.trust_banner.is_alarm()
    assert window.vault.trust.rollback_found

    qtbot.mouseClick(banner.seen_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert not window.vault.trust.rollback_found
    # Search works again once the warning was seen.
    with qtbot.waitSignal(window.search_panel.shown, timeout=20000):
        window.search_field.setText("паспорт")
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.search_panel.model.rowCount() >= 1

    lock_with_ctrl_l(qtbot, controller, window)
    window = unlock(qtbot, controller, demo_path)
    assert not window.trust_banner.isVisible()
    assert not [w for w in window.vault.trust.warnings if w.damage]


def test_changes_before_the_acknowledgement_are_refused_in_plain_words(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path: Path, rolled_back: dict[str, object],
        tmp_path: Path) -> None:
    window = unlock(qtbot, controller, demo_path)
    (tmp_path / "new").mkdir()
    with qtbot.waitSignal(window.import_finished, timeout=20000):
        window.import_paths([str(fx.jpeg(tmp_path / "new" / "new.jpg", seed=9))])
    shown = window.import_panel.status.text()
    assert "older copy" in shown and "red warning" in shown
    assert "older copy" in user_message(_refusal(window))


def _refusal(window):  # type: ignore[no-untyped-def]
    from archive.custody.rollback import RollbackFound

    try:
        window.vault.trust.require_acknowledged()
    except RollbackFound as exc:
        return exc
    raise AssertionError("a rolled-back vault accepted a change")


def test_a_clean_vault_shows_no_banner(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    assert not main_window.trust_banner.isVisible()
    assert not main_window.vault.trust.warnings
