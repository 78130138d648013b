"""Suffix strippers for Kazakh (Cyrillic) and Uzbek (Latin).

Both languages build a noun as stem + plural + possessive + case, and a verb as stem + tense or
participle + person, each ending in several variants chosen by the stem's last vowel (vowel
harmony: back а о ұ ы, front ә е ө ү і in Kazakh) and last sound (after a vowel, a voiced or a
voiceless consonant: лар/дар/тар, ға/қа, да/та). The tables below follow the descriptions of
the endings and of the rules that choose between their variants in Krippes, "Kazakh (Qazaq-)
Grammatical Sketch with Affix List" (1996), Muhamedowa, "Kazakh: A Comprehensive Grammar" (2016),
and Bodrogligeti, "A Grammar of Modern Literary Uzbek" (2003).

The stripper works from the end of the word inwards, one layer at a time (case, then possessive,
then plural; verb endings when no noun ending was found) and returns the word as written together
with what was left after each layer, so жертөлесінде gives жертөлесінде, жертөлесі, жертөле.
Indexing every candidate (and asking for any of them) keeps a stem that merely ends like a suffix
(адам "person", not ада + м "my") findable from its other forms.
"""

from __future__ import annotations

from collections.abc import Callable

KK_VOWELS = set("аәеиоөуұүыіэюя")
KK_BACK = set("аоұыя")
KK_FRONT = set("әеөүіэ")
KK_VOICELESS = set("кқпстфхцчшщ")
KK_AFTER_T = KK_VOICELESS | set("бвгд")  # the variants with т/қ/п follow these
KK_NASAL = set("мнң")

Rule = Callable[[str], bool]  # is this variant the one that follows this stem?


def _last_vowel_class(stem: str) -> str | None:
    for c in reversed(stem):
        if c in KK_BACK:
            return "back"
        if c in KK_FRONT:
            return "front"
    return None


def _harmonic(stem: str, suffix: str) -> bool:
    """The suffix's vowels agree with the stem's last vowel (unknown classes agree)."""
    want = _last_vowel_class(stem)
    have = _last_vowel_class(suffix)
    return want is None or have is None or want == have


def _after_vowel(stem: str) -> bool:
    return stem[-1] in KK_VOWELS


def _after_voiced(stem: str) -> bool:
    return stem[-1] not in KK_AFTER_T


def _after_t(stem: str) -> bool:
    return stem[-1] in KK_AFTER_T


def _after_nasal(stem: str) -> bool:
    return stem[-1] in KK_NASAL


def _after_voiced_non_nasal(stem: str) -> bool:
    return stem[-1] not in KK_AFTER_T and stem[-1] not in KK_NASAL


def _after_consonant(stem: str) -> bool:
    return stem[-1] not in KK_VOWELS


def _after_liquid(stem: str) -> bool:  # лар follows vowels and р у й
    return stem[-1] in KK_VOWELS or stem[-1] in "руй"


def _after_lmnzh(stem: str) -> bool:
    return stem[-1] in "лмнңзж"


def _after_3rd_possessive(stem: str) -> bool:
    """The н-variants of the cases follow the third-person possessive ы/і/сы/сі."""
    return stem[-1] in "ыі"


def _after_1st_2nd_possessive(stem: str) -> bool:
    return stem[-1] in "мң"


def _any(stem: str) -> bool:
    return True


def _table(*groups: tuple[str, Rule]) -> list[tuple[str, Rule]]:
    """(suffix, rule) pairs, longest suffix first."""
    pairs = [(s, rule) for variants, rule in groups for s in variants.split()]
    return sorted(pairs, key=lambda p: -len(p[0]))


