"""Time-stamp requests stay off the unlock path: unlock contacts no authority, even one that
swallows every request; a separate drain sends the queue (bounded, cancellable, stopped by
locking the vault); CLI commands that change the vault drain it, the others do not."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tsa_fixtures import LocalCA, LocalTSA, serve, silent_authority

import fixtures as fx
from archive import Vault
from archive.cli.main import main
from conftest import PASSPHRASE


@pytest.fixture
def filled(small_vault: Vault, tmp_path: Path) -> str:
    report = small_vault.import_paths([fx.jpeg(tmp_path / "a.jpg")])
    return report.results[0].item_id


def test_an_unanswering_authority_is_not_contacted_by_unlock_and_the_next_drain_sends(
        small_vault: Vault, filled: str, vault_path: Path, ca: LocalCA, tsa: LocalTSA) -> None:
    with silent_authority() as silent:
        small_vault.trust.stamps.add_authority(silent.url, ca.pem.read_text())
        small_vault.add_note(filled, "a checkpoint to stamp")
        small_vault.lock()
        vault = Vault.open(vault_path)
        vault.unlock(PASSPHRASE)
        assert silent.connections == 0  # unlock asked nobody
        latest = vault.custody.size
        assert vault.trust.stamps_due == [latest]
        assert vault.trust.warnings == []  # nothing failed: it only waits
        outcomes = vault.send_pending_stamps(timeout=0.5)  # the authority never answers
        assert silent.connections == 1
        assert [(o.status, o.tree_size) for o in outcomes] == [("queued", latest)]
        assert vault.trust.stamps.pending() == [latest]
        assert [w.kind for w in vault.trust.warnings] == ["timestamp-waiting"]
        vault.lock()
        vault.unlock(PASSPHRASE)  # again: the queued request is not sent at unlock either
        assert silent.connections == 1
        assert vault.trust.stamps_due == [latest]
        vault.lock()
    with serve(tsa.reply, port=silent.port) as (_url, seen):  # the authority answers now
        vault.unlock(PASSPHRASE)
        assert seen == []
        outcomes = vault.send_pending_stamps()
        assert [(o.status, o.tree_size) for o in outcomes] == [("stamped", latest)]
        assert len(seen) == 1
    assert vault.trust.stamps.pending() == [] and vault.trust.stamps_due == []
    assert [t.tree_size for t in vault.trust.stamps.tokens()] == [latest]
    assert vault.send_pending_stamps() == []  # nothing left to send
    vault.lock()


def test_a_drain_on_a_worker_thread_stops_when_the_vault_locks(
        small_vault: Vault, filled: str, ca: LocalCA) -> None:
    results: list[object] = []
    with silent_authority() as silent:
        small_vault.trust.stamps.add_authority(silent.url, ca.pem.read_text())
        worker = threading.Thread(
            target=lambda: results.append(small_vault.send_pending_stamps(timeout=60)))
        worker.start()
        assert silent.reached.wait(30)  # the request is out, waiting for an answer
        small_vault.lock()  # returns without waiting for the authority
        worker.join(10)  # far below the 15 s a request may wait: only the lock ends it
        assert not worker.is_alive()
    assert results == [[]]  # stopped; nothing kept, no error on the worker thread
    with pytest.raises(Exception, match="locked"):
        small_vault.trust  # noqa: B018


def test_a_cancelled_drain_leaves_the_checkpoint_due(
        small_vault: Vault, filled: str, ca: LocalCA) -> None:
    with silent_authority() as silent:
        small_vault.trust.stamps.add_authority(silent.url, ca.pem.read_text())
        asked = silent.reached
        assert small_vault.send_pending_stamps(timeout=60, cancel=asked.is_set) == []
        assert silent.connections == 1
    assert small_vault.trust.stamps_due == []  # (none noted: the authority came after unlock)
    assert small_vault.trust.stamps.due() == [small_vault.custody.size]


def test_cli_commands_that_change_the_vault_send_waiting_stamps_and_others_do_not(
        small_vault: Vault, filled: str, vault_path: Path, ca: LocalCA, tsa: LocalTSA,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("STRONGROOM_PASSPHRASE", PASSPHRASE)
    with serve(tsa.reply) as (url, seen):
        small_vault.trust.stamps.add_authority(url, ca.pem.read_text())
        small_vault.lock()
        assert main(["list", str(vault_path)]) == 0
        assert main(["show", str(vault_path), filled]) == 0  # records a view, changes nothing
        assert seen == []
        assert main(["note", str(vault_path), filled, "seen by the court"]) == 0
        assert len(seen) == 1
    vault = Vault.open(vault_path)
    vault.unlock(PASSPHRASE)
    [token] = vault.trust.stamps.tokens()
    assert token.tree_size == vault.custody.size  # the note's own checkpoint
    vault.lock()
    # The authority is gone: the note is kept, its checkpoint waits, the command says so.
    capsys.readouterr()
    assert main(["note", str(vault_path), filled, "seen again"]) == 0
    err = capsys.readouterr().err
    assert "WARNING time-stamp of checkpoint" in err and "waits" in err
    vault.unlock(PASSPHRASE)
    assert vault.trust.stamps.pending() == [vault.custody.size]
    assert [e.action for e in vault.custody_events(filled)][-1] == "note"
    vault.lock()
