"""Read paths for large stores: the status filter answered from an index, actor, pair and country filters indexed,
and (SQLite) a trigram full-text index of each report's words for text search.

- ``ix_event_mentions_event`` becomes ``(event_id, status)``: the same writes, and "has a report with
  this status" is read from the index alone;
- ``events.source_country``, ``target_country``, ``source_name`` and ``target_name`` indexed: the
  country, actor and pair filters are ORs over source and target (actor: code prefix or exact
  name), which SQLite answers from indexes only when every term has one;
- ``mention_fts``: an FTS5 table with the trigram tokenizer (substring matching, as the LIKE it
  replaces) over each mention's trigger and its event's actor words and names, keyed by the
  mention's rowid. It is contentless and filled by the reader before a search
  (``grotius.store.search``), so that ingest does not pay for it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_event_mentions_event", table_name="event_mentions")
    op.create_index("ix_event_mentions_event_status", "event_mentions", ["event_id", "status"])
    op.create_index("ix_events_source_country", "events", ["source_country"])
    op.create_index("ix_events_target_country", "events", ["target_country"])
    op.create_index("ix_events_source_name", "events", ["source_name"])
    op.create_index("ix_events_target_name", "events", ["target_name"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE mention_fts USING fts5(words, content='', tokenize='trigram')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE mention_fts")
    op.drop_index("ix_events_target_name", table_name="events")
    op.drop_index("ix_events_source_name", table_name="events")
    op.drop_index("ix_events_target_country", table_name="events")
    op.drop_index("ix_events_source_country", table_name="events")
    op.drop_index("ix_event_mentions_event_status", table_name="event_mentions")
    op.create_index("ix_event_mentions_event", "event_mentions", ["event_id"])
