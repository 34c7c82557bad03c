"""An in-memory column index of the stored events, for filtered event lists on big SQLite stores.

A filtered list is a conjunction of conditions that are each unselective on their own (a CAMEO root,
a status, a year, a word) and often nearly empty together; SQLite answers that by walking one
condition's index and checking the others row by row, hundreds of milliseconds on a million events
whatever the plan. Here each filterable column is an array (text columns as dictionary codes), kept
in list order (newest first, then id), so a filter is a few vectorised comparisons over the arrays
and the page is the first matches: milliseconds on a million events, for any combination.

The index mirrors the store; it answers only while it holds every stored event and mention (the
store's highest rowids are checked on each request: two index lookups), and events and mentions are
only ever added. Behind the store (an ingest since), the caller uses SQL while a background thread
reads the new rows. SQLite only (it keys on rowids); PostgreSQL plans these lists with its own
statistics and bitmap scans.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine

from grotius.serve.queries import EventFilter

JD_OFFSET = 1_721_424  # date.toordinal() + this = the integer part of SQLite's julianday()
NO_DAY = np.iinfo(np.int32).min  # a NULL date: never inside a date range, last in the list
CHUNK = 100_000  # rows read per statement while loading
EVENT_COLUMNS = ("cameo", "plover", "source_code", "target_code", "source_name", "target_name", "source_country",
                 "target_country", "source_text", "target_text")  # dictionary-coded


class Dictionary:
    """Distinct values of one text column and their codes (append-only: codes stay valid)."""

    def __init__(self) -> None:
        self.values: list[str | None] = []
        self.codes: dict[str | None, int] = {}
        self._tables: dict[tuple[str, str], np.ndarray] = {}  # (test, argument) -> lookup table

    def encode(self, column: Sequence[str | None]) -> np.ndarray:
        """Codes of a column's values, new values added. Factorised in C first: the Python work is
        per distinct value, not per row."""
        local, uniques = pd.factorize(np.asarray(column, dtype=object), use_na_sentinel=True)
        lut = np.empty(len(uniques) + 1, dtype=np.int32)  # the last entry: NULL (code -1 from factorize)
        for i, v in enumerate([*uniques.tolist(), None]):
            c = self.codes.get(v)
            if c is None:
                c = self.codes[v] = len(self.values)
                self.values.append(v)
            lut[i] = c
        return lut[local]

    def where(self, test: str, arg: str) -> np.ndarray:
        """A lookup table: for each code, whether its value passes ``test`` with ``arg`` (``prefix``:
        starts with it; ``contains``: has it, case-insensitively); NULL never does. Cached until the
        dictionary grows."""
        table = self._tables.get((test, arg))
        if table is None or len(table) != len(self.values):
            if test == "prefix":
                hits = (v is not None and v.startswith(arg) for v in self.values)
            else:
                hits = (v is not None and arg in v.lower() for v in self.values)
            table = np.fromiter(hits, dtype=bool, count=len(self.values))
            if len(self._tables) > 1_000:
                self._tables.clear()
            self._tables[(test, arg)] = table
        return table

    def code(self, value: str) -> int | None:
        return self.codes.get(value)


@dataclass
class Columns:
    """One consistent state of the index: events in list order, mentions pointing at positions."""

    event_mark: int  # highest events rowid included
    mention_mark: int  # highest event_mentions rowid included
    ids: np.ndarray  # bytes, list order
    rowids: np.ndarray  # int64, list order
    first: np.ndarray  # int32 julian day of date_first (NO_DAY: NULL)
    last: np.ndarray  # int32 julian day of date_last
    quad: np.ndarray  # int16
    coded: dict[str, np.ndarray]  # EVENT_COLUMNS -> dictionary codes, list order
    mention_event: np.ndarray  # int32 list position of each mention's event
    mention_status: np.ndarray  # int32 dictionary codes
    mention_trigger: np.ndarray

    @property
    def size(self) -> int:
        return len(self.ids)


def _day(d: date) -> int:
    return d.toordinal() + JD_OFFSET


class EventIndex:
    """Column arrays of a SQLite store's events, refreshed from the rows added since the last load."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dicts = {name: Dictionary() for name in (*EVENT_COLUMNS, "status", "trigger")}
        self.columns: Columns | None = None
        self._lock = threading.Lock()  # guards the background thread handle
        self._refresh_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # -- keeping up with the store ------------------------------------------------------------
    @staticmethod
    def available(conn: Connection) -> bool:
        return conn.dialect.name == "sqlite"

    @staticmethod
    def marks(conn: Connection) -> tuple[int, int]:
        """(highest mention rowid, highest event rowid), read in this order: a mention is committed
        with or after its event, so every mention up to the first mark has its event up to the second."""
        m = conn.exec_driver_sql("SELECT max(rowid) FROM event_mentions").scalar()
        e = conn.exec_driver_sql("SELECT max(rowid) FROM events").scalar()
        return int(m or 0), int(e or 0)

    def current(self, conn: Connection) -> Columns | None:
        """The columns if they hold everything stored, else None (and a refresh starts in the background)."""
        cols = self.columns
        if cols is not None and self.marks(conn) == (cols.mention_mark, cols.event_mark):
            return cols
        self.refresh_in_background()
        return None

    def refresh_in_background(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._thread = threading.Thread(target=self.refresh, daemon=True, name="grotius-event-index")
            self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def refresh(self) -> Columns | None:
        """Read the events and mentions added since the last load and rebuild the list order. One
        refresh at a time: the dictionaries grow as rows are read."""
        with self._refresh_lock:
            return self._refresh()

    def _refresh(self) -> Columns | None:
        with self.engine.connect() as conn:
            if not self.available(conn):
                return None
            old = self.columns
            mention_mark, event_mark = self.marks(conn)
            if old is not None and (mention_mark, event_mark) == (old.mention_mark, old.event_mark):
                return old
            since_event = old.event_mark if old else 0
            since_mention = old.mention_mark if old else 0
            new = self._read_events(conn, since_event, event_mark)
            ments = self._read_mentions(conn, since_mention, mention_mark)
        self.columns = self._merge(old, new, ments, event_mark, mention_mark)
        return self.columns

    def _read_events(self, conn: Connection, after: int, upto: int) -> dict[str, np.ndarray]:
        parts: dict[str, list[np.ndarray]] = {k: [] for k in ("ids", "rowids", "first", "last", "quad", *EVENT_COLUMNS)}
        cols = ", ".join(EVENT_COLUMNS)
        sql = ("SELECT rowid, id, CAST(julianday(date_first) AS INTEGER), CAST(julianday(date_last) AS INTEGER), "
               f"quad_class, {cols} FROM events WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT {CHUNK}")
        raw = conn.connection.driver_connection  # the sqlite3 connection: plain tuples, no Row objects
        while after < upto:
            rows = raw.execute(sql, (after, upto)).fetchall()
            if not rows:
                break
            table = np.array(rows, dtype=object)  # one C pass; columns are then slices
            parts["rowids"].append(table[:, 0].astype(np.int64))
            parts["ids"].append(_bytes(table[:, 1]))
            for k, j in (("first", 2), ("last", 3)):
                parts[k].append(np.where(pd.isna(table[:, j]), NO_DAY, table[:, j]).astype(np.int32))
            parts["quad"].append(table[:, 4].astype(np.int16))
            for j, name in enumerate(EVENT_COLUMNS, start=5):
                parts[name].append(self.dicts[name].encode(table[:, j]))
            after = int(rows[-1][0])
        return {k: _concat(v, k) for k, v in parts.items()}

    def _read_mentions(self, conn: Connection, after: int, upto: int) -> dict[str, np.ndarray]:
        parts: dict[str, list[np.ndarray]] = {"rowid": [], "event_rowid": [], "status": [], "trigger": []}
        sql = ("SELECT m.rowid, e.rowid, m.status, m.\"trigger\" "
               "FROM event_mentions m JOIN events e ON e.id = m.event_id "
               f"WHERE m.rowid > ? AND m.rowid <= ? ORDER BY m.rowid LIMIT {CHUNK}")
        raw = conn.connection.driver_connection
        while after < upto:
            rows = raw.execute(sql, (after, upto)).fetchall()
            if not rows:
                break
            table = np.array(rows, dtype=object)
            parts["rowid"].append(table[:, 0].astype(np.int64))
            parts["event_rowid"].append(table[:, 1].astype(np.int64))
            parts["status"].append(self.dicts["status"].encode(table[:, 2]))
            parts["trigger"].append(self.dicts["trigger"].encode(table[:, 3]))
            after = int(rows[-1][0])
        return {k: _concat(v, "rowid" if k.endswith("rowid") else k) for k, v in parts.items()}

    def _merge(self, old: Columns | None, new: dict[str, np.ndarray], ments: dict[str, np.ndarray],
               event_mark: int, mention_mark: int) -> Columns:
        def join(a: np.ndarray | None, b: np.ndarray) -> np.ndarray:
            return b if a is None or not len(a) else np.concatenate([a, b]) if len(b) else a

        ids = join(old.ids if old else None, new["ids"])
        if ids.dtype.kind != "S":
            ids = ids.astype(bytes)
        rowids = join(old.rowids if old else None, new["rowids"])
        first = join(old.first if old else None, new["first"])
        # List order: date_first descending with NULL last (SQLite's DESC), then id ascending.
        order = np.lexsort((ids, -first.astype(np.int64)))
        position = np.empty(len(order), dtype=np.int32)  # unsorted index -> list position
        position[order] = np.arange(len(order), dtype=np.int32)
        # Old mentions point at old list positions: old positions first become unsorted indexes
        # (old rows keep theirs at the front of the concatenation), then new positions.
        old_event = old.mention_event if old else np.zeros(0, dtype=np.int32)
        by_rowid = np.argsort(rowids, kind="stable")
        at = np.searchsorted(rowids, ments["event_rowid"], sorter=by_rowid)
        at = by_rowid[np.minimum(at, len(rowids) - 1)] if len(rowids) else at
        found = rowids[at] == ments["event_rowid"] if len(rowids) else np.zeros(len(at), dtype=bool)
        new_event = position[at[found]]
        return Columns(
            event_mark=event_mark, mention_mark=mention_mark,
            ids=ids[order], rowids=rowids[order], first=first[order],
            last=join(old.last if old else None, new["last"])[order],
            quad=join(old.quad if old else None, new["quad"])[order],
            coded={name: join(old.coded[name] if old else None, new[name])[order] for name in EVENT_COLUMNS},
            mention_event=np.concatenate([position[old_event] if old else old_event, new_event]).astype(np.int32),
            mention_status=join(old.mention_status if old else None, ments["status"][found]),
            mention_trigger=join(old.mention_trigger if old else None, ments["trigger"][found]),
        )

    # -- answering ------------------------------------------------------------------------------
    def page(self, conn: Connection, f: EventFilter, limit: int, offset: int) -> tuple[list[str], int] | None:
        """The ids of one page of matches (list order) and the number of matches, or None when the
        index is behind the store or cannot answer ``f``."""
        cols = self.current(conn)
        chosen = self.select(cols, f) if cols is not None else None
        if cols is None or chosen is None:
            return None
        return [i.decode() for i in cols.ids[chosen[offset:offset + limit]]], len(chosen)

    def select(self, cols: Columns, f: EventFilter) -> np.ndarray | None:
        """List positions of the events matching ``f``, in list order; None when the index cannot
        answer (a document filter: a single document's events are few, SQL finds them at once)."""
        if f.doc_id:
            return None
        n = cols.size
        mask = np.ones(n, dtype=bool)
        for role_filter, roles in ((f.actor, ("source", "target")), (f.source, ("source",)), (f.target, ("target",))):
            if role_filter:
                side = np.zeros(n, dtype=bool)
                for role in roles:
                    side |= self._actor(cols, role, role_filter)
                mask &= side
        if f.pair:
            a, b = f.pair
            sa, sb = self._actor(cols, "source", a), self._actor(cols, "source", b)
            ta, tb = self._actor(cols, "target", a), self._actor(cols, "target", b)
            mask &= (sa & tb) | (sb & ta)
        if f.country:
            code = f.country.upper()
            mask &= self._equal(cols, "source_country", code) | self._equal(cols, "target_country", code)
        if f.cameo:
            mask &= self.dicts["cameo"].where("prefix", f.cameo)[cols.coded["cameo"]]
        if f.plover:
            mask &= self._equal(cols, "plover", f.plover.upper())
        if f.quad_class is not None:
            mask &= cols.quad == f.quad_class
        if f.since is not None:
            mask &= cols.last >= _day(f.since)
        if f.until is not None:
            mask &= (cols.first <= _day(f.until)) & (cols.first != NO_DAY)
        if f.status:
            code = self.dicts["status"].code(f.status)
            mask &= self._mentioned(cols, None if code is None else cols.mention_status == code)
        if f.q:
            words = f.q.lower()
            text = np.zeros(n, dtype=bool)
            for name in ("source_text", "source_name", "target_text", "target_name"):
                text |= self.dicts[name].where("contains", words)[cols.coded[name]]
            text |= self._mentioned(cols, self.dicts["trigger"].where("contains", words)[cols.mention_trigger])
            mask &= text
        return np.flatnonzero(mask)

    def _actor(self, cols: Columns, role: str, actor: str) -> np.ndarray:
        """Code prefix (case-insensitive) or exact name, as the SQL filter."""
        prefix = actor.upper()
        by_code = self.dicts[f"{role}_code"].where("prefix", prefix)[cols.coded[f"{role}_code"]]
        return by_code | self._equal(cols, f"{role}_name", actor)

    def _equal(self, cols: Columns, name: str, value: str) -> np.ndarray:
        code = self.dicts[name].code(value)
        if code is None:
            return np.zeros(cols.size, dtype=bool)
        return cols.coded[name] == code

    @staticmethod
    def _mentioned(cols: Columns, which: np.ndarray | None) -> np.ndarray:
        """Events with at least one of the mentions marked in ``which``."""
        out = np.zeros(cols.size, dtype=bool)
        if which is not None:
            out[cols.mention_event[which]] = True
        return out


def _bytes(ids: np.ndarray) -> np.ndarray:
    """Event ids as a fixed-width bytes array (sorts as SQLite's binary collation does)."""
    try:
        return ids.astype(bytes)
    except UnicodeEncodeError:  # an id beyond ASCII: encoded one by one
        return np.array([str(i).encode() for i in ids], dtype=bytes)


def _concat(parts: list[np.ndarray], kind: str) -> np.ndarray:
    if parts:
        return np.concatenate(parts)
    dtype = {"ids": bytes, "rowids": np.int64, "rowid": np.int64, "first": np.int32, "last": np.int32,
             "quad": np.int16}.get(kind, np.int32)
    return np.zeros(0, dtype=dtype)
