"""The encrypted catalog (SQLCipher): its engine, the ORM models, the queries the services
run, and the Alembic migrations."""

# Every table registers on the one ``Base`` whichever part of the catalog is imported first, so
# migrations and schema checks always see the whole schema.
from archive.catalog import models, models_outside  # noqa: E402, F401
