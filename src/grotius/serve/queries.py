"""Read queries for the API and pages, built with SQLAlchemy Core (parameterised: no SQL is ever
made from user text). Tuned for large stores: filters on indexed columns use ranges rather than
LIKE, mention counts are computed for the page only, and totals are counted up to a cap."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    Text,
    and_,
    case,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)

from grotius.store import search
from grotius.store.schema import actors, documents, event_mentions, events, quotes, sentences, timexes

if TYPE_CHECKING:
    from grotius.serve.eventindex import EventIndex

# Totals above this are reported as "at least": counting stops at the cap, so a count costs at most
# COUNT_CAP matches' worth of reading whatever the store's size.
COUNT_CAP = 1_000
# An actor code prefix matching at most this many distinct codes is looked up as a list of codes
# (index seeks, also on the second column of the pair indexes); more stay a range.
MAX_CODES = 200


@dataclass
class EventFilter:
    """Every filter of GET /api/events; None means no condition."""

    actor: str | None = None  # CAMEO code prefix or exact name, as source or target
    source: str | None = None
    target: str | None = None
    pair: tuple[str, str] | None = None  # either direction
    country: str | None = None  # ISO alpha-3 of source or target
    cameo: str | None = None  # code prefix
    plover: str | None = None
    quad_class: int | None = None
    status: str | None = None  # any report of the event with this status
    since: date | None = None
    until: date | None = None
    q: str | None = None  # words in the trigger, actor words/names or the first document's title
    doc_id: str | None = None
    # Filled by events_page, not by callers: the events the text index matched for ``q``, and the
    # longest date span of any stored event (bounds date_first for ``since``, so that an index range
    # answers a date filter).
    ids: list[str] | None = None
    max_span_days: int | None = None
    # And the stored actor codes each actor code prefix of the filter stands for (None: too many).
    codes: dict[str, tuple[str, ...] | None] | None = None
    # The text index's phrase for ``q`` when it can answer but matches too many events to list.
    fts: str | None = None


def _prefix_end(prefix: str) -> str:
    """The first string after every string that starts with ``prefix``: ``[prefix, end)`` is a range."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _prefix(col: Any, prefix: str) -> ColumnElement[bool]:
    """``col`` starts with ``prefix``, as a range so that the column's index is used."""
    return and_(col >= prefix, col < _prefix_end(prefix))


def _cols(use_indexes: bool) -> Any:
    """The event columns to filter on. Without indexes each text column becomes ``col || ''``, which
    SQLite cannot look up in an index: it then reads events in date order (the ORDER BY index) and
    stops after one page, the fast plan when matches are many."""
    if use_indexes:
        return events.c
    return {c.name: c.op("||")(literal("")) if isinstance(c.type, (String, Text)) else c for c in events.c}


def _actor_terms(role: str, actor: str, c: Any, codes: dict[str, tuple[str, ...] | None] | None = None,
                 ) -> list[ColumnElement[bool]]:
    """Code prefix or exact name. A prefix whose codes are known becomes ``IN (codes)``: equalities,
    which an index can seek on its second column too (a range cannot be followed by another)."""
    prefix = actor.upper()
    known = (codes or {}).get(prefix)
    code = c[f"{role}_code"].in_(known) if known is not None else _prefix(c[f"{role}_code"], prefix)
    return [code, c[f"{role}_name"] == actor]


def _actor(role: str, actor: str, c: Any = events.c,
           codes: dict[str, tuple[str, ...] | None] | None = None) -> ColumnElement[bool]:
    return or_(*_actor_terms(role, actor, c, codes))


def _pair(a: str, b: str, c: Any, codes: dict[str, tuple[str, ...] | None] | None = None) -> ColumnElement[bool]:
    """Either direction, spelled as one flat OR of conjunctions (code or name on each side): SQLite
    answers a flat OR from its indexes (one per term), not an OR nested in an AND. Each conjunction
    has a two-column index (revision 0004) that seeks both sides when codes are lists."""
    return or_(*(and_(s, t) for x, y in ((a, b), (b, a))
                 for s in _actor_terms("source", x, c, codes) for t in _actor_terms("target", y, c, codes)))


