"""The encrypted catalog (SQLCipher): its engine, the ORM models, the queries the services
run, and the Alembic migrations."""
