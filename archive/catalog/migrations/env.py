"""Alembic environment: runs on the engine the vault hands over (never from a URL, never keys
on the command line).

Foreign keys are off while migrations run: SQLite alters a table by copying it and dropping the
old one, and with foreign keys on, dropping ``items`` would cascade and delete every note, tag,
intake and text of the vault. They are checked as a whole before the migration commits."""

from alembic import context

from archive.catalog.models import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    driver = connection.connection.driver_connection  # no transaction is open yet
    driver.execute("PRAGMA foreign_keys = OFF")  # takes effect only outside a transaction
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
                compare_type=True,
            )
            before = context.get_context().get_current_revision()
            context.run_migrations()
            moved = context.get_context().get_current_revision() != before
            # Checked only after a change: a vault already current is not read through here.
            broken = moved and connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the catalog upgrade would break {len(broken)} reference(s)")
    finally:
        driver.execute("PRAGMA foreign_keys = ON")
