"""The index schema, and a text field that turns a value into postings without Whoosh's token
pipeline: words are found with one regular expression and each word form's terms come from a
cache, which is most of what makes indexing fast."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.system import pack_uint

from .analysis import TERMS, WORD, analyzer

# Bump when analysis changes what terms a text gives: an index written by another version is
# rebuilt from the catalog at unlock.
ANALYSIS_VERSION = 3


@lru_cache(maxsize=64)
def frequency_value(freq: int) -> bytes:
    return pack_uint(freq)


@lru_cache(maxsize=4096)
def _one_position(pos: int) -> bytes:
    return pack_uint(1) + dumps([pos], 2)


def positions_value(positions: list[int]) -> bytes:
    """Whoosh's ``Positions`` encoding: the count, then the pickled gaps."""
    if len(positions) == 1:
        return _one_position(positions[0])
    return pack_uint(len(positions)) + dumps(list(map(sub, positions, chain((0,), positions))), 2)


# Each kind's terms of a word as written, encoded (a plain dict: cheaper to ask than an LRU
# cache, and bounded by clearing it when it grows past the limit).
_ENCODED: dict[str, dict[str, tuple[bytes, ...]]] = {kind: {} for kind in TERMS}
_ENCODED_LIMIT = 600_000


def _encode_terms(kind: str, raw: str) -> tuple[bytes, ...]:
    cache = _ENCODED[kind]
    if len(cache) >= _ENCODED_LIMIT:
        cache.clear()
    found = cache[raw] = tuple(t.encode("utf-8") for t in TERMS[kind](raw))
    return found


def word_positions(value: str) -> dict[str, list[int]]:
    """Each word of ``value`` as written and where it occurs (word positions). The text is
    split on white space first, and only the pieces that are not plain words go through the
    word pattern (same words, in the same order, as ``WORD.findall``)."""
    found: defaultdict[str, list[int]] = defaultdict(list)
    pieces = value.split()
    if not all(map(str.isalnum, pieces)):
        pieces = [raw for piece in pieces
                  for raw in ((piece,) if piece.isalnum() else WORD.findall(piece))]
    for pos, raw in enumerate(pieces):
        found[raw].append(pos)
    return found


class LexicalText(TEXT):  # type: ignore[misc]
    """A text field whose terms come from ``analysis.TERMS[kind]``. ``positions`` fields
    support phrases; the others store only how often each term occurs."""

    def __init__(self, kind: str, positions: bool, stored: bool = False,
                 field_boost: float = 1.0) -> None:
        super().__init__(analyzer=analyzer(kind), phrase=positions, stored=stored,
                         field_boost=field_boost)
        self.kind = kind
        self.positional = positions

    def postings(self, value: str) -> dict[bytes, list[int]]:
        """Each term of ``value`` and the word positions where it occurs. A word's terms are
        looked up once per text, however often the word occurs; where two words share a term
        (two forms of one lemma) their positions are merged. The lists may be shared between
        terms: read them, never change them."""
        kind = self.kind
        cache = _ENCODED[kind]
        found: dict[bytes, list[int]] = {}
        for raw, where in word_positions(value).items():
            terms = cache.get(raw)
            if terms is None:
                terms = _encode_terms(kind, raw)
            for term in terms:
                have = found.get(term)
                found[term] = where if have is None else sorted(have + where)
        return found

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        boost = self.format.field_boost
        for term, where in self.postings(value).items():
            n = len(where)
            vbytes = positions_value(where) if self.positional else frequency_value(n)
            yield term, n, n * boost, vbytes


def schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        rev=STORED(),
        kind=ID(stored=True),
        title=LexicalText("stem", positions=True, stored=True),
        name=LexicalText("name", positions=False, stored=True),
        text=LexicalText("stem", positions=True),
        notes=LexicalText("stem", positions=True),
        labels=LexicalText("name", positions=False),  # tags and device words as free text
        tags=KEYWORD(lowercase=True, commas=True, scorable=True),
        cases=KEYWORD(lowercase=True, commas=True),
        camera=LexicalText("fold", positions=False),
        lens=LexicalText("fold", positions=False),
        software=LexicalText("fold", positions=False),
        codec=LexicalText("fold", positions=False),
        encoding=LexicalText("fold", positions=False),
        has=KEYWORD(lowercase=True, commas=True),
        captured=DATETIME(),
        imported=DATETIME(),
        location=BOOLEAN(),
        analysis=STORED(),
    )


def is_current(existing: Schema) -> bool:
    """Whether an index written earlier has this schema (same fields, same field types)."""
    now = schema()
    if sorted(existing.names()) != sorted(now.names()):
        return False
    return all(type(existing[n]) is type(now[n]) for n in now.names())