def codes_with_prefix(conn: Connection, prefix: str) -> tuple[str, ...] | None:
    """The distinct stored source and target codes starting with ``prefix``, or None when there are
    more than MAX_CODES. A loose index scan: one index seek per distinct code (the next code after
    the last one found), so the cost does not grow with the number of events."""
    upper = _prefix_end(prefix)
    found: set[str] = set()
    for col in ("source_code", "target_code"):  # schema names, never user text
        sql = text(
            f"WITH RECURSIVE c(v, n) AS ("
            f"SELECT (SELECT min({col}) FROM events WHERE {col} >= :lo AND {col} < :hi), 1 "
            f"UNION ALL SELECT (SELECT min({col}) FROM events WHERE {col} > c.v AND {col} < :hi), c.n + 1 "
            f"FROM c WHERE c.v IS NOT NULL AND c.n <= :cap) "
            f"SELECT v FROM c WHERE v IS NOT NULL")
        values = conn.execute(sql, {"lo": prefix, "hi": upper, "cap": MAX_CODES}).scalars().all()
        if len(values) > MAX_CODES:
            return None
        found.update(values)
    return tuple(sorted(found)) if len(found) <= MAX_CODES else None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def conditions(f: EventFilter, use_indexes: bool = True) -> list[ColumnElement[bool]]:
    e = events
    c = _cols(use_indexes)
    where: list[ColumnElement[bool]] = []
    if f.actor:
        where.append(or_(_actor("source", f.actor, c, f.codes), _actor("target", f.actor, c, f.codes)))
    if f.source:
        where.append(_actor("source", f.source, c, f.codes))
    if f.target:
        where.append(_actor("target", f.target, c, f.codes))
    if f.pair:
        where.append(_pair(*f.pair, c, f.codes))
    if f.country:
        code = f.country.upper()
        where.append(or_(c["source_country"] == code, c["target_country"] == code))
    if f.cameo:
        where.append(_prefix(c["cameo"], f.cameo))
    if f.plover:
        where.append(c["plover"] == f.plover.upper())
    if f.quad_class is not None:
        where.append(e.c.quad_class == f.quad_class)
    if f.since is not None:
        where.append(e.c.date_last >= f.since)
        if f.max_span_days is not None:  # implied by the line above; lets date_first's index bound the scan
            where.append(e.c.date_first >= f.since - timedelta(days=f.max_span_days))
    if f.until is not None:
        where.append(e.c.date_first <= f.until)
    if f.status:
        m = event_mentions
        where.append(exists().where(m.c.event_id == e.c.id, m.c.status == f.status))
    if f.doc_id:
        m = event_mentions
        where.append(e.c.id.in_(select(m.c.event_id).where(m.c.doc_id == f.doc_id)))
    if f.q and f.ids is not None:
        where.append(e.c.id.in_(f.ids))
    elif f.q and f.fts:
        # A report of the event among the index's matches: the matching rowids are read once, and
        # each candidate is checked from the mention index (no mention row, no LIKE).
        m = event_mentions
        fts = table("mention_fts", column("rowid"))
        matches = select(fts.c.rowid).where(text("mention_fts MATCH :fts_phrase").bindparams(fts_phrase=f.fts))
        where.append(exists().where(m.c.event_id == e.c.id, literal_column("event_mentions.rowid").in_(matches)))
    elif f.q:
        pat = _like(f.q.lower())
        m = event_mentions
        where.append(or_(
            *(func.lower(e.c[c]).like(pat, escape="\\") for c in ("source_text", "source_name", "target_text",
                                                                    "target_name")),
            exists().where(m.c.event_id == e.c.id, func.lower(m.c.trigger).like(pat, escape="\\")),
        ))
    return where


def _first_mention() -> Any:
    """The first report of each event (lowest index in its first document), as a correlated join."""
    m2 = event_mentions.alias("m2")
    fm = event_mentions.alias("fm")
    first_idx = (select(func.min(m2.c.idx)).where(m2.c.doc_id == events.c.first_doc_id, m2.c.event_id == events.c.id)
                 .scalar_subquery())
    return fm, and_(fm.c.doc_id == events.c.first_doc_id, fm.c.idx == first_idx)


def events_page(conn: Connection, f: EventFilter, limit: int, offset: int,
                index: EventIndex | None = None) -> tuple[list[dict[str, Any]], int, bool]:
    """One page of events (newest first) with their first report, the total (capped) and whether
    the total reached the cap. With an ``index`` that holds every stored event, it selects the page
    and SQL only reads the page's rows."""
    answer = index.page(conn, f, limit, offset) if index is not None else None
    if answer is not None:
        page_ids, total = answer
        rows = _page(conn, [events.c.id.in_(page_ids)], limit, 0) if page_ids else []
        return rows, min(total, COUNT_CAP), total > COUNT_CAP
    f = prepare(conn, f)
    where = conditions(f)
    # One pass finds the matches, up to the cap: their number is the total and, when that is all of
    # them, the page is read by id (a primary-key seek each) instead of running the filters again.
    found = conn.execute(select(events.c.id).where(*where).limit(COUNT_CAP + 1)).scalars().all()
    total = len(found)
    if total > COUNT_CAP and conn.dialect.name == "sqlite":
        # Many matches: reading in date order finds a page at once, where SQLite's planner would
        # rather fetch every match through a filter's index and sort them all (measured: 10x slower).
        # (A text filter as LIKE here: matches are many, and the page fills before a LIKE costs more
        # than reading the index's whole match list would.)
        where = conditions(replace(f, fts=None), use_indexes=False)
    elif total <= COUNT_CAP:
        if offset >= total:
            return [], total, False
        where = [events.c.id.in_(found)]
    return _page(conn, where, limit, offset), min(total, COUNT_CAP), total > COUNT_CAP


