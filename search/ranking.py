"""Ranked hits worked out a segment at a time from whole posting lists.

Whoosh scores a query by walking a tree of matchers a document at a time, several calls per
document and word; over 50,000 statements a common word took a tenth of a second, and counting
the hits took a second walk. Here each word's postings are read a block at a time and scored
with the index's own weighting (BM25F: its idf, average length and parameters, the same formula),
the scores of a query's parts are added as Whoosh adds them, and every hit is counted on the way.
Query parts this does not know are scored by Whoosh's own matchers, so any query still works.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.query import And, Or, Query, Term
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from .collecting import ReadOnce, segment_docs
from .phrases import QuickPhrase
from .postings import leaf_postings, term_bytes

Scores = dict[int, float]
Docs = set[int] | None
# Each segment's field lengths, read once per segment and field (segments do not change).
_LENGTHS: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()
_BYTE_LENGTHS = [byte_to_length(b) for b in range(256)]
# The average length of each field in the index a searcher reads (a searcher sees one state).
_AVERAGES: WeakKeyDictionary[Any, dict[str, float]] = WeakKeyDictionary()


def ranked(searcher: Searcher, query: Query, limit: int,
           mask: Query | None) -> tuple[list[tuple[float, int]], int]:
    """The ``limit`` best (score, document number) of ``query`` without the documents of
    ``mask``, best first (equal scores: lower number first, as Whoosh orders them), and the
    number of hits in all."""
    best: list[tuple[float, int]] = []
    total = 0
    for sub, offset in searcher.leaf_searchers():
        scores = _scores(searcher, sub, query)
        if scores and mask is not None:
            for doc in segment_docs(sub, mask):
                scores.pop(doc, None)
        total += len(scores)
        top = heapq.nlargest(limit, scores.items(), key=lambda kv: (kv[1], -kv[0]))
        best.extend((score, doc + offset) for doc, score in top)
    best.sort(key=lambda sd: (-sd[0], sd[1]))
    return best[:limit], total


def _scores(top: Searcher, sub: Searcher, query: Query, only: Docs = None) -> Scores:
    """The score of each document of the segment that ``query`` matches (among ``only``, when
    the documents of another part of an AND are already known)."""
    boost = getattr(query, "boost", 1.0)
    if isinstance(query, Term):
        return _term_scores(top, sub, query.fieldname, query.text, boost, only)
    if isinstance(query, Or | And) and not getattr(query, "scale", None) \
            and not getattr(query, "minmatch", 0):
        return _boosted(_combined(top, sub, query, only), boost)
    if isinstance(query, QuickPhrase) and query.slop == 1:
        docs = query.segment_docs(sub)
        wanted = set(docs) if only is None else only.intersection(docs)
        total = dict.fromkeys(wanted, 0.0)
        for word in query.words if wanted else ():
            word_scores = _term_scores(top, sub, query.fieldname, word, 1.0, wanted)
            for doc in wanted:
                total[doc] += word_scores[doc]
        return _boosted(total, boost)
    if isinstance(query, ReadOnce):
        return _among(dict.fromkeys(query.segment_docs(sub), query.child.boost), only)
    if isinstance(query, ConstantScoreQuery):
        return _among(dict.fromkeys(segment_docs(sub, query.child), query.score), only)
    return _among(_matcher_scores(top, sub, query), only)


def _among(scores: Scores, only: Docs) -> Scores:
    if only is None:
        return scores
    return {doc: score for doc, score in scores.items() if doc in only}


def _combined(top: Searcher, sub: Searcher, query: Query, only: Docs) -> Scores:
    if isinstance(query, Or):
        scores: Scores = {}
        for part in query.subqueries:
            for doc, score in _scores(top, sub, part, only).items():
                scores[doc] = scores.get(doc, 0.0) + score
        return scores
    # AND: the part with the fewest documents first; the others are read only for its
    # documents. The sum is then taken in the query's order, as Whoosh adds the parts up.
    parts = list(query.subqueries)
    per_part: dict[int, Scores] = {}
    for k in _order(top, query):
        per_part[k] = part_scores = _scores(top, sub, parts[k], only)
        only = set(part_scores)
        if not only:
            return {}
    return {doc: sum(per_part[k][doc] for k in range(len(parts))) for doc in only or ()}


def _order(top: Searcher, query: Query) -> list[int]:
    """The parts of an AND, fewest documents first; worked out once per query (the query
    object lives for one search) from the whole index."""
    order = query.__dict__.get("_order")
    if order is None:
        sizes = [_estimate(top, part) for part in query.subqueries]
        order = query.__dict__["_order"] = sorted(range(len(sizes)), key=sizes.__getitem__)
    return order  # type: ignore[no-any-return]


def _estimate(top: Searcher, query: Query) -> float:
    """About how many documents ``query`` matches, cheaply: a word's count from its idf, which
    the searcher keeps (scoring needs it anyway)."""
    if isinstance(query, Term):
        try:
            text = top.schema[query.fieldname].to_bytes(query.text)
            return float(top.doc_count_all() / math.exp(top.idf(query.fieldname, text) - 1) - 1)
        except Exception:  # noqa: BLE001 - a field or term the index cannot hold: none
            return 0.0
    if isinstance(query, Or):
        return sum(_estimate(top, part) for part in query.subqueries)
    if isinstance(query, And):
        return min(_estimate(top, part) for part in query.subqueries)
    if isinstance(query, ReadOnce | QuickPhrase):
        return float(sum(len(query.segment_docs(sub)) for sub, _ in top.leaf_searchers()))
    return float(top.doc_count_all())


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return {doc: score * boost for doc, score in scores.items()}


def _term_scores(top: Searcher, sub: Searcher, fieldname: str, text: Any,
                 boost: float, only: Docs = None) -> Scores:
    reader = sub.reader()
    btext = term_bytes(reader, fieldname, text)
    postings = None if btext is None else leaf_postings(reader, fieldname, btext)
    if postings is None:
        return {}
    matcher, deleted = postings
    weighting = top.weighting
    scorable = reader.schema[fieldname].scorable
    if scorable and type(weighting) is not BM25F:
        return _among(_matcher_scores(top, sub, Term(fieldname, text, boost=boost)), only)
    scores: Scores = {}
    if scorable:
        # As Whoosh's BM25F scorer takes them: the idf and average length of the whole index
        # (the idf cached by the searcher, the average here: the index's sum of lengths is
        # added up over every segment at each call).
        idf, avgfl = top.idf(fieldname, btext), _average_length(top, fieldname)
        b, k1 = weighting._field_B.get(fieldname, weighting.B), weighting.K1
        lengths = _field_lengths(reader, fieldname)
        for doc, tf in _postings(matcher, only):
            # Whoosh's bm25(), term for term, so that the scores are the same.
            scores[doc] = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths[doc]
                                                              / avgfl)))
    else:  # as Whoosh's WeightScorer: the weight is the score
        scores.update(_postings(matcher, only))
    if deleted:
        for doc in deleted:
            scores.pop(doc, None)
    return _boosted(scores, boost)


def _postings(matcher: Any, only: Docs) -> Iterator[tuple[int, float]]:
    """(document, weight) of a word's postings (among ``only``): a block at a time from the
    index's codec, one by one from a short list kept in the term's entry."""
    if type(matcher) is not W3LeafMatcher:
        while matcher.is_active():
            if only is None or matcher.id() in only:
                yield matcher.id(), matcher.weight()
            matcher.next()
        return
    order, low = (sorted(only) if only is not None else None), -1
    while matcher.is_active():
        if order is not None:  # a block without any of the documents wanted is not read
            high = matcher._maxid
            if bisect_right(order, high) == bisect_right(order, low):
                low = high
                matcher._next_block()
                continue
            low = high
        matcher._read_ids()
        matcher._read_weights()
        for doc, tf in zip(matcher._ids, matcher._weights, strict=True):
            if only is None or doc in only:
                yield doc, tf
        matcher._next_block()


def _average_length(top: Searcher, fieldname: str) -> float:
    per_field = _AVERAGES.setdefault(top, {})
    if fieldname not in per_field:
        per_field[fieldname] = top.avg_field_length(fieldname) or 1
    return per_field[fieldname]


def _field_lengths(reader: Any, fieldname: str) -> Any:
    """Each document's length in the field, as the scorer reads it (1 if the segment keeps no
    lengths for the field), read from the lengths column at once."""
    per_field = _LENGTHS.setdefault(reader, {})
    if fieldname not in per_field:
        count = reader.doc_count_all()
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            lengths = [1] * count
        elif getattr(column, "_fixedlen", None) == 1:
            stored = column._count
            raw = column._dbfile.get(column._basepos, stored) if stored else b""
            lengths = [_BYTE_LENGTHS[b] for b in raw] + [0] * (count - stored)
        else:
            lengths = [reader.doc_field_length(doc, fieldname, 1) or 0 for doc in range(count)]
        per_field[fieldname] = lengths
    return per_field[fieldname]


def _matcher_scores(top: Searcher, sub: Searcher, query: Query) -> Scores:
    matcher = query.matcher(sub, top.context())
    scores: Scores = {}
    while matcher.is_active():
        scores[matcher.id()] = matcher.score()
        matcher.next()
    return scores
