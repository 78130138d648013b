"""A Whoosh segment writer that gathers postings per term instead of in one big list.

Whoosh's writer puts every posting (field, term, document, weight, value) in a pool, sorts the
pool and then hands each posting to the codec, asking the per-document reader for the field's
length one posting at a time. Here postings go straight into a list per (field, term), already
in document order: only the terms are sorted, and field lengths are kept as they are counted.
Whatever the standard path still needs (merged segments, a batch larger than the memory budget)
goes through Whoosh's own pool as before, so a large batch still spills sorted runs, in RAM.
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from .fields import LexicalText, frequency_value, positions_value

_BYTES_PER_POSTING = 48  # arrays, list slot, and a share of the value bytes


class _TermPostings:
    __slots__ = ("docs", "values", "weights")

    def __init__(self) -> None:
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


class GatheringWriter(SegmentWriter):  # type: ignore[misc]
    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
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
                if field.indexed:
                    if isinstance(field, LexicalText):
                        items = self._lexical(field, value)
                    else:
                        items = field.index(value)
                    terms = self._terms.get(name)
                    if terms is None:
                        terms = self._terms[name] = {}
                    for tbytes, freq, weight, vbytes in items:
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

    @staticmethod
    def _lexical(field: LexicalText, value: str) -> list[tuple[bytes, int, float, bytes]]:
        boost = field.format.field_boost
        if field.positional:
            return [(t, len(w), len(w) * boost, positions_value(w))
                    for t, w in field.postings(value).items()]
        return [(t, len(w), len(w) * boost, frequency_value(len(w)))
                for t, w in field.postings(value).items()]

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


def _fill_blocks(pw: Any, p: _TermPostings, lengths: dict[int, int]) -> None:
    """What ``W3PostingsWriter.add_posting`` does one posting at a time, a block at a time: fill
    the block buffer and its statistics, write every full block, and leave the last one for
    ``finish_postings``."""
    limit = pw._blocklimit  # noqa: SLF001
    n = len(p.docs)
    for start in range(0, n, limit):
        end = min(start + limit, n)
        pw._ids = p.docs[start:end]  # noqa: SLF001
        pw._weights = p.weights[start:end]  # noqa: SLF001
        pw._values = p.values[start:end]  # noqa: SLF001
        known = [x for x in (lengths.get(d, 0) for d in pw._ids) if x]  # noqa: SLF001
        pw._minlength = min(known) if known else None  # noqa: SLF001
        pw._maxlength = max(known) if known else 0  # noqa: SLF001
        pw._maxweight = max(0, max(pw._weights))  # noqa: SLF001
        if end < n:
            pw._write_block()  # noqa: SLF001
