"""The items model's pages when the vault changes under them or the view moves on: rows added to
the viewed case mid-order (pages read before, after, and on their way across the change), a
page read before rows were added and delivered after, pages the view has left before they were
read. A runner that holds the reads lets each test choose when
a page is read and when it arrives."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from archive import Vault
from desktop.items_model import ItemsModel, Scope
from desktop.thumbnails import ThumbnailStore
from gui_fixtures import *  # noqa: F403
from gui_fixtures import open_vault


class HeldReads:
    """Stands in for the task runner: a page's read runs when ``run`` is called, and its rows
    arrive when ``deliver`` is called (both in the order asked)."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[Any], Any], Callable[[Any], None]]] = []
        self.read: list[tuple[Callable[[Any], None], Any]] = []

    def start(self, work: Callable[[Any], Any], *, done: Callable[[Any], None],
              failed: Callable[[BaseException], None]) -> None:
        self.waiting.append((work, done))

    def run(self) -> None:
        self.read += [(done, work(None)) for work, done in self.waiting]
        self.waiting = []

    def deliver(self) -> None:
        for done, rows in self.read:
            done(rows)
        self.read = []


@pytest.fixture
def vault(demo_path: Path) -> Iterator[Vault]:
    opened = open_vault(demo_path)
    yield opened
    opened.lock()


def _second_case(vault: Vault, first: int) -> list[str]:
    """A case "Second" holding the vault's first items; every item's id, in intake order."""
    every = [s.id for s in vault.items()]
    vault.create_case("Second")
    if first:
        vault.add_to_case("Second", every[:first])
    return every


def _model(vault: Vault, scope: Scope, page: int) -> tuple[ItemsModel, HeldReads]:
    model, held = ItemsModel(ThumbnailStore()), HeldReads()
    model.PAGE = page
    model.read_ahead_with(held)  # type: ignore[arg-type]
    model.set_source(vault, scope)
    return model, held


def _paint(model: ItemsModel, row: int) -> None:
    model.index(row, 0).data()


def _shown(model: ItemsModel, held: HeldReads) -> list[str]:
    """Every row's id, as the view would end up showing them once each page has come."""
    for row in range(model.rowCount()):
        _paint(model, row)
        held.run()
        held.deliver()
    return [model.summary(r).id for r in range(model.rowCount())]


def test_an_earlier_item_added_to_the_viewed_case_takes_its_place(vault: Vault) -> None:
    every = _second_case(vault, 0)
    vault.add_to_case("Second", [every[5], every[9]])
    model, held = _model(vault, Scope(case="Second"), page=1)  # each row a page
    assert [model.summary(r).id for r in range(2)] == [every[5], every[9]]
    vault.add_to_case("Second", [every[2]])  # imported before both: it comes first
    model.refresh()
    assert _shown(model, held) == [s.id for s in vault.items(case="Second")] \
        == [every[2], every[5], every[9]]
    vault.add_to_case("Second", [every[0], every[7]])  # one before, one between
    model.refresh()
    assert _shown(model, held) == [every[0], every[2], every[5], every[7], every[9]]


def _indexes(vault: Vault, ids: list[str]) -> list[int]:
    every = [s.id for s in vault.items()]
    return [every.index(i) for i in ids]


def test_a_page_on_its_way_across_an_item_added_mid_order_is_read_again(vault: Vault) -> None:
    every = _second_case(vault, 0)
    vault.add_to_case("Second", [every[i] for i in (0, 2, 4, 6, 8)])
    model, held = _model(vault, Scope(case="Second"), page=1)  # rows 0 and 1 read at once
    moved: list[bool] = []
    model.rows_moved.connect(lambda: moved.append(True))
    _paint(model, 2)  # rows 2 to 5 asked...
    held.run()  # ...and read: every[4], every[6], every[8]
    vault.add_to_case("Second", [every[5], every[9]])  # an import: a known item, a new one
    model.refresh()
    held.deliver()  # what was read before the change arrives after it: dropped
    assert not model.is_read(5)
    held.run()
    held.deliver()  # the rows in sight, read again
    assert _indexes(vault, _shown(model, held)) == [0, 2, 4, 5, 6, 8, 9]
    assert not moved  # no row shown held another item before


