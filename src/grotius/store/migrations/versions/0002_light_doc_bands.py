"""Lighter LSH band rows: doc_bands as one B-tree (WITHOUT ROWID on SQLite), without the doc_id index
and the foreign key, which made each band row three index insertions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A new table, filled from the old one, then renamed: the portable way to change SQLite's table kind.
    op.create_table(
        "doc_bands_v2",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("key", "doc_id", name="pk_doc_bands"),
        sqlite_with_rowid=False,
    )
    op.execute('INSERT INTO doc_bands_v2 ("key", doc_id) SELECT "key", doc_id FROM doc_bands')
    op.drop_index("ix_doc_bands_doc", table_name="doc_bands")
    op.drop_table("doc_bands")
    op.rename_table("doc_bands_v2", "doc_bands")


def downgrade() -> None:
    op.create_table(
        "doc_bands_v1",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("doc_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "doc_id"),
    )
    op.execute('INSERT INTO doc_bands_v1 ("key", doc_id) SELECT "key", doc_id FROM doc_bands')
    op.drop_table("doc_bands")
    op.rename_table("doc_bands_v1", "doc_bands")
    op.create_index("ix_doc_bands_doc", "doc_bands", ["doc_id"])
