"""Reads leave the vault folder as it was (a disk image shows writes, not reads), and a vault on
read-only media (a write-blocked copy) opens read-only: list, search, show, cat and verify work
without a lock file and say so; commands that change it refuse clearly."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.intake.results import ImportOptions
from archive.storage import lock as vault_lock
from conftest import PASSPHRASE

CLI = Path(sys.executable).with_name("strongroom")
NOTICE = "read-only: nothing will be recorded"


def _make_vault(tmp_path: Path) -> tuple[Path, str]:
    source = tmp_path / "source"
    source.mkdir()
    fx.jpeg(source / "harbour.jpg")
    (source / "statement.txt").write_text("The boat left the quay at dawn.", encoding="utf-8")
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        vault.import_paths([source], options=ImportOptions(case="Quay"))
        item = vault.items()[0].id
    finally:
        vault.lock()
    return tmp_path / "vault", item


def _snapshot(folder: Path) -> dict[str, tuple[int | None, int, str | None]]:
    """Every file and folder under ``folder``: (size, mtime_ns, sha256)."""
    seen = {}
    for path in [folder, *sorted(folder.rglob("*"))]:
        st = path.stat()
        if path.is_dir():
            seen[str(path.relative_to(folder))] = (None, st.st_mtime_ns, None)
        else:
            seen[str(path.relative_to(folder))] = (
                st.st_size, st.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return seen


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STRONGROOM_PASSPHRASE=PASSPHRASE)
    return subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True,
                          timeout=600)


def _cat(vault: Path, item: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, STRONGROOM_PASSPHRASE=PASSPHRASE)
    return subprocess.run([str(CLI), "cat", str(vault), item, "--force"], env=env,
                          capture_output=True, timeout=600)


def test_reads_leave_the_vault_folder_as_it_was(tmp_path: Path) -> None:
    vault, item = _make_vault(tmp_path)
    assert _cat(vault, item).returncode == 0  # recorded as an event: allowed to write
    for command in (["list", str(vault)], ["list", str(vault), "--json"],
                    ["search", str(vault), "quay"], ["show", str(vault), item],
                    ["show", str(vault), item, "--json"], ["custody", str(vault)],
                    ["case", "list", str(vault)]):
        before = _snapshot(vault)
        done = _run(*command)
        assert done.returncode == 0, (command, done.stderr)
        assert _snapshot(vault) == before, f"{command[0]} changed the vault folder"
        assert NOTICE not in done.stderr  # writable media: nothing to say
    # The same vault still takes writes afterwards, and a read after them sees them.
    assert _run("note", str(vault), item, "seen at the harbour").returncode == 0
    shown = _run("show", str(vault), item, "--json")
    assert "seen at the harbour" in shown.stdout


def test_a_read_after_a_crash_settles_first(tmp_path: Path) -> None:
    """A write-ahead log left by a killed writer may hold committed changes: the read opens for
    writing once to fold it in, and sees them."""
    vault_path, item = _make_vault(tmp_path)
    script = ("import os, signal, sys\n"
              "from archive import Vault\n"
              "v = Vault.open(sys.argv[1]); v.unlock(sys.argv[2])\n"
              "v.add_note(sys.argv[3], 'a note committed before the crash')\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    child = subprocess.run([sys.executable, "-c", script, str(vault_path), PASSPHRASE, item],
                           capture_output=True, timeout=600)
    assert child.returncode < 0
    assert (vault_path / "catalog.db-wal").exists()
    shown = _run("show", str(vault_path), item, "--json")
    assert shown.returncode == 0, shown.stderr
    assert "a note committed before the crash" in shown.stdout
    assert not (vault_path / "catalog.db-wal").exists()


def _lock_file_on_read_only_media(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the lock file for writing fails as on a write-blocked copy."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202
        if Path(path).name == "lock" and flags & (os.O_RDWR | os.O_WRONLY | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(vault_lock.os, "open", refusing)


def test_read_only_media_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    vault_path, item = _make_vault(tmp_path)
    _lock_file_on_read_only_media(monkeypatch)
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        assert vault.read_only and vault.on_read_only_media
        events = len(vault.custody_events())
    finally:
        vault.lock()
    before = _snapshot(vault_path)
    for command in (["list", str(vault_path)], ["search", str(vault_path), "dawn"],
                    ["show", str(vault_path), item], ["verify", str(vault_path)]):
        assert main(command) == 0, command
        err = capsys.readouterr().err
        assert NOTICE in err, command
    captured, out = io.BytesIO(), sys.stdout
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(captured))
    assert main(["cat", str(vault_path), item, "--force"]) == 0
    monkeypatch.setattr(sys, "stdout", out)
    assert captured.getvalue() == (tmp_path / "source" / "harbour.jpg").read_bytes() or \
        captured.getvalue() == (tmp_path / "source" / "statement.txt").read_bytes()
    assert NOTICE in capsys.readouterr().err
    for command in (["note", str(vault_path), item, "text"],
                    ["import", str(vault_path), str(tmp_path / "source")],
                    ["export", str(vault_path), "--case", "Quay", "--out", str(tmp_path / "p")],
                    ["tag", str(vault_path), item, "--add", "x"]):
        assert main(command) == 1, command
        err = capsys.readouterr().err
        assert "read-only" in err and "nothing can be changed" in err and "Traceback" not in err
    assert not (tmp_path / "p").exists()
    assert _snapshot(vault_path) == before
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        assert len(vault.custody_events()) == events  # nothing was recorded
    finally:
        vault.lock()


def _bind_read_only(source: Path, target: Path) -> str | None:
    """Mount ``source`` read-only at ``target``; the reason when this machine cannot."""
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        return "no mount command"
    target.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        return f"a bind mount is not allowed here ({done.stderr.strip()})"
    done = subprocess.run(["mount", "-o", "remount,ro,bind", str(target)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        subprocess.run(["umount", str(target)], check=False)
        return f"a read-only remount is not allowed here ({done.stderr.strip()})"
    return None


def test_real_read_only_bind_mount(tmp_path: Path) -> None:
    vault_path, item = _make_vault(tmp_path)
    (vault_path / "lock").unlink()  # a copy made without it: nothing may be created
    mounted = tmp_path / "write-blocked"
    reason = _bind_read_only(vault_path, mounted)
    if reason is not None:
        pytest.skip(reason)
    try:
        for command in (["list", str(mounted), "--json"], ["search", str(mounted), "dawn"],
                        ["show", str(mounted), item], ["verify", str(mounted)],
                        ["custody", str(mounted)]):
            done = _run(*command)
            assert done.returncode == 0, (command, done.stderr)
            assert NOTICE in done.stderr, command
        listed = json.loads(_run("list", str(mounted), "--json").stdout)
        assert len(listed) == 2
        cat = _cat(mounted, item)
        assert cat.returncode == 0
        assert hashlib.sha256(cat.stdout).hexdigest() == json.loads(
            _run("show", str(mounted), item, "--json").stdout)["sha256"]
        refused = _run("note", str(mounted), item, "text")
        assert refused.returncode == 1 and "nothing can be changed" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert not (mounted / "lock").exists()
    finally:
        subprocess.run(["umount", str(mounted)], check=False)
