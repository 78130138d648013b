"""Passphrases as people really supply them: only spaces, a file Notepad saved with a byte-order
mark, a variable holding bytes that are not UTF-8, a missing new passphrase."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archive.cli.main import main
from archive.errors import ExitCode

PHRASE = "вечер у реки, семь тополей"


@pytest.fixture(autouse=True)
def no_passphrase_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRONGROOM_PASSPHRASE", raising=False)
    monkeypatch.delenv("STRONGROOM_NEW_PASSPHRASE", raising=False)


def test_whitespace_only_refused_at_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", " \t  ")
    assert main(["init", str(tmp_path / "vault")]) == ExitCode.USAGE
    assert "empty or only spaces" in capsys.readouterr().err
    assert not (tmp_path / "vault").exists()


def test_byte_order_mark_in_a_passphrase_file(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    saved = tmp_path / "phrase.txt"
    saved.write_bytes(b"\xef\xbb\xbf" + PHRASE.encode("utf-8") + b"\r\n")  # as Notepad saves
    assert main(["init", str(tmp_path / "vault"), "--passphrase-file", str(saved)]) == 0
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PHRASE)  # typed, without the mark
    assert main(["list", str(tmp_path / "vault")]) == 0


def test_invalid_utf8_in_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PHRASE)
    assert main(["init", str(tmp_path / "vault")]) == 0
    monkeypatch.setitem(os.environb, b"STRONGROOM_PASSPHRASE", PHRASE.encode("cp1251"))
    assert main(["list", str(tmp_path / "vault")]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "STRONGROOM_PASSPHRASE is not valid UTF-8 text" in err and "Traceback" not in err


def test_passwd_names_the_variable_of_the_new_passphrase(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PHRASE)
    assert main(["init", str(tmp_path / "vault")]) == 0
    capsys.readouterr()
    assert main(["passwd", str(tmp_path / "vault")]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "--new-passphrase-file or set STRONGROOM_NEW_PASSPHRASE" in err
    monkeypatch.setenv("STRONGROOM_NEW_PASSPHRASE", "   ")
    assert main(["passwd", str(tmp_path / "vault")]) == ExitCode.USAGE
    assert main(["list", str(tmp_path / "vault")]) == 0  # the old one still opens it
