"""Shared fixtures. Tests switch the cheap KDF on themselves; the product never does.

Every test gets its own temp folder (``TMPDIR`` and ``tempfile.tempdir``), so a check that
nothing appeared in "the temp folder" looks only at what this test's process made, never at
other processes on the machine. ``written_files`` records every file the process opens for
writing (through an audit hook), wherever it is."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import Vault
from archive import vault as vault_module
from archive.core import VaultCore
from crypto import kdf

pytest_plugins = ["tsa_fixtures"]  # the ``ca`` and ``tsa`` fixtures

PASSPHRASE = "correct horse battery staple"
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

os.umask(0o077)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # GUI tests never need a screen


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_module, "DEFAULT_KDF", kdf.CHEAP_FOR_TESTS)


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's state folder (where witnesses go) inside the test's own folder: no test
    writes to the real home."""
    folder = tmp_path / "state-home"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path_factory: pytest.TempPathFactory,
                    monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's temp folder: what ``tempfile``, SQLite, Qt and child processes use."""
    folder = tmp_path_factory.mktemp("temp", numbered=True)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


class WriteRecorder:
    """Paths of the files opened for writing (or created) while recording, from any thread."""

    _WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.recording = False
        self._lock = threading.Lock()

    def audit(self, event: str, args: tuple[object, ...]) -> None:
        if not self.recording or event != "open" or len(args) < 3:
            return
        path, mode, flags = args[0], args[1], args[2]
        if isinstance(path, int):
            return  # an already open descriptor: its opening was recorded
        writes = (any(c in mode for c in "wax+") if isinstance(mode, str)
                  else isinstance(flags, int) and bool(flags & self._WRITE_FLAGS))
        if writes and isinstance(path, str | bytes | os.PathLike) and \
                os.fsdecode(path) != os.devnull:  # not a file on any disk
            with self._lock:
                self.paths.append(Path(os.fsdecode(path)).absolute())

    def outside(self, *allowed: Path) -> list[Path]:
        """The recorded paths that are in none of the ``allowed`` folders."""
        roots = [a.resolve() for a in allowed]
        with self._lock:
            paths = list(self.paths)
        return [p for p in paths
                if not any(p.resolve().is_relative_to(root) for root in roots)]


_RECORDER = WriteRecorder()
sys.addaudithook(_RECORDER.audit)  # hooks cannot be removed; it records only when asked


@pytest.fixture
def written_files() -> Iterator[WriteRecorder]:
    """Records every file this process opens for writing until the test ends."""
    _RECORDER.paths = []
    _RECORDER.recording = True
    try:
        yield _RECORDER
    finally:
        _RECORDER.recording = False


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def small_vault(vault_path: Path) -> Iterator[Vault]:
    """An unlocked vault with small packs (64 slots, about 4 MiB) so tests can fill several."""
    vault, _recovery = Vault.create(vault_path, PASSPHRASE, slots_per_pack=64)
    try:
        yield vault
    finally:
        vault.lock()


def all_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def vault_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in all_files(folder)]


@pytest.fixture
def core(small_vault: Vault) -> VaultCore:
    """The unlocked parts of ``small_vault`` (object store, sessions, custody log, signer)."""
    return small_vault.core
