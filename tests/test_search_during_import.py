"""Items are searchable batch by batch while an import runs, and right after a note is saved;
the small segments these leave are put together as they pile up."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Vault
from archive.indexing import Indexer
from archive.intake.importer import Importer
from archive.intake.results import IMPORTED, ImportReport
from search.readers import MERGE_AT

WORDS = ["кестрел", "фургон", "подвал", "passport", "hujjat", "жертөле", "basement"]


def test_each_committed_batch_is_searchable_before_the_next(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Importer, "BATCH", 2)  # several batches out of a few files
    folder = tmp_path / "in"
    folder.mkdir()
    for k, word in enumerate(WORDS):
        (folder / f"statement-{k}.txt").write_text(f"Показания номер {k}: {word} {word}.",
                                                   encoding="utf-8")
    report = ImportReport()
    seen: list[tuple[int, int]] = []

    def found_now(word: str) -> bool:
        return any(h.title.startswith("statement-") for h in small_vault.search(word, 50))

    def progress(done: int, total: int, message: str) -> None:
        imported = {r.path.name for r in report.results if r.status == IMPORTED}
        searchable = {f"statement-{k}.txt" for k, w in enumerate(WORDS) if found_now(w)}
        assert searchable == imported  # exactly what is committed, nothing later
        seen.append((len(imported), total))

    small_vault.import_paths([folder], progress=progress, report=report)
    assert any(0 < n < total for n, total in seen), "no search between two batches"
    assert all(found_now(w) for w in WORDS)
    # What was indexed batch by batch was sealed as it went: an index read back from the
    # vault's sealed files has every item, with nothing left for the repair at unlock.
    from_sealed = Indexer(small_vault._require())  # noqa: SLF001
    assert from_sealed.repair() == 0
    assert all(any(from_sealed.search(w, 50)) for w in WORDS)


def test_note_saves_are_searchable_and_leave_few_segments(small_vault: Vault,
                                                          tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for k, word in enumerate(WORDS):
        (folder / f"statement-{k}.txt").write_text(f"Показания {word}.", encoding="utf-8")
    ids = [r.item_id for r in small_vault.import_paths([folder]).results if r.item_id]
    indexer = small_vault._indexer()  # noqa: SLF001
    for k in range(MERGE_AT * 3):
        small_vault.add_note(ids[k % len(ids)], f"охранник заметка{k}")
        assert [h.id for h in small_vault.search(f"заметка{k}")] == [ids[k % len(ids)]]
        leaves = indexer.index._current_searcher().reader().leaf_readers()  # noqa: SLF001
        assert len(leaves) <= MERGE_AT
    assert {h.id for h in small_vault.search("охранник")} == set(ids)
    assert all(any(small_vault.search(w)) for w in WORDS)
    assert Indexer(small_vault._require()).repair() == 0  # noqa: SLF001 - all of it sealed