def _page(conn: Connection, where: list[ColumnElement[bool]], limit: int, offset: int) -> list[dict[str, Any]]:
    """The rows of one page (newest first) with each event's first report and its counts."""
    fm, on = _first_mention()
    q = (select(*events.c, fm.c.trigger, fm.c.status, fm.c.sentence, fm.c.start, fm.c.end, fm.c.rule,
                fm.c.date_basis, fm.c.reported_by_code, fm.c.reported_by_name)
         .select_from(events.outerjoin(fm, on)).where(*where)
         .order_by(events.c.date_first.desc(), events.c.id).limit(limit).offset(offset))
    rows = [dict(r._mapping) for r in conn.execute(q)]
    _add_counts(conn, rows)
    return rows


def prepare(conn: Connection, f: EventFilter) -> EventFilter:
    """The filter with what the store can tell cheaply: text matches from the full-text index (when
    it can answer), the longest event date span (SQLite) and the codes of actor code prefixes."""
    if f.codes is None:
        prefixes = {a.upper() for a in (f.actor, f.source, f.target, *(f.pair or ())) if a}
        f = replace(f, codes={p: codes_with_prefix(conn, p) for p in sorted(prefixes)})
    if f.q and f.ids is None:
        f = replace(f, ids=search.matching_events(conn, f.q))
        # Too many to list: with other filters, few of those matches may be left (at worst none, which
        # a LIKE would prove by reading every candidate), so the index's matches are checked instead;
        # alone, the matches are many and a LIKE in date order fills a page at once.
        others = any(v is not None for k, v in vars(f).items() if k not in ("q", "ids", "max_span_days", "codes",
                                                                          "fts"))
        if f.ids is None and others and search.usable(conn, f.q):
            f = replace(f, fts=search.phrase(f.q))
    if f.since is not None and f.max_span_days is None:
        f = replace(f, max_span_days=max_span_days(conn))
    return f


_spans: dict[str, tuple[int, int]] = {}  # database URL -> (last events rowid seen, longest span in days)
_spans_lock = threading.Lock()


