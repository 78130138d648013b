"""The documents a query matches in one segment, as a set, without scores: for the parts of a
query left out (NOT), ranges and phrases. Each word's postings are read a block at a time into
sets, which are combined as the query combines its parts; Whoosh's matchers would advance through
them a document at a time."""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import And, Every, MultiTerm, NumericRange, Or, Query, Term
from whoosh.query.wrappers import ConstantScoreQuery, WrappingQuery
from whoosh.searching import Searcher

from .phrases import QuickPhrase
from .postings import PerSegment, leaf_postings, term_bytes


def segment_docs(sub: Searcher, query: Query) -> set[int]:
    """The documents of one segment that ``query`` matches (deleted ones left out)."""
    if isinstance(query, Term):
        return _term_docs(sub, query)
    if isinstance(query, Or):
        found: set[int] = set()
        for child in query.subqueries:
            found |= segment_docs(sub, child)
        return found
    if isinstance(query, And):
        found = segment_docs(sub, query.subqueries[0])
        for child in query.subqueries[1:]:
            if not found:
                break
            found &= segment_docs(sub, child)
        return found
    if isinstance(query, Every):
        reader = sub.reader()
        return set(range(reader.doc_count_all())) - set(reader.all_deleted_docnums()) \
            if reader.has_deletions() else set(range(reader.doc_count_all()))
    if isinstance(query, ReadOnce | QuickPhrase):
        return set(query.segment_docs(sub))
    if isinstance(query, ConstantScoreQuery):
        return segment_docs(sub, query.child)
    if isinstance(query, MultiTerm):  # a range of terms (a numeric range's parts)
        found = set()
        reader = sub.reader()
        for text in query._btexts(reader):
            found |= _postings(reader, query.fieldname, text)
        return found
    matcher = query.matcher(sub, sub.boolean_context())
    return set(matcher.all_ids()) if matcher.is_active() else set()


def _term_docs(sub: Searcher, query: Term) -> set[int]:
    reader = sub.reader()
    text = term_bytes(reader, query.fieldname, query.text)
    return set() if text is None else _postings(reader, query.fieldname, text)


def _postings(reader: Any, fieldname: str, text: bytes) -> set[int]:
    postings = leaf_postings(reader, fieldname, text)
    if postings is None:
        return set()
    matcher, deleted = postings
    found: set[int] = set()
    if type(matcher) is W3LeafMatcher:
        # A block at a time: its ids are decoded at once, not advanced one by one.
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            found.update(matcher._ids)
            matcher._next_block()
    else:
        found.update(matcher.all_ids())
    return found - deleted if deleted else found


class ReadOnce(PerSegment, WrappingQuery):  # type: ignore[misc]
    """A query (a date range) whose documents in a segment are read once, into a list that an
    intersection can skip through: a range is a union of many numeric terms, which an
    intersection would otherwise advance term by term for every document of the other side.
    Every document it holds scores the query's boost."""

    def _find(self, searcher: Any) -> list[int]:
        child = self.child
        if isinstance(child, NumericRange):  # its terms, read a block at a time
            child = child._compile_query(searcher.reader())
        return sorted(segment_docs(searcher, child))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        ids = self.segment_docs(searcher)
        if not ids:
            return NullMatcher()
        return ListMatcher(ids, all_weights=self.child.boost)
