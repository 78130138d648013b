"""Reading a vault's catalog and search index as they are on the disk, to check what a
deleted item left behind (by the archive's tests and by the app's)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select

from archive import Vault
from archive.catalog.models import IndexFile

ITEM_TABLES = {"items": "id", "item_texts": "item_id", "item_tags": "item_id",
               "notes": "item_id", "item_cases": "item_id", "intakes": "item_id",
               "item_links": "transcript_id"}


def catalog(vault_path: Path, key: bytes) -> sqlite3.Connection:
    conn = sqlcipher.connect(str(vault_path / "catalog.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def dump(conn: sqlite3.Connection) -> str:
    """Every row of every table but the custody log's (which keeps the history by design)."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if r[0] not in ("custody_events", "checkpoints")]
    return "\n".join(repr(row) for t in tables
                     for row in conn.execute(f"SELECT * FROM {t}"))  # noqa: S608


def index_bytes(vault: Vault) -> bytes:
    """The search index's files, decrypted (in memory)."""
    with vault.core.sessions() as session:
        files = session.scalars(select(IndexFile.object_id)).all()
    return b"".join(b"".join(vault.core.objects.iter_plaintext(f)) for f in files)


def rows_naming(conn: sqlite3.Connection, item_ids: tuple[str, ...]) -> dict[str, int]:
    """How many rows of each item table still name one of ``item_ids``."""
    marks = ", ".join("?" * len(item_ids))
    return {table: conn.execute(f"SELECT count(*) FROM {table} WHERE {column} "  # noqa: S608
                                f"IN ({marks})", item_ids).fetchone()[0]
            for table, column in ITEM_TABLES.items()}
