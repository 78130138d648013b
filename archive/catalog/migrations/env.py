"""Alembic environment: runs on the engine the vault hands over (never from a URL, never keys
on the command line)."""

from alembic import context

from archive.catalog.models import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
