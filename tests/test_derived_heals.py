"""Damage to derived data never locks the user out: a changed byte in the search index is said
at unlock and the index is rebuilt from the catalog; every command goes on working."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select

import fixtures as fx
from archive import Vault
from archive.catalog.models import IndexFile
from archive.cli.main import main
from archive.storage.packs import PACK_DIR, pack_name
from conftest import PASSPHRASE
from crypto.chunks import SLOT_BYTES


def _flip_first_index_chunk(vault: Vault) -> None:
    with vault.core.sessions() as session:
        object_ids = list(session.scalars(select(IndexFile.object_id)))
    assert object_ids
    info = vault.core.objects.info(object_ids[0])
    ext = info.extents[0]
    with open(vault.path / PACK_DIR / pack_name(ext.pack), "r+b") as pack:
        pack.seek(ext.first_slot * SLOT_BYTES + 100)
        byte = pack.read(1)
        pack.seek(-1, 1)
        pack.write(bytes([byte[0] ^ 0x01]))


@pytest.fixture
def damaged_index(small_vault: Vault, tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    fx.transcripts(folder / "t")
    fx.jpeg(folder / "IMG_1.jpg")
    assert small_vault.import_paths([folder]).ok
    assert small_vault.search("подвале")
    _flip_first_index_chunk(small_vault)
    small_vault.lock()
    return small_vault.path


def test_unlock_heals_a_damaged_index(damaged_index: Path,
                                      caplog: pytest.LogCaptureFixture) -> None:
    vault = Vault.open(damaged_index)
    with caplog.at_level(logging.WARNING):
        vault.unlock(PASSPHRASE)
    try:
        assert "search index damaged" in caplog.text
        assert vault.search("подвале")  # rebuilt from the catalog
        assert vault.verify().ok  # the damaged index objects were replaced, not kept
    finally:
        vault.lock()
    again = Vault.open(damaged_index)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        again.unlock(PASSPHRASE)
    try:
        assert "search index damaged" not in caplog.text  # healed for good
        assert again.search("подвале")
    finally:
        again.lock()


@pytest.mark.parametrize("command", [["list"], ["verify"], ["reindex"]])
def test_commands_work_over_a_damaged_index(damaged_index: Path, command: list[str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main([command[0], str(damaged_index), *command[1:]]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err


def test_cat_and_export_work_over_a_damaged_index_and_say_so(
        damaged_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    photo = (tmp_path / "in" / "IMG_1.jpg").read_bytes()
    vault = Vault.open(damaged_index)
    vault.unlock(PASSPHRASE, read_only=True)  # a read heals in memory, and says so
    try:
        assert any("search index could not be read" in n for n in vault.notices)
        item = next(i.id for i in vault.items() if i.original_name == "IMG_1.jpg")
    finally:
        vault.lock()
    assert main(["cat", str(damaged_index), item, "--force"]) == 0
    out, err = capfdbinary.readouterr()
    assert out == photo
    assert b"WARNING the search index could not be read" in err and b"Traceback" not in err
    assert main(["export", str(damaged_index), "--items", item,
                 "--out", str(tmp_path / "package")]) == 0
    assert (tmp_path / "package" / "data" / "EX-001_IMG_1.jpg").read_bytes() == photo
    assert b"Traceback" not in capfdbinary.readouterr().err
