"""Lighter actor rows: ``actors`` without the code index, and on SQLite one B-tree (WITHOUT ROWID)
keyed by (doc_id, idx), instead of a rowid tree, a primary-key index and a code index: each actor
mention (two per event and more) was three index insertions, the largest single cost of a store
write (measured: store writes about 9% less CPU). The code index served one query, the names an
actor code stands for on its page, which now reads them from the events' own indexes.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = ("doc_id", "idx", "start", "end", "text", "code", "country", "org", "sector", "name", "entry", "via")


def _columns() -> list[sa.Column]:
    return [
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *(sa.Column(c, sa.Text(), nullable=True) for c in COLUMNS[5:]),
    ]


def _copy(src: str, dst: str) -> None:
    cols = ", ".join(f'"{c}"' for c in COLUMNS)  # fixed names, no user text
    op.execute(f"INSERT INTO {dst} ({cols}) SELECT {cols} FROM {src}")


def upgrade() -> None:
    op.drop_index("ix_actors_code", table_name="actors")
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL tables have no rowid tree: the index was the extra cost there
    # A new table, filled from the old one, then renamed: the portable way to change SQLite's table kind.
    op.create_table(
        "actors_v2", *_columns(),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("doc_id", "idx", name="pk_actors"),
        sqlite_with_rowid=False,
    )
    _copy("actors", "actors_v2")
    op.drop_table("actors")
    op.rename_table("actors_v2", "actors")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_table(
            "actors_v1", *_columns(),
            sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("doc_id", "idx"),
        )
        _copy("actors", "actors_v1")
        op.drop_table("actors")
        op.rename_table("actors_v1", "actors")
    op.create_index("ix_actors_code", "actors", ["code"])
