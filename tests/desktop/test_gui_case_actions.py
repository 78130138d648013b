"""Case work in the app through its dialogs, as a user answers them: a case made, renamed,
described and deleted, items put in and taken out, items deleted with a reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gui_gestures import type_and_enter
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMessageBox,
    QWidget,
)

import fixtures as fx
from archive import Vault
from archive.intake.results import ImportOptions
from conftest import PASSPHRASE
from desktop.case_actions import CaseActions
from desktop.delete_dialog import DeleteItemsDialog
from gui_fixtures import *  # noqa: F403


@dataclass
class Chosen:
    vault: Vault | None
    case: str | None = None
    selection: list[str] = field(default_factory=list)


def _answer(qtbot, kind: type, then: Callable[[QWidget], None]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """When a dialog of ``kind`` shows, do ``then`` to it (as typing and clicking would)."""
    seen: dict[str, str] = {}

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                seen["text"] = getattr(widget, "labelText", lambda: "")() or \
                    getattr(widget, "text", lambda: "")()
                then(widget)
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return seen


def test_case_work_through_the_dialogs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, slots_per_pack=64, examiner="Anna")
    try:
        (tmp_path / "in").mkdir()
        report = vault.import_paths([fx.jpeg(tmp_path / "in" / f"p{i}.jpg", seed=i)
                                     for i in range(3)], options=ImportOptions())
        ids = [r.item_id for r in report.results]
        parent = QWidget()
        qtbot.addWidget(parent)
        state = Chosen(vault)
        actions = CaseActions(state, parent)
        changed: list[str] = []
        actions.cases_changed.connect(changed.append)

        _answer(qtbot, QInputDialog, type_and_enter(qtbot, "Basement"))
        assert actions.new_case() == "Basement"
        assert changed[-1] == "Basement" and [c[0] for c in vault.cases()] == ["Basement"]

        state.selection = ids[:2]
        assert actions.add_to_case("Basement") == 2
        state.case = "Basement"
        state.selection = [ids[1]]
        assert actions.remove_from_case() == 1
        assert {i.id for i in vault.items(case="Basement")} == {ids[0]}

        seen = _answer(qtbot, QInputDialog, type_and_enter(qtbot, "Cellar"))
        assert actions.rename_case() == "Cellar"
        assert "New name" in seen["text"]
        state.case = "Cellar"
        _answer(qtbot, QInputDialog, type_and_enter(qtbot, "under the shop"))
        actions.describe_case()
        assert vault.cases() == [("Cellar", "under the shop", 1)]

        # deleting a case: No keeps it, Yes deletes it and keeps its items
        _answer(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
        assert actions.delete_case() is False
        seen = _answer(qtbot, QMessageBox,
                       lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        assert actions.delete_case() is True
        assert "stay in the vault" in seen["text"]
        assert vault.cases() == [] and vault.item_count() == 3

        # a name already taken is refused with a message, nothing changes
        vault.create_case("Shop")
        state.case = None
        _answer(qtbot, QInputDialog, type_and_enter(qtbot, "Shop"))
        warned = _answer(qtbot, QMessageBox, lambda box: box.accept())
        assert actions.new_case() is None
        qtbot.waitUntil(lambda: "already a case" in warned.get("text", ""), timeout=5000)

        actions_sentences = [e.action for e in vault.custody_events() if e.action.startswith("case")]
        assert actions_sentences == ["case-create", "case-add", "case-add", "case-remove",
                                     "case-rename", "case-describe", "case-remove",
                                     "case-delete", "case-create"]
        assert {e.actor for e in vault.custody_events()} == {"Anna"}
    finally:
        vault.lock()


def test_items_deleted_only_with_a_reason(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, slots_per_pack=64)
    try:
        (tmp_path / "in").mkdir()
        report = vault.import_paths([fx.jpeg(tmp_path / "in" / f"p{i}.jpg", seed=i)
                                     for i in range(2)])
        ids = [r.item_id for r in report.results]
        parent = QWidget()
        qtbot.addWidget(parent)
        actions = CaseActions(Chosen(vault, selection=list(ids)), parent)
        gone: list[list[str]] = []
        actions.items_deleted.connect(gone.append)
        checks: dict[str, object] = {}

        def cancel(dialog: QWidget) -> None:
            assert isinstance(dialog, DeleteItemsDialog)
            checks["disabled"] = not dialog.delete_button.isEnabled()
            checks["text"] = dialog.what.text() + dialog.explanation.text()
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

        _answer(qtbot, DeleteItemsDialog, cancel)
        assert actions.delete_items() == []
        assert checks["disabled"] is True
        assert "p0.jpg" in str(checks["text"]) and "crypto-erasure" in str(checks["text"])
        assert vault.item_count() == 2

        def delete(dialog: QWidget) -> None:
            assert isinstance(dialog, DeleteItemsDialog)
            qtbot.keyClicks(dialog.reason, "imported by mistake")
            qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)

        _answer(qtbot, DeleteItemsDialog, delete)
        assert actions.delete_items() == ids
        assert gone == [ids] and vault.item_count() == 0
        reasons = [e.details["reason"] for e in vault.custody_events()
                   if e.action == "deletion-request"]
        assert reasons == ["imported by mistake"] * 2
    finally:
        vault.lock()
