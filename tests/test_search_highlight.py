"""Snippets of long texts: hits are looked for in a bounded stretch, so a search over a vault with
a book-length transcript answers; the spans are checked against the text itself."""

from __future__ import annotations

import pytest

from search import highlight
from search.analysis import text_terms
from search.highlight import SCAN_CHARS, first_cue, matches, snippet


def _filler(words: int) -> str:
    return " ".join(f"слово{i}" for i in range(words))


def test_hits_are_marked_by_span_not_by_characters() -> None:
    text = "Она сказала: «мы жили в подвале десять лет»."
    spans = matches(text, set(text_terms("подвал")))
    assert [text[s:e] for s, e in spans] == ["подвале"]
    shown, shown_spans = snippet(text, spans)
    assert [shown[s:e] for s, e in shown_spans] == ["подвале"]


def test_a_long_text_is_not_analysed_to_its_end(monkeypatch: pytest.MonkeyPatch) -> None:
    analysed: list[str] = []

    def counting(raw: str) -> tuple[str, ...]:
        analysed.append(raw)
        return text_terms(raw)

    monkeypatch.setattr(highlight, "text_terms", counting)
    text = "В подвале. " + _filler(400_000)  # about 4 MB of distinct words
    spans = matches(text, set(text_terms("подвал")))
    assert [text[s:e] for s, e in spans] == ["подвале"]
    assert len(analysed) < SCAN_CHARS // 2  # words of at least one letter and a space
    assert len(text) > 10 * SCAN_CHARS


def test_a_hit_only_past_the_stretch_shows_the_start() -> None:
    text = _filler(SCAN_CHARS // 5) + " подвале"
    assert len(text) > SCAN_CHARS
    assert matches(text, set(text_terms("подвал"))) == []
    shown, spans = snippet(text, [])
    assert shown.startswith("слово0 слово1") and spans == []


def test_cues_share_one_stretch() -> None:
    cues = [{"start": float(i), "text": _filler(200)} for i in range(2000)]
    cues[3]["text"] += " отца"
    assert first_cue(cues, set(text_terms("отец")))[0] == 3.0
    cues[3]["text"] = _filler(200)
    cues[-1]["text"] += " отца"  # far past the stretch: not looked for
    assert first_cue(cues, set(text_terms("отец"))) == (None, None)
