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
- across scripts: a Latin query word also asks for the text terms of its Cyrillic spellings
  ("Kasymova" -> касымов, "passports" -> паспорт); a Cyrillic query word also asks for the Latin
  terms whose folded spelling (zh/j, kh/x/h, y/i, q/k, doubled letters as one ...) is its own
  ("Жаксылыков" -> zhaksylykov, "паспорт" -> passport), found in each segment's term list (see
  ``crossscript``). File names index a transliteration key of each word beside the word.
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
_ASCII_ALNUM = re.compile(r"[a-z0-9]+\Z")
_CYRILLIC_ALNUM = re.compile(r"[\u0400-\u04ff0-9]+\Z")


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


_LATIN_PIECE = re.compile("|".join(re.escape(latin) for latin, _cyr in _TO_CYRILLIC))
_PIECE_TO_CYRILLIC = dict(_TO_CYRILLIC)


def to_cyrillic(word: str) -> str:
    """Latin letters to Cyrillic, the longest spelling first (sh -> ш, not с + х)."""
    return _LATIN_PIECE.sub(lambda m: _PIECE_TO_CYRILLIC[m.group()], word)


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
    if word[-1:].isdigit() and (_ASCII_ALNUM.match(word) or _CYRILLIC_ALNUM.match(word)):
        # No stemmer removes anything from a word that ends in a digit (file names such as
        # img_0042 or протокол2): the spelling is all there is to fold.
        return latin_key(word if is_cyrillic(word) else to_cyrillic(word))
    cyr = word if is_cyrillic(word) else to_cyrillic(str(_EN.stem(word)))
    if not (_KAZAKH_ONLY & set(cyr)):
        cyr = str(_RU.stem(cyr))
    return latin_key(cyr)


_LATIN_TERM = re.compile(r"^[a-z'][a-z0-9']*$")
_DOUBLED_CYRILLIC = re.compile(r"([бвгджзклмнпрстфхцчшщ])\1")


@lru_cache(maxsize=300_000)  # the same terms are in every segment's term list
def latin_term_key(term: str) -> str | None:
    """The folded spelling of a Latin text term (``None`` for other terms): "passport" and
    "pasport" become "pasport", "kasymova" "kasimova"."""
    if not _LATIN_TERM.match(term):
        return None
    return latin_key(term)


@lru_cache(maxsize=100_000)
def latin_keys(raw: str) -> tuple[str, ...]:
    """The folded Latin spellings of a word and of its text terms, to find Latin terms with
    ``latin_term_key`` (Cyrillic words transliterated first)."""
    word = fold(raw)
    if word.isdigit():
        return ()
    return _unique([latin_key(word)], [latin_key(t) for t in text_terms(raw)])


@lru_cache(maxsize=100_000)
def cyrillic_terms(raw: str) -> tuple[str, ...]:
    """For a Latin word, the text terms of its Cyrillic spellings (as written and stemmed, with
    doubled consonants as one): "Otradnaya" gives отрадный, "passports" паспорт."""
    word = fold(raw)
    if is_cyrillic(word) or not word.isascii() or word.isdigit():
        return ()
    spellings = [to_cyrillic(word), to_cyrillic(str(_EN.stem(word)))]
    spellings += [_DOUBLED_CYRILLIC.sub(r"\1", s) for s in spellings]
    return _unique(*[text_terms(s) for s in dict.fromkeys(spellings)])


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
