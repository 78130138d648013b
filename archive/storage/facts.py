"""What a disk reader learns from a vault folder without any key: the format, the key
derivation's cost, and sizes. ``strongroom info`` prints exactly this."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from archive.catalog.engine import CATALOG_NAME
from archive.storage.header import VaultHeader
from archive.storage.packs import PackFiles


@dataclass(frozen=True)
class PublicFacts:
    """Everything a disk reader can learn without a key; ``strongroom info`` prints it."""

    format_version: int
    kdf_opslimit: int
    kdf_memlimit: int
    pack_count: int
    pack_bytes: int
    catalog_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.pack_count * self.pack_bytes + self.catalog_bytes


def public_facts(path: Path, header: VaultHeader) -> PublicFacts:
    packs = PackFiles(path, header.slots_per_pack).existing()
    db = path / CATALOG_NAME
    catalog_bytes = sum(
        p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists()
    )
    return PublicFacts(
        format_version=header.version,
        kdf_opslimit=header.kdf.opslimit,
        kdf_memlimit=header.kdf.memlimit,
        pack_count=len(packs),
        pack_bytes=header.pack_bytes,
        catalog_bytes=catalog_bytes,
    )
