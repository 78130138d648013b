"""Alembic's ``upgrade head`` gives exactly the models' schema."""

from __future__ import annotations

import os
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

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
