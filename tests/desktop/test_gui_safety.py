"""Lock now and auto-lock drop keys and everything shown; preferences and the window layout are
kept in the app's settings, which never hold evidence; export and verify run from the menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.crash_dialog import CrashDialog, crash_details
from desktop.preferences_dialog import PreferencesDialog
from gui_fixtures import *  # noqa: F403
from gui_fixtures import PASSPHRASE


def test_lock_now_closes_viewers_and_drops_keys(qtbot, controller, main_window) -> None:  # type: ignore[no-untyped-def]
    vault = main_window.vault
    item = next(s.id for s in vault.items() if s.original_name == "interview-7.wav")
    viewer = main_window.open_item(item)
    assert viewer is not None and len(main_window.viewers) == 1
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not vault.is_unlocked
    assert main_window.viewers == []
    assert viewer.media is None or viewer.media.player.source().isEmpty()
    assert controller.start.isVisible() and not main_window.isVisible()


class FakeClock:
    """The idle watcher's clock, moved on by the test (seconds)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _one_check(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    """Let the watcher look at its clock once more."""
    with qtbot.waitSignal(controller.idle.timer.timeout, timeout=10000):
        pass


def test_auto_lock_after_idle_time(qtbot, controller, main_window) -> None:  # type: ignore[no-untyped-def]
    vault = main_window.vault
    clock = controller.idle.clock = FakeClock()
    controller.idle.start(10 * 60_000)  # the preference is in minutes; the watcher takes ms
    clock.now += 10 * 60 - 1
    _one_check(qtbot, controller)
    assert vault.is_unlocked
    clock.now += 1
    with qtbot.waitSignal(controller.locked, timeout=10000):
        pass
    assert not vault.is_unlocked
    assert main_window.items.rowCount() == 0


def test_input_postpones_auto_lock(qtbot, controller, main_window) -> None:  # type: ignore[no-untyped-def]
    clock = controller.idle.clock = FakeClock()
    controller.idle.start(600_000)
    for _ in range(6):
        clock.now += 400
        qtbot.keyClick(main_window.search_field, Qt.Key.Key_A)
    clock.now += 599
    _one_check(qtbot, controller)
    assert main_window.vault is not None and main_window.vault.is_unlocked
    clock.now += 1
    with qtbot.waitSignal(controller.locked, timeout=10000):
        pass


def test_preferences_and_layout_are_kept_apart_from_evidence(qtbot, controller, main_window,  # type: ignore[no-untyped-def]
                                                             settings, tmp_path: Path) -> None:
    dialog = PreferencesDialog(settings, main_window)
    qtbot.addWidget(dialog)
    dialog.auto_lock.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.accept()
    assert settings.auto_lock_minutes == 3 and settings.language == "ru"
    main_window.search_field.setText("паспорт")
    main_window.run_search()
    controller.lock()
    text = (tmp_path / "settings.ini").read_bytes()
    assert b"layout" in text and b"auto_lock_minutes=3" in text
    for secret in ("паспорт".encode(), PASSPHRASE.encode(), b"shop-front", b"interview-7",
                   b"55.76", b"Demo: basement"):
        assert secret not in text


def test_export_and_verify_from_the_menus(qtbot, main_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    row = main_window.sidebar_model.row_of_case("Demo: basement shop")
    main_window.sidebar.setCurrentIndex(main_window.sidebar_model.index(row, 0))
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append(a) or str(tmp_path)))
    package = tmp_path / "exhibits-Demo: basement shop"
    qtbot.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Ctrl+E
    assert len(asked) == 1
    qtbot.waitUntil(lambda: main_window.actions_.last_message is not None, timeout=60000)
    assert "package" in main_window.actions_.last_message.text()
    assert str(package) in main_window.actions_.last_message.text()
    assert (package / "bagit.txt").exists()
    assert len(list((package / "data").iterdir())) == 10
    main_window.actions_.last_message.close()
    main_window.actions_.last_message = None
    with qtbot.waitSignal(main_window.actions_.verified, timeout=60000) as verified:
        main_window.act_verify.trigger()
    assert verified.args[0].ok and verified.args[0].items == 10
    assert "SHA-256" in main_window.actions_.last_message.text()
    main_window.actions_.last_message.close()
    actions = [e.action for e in main_window.vault.custody_events()]
    assert "export" in actions and actions[-1] == "verify"


def test_crash_dialog_offers_copyable_details(qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        details = crash_details(type(exc), exc, exc.__traceback__)
    dialog = CrashDialog(details)
    qtbot.addWidget(dialog)
    assert "RuntimeError: boom" in dialog.details.toPlainText()
    assert "Strongroom" in details
