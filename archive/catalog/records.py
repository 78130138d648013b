"""Catalog queries and edits on items, as functions that take the session first. ``Vault``
exposes them; the CLI and the desktop app call ``Vault``."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any, cast

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from archive.catalog.models import (
    Case,
    CustodyEvent,
    Intake,
    Item,
    ItemLink,
    ItemTag,
    Note,
    item_cases,
)
from archive.custody.log import Event, entry_bytes
from archive.errors import BadInput, StrongroomError

MIN_PREFIX = 4
NEAR_RATIO = 0.85  # difflib ratio above which two squashed file stems are near names


class ItemNotFound(BadInput):
    pass


def iso(moment: datetime | None, utc: bool = True) -> str | None:
    """ISO 8601; ``Z`` only where the time is known to be UTC (a camera clock of unknown zone
    is given as it read, without a zone)."""
    if moment is None:
        return None
    return moment.isoformat() + ("Z" if utc else "")


@dataclass(frozen=True)
class ItemSummary:
    """One row of a list: what the table and the grid show."""

    id: str
    kind: str
    original_name: str
    title: str | None
    size: int
    sha256: str
    captured_at: datetime | None
    captured_is_utc: bool
    imported_at: datetime
    camera: str | None
    has_location: bool
    thumbnail_id: str | None
    cases: tuple[str, ...]
    tags: tuple[str, ...]
    duration: float | None  # seconds, for recordings and videos

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "original_name": self.original_name,
            "title": self.title, "size": self.size, "sha256": self.sha256,
            "captured_at": iso(self.captured_at, self.captured_is_utc),
            "imported_at": iso(self.imported_at),
            "camera": self.camera, "has_location": self.has_location,
            "case": list(self.cases), "tags": list(self.tags),
        }


def summary_of(item: Item) -> ItemSummary:
    return _summary(item, [c.name for c in item.cases], [t.name for t in item.tags])


def _summary(item: Any, cases: list[str], tags: list[str]) -> ItemSummary:
    """The row of an item, or of the item's columns read alone (the same names)."""
    return ItemSummary(
        item.id, item.kind, item.original_name, item.title, item.size, item.sha256,
        item.captured_at, bool(item.captured_is_utc), item.imported_at, item.camera,
        item.gps_lat is not None, item.thumbnail_id, tuple(sorted(cases)), tuple(tags),
        item.duration,
    )


def _filtered(query: Select[Any], case: str | None, kind: str | None,
              since: datetime | None) -> Select[Any]:
    if case is not None:
        query = query.where(Item.cases.any(Case.name == case))
    if kind is not None:
        query = query.where(Item.kind == kind)
    if since is not None:
        query = query.where(Item.imported_at >= since)
    return query


# What a list row shows, read as columns: loading whole items (their metadata decoded, each one
# tracked by the session) took two thirds of the time of a page, on the thread that reads ahead
# while the grid paints.
_SUMMARY_COLUMNS = (Item.id, Item.kind, Item.original_name, Item.title, Item.size, Item.sha256,
                    Item.captured_at, Item.captured_is_utc, Item.imported_at, Item.camera,
                    Item.gps_lat, Item.thumbnail_id, Item.duration)
_IDS_AT_ONCE = 900  # ids per IN (...) (SQLite allows some thousands of parameters)


def list_items(session: Session, case: str | None = None, kind: str | None = None,
               offset: int = 0, limit: int | None = None,
               since: datetime | None = None) -> list[ItemSummary]:
    """Items in the order they came in (a stable order, so pages can be fetched one by one)."""
    columns = cast("Select[Any]", select(*_SUMMARY_COLUMNS))
    query = _filtered(columns.order_by(Item.imported_at, Item.id), case, kind, since)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    cases: dict[str, list[str]] = {}
    tags: dict[str, list[str]] = {}
    ids = [row.id for row in rows]
    for start in range(0, len(ids), _IDS_AT_ONCE):
        chunk = ids[start:start + _IDS_AT_ONCE]
        for item_id, name in session.execute(
                select(item_cases.c.item_id, Case.name)
                .join(Case, Case.id == item_cases.c.case_id)
                .where(item_cases.c.item_id.in_(chunk))):
            cases.setdefault(str(item_id), []).append(str(name))
        for item_id, name in session.execute(
                select(ItemTag.item_id, ItemTag.name).where(ItemTag.item_id.in_(chunk))
                .order_by(ItemTag.item_id, ItemTag.name)):
            tags.setdefault(item_id, []).append(name)
    return [_summary(r, cases.get(r.id, []), tags.get(r.id, [])) for r in rows]


def count_items(session: Session, case: str | None = None, kind: str | None = None,
                since: datetime | None = None) -> int:
    query = _filtered(select(func.count(Item.id)), case, kind, since)
    return int(session.scalar(query) or 0)


