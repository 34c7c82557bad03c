"""Writing a batch of coded articles in one transaction: exact and near-duplicate checks,
documents and their rows, events merged by key with one mention per report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, delete, select

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
    sig = dedup.signature(coded.document.text)
    return Prepared(coded, is_coded, sig, sig.band_keys())


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _bulk_insert(conn: Connection, table: Table, rows: list[dict[str, Any]], ignore_conflicts_on: str = "") -> int:
    """A parameterised ``executemany`` straight to the driver. SQLAlchemy's per-row parameter
    handling for Core inserts costs more than SQLite's own work; only the columns whose type
    needs conversion (dates, booleans, JSON) go through the dialect's bind processors, in place."""
    if not rows:
        return 0
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    cols = list(rows[0])
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in cols)}) "
           f"VALUES ({', '.join([mark] * len(cols))})")
    if ignore_conflicts_on:
        sql += f" ON CONFLICT ({quote(ignore_conflicts_on)}) DO NOTHING"
    for c in cols:
        proc = table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
        if proc is None:
            continue
        memo: dict[Any, Any] = {}  # dates and timestamps repeat: convert each value once
        for r in rows:
            v = r[c]
            try:
                r[c] = memo[v]
            except KeyError:
                r[c] = memo[v] = proc(v)
            except TypeError:  # unhashable (JSON detail)
                r[c] = proc(v)
    get = itemgetter(*cols)
    data = [get(r) for r in rows] if len(cols) > 1 else [(get(r),) for r in rows]
    return conn.exec_driver_sql(sql, data).rowcount  # type: ignore[arg-type]


def _lookup(conn: Connection, table: Table, key_col: str, keys: Sequence[Any], *cols: str) -> list[Any]:
    out: list[Any] = []
    for chunk in _chunks(sorted(set(keys))):
        col = table.c[key_col]
        out += conn.execute(select(col, *(table.c[c] for c in cols)).where(col.in_(chunk))).all()
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
    # Stored before without coding, now coded: replace the bare row (it has no events).
    upgrade = [p.coded.document.id for p in fresh if p.coded.document.id in existing]
    for chunk in _chunks(upgrade):
        conn.execute(delete(doc_bands).where(doc_bands.c.doc_id.in_(chunk)))
        conn.execute(delete(documents).where(documents.c.id.in_(chunk)))
    if not fresh:
        return result

    now = datetime.now(UTC)
    doc_rows = [rows.document_row(p.coded, p.is_coded, now) for p in fresh]
    _link_near_duplicates(conn, fresh, doc_rows)
    result.near_duplicates = sum(1 for r in doc_rows if r["near_duplicate_of"])

    band_rows = [{"key": k, "doc_id": p.coded.document.id} for p in fresh for k in set(p.band_keys)]
    children: dict[str, list[dict[str, Any]]] = {"sentences": [], "actors": [], "quotes": [], "timexes": []}
    event_rows: dict[str, dict[str, Any]] = {}
    mention_rows: list[dict[str, Any]] = []
    for p in fresh:
        doc_id = p.coded.document.id
        for name, rs in rows.child_rows(p.coded).items():
            children[name] += rs
        for i, ev in enumerate(p.coded.events):
            key = rows.event_key(ev)
            if key not in event_rows:
                event_rows[key] = rows.event_row(ev, doc_id, now, key)
            mention_rows.append(rows.mention_row(ev, doc_id, i, key))

    _bulk_insert(conn, documents, doc_rows)
    _bulk_insert(conn, doc_bands, band_rows)
    for table in (sentences, actors, quotes, timexes):
        _bulk_insert(conn, table, children[table.name])
    # Sorted: a fixed lock order for concurrent PostgreSQL writers. Events already stored are
    # skipped by the database; the row count says how many were new.
    new_events = _bulk_insert(conn, events, [event_rows[k] for k in sorted(event_rows)], ignore_conflicts_on="id")
    _bulk_insert(conn, event_mentions, mention_rows)
    result.stored = len(fresh)
    result.stored_ids = [p.coded.document.id for p in fresh]
    result.mentions = len(mention_rows)
    result.new_events = new_events
    return result


def _link_near_duplicates(conn: Connection, fresh: Sequence[Prepared], doc_rows: list[dict[str, Any]]) -> None:
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
            row["near_duplicate_of"], row["similarity"] = best[1], best[0]
            row["cluster_id"] = info[best[1]][0]
        row["minhash"] = p.signature.to_bytes()
        # Later documents of this batch must see this one as a candidate too.
        info[doc_id] = (row["cluster_id"], p.signature)
        for k in p.band_keys:
            by_key.setdefault(k, []).append(doc_id)
