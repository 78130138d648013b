"""A Whoosh segment writer that gathers postings per term instead of in one big list, and the
postings format details that make writing (and reading) cheap for rare words.

Whoosh's writer puts every posting (field, term, document, weight, value) in a pool, sorts the
pool and then hands each posting to the codec, asking the per-document reader for the field's
length one posting at a time. Here postings go straight into a list per (field, term), already
in document order: only the terms are sorted, and field lengths are kept as they are counted.
Whatever the standard path still needs (merged segments, a batch larger than the memory budget)
goes through Whoosh's own pool as before, so a large batch still spills sorted runs, in RAM.

Most terms of a collection of statements are rare (names, places, dates). The codec here keeps
the postings of a term with a few documents inside its entry in the term table instead of a
block of their own in the postings file, and stores a small block without compressing it (the
set-up of zlib costs more than it saves on a few dozen bytes). Both are part of Whoosh's own
format: its readers read them as they are.
"""

from __future__ import annotations

import zlib
from array import array
from itertools import chain
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3PostingsWriter
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from .fields import LexicalText, frequency_value, positions_value

_BYTES_PER_POSTING = 64  # arrays, list slot, and a share of the value bytes
INLINE_POSTINGS = 8  # terms in fewer documents than this keep their postings in the term table
_COMPRESS_FROM = 256  # bytes of a pickled block below which it is stored as it is


class _PostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    _terminfo: Any

    def finish_postings(self) -> Any:
        terminfo: Any = self._terminfo
        if not self._blockcount and len(self._ids) < self._inlinelimit:
            terminfo.add_block(self)
            values = self._values
            if len(values) != len(self._ids):
                # Whoosh's own path drops empty values (formats without any); read back, an
                # inlined posting must still give one (bytes) per document.
                values = [b""] * len(self._ids)
            terminfo.set_inlined(self._ids, self._weights, values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        terminfo: Any = self._terminfo
        terminfo.add_block(self)
        ids = self._ids
        data = dumps((self._mini_ids(), self._mini_weights(), self._mini_values()), 2)
        level = self._compression if len(data) >= _COMPRESS_FROM else 0
        if level:
            data = zlib.compress(data, level)
        info = dumps((len(ids), ids[-1], self._maxweight, level,
                      length_to_byte(self._minlength), length_to_byte(self._maxlength)), 2)
        size = len(info) + len(data)
        self._postfile.write_int(-size if last else size)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()

    def _mini_ids(self) -> tuple[int, ...]:
        ids = self._ids
        if self._byteids:
            return tuple(ids)
        return tuple(map(sub, ids, chain((0,), ids)))  # gaps, the first from 0

    def _mini_weights(self) -> Any:
        weights = self._weights
        first = weights[0]
        if weights.count(first) == len(weights):
            return None if first == 1.0 else first
        return tuple(weights)


class Codec(W3Codec):  # type: ignore[misc]
    def __init__(self) -> None:
        # zlib's fastest level: blocks of a few hundred bytes gain little from more effort,
        # and the level is recorded in each block, so readers need no setting.
        super().__init__(inlinelimit=INLINE_POSTINGS, compression=1)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> _PostingsWriter:
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)


class _TermPostings:
    __slots__ = ("docs", "values", "weights")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


