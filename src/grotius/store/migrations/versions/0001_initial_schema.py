"""Initial schema: documents, LSH bands, sentences, actors, events, event mentions, quotes, timexes.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 23:59:09.149444
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('documents',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('lang', sa.String(length=16), nullable=False),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('date_first', sa.Date(), nullable=True),
    sa.Column('date_last', sa.Date(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('n_chars', sa.Integer(), nullable=False),
    sa.Column('coded', sa.Boolean(), nullable=False),
    sa.Column('cluster_id', sa.String(length=40), nullable=False),
    sa.Column('near_duplicate_of', sa.String(length=40), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_cluster', ['cluster_id'], unique=False)
        batch_op.create_index('ix_documents_published', ['date_first'], unique=False)

    op.create_table('actors',
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('code', sa.Text(), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('org', sa.Text(), nullable=True),
    sa.Column('sector', sa.Text(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('entry', sa.Text(), nullable=True),
    sa.Column('via', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index('ix_actors_code', ['code'], unique=False)

    op.create_table('doc_bands',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'doc_id')
    )
    with op.batch_alter_table('doc_bands', schema=None) as batch_op:
        batch_op.create_index('ix_doc_bands_doc', ['doc_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('date', sa.Text(), nullable=False),
    sa.Column('date_first', sa.Date(), nullable=True),
    sa.Column('date_last', sa.Date(), nullable=True),
    sa.Column('cameo', sa.String(length=8), nullable=False),
    sa.Column('cameo_root', sa.String(length=4), nullable=False),
    sa.Column('plover', sa.Text(), nullable=True),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('goldstein', sa.Float(), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('source_code', sa.Text(), nullable=True),
    sa.Column('source_country', sa.Text(), nullable=True),
    sa.Column('source_org', sa.Text(), nullable=True),
    sa.Column('source_sector', sa.Text(), nullable=True),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('target_text', sa.Text(), nullable=True),
    sa.Column('target_code', sa.Text(), nullable=True),
    sa.Column('target_country', sa.Text(), nullable=True),
    sa.Column('target_org', sa.Text(), nullable=True),
    sa.Column('target_sector', sa.Text(), nullable=True),
    sa.Column('target_name', sa.Text(), nullable=True),
    sa.Column('first_doc_id', sa.String(length=40), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['first_doc_id'], ['documents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_cameo', ['cameo'], unique=False)
        batch_op.create_index('ix_events_date', ['date_first'], unique=False)
        batch_op.create_index('ix_events_source_code', ['source_code'], unique=False)
        batch_op.create_index('ix_events_target_code', ['target_code'], unique=False)

    op.create_table('quotes',
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('speaker_text', sa.Text(), nullable=True),
    sa.Column('speaker_code', sa.Text(), nullable=True),
    sa.Column('speaker_country', sa.Text(), nullable=True),
    sa.Column('speaker_org', sa.Text(), nullable=True),
    sa.Column('speaker_sector', sa.Text(), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=True),
    sa.Column('reported_by_code', sa.Text(), nullable=True),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx'),
    sqlite_with_rowid=False
    )
    op.create_table('sentences',
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx'),
    sqlite_with_rowid=False
    )
    op.create_table('timexes',
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx'),
    sqlite_with_rowid=False
    )
    op.create_table('event_mentions',
    sa.Column('doc_id', sa.String(length=40), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=40), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('trigger', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date_basis', sa.String(length=16), nullable=False),
    sa.Column('rule', sa.Text(), nullable=False),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.Column('target_start', sa.Integer(), nullable=True),
    sa.Column('target_end', sa.Integer(), nullable=True),
    sa.Column('reported_by_code', sa.Text(), nullable=True),
    sa.Column('reported_by_name', sa.Text(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('doc_id', 'idx')
    )
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.create_index('ix_event_mentions_event', ['event_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_event_mentions_event')

    op.drop_table('event_mentions')
    op.drop_table('timexes')
    op.drop_table('sentences')
    op.drop_table('quotes')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_target_code')
        batch_op.drop_index('ix_events_source_code')
        batch_op.drop_index('ix_events_date')
        batch_op.drop_index('ix_events_cameo')

    op.drop_table('events')
    with op.batch_alter_table('doc_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_doc_bands_doc')

    op.drop_table('doc_bands')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index('ix_actors_code')

    op.drop_table('actors')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_published')
        batch_op.drop_index('ix_documents_cluster')

    op.drop_table('documents')

