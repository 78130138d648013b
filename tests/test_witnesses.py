"""Witnesses written after every commit that adds custody events: in the state folder and the
user's witness folders, all the same size, nothing readable, never fatal when a place fails."""

from __future__ import annotations

import base64
import logging
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

import fixtures as fx
from archive import Vault
from archive.catalog.models import VaultRecord
from archive.cli.main import main
from archive.custody import rollback, witness
from conftest import PASSPHRASE
from crypto.keys import Purpose


def state_witnesses(state_home: Path) -> list[Path]:
    folder = state_home / "strongroom" / "witnesses"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def vault_id_of(vault: Vault) -> str:
    with vault.core.sessions() as session:
        return session.scalars(select(VaultRecord.vault_id)).one()


def test_every_change_moves_the_witness_on(small_vault: Vault, tmp_path: Path,
                                           state_home: Path) -> None:
    assert state_witnesses(state_home) == []  # a new vault has no history to remember yet
    report = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    [file] = state_witnesses(state_home)
    assert len(file.name) == 32 and int(file.name, 16) >= 0
    first = file.read_bytes()
    small_vault.add_note(report.results[0].item_id, "a note")
    assert file.read_bytes() != first
    keys = witness.WitnessKeys.from_subkey(small_vault.core.subkey(Purpose.WITNESS))
    seen = witness.read(file.parent, file.name, keys)
    assert seen is not None and seen.checkpoint.size == small_vault.custody.size
    assert seen.note == small_vault.latest_checkpoint()
    small_vault.items()  # a read adds no event and leaves the witness alone
    assert witness.read(file.parent, file.name, keys) == seen


def test_witness_files_show_nothing_and_are_all_one_size(
        small_vault: Vault, tmp_path: Path, state_home: Path) -> None:
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    small_vault.trust.witnesses.add_folder(usb)
    small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    other, _ = Vault.create(tmp_path / "second-vault", PASSPHRASE, slots_per_pack=64)
    other.trust.witnesses.add_folder(usb)
    for n in range(3):
        other.import_paths([fx.jpeg(tmp_path / f"b{n}.jpg", seed=n + 5)])
    files = state_witnesses(state_home) + sorted(usb.iterdir())
    assert len(files) == 4  # two vaults, two places each, one folder shared
    assert {f.stat().st_size for f in files} == {witness.FILE_BYTES}
    for vault in (small_vault, other):
        origin, size, root = vault.custody.origin, vault.custody.size, vault.custody.root()
        vault_id = vault_id_of(vault)
        secrets = [f"{origin}\n{size}\n".encode(), root, base64.b64encode(root),
                   vault_id.encode(), bytes.fromhex(vault_id), origin.encode(),
                   vault.latest_checkpoint().encode()[-60:]]
        for file in files:
            data = file.read_bytes()
            assert not [s for s in secrets if s in data], file.name
            assert vault_id not in file.name
    other.lock()


def test_user_folders_are_kept_in_the_catalog_and_managed_from_the_cli(
        small_vault: Vault, vault_path: Path, tmp_path: Path, state_home: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    small_vault.lock()
    usb = tmp_path / "USB-Зеркало"
    usb.mkdir()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["witness", "add", str(vault_path), str(usb)]) == 0
    assert [p.stat().st_size for p in usb.iterdir()] == [witness.FILE_BYTES]  # written now
    assert main(["witness", "add", str(vault_path), str(usb)]) == 6  # already there
    assert main(["witness", "add", str(vault_path), str(tmp_path / "nowhere")]) == 6
    capsys.readouterr()
    assert main(["witness", "list", str(vault_path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == [f"{state_home / 'strongroom' / 'witnesses'}  (default)", str(usb)]
    # The list lives in the encrypted catalog only.
    for path in sorted(vault_path.rglob("*")):
        if path.is_file():
            assert "Зеркало".encode() not in path.read_bytes()
            assert b"USB-" not in path.read_bytes()
    assert main(["witness", "remove", str(vault_path), str(usb)]) == 0
    assert list(usb.iterdir()) == []
    assert main(["witness", "remove", str(vault_path), str(usb)]) == 6
    assert main(["witness", "add", str(vault_path)]) == 2


def test_a_place_that_cannot_be_written_is_reported_never_fatal(
        small_vault: Vault, tmp_path: Path, state_home: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    usb = tmp_path / "Unplugged-Stick"
    usb.mkdir()
    small_vault.trust.witnesses.add_folder(usb)
    shutil.rmtree(usb)  # the stick was pulled out
    caplog.set_level(logging.INFO)
    report = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    assert report.ok and small_vault.item_count() == 1  # the import itself was kept
    problems = [w for w in small_vault.trust.warnings if w.kind == rollback.UNWRITTEN_WITNESS]
    assert len(problems) == 1 and problems[0].where == str(usb) and not problems[0].damage
    assert str(usb) in problems[0].message
    assert len(state_witnesses(state_home)) == 1  # the other place was written
    assert "Unplugged" not in caplog.text and "witness place 2 of 2" in caplog.text
    usb.mkdir()  # plugged in again: the next change writes it, the warning goes
    small_vault.add_note(report.results[0].item_id, "later")
    assert not [w for w in small_vault.trust.warnings if w.kind == rollback.UNWRITTEN_WITNESS]
    assert len(list(usb.iterdir())) == 1


def test_the_state_folder_itself_failing_is_not_fatal(
        small_vault: Vault, tmp_path: Path, state_home: Path) -> None:
    state_home.mkdir()
    (state_home / "strongroom").write_bytes(b"a file where the folder should be")
    report = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    assert report.ok
    assert [w.kind for w in small_vault.trust.warnings] == [rollback.UNWRITTEN_WITNESS]


def test_a_witness_on_a_stick_catches_a_rollback_when_the_state_folder_lost_its_own(
        small_vault: Vault, vault_path: Path, tmp_path: Path, state_home: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    small_vault.trust.witnesses.add_folder(usb)
    small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    small_vault.lock()
    shutil.copytree(vault_path, tmp_path / "old")
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    vault.import_paths([fx.jpeg(tmp_path / "b.jpg", seed=4)])
    vault.lock()
    shutil.rmtree(vault_path)
    shutil.copytree(tmp_path / "old", vault_path)
    shutil.rmtree(state_home)  # the tamperer removed the witness they could find
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    [found] = [w for w in vault.trust.warnings if w.damage]
    assert found.kind == rollback.ROLLBACK and found.where.startswith(str(usb))
    vault.lock()
