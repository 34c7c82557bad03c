"""The event store: SQLAlchemy schema with Alembic migrations, idempotent batch writes,
near-duplicate linking, event merging across articles, queries as pandas DataFrames."""

from __future__ import annotations

from grotius.store.engine import DEFAULT_URL
from grotius.store.store import Store
from grotius.store.writer import BatchResult

__all__ = ["DEFAULT_URL", "BatchResult", "Store"]
