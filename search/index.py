"""The full-text index: schema, updates and queries, behind a small interface so that the
engine (Whoosh) could be replaced without touching the archive."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from whoosh import highlight, writing
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import And, CompoundQuery, Not, Or, Phrase, Query
from whoosh.searching import Searcher

from .analysis import analyze, exact_analyzer, text_analyzer, translit_analyzer
from .storage import MemoryStorage

INDEX_NAME = "strongroom"
# Words without a field prefix search these; tags, cases and camera by tag:, case:, camera:.
# File names need no field of their own here: the transliteration field holds their words too
# (and name: searches them exactly).
DEFAULT_FIELDS = ("text", "title", "notes", "translit")
FIELD_ALIASES = {"case": "cases", "tag": "tags", "note": "notes", "file": "name",
                 "date": "captured", "imported_at": "imported"}


class QueryError(ValueError):
    """A query that cannot be understood; the message says why, for the user."""


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
    captured: datetime | None = None
    imported: datetime | None = None
    has_location: bool = False


@dataclass
class Hit:
    id: str
    score: float
    kind: str
    title: str
    snippet: str
    timecode: float | None = None
    cue_text: str | None = None


def schema() -> Schema:
    text = text_analyzer()
    exact = exact_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        rev=NUMERIC(stored=True),
        kind=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        name=TEXT(analyzer=exact, stored=True, field_boost=1.5),
        text=TEXT(analyzer=text, phrase=True),
        notes=TEXT(analyzer=text),
        tags=KEYWORD(lowercase=True, commas=True, scorable=True),
        cases=KEYWORD(lowercase=True, commas=True),
        camera=TEXT(analyzer=exact),
        translit=TEXT(analyzer=translit_analyzer(), phrase=False, field_boost=0.5),
        captured=DATETIME(),
        imported=DATETIME(),
        location=BOOLEAN(),
    )


class SearchIndex:
    """Thread-safe: one writer at a time, and one searcher kept open between queries (opening
    one over many segments costs more than most queries)."""

    def __init__(self, storage: MemoryStorage, pool_mb: int = 128) -> None:
        self.storage = storage
        self.pool_mb = pool_mb  # beyond this, sorted postings spill to (RAM) temp storage
        self._lock = threading.RLock()
        if storage.index_exists(INDEX_NAME):
            self._ix = storage.open_index(INDEX_NAME)
        else:
            self._ix = storage.create_index(schema(), indexname=INDEX_NAME)
        self._searcher: Searcher | None = None

    def _current_searcher(self) -> Searcher:
        if self._searcher is not None and not self._searcher.up_to_date():
            # Reopened rather than refresh()ed: the fork's reader reuse fails on empty indexes.
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        return self._searcher

    @classmethod
    def in_memory(cls, files: dict[str, bytes] | None = None, pool_mb: int = 128) -> SearchIndex:
        storage = MemoryStorage()
        if files:
            storage.load(files)
        return cls(storage, pool_mb)

    # ------------------------------------------------------------------ writing
    def update(self, docs: Iterable[IndexDocument], delete: Iterable[str] = ()) -> None:
        """Add or replace documents and remove others, in one commit. Removals merge segments
        so that no removed word stays behind in the index files."""
        removals = list(delete)
        with self._lock:
            writer = self._ix.writer(procs=1, multisegment=False, limitmb=self.pool_mb)
            try:
                for item_id in removals:
                    writer.delete_by_term("id", item_id)
                for doc in docs:
                    writer.update_document(**_fields(doc))
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=writing.OPTIMIZE if removals else writing.MERGE_SMALL)

    def clear(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = None
            self._ix = self.storage.create_index(schema(), indexname=INDEX_NAME)

    def revisions(self) -> dict[str, int]:
        """Each indexed item's revision, to compare with the catalog."""
        with self._lock:
            searcher = self._current_searcher()
            return {f["id"]: int(f["rev"]) for f in searcher.all_stored_fields()}

    def doc_count(self) -> int:
        return int(self._ix.doc_count())

    # ------------------------------------------------------------------ reading
    def parse(self, text: str) -> Query:
        if not text.strip():
            raise QueryError("the query is empty")
        cleaned = re.sub(r"\b(" + "|".join(FIELD_ALIASES) + r"):",
                         lambda m: FIELD_ALIASES[m.group(1)] + ":", text)
        parser = MultifieldParser(list(DEFAULT_FIELDS), self._ix.schema, group=AndGroup)
        parser.add_plugin(DateParserPlugin(free=False))
        try:
            query = parser.parse(cleaned)
        except Exception as exc:  # noqa: BLE001 - the parser raises many types
            raise QueryError(f"cannot read the query: {exc}") from None
        query = _narrow_phrases(query)
        for q in query.leaves():
            if getattr(q, "error", None):
                raise QueryError(f"cannot read part of the query: {q.error}")
        unknown = set(re.findall(r"\b(\w+):", cleaned)) - set(self._ix.schema.names())
        unknown -= {"http", "https"}
        if unknown:
            raise QueryError(f"unknown field {sorted(unknown)[0]!r}; known fields: kind, case, "
                             "tag, title, name, notes, camera, captured, imported, location")
        return query

    def search(self, text: str, limit: int = 20,
               lookup: Callable[[str], tuple[str | None, list[dict[str, Any]] | None]]
               | None = None) -> list[Hit]:
        """Ranked hits with a highlighted snippet from the item's text (``lookup`` gives it,
        with timed cues if any) and, for timed transcripts, where in the recording."""
        query = self.parse(text)
        terms = _query_words(query)
        hits: list[Hit] = []
        with self._lock:
            searcher = self._current_searcher()
            positive, excluded = _split_exclusions(query)
            results = searcher.search(positive, limit=limit, mask=excluded)
            results.fragmenter = highlight.ContextFragmenter(maxchars=180, surround=60)
            results.formatter = _Marker()
            for r in results:
                body, cues = lookup(r["id"]) if lookup else (None, None)
                snippet = ""
                if body:
                    snippet = (r.highlights("text", text=body, top=2)
                               or r.highlights("translit", text=body, top=2) or "")
                if not snippet:
                    snippet = r.highlights("title") or r.get("title") or r.get("name") or ""
                timecode, cue_text = _first_cue(cues, terms)
                hits.append(Hit(r["id"], float(r.score), r["kind"], r.get("title") or
                                r.get("name") or "", snippet, timecode, cue_text))
        return hits


