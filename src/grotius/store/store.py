"""``Store(url)``: the durable event store behind ``grotius ingest``, ``stats`` and ``export``."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from grotius.datamodel import CodedArticle
from grotius.store import query
from grotius.store.engine import DEFAULT_URL, READ_ONLY, make_engine, upgrade
from grotius.store.schema import documents
from grotius.store.writer import CHUNK, BatchResult, Prepared, paused_gc, prepare_many, write_batch

RETRIES = 5


class Store:
    """SQLite (default ``sqlite:///grotius.db``) or PostgreSQL (``postgresql://...``). The schema
    is migrated to the newest version on opening. Writes are idempotent: a document already
    stored (same content hash) is skipped."""

    def __init__(self, url: str = DEFAULT_URL, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade(self.engine)

    # -- writing ---------------------------------------------------------------------------
    def add(self, coded: CodedArticle, is_coded: bool = True) -> BatchResult:
        return self.add_many([coded], is_coded)

    def add_many(self, articles: Iterable[CodedArticle], is_coded: bool = True) -> BatchResult:
        """Store a batch in one transaction: all of it or (after a crash) none of it."""
        with paused_gc():
            batch = prepare_many(list(articles), is_coded)  # outside the lock: CPU work
            return self.write_prepared(batch)

    def write_prepared(self, batch: Sequence[Prepared]) -> BatchResult:
        for attempt in range(RETRIES):
            try:
                with paused_gc(), self.engine.begin() as conn:
                    return write_batch(conn, batch)
            except (IntegrityError, DBAPIError) as exc:
                # A concurrent writer got there first (or a deadlock/busy timeout): redo the batch,
                # which now sees the other's rows as duplicates.
                if attempt == RETRIES - 1 or (isinstance(exc, DBAPIError) and not _transient(exc)):
                    raise
                time.sleep(0.1 * (attempt + 1))
        raise AssertionError("unreachable")

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> Connection:
        """A connection for reading: on SQLite its transactions take no write lock."""
        return self.engine.connect().execution_options(**{READ_ONLY: True})

    def has_document(self, doc_id: str, coded: bool | None = None) -> bool:
        return doc_id in self.stored(([doc_id]), coded)

    def stored(self, doc_ids: Sequence[str], coded: bool | None = None) -> set[str]:
        """Which of ``doc_ids`` are stored (and coded, when ``coded`` is True)."""
        found: set[str] = set()
        with self.read() as conn:
            for i in range(0, len(doc_ids), CHUNK):
                q = select(documents.c.id).where(documents.c.id.in_(doc_ids[i:i + CHUNK]))
                if coded is not None:
                    q = q.where(documents.c.coded.is_(coded))
                found.update(conn.execute(q).scalars())
        return found

    def events(self, **filters: Any) -> pd.DataFrame:
        """Events with NumMentions/NumArticles/NumSources and their first report.
        Filters: ``actor``, ``dyad=(source, target)``, ``since``, ``until``, ``cameo`` (prefix),
        ``quad_class``, ``plover``, ``doc_id``, ``event_id``, ``limit``, ``offset``."""
        with self.read() as conn:
            return query.frame(conn, query.events_select(**filters))

    def mentions(self, event_id: str | None = None, doc_id: str | None = None) -> pd.DataFrame:
        with self.read() as conn:
            return query.frame(conn, query.mentions_select(event_id, doc_id))

    def documents(self, with_text: bool = False) -> pd.DataFrame:
        cols = [c for c in documents.c if with_text or c.name not in ("text", "minhash")]
        with self.read() as conn:
            return query.frame(conn, select(*cols).order_by(documents.c.id))

    def stats(self) -> dict[str, Any]:
        with self.read() as conn:
            return query.stats(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _transient(exc: DBAPIError) -> bool:
    text = str(exc.orig).lower()
    return any(w in text for w in ("deadlock", "locked", "busy", "serializ", "could not obtain lock"))
