"""`verify` finds any changed byte and any change to the custody log, names the item, and exits 1;
a clean vault verifies with exit 0 and the run is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

import fixtures as fx
from archive import Vault
from archive.catalog.models import Item
from archive.cli.main import main
from archive.storage.packs import PACK_DIR, pack_name
from conftest import PASSPHRASE
from crypto.chunks import SLOT_BYTES


@pytest.fixture
def filled(small_vault: Vault, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        fx.jpeg(folder / f"IMG_{i}.jpg", seed=i, size=(900, 700))
    fx.transcripts(folder / "t")
    small_vault.import_paths([folder])
    return {i.original_name: i.id for i in small_vault.items()}


def _object_of(vault: Vault, item_id: str) -> str:
    with vault.core.sessions() as session:
        item = session.get(Item, item_id)
        assert item is not None
        return item.object_id


def _flip_in_object(vault: Vault, object_id: str, chunk: int = 0, offset: int = 500) -> None:
    info = vault.core.objects.info(object_id)
    ext = info.extents[0]
    path = vault.path / PACK_DIR / pack_name(ext.pack)
    with open(path, "r+b") as f:
        f.seek((ext.first_slot + chunk) * SLOT_BYTES + offset)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0x40]))


def test_clean_vault_verifies_and_is_recorded(small_vault: Vault,
                                              filled: dict[str, str]) -> None:
    report = small_vault.verify()
    assert report.ok and report.items == len(filled)
    assert small_vault.custody_events()[-1].action == "verify"


def test_one_damaged_byte_names_exactly_that_item(small_vault: Vault,
                                                  filled: dict[str, str]) -> None:
    victim = filled["IMG_2.jpg"]
    _flip_in_object(small_vault, _object_of(small_vault, victim))
    report = small_vault.verify()
    assert not report.ok
    assert [(d.item_id, d.original_name) for d in report.damaged] == [(victim, "IMG_2.jpg")]
    assert "failed authentication" in report.damaged[0].problem
    assert all(e.action != "verify" for e in small_vault.custody_events())


def test_catalog_hash_mismatch_is_found(small_vault: Vault, filled: dict[str, str]) -> None:
    victim = filled["interview.srt"]
    with small_vault.core.sessions.begin() as session:
        session.execute(text("UPDATE items SET sha256 = :h WHERE id = :i"),
                        {"h": "0" * 64, "i": victim})
    report = small_vault.verify()
    assert [d.item_id for d in report.damaged] == [victim]
    assert "recorded SHA-256" in report.damaged[0].problem


@pytest.mark.parametrize("statement", [
    "UPDATE custody_events SET entry = CAST(replace(CAST(entry AS TEXT), 'root', 'rooT') "
    "AS BLOB) WHERE seq = 3",
    "DELETE FROM custody_events WHERE seq = 4",
])
def test_custody_edits_fail_verify_through_the_cli(small_vault: Vault, filled: dict[str, str],
                                                   vault_path: Path, statement: str,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with small_vault.core.sessions.begin() as session:
        session.execute(text(statement))
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["verify", str(vault_path)]) == 5
    assert "CUSTODY" in capsys.readouterr().err


def test_cli_exit_codes_and_json(small_vault: Vault, filled: dict[str, str], vault_path: Path,
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    victim = filled["IMG_0.jpg"]
    object_id = _object_of(small_vault, victim)
    small_vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["verify", str(vault_path)]) == 0
    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    _flip_in_object(again, object_id)
    again.lock()
    capsys.readouterr()
    assert main(["verify", str(vault_path), "--json"]) == 5
    import json
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and [d["id"] for d in out["damaged"]] == [victim]


def test_truncated_pack_reports_missing_chunks(small_vault: Vault,
                                               filled: dict[str, str]) -> None:
    victim = filled["IMG_3.jpg"]
    info = small_vault.core.objects.info(_object_of(small_vault, victim))
    last = info.extents[-1]
    path = small_vault.path / PACK_DIR / pack_name(last.pack)
    import os
    os.truncate(path, (last.first_slot + last.slot_count - 1) * SLOT_BYTES + 10)
    small_vault.core.objects._packs.close()  # noqa: SLF001 - see the shorter file
    report = small_vault.verify()
    assert victim in {d.item_id for d in report.damaged}
    assert any("missing" in d.problem for d in report.damaged if d.item_id == victim)
