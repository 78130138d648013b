"""Items are searchable batch by batch while an import runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Vault
from archive.indexing import Indexer
from archive.intake.importer import Importer
from archive.intake.results import IMPORTED, ImportReport

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
