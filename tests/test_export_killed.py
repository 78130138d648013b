"""kill -9 during the installed ``strongroom export``: the next command removes what the killed
export wrote and says so; no file under the output folder holds the bytes of any original, and
no export custody event exists for a package that never appeared."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import bagit
import pytest

import fixtures as fx
from archive import Vault
from archive.catalog.models_outside import ExportStaging
from archive.intake.results import ImportOptions
from conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals")
CLI = Path(sys.executable).with_name("strongroom")
COUNT, SIZE = 40, 512 * 1024


def _make_vault(tmp_path: Path) -> tuple[Path, list[bytes]]:
    batch = tmp_path / "batch"
    batch.mkdir()
    originals = []
    for n in range(COUNT):
        data = os.urandom(SIZE)
        (batch / f"record-{n:02d}.bin").write_bytes(data)
        originals.append(data)
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        vault.import_paths([batch], options=ImportOptions(case="Harbour"))
    finally:
        vault.lock()
    return tmp_path / "vault", originals


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def _holding_plaintext(folder: Path, originals: list[bytes]) -> list[Path]:
    """Files under ``folder`` holding any original's bytes, found by content (any name)."""
    probes = [o[SIZE // 2: SIZE // 2 + 4096] for o in originals]
    return [p for p in _files(folder) if any(probe in p.read_bytes() for probe in probes)]


def _export_until(vault: Path, out: Path, ready) -> subprocess.Popen[bytes]:  # noqa: ANN001
    env = dict(os.environ, STRONGROOM_PASSPHRASE=PASSPHRASE)
    proc = subprocess.Popen([str(CLI), "export", str(vault), "--case", "Harbour",
                             "--out", str(out)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = 2400  # a guard against a stuck child, not a timing assertion
    while proc.poll() is None and deadline:
        staged = list(out.parent.glob(f".{out.name}.partial-*"))
        if staged and ready(staged[0]):
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
        deadline -= 1
    proc.wait(timeout=60)
    return proc


def _export_events(vault_path: Path) -> int:
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        with vault.core.sessions() as session:
            assert session.query(ExportStaging).count() == 0
        return sum(1 for e in vault.custody_events() if e.action == "export")
    finally:
        vault.lock()


def _originals_written(n: int):  # noqa: ANN202
    def ready(folder: Path) -> bool:
        try:
            return sum(p.stat().st_size >= SIZE for p in _files(folder)) >= n
        except FileNotFoundError:  # renamed into place meanwhile
            return False
    return ready


def _tag_files_begun(folder: Path) -> bool:
    return (folder / "bagit.txt").exists()


@pytest.mark.parametrize("ready", [_originals_written(1), _originals_written(15),
                                   _originals_written(COUNT - 2), _tag_files_begun],
                         ids=["after-1-file", "after-15-files", "after-38-files", "tag-files"])
def test_killed_export_leaves_nothing_readable(tmp_path: Path, ready) -> None:  # noqa: ANN001
    vault, originals = _make_vault(tmp_path)
    outdir = tmp_path / "out"
    outdir.mkdir()
    package = outdir / "package"
    proc = _export_until(vault, package, ready)
    if proc.returncode == 0:  # it finished before the kill landed: complete and recorded
        assert package.is_dir() and bagit.Bag(str(package)).is_valid()
        assert _export_events(vault) == COUNT
        pytest.skip("the export completed before the kill could land")
    assert proc.returncode == -signal.SIGKILL
    assert _holding_plaintext(outdir, originals), "the kill landed before any file was written"

    # The next command (a plain listing) clears it, and says so.
    env = dict(os.environ, STRONGROOM_PASSPHRASE=PASSPHRASE)
    listing = subprocess.run([str(CLI), "list", str(vault)], env=env, capture_output=True,
                             text=True, timeout=600)
    assert listing.returncode == 0, listing.stderr
    assert "WARNING an export to" in listing.stderr and "were removed" in listing.stderr
    assert str(package) in listing.stderr

    assert _holding_plaintext(outdir, originals) == []
    assert _files(outdir) == [] and not package.exists()
    assert _export_events(vault) == 0

    # Said once: the command after that has nothing to report, and a new export works.
    again = subprocess.run([str(CLI), "export", str(vault), "--case", "Harbour", "--out",
                            str(package)], env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "WARNING" not in again.stderr
    assert bagit.Bag(str(package)).is_valid()
    assert _export_events(vault) == COUNT


def test_recorded_export_killed_before_its_rename_is_put_in_place(tmp_path: Path,
                                                                   monkeypatch) -> None:  # noqa: ANN001
    """The events committed, the process dies before the rename: the package is complete and
    recorded, so the next unlock gives it its name rather than losing it."""
    from archive.exhibits import staging

    vault_path = tmp_path / "vault"
    vault, _ = Vault.create(vault_path, PASSPHRASE)
    fx.jpeg(tmp_path / "a.jpg")
    vault.import_paths([tmp_path / "a.jpg"], options=ImportOptions(case="Harbour"))

    def dies(_src: object, _dst: object) -> None:
        raise KeyboardInterrupt  # stands for the kill, after the commit and before the rename

    monkeypatch.setattr(staging, "_rename", dies)
    with pytest.raises(KeyboardInterrupt):
        vault.export(tmp_path / "package", case="Harbour")
    vault.lock()
    monkeypatch.undo()
    assert not (tmp_path / "package").exists()
    assert len(list(tmp_path.glob(".package.partial-*"))) == 1

    reopened = Vault.open(vault_path)
    reopened.unlock(PASSPHRASE)
    try:
        assert any("put in place" in n and str(tmp_path / "package") in n
                   for n in reopened.notices)
        assert sum(e.action == "export" for e in reopened.custody_events()) == 1
    finally:
        reopened.lock()
    assert bagit.Bag(str(tmp_path / "package")).is_valid()
    assert not list(tmp_path.glob(".package.partial-*"))


def test_killed_publication_copies_leave_nothing(tmp_path: Path) -> None:
    vault_path = tmp_path / "vault"
    vault, _ = Vault.create(vault_path, PASSPHRASE)
    batch = tmp_path / "photos"
    batch.mkdir()
    for n in range(12):
        fx.jpeg(batch / f"IMG_{n:02d}.jpg", seed=n, size=(1600, 1200))
    vault.import_paths([batch], options=ImportOptions(case="Harbour"))
    vault.lock()
    outdir = tmp_path / "out"
    outdir.mkdir()
    env = dict(os.environ, STRONGROOM_PASSPHRASE=PASSPHRASE)
    proc = subprocess.Popen([str(CLI), "export", str(vault_path), "--case", "Harbour",
                             "--publication", "--out", str(outdir / "copies")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(6000):
        staged = list(outdir.glob(".copies.partial-*"))
        if proc.poll() is not None or (staged and len(_files(staged[0])) >= 2):
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the copies were complete before the kill could land")
    assert _files(outdir), "the kill landed before any copy was written"
    listing = subprocess.run([str(CLI), "list", str(vault_path)], env=env,
                             capture_output=True, text=True, timeout=600)
    assert "were removed" in listing.stderr
    assert _files(outdir) == []
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    try:
        assert not [e for e in vault.custody_events() if e.action == "publication-copy"]
    finally:
        vault.lock()
