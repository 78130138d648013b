"""One intake transaction's new rows, gathered and inserted table by table."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from archive.catalog.models import (
    Case,
    Intake,
    Item,
    ItemTag,
    ItemText,
    ObjectExtent,
    StoredObject,
    item_cases,
)
from archive.extract import Extracted
from archive.storage.objects import PutResult

if TYPE_CHECKING:
    from archive.core import Transaction

@dataclass
class Prepared:
    """A file stored and read, waiting for its catalog transaction."""

    path: Path
    stat: os.stat_result
    kind: str
    fmt: str
    original: PutResult
    thumb: PutResult | None
    found: Extracted | None  # None when the file was already in the vault at prepare time
    dump: PutResult | None = None  # every tag the readers saw, as JSON
    text: PutResult | None = None  # the extracted text and its cues (archive.derived)

    @property
    def puts(self) -> list[PutResult]:
        return [self.original] + [p for p in (self.thumb, self.dump, self.text)
                                  if p is not None]


ITEM_COLUMNS = frozenset(column.name for column in Item.__table__.columns)
# Parents before children, for the foreign keys.
_TABLES: tuple[Any, ...] = (StoredObject, ObjectExtent, Item, item_cases, ItemTag, ItemText,
                            Intake)


class Pending:
    """One transaction's new rows, inserted table by table in a few statements (far cheaper
    than a unit of work per file), and what it knows about the hashes it has seen."""

    def __init__(self, tx: Transaction, batch: Sequence[Prepared],
                 find_case: Callable[[Session], Case | None]) -> None:
        self.tx = tx
        self._find_case = find_case
        hashes = [prepared.original.sha256 for prepared in batch]
        self.known: dict[str, str] = {
            sha256: item_id for sha256, item_id in tx.session.execute(
                select(Item.sha256, Item.id).where(Item.sha256.in_(hashes)))}
        self.rows: dict[Any, list[dict[str, Any]]] = {table: [] for table in _TABLES}
        self._case: Case | None = None
        self._case_known = False

    def case(self) -> Case | None:
        """The import's case, looked up (or made) once, when the first new item needs it."""
        if not self._case_known:
            self._case, self._case_known = self._find_case(self.tx.session), True
        return self._case

    def insert(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                target = table if isinstance(table, Table) else table.__table__
                self.tx.session.execute(insert(target), rows)
                rows.clear()
