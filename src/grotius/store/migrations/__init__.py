"""Alembic migrations of the store schema, applied automatically by ``Store``."""
