"""A full disk is said as "disk full", never as damage or tampering; the unfinished pack files
that held the space are removed at once, and the vault opens and verifies clean afterwards."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from archive.errors import DiskFull
from archive.storage.packs import PACK_DIR
from conftest import PASSPHRASE


def _no_space(*_args: object, **_kwargs: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def one_item_vault(small_vault: Vault, tmp_path: Path) -> Path:
    fx.jpeg(tmp_path / "first.jpg")
    assert small_vault.import_paths([tmp_path / "first.jpg"]).ok
    small_vault.lock()
    return small_vault.path


def _big_files(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"recording-{i}.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    return folder


def test_import_on_a_full_disk_says_disk_full(one_item_vault: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = _big_files(tmp_path / "in", 3)
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    with monkeypatch.context() as full:
        full.setattr(os, "writev", _no_space)
        full.setattr(os, "pwritev", _no_space)
        code = main(["import", str(one_item_vault), str(folder)])
    err = capsys.readouterr().err
    assert code == DiskFull.exit_code
    assert err.splitlines()[-1] == f"strongroom: {DiskFull()}"  # and nothing about damage
    assert "cannot be decrypted" not in err and "Traceback" not in err
    assert not list((one_item_vault / PACK_DIR).glob("*.tmp"))  # swept at once, not at unlock
    assert main(["verify", str(one_item_vault)]) == 0
    vault = Vault.open(one_item_vault)
    vault.unlock(PASSPHRASE)
    try:
        assert [i.original_name for i in vault.items()] == ["first.jpg"]
    finally:
        vault.lock()


def _space_for(writes: int) -> Callable[..., int]:
    """``os.writev`` that succeeds ``writes`` times, then finds the disk full."""
    real, left = os.writev, [writes]

    def writev(fd: int, buffers: object) -> int:
        left[0] -= 1
        if left[0] < 0:
            _no_space()
        return real(fd, buffers)

    return writev


@pytest.mark.parametrize("writes", [0, 3, 8, 12])
def test_api_raises_disk_full(one_item_vault: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    """The disk fills at the first write, in the middle of a file, or while a new pack is
    being filled with decoy slots."""
    folder = _big_files(tmp_path / "in", 3)
    vault = Vault.open(one_item_vault)
    vault.unlock(PASSPHRASE)
    try:
        with monkeypatch.context() as full:
            full.setattr(os, "writev", _space_for(writes))
            full.setattr(os, "pwritev", _no_space)
            with pytest.raises(DiskFull, match="^disk full"):
                vault.import_paths([folder])
        assert not list((one_item_vault / PACK_DIR).glob("*.tmp"))
        assert vault.import_paths([folder]).ok  # space back: the same files go in
    finally:
        vault.lock()
