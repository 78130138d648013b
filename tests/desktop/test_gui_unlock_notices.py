"""What an unlock found and did reaches the user of the app: interrupted exports cleared or put in
place, and a damaged search index rebuilt, in the amber banner that can be closed. The on-disk
state is made with the archive itself; the vault is unlocked through the start window by typing
the passphrase and pressing Enter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from test_derived_heals import _flip_first_index_chunk

import fixtures as fx
from archive import Vault
from archive.exhibits import staging
from archive.intake.results import ImportOptions
from conftest import PASSPHRASE
from gui_fixtures import *  # noqa: F403
from gui_fixtures import unlock_from_recent_list


def _amber(banner) -> bool:  # type: ignore[no-untyped-def]
    image = banner.grab().toImage()
    pixel = QColor(image.pixel(3, image.height() // 2))
    return pixel.red() > 240 and pixel.green() > 220 and 180 < pixel.blue() < 230


def _dies(*_args: object) -> None:
    raise KeyboardInterrupt  # stands for a kill -9 at this point of the export


@pytest.fixture
def interrupted_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Two exports killed on the way: one after its custody events were committed (before its
    folder got its name), one while it was writing decrypted files (nothing recorded)."""
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    fx.jpeg(tmp_path / "door.jpg")
    assert vault.import_paths([tmp_path / "door.jpg"],
                              options=ImportOptions(case="Harbour")).ok
    recorded, unrecorded = tmp_path / "court-package", tmp_path / "second-package"
    with monkeypatch.context() as patch:
        patch.setattr(staging, "_rename", _dies)
        with pytest.raises(KeyboardInterrupt):
            vault.export(recorded, case="Harbour")
    with monkeypatch.context() as patch:
        patch.setattr(staging.Staging, "mark_recorded", _dies)
        patch.setattr(staging.Staging, "is_recorded", lambda *_a: None)  # as after a kill
        with pytest.raises(KeyboardInterrupt):
            vault.export(unrecorded, case="Harbour")
    vault.lock()
    left = list(tmp_path.glob(".second-package.partial-*"))
    assert len(left) == 1 and any(p.is_file() for p in left[0].rglob("*"))
    assert len(list(tmp_path.glob(".court-package.partial-*"))) == 1
    return {"vault": tmp_path / "vault", "recorded": recorded, "unrecorded": unrecorded,
            "staging": left[0]}


def test_interrupted_exports_are_told_after_unlock(qtbot, controller,  # type: ignore[no-untyped-def]
                                                   interrupted_exports: dict[str, Path]) -> None:
    window = unlock_from_recent_list(qtbot, controller, interrupted_exports["vault"])
    banner = window.trust_banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert not banner.is_alarm() and _amber(banner)
    assert banner.heading.text() == "Unlocking found something you should know."
    shown = banner.details.text()
    assert ("its complete package was put in place: "
            f"{interrupted_exports['recorded']}") in shown
    assert (f"An export to {interrupted_exports['unrecorded']} was interrupted. The decrypted "
            "files it had written were removed") in shown
    assert shown.count("•") == 2
    # what the banner says happened did happen
    assert (interrupted_exports["recorded"] / "bagit.txt").is_file()
    assert not interrupted_exports["staging"].exists()
    assert not interrupted_exports["unrecorded"].exists()
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_unlock_over_a_damaged_index_says_so_and_search_finds(  # type: ignore[no-untyped-def]
        qtbot, controller, tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry-statement.txt").write_text(
        "The boat left at dawn, said the ferryman Oskarsson.", encoding="utf-8")
    fx.jpeg(folder / "IMG_1.jpg")
    report = vault.import_paths([folder])
    assert report.ok
    statement = next(r.item_id for r in report.results if r.path.name == "ferry-statement.txt")
    assert [hit.id for hit in vault.search("Oskarsson")] == [statement]
    _flip_first_index_chunk(vault)
    vault.lock()

    window = unlock_from_recent_list(qtbot, controller, tmp_path / "vault")
    banner = window.trust_banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert not banner.is_alarm() and _amber(banner)
    assert banner.details.text() == (
        "• The search index was damaged and could not be read; it is being rebuilt from the "
        "catalog. The originals are not affected.")

    qtbot.keyClicks(window.search_field, "Oskarsson")
    with qtbot.waitSignal(window.search_panel.shown, timeout=20000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    model = window.search_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=20000)
    assert model.hit(0).id == statement
