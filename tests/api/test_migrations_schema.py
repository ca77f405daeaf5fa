from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from api.tables import Base


def test_migrations_schema_matches_the_models(engine: Engine) -> None:
    """The migrated database (SQLite and PostgreSQL) has exactly the tables and columns of ``api.tables``."""
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        tables = set(inspect(connection).get_table_names())
    assert differences == []
    assert {"articles", "records", "record_fields", "corrections", "users", "alembic_version"} <= tables
