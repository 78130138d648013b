"""In-memory map of used and free slots, rebuilt from the catalog's extents at unlock."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_FREE = 0
_USED = 1


@dataclass(frozen=True)
class Extent:
    pack: int
    first_slot: int
    slot_count: int


class SlotMap:
    def __init__(self, slots_per_pack: int) -> None:
        self.slots_per_pack = slots_per_pack
        self._used: dict[int, bytearray] = {}
        self._cursor: dict[int, int] = {}
        self._free = 0

    def add_pack(self, number: int) -> None:
        if number not in self._used:
            self._used[number] = bytearray(self.slots_per_pack)
            self._cursor[number] = 0
            self._free += self.slots_per_pack

    @property
    def free_count(self) -> int:
        return self._free

    @property
    def packs(self) -> list[int]:
        return sorted(self._used)

    def mark_used(self, extents: Iterable[Extent]) -> None:
        for ext in extents:
            used = self._used[ext.pack]
            end = ext.first_slot + ext.slot_count
            self._free -= used.count(_FREE, ext.first_slot, end)
            used[ext.first_slot : end] = b"\x01" * ext.slot_count

    def release(self, extents: Iterable[Extent]) -> None:
        for ext in extents:
            used = self._used.get(ext.pack)
            if used is None:
                continue
            end = ext.first_slot + ext.slot_count
            self._free += used.count(_USED, ext.first_slot, end)
            used[ext.first_slot : end] = bytes(ext.slot_count)
            self._cursor[ext.pack] = min(self._cursor[ext.pack], ext.first_slot)

    def is_full(self, number: int) -> bool:
        used = self._used.get(number)
        return used is not None and used.find(_FREE) < 0

    def used_count(self) -> int:
        return sum(used.count(_USED) for used in self._used.values())

    def take(self, wanted: int) -> list[Extent]:
        """Mark up to ``wanted`` free slots used, lowest first, as runs; may return fewer."""
        taken: list[Extent] = []
        for number in sorted(self._used):
            used = self._used[number]
            pos = self._cursor[number]
            while wanted > 0:
                start = used.find(_FREE, pos)
                if start < 0:
                    break
                end = used.find(_USED, start)
                if end < 0:
                    end = len(used)
                count = min(end - start, wanted)
                used[start : start + count] = b"\x01" * count
                self._free -= count
                taken.append(Extent(number, start, count))
                wanted -= count
                pos = start + count
            self._cursor[number] = pos if used.find(_FREE, pos) >= 0 else len(used)
            if wanted == 0:
                break
        return taken


def merge(extents: Iterable[Extent]) -> list[Extent]:
    """Join runs that continue each other in the same pack."""
    merged: list[Extent] = []
    for ext in extents:
        if merged:
            last = merged[-1]
            if last.pack == ext.pack and last.first_slot + last.slot_count == ext.first_slot:
                merged[-1] = Extent(last.pack, last.first_slot, last.slot_count + ext.slot_count)
                continue
        merged.append(ext)
    return merged
