"""``strongroom init | passwd | info`` through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive import Vault
from archive.cli.main import main
from conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def test_init_prints_recovery_key_once(vault_path: Path, passfile: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(vault_path), "--passphrase-file", str(passfile)]) == 0
    out, err = capsys.readouterr()
    recovery = out.strip()
    assert "RECOVERY KEY" in err and PASSPHRASE not in out + err
    vault = Vault.open(vault_path)
    vault.unlock_with_recovery(recovery)
    vault.lock()


def test_passwd_and_env_passphrase(vault_path: Path, passfile: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["init", str(vault_path), "--passphrase-file", str(passfile)]) == 0
    newfile = tmp_path / "new.txt"
    newfile.write_text("a brand new phrase", encoding="utf-8")
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    assert main(["passwd", str(vault_path), "--new-passphrase-file", str(newfile)]) == 0
    assert main(["passwd", str(vault_path), "--new-passphrase-file", str(newfile)]) == 3
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", "a brand new phrase")
    monkeypatch.setenv("STRONGROOM_NEW_PASSPHRASE", "third phrase")
    assert main(["passwd", str(vault_path)]) == 0


def test_wrong_passphrase_exit_3_no_traceback(vault_path: Path, passfile: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", str(vault_path), "--passphrase-file", str(passfile)])
    capsys.readouterr()
    bad = tmp_path / "bad.txt"
    bad.write_text("nope", encoding="utf-8")
    newfile = tmp_path / "new.txt"
    newfile.write_text("x", encoding="utf-8")
    code = main(["passwd", str(vault_path), "--passphrase-file", str(bad),
                 "--new-passphrase-file", str(newfile)])
    err = capsys.readouterr().err
    assert code == 3
    assert "wrong passphrase" in err and "Traceback" not in err


def test_info_json_shows_only_public_facts(vault_path: Path, passfile: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", str(vault_path), "--passphrase-file", str(passfile)])
    capsys.readouterr()
    assert main(["info", str(vault_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert set(info) == {"format_version", "kdf", "packs", "pack_bytes", "catalog_bytes",
                         "total_bytes"}
    assert info["packs"] == 1


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["frobnicate"]) == 2
    assert main([]) == 2
    monkeypatch.delenv("STRONGROOM_PASSPHRASE", raising=False)
    # No terminal and no passphrase source: a usage error, not a hang.
    result = subprocess.run(
        [sys.executable, "-m", "archive.cli.main", "init", str(tmp_path / "v")],
        cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
        env={k: v for k, v in os.environ.items() if k != "STRONGROOM_PASSPHRASE"},
    )
    assert result.returncode == 2
    assert "--passphrase-file" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "v").exists()


def test_missing_vault_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(tmp_path / "absent")]) == 6
    assert "no such folder" in capsys.readouterr().err


def test_os_errors_are_messages_not_tracebacks(tmp_path: Path, passfile: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code = main(["init", str(blocker / "vault"), "--passphrase-file", str(passfile)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and "strongroom:" in err


def test_each_class_of_failure_has_its_own_exit_code(vault_path: Path, passfile: Path,
                                                     tmp_path: Path) -> None:
    """Wrong key, vault busy, damage, bad input and usage are told apart by the exit code."""
    from archive import Vault
    from archive.errors import ExitCode

    assert main(["init", str(vault_path), "--passphrase-file", str(passfile)]) == 0
    bad = tmp_path / "bad.txt"
    bad.write_text("not the passphrase", encoding="utf-8")
    assert main(["list", str(vault_path), "--passphrase-file", str(bad)]) == ExitCode.WRONG_KEY
    holder = Vault.open(vault_path)
    holder.unlock(PASSPHRASE)
    try:
        code = main(["list", str(vault_path), "--passphrase-file", str(passfile)])
    finally:
        holder.lock()
    assert code == ExitCode.BUSY
    assert main(["info", str(tmp_path / "absent")]) == ExitCode.BAD_INPUT
    assert main(["list"]) == ExitCode.USAGE
    codes = {int(c) for c in ExitCode}
    assert len(codes) == len(ExitCode), "two classes of failure share an exit code"