def max_span_days(conn: Connection) -> int | None:
    """The longest ``date_last - date_first`` of any event, in whole days (rounded up), read
    incrementally: only the events added since the last call (events are never changed, and a
    deleted one leaves an upper bound, which is still correct). None on PostgreSQL, whose planner
    does not need the hint."""
    if conn.dialect.name != "sqlite":
        return None
    key = str(conn.engine.url)
    with _spans_lock:
        seen, span = _spans.get(key, (0, 0))
        last = conn.exec_driver_sql("SELECT max(rowid) FROM events").scalar() or 0
        if last < seen:  # a new database at the same URL
            seen, span = 0, 0
        if last > seen:
            more = conn.exec_driver_sql(
                "SELECT max(julianday(date_last) - julianday(date_first)) FROM events WHERE rowid > ?",
                (seen,)).scalar()
            span = max(span, int(-(-(more or 0) // 1)))
            _spans[key] = (last, span)
        return span


def _add_counts(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """NumMentions and NumArticles for the page's events only (cheap on any store size)."""
    if not rows:
        return
    m = event_mentions
    q = (select(m.c.event_id, func.count().label("n"), func.count(documents.c.cluster_id.distinct()).label("a"))
         .join(documents, documents.c.id == m.c.doc_id)
         .where(m.c.event_id.in_([r["id"] for r in rows])).group_by(m.c.event_id))
    counts = {r.event_id: (r.n, r.a) for r in conn.execute(q)}
    for r in rows:
        r["num_mentions"], r["num_articles"] = counts.get(r["id"], (0, 0))


def event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    q = select(*events.c).where(events.c.id == event_id)
    row = conn.execute(q).first()
    if row is None:
        return None
    rec = dict(row._mapping)
    rec["mentions"] = mentions(conn, event_id)
    _add_counts(conn, [rec])
    return rec


def mentions(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every report of an event, with its sentence text and document date: the provenance."""
    m, d, s = event_mentions, documents, sentences
    q = (select(*m.c, d.c.title, d.c.url, d.c.outlet, d.c.published, d.c.date_precision,
                s.c.start.label("sent_start"), s.c.end.label("sent_end"),
                func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start).label("sentence_text"))
         .join(d, d.c.id == m.c.doc_id)
         .outerjoin(s, and_(s.c.doc_id == m.c.doc_id, s.c.idx == m.c.sentence))
         .where(m.c.event_id == event_id).order_by(d.c.date_first, m.c.doc_id, m.c.idx))
    return [dict(r._mapping) for r in conn.execute(q)]


def document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    cols = [c for c in documents.c if c.name != "minhash"]
    row = conn.execute(select(*cols).where(documents.c.id == doc_id)).first()
    if row is None:
        return None
    rec = dict(row._mapping)

    def rows(table: Any) -> list[dict[str, Any]]:
        q = select(*(c for c in table.c if c.name != "doc_id")).where(table.c.doc_id == doc_id).order_by(table.c.idx)
        return [dict(r._mapping) for r in conn.execute(q)]

    rec["sentences"] = rows(sentences)
    rec["actors"] = rows(actors)
    rec["quotes"] = rows(quotes)
    rec["timexes"] = rows(timexes)
    m = event_mentions
    q = (select(*(c for c in m.c if c.name != "doc_id"), events.c.cameo, events.c.plover, events.c.quad_class,
                events.c.goldstein, events.c.date, events.c.source_code, events.c.target_code,
                events.c.source_name, events.c.target_name)
         .join(events, events.c.id == m.c.event_id).where(m.c.doc_id == doc_id).order_by(m.c.idx))
    rec["events"] = [dict(r._mapping) for r in conn.execute(q)]
    return rec


def documents_page(conn: Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    d = documents
    q = (select(d.c.id, d.c.title, d.c.published, d.c.outlet, d.c.n_chars, d.c.source)
         .order_by(d.c.date_first.desc(), d.c.id).limit(limit).offset(offset))
    return [dict(r._mapping) for r in conn.execute(q)]


def top_pairs(conn: Connection, limit: int, offset: int = 0, f: EventFilter | None = None,
              level: str = "code") -> list[dict[str, Any]]:
    """Most active undirected pairs (of actor codes or countries), with conflict counts and mean
    Goldstein."""
    e = events
    src, tgt = e.c[f"source_{level}"], e.c[f"target_{level}"]
    lo, hi = (func.min, func.max) if conn.dialect.name == "sqlite" else (func.least, func.greatest)
    a, b = lo(src, tgt), hi(src, tgt)
    where = [src.is_not(None), tgt.is_not(None), src != tgt, *conditions(prepare(conn, f or EventFilter()))]
    q = (select(a.label("a"), b.label("b"), func.count().label("events"),
                func.sum(case((e.c.quad_class >= 3, 1), else_=0)).label("conflict"),
                func.avg(e.c.goldstein).label("goldstein_mean"), func.max(e.c.date_first).label("last"))
         .where(*where).group_by(a, b).order_by(func.count().desc(), a, b).limit(limit).offset(offset))
    return [dict(r._mapping) for r in conn.execute(q)]


def pair_frame(conn: Connection, a: str, b: str, level: str = "code") -> pd.DataFrame:
    """The events between ``a`` and ``b`` (either direction; code prefixes or exact countries) as
    an event frame for ``grotius.monitor.series``, labelled with ``a`` and ``b`` themselves."""
    e = events
    if level == "code":
        cond = conditions(prepare(conn, EventFilter(pair=(a, b))))
    else:
        x, y = a.upper(), b.upper()
        cond = [or_(and_(e.c.source_country == x, e.c.target_country == y),
                    and_(e.c.source_country == y, e.c.target_country == x))]
    q = select(e.c.id, e.c.date_first.label("day"), e.c.quad_class, e.c.goldstein, e.c.first_doc_id).where(
        e.c.date_first.is_not(None), *cond)
    result = conn.execute(q)
    df = pd.DataFrame(result.all(), columns=list(result.keys()))
    df[f"source_{level}"], df[f"target_{level}"] = a, b
    return df


def actor_summary(conn: Connection, code: str) -> dict[str, Any]:
    """How an actor code appears in events: the names and words it was coded from (with how many
    events each), and its events as source and as target. Read from the events' indexes on
    source_code and target_code (the actor mentions table has no code index: revision 0005)."""
    e = events
    names: dict[tuple[Any, Any], int] = {}
    counts = {}
    for role in ("source", "target"):
        rows = conn.execute(select(e.c[f"{role}_name"], e.c[f"{role}_text"], func.count().label("n"))
                            .where(e.c[f"{role}_code"] == code)
                            .group_by(e.c[f"{role}_name"], e.c[f"{role}_text"])).all()
        for name, words, n in rows:
            names[(name, words)] = names.get((name, words), 0) + n
        counts[role] = sum(r.n for r in rows)
    top = sorted(names.items(), key=lambda kv: (-kv[1], str(kv[0][0]), str(kv[0][1])))[:20]
    return {"code": code, "names": [{"name": k[0], "text": k[1], "n": n} for k, n in top],
            "as_source": counts["source"], "as_target": counts["target"]}
