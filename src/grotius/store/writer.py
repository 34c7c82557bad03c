"""Writing a batch of coded articles in one transaction: exact and near-duplicate checks,
documents and their rows, events merged by key with one mention per report."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, any_, delete, select
from sqlalchemy.dialects.postgresql import array

from grotius.datamodel import CodedArticle
from grotius.store import dedup, rows
from grotius.store.schema import actors, doc_bands, documents, event_mentions, events, quotes, sentences, timexes

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
PG_WRITE_LOCK = 7_007_001  # advisory lock id: one writer at a time, as SQLite's write lock does


@dataclass
class BatchResult:
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    mentions: int = 0
    new_events: int = 0
    stored_ids: list[str] = field(default_factory=list)

    def __iadd__(self, other: BatchResult) -> BatchResult:
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.near_duplicates += other.near_duplicates
        self.mentions += other.mentions
        self.new_events += other.new_events
        self.stored_ids += other.stored_ids
        return self


@dataclass
class Prepared:
    """An article with everything computed that needs no database (done before taking the lock)."""

    coded: CodedArticle
    is_coded: bool
    signature: dedup.Signature
    band_keys: list[int]


def prepare(coded: CodedArticle, is_coded: bool) -> Prepared:
    return prepare_many([coded], is_coded)[0]


def prepare_many(articles: Sequence[CodedArticle], is_coded: bool) -> list[Prepared]:
    """Signatures of a whole batch at once (``dedup.signatures``: far fewer array operations)."""
    sigs = dedup.signatures([a.document.text for a in articles])
    return [Prepared(a, is_coded, sig, sig.band_keys()) for a, sig in zip(articles, sigs, strict=True)]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic garbage collection paused while a batch is prepared and written. A batch allocates
    hundreds of thousands of row lists, none of them in a cycle (nothing for the collector to free),
    and each 700 allocations start a collection that, every so often, walks every object the process
    holds (a loaded pipeline, the batch itself): measured ~20% of a batch. Reference counting still
    frees everything; collection resumes (if it was on) when the batch is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _bulk_insert(conn: Connection, table: Table, cols: Sequence[str], data: list[list[Any]],
                 ignore_conflicts_on: str = "") -> int:
    """A parameterised ``executemany`` straight to the driver, rows as lists in ``cols`` order.
    SQLAlchemy's per-row parameter handling for Core inserts costs more than SQLite's own work; only
    the columns whose type needs conversion (dates, booleans, JSON) go through the dialect's bind
    processors, in place."""
    if not data:
        return 0
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
           f"VALUES ({', '.join([mark] * len(cols))})")
    if ignore_conflicts_on:
        sql += f" ON CONFLICT ({quote(ignore_conflicts_on)}) DO NOTHING"
    for i, c in enumerate(cols):
        proc = table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
        if proc is None:
            continue
        memo: dict[Any, Any] = {}  # dates and timestamps repeat: convert each value once
        for r in data:
            v = r[i]
            try:
                r[i] = memo[v]
            except KeyError:
                r[i] = memo[v] = proc(v)
            except TypeError:  # unhashable (JSON detail)
                r[i] = proc(v)
    return conn.exec_driver_sql(sql, list(map(tuple, data))).rowcount  # SQLAlchemy wants tuples


def _lookup(conn: Connection, table: Table, key_col: str, keys: Sequence[Any], *cols: str) -> list[Any]:
    """Rows whose ``key_col`` is in ``keys``: one statement with one parameter (a JSON array on
    SQLite, an array on PostgreSQL) instead of compiling an IN list of hundreds of binds per chunk."""
    if not keys:
        return []
    quote = conn.dialect.identifier_preparer.quote
    what = ", ".join(quote(c) for c in (key_col, *cols))
    if conn.dialect.name == "sqlite":
        sql = (f"SELECT {what} FROM {quote(table.name)} "
               f"WHERE {quote(key_col)} IN (SELECT value FROM json_each(?))")
        return list(conn.exec_driver_sql(sql, (json.dumps(sorted(set(keys))),)).all())
    out: list[Any] = []
    for chunk in _chunks(sorted(set(keys)), 10_000):
        col = table.c[key_col]
        out += conn.execute(select(col, *(table.c[c] for c in cols)).where(col == any_(array(list(chunk))))).all()
    return out


def write_batch(conn: Connection, batch: Sequence[Prepared]) -> BatchResult:
    """Store what is new in ``batch``. Runs inside the caller's transaction."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
    result = BatchResult()
    existing = {r[0]: bool(r[1]) for r in _lookup(conn, documents, "id", [p.coded.document.id for p in batch], "coded")}
    fresh: list[Prepared] = []
    seen: set[str] = set()
    for p in batch:
        doc_id = p.coded.document.id
        if doc_id in seen or (doc_id in existing and (existing[doc_id] or not p.is_coded)):
            result.duplicates += 1
            continue
        seen.add(doc_id)
        fresh.append(p)
    # Stored before without coding, now coded: replace the bare row (it has no events). Its band
    # rows are found by their keys (same text, same keys): doc_bands has no doc_id index.
    upgrade = [p for p in fresh if p.coded.document.id in existing]
    if upgrade:
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(f'DELETE FROM doc_bands WHERE "key" = {mark} AND doc_id = {mark}',
                             [(k, p.coded.document.id) for p in upgrade for k in set(p.band_keys)])
        for chunk in _chunks([p.coded.document.id for p in upgrade]):
            conn.execute(delete(documents).where(documents.c.id.in_(chunk)))
    if not fresh:
        return result

    now = datetime.now(UTC)
    doc_rows = [rows.document_values(p.coded, p.is_coded, now) for p in fresh]
    _link_near_duplicates(conn, fresh, doc_rows)
    result.near_duplicates = sum(1 for r in doc_rows if r[_NEAR])

    # Rows go in in primary-key order (documents, their children and mentions by document id; bands by
    # key): consecutive rows then land on the same B-tree pages, fewer pages are dirtied and written
    # at commit. Which document reported an event first follows the batch's own order, though.
    by_id = sorted(fresh, key=lambda p: p.coded.document.id)
    band_rows = sorted([k, p.coded.document.id] for p in fresh for k in set(p.band_keys))
    event_rows: dict[str, list[Any]] = {}
    keys: dict[str, list[str]] = {}  # document id -> its events' keys, in its event order
    event_key, event_values, mention_values = rows.event_key, rows.event_values, rows.mention_values
    for p in fresh:
        doc_id = p.coded.document.id
        keys[doc_id] = doc_keys = [event_key(ev) for ev in p.coded.events]
        for ev, key in zip(p.coded.events, doc_keys, strict=True):
            if key not in event_rows:
                event_rows[key] = event_values(ev, doc_id, now, key)
    children: dict[str, list[list[Any]]] = {"sentences": [], "actors": [], "quotes": [], "timexes": []}
    mention_rows: list[list[Any]] = []
    for p in by_id:
        doc_id = p.coded.document.id
        for name, rs in rows.child_values(p.coded).items():
            children[name] += rs
        mention_rows += [mention_values(ev, doc_id, i, key)
                         for i, (ev, key) in enumerate(zip(p.coded.events, keys[doc_id], strict=True))]

    _bulk_insert(conn, documents, rows.DOCUMENT_COLUMNS, sorted(doc_rows, key=lambda r: r[0]))
    _bulk_insert(conn, doc_bands, ("key", "doc_id"), band_rows)
    for table in (sentences, actors, quotes, timexes):
        _bulk_insert(conn, table, rows.CHILD_COLUMNS[table.name], children[table.name])
    # Sorted: a fixed lock order for concurrent PostgreSQL writers. Events already stored are
    # skipped by the database; the row count says how many were new.
    new_events = _bulk_insert(conn, events, rows.EVENT_COLUMNS, [event_rows[k] for k in sorted(event_rows)],
                              ignore_conflicts_on="id")
    _bulk_insert(conn, event_mentions, rows.MENTION_COLUMNS, mention_rows)
    result.stored = len(fresh)
    result.stored_ids = [p.coded.document.id for p in fresh]
    result.mentions = len(mention_rows)
    result.new_events = new_events
    return result


