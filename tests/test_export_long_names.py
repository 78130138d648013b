"""A name of 125 Cyrillic letters is 250 bytes in UTF-8: the exported file name is cut by bytes
(what file systems count), keeps its extension, and the package validates."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import bagit

import fixtures as fx
from archive import Vault
from archive.exhibits.package import MAX_NAME_BYTES, safe_name


def test_long_cyrillic_name_exports(small_vault: Vault, tmp_path: Path) -> None:
    name = "Ж" * 125 + ".jpg"
    photo = fx.jpeg(tmp_path / name)
    report = small_vault.import_paths([photo])
    assert report.ok
    out = small_vault.export(tmp_path / "bag", items=[report.results[0].item_id]).path
    bagit.Bag(str(out)).validate()
    (row,) = list(csv.DictReader((out / "exhibits.csv").open(encoding="utf-8")))
    assert row["original_name"] == name  # the record keeps the whole name
    exported = out / row["file"]
    assert exported.suffix == ".jpg" and len(exported.name.encode("utf-8")) <= 255
    assert hashlib.sha256(exported.read_bytes()).digest() == hashlib.sha256(
        photo.read_bytes()).digest()


def test_cut_never_splits_a_character() -> None:
    cut = safe_name("я" * 150 + "😀" * 10)
    assert len(cut.encode("utf-8")) <= MAX_NAME_BYTES
    cut.encode("utf-8").decode("utf-8")  # whole characters only
    assert safe_name("Фото двери.jpg") == "Фото двери.jpg"
