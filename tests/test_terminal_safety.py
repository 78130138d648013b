"""Strings from evidence cannot act on the terminal: control characters in file names (and the
text the readers extract) are shown escaped, so no escape sequence reaches the terminal and a
newline cannot forge a row; `--json` keeps them exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import fixtures as fx
from archive.cli.main import main
from conftest import PASSPHRASE

NAME = "evil\x1b]0;owned\x07\nFORGED-ROW \u202egpj.exe.jpg"


@pytest.fixture
def vault_with_hostile_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    vault = str(tmp_path / "vault")
    assert main(["init", vault]) == 0
    folder = tmp_path / "in"
    folder.mkdir()
    fx.jpeg(folder / NAME)
    assert main(["import", vault, str(folder)]) == 0
    return vault


def test_list_and_show_escape_controls(vault_with_hostile_name: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["list", vault_with_hostile_name]) == 0
    out = capsys.readouterr()
    rows = out.out.splitlines()
    assert len(rows) == 1  # one item, one row: the newline in its name forged nothing
    assert rows[0].endswith("evil\\x1b]0;owned\\x07\\nFORGED-ROW \\u202egpj.exe.jpg")
    item = rows[0].split()[0]
    assert main(["show", vault_with_hostile_name, item]) == 0
    shown = capsys.readouterr()
    for stream in (out.out, out.err, shown.out, shown.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream


def test_json_keeps_the_name_exact(vault_with_hostile_name: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["list", vault_with_hostile_name, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["original_name"] == NAME


def test_import_messages_escape_the_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    vault = str(tmp_path / "vault")
    assert main(["init", vault]) == 0
    bad = tmp_path / "empty\x1b[2J.jpg"
    bad.write_bytes(b"")
    capsys.readouterr()
    main(["import", vault, str(bad)])
    err = capsys.readouterr().err
    assert "empty\\x1b[2J.jpg: empty file" in err and "\x1b" not in err
