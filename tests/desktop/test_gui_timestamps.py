"""The app unlocks without contacting a time-stamping authority, then sends the waiting
checkpoints on a background task; locking stops that task without waiting for the network."""

from __future__ import annotations

from pathlib import Path

from tsa_fixtures import LocalCA, LocalTSA, serve, silent_authority

import fixtures as fx
from archive import Vault
from conftest import PASSPHRASE
from gui_fixtures import *  # noqa: F403
from gui_fixtures import open_vault, unlock


def make_vault(path: Path, tmp_path: Path, url: str, ca: LocalCA) -> int:
    vault, _recovery = Vault.create(path, PASSPHRASE, slots_per_pack=64)
    vault.trust.stamps.add_authority(url, ca.pem.read_text())
    vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    size = vault.custody.size
    vault.lock()
    return size


def test_the_app_sends_waiting_stamps_after_unlock(qtbot, controller, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ca = LocalCA.make(tmp_path / "ca")
    tsa = LocalTSA.make(tmp_path / "tsa", ca)
    path = tmp_path / "vault"
    with serve(tsa.reply) as (url, seen):
        size = make_vault(path, tmp_path, url, ca)
        main = unlock(qtbot, controller, path)
        qtbot.waitUntil(lambda: len(seen) == 1 and not main.tasks.busy(), timeout=30000)
    assert main.vault is not None
    assert [t.tree_size for t in main.vault.trust.stamps.tokens()] == [size]
    controller.lock()


def test_locking_stops_a_send_that_waits_for_an_authority(  # type: ignore[no-untyped-def]
        qtbot, controller, tmp_path: Path) -> None:
    ca = LocalCA.make(tmp_path / "ca")
    path = tmp_path / "vault"
    with silent_authority() as silent:
        size = make_vault(path, tmp_path, silent.url, ca)
        main = unlock(qtbot, controller, path)
        qtbot.waitUntil(lambda: silent.connections == 1, timeout=30000)  # after unlock
        assert main.tasks.busy()  # the request waits for an answer that never comes
        controller.lock()  # stops the task (Lock now waits for background work)
        assert not main.tasks.busy()
    vault = open_vault(path)
    assert vault.trust.stamps.tokens() == []
    assert vault.trust.stamps_due == [size]  # still due: sent next time
    vault.lock()
