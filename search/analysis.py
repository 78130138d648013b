"""Text analysis for Russian, English, Uzbek (Latin) and Kazakh (Cyrillic).

A word as written becomes one or more index terms (cached per word form, since words repeat):
- ``text`` terms: Unicode case folding, ё->е, accents dropped from Latin letters, Uzbek
  apostrophes kept inside words; then
  * Russian words the dictionary knows: every candidate lemma (see ``russian``);
  * Cyrillic words with Kazakh letters: the word and its stems without Kazakh endings;
  * other Cyrillic words: Snowball's Russian stem, and the Kazakh stems (Kazakh typed on a
    Russian keyboard);
  * Latin words: English Snowball stem, and the Uzbek stems.
- ``exact`` terms: the folded word alone (file names, tags, camera names).
- transliteration keys: a text term brought to one Latin spelling (Cyrillic transliterated, Latin
  terms passed through a Cyrillic round trip and lemmatized so that Russian endings are handled
  the same way) and folded (zh/j, kh/x/h, y/i, q/k ...), so that "Kasymova" finds "Касымова",
  "Жаксылыков" finds "Zhaksylykov" and "паспорт" finds "passports" (see ``crossscript``). File
  names index the key of each word as written beside the word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from whoosh.analysis import Filter, RegexTokenizer, Token
from whoosh.lang.snowball.english import EnglishStemmer
from whoosh.lang.snowball.russian import RussianStemmer

from .russian import lemmas
from .turkic import kazakh_stems, uzbek_stems

# Letters, digits, and apostrophes between letters (Uzbek oʻ, gʻ; English don't).
WORD = re.compile(r"[^\W_]+(?:['’ʼʻ`][^\W_]+)*", re.UNICODE)
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
_REPEATS = re.compile(r"(.)\1+")


def fold(word: str) -> str:
    """Case folding, ё->е, apostrophes unified, accents removed from Latin letters only (so
    Cyrillic й and Kazakh letters stay what they are)."""
    word = word.casefold().translate(_APOSTROPHES).replace("ё", "е")
    if _CYRILLIC.search(word) or word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


def words(text: str) -> list[str]:
    return WORD.findall(text)


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


def _unique(*groups: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        for t in group:
            if t and t not in out:
                out.append(t)
    return tuple(out)


@lru_cache(maxsize=300_000)
def text_terms(raw: str) -> tuple[str, ...]:
    """The text-field terms of a word as written, the likeliest first."""
    word = fold(raw)
    if not word:
        return ()
    if is_cyrillic(word):
        if _KAZAKH_ONLY & set(word):
            return kazakh_stems(word)
        known = lemmas(word)
        if known:
            return known
        return _unique((str(_RU.stem(word)),), kazakh_stems(word)[1:])
    if word.isdigit():
        return (word,)
    return _unique((str(_EN.stem(word)),), uzbek_stems(word)[1:])


def latin_key(cyr: str) -> str:
    """A Cyrillic (or Latin) word in one folded Latin spelling."""
    latin = to_latin(cyr)
    for a, b in _LATIN_FOLDS:
        latin = latin.replace(a, b)
    return _REPEATS.sub(r"\1", latin)


@lru_cache(maxsize=300_000)
def translit_key(raw: str) -> str:
    """One spelling for a word as written, in either script (file names)."""
    word = fold(raw)
    cyr = word if is_cyrillic(word) else to_cyrillic(str(_EN.stem(word)))
    if not (_KAZAKH_ONLY & set(cyr)):
        cyr = str(_RU.stem(cyr))
    return latin_key(cyr)


@lru_cache(maxsize=300_000)
def term_keys(term: str) -> tuple[str, ...]:
    """The transliteration keys of a text term: Cyrillic terms (lemmas, stems) transliterated;
    Latin terms written in Cyrillic and lemmatized first, so that "kasymova" meets the lemma
    касымов and "passport" meets паспорт."""
    if is_cyrillic(term) or term.isdigit():
        return (latin_key(term),)
    cyr = to_cyrillic(term)
    forms = lemmas(cyr) or (str(_RU.stem(cyr)),)
    return _unique([latin_key(f) for f in forms])


def word_keys(raw: str) -> tuple[str, ...]:
    """The transliteration keys of a word as written (those of its text terms)."""
    return _unique(*[term_keys(t) for t in text_terms(raw)])


@lru_cache(maxsize=300_000)
def exact_term(raw: str) -> str:
    return fold(raw)


def name_terms(raw: str) -> tuple[str, ...]:
    """File names: the word as written and its transliteration key."""
    return _unique((exact_term(raw), translit_key(raw)))


def _exact_terms(raw: str) -> tuple[str, ...]:
    return (exact_term(raw),)


def _translit_terms(raw: str) -> tuple[str, ...]:
    return (translit_key(raw),)


# Term functions by analysis kind; each maps a word as written to its index terms.
TERMS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "stem": text_terms,
    "fold": _exact_terms,
    "translit": _translit_terms,
    "name": name_terms,
}


def analyze(text: str, kind: str = "stem") -> list[str]:
    """Every index term of ``text`` in order (several per word where a word has several)."""
    terms = TERMS[kind]
    return [t for raw in WORD.findall(text) for t in terms(raw)]


class _TermsFilter(Filter):
    """Whoosh filter form of the term functions (all terms of a word at its position), for the
    parts of Whoosh that analyse text themselves."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _TermsFilter) and other.kind == self.kind

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        terms = TERMS[self.kind]
        for t in tokens:
            found = terms(t.text)
            for term in found:
                t.text = term
                yield t


def analyzer(kind: str):  # type: ignore[no-untyped-def]
    return RegexTokenizer(WORD) | _TermsFilter(kind)
