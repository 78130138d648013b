"""Text analysis for Russian, English, Uzbek (Latin) and Kazakh (Cyrillic).

Three token streams:
- ``text``: Unicode case folding, ё->е, accents dropped from Latin letters, Uzbek apostrophes kept
  inside words, then Russian Snowball stemming for Cyrillic words (not for words with Kazakh
  letters, which only get folded) and English Snowball stemming for Latin words.
- ``exact``: the same without stemming (names, tags).
- ``translit``: every word brought to one Latin spelling (Cyrillic transliterated, Latin words
  passed through a Cyrillic round trip so that Russian endings are stemmed the same way) and
  folded (zh/j, kh/x/h, y/i, q/k ...), so that "Kasymova" finds "Касымова" and "Жаксылыков" finds
  "Zhaksylykov".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Filter, RegexTokenizer, Token
from whoosh.lang.snowball.english import EnglishStemmer
from whoosh.lang.snowball.russian import RussianStemmer

# Letters, digits, and apostrophes between letters (Uzbek oʻ, gʻ; English don't).
WORD = re.compile(r"\w+(?:['’ʼʻ`]\w+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "ʻ": "'", "`": "'"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_ONLY = set("әғқңөұүһі")

_RU = RussianStemmer()
_EN = EnglishStemmer()

_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ў": "u", "ҳ": "h",
}
_TO_CYRILLIC = [  # longest first
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"),
    ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ye", "е"),
    ("a", "а"), ("b", "б"), ("c", "ц"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "х"), ("y", "ы"), ("z", "з"), ("'", ""),
]
_LATIN_FOLDS = [("shch", "sh"), ("sch", "sh"), ("zh", "j"), ("kh", "h"), ("x", "h"),
                ("q", "k"), ("ts", "c"), ("w", "v"), ("y", "i"), ("'", "")]


def fold(word: str) -> str:
    """Case folding, ё->е, apostrophes unified, accents removed from Latin letters only (so
    Cyrillic й and Kazakh letters stay what they are)."""
    word = word.casefold().translate(_APOSTROPHES).replace("ё", "е")
    if _CYRILLIC.search(word):
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """``word`` already folded."""
    if is_cyrillic(word):
        if _KAZAKH_ONLY & set(word):
            return word
        return str(_RU.stem(word))
    return str(_EN.stem(word))


def to_latin(word: str) -> str:
    return "".join(_TO_LATIN.get(c, c) for c in word)


def to_cyrillic(word: str) -> str:
    out = []
    i = 0
    while i < len(word):
        for latin, cyr in _TO_CYRILLIC:
            if word.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=200_000)
def translit_key(word: str) -> str:
    """One spelling for a name in either script. ``word`` already folded."""
    cyr = word if is_cyrillic(word) else to_cyrillic(word)
    if not (_KAZAKH_ONLY & set(cyr)):
        cyr = str(_RU.stem(cyr))
    latin = to_latin(cyr)
    for a, b in _LATIN_FOLDS:
        latin = latin.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", latin)


class _MapFilter(Filter):
    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _MapFilter) and other.kind == self.kind

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        kind = self.kind
        for t in tokens:
            word = _term(kind, t.text)
            if word:
                t.text = word
                yield t


@lru_cache(maxsize=500_000)
def _term(kind: str, raw: str) -> str:
    """The index term for a word as written (words repeat, so this is cached whole)."""
    word = fold(raw)
    if kind == "stem":
        return stem(word)
    if kind == "translit":
        return translit_key(word)
    return word


def _tokenizer() -> RegexTokenizer:
    return RegexTokenizer(WORD)


def text_analyzer():  # type: ignore[no-untyped-def]
    return _tokenizer() | _MapFilter("stem")


def exact_analyzer():  # type: ignore[no-untyped-def]
    return _tokenizer() | _MapFilter("fold")


def translit_analyzer():  # type: ignore[no-untyped-def]
    return _tokenizer() | _MapFilter("translit")


def analyze(text: str, kind: str = "stem") -> list[str]:
    analyzer = {"stem": text_analyzer, "fold": exact_analyzer,
                "translit": translit_analyzer}[kind]()
    return [t.text for t in analyzer(text)]
