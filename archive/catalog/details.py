"""Everything known about one item, as typed values the CLI, the desktop and the tests share.
``as_json()`` gives the stable field names of ``strongroom show --json``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from archive.catalog.models import Item
from archive.catalog.records import ItemSummary, iso, summary_of


@dataclass(frozen=True)
class GpsPoint:
    lat: float
    lon: float
    alt: float | None

    def as_json(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon, "alt": self.alt}


@dataclass(frozen=True)
class NoteView:
    id: int
    text: str
    author: str
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "author": self.author,
                "created_at": iso(self.created_at)}


@dataclass(frozen=True)
class IntakeRecord:
    """One time the item was taken in: from where, the file's own times, by whom, on which
    machine."""

    original_name: str
    source_path: str | None
    size: int
    modified_at: datetime | None
    changed_at: datetime | None
    accessed_at: datetime | None
    imported_at: datetime
    imported_by: str | None
    host: str | None

    def as_json(self) -> dict[str, Any]:
        return {"original_name": self.original_name, "source_path": self.source_path,
                "size": self.size, "modified_at": iso(self.modified_at),
                "changed_at": iso(self.changed_at), "accessed_at": iso(self.accessed_at),
                "imported_at": iso(self.imported_at), "imported_by": self.imported_by,
                "host": self.host}


@dataclass(frozen=True)
class ItemDetail(ItemSummary):
    """An item's metadata, hashes, derived facts, notes and provenance."""

    format: str
    md5: str | None
    sha1: str | None
    captured_local: str | None
    captured_source: str | None  # the tag the capture time was read from
    dates: tuple[dict[str, Any], ...]  # every date the original states, with its tag and kind
    date_conflicts: tuple[str, ...]
    imported_by: str | None
    gps: GpsPoint | None
    width: int | None
    height: int | None
    metadata: dict[str, Any]
    problems: tuple[str, ...]
    text_encoding: str | None
    cue_count: int
    notes: tuple[NoteView, ...]
    provenance: tuple[IntakeRecord, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            **super().as_json(),
            "format": self.format, "md5": self.md5, "sha1": self.sha1,
            "captured_local": self.captured_local, "captured_source": self.captured_source,
            "dates": list(self.dates), "date_conflicts": list(self.date_conflicts),
            "imported_by": self.imported_by,
            "gps": self.gps.as_json() if self.gps else None,
            "width": self.width, "height": self.height, "duration": self.duration,
            "metadata": self.metadata, "problems": list(self.problems),
            "text_encoding": self.text_encoding, "cue_count": self.cue_count,
            "notes": [n.as_json() for n in self.notes],
            "provenance": [p.as_json() for p in self.provenance],
        }


def item_detail(item: Item) -> ItemDetail:
    """Everything known about an item, read from its catalog rows."""
    gps = None
    if item.gps_lat is not None and item.gps_lon is not None:
        gps = GpsPoint(item.gps_lat, item.gps_lon, item.gps_alt)
    text = item.text
    return ItemDetail(
        **vars(summary_of(item)),
        format=item.format, md5=item.md5, sha1=item.sha1,
        captured_local=item.captured_local, captured_source=item.captured_source,
        dates=tuple((item.meta or {}).get("dates", [])),
        date_conflicts=tuple((item.meta or {}).get("date_conflicts", [])),
        imported_by=item.imported_by, gps=gps,
        width=item.width, height=item.height,
        metadata=dict(item.meta or {}), problems=tuple(item.problems or ()),
        text_encoding=text.encoding if text else None,
        cue_count=text.cue_count if text else 0,
        notes=tuple(NoteView(n.id, n.body, n.author, n.created_at) for n in item.notes),
        provenance=tuple(IntakeRecord(
            i.original_name, i.source_path, i.size, i.modified_at, i.changed_at,
            i.accessed_at, i.imported_at, i.imported_by, i.host) for i in item.intakes),
    )
