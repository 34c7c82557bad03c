"""Text search over events on SQLite: an FTS5 trigram index of each report's words.

``mention_fts`` (revision 0003) holds, per event mention (keyed by the mention's rowid), its trigger
and its event's actor words and names. The trigram tokenizer matches any substring of 3 or more
characters, case-insensitively, so it answers what ``LIKE '%words%'`` answered, from an index. The
index is contentless and filled incrementally from the mentions added since the last fill
(``refresh``), by readers before a search, so that ingest never pays for it. A search only uses the
index when it is complete (``is_current``) and the matches are few; otherwise the caller falls back
to scanning, which is fast exactly when matches are many (a page fills quickly)."""

from __future__ import annotations

import threading

from sqlalchemy import Connection, Engine

from grotius.store.engine import READ_ONLY

MIN_CHARS = 3  # trigrams: shorter words cannot be looked up
MAX_MATCHES = 5_000  # more matching reports than this: a scan in date order fills a page sooner
_SEP = "char(31)"  # unit separator between fields: user text never contains it, so no match spans two fields
_lock = threading.Lock()  # one filler per process (the write lock orders processes)


def available(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'mention_fts'").first() is not None


def _marks(conn: Connection) -> tuple[int, int]:
    """(last mention rowid indexed, last mention rowid stored); both are index lookups."""
    indexed = conn.exec_driver_sql("SELECT rowid FROM mention_fts ORDER BY rowid DESC LIMIT 1").scalar()
    stored = conn.exec_driver_sql("SELECT max(rowid) FROM event_mentions").scalar()
    return int(indexed or 0), int(stored or 0)


def is_current(conn: Connection) -> bool:
    indexed, stored = _marks(conn)
    return indexed >= stored


def refresh(engine: Engine) -> int:
    """Index the mentions added since the last call; returns how many. Cheap when nothing is new."""
    with _lock:
        with engine.connect().execution_options(**{READ_ONLY: True}) as conn:  # no write lock to look
            if not available(conn) or is_current(conn):
                return 0
        with engine.begin() as conn:  # the write lock: two fillers never index the same rows
            indexed, _ = _marks(conn)
            words = f" || {_SEP} || ".join(
                ["m.\"trigger\""] + [f"coalesce(e.{c}, '')" for c in ("source_text", "source_name", "target_text",
                                                                      "target_name")])
            sql = (f"INSERT INTO mention_fts (rowid, words) SELECT m.rowid, {words} "  # no user text in this SQL
                   "FROM event_mentions m JOIN events e ON e.id = m.event_id WHERE m.rowid > ? ORDER BY m.rowid")
            return int(conn.exec_driver_sql(sql, (indexed,)).rowcount)


def usable(conn: Connection, words: str) -> bool:
    """Whether the index can answer a search for ``words``: SQLite, 3 or more characters, index current."""
    return len(words.strip()) >= MIN_CHARS and available(conn) and is_current(conn)


def phrase(words: str) -> str:
    """One FTS5 phrase: the words as a literal substring (user text never becomes FTS syntax)."""
    return '"' + words.strip().replace('"', '""') + '"'


def matching_events(conn: Connection, words: str) -> list[str] | None:
    """Ids of the events with a report containing ``words`` (case-insensitive substring), or None
    when the index cannot answer: not SQLite, words too short, index behind, or too many matches."""
    if not usable(conn, words):
        return None
    rows = conn.exec_driver_sql(
        "SELECT m.event_id FROM event_mentions m WHERE m.rowid IN "
        "(SELECT rowid FROM mention_fts WHERE mention_fts MATCH ? ORDER BY rowid DESC LIMIT ?)",
        (phrase(words), MAX_MATCHES + 1)).all()
    if len(rows) > MAX_MATCHES:
        return None
    return sorted({r[0] for r in rows})
