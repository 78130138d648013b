"""Reading an item's derived data: its extracted text and cues (``text_of``) and its full tag
dump (``metadata_of``). A derived object that fails its check is rebuilt from the original on
the way (``heal``); if that cannot be done the caller gets nothing, never an error.

A vault open read-only cannot store what it rebuilds: there the readers make it again in memory,
once, and the result is kept for as long as the vault stays open (``VaultCore.healed_in_memory``),
so later reads neither fail again nor run the readers again."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from archive.catalog.models import Item, ItemText
from archive.derived import DerivedDamaged, ItemTextContent, read_dump, read_text_row
from archive.derived_rebuild import read_again_in_memory, rebuild_derived
from archive.extract import Extracted, metadata_dump_bytes, read_metadata_dump

if TYPE_CHECKING:
    from archive.core import VaultCore

log = logging.getLogger(__name__)
_IN_MEMORY = threading.Lock()


def _text_in(session: Session, item_id: str) -> ItemText | None:
    return session.get(ItemText, item_id)


def text_of(core: VaultCore, item_id: str, heal: bool = True) -> ItemTextContent | None:
    """The item's extracted text and cues, or ``None`` if it has none. A damaged text object
    is rebuilt from the original (``heal``); if that fails too, ``None`` (and a warning)."""
    with core.sessions() as session:
        row = _text_in(session, item_id)
    if row is None:
        return None
    if item_id in core.healed_in_memory:
        return _text_from(core.healed_in_memory[item_id], row.encoding)
    try:
        return read_text_row(core.objects, row)
    except DerivedDamaged as damage:
        if core.read_only:
            return _text_from(_healed_in_memory(core, damage, heal), row.encoding)
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
    if item_id in core.healed_in_memory:
        return _tags_from(core.healed_in_memory[item_id])
    try:
        return read_dump(core.objects, item_id, dump_id)
    except DerivedDamaged as damage:
        if core.read_only:
            return _tags_from(_healed_in_memory(core, damage, heal))
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


def _healed_in_memory(core: VaultCore, damage: DerivedDamaged, heal: bool) -> Extracted | None:
    """A read-only vault: the item's derived data made again in memory, once per opening (a
    failure too is kept, so it is not tried again at every read)."""
    if not heal:
        return None
    with _IN_MEMORY:  # one reading of an original at a time, and never twice
        cache = core.healed_in_memory
        if damage.item_id not in cache:
            log.warning("derived data of item %s failed its check (%s); made again in memory "
                        "(the vault is open read-only)", damage.item_id, damage.what)
            try:
                cache[damage.item_id] = read_again_in_memory(core, damage.item_id)
            except Exception as exc:  # noqa: BLE001 - reading must go on without derived data
                log.warning("could not make the derived data of item %s again: %s",
                            damage.item_id, type(exc).__name__)
                cache[damage.item_id] = None
        return cache[damage.item_id]


def _text_from(found: Extracted | None, encoding: str | None) -> ItemTextContent | None:
    if found is None or found.text is None:
        return None
    return ItemTextContent(found.text, found.cues, encoding)


def _tags_from(found: Extracted | None) -> dict[str, dict[str, str]]:
    if found is None or not found.tags:
        return {}
    return read_metadata_dump(metadata_dump_bytes(found))  # as it would have been stored
