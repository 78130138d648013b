"""The searcher kept open between queries sees every change, and the small segments of note
and tag saves are merged without losing or repeating a document."""

from __future__ import annotations

import pytest
from whoosh.writing import SegmentWriter

from search import IndexDocument, SearchIndex
from search.readers import MERGE_LIMIT, SMALL_SEGMENT
from search.writer import INLINE_POSTINGS


def _doc(i: int, text: str, notes: str = "") -> IndexDocument:
    return IndexDocument(id=f"{i:032x}", rev=1, kind="transcript", title=f"doc {i}",
                         name=f"t{i}.txt", text=text, notes=notes, tags=["tagged"])


def _ids(index: SearchIndex, query: str) -> list[str]:
    return sorted(h.id for h in index.search(query, limit=1000))


def _leaf_readers(index: SearchIndex) -> list[object]:
    return [r for r, _ in index._current_searcher().reader().leaf_readers()]  # noqa: SLF001


def test_a_search_after_each_change_sees_the_change() -> None:
    index = SearchIndex.in_memory()
    assert _ids(index, "подвал") == []  # a searcher over the empty index, kept
    index.update([_doc(i, f"свидетель {i} говорит о складе") for i in range(60)])
    assert len(_ids(index, "склад")) == 60
    index.update([_doc(3, "держали в подвале")])  # replaced: no longer about the warehouse
    assert _ids(index, "подвал") == [f"{3:032x}"]
    assert len(_ids(index, "склад")) == 59
    assert f"{3:032x}" not in _ids(index, "склад")
    index.update([_doc(3, "держали в подвале", notes="охранник Нурланов")])
    assert _ids(index, "Нурланов") == [f"{3:032x}"]
    assert len(_ids(index, "подвал")) == 1  # the earlier version is not found as well
    index.update([], delete=[f"{3:032x}", f"{4:032x}"])
    assert _ids(index, "подвал") == []
    assert len(_ids(index, "склад")) == 58
    index.update([_doc(100, "новый фургон")])
    assert _ids(index, "фургон") == [f"{100:032x}"]
    assert index.doc_count() == 59


def test_readers_of_unchanged_segments_are_kept() -> None:
    index = SearchIndex.in_memory()
    index.update([_doc(i, f"свидетель {i}") for i in range(SMALL_SEGMENT + 10)])
    (large,) = _leaf_readers(index)
    index.update([_doc(1000, "новая заметка")])
    readers = _leaf_readers(index)
    assert len(readers) == 2
    assert large in readers  # nothing in it changed: its reader is reused
    index.update([_doc(2, "другой текст")])  # a deletion in the large segment
    assert large not in _leaf_readers(index)
    assert _ids(index, "свидетель") == sorted(
        f"{i:032x}" for i in range(SMALL_SEGMENT + 10) if i != 2)


def test_small_segments_are_merged_by_the_index_alone_past_a_limit() -> None:
    index = SearchIndex.in_memory()
    index.update([_doc(i, "общий текст") for i in range(SMALL_SEGMENT + 5)])
    for k in range(MERGE_LIMIT * 2 + 3):
        # Each save replaces one document: a small segment, and a deletion in another one.
        index.update([_doc(k % 7, "общий текст", notes=f"заметка{k} охранник")])
        segments = len(_leaf_readers(index))
        assert segments <= MERGE_LIMIT
        assert len(_ids(index, "охранник")) == min(k + 1, 7)
        assert _ids(index, f"заметка{k}") == [f"{k % 7:032x}"]
        assert len(_ids(index, "общий")) == SMALL_SEGMENT + 5
        assert _ids(index, "tagged") == _ids(index, "общий")  # (a keyword field, merged too)
    assert index.doc_count() == SMALL_SEGMENT + 5


def test_rare_and_common_terms_read_back_alike() -> None:
    # Terms in fewer documents than INLINE_POSTINGS are kept in the term table, the others in
    # blocks of the postings file; phrases need the positions of both.
    index = SearchIndex.in_memory()
    docs = [_doc(i, f"общее слово и редкое{i // INLINE_POSTINGS} слово") for i in range(300)]
    index.update(docs)
    assert len(_ids(index, "общее")) == 300
    assert len(_ids(index, "редкое0")) == INLINE_POSTINGS
    assert len(_ids(index, '"общее слово"')) == 300
    assert len(_ids(index, '"редкое1 слово"')) == INLINE_POSTINGS
    reopened = SearchIndex.in_memory(index.storage.snapshot())
    assert _ids(reopened, '"редкое1 слово"') == _ids(index, '"редкое1 слово"')


def test_a_quick_commit_never_merges_large_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    """A note saved may index a few hundred documents again (the small segments it puts
    together), but it never waits for Whoosh to merge the large segments an import left."""
    index = SearchIndex.in_memory()

    def run(start: int) -> list[IndexDocument]:
        return [IndexDocument(id=f"{i:032x}", rev=1, kind="transcript", text=f"word{i} shared")
                for i in range(start, start + 60)]

    for n in range(20):  # an imported vault: many segments of more than a few documents
        index.update(run(60 * n), quick=True)
    assert len(_leaf_readers(index)) == 20
    merged: list[object] = []
    add_reader = SegmentWriter.add_reader
    monkeypatch.setattr(SegmentWriter, "add_reader",
                        lambda writer, reader: merged.append(reader) or add_reader(writer, reader))
    index.update(run(60 * 20), quick=True)
    assert merged == [] and len(_leaf_readers(index)) == 21
    index.update(run(60 * 21))  # the same commit, not quick: Whoosh's policy merges
    assert merged and len(_leaf_readers(index)) < 21
    assert len(index.search("shared", limit=2000)) == 60 * 22