class GatheringWriter(SegmentWriter):  # type: ignore[misc]
    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        # Segments are left as separate files (not one compound file): a reader opens each
        # without copying it, where a part of a compound file is copied at every open.
        super().__init__(ix, limitmb=limitmb, codec=Codec(), compound=False, **kwargs)
        self._terms: dict[str, dict[bytes, _TermPostings]] = {}
        self._lengths: dict[str, dict[int, int]] = {}
        self._budget = limitmb * 1024 * 1024
        self._used = 0

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        names = sorted(n for n in fields if not n.startswith("_"))
        self._check_fields(schema, names)
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        used = 0
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if not value and isinstance(field, LexicalText):
                    # An empty text has no terms and no length: only its stored value, if any,
                    # is kept (as Whoosh does for a field that is not given).
                    if field.stored:
                        perdoc.add_field(name, field, value, 0)
                    continue
                if field.indexed:
                    terms = self._terms.get(name)
                    if terms is None:
                        terms = self._terms[name] = {}
                    if isinstance(field, LexicalText):
                        length, added = _add_lexical(terms, field, value, docnum)
                        used += added
                    else:
                        for tbytes, freq, weight, vbytes in field.index(value):
                            length += freq
                            postings = terms.get(tbytes)
                            if postings is None:
                                postings = terms[tbytes] = _TermPostings()
                            postings.docs.append(docnum)
                            postings.weights.append(weight)
                            postings.values.append(vbytes)
                            used += 1
                    if field.scorable and length:
                        # What Whoosh would read back: lengths are stored as one byte.
                        self._lengths.setdefault(name, {})[docnum] = byte_to_length(
                            length_to_byte(length))
                    elif not field.scorable:
                        length = 0
                perdoc.add_field(name, field, value if field.stored else None, length)
                column = field.column_type
                if column and value is not None:
                    perdoc.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        self._used += used * _BYTES_PER_POSTING
        if self._used > self._budget:
            self._to_pool()

    def nearly_full(self) -> bool:
        """Whether the postings gathered are close to the memory budget (past it, they go to
        Whoosh's pool, which writes several times slower)."""
        return self._used > self._budget * 0.9

    def _to_pool(self) -> None:
        """Hand the gathered postings to Whoosh's pool (which spills sorted runs)."""
        add = self.pool.add
        for name, terms in sorted(self._terms.items()):
            for tbytes, p in sorted(terms.items()):
                for docnum, weight, vbytes in zip(p.docs, p.weights, p.values, strict=True):
                    add((name, tbytes, docnum, weight, vbytes))
        self._terms.clear()
        self._used = 0

    def _flush_segment(self) -> None:
        if self.pool.current or self.pool.runs:
            self._to_pool()
            super()._flush_segment()
            return
        self.perdocwriter.close()
        fw = self.fieldwriter
        schema = self.schema
        for name, terms in sorted(self._terms.items()):
            if not terms:
                continue
            fw.start_field(name, schema[name])
            lengths = self._lengths.get(name, {})
            for tbytes, p in sorted(terms.items()):
                fw.start_term(tbytes)
                _fill_blocks(fw._postwriter, p, lengths)  # noqa: SLF001
                fw.finish_term()
            fw.finish_field()
        fw.close()
        self._terms.clear()


def _add_lexical(terms: dict[bytes, _TermPostings], field: LexicalText, value: str,
                 docnum: int) -> tuple[int, int]:
    """A lexical field's postings of one document added to ``terms``; returns the field's
    length (terms counted as often as they occur) and the number of postings added."""
    boost = field.format.field_boost
    positional = field.positional
    length = 0
    found = field.postings(value)
    for tbytes, where in found.items():
        n = len(where)
        length += n
        postings = terms.get(tbytes)
        if postings is None:
            postings = terms[tbytes] = _TermPostings()
        postings.docs.append(docnum)
        postings.weights.append(n * boost)
        postings.values.append(positions_value(where) if positional else frequency_value(n))
    return length, len(found)


def _fill_blocks(pw: Any, p: _TermPostings, lengths: dict[int, int]) -> None:
    """What ``W3PostingsWriter.add_posting`` does one posting at a time, a block at a time: fill
    the block buffer and its statistics, write every full block, and leave the last one for
    ``finish_postings``."""
    limit = pw._blocklimit  # noqa: SLF001
    n = len(p.docs)
    for start in range(0, n, limit):
        end = min(start + limit, n)
        if start == 0 and end == n:
            ids, weights, values = p.docs, p.weights, p.values
        else:
            ids, weights, values = p.docs[start:end], p.weights[start:end], p.values[start:end]
        pw._ids, pw._weights, pw._values = ids, weights, values  # noqa: SLF001
        if lengths:
            # Every document with a posting in a scored field has a length in it.
            known = list(map(lengths.__getitem__, ids))
            pw._minlength, pw._maxlength = min(known), max(known)  # noqa: SLF001
        else:
            pw._minlength, pw._maxlength = None, 0  # noqa: SLF001
        pw._maxweight = max(0, max(weights))  # noqa: SLF001
        if end < n:
            pw._write_block()  # noqa: SLF001
