"""Folders and names made to hurt: links that multiply paths, too many paths, names that are not
UTF-8. The import goes on and says what it did."""

from __future__ import annotations

import os
from pathlib import Path

import fixtures as fx
from archive import Vault
from archive.intake.importer import FAILED, IMPORTED
from archive.intake.walk import walk


def _link_ladder(root: Path, levels: int) -> Path:
    """``levels`` folders, each holding two links to the next: 2**levels paths to the last."""
    for level in range(levels + 1):
        (root / f"d{level}").mkdir(parents=True)
    for level in range(levels):
        for name in ("a", "b"):
            (root / f"d{level}" / name).symlink_to(root / f"d{level + 1}")
    fx.jpeg(root / f"d{levels}" / "bottom.jpg")
    return root / "d0"


def test_each_folder_is_walked_once(tmp_path: Path) -> None:
    top = _link_ladder(tmp_path / "ladder", 25)  # 33 million paths if links were followed
    found = list(walk([top]))
    assert [(f.path.name, f.problem) for f in found] == [("bottom.jpg", None)]


def test_loops_are_still_reported(tmp_path: Path) -> None:
    (tmp_path / "top" / "inner").mkdir(parents=True)
    (tmp_path / "top" / "inner" / "up").symlink_to(tmp_path / "top")
    found = list(walk([tmp_path / "top"]))
    assert [f.problem for f in found] == [
        "folder link loops back to a folder above it; not followed"]


def test_a_cap_on_paths_stops_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text("x")
    found = list(walk([folder], max_paths=10))
    assert [f.problem for f in found[:9]] == [None] * 9
    assert found[9].problem == ("more than 10 files and folders in this import; this one and "
                                "the rest were not taken in (import them separately)")
    assert len(found) == 10


def test_a_name_that_is_not_utf8(small_vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = "Показания.txt".encode("cp1251")  # as Windows archives store Cyrillic names
    os.close(os.open(os.path.join(os.fsencode(folder), raw), os.O_CREAT | os.O_WRONLY, 0o600))
    with open(os.path.join(os.fsencode(folder), raw), "wb") as out:
        out.write("Показания свидетеля".encode("cp1251"))
    fx.jpeg(folder / "z-after.jpg")
    report = small_vault.import_paths([folder])
    statuses = {r.path.name: r.status for r in report.results}
    assert statuses["z-after.jpg"] == IMPORTED
    (result,) = [r for r in report.results if r.path.name != "z-after.jpg"]
    assert result.status == IMPORTED, result.message()
    shown = result.message()
    shown.encode("utf-8")  # printable as it is
    assert shown.startswith("\\xcf\\xee\\xea")
    detail = small_vault.item_detail(result.item_id)
    assert detail.original_name == "\\xcf\\xee\\xea\\xe0\\xe7\\xe0\\xed\\xe8\\xff.txt"
    imports = [e for e in small_vault.custody_events(result.item_id) if e.action == "import"]
    assert bytes.fromhex(imports[0].details["original_name_bytes"]) == raw  # kept losslessly
    assert FAILED not in statuses.values()
