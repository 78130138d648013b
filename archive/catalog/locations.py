"""Where items were made: the GPS positions the catalog holds, for the map. Read-only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.catalog.models import Case, Item


@dataclass(frozen=True)
class ItemLocation:
    """One item with a position: its id, name and WGS 84 latitude and longitude in degrees."""

    id: str
    original_name: str
    latitude: float
    longitude: float


def list_locations(session: Session, case: str | None = None,
                   kind: str | None = None,
                   since: datetime | None = None) -> list[ItemLocation]:
    """Items with GPS, in intake order; optionally only those of one case or one kind, or
    imported at or after ``since`` (UTC)."""
    query = (select(Item.id, Item.original_name, Item.gps_lat, Item.gps_lon)
             .where(Item.gps_lat.is_not(None), Item.gps_lon.is_not(None))
             .order_by(Item.imported_at, Item.id))
    if case is not None:
        query = query.where(Item.cases.any(Case.name == case))
    if kind is not None:
        query = query.where(Item.kind == kind)
    if since is not None:
        query = query.where(Item.imported_at >= since)
    return [ItemLocation(item_id, name, lat, lon)
            for item_id, name, lat, lon in session.execute(query)
            if lat is not None and lon is not None]  # the query says so; this tells mypy
