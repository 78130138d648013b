"""The query language, read by a small parser of our own so that every mistake can be named
with its place, and so that a word can ask for all of its lemmas at once.

    word  "a phrase"  field:value  field:"a phrase"  captured:[2020-01 to 2020-06-30]
    a AND b   a b (the same)   a OR b   NOT a   ( ... )

Character positions in messages count from 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from whoosh.query import And, DateRange, Every, Not, Or, Query, Sequence, Term

from .analysis import (
    WORD,
    cyrillic_terms,
    exact_term,
    latin_keys,
    name_terms,
    text_terms,
    translit_key,
)
from .collecting import ReadOnce
from .phrases import QuickPhrase

MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 64

# Free words look in these fields, with these weights: the words of the evidence first, then
# titles, then other spellings, file names, and tags and device names last. Case names only
# through case:.
FREE_FIELDS = {"text": 1.0, "notes": 1.0, "title": 0.8, "name": 0.2, "labels": 0.1}
OTHER_SCRIPT = 0.7  # a word found in the other script weighs this much of a word as written
TEXT_FIELDS = ("text", "notes", "title")
WORD_FIELDS = ("camera", "lens", "software", "codec", "encoding")
ALIASES = {"case": "cases", "tag": "tags", "note": "notes", "file": "name", "date": "captured",
           "imported_at": "imported", "model": "camera", "make": "camera", "gps": "location"}
KNOWN = ("kind", "case", "tag", "title", "name", "text", "notes", "camera", "lens", "software",
         "codec", "encoding", "has", "captured", "imported", "location")
HAS_VALUES = {"gps": "gps", "location": "gps", "notes": "notes", "note": "notes", "tags": "tags",
              "tag": "tags", "text": "text", "timecodes": "cues", "cues": "cues"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_FIELD_NAME = re.compile(r"[A-Za-z_]+")  # "Свидетель:" or "12:30" are words, not fields
_BARE = re.compile(r'[^\s()"\[]+')


class QueryError(ValueError):
    """A query that cannot be understood; the message says what and where, for the user."""


@dataclass
class QueryPlan:
    """What to search, what to leave out, and what to mark in the text of each hit."""

    positive: Query
    excluded: Query | None
    text_terms: set[str] = field(default_factory=set)


def _at(pos: int) -> str:
    return f"at character {pos + 1}"


@dataclass
class _Tok:
    kind: str  # word, phrase, range, (, ), op
    text: str
    pos: int
    field: str | None = None


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    i = 0
    pending_field: tuple[str, int] | None = None
    while i < len(text):
        c = text[i]
        if c.isspace():
            if pending_field:
                raise QueryError(f"'{pending_field[0]}:' {_at(pending_field[1])} has no value")
            i += 1
            continue
        if c in "()":
            if pending_field:
                raise QueryError(f"'{pending_field[0]}:' {_at(pending_field[1])} has no value")
            out.append(_Tok(c, c, i))
            i += 1
            continue
        fname, fpos = pending_field or (None, i)
        pending_field = None
        if c == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError(f"the quote {_at(i)} is never closed")
            out.append(_Tok("phrase", text[i + 1:end], fpos, fname))
            i = end + 1
            continue
        if c == "[":
            end = text.find("]", i + 1)
            if end < 0:
                raise QueryError(f"the '[' {_at(i)} is never closed")
            out.append(_Tok("range", text[i + 1:end], i + 1, fname))
            i = end + 1
            continue
        m = _BARE.match(text, i)
        assert m is not None  # noqa: S101 - c is none of the characters above
        word = m.group(0)
        head, colon, rest = word.partition(":")
        if fname is None and colon and _FIELD_NAME.fullmatch(head) and \
                not head.lower().startswith("http"):
            name = head.lower()
            if ALIASES.get(name, name) not in {ALIASES.get(k, k) for k in KNOWN}:
                raise QueryError(f"unknown field '{head}' {_at(i)}; known fields: "
                                 + ", ".join(KNOWN))
            if rest:
                out.append(_Tok("word", rest, i, name))
            else:
                pending_field = (name, i)
            i = m.end()
            continue
        if fname is None and word in ("AND", "OR", "NOT"):
            out.append(_Tok("op", word, i))
        else:
            out.append(_Tok("word", word, fpos, fname))
        i = m.end()
    if pending_field:
        raise QueryError(f"'{pending_field[0]}:' {_at(pending_field[1])} has no value")
    return out


# (field, folded Latin spellings) -> the field's Latin terms with them
Expander = Callable[[str, set[str]], set[str]]


class _Parser:
    def __init__(self, toks: list[_Tok], expand: Expander | None) -> None:
        self.toks = toks
        self.expand = expand
        self.i = 0
        self.plan_terms: set[str] = set()
        self.words = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Query:
        query = self.or_expr(negated=False)
        tok = self.peek()
        if tok is not None:
            raise QueryError(f"')' {_at(tok.pos)} has no '(' before it")
        return query

    def or_expr(self, negated: bool) -> Query:
        parts = [self.and_expr(negated)]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "OR":
            self.take()
            parts.append(self.and_expr(negated, after=tok))
        return parts[0] if len(parts) == 1 else Or(parts)

    def and_expr(self, negated: bool, after: _Tok | None = None) -> Query:
        parts = [self.unary(negated, after)]
        while (tok := self.peek()) is not None and not (tok.kind == ")" or (
                tok.kind == "op" and tok.text == "OR")):
            if tok.kind == "op" and tok.text == "AND":
                self.take()
                parts.append(self.unary(negated, tok))
            else:
                parts.append(self.unary(negated))
        return parts[0] if len(parts) == 1 else And(parts)

    def unary(self, negated: bool, after: _Tok | None = None) -> Query:
        tok = self.peek()
        if tok is None or tok.kind == ")" or (tok.kind == "op" and tok.text != "NOT"):
            if after is not None:
                raise QueryError(f"'{after.text}' {_at(after.pos)} has nothing after it")
            if tok is None:
                raise QueryError("the query has nothing to search for")
            if tok.kind == ")":
                raise QueryError(f"')' {_at(tok.pos)} has no '(' before it or nothing inside")
            raise QueryError(f"'{tok.text}' {_at(tok.pos)} has nothing before it")
        self.take()
        if tok.kind == "op":  # NOT
            return Not(self.unary(not negated, tok))
        if tok.kind == "(":
            if self.peek() is not None and self.peek().kind == ")":  # type: ignore[union-attr]
                raise QueryError(f"the '(' {_at(tok.pos)} has nothing inside")
            inner = self.or_expr(negated)
            close = self.peek()
            if close is None or close.kind != ")":
                raise QueryError(f"the '(' {_at(tok.pos)} is never closed")
            self.take()
            return inner
        if tok.kind == ")":
            raise QueryError(f"')' {_at(tok.pos)} has no '(' before it")
        self.words += 1
        if self.words > MAX_QUERY_WORDS:
            raise QueryError(f"the query has more than {MAX_QUERY_WORDS} words")
        return self.atom(tok, negated)

    def atom(self, tok: _Tok, negated: bool) -> Query:
        name = ALIASES.get(tok.field or "", tok.field or "")
        if not name:
            if tok.kind == "range":
                raise QueryError(f"a date range {_at(tok.pos - 1)} needs a field, as in "
                                 "captured:[2020-01-01 to 2020-12-31]")
            return self.free(tok, negated)
        if name in ("captured", "imported"):
            return _dates(name, tok)
        if tok.kind == "range":
            raise QueryError(f"'{tok.field}:' {_at(tok.pos)} takes a word, not a range")
        value = tok.text.strip()
        if not value:
            raise QueryError(f"'{tok.field}:' {_at(tok.pos)} has no value")
        if name in ("kind", "cases", "tags"):
            return Term(name, value.lower())
        if name == "has":
            if value.lower() not in HAS_VALUES:
                raise QueryError(f"'has:{value}' {_at(tok.pos)}: has: takes one of "
                                 + ", ".join(sorted(set(HAS_VALUES))))
            return Term("has", HAS_VALUES[value.lower()])
        if name == "location":
            if value.lower() not in ("yes", "no", "true", "false"):
                raise QueryError(f"'location:{value}' {_at(tok.pos)}: use yes or no")
            return Term("location", value.lower() in ("yes", "true"))
        raws = WORD.findall(value)
        if not raws:
            raise QueryError(f"'{tok.field}:{value}' {_at(tok.pos)} has no word to search for")
        if name in TEXT_FIELDS:
            return self.words_in(name, raws, tok.kind == "phrase", negated)
        if name == "name":
            return _all([Or([Term("name", t) for t in name_terms(r)]) for r in raws])
        return _all([Term(name, exact_term(r)) for r in raws])  # camera, lens, ...

    def words_in(self, fieldname: str, raws: list[str], phrase: bool, negated: bool) -> Query:
        per_word = [text_terms(r) for r in raws]
        if not negated:
            for terms in per_word:
                self.plan_terms.update(terms)
        alternatives = [_any_of(fieldname, terms) for terms in per_word if terms]
        if phrase and len(alternatives) > 1:
            if all(len(t) == 1 for t in per_word):
                return QuickPhrase(fieldname, [t[0] for t in per_word])
            return Sequence(alternatives)
        return _all(alternatives)

    def free(self, tok: _Tok, negated: bool) -> Query:
        raws = WORD.findall(tok.text)
        if not raws:
            raise QueryError(f"'{tok.text}' {_at(tok.pos)} has no word to search for")
        if tok.kind == "phrase" and len(raws) > 1:
            return Or([self.words_in(f, raws, True, negated) for f in TEXT_FIELDS])
        per_word = []
        for raw in raws:
            terms = text_terms(raw)
            keys = set(latin_keys(raw))
            if not negated:
                self.plan_terms.update(terms)
            fields: list[Query] = []
            for fname, weight in FREE_FIELDS.items():
                if fname in TEXT_FIELDS:
                    fields += [Term(fname, t, boost=weight) for t in terms]
                    others = set(cyrillic_terms(raw))
                    if keys and self.expand:
                        others |= self.expand(fname, keys)
                    others -= set(terms)
                    if not negated:
                        self.plan_terms.update(others)
                    fields += [Term(fname, t, boost=weight * OTHER_SCRIPT)
                               for t in sorted(others)]
                else:  # file names, labels: one spelling for both scripts
                    fields.append(Term(fname, translit_key(raw), boost=weight))
            per_word.append(Or(fields))
        return _all(per_word)


def _any_of(fieldname: str, terms: tuple[str, ...]) -> Query:
    return Term(fieldname, terms[0]) if len(terms) == 1 else Or(
        [Term(fieldname, t) for t in terms])


def _all(parts: list[Query]) -> Query:
    return parts[0] if len(parts) == 1 else And(parts)


def _date(text: str, pos: int, end: bool) -> datetime:
    m = _DATE.match(text)
    if not m:
        raise QueryError(f"'{text}' {_at(pos)} is not a date; write it as 2024, 2024-05 or "
                         "2024-05-31")
    year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if m.group(2) and not 1 <= month <= 12:
        raise QueryError(f"'{text}' {_at(pos)} is not a date: there is no month {month}")
    try:
        if not m.group(2):
            start, step = datetime(year, 1, 1), datetime(year + 1, 1, 1)
        elif not m.group(3):
            start = datetime(year, month, 1)
            step = datetime(year + month // 12, month % 12 + 1, 1)
        else:
            start = datetime(year, month, day)
            step = start + timedelta(days=1)
    except ValueError:
        raise QueryError(f"'{text}' {_at(pos)} is not a date: month {month} of {year} has "
                         f"no day {day}") from None
    return step - timedelta(microseconds=1) if end else start


def _dates(name: str, tok: _Tok) -> Query:
    if tok.kind == "range":
        parts = re.split(r"\s+to\s+|^to\s+|\s+to$|^to$", tok.text.strip(), flags=re.I)
        if len(parts) != 2:
            raise QueryError(f"the range {_at(tok.pos - 1)} should read [start to end]")
        first, last = (p.strip() for p in parts)
        offset_last = tok.pos + tok.text.find(last) if last else tok.pos
        start = _date(first, tok.pos + tok.text.find(first), False) if first else None
        end = _date(last, offset_last, True) if last else None
        if start is None and end is None:
            raise QueryError(f"the range {_at(tok.pos - 1)} has neither a start nor an end")
        if start and end and end < start:
            raise QueryError(f"the range {_at(tok.pos - 1)} ends before it starts")
        return ReadOnce(DateRange(name, start, end))
    value = tok.text.strip()
    return ReadOnce(DateRange(name, _date(value, tok.pos, False), _date(value, tok.pos, True)))


def plan(text: str, expand: Expander | None = None) -> QueryPlan:
    """The query for ``text``; ``expand`` finds a field's terms in the other script."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long ({len(text):,} characters; at most "
                         f"{MAX_QUERY_CHARS:,})")
    if not text.strip():
        raise QueryError("the query is empty")
    parser = _Parser(_tokens(text), expand)
    query = parser.parse()
    positive, excluded = _split_exclusions(query)
    return QueryPlan(positive, excluded, parser.plan_terms)


def _split_exclusions(query: Query) -> tuple[Query, Query | None]:
    """``a AND NOT b`` as the query ``a`` with ``b`` as a mask: the collector drops the masked
    documents, so ``a`` keeps its block skipping instead of being walked in full. ``NOT b``
    alone searches everything but ``b``."""
    if isinstance(query, Not):
        return Every(), query.query
    if isinstance(query, And):
        nots = [s for s in query.subqueries if isinstance(s, Not)]
        keep = [s for s in query.subqueries if not isinstance(s, Not)]
        if nots:
            positive = Every() if not keep else keep[0] if len(keep) == 1 else And(keep)
            masked = [n.query for n in nots]
            return positive, masked[0] if len(masked) == 1 else Or(masked)
    return query, None
