"""Database connection: URL normalisation, SQLite tuning, automatic migrations."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from grotius.errors import GrotiusError

DEFAULT_URL = "sqlite:///grotius.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
READ_ONLY = "grotius_read_only"  # execution option of read connections (no write lock on SQLite)
WAL_CHECKPOINT_PAGES = 10_000
MMAP_BYTES = 1 << 30  # memory-mapped reads of up to 1 GiB of the database file
BUSY_TIMEOUT_MS = 60_000  # a concurrent ingest holds the write lock for one batch at most


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy would otherwise pick psycopg2)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        raise GrotiusError(f"not a database URL: {url!r} (try sqlite:///grotius.db or postgresql://...)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine)
    elif backend == "postgresql":
        engine = create_engine(parsed, pool_pre_ping=True)
    else:
        raise GrotiusError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")
    return engine


def tune_sqlite_reads(dbapi_conn: Any) -> None:
    """Page cache and memory-mapped reads for one SQLite connection, for any engine that opens a
    store (the store's own; a separate read engine should call it on connect too). With the default
    2 MiB cache every page of a big store is a read() call; a larger cache and mmap let row lookups
    read the OS page cache directly (measured on 1M events, 40 filtered event lists in process,
    runs alternated: 1.5x faster). Both are limits, not allocations."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB (default 2 MiB); index pages stay across batches
    cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" below decide when transactions start (pysqlite's own
        # implicit BEGIN is deferred, which can fail with SQLITE_BUSY on a read-then-write).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer, crash-safe
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; safe with WAL
        # Checkpoint (copy the WAL into the database, with an fsync) every ~40 MiB instead of 4 MiB:
        # an ingest batch no longer triggers one at nearly every commit, and pages changed by several
        # batches are copied once (measured: store writes 16% faster, closing included). A commit is
        # as durable as before: it is in the WAL.
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()
        tune_sqlite_reads(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front, so two ingests queue on busy_timeout
        # instead of one failing with "database is locked". Readers (``Store.read()``) begin a
        # plain deferred transaction: a WAL snapshot, no lock, never queued behind an ingest.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(engine)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, attempts: int = 5) -> None:
    """Bring the schema to the newest migration. Cheap when already there. Two processes
    migrating a fresh database at once: the loser's DDL fails, it retries and finds head."""
    from alembic import command

    head = head_revision(engine)
    for attempt in range(attempts):
        try:
            if current_revision(engine) == head:
                return
            cfg = _alembic_config(engine)
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
