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


class CrossScript:
    def __init__(self) -> None:
        self._maps: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
        self._lock = threading.Lock()

    def _segment_map(self, reader: Any, fieldname: str) -> dict[str, tuple[str, ...]]:
        segment = reader.segment()
        key = (segment.segment_id() if segment is not None else str(id(reader)), fieldname)
        found = self._maps.get(key)
        if found is None:
            gathered: dict[str, list[str]] = {}
            for tbytes in reader.lexicon(fieldname):
                term = tbytes.decode("utf-8")
                k = latin_term_key(term)
                if k is not None:
                    gathered.setdefault(k, []).append(term)
            found = {k: tuple(v) for k, v in gathered.items()}
            self._maps[key] = found
        return found

    def expand(self, searcher: Any, fieldname: str, keys: set[str]) -> set[str]:
        """Terms of ``fieldname`` with one of ``keys``, over the searcher's segments."""
        out: set[str] = set()
        if not keys:
            return out
        with self._lock:
            live = set()
            for sub, _offset in searcher.leaf_searchers():
                reader = sub.reader()
                if fieldname not in reader.indexed_field_names():
                    continue
                segmap = self._segment_map(reader, fieldname)
                segment = reader.segment()
                live.add(segment.segment_id() if segment is not None else str(id(reader)))
                for k in keys:
                    out.update(segmap.get(k, ()))
            for gone in [k for k in self._maps if k[1] == fieldname and k[0] not in live]:
                del self._maps[gone]
        return out
