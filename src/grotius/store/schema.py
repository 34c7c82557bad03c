"""The store's tables (SQLAlchemy Core). One schema for SQLite and PostgreSQL.

Events are keyed by what makes them the same real-world event (date, actors, CAMEO code), so that
several articles reporting it add *mentions* to one event instead of new events (GDELT's
NumMentions/NumSources idea). Every mention is the provenance link from an event to the document,
sentence and character offsets it was coded from. Migrations in ``migrations/versions`` must keep
this file and the database in step (a test compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Tables of small rows with no index but their primary key are WITHOUT ROWID in SQLite: one
# B-tree instead of a rowid tree plus a primary-key index. Tables with secondary indexes stay rowid
# tables: their index entries would otherwise carry the whole primary key (measured: 2x slower).

# Actor columns repeated for every role (source, target, speaker, ...): flat columns keep the
# event table directly filterable and exportable without joins.
ACTOR_FIELDS = ("text", "code", "country", "org", "sector", "name")


def _actor_columns(role: str) -> list[Column]:
    return [Column(f"{role}_{f}", Text) for f in ACTOR_FIELDS]


documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),  # content hash of text + date
    Column("record_id", Text),  # the id the input record gave, if any
    Column("source", Text),  # file path or URL it was read from
    Column("outlet", Text),  # publisher: record 'source', else URL host, else the file
    Column("url", Text),
    Column("title", Text),
    Column("lang", String(16), nullable=False),
    Column("published", String(10)),  # YYYY, YYYY-MM or YYYY-MM-DD: precision is data
    Column("date_precision", String(8)),
    Column("date_first", Date),
    Column("date_last", Date),
    Column("text", Text, nullable=False),
    Column("n_chars", Integer, nullable=False),
    Column("coded", Boolean, nullable=False),  # False when stored with --no-code
    Column("cluster_id", String(40), nullable=False),  # near-duplicate cluster (canonical doc id)
    Column("near_duplicate_of", String(40)),
    Column("similarity", Float),  # estimated Jaccard similarity to near_duplicate_of
    Column("minhash", LargeBinary),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_documents_cluster", documents.c.cluster_id)
Index("ix_documents_published", documents.c.date_first)

# LSH bands of each document's MinHash: documents sharing a band key are near-duplicate candidates.
# Kept in SQL (not an in-memory index) so detection survives restarts and works across processes.
# The lightest table the lookups allow (revision 0002): one B-tree (WITHOUT ROWID) keyed by band
# key, no doc_id index and no foreign key: 18 rows per document made it the most written table, and
# the writer removes a document's bands by their keys itself.
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("doc_id", String(40), primary_key=True),
    sqlite_with_rowid=False,
)

sentences = Table(
    "sentences",
    metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    sqlite_with_rowid=False,
)

actors = Table(
    "actors",
    metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("code", Text),
    Column("country", Text),
    Column("org", Text),
    Column("sector", Text),
    Column("name", Text),
    Column("entry", Text),
    Column("via", Text),
    sqlite_with_rowid=False,  # revision 0005: one B-tree, no code index (the largest write cost)
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),  # hash of date, actors and CAMEO code
    Column("date", Text, nullable=False),  # TIMEX3 value (any precision) of the first mention
    Column("date_first", Date),
    Column("date_last", Date),
    Column("cameo", String(8), nullable=False),
    Column("cameo_root", String(4), nullable=False),
    Column("plover", Text),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    *_actor_columns("source"),
    *_actor_columns("target"),
    Column("first_doc_id", String(40), ForeignKey("documents.id"), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)
Index("ix_events_date", events.c.date_first)
Index("ix_events_cameo", events.c.cameo)
Index("ix_events_source_country", events.c.source_country)  # revision 0003: country filters and pairs
Index("ix_events_target_country", events.c.target_country)
# Revision 0004: actor = code prefix or exact name, as source or target; each role leads one index and
# each (source role, target role) pair is one index's two columns, so pair filters are seeks.
Index("ix_events_source_code_target_code", events.c.source_code, events.c.target_code)
Index("ix_events_target_code_source_name", events.c.target_code, events.c.source_name)
Index("ix_events_source_name_target_name", events.c.source_name, events.c.target_name)
Index("ix_events_target_name_source_code", events.c.target_name, events.c.source_code)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),  # position in the article's event list
    Column("event_id", String(40), ForeignKey("events.id"), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("date_basis", String(16), nullable=False),
    Column("rule", Text, nullable=False),
    Column("source_start", Integer),  # the actors' words in this report
    Column("source_end", Integer),
    Column("target_start", Integer),
    Column("target_end", Integer),
    Column("reported_by_code", Text),
    Column("reported_by_name", Text),
    Column("detail", JSON),  # the event's provenance detail, as the coder gave it
)
# (event_id, status), revision 0003: lookups by event, and "a report with this status" from the index alone.
Index("ix_event_mentions_event_status", event_mentions.c.event_id, event_mentions.c.status)

# SQLite only (revision 0003): ``mention_fts``, an FTS5 trigram index of each mention's words (not a
# SQLAlchemy table: a virtual table, filled by grotius.store.search before a text search).
FTS_TABLES = ("mention_fts",)

quotes = Table(
    "quotes",
    metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    *_actor_columns("speaker"),
    Column("reported_by_code", Text),
    Column("rule", Text),
    sqlite_with_rowid=False,
)

timexes = Table(
    "timexes",
    metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("rule", Text),
    sqlite_with_rowid=False,
)

# Child tables of a document, in insert order (after ``documents``).
CHILD_TABLES = (doc_bands, sentences, actors, event_mentions, quotes, timexes)
