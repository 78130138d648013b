"""The full-text index: updates and queries, behind a small interface so that the engine
(Whoosh) could be replaced without touching the archive."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from whoosh import scoring, writing
from whoosh.searching import Searcher

from .crossscript import CrossScript
from .fields import ANALYSIS_VERSION, is_current, schema
from .highlight import first_cue, matches, snippet
from .query import QueryError, plan
from .ranking import ranked
from .readers import (
    MERGE_AT,
    SMALL_SEGMENT,
    keep_segments,
    merge_into_large,
    merge_small_segments,
    refreshed,
)
from .storage import MemoryStorage
from .writer import GatheringWriter

INDEX_NAME = "strongroom"
# A run of at least this many documents that fills the memory budget is committed as a segment
# and the next documents go to a new one (fewer: Whoosh's pool takes the rest).
SPLIT_FROM = 1000
# BM25F: long fields (statements, notes) are normalised for length less than short ones, so a
# statement that names a person is not outweighed by a file name that happens to hold the name.
WEIGHTING = scoring.BM25F(B=0.75, K1=1.2, text_B=0.3, notes_B=0.3, title_B=0.6)
Lookup = Callable[[str], tuple[str | None, list[dict[str, Any]] | None]]

__all__ = ["Hit", "IndexDocument", "QueryError", "ResultPage", "SearchIndex"]


@dataclass
class IndexDocument:
    id: str
    rev: int
    kind: str
    title: str = ""
    name: str = ""
    text: str = ""
    notes: str = ""
    tags: Sequence[str] = ()
    cases: Sequence[str] = ()
    camera: str = ""
    lens: str = ""
    software: str = ""
    codec: str = ""
    encoding: str = ""
    captured: datetime | None = None
    imported: datetime | None = None
    has_location: bool = False
    has_cues: bool = False


@dataclass
class Hit:
    """One result. ``spans`` are (start, end) character offsets of the matched words in
    ``snippet``; ``cue_spans`` the same in ``cue_text``."""

    id: str
    score: float
    kind: str
    title: str
    snippet: str
    timecode: float | None = None
    cue_text: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    cue_spans: list[tuple[int, int]] = field(default_factory=list)

    def marked_words(self) -> list[str]:
        return [self.snippet[s:e] for s, e in self.spans]


class ResultPage(list[Hit]):
    """A page of hits (a list), with the number of hits in all and where the page starts."""

    def __init__(self, hits: Iterable[Hit] = (), total: int = 0, offset: int = 0) -> None:
        super().__init__(hits)
        self.total = total
        self.offset = offset


class SearchIndex:
    """Thread-safe: one writer at a time, and one searcher kept open between queries (opening
    one over many segments costs more than most queries)."""

    def __init__(self, storage: MemoryStorage, pool_mb: int = 256) -> None:
        self.storage = storage
        self.pool_mb = pool_mb  # beyond this, postings spill to (RAM) temp storage
        self._lock = threading.RLock()
        self._ix: Any = None
        try:
            if storage.index_exists(INDEX_NAME):
                ix = storage.open_index(INDEX_NAME)
                if is_current(ix.schema):
                    self._ix = ix
        except Exception:  # noqa: BLE001 - an index from another version: built anew
            self._ix = None
        self.was_reset = self._ix is None and bool(storage.files)
        if self._ix is None:
            storage.files.clear()
            self._ix = storage.create_index(schema(), indexname=INDEX_NAME)
        self._searcher: Searcher | None = None
        self._cross = CrossScript()

    def _current_searcher(self) -> Searcher:
        searcher = self._searcher
        if searcher is None or not searcher.up_to_date():
            searcher = self._searcher = refreshed(self._ix, searcher, WEIGHTING)
        return searcher

    @classmethod
    def in_memory(cls, files: dict[str, bytes] | None = None, pool_mb: int = 256) -> SearchIndex:
        storage = MemoryStorage()
        if files:
            storage.load(files)
        return cls(storage, pool_mb)

    # ------------------------------------------------------------------ writing
    def update(self, docs: Iterable[IndexDocument], delete: Iterable[str] = (),
               quick: bool = False) -> None:
        """Add or replace documents and remove others, in one commit (a segment per memory
        budget's worth of documents when there are more). Removals merge segments
        so that no removed word stays behind in the index files. A few documents (a note or a
        tag saved) make a small segment of their own, merged with the other small ones only
        once there are several: the large segments are left as they are. ``quick`` (someone
        waits for this commit) never merges large segments, whatever the number of documents."""
        removals = list(delete)
        with self._lock:
            # The documents replaced are found with the searcher kept open (a writer's own
            # would open every segment again).
            searcher = self._current_searcher()
            writer = GatheringWriter(self._ix, limitmb=self.pool_mb)
            added, split = 0, False
            try:
                for item_id in removals:
                    writer.delete_by_term("id", item_id, searcher=searcher)
                for doc in docs:
                    writer.delete_by_term("id", doc.id, searcher=searcher)
                    writer.add_document(**_fields(doc))
                    added += 1
                    if not removals and added >= SPLIT_FROM and writer.nearly_full():
                        # More than the memory budget holds: written as several large
                        # segments, each gathered in memory, instead of spilled through
                        # Whoosh's pool (several times slower).
                        writer.commit(mergetype=merge_into_large)
                        searcher = self._current_searcher()
                        writer = GatheringWriter(self._ix, limitmb=self.pool_mb)
                        added, split = 0, True
            except BaseException:
                writer.cancel()
                raise
            if split and not added:  # nothing came after the last full segment
                writer.cancel()
                return
            # A few documents make a segment of one file instead of seven (one object to seal
            # where a note is saved); read, it is no slower at that size.
            writer.compound = added < SMALL_SEGMENT and not removals
            if removals:
                mergetype = writing.OPTIMIZE
            elif added < SMALL_SEGMENT:
                mergetype = merge_small_segments
            elif quick:
                mergetype = keep_segments
            else:
                mergetype = merge_into_large
            writer.commit(mergetype=mergetype)

    def small_segment_ids(self, at: int = MERGE_AT - 1) -> list[str]:
        """The items in small segments once there are ``at`` of those (else none): the owner
        indexes them again with its next small commit, which leaves those segments empty and
        dropped, and puts their documents in one segment, without reading postings back as a
        Whoosh merge does (which takes seconds for a few hundred documents)."""
        with self._lock:
            leaves = [r for r, _ in self._current_searcher().reader().leaf_readers()]
            small = [r for r in leaves if r.segment() is not None
                     and r.doc_count_all() < SMALL_SEGMENT]
            if len(small) < max(at, 1):
                return []
            return [f["id"] for r in small for f in r.all_stored_fields()]

    def clear(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._ix = self.storage.create_index(schema(), indexname=INDEX_NAME)

    def revisions(self) -> dict[str, int]:
        """Each indexed item's revision, to compare with the catalog (-1 where the item was
        indexed by an older analysis, so that it is indexed again)."""
        with self._lock:
            searcher = self._current_searcher()
            return {f["id"]: int(f["rev"]) if f.get("analysis") == ANALYSIS_VERSION else -1
                    for f in searcher.all_stored_fields()}

    def doc_count(self) -> int:
        return int(self._ix.doc_count())

    # ------------------------------------------------------------------ reading
    def search(self, text: str, limit: int = 20, lookup: Lookup | None = None,
               offset: int = 0) -> ResultPage:
        """Ranked hits ``offset`` to ``offset + limit`` with the total number of hits; each with
        a snippet of the item's text (``lookup`` gives it, with timed cues if any), the matched
        words as spans, and for timed transcripts where in the recording."""
        if limit < 1 or offset < 0:
            raise QueryError("the page must have a size of at least 1 and start at 0 or later")
        page: list[Hit] = []
        with self._lock:
            searcher = self._current_searcher()

            def other_scripts(fieldname: str, keys: set[str]) -> set[str]:
                return self._cross.expand(searcher, fieldname, keys)

            wanted = plan(text, other_scripts)
            terms = wanted.text_terms
            best, total = ranked(searcher, wanted.positive, offset + limit, wanted.excluded)
            for score, docnum in best[offset:offset + limit]:
                r = searcher.stored_fields(docnum)
                body, cues = lookup(r["id"]) if lookup else (None, None)
                title = r.get("title") or r.get("name") or ""
                text_snippet, spans = "", list[tuple[int, int]]()
                if body:
                    text_snippet, spans = snippet(body, matches(body, terms))
                if not spans:
                    title_spans = matches(title, terms)
                    if title_spans or not text_snippet:
                        text_snippet, spans = title, title_spans
                timecode, cue_text = first_cue(cues, terms)
                cue_spans = matches(cue_text, terms) if cue_text else []
                page.append(Hit(r["id"], float(score), r["kind"], title, text_snippet,
                                timecode, cue_text, spans, cue_spans))
        return ResultPage(page, total, offset)


def _fields(doc: IndexDocument) -> dict[str, Any]:
    has = [name for name, present in (("gps", doc.has_location), ("notes", bool(doc.notes)),
                                      ("tags", bool(doc.tags)), ("text", bool(doc.text)),
                                      ("cues", doc.has_cues)) if present]
    labels = " ".join([*doc.tags, doc.camera, doc.lens, doc.software, doc.codec])
    fields: dict[str, Any] = {
        "id": doc.id, "rev": doc.rev, "kind": doc.kind, "title": doc.title, "name": doc.name,
        "text": doc.text, "notes": doc.notes, "tags": ",".join(doc.tags),
        "cases": ",".join(doc.cases), "camera": doc.camera, "lens": doc.lens,
        "software": doc.software, "codec": doc.codec, "encoding": doc.encoding,
        "labels": labels,
        "has": ",".join(has), "location": doc.has_location, "analysis": ANALYSIS_VERSION,
    }
    if doc.captured is not None:
        fields["captured"] = doc.captured
    if doc.imported is not None:
        fields["imported"] = doc.imported
    return fields
