"""The evidence commands through the real entry point, with stable JSON field names."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from conftest import PASSPHRASE


@pytest.fixture
def cli_vault(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    vault, _ = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    vault.lock()
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    return vault_path


def _json(capfdbinary: pytest.CaptureFixture[bytes], argv: list[str]) -> object:
    capfdbinary.readouterr()
    assert main(argv) == 0
    return json.loads(capfdbinary.readouterr().out.decode())


def test_import_list_show_cat_custody(cli_vault: Path, tmp_path: Path,
                                      capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    capsys = capfdbinary
    folder = tmp_path / "in"
    folder.mkdir()
    photo = fx.jpeg(folder / "DSCN0010.jpg")
    fx.transcripts(folder / "t")
    v = str(cli_vault)
    assert main(["import", v, str(folder), "--case", "Basement", "--tag", "rescue",
                 "--also-hash", "md5"]) == 0
    err = capsys.readouterr().err.decode()
    assert "6 imported" in err and "0 failed" in err

    items = _json(capsys, ["list", v, "--json", "--case", "Basement"])
    assert isinstance(items, list) and len(items) == 6
    assert {"id", "sha256", "kind", "original_name", "captured_at", "case", "tags"} <= set(items[0])
    photo_row = next(i for i in items if i["original_name"] == "DSCN0010.jpg")
    assert photo_row["case"] == ["Basement"] and photo_row["tags"] == ["rescue"]

    detail = _json(capsys, ["show", v, photo_row["id"][:10], "--json"])
    assert isinstance(detail, dict)
    assert detail["gps"]["lat"] == pytest.approx(fx.GPS_LAT)
    assert set(detail["gps"]) >= {"lat", "lon"}
    assert detail["md5"] == hashlib.md5(photo.read_bytes()).hexdigest()  # noqa: S324
    assert detail["provenance"][0]["original_name"] == "DSCN0010.jpg"

    capfdbinary.readouterr()
    assert main(["cat", v, photo_row["id"], "--force"]) == 0
    assert capfdbinary.readouterr().out == photo.read_bytes()

    assert main(["note", v, photo_row["id"], "taken at the back door"]) == 0
    assert main(["tag", v, photo_row["id"], "--add", "door"]) == 0
    custody = _json(capsys, ["custody", v, photo_row["id"], "--json"])
    assert isinstance(custody, dict)
    assert [e["action"] for e in custody["events"]] == ["import", "extract", "open", "note", "tag"]
    assert custody["checkpoint"].startswith("strongroom/")


def test_import_failures_exit_1_and_name_the_file(cli_vault: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    good = fx.jpeg(tmp_path / "good.jpg")
    empty = tmp_path / "empty-recording.m4a"
    empty.write_bytes(b"")
    code = main(["import", str(cli_vault), str(good), str(empty)])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty-recording.m4a: empty file (0 bytes)" in err
    assert "1 imported" in err and "1 failed" in err


def test_unknown_item_is_a_clear_error(cli_vault: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(cli_vault), "deadbeef"]) == 6
    assert "no item 'deadbeef'" in capsys.readouterr().err
