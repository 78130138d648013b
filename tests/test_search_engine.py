"""The search engine alone: large batches spill inside RAM, never to the temp folder."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest

from search import IndexDocument, SearchIndex
from search.storage import MemoryStorage


def test_spilled_runs_stay_in_memory_and_are_read_back() -> None:
    rng = random.Random(5)
    words = [f"слово{i}" for i in range(3000)] + [f"word{i}" for i in range(3000)]
    docs = [IndexDocument(id=f"{i:032x}", rev=1, kind="transcript",
                          text=" ".join(rng.choice(words) for _ in range(150)) +
                          (" needle-KESTREL" if i == 377 else ""))
            for i in range(500)]
    before = set(Path(tempfile.gettempdir()).iterdir())
    index = SearchIndex.in_memory(pool_mb=1)  # forces Whoosh's pool to write sorted runs
    spilled: list[str] = []
    original = MemoryStorage.temp_storage

    def watching(self: MemoryStorage, name: str | None = None):  # type: ignore[no-untyped-def]
        temp = original(self, name)
        create = temp.create_file

        def create_file(fname: str, **kw):  # type: ignore[no-untyped-def]
            spilled.append(fname)
            return create(fname, **kw)

        temp.create_file = create_file  # type: ignore[method-assign]
        return temp

    MemoryStorage.temp_storage = watching  # type: ignore[method-assign]
    try:
        index.update(docs)
    finally:
        MemoryStorage.temp_storage = original  # type: ignore[method-assign]
    assert any(name.endswith(".run") for name in spilled), "the pool never spilled"
    assert index.doc_count() == 500
    assert [h.id for h in index.search("kestrel")] == [f"{377:032x}"]
    assert len(index.search("слово42", limit=2000)) > 5
    assert set(Path(tempfile.gettempdir()).iterdir()) - before == set()


def test_a_run_larger_than_the_memory_budget_makes_several_segments(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("search.index.SPLIT_FROM", 50)
    rng = random.Random(6)
    words = [f"слово{i}" for i in range(2000)] + [f"word{i}" for i in range(2000)]

    def docs(rev: int, marked: int) -> list[IndexDocument]:
        return [IndexDocument(id=f"{i:032x}", rev=rev, kind="transcript",
                              text=" ".join(rng.choice(words) for _ in range(150)) +
                              (f" needle{rev}" if i == marked else ""))
                for i in range(400)]

    index = SearchIndex.in_memory(pool_mb=1)
    index.update(docs(1, 377))
    segments = index._ix._segments()  # noqa: SLF001
    assert len(segments) > 1 and all(s.doc_count_all() >= 50 for s in segments[:-1])
    assert index.doc_count() == 400
    assert [h.id for h in index.search("needle1")] == [f"{377:032x}"]
    index.update(docs(2, 12))  # every document replaced, across segments
    assert index.doc_count() == 400
    assert set(index.revisions().values()) == {2}
    assert index.search("needle1").total == 0
    assert [h.id for h in index.search("needle2")] == [f"{12:032x}"]
