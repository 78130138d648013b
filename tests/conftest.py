"""Shared fixtures. Tests switch the cheap KDF on themselves; the product never does."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive import Vault
from archive import vault as vault_module
from archive.core import VaultCore
from crypto import kdf

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
