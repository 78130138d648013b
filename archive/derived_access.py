"""Reading an item's derived data: its extracted text and cues (``text_of``) and its full tag
dump (``metadata_of``). A derived object that fails its check is rebuilt from the original on
the way (``heal``); if that cannot be done the caller gets nothing, never an error."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from archive.catalog.models import Item, ItemText
from archive.derived import DerivedDamaged, ItemTextContent, read_dump, read_text_row
from archive.derived_rebuild import rebuild_derived

if TYPE_CHECKING:
    from archive.core import VaultCore

log = logging.getLogger(__name__)


def _text_in(session: Session, item_id: str) -> ItemText | None:
    return session.get(ItemText, item_id)


def text_of(core: VaultCore, item_id: str, heal: bool = True) -> ItemTextContent | None:
    """The item's extracted text and cues, or ``None`` if it has none. A damaged text object
    is rebuilt from the original (``heal``); if that fails too, ``None`` (and a warning)."""
    with core.sessions() as session:
        row = _text_in(session, item_id)
    if row is None:
        return None
    try:
        return read_text_row(core.objects, row)
    except DerivedDamaged as damage:
        return _after_damage(core, damage, heal, lambda: text_of(core, item_id, heal=False))


def metadata_of(core: VaultCore, item: Item | str,
                heal: bool = True) -> dict[str, dict[str, str]]:
    """Every tag the readers saw in the original, by group (``{"IFD0": {"Make": ..}}``);
    empty if none. A damaged dump is rebuilt like a damaged text."""
    if isinstance(item, str):
        with core.sessions() as session:
            found = session.get(Item, item)
            if found is None:
                return {}
            item = found
    item_id, dump_id = item.id, item.metadata_dump_id
    if dump_id is None:
        return {}
    try:
        return read_dump(core.objects, item_id, dump_id)
    except DerivedDamaged as damage:
        return _after_damage(core, damage, heal, lambda: metadata_of(core, item_id, heal=False),
                             ) or {}


def _after_damage(core: VaultCore, damage: DerivedDamaged, heal: bool, again: Any) -> Any:
    log.warning("derived data of item %s failed its check (%s)", damage.item_id, damage.what)
    if heal:
        try:
            rebuild_derived(core, damage.item_id)
        except Exception as exc:  # noqa: BLE001 - reading must go on without derived data
            log.warning("could not rebuild derived data of item %s: %s", damage.item_id,
                        type(exc).__name__)
            return None
        return again()
    return None
