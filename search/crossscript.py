"""Words across scripts, found through the index's own term lists instead of a second field.

A Latin word is written in Cyrillic and analysed as Cyrillic (``analysis.cyrillic_terms``), which
needs no index. The other way is ambiguous (паспорт is "passport" in English, "pasport" in
Uzbek), so each Latin term of a field gets a folded spelling (``analysis.latin_term_key``) and a
Cyrillic query word asks for every Latin term whose folded spelling is one of its own.

The map of a segment is made once from that segment's term list (a segment never changes), so
indexing pays nothing for it and a deleted word disappears with the segment that held it.
"""

from __future__ import annotations

import threading
from typing import Any

from .analysis import latin_term_key

# The first letters that a folded spelling's first letter can come from (zh->j, kh->h, x->h,
# q->k, y->i, w->v, ts->c): only the terms that start with these are read.
_FIRST_LETTERS = {"j": "jz", "h": "hkx", "k": "kq", "i": "iy", "v": "vw", "c": "ct"}


class CrossScript:
    def __init__(self) -> None:
        self._maps: dict[tuple[str, str, str], dict[str, tuple[str, ...]]] = {}
        self._lock = threading.Lock()

    def _letter_map(self, reader: Any, segid: str, fieldname: str,
                    letter: str) -> dict[str, tuple[str, ...]]:
        key = (segid, fieldname, letter)
        found = self._maps.get(key)
        if found is None:
            gathered: dict[str, list[str]] = {}
            for tbytes in reader.expand_prefix(fieldname, letter):
                term = tbytes.decode("utf-8")
                k = latin_term_key(term)
                if k is not None:
                    gathered.setdefault(k, []).append(term)
            found = {k: tuple(v) for k, v in gathered.items()}
            self._maps[key] = found
        return found

    def expand(self, searcher: Any, fieldname: str, keys: set[str]) -> set[str]:
        """Latin terms of ``fieldname`` whose folded spelling is one of ``keys``."""
        out: set[str] = set()
        keys = {k for k in keys if k}
        if not keys:
            return out
        with self._lock:
            live = set()
            for sub, _offset in searcher.leaf_searchers():
                reader = sub.reader()
                if fieldname not in reader.indexed_field_names():
                    continue
                segment = reader.segment()
                segid = segment.segment_id() if segment is not None else str(id(reader))
                live.add(segid)
                for k in keys:
                    for letter in _FIRST_LETTERS.get(k[0], k[0]):
                        out.update(self._letter_map(reader, segid, fieldname, letter).get(k, ()))
            for gone in [k for k in self._maps if k[1] == fieldname and k[0] not in live]:
                del self._maps[gone]
        return out