class _Marker(highlight.Formatter):
    """Marks hits as «word» in plain text."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"«{highlight.get_text(text, token, replace)}»"


PHRASE_FIELDS = ("text", "title", "notes")


def _narrow_phrases(query: Query) -> Query:
    """A quoted phrase asks for the words as written: look for it where text is written (not in
    the transliteration field, whose positions are large and whose spellings are folded)."""
    if isinstance(query, Or) and query.subqueries and all(
            isinstance(s, Phrase) for s in query.subqueries):
        kept = [s for s in query.subqueries if s.fieldname in PHRASE_FIELDS]
        if kept:
            return kept[0] if len(kept) == 1 else Or(kept, boost=query.boost)
        return query
    if isinstance(query, CompoundQuery):
        query.subqueries = [_narrow_phrases(s) for s in query.subqueries]
    elif isinstance(query, Not):
        query.query = _narrow_phrases(query.query)
    return query


def _split_exclusions(query: Query) -> tuple[Query, Query | None]:
    """``a AND NOT b`` as the query ``a`` with ``b`` as a mask: the collector drops the masked
    documents, so ``a`` keeps its block skipping instead of being walked in full."""
    if isinstance(query, And):
        nots = [s for s in query.subqueries if isinstance(s, Not)]
        keep = [s for s in query.subqueries if not isinstance(s, Not)]
        if nots and keep:
            positive = keep[0] if len(keep) == 1 else And(keep, boost=query.boost)
            masked = [n.query for n in nots]
            return positive, masked[0] if len(masked) == 1 else Or(masked)
    return query, None


def _query_words(query: Query) -> set[str]:
    words = set()
    for fieldname, value in query.iter_all_terms():
        if fieldname in ("text", "title", "notes") and isinstance(value, str):
            words.add(value)
    return words


def _first_cue(cues: list[dict[str, Any]] | None,
               words: set[str]) -> tuple[float | None, str | None]:
    if not cues or not words:
        return None, None
    for cue in cues:
        if words & set(analyze(cue.get("text", ""))):
            return float(cue["start"]), cue["text"]
    return None, None


def _fields(doc: IndexDocument) -> dict[str, Any]:
    everything = " ".join([doc.title, doc.name, doc.text, doc.notes, " ".join(doc.tags),
                           " ".join(doc.cases)])
    fields: dict[str, Any] = {
        "id": doc.id, "rev": doc.rev, "kind": doc.kind, "title": doc.title, "name": doc.name,
        "text": doc.text, "notes": doc.notes, "tags": ",".join(doc.tags),
        "cases": ",".join(doc.cases), "camera": doc.camera, "translit": everything,
        "location": doc.has_location,
    }
    if doc.captured is not None:
        fields["captured"] = doc.captured
    if doc.imported is not None:
        fields["imported"] = doc.imported
    return fields
