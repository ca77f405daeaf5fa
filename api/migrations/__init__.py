"""Alembic migrations of the studysift database (run programmatically by ``api.db.migrate``)."""
