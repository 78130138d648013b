"""The encrypted catalog: SQLite under SQLCipher 4, keyed with a raw 32-byte sub-key."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from archive.errors import DiskFull, VaultDamaged
from archive.storage.fsio import PRIVATE_FILE, is_disk_full

if TYPE_CHECKING:
    from alembic.config import Config

CATALOG_NAME = "catalog.db"


def _connector(path: Path, key: bytes):  # type: ignore[no-untyped-def]
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""

    def connect() -> sqlcipher.Connection:
        conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=30)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(pragma_key)
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext spill files
        conn.execute("PRAGMA secure_delete = ON")  # freed pages (old data keys) are zeroed
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")  # the WAL is encrypted page by page too
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    return connect


def open_engine(path: Path, key: bytes) -> Engine:
    if not path.exists():  # create it private; SQLite gives its WAL the same mode
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    # The URL names no file (the creator opens it), so SQLAlchemy would pick its in-memory pool,
    # which shares one connection per thread; a file database wants a real pool.
    engine = create_engine("sqlite://", module=sqlcipher, creator=_connector(path, key),
                           poolclass=QueuePool, pool_size=4, max_overflow=8)

    @event.listens_for(engine, "connect")
    def _disable_pysqlite_tx(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy issue BEGIN itself (the documented recipe for SQLite transactions).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except DatabaseError as exc:
        engine.dispose()
        if is_disk_full(exc, path.parent):  # not a wrong key nor tampering: say what it is
            raise DiskFull() from exc
        raise VaultDamaged(
            "the catalog cannot be decrypted; it is damaged or was replaced") from exc
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # the migration machinery loads at unlock, not at start

    cfg = Config()
    cfg.set_main_option("script_location", "archive.catalog:migrations")
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, object_store: Callable[[Connection], Any] | None = None) -> None:
    """Bring the catalog to the current schema. ``object_store`` makes the vault's object
    store on a migration's connection, for migrations that move data into the packs; when one
    did, the catalog is vacuumed after, so what moved out leaves the file too."""
    from alembic import command

    cfg = alembic_config(engine)
    if object_store is not None:
        cfg.attributes["object_store"] = object_store
    command.upgrade(cfg, "head")
    if cfg.attributes.get("vacuum_after"):
        vacuum(engine)


def vacuum(engine: Engine) -> None:
    """Rewrite the catalog without its free pages and empty the WAL (outside a transaction)."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        raw.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