def test_pages_read_before_and_after_an_item_added_mid_order(vault: Vault) -> None:
    every = _second_case(vault, 0)
    vault.add_to_case("Second", [i for n, i in enumerate(every) if n != 5])
    model, held = _model(vault, Scope(case="Second"), page=1)
    moved: list[bool] = []
    model.rows_moved.connect(lambda: moved.append(True))
    _paint(model, 2)  # rows 2 to 5 read: every[2], [3], [4], [6]
    held.run()
    held.deliver()
    vault.add_to_case("Second", [every[5]])  # it comes at row 5
    _paint(model, 8)  # the view moves on before the next refresh: rows 7 and 8 read anew
    held.run()
    held.deliver()
    model.refresh()
    assert not moved
    assert _indexes(vault, _shown(model, held)) == list(range(10))
    assert moved  # row 5 showed every[6] before: the selection is told
    # an action on every row reads again the rows out of sight that moved since they were read
    vault.remove_from_case("Second", [every[5]])
    model.set_source(vault, Scope(case="Second"))
    _shown(model, held)  # every row read, without every[5]
    vault.add_to_case("Second", [every[5]])
    model.refresh()
    _paint(model, 0)  # the view is back at the top before the rows after it are read again
    assert _indexes(vault, model.item_ids(range(10))) == list(range(10))


def test_rows_added_at_the_end_keep_the_rows_read(vault: Vault) -> None:
    every = _second_case(vault, 5)
    model, held = _model(vault, Scope(case="Second"), page=2)
    first = model.summary(0)
    vault.add_to_case("Second", every[5:8])  # imported after: they come at the end
    model.refresh()
    assert model.rowCount() == 8 and model.summary(0) is first  # not read again
    assert _shown(model, held) == every[:8]


def test_a_page_read_before_rows_were_added_is_read_again_whole(vault: Vault) -> None:
    every = _second_case(vault, 5)
    model, held = _model(vault, Scope(case="Second"), page=2)
    _paint(model, 4)  # the last page, one row long, is read...
    held.run()
    vault.add_to_case("Second", every[5:7])
    model.refresh()  # ...the rows after it are added...
    held.deliver()  # ...and its one row arrives: dropped, it may be out of date
    assert model.rowCount() == 7 and not model.is_read(4)
    assert _shown(model, held) == every[:7]


def test_a_page_gone_from_view_before_it_is_read_is_not_read(vault: Vault) -> None:
    every = [s.id for s in vault.items()]
    model, held = _model(vault, Scope(), page=1)
    _paint(model, 2)  # asks for rows 2 to 5 (0 and 1 were read for the first paint)
    _paint(model, 9)  # the view jumps to the end before they are read
    held.run()
    held.deliver()
    # more than four pages from the view: not read; four (row 5): read
    assert [model.is_read(r) for r in range(10)] == [True] * 2 + [False] * 3 + [True] \
        + [False] * 2 + [True] * 2
    _paint(model, 3)  # shown again: asked again, and read
    held.run()
    held.deliver()
    assert model.is_read(3) and model.summary(3).id == every[3]
    # back in sight after the read began and before the page was found left behind: asked
    # again when that is known (nothing else would ask: the row is painted already)
    model.set_source(vault, Scope())
    _paint(model, 2)
    _paint(model, 9)
    held.run()  # rows 2 to 4: left behind
    _paint(model, 3)  # their page is still on its way: not asked twice
    held.deliver()  # "not read" arrives: row 3 is in sight, asked again
    held.run()
    held.deliver()
    assert model.is_read(3)
    assert _shown(model, held) == every


def test_a_sorted_view_reads_the_new_rows_only_unless_rows_moved(vault: Vault) -> None:
    every = _second_case(vault, 0)
    vault.add_to_case("Second", [every[i] for i in (0, 1, 2, 4, 5)])
    model, _held = _model(vault, Scope(case="Second"), page=2)
    model.read_everything = True  # as the table's sorting asks
    model.fetch_all()
    first = model.summary(0)
    moved: list[bool] = []
    model.rows_moved.connect(lambda: moved.append(True))
    vault.add_to_case("Second", [every[6]])  # at the end
    model.refresh()
    assert model.unread_count() == 0 and model.summary(0) is first  # not read again
    vault.add_to_case("Second", [every[3]])  # before the end: every row read again
    model.refresh()
    assert model.unread_count() == 0 and moved
    assert [model.summary(r).id for r in range(7)] == every[:7]
