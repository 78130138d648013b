"""Alembic's ``upgrade head`` gives exactly the models' schema."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from archive.catalog import engine as catalog
from archive.catalog.models import Base


def test_upgrade_head_equals_models(tmp_path: Path) -> None:
    engine = catalog.open_engine(tmp_path / "c.db", os.urandom(32))
    catalog.upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], diff
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        assert tables == set(Base.metadata.tables)
        assert conn.execute(text("PRAGMA temp_store")).scalar_one() == 2  # MEMORY
        assert conn.execute(text("PRAGMA secure_delete")).scalar_one() == 1
    engine.dispose()


def test_upgrade_keeps_custody_events_and_accepts_the_new_actions(tmp_path: Path) -> None:
    engine = catalog.open_engine(tmp_path / "c.db", os.urandom(32))
    command.upgrade(catalog.alembic_config(engine), "0003")
    row = {"seq": 0, "at": "2026-01-01 00:00:00.000000", "entry": b'{"v":1}'}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO custody_events (seq, occurred_at, action, item_id, entry) "
                          "VALUES (:seq, :at, 'verify', NULL, :entry)"), row)
        conn.execute(text("INSERT INTO vault (id, vault_id, created_at, format_version) "
                          "VALUES (1, 'ab', :at, 1)"), row)
    catalog.upgrade(engine)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT seq, action, entry FROM custody_events")).all() == [
            (0, "verify", b'{"v":1}')]
        assert conn.execute(text("SELECT examiner FROM vault")).scalar_one() == ""
        conn.execute(text("INSERT INTO custody_events (seq, occurred_at, action, item_id, entry) "
                          "VALUES (1, :at, 'case-create', NULL, :entry)"), row)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("INSERT INTO custody_events (seq, occurred_at, action, item_id, entry) "
                          "VALUES (2, :at, 'made-up', NULL, :entry)"), row)
    engine.dispose()
