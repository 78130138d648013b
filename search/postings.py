"""A word's postings in one segment, as the ranking, the phrase check and the document sets
read them: the codec's own matcher (read a block at a time) without Whoosh's deletion filter,
and the deleted documents beside it."""

from __future__ import annotations

from typing import Any

from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound


def term_bytes(reader: Any, fieldname: str, text: Any) -> bytes | None:
    """``text`` as the field stores it; None when the field is not in the index or cannot
    hold such a term."""
    if fieldname not in reader.schema:
        return None
    try:
        return bytes(reader.schema[fieldname].to_bytes(text))
    except ValueError:
        return None


def leaf_postings(reader: Any, fieldname: str, text: bytes) -> tuple[Any, Any] | None:
    """The postings matcher of a stored term, and the segment's deleted documents to leave out
    (empty when none); None when the segment lacks the term (one lookup)."""
    try:
        matcher = reader.postings(fieldname, text)
    except TermNotFound:
        return None
    if isinstance(matcher, FilterMatcher):
        return matcher.child, matcher._ids
    return matcher, frozenset()


class PerSegment:
    """A query part whose documents in a segment are worked out once per search (the query
    object lives for one search) by ``_find``."""

    def segment_docs(self, searcher: Any) -> list[int]:
        key = id(searcher.reader())
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            memo[key] = self._find(searcher)
        return memo[key]  # type: ignore[no-any-return]

    def _find(self, searcher: Any) -> list[int]:
        raise NotImplementedError
