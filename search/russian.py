"""Russian lemmas from pymorphy3 and its OpenCorpora dictionary.

Snowball cuts words by their endings and sometimes cuts two forms of one word apart (подвал ->
"подвал", подвале -> "подва"; отец/отца; день/дня). A dictionary knows the forms of each word:
every form is indexed under the word's dictionary form ("lemma"). Where a form belongs to several
words (стали: сталь or стать) every candidate lemma is indexed, and a query word asks for any of
its lemmas. Words the dictionary does not know return ``None`` and the caller falls back to
Snowball.

The dictionary takes about a second to load, so it is loaded on first use, once.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_analyzer: Any = None


def _morph() -> Any:
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    return _analyzer


def lemmas(word: str) -> tuple[str, ...] | None:
    """The dictionary forms of a lower-case Cyrillic ``word`` (ё written е), most likely first;
    ``None`` when the dictionary does not know the word."""
    morph = _morph()
    if not morph.word_is_known(word):
        return None
    found: list[str] = []
    for parse in morph.parse(word):
        lemma = parse.normal_form.replace("ё", "е")
        if lemma not in found:
            found.append(lemma)
    return tuple(found) or None
