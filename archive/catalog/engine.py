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


def _connector(path: Path, key: bytes, read_only: bool = False):  # type: ignore[no-untyped-def]
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""

    def connect() -> sqlcipher.Connection:
        if read_only:
            return _connect_read_only(path, pragma_key)
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


def wal_left(path: Path) -> bool:
    """Whether the catalog's write-ahead log is there (a writer did not close: it may hold
    committed transactions, which only a writing open folds back in)."""
    return Path(f"{path}-wal").exists()


def _connect_read_only(path: Path, pragma_key: str) -> sqlcipher.Connection:
    """A connection that writes nothing, and creates no file, beside the catalog. Without a
    write-ahead log left over, SQLite is told the file cannot change (``immutable``: no -wal
    or -shm file, no lock); the vault lock keeps every writer out meanwhile. With one (only
    on read-only media: a writable vault is opened for writing then), it is read as it is."""
    mode = "mode=ro" if wal_left(path) else "immutable=1"
    conn = sqlcipher.connect(f"{path.absolute().as_uri()}?{mode}", uri=True,
                             check_same_thread=False, timeout=30)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(pragma_key)
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext spill files
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def open_engine(path: Path, key: bytes, read_only: bool = False) -> Engine:
    """The catalog's engine; ``read_only``: one that writes nothing in the vault folder."""
    if not path.exists() and not read_only:  # private; SQLite gives its WAL the same mode
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    # The URL names no file (the creator opens it), so SQLAlchemy would pick its in-memory pool,
    # which shares one connection per thread; a file database wants a real pool.
    engine = create_engine("sqlite://", module=sqlcipher,
                           creator=_connector(path, key, read_only),
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


def at_head(engine: Engine) -> bool:
    """Whether the catalog is at the current schema (nothing for :func:`upgrade` to do)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads()) == heads


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