def related_recordings(session: Session, item: Item) -> list[ItemSummary]:
    """The recordings a timed transcript belongs to, or the transcripts of a recording: those
    linked by hand first, then items of the other sort whose file name has the same stem
    ("interview-7.srt", "interview-7.ru.vtt" and "interview-7.m4a"), then those taken in from the
    same folder under a near name ("interview-7 transcript.txt"); within each, those sharing a
    case with the item first."""
    if item.kind not in ("audio", "video", "transcript"):
        return []
    wanted = ("audio", "video") if item.kind == "transcript" else ("transcript",)
    by_hand = set(linked_ids(session, item.id))
    query = (select(Item).options(selectinload(Item.cases), selectinload(Item.tags),
                                  selectinload(Item.intakes))
             .where(Item.kind.in_(wanted), Item.id != item.id)
             .order_by(Item.imported_at, Item.id))
    stem = name_stem(item.original_name)
    folders = _folders(item)
    own_cases = {c.name for c in item.cases}
    ranked: list[tuple[int, bool, ItemSummary]] = []
    for other in session.scalars(query):
        if other.id in by_hand:
            rank = 0
        elif name_stem(other.original_name) == stem:
            rank = 1
        elif folders & _folders(other) and near_names(stem, name_stem(other.original_name)):
            rank = 2
        else:
            continue
        summary = summary_of(other)
        ranked.append((rank, not own_cases.intersection(summary.cases), summary))
    return [s for _rank, _apart, s in sorted(ranked, key=lambda r: (r[0], r[1]))]


def linked_ids(session: Session, item_id: str) -> list[str]:
    """The items paired with this one by hand (recordings of a transcript, or the other way)."""
    rows = session.execute(select(ItemLink.transcript_id, ItemLink.recording_id).where(
        or_(ItemLink.transcript_id == item_id, ItemLink.recording_id == item_id))).all()
    return sorted(r[1] if r[0] == item_id else r[0] for r in rows)


def _folders(item: Item) -> set[str]:
    return {str(PurePath(i.source_path).parent) for i in item.intakes if i.source_path}


def near_names(a: str, b: str) -> bool:
    """Two file stems that name the same thing: equal once spaces and punctuation go, one the
    other plus a word ("interview-7" and "interview-7 transcript"), or nearly equal; never when
    their numbers differ ("interview-7" and "interview-8")."""
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return False
    a, b = _squash(a), _squash(b)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= NEAR_RATIO


def _squash(stem: str) -> str:
    return "".join(c for c in stem.casefold() if c.isalnum())


def name_stem(name: str) -> str:
    """A file name without its extension, and without a short language tag before it."""
    stem = name.casefold().rsplit(".", 1)[0]
    base, dot, tag = stem.rpartition(".")
    return base if dot and base and 2 <= len(tag) <= 3 and tag.isalpha() else stem


def resolve_item(session: Session, ref: str) -> Item:
    """An item by its id or a unique prefix of it (at least four characters)."""
    ref = ref.strip().lower()
    item = session.get(Item, ref)
    if item is not None:
        return item
    if len(ref) < MIN_PREFIX or not all(c in "0123456789abcdef" for c in ref):
        raise ItemNotFound(f"no item {ref!r} in this vault")
    found = list(session.scalars(select(Item).where(Item.id.startswith(ref)).limit(2)))
    if not found:
        raise ItemNotFound(f"no item {ref!r} in this vault")
    if len(found) > 1:
        raise ItemNotFound(f"{ref!r} matches several items; give more of the id")
    return found[0]


def first_source(session: Session, item_id: str) -> str | None:
    return session.scalar(select(Intake.source_path).where(Intake.item_id == item_id)
                          .order_by(Intake.imported_at, Intake.id).limit(1))


def custody_events(session: Session, item_id: str | None = None) -> list[Event]:
    query = select(CustodyEvent.entry, CustodyEvent.openings).order_by(CustodyEvent.seq)
    if item_id is not None:
        query = query.where(CustodyEvent.item_id == item_id)
    return [Event.from_entry(entry_bytes(entry), openings)
            for entry, openings in session.execute(query)]


def add_note(session: Session, item: Item, text: str, author: str, now: datetime) -> Note:
    if not text.strip():
        raise StrongroomError("the note is empty; nothing was saved")
    note = Note(item_id=item.id, body=text, author=author, created_at=now)
    session.add(note)
    item.notes.append(note)
    return note


def change_tags(item: Item, add: list[str], remove: list[str]) -> tuple[list[str], list[str]]:
    have = {t.name for t in item.tags}
    added = sorted({t.strip() for t in add if t.strip()} - have)
    removed = sorted({t.strip() for t in remove} & have)
    item.tags = [t for t in item.tags if t.name not in removed] + [ItemTag(name=t) for t in added]
    return added, removed


def list_cases(session: Session) -> list[tuple[str, str, int]]:
    rows = session.execute(
        select(Case.name, Case.description, func.count(Item.id))
        .outerjoin(Case.items).group_by(Case.id).order_by(Case.name)).all()
    return [(r[0], r[1], int(r[2])) for r in rows]
