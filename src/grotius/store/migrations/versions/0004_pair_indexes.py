"""Pair lookups from two-column indexes: the four single-column actor indexes of events become four
two-column ones, chained so that every role (source or target, code or name) leads one index and
every pair of a source role and a target role is the two columns of one index:

    (source_code, target_code), (target_code, source_name), (source_name, target_name),
    (target_name, source_code)

A pair filter is an OR of four such conjunctions per direction (code or name on each side); with
actor codes given as lists (the query expands a code prefix to the stored codes it stands for) each
conjunction is a seek on both columns, instead of a scan of every event of one side. An actor
filter on one role uses the index that role leads. Same number of indexes, so writes pay about the
same. A SQLite store that has planner statistics gets them for the new indexes too (without them
the planner guesses, and guesses wrong on a big store).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SINGLE = ("source_code", "target_code", "source_name", "target_name")
PAIRS = (("source_code", "target_code"), ("target_code", "source_name"), ("source_name", "target_name"),
         ("target_name", "source_code"))


def upgrade() -> None:
    for col in SINGLE:
        op.drop_index(f"ix_events_{col}", table_name="events")
    for cols in PAIRS:
        op.create_index(f"ix_events_{'_'.join(cols)}", "events", list(cols))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None:
        op.execute("ANALYZE events")


def downgrade() -> None:
    for cols in PAIRS:
        op.drop_index(f"ix_events_{'_'.join(cols)}", table_name="events")
    for col in SINGLE:
        op.create_index(f"ix_events_{col}", "events", [col])
