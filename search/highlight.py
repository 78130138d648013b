"""Snippets with the matched words given as character spans, never as marks in the text (the
text's own quotation marks, «» in Russian, must not be mistaken for hits)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .analysis import WORD, text_terms

SNIPPET_CHARS = 180
CONTEXT = 60
GAP = " … "


SCAN_CHARS = 250_000  # how far into a text (or its cues) a snippet looks for hits
MOST_SPANS = 200  # more than two snippet windows can hold


def matches(text: str, terms: set[str], scan: int = SCAN_CHARS) -> list[tuple[int, int]]:
    """Where in the first ``scan`` characters of ``text`` a word has one of ``terms`` (start,
    end), the first :data:`MOST_SPANS` of them. Every word looked at is analysed, so a long
    text is not read to its end for a snippet: a hit only further in shows the text's start."""
    found: list[tuple[int, int]] = []
    if not terms:
        return found
    for m in WORD.finditer(text, 0, scan):
        if not terms.isdisjoint(text_terms(m.group(0))):
            found.append((m.start(), m.end()))
            if len(found) == MOST_SPANS:
                break
    return found


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
    left = SCAN_CHARS
    for cue in cues:
        text = cue.get("text", "")
        if matches(text, terms, left):
            return float(cue["start"]), cue["text"]
        left -= len(text)
        if left <= 0:
            break
    return None, None
