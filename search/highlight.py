"""Snippets with the matched words given as character spans, never as marks in the text (the
text's own quotation marks, «» in Russian, must not be mistaken for hits)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .analysis import WORD, text_terms

SNIPPET_CHARS = 180
CONTEXT = 60
GAP = " … "


def matches(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where in ``text`` a word has one of ``terms`` (start, end)."""
    if not terms:
        return []
    return [(m.start(), m.end()) for m in WORD.finditer(text)
            if not terms.isdisjoint(text_terms(m.group(0)))]


def snippet(text: str, spans: list[tuple[int, int]],
            fragments: int = 2) -> tuple[str, list[tuple[int, int]]]:
    """Up to ``fragments`` pieces of ``text`` around the first hits, and the hits' spans in the
    snippet. Without hits, the start of the text."""
    if not spans:
        head = " ".join(text[:SNIPPET_CHARS].split())
        return head, []
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        if windows and start <= windows[-1][1]:
            continue
        lo = max(0, start - CONTEXT)
        hi = min(len(text), max(end + CONTEXT, lo + SNIPPET_CHARS // fragments))
        windows.append((lo, hi))
        if len(windows) == fragments:
            break
    out = ""
    out_spans: list[tuple[int, int]] = []
    for lo, hi in windows:
        if out:
            out += GAP
        base = len(out)
        piece = text[lo:hi]
        out += piece
        out_spans += [(base + s - lo, base + e - lo) for s, e in spans if lo <= s and e <= hi]
    return _flatten(out, out_spans)


def _flatten(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Line breaks and tabs as spaces (same length, so the spans stay true)."""
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " "), spans


def first_cue(cues: Iterable[dict[str, Any]] | None,
              terms: set[str]) -> tuple[float | None, str | None]:
    if not cues:
        return None, None
    for cue in cues:
        if matches(cue.get("text", ""), terms):
            return float(cue["start"]), cue["text"]
    return None, None