KK_CASE = _table(
    ("ның нің", lambda s: _after_vowel(s) or _after_nasal(s)),  # genitive
    ("дың дің", lambda s: _after_voiced(s) and not _after_vowel(s) and not _after_nasal(s)),
    ("тың тің", _after_t),
    ("ны ні", _after_vowel), ("ды ді", _after_voiced), ("ты ті", _after_t),  # accusative
    ("н", _after_3rd_possessive),
    ("ға ге", _after_voiced), ("қа ке", _after_t),  # dative
    ("на не", _after_3rd_possessive), ("а е", _after_1st_2nd_possessive),
    ("да де", _after_voiced), ("та те", _after_t), ("нда нде", _after_3rd_possessive),  # locative
    ("дан ден", _after_voiced_non_nasal), ("тан тен", _after_t),  # ablative
    ("нан нен", lambda s: _after_nasal(s) or _after_3rd_possessive(s)),
    ("мен менен", lambda s: _after_vowel(s) or s[-1] in "руйл"),  # instrumental
    ("бен", lambda s: s[-1] in "змнңж"), ("пен", _after_t),
    ("дағы дегі", _after_voiced), ("тағы тегі", _after_t),  # "the one in ..."
    ("ндағы ндегі", _after_3rd_possessive),
    ("ша ше", _any),  # equative
)
KK_POSSESSIVE = _table(
    ("м", _after_vowel), ("ым ім", _after_consonant),
    ("ң", _after_vowel), ("ың ің", _after_consonant),
    ("ңыз ңіз", _after_vowel), ("ыңыз іңіз", _after_consonant),
    ("сы сі", _after_vowel), ("ы і", _after_consonant),
    ("мыз міз", _after_vowel), ("ымыз іміз", _after_consonant),
    ("ңдар ңдер", _after_vowel), ("ыңдар іңдер", _after_consonant),
)
KK_PLURAL = _table(("лар лер", _after_liquid), ("дар дер", _after_lmnzh),
                   ("тар тер", _after_t))
KK_VERB = _table(
    ("ды ді ты ті", _any),  # past
    ("дым дім тым тім дың дің тың тің дық дік тық тік", _any),
    ("дыңыз діңіз тыңыз тіңіз дыңдар діңдер тыңдар тіңдер", _any),
    ("ған ген қан кен", _any),  # participle
    ("ғанмын генмін қанмын кенмін ғансың генсің қансың кенсің", _any),
    ("амын емін аймын еймін асың есің айсың ейсің ады еді йды йді", _any),  # present
    ("амыз еміз аймыз еймиз", _any),
    ("атын етін йтын йтін", _any), ("мақ мек бақ бек пақ пек", _any),
    ("ып іп", _after_consonant), ("п", _after_vowel),
)

UZ_CASE = _table(
    ("ning", _any), ("ni", _any), ("ga", _any), ("ka", lambda s: s[-1] in "kg"),
    ("qa", lambda s: s[-1] in "q'"), ("da", _any), ("dan", _any), ("dagi", _any),
    ("gacha", _any), ("cha", _any), ("day", _any), ("dek", _any),
)
UZ_POSSESSIVE = _table(
    ("m ng miz ngiz si", lambda s: s[-1] in "aeiou"),
    ("im ing imiz ingiz i", lambda s: s[-1] not in "aeiou"),
    ("lari", _any),
)
UZ_PLURAL = _table(("lar", _any))
UZ_VERB = _table(
    ("di dim ding dik dingiz dilar", _any), ("gan kan qan", _any), ("moq", _any),
    ("ib", _any), ("yap yapti yapman yapsan", _any), ("moqda", _any),
    ("man san miz siz", _any), ("ishdi ishgan ish", _any), ("adi ydi", _any),
)


def _strip(word: str, table: list[tuple[str, Rule]], min_stem: int,
           harmony: bool) -> str | None:
    for suffix, rule in table:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        shortest = min_stem + 1 if len(suffix) == 1 else min_stem
        if len(stem) < shortest or not any(c in KK_VOWELS or c in "aeiou" for c in stem):
            continue
        if harmony and not _harmonic(stem, suffix):
            continue
        if rule(stem):
            return stem
    return None


def _layers(word: str, noun: list[list[tuple[str, Rule]]], verb: list[tuple[str, Rule]],
            min_stem: int, harmony: bool) -> tuple[str, ...]:
    found = [word]
    rest = word
    for table in noun:
        stripped = _strip(rest, table, min_stem, harmony)
        if stripped is not None:
            rest = stripped
            found.append(rest)
    if len(found) == 1:
        stripped = _strip(word, verb, min_stem, harmony)
        if stripped is not None:
            found.append(stripped)
    return tuple(found)


def kazakh_stems(word: str) -> tuple[str, ...]:
    """``word`` (lower case, Cyrillic) and the stems left by each layer of endings."""
    return _layers(word, [KK_CASE, KK_POSSESSIVE, KK_PLURAL], KK_VERB, 2, True)


def uzbek_stems(word: str) -> tuple[str, ...]:
    """``word`` (lower case, Latin, apostrophes as ') and the stems left by each layer."""
    return _layers(word, [UZ_CASE, UZ_POSSESSIVE, UZ_PLURAL], UZ_VERB, 2, False)
