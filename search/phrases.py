"""Phrases checked on the positions of the documents that hold every word, read a block at a
time.

Whoosh checks a phrase through span matchers, a document and a word at a time: a phrase of two
common words ("shop basement") took a quarter of a second over 50,000 statements. Here each word's
postings are read once; the documents holding all the words are found as a set; only their
positions are decoded, and the phrase holds where the words sit at consecutive positions. The
hits are then scored as Whoosh scores a phrase: the sum of its words' scores in the field.
"""

from __future__ import annotations

from itertools import accumulate
from pickle import loads  # noqa: S403 - the index's own postings, decrypted from the vault
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.matching import IntersectionMatcher, ListMatcher, NullMatcher, WrappingMatcher
from whoosh.query import And, Phrase, Term
from whoosh.system import _INT_SIZE

from .postings import PerSegment, leaf_postings, term_bytes


class QuickPhrase(PerSegment, Phrase):  # type: ignore[misc]
    """A phrase of consecutive words (Whoosh's ``Phrase`` with a slop of 1), same hits and
    scores, found without span matchers."""

    def _find(self, searcher: Any) -> list[int]:
        return _phrase_docs(searcher.reader(), self.fieldname, list(self.words))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.slop != 1:
            return super().matcher(searcher, context)
        ids = self.segment_docs(searcher)
        if not ids:
            return NullMatcher()
        words = And([Term(self.fieldname, w) for w in self.words]).matcher(searcher, context)
        # The list scores nothing: a hit's score is that of its words, as in a span matcher.
        m = IntersectionMatcher(ListMatcher(ids, all_weights=0.0), words)
        return WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


def _phrase_docs(reader: Any, fieldname: str, words: list[str]) -> list[int]:
    if not words:
        return []
    matchers = []
    for word in words:  # every word looked up before any postings are read
        text = term_bytes(reader, fieldname, word)
        found = None if text is None else leaf_postings(reader, fieldname, text)
        if found is None:
            return []  # a word this segment lacks: no phrase in it
        matchers.append(found)
    if any(type(matcher) is not W3LeafMatcher for matcher, _ in matchers):
        return _spans_docs(reader, fieldname, words)  # another codec: Whoosh's own way
    postings = [(_blocks(matcher), deleted) for matcher, deleted in matchers]
    candidates = set.intersection(*({d for ids, _ in blocks for d in ids} - deleted
                                    for blocks, deleted in postings))
    if not candidates:
        return []
    # Each word's encoded positions in those documents, decoded one document at a time (bytes
    # are not followed by the garbage collector; thousands of decoded lists held at once made
    # its passes cost tens of milliseconds in a search).
    values = [_values(blocks, candidates) for blocks, _ in postings]
    fmt = reader.schema[fieldname].format
    decode = _decode_positions if type(fmt) is Positions else fmt.decode_positions
    hits = []
    for doc in sorted(candidates):
        starts = set(decode(values[0][doc]))
        for k, per_doc in enumerate(values[1:], 1):
            starts.intersection_update(p - k for p in decode(per_doc[doc]))
            if not starts:
                break
        if starts:
            hits.append(doc)
    return hits


def _blocks(matcher: Any) -> list[tuple[Any, Any]]:
    """Each block's ids, and the matcher's state to read its values later (only for blocks
    that hold a candidate)."""
    blocks = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        matcher._read_values()
        blocks.append((matcher._ids, matcher._values))
        matcher._next_block()
    return blocks


def _values(blocks: list[tuple[Any, Any]], candidates: set[int]) -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    for ids, values in blocks:
        for i, doc in enumerate(ids):
            if doc in candidates:
                out[doc] = values[i]
    return out


def _decode_positions(value: bytes) -> Any:
    """Whoosh's ``Positions.decode_positions``: a count, then the pickled gaps (Whoosh's own
    writer drops the pickle's last byte)."""
    if value[-1:] != b".":
        value += b"."
    return accumulate(loads(value[_INT_SIZE:]))  # noqa: S301 - as Whoosh reads every posting


def _spans_docs(reader: Any, fieldname: str, words: list[str]) -> list[int]:
    from whoosh.searching import Searcher

    searcher = Searcher(reader, closereader=False)
    matcher = Phrase(fieldname, words).matcher(searcher, searcher.boolean_context())
    return sorted(matcher.all_ids()) if matcher.is_active() else []
