"""Hits, scores, order and totals from the index's own ranking are those of Whoosh's stock
searcher, which scores every document through its matchers: the oracle here is the engine's
reference path, not the code under test. The index has several segments and replaced documents
(deletions inside segments), as a vault's index has after imports and note saves."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from whoosh.query import Phrase, Query

from search import IndexDocument, SearchIndex
from search.collecting import ReadOnce
from search.phrases import QuickPhrase
from search.query import plan

WORDS = ["свидетель", "подвал", "подвале", "подвалах", "магазин", "паспорт", "паспорта",
         "держали", "в", "охранник", "фургон", "ночью", "деньги", "сестры", "десять", "лет",
         "witness", "basement", "shop", "passport", "passports", "guard", "van", "night",
         "money", "held", "police", "lawyer", "court", "Moscow", "Москва", "Касымова",
         "Kasymova", "жертөледе", "hujjatlarimizni", "hujjat", "суд", "адвокат"]
QUERIES = [
    "подвал", "passport", "Касымова", "guard", "суд", "hujjat", "жертөле",
    '"держали в подвале"', '"shop basement"', '"сестры десять"', '"police lawyer"',
    '"Moscow court"',
    "паспорт AND деньги", "van OR фургон", "witness NOT police", "(суд OR court) AND Moscow",
    "NOT подвал", "подвал AND NOT (shop OR магазин)",
    "captured:[2016-01-01 to 2016-12-31] AND подвал", "captured:[2017-03-01 to 2017-06-30]",
    "captured:2018 OR guard", "kind:photo AND night", "notes:охранник", "title:doc",
    "name:t1", "location:yes AND money", "case:otradnaya",
]


def _corpus(rng: random.Random, n: int, start: int = 0) -> list[IndexDocument]:
    first = datetime(2015, 1, 1)
    return [IndexDocument(
        id=f"{i:032x}", rev=1, kind=rng.choice(["transcript", "photo", "note"]),
        title=f"doc {i}", name=f"t{i}.txt",
        text=" ".join(rng.choices(WORDS, k=rng.randint(3, 60))),
        notes=" ".join(rng.choices(WORDS, k=rng.randint(0, 4))),
        cases=["Otradnaya"] if i % 7 == 0 else [],
        captured=first + timedelta(days=rng.randrange(1500)),
        has_location=i % 3 == 0) for i in range(start, start + n)]


def _stock(query: Query) -> Query:
    """The same query with Whoosh's own phrase and range queries."""
    if isinstance(query, QuickPhrase):
        return Phrase(query.fieldname, list(query.words), boost=query.boost)
    if isinstance(query, ReadOnce):
        return query.child
    if query.is_leaf():
        return query
    return query.apply(_stock)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    rng = random.Random(5)
    ix = SearchIndex.in_memory()
    for batch in range(4):  # four large segments
        ix.update(_corpus(rng, 150, batch * 150))
    ix.update(_corpus(rng, 30, 10))  # replaced documents: deletions in the large segments
    ix.update(_corpus(rng, 5, 400), quick=True)  # and a small segment
    readers = [r for r, _ in ix._current_searcher().reader().leaf_readers()]  # noqa: SLF001
    assert len(readers) >= 4 and any(r.has_deletions() for r in readers)
    return ix


@pytest.mark.parametrize("text", QUERIES)
def test_hits_scores_and_totals_are_the_stock_searchers(index: SearchIndex, text: str) -> None:
    searcher = index._current_searcher()  # noqa: SLF001
    wanted = plan(text, lambda f, keys: index._cross.expand(searcher, f, keys))  # noqa: SLF001
    reference = searcher.search(_stock(wanted.positive), limit=None, mask=wanted.excluded)
    expected = [(hit.score, hit["id"]) for hit in reference]
    page = index.search(text, limit=10)
    assert page.total == len(expected)
    assert len(page) == min(10, len(expected))
    for hit, (score, doc_id) in zip(page, expected, strict=False):
        assert hit.score == pytest.approx(score, rel=1e-9)
        if hit.id != doc_id:  # only documents of the same score may trade places
            assert dict((i, s) for s, i in expected)[hit.id] == pytest.approx(score, rel=1e-9)
    if len(expected) > 10:  # the page's last hit is not beaten by any hit left off it
        assert expected[10][0] <= page[-1].score * (1 + 1e-9)
    deeper = index.search(text, limit=5, offset=5)
    assert [h.id for h in deeper] == [h.id for h in page[5:10]]


def test_most_of_the_queries_find_something(index: SearchIndex) -> None:
    """The comparison above means little on empty results."""
    found = [q for q in QUERIES if index.search(q, limit=1).total > 0]
    assert len(found) >= len(QUERIES) - 3, set(QUERIES) - set(found)
