"""Items are searchable batch by batch while an import runs, and right after a note is saved;
the small segments these leave are put together as they pile up. When an import ends, what its
batches indexed is not indexed again: only what a batch could not index is."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from archive import Vault
from archive.indexing import Indexer
from archive.intake.importer import Importer
from archive.intake.results import IMPORTED, ImportReport
from search.readers import MERGE_AT, SMALL_SEGMENT
from search.writer import GatheringWriter

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
    indexer.flush()  # (sealed a moment after the saves, on another thread; now at the latest)
    assert Indexer(small_vault._require()).repair() == 0  # noqa: SLF001 - all of it sealed


def _unique_word(k: int) -> str:
    """A made-up word of its own for each ``k`` (far from the others, so that no near match
    finds another)."""
    return "".join(random.Random(k).choices("bcdfghjklmnpqrstvwxz", k=10))


class _WrittenDocuments:
    """Counts the documents the index writer is given, by item id, and keeps the counts as
    they were when the importer's run (the batches) ended."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.all: Counter[str] = Counter()
        self.by_batches: Counter[str] = Counter()
        add_document, run = GatheringWriter.add_document, Importer.run

        def counting(writer: GatheringWriter, **fields: Any) -> None:
            self.all[fields["id"]] += 1
            add_document(writer, **fields)

        def run_then_note(importer: Importer, *args: Any, **kwargs: Any) -> ImportReport:
            report = run(importer, *args, **kwargs)
            self.by_batches = Counter(self.all)
            return report

        monkeypatch.setattr(GatheringWriter, "add_document", counting)
        monkeypatch.setattr(Importer, "run", run_then_note)

    @property
    def after_batches(self) -> Counter[str]:
        return self.all - self.by_batches


def test_a_large_import_is_searchable_and_not_indexed_again_when_it_ends(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = 210  # well over several batches and several consolidations of small segments
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(count):
        (folder / f"note-{k:04d}.txt").write_text(f"Statement {_unique_word(k)}.",
                                                  encoding="utf-8")
    written = _WrittenDocuments(monkeypatch)
    report = small_vault.import_paths([folder])
    ids = {r.path.name: r.item_id for r in report.results if r.status == IMPORTED}
    assert len(ids) == count
    assert set(written.by_batches) == set(ids.values())  # every item indexed by its batch
    # and none of them again at the end but the items of the small segments the last batches
    # left, put together once there (not at the next note saved, while the user waits)
    again = written.after_batches
    assert set(again.values()) <= {1} and len(again) < MERGE_AT * SMALL_SEGMENT
    leaves = small_vault._indexer().index._current_searcher().reader().leaf_readers()  # noqa: SLF001
    assert sum(1 for r, _ in leaves if r.doc_count_all() < SMALL_SEGMENT) <= 1
    for k in range(count):
        assert [h.id for h in small_vault.search(_unique_word(k), 5)] == [ids[f"note-{k:04d}.txt"]]
    assert Indexer(small_vault._require()).repair() == 0  # noqa: SLF001 - all of it sealed
    before = Counter(written.all)
    small_vault.add_note(ids["note-0000.txt"], "охранник")
    assert written.all - before == Counter({ids["note-0000.txt"]: 1})  # its own document only


def test_a_batch_that_could_not_be_indexed_is_indexed_when_the_import_ends(
        small_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Importer, "BATCH", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    for k, word in enumerate(WORDS):
        (folder / f"statement-{k}.txt").write_text(f"Показания {word}.", encoding="utf-8")
    written = _WrittenDocuments(monkeypatch)
    reindex_items, failed = Indexer.reindex_items, []

    def first_batch_fails(indexer: Indexer, ids: Any, *args: Any, **kwargs: Any) -> None:
        if not failed:
            failed.extend(ids)
            raise OSError("the index could not be written")
        reindex_items(indexer, ids, *args, **kwargs)

    monkeypatch.setattr(Indexer, "reindex_items", first_batch_fails)
    import_ended, in_small_segments = Indexer.import_ended, set[str]()

    def noting_small_segments(indexer: Indexer, missed: Any) -> None:
        in_small_segments.update(indexer.index.small_segment_ids(at=1))
        import_ended(indexer, missed)

    monkeypatch.setattr(Indexer, "import_ended", noting_small_segments)
    report = small_vault.import_paths([folder])
    imported = {r.item_id for r in report.results if r.status == IMPORTED}
    assert len(imported) == len(WORDS) and failed
    # that batch at the end, with only the items of small segments put together there
    assert set(failed) <= set(written.after_batches) <= set(failed) | in_small_segments
    assert set(written.by_batches) == imported - set(failed)
    assert all(any(small_vault.search(w)) for w in WORDS)
