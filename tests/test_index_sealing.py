"""A note or a tag saved is searchable at once and its index files are sealed a moment later on
another thread, or when the vault locks, whichever comes first."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from archive import Vault
from archive.catalog.models import IndexFile, Item
from archive.index_sealing import DeferredSealing
from conftest import PASSPHRASE
from search import SearchIndex


def _statement(small_vault: Vault, tmp_path: Path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "statement.txt").write_text("Показания о подвале.", encoding="utf-8")
    return next(r.item_id for r in small_vault.import_paths([folder]).results if r.item_id)


def _sealed_index_lacks(vault: Vault) -> int:
    """How many items an index read back from the sealed files (read, nothing written) has at
    another revision than the catalog."""
    core = vault.core
    with core.sessions() as session:
        rows = session.scalars(select(IndexFile)).all()
        current = {row[0]: row[1] for row in session.execute(select(Item.id, Item.index_rev))}
    files = {r.name: b"".join(core.objects.iter_plaintext(r.object_id)) for r in rows}
    sealed = SearchIndex.in_memory(files).revisions()
    return sum(1 for item, rev in current.items() if sealed.get(item) != rev)


def test_a_saved_note_is_sealed_at_lock(vault_path: Path, small_vault: Vault, tmp_path: Path,
                                        caplog: pytest.LogCaptureFixture) -> None:
    item = _statement(small_vault, tmp_path)
    sealing = small_vault._indexer()._later  # noqa: SLF001
    sealing._quiet_s = sealing._at_most_s = 3600.0  # noqa: SLF001 - only the lock seals
    small_vault.add_note(item, "охранник Нурланов")
    small_vault.change_tags(item, add=["фургон"])
    assert [h.id for h in small_vault.search("Нурланов")] == [item]
    assert [h.id for h in small_vault.search("tag:фургон")] == [item]
    assert sealing.pending()
    assert _sealed_index_lacks(small_vault) == 1  # not sealed yet: the save did not wait
    small_vault.lock()
    again = Vault.open(vault_path)
    with caplog.at_level(logging.INFO, logger="archive.indexing"):
        again.unlock(PASSPHRASE)
    try:
        assert "search index repair" not in caplog.text  # nothing left for the unlock to do
        assert [h.id for h in again.search("Нурланов")] == [item]
        assert [h.id for h in again.search("tag:фургон")] == [item]
    finally:
        again.lock()


def test_a_saved_note_is_sealed_soon_without_a_lock(small_vault: Vault, tmp_path: Path) -> None:
    item = _statement(small_vault, tmp_path)
    for k in range(3):
        small_vault.add_note(item, f"заметка{k}")
    sealing = small_vault._indexer()._later  # noqa: SLF001
    deadline = time.monotonic() + 60
    while sealing.pending() and time.monotonic() < deadline:
        time.sleep(0.05)
    sealing.flush()  # waits for a sealing under way, if any
    assert _sealed_index_lacks(small_vault) == 0


def test_deferred_sealing_runs_once_for_a_burst_and_at_close() -> None:
    runs: list[str] = []
    ran = threading.Event()

    def work() -> None:
        runs.append(threading.current_thread().name)
        ran.set()

    sealing = DeferredSealing(work, quiet_s=0.05, at_most_s=10)
    for _ in range(5):
        sealing.request()
    assert ran.wait(30)
    sealing.flush()
    assert runs == ["index-sealing"] and not sealing.pending()

    later = DeferredSealing(work, quiet_s=3600, at_most_s=3600)
    later.request()
    later.close()  # what is pending runs on the closing thread
    assert runs[-1] == threading.current_thread().name and len(runs) == 2
    later.request()
    later.flush()
    assert len(runs) == 2  # closed: nothing more


def test_the_index_files_are_synced_before_the_custody_lock_is_taken(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sealing's fsync runs outside its transaction: a note saved meanwhile, whose own
    transaction needs the custody lock, does not wait for the disk."""
    item = _statement(small_vault, tmp_path)
    core = small_vault.core
    sealing = small_vault._indexer()._later  # noqa: SLF001
    sealing._quiet_s = sealing._at_most_s = 3600.0  # noqa: SLF001 - sealed below, by hand
    small_vault.add_note(item, "охранник Нурланов")
    synced: list[bool] = []  # for each fsync of index files: was the custody lock held?
    flush = core.objects.flush

    def watched() -> None:
        if core.objects._unsynced:  # noqa: SLF001 - packs written and not yet synced
            synced.append(core.custody.lock._is_owned())  # noqa: SLF001
        flush()

    monkeypatch.setattr(core.objects, "flush", watched)
    sealing.flush()
    assert synced == [False]
    assert _sealed_index_lacks(small_vault) == 0
