"""A vault on a really full disk (a small tmpfs filled to 0, 4 KiB and 256 KiB free), through
the installed command: reads still work, writes say "disk full", and nothing ever says the
catalog is damaged or replaced, nor prints a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from conftest import PASSPHRASE

CLI = Path(sys.executable).with_name("strongroom")


def _mount_tmpfs(where: Path, size: str) -> str | None:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(where)], capture_output=True, text=True)
    return None if done.returncode == 0 else f"tmpfs cannot be mounted here ({done.stderr})"


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until no byte is left, then give back ``leave``."""
    filler = folder / "filler"
    chunk = b"\0" * (1 << 16)
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, chunk) == len(chunk):
            pass
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STRONGROOM_PASSPHRASE=PASSPHRASE)
    return subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs is Linux")
@pytest.mark.parametrize("leave", [0, 4096, 256 * 1024])
def test_commands_on_a_full_disk(tmp_path: Path, leave: int) -> None:
    disk = tmp_path / "disk"
    reason = _mount_tmpfs(disk, "24m")
    if reason is not None:
        pytest.skip(reason)
    try:
        vault_path = disk / "vault"
        vault, _ = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
        try:
            fx.jpeg(tmp_path / "first.jpg")
            assert vault.import_paths([tmp_path / "first.jpg"]).ok
        finally:
            vault.lock()
        incoming = tmp_path / "incoming"
        incoming.mkdir()
        (incoming / "big.bin").write_bytes(os.urandom(3 << 20))
        _fill(disk, leave)

        for read in (["list", str(vault_path)], ["search", str(vault_path), "first"]):
            done = _run(*read)
            assert done.returncode == 0, done.stderr
            assert "first.jpg" in done.stdout
        for write in (["import", str(vault_path), str(incoming)], ["verify", str(vault_path)],
                      ["note", str(vault_path), _first_id(vault_path), "a note"]):
            done = _run(*write)
            assert "Traceback" not in done.stderr, done.stderr
            assert "cannot be decrypted" not in done.stderr and "replaced" not in done.stderr
            if done.returncode != 0:
                assert "disk full" in done.stderr, done.stderr
        (disk / "filler").unlink()  # space back: the vault is whole
        done = _run("verify", str(vault_path))
        assert done.returncode == 0, done.stderr
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _first_id(vault_path: Path) -> str:
    import json

    return json.loads(_run("list", str(vault_path), "--json").stdout)[0]["id"]