_NEAR, _SIM, _CLUSTER, _MINHASH = (rows.DOCUMENT_COLUMNS.index(c)
                                   for c in ("near_duplicate_of", "similarity", "cluster_id", "minhash"))


def _link_near_duplicates(conn: Connection, fresh: Sequence[Prepared], doc_rows: list[list[Any]]) -> None:
    """Point each new document at the most similar earlier one (stored or earlier in this batch)
    whose estimated Jaccard similarity reaches the threshold, and put it in that one's cluster."""
    all_keys = [k for p in fresh for k in p.band_keys]
    by_key: dict[int, list[str]] = {}
    for key, doc_id in _lookup(conn, doc_bands, "key", all_keys, "doc_id"):
        by_key.setdefault(key, []).append(doc_id)
    stored_ids = {d for ids in by_key.values() for d in ids}
    info: dict[str, tuple[str, dedup.Signature]] = {
        r[0]: (r[1], dedup.Signature.from_bytes(r[2]))
        for r in _lookup(conn, documents, "id", list(stored_ids), "cluster_id", "minhash")
        if r[2] is not None
    }
    for p, row in zip(fresh, doc_rows, strict=True):
        doc_id = p.coded.document.id
        best: tuple[float, str] | None = None
        for cand in {c for k in p.band_keys for c in by_key.get(k, ())}:
            if cand == doc_id or cand not in info:
                continue
            sim = p.signature.similarity(info[cand][1])
            if sim >= dedup.THRESHOLD and (best is None or (sim, cand) > best):
                best = (sim, cand)
        if best is not None:
            row[_NEAR], row[_SIM] = best[1], best[0]
            row[_CLUSTER] = info[best[1]][0]
        row[_MINHASH] = p.signature.to_bytes()
        # Later documents of this batch must see this one as a candidate too.
        info[doc_id] = (row[_CLUSTER], p.signature)
        for k in p.band_keys:
            by_key.setdefault(k, []).append(doc_id)
