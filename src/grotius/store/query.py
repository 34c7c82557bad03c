"""Read side: events as pandas DataFrames with GDELT-style counts, mentions, statistics."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Select, and_, distinct, func, or_, select

from grotius.datamodel import PubDate
from grotius.store.schema import (
    actors,
    documents,
    event_mentions,
    events,
    quotes,
    sentences,
    timexes,
)

DateLike = str | date | None


def _as_date(value: DateLike, last: bool) -> date | None:
    """``since="2021-12"`` means from 1 December; ``until="2021-12"`` means to 31 December."""
    if value is None or isinstance(value, date):
        return value
    pub = PubDate.parse(str(value)[:10])
    return pub.last_day if last else pub.first_day


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _actor_match(role: str, actor: str) -> ColumnElement[bool]:
    """An actor is a CAMEO code prefix (``RUS`` matches ``RUSGOV``) or an exact name."""
    return or_(
        events.c[f"{role}_code"].like(_escape_like(actor.upper()) + "%", escape="\\"),
        func.lower(events.c[f"{role}_name"]) == actor.lower(),
    )


def events_select(
    actor: str | None = None,
    dyad: Sequence[str] | None = None,
    since: DateLike = None,
    until: DateLike = None,
    cameo: str | None = None,
    quad_class: int | None = None,
    plover: str | None = None,
    doc_id: str | None = None,
    event_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Select[Any]:
    m = event_mentions
    counts = (
        select(
            m.c.event_id,
            func.count().label("num_mentions"),
            func.count(distinct(documents.c.cluster_id)).label("num_articles"),
            func.count(distinct(documents.c.outlet)).label("num_sources"),
        )
        .join(documents, documents.c.id == m.c.doc_id)
        .group_by(m.c.event_id)
        .subquery("counts")
    )
    # The first report of the event: lowest mention index in the first document.
    first_idx = (
        select(m.c.event_id, m.c.doc_id, func.min(m.c.idx).label("idx"))
        .group_by(m.c.event_id, m.c.doc_id)
        .subquery("first_idx")
    )
    fm = m.alias("fm")
    e = events
    query = (
        select(
            *e.c,
            counts.c.num_mentions,
            counts.c.num_articles,
            counts.c.num_sources,
            fm.c.trigger,
            fm.c.status,
            fm.c.sentence,
            fm.c.start,
            fm.c.end,
            fm.c.rule,
            fm.c.date_basis,
            fm.c.reported_by_code,
            documents.c.url.label("source_url"),
            documents.c.outlet,
            documents.c.published,
        )
        .join(counts, counts.c.event_id == e.c.id)
        .join(first_idx, and_(first_idx.c.event_id == e.c.id, first_idx.c.doc_id == e.c.first_doc_id))
        .join(fm, and_(fm.c.doc_id == first_idx.c.doc_id, fm.c.idx == first_idx.c.idx))
        .join(documents, documents.c.id == e.c.first_doc_id)
    )
    if actor:
        query = query.where(or_(_actor_match("source", actor), _actor_match("target", actor)))
    if dyad:
        a, b = dyad
        query = query.where(_actor_match("source", a), _actor_match("target", b))
    if since is not None:
        query = query.where(e.c.date_last >= _as_date(since, last=False))
    if until is not None:
        query = query.where(e.c.date_first <= _as_date(until, last=True))
    if cameo:
        query = query.where(e.c.cameo.like(_escape_like(cameo) + "%", escape="\\"))
    if quad_class is not None:
        query = query.where(e.c.quad_class == quad_class)
    if plover:
        query = query.where(e.c.plover == plover.upper())
    if event_id:
        query = query.where(e.c.id == event_id)
    if doc_id:
        query = query.where(e.c.id.in_(select(m.c.event_id).where(m.c.doc_id == doc_id)))
    query = query.order_by(e.c.date_first, e.c.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return query


def frame(conn: Connection, query: Select[Any]) -> pd.DataFrame:
    result = conn.execute(query)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def mentions_select(event_id: str | None = None, doc_id: str | None = None) -> Select[Any]:
    m = event_mentions
    query = select(
        *m.c, documents.c.url, documents.c.outlet, documents.c.published, documents.c.cluster_id,
        documents.c.near_duplicate_of,
    ).join(documents, documents.c.id == m.c.doc_id)
    if event_id:
        query = query.where(m.c.event_id == event_id)
    if doc_id:
        query = query.where(m.c.doc_id == doc_id)
    return query.order_by(m.c.event_id, m.c.doc_id, m.c.idx)


def stats(conn: Connection) -> dict[str, Any]:
    def count(table: Any, where: Any = None) -> int:
        q = select(func.count()).select_from(table)
        return int(conn.execute(q if where is None else q.where(where)).scalar_one())

    first, last = conn.execute(select(func.min(documents.c.date_first), func.max(documents.c.date_last))).one()
    return {
        "documents": count(documents),
        "events": count(events),
        "quotes": count(quotes),
        "timexes": count(timexes),
        "actors": count(actors),
        "event_mentions": count(event_mentions),
        "sentences": count(sentences),
        "distinct_actors": int(conn.execute(select(func.count(distinct(actors.c.code)))).scalar_one()),
        "near_duplicates": count(documents, documents.c.near_duplicate_of.is_not(None)),
        "stories": int(conn.execute(select(func.count(distinct(documents.c.cluster_id)))).scalar_one()),
        "uncoded_documents": count(documents, documents.c.coded.is_(False)),
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
    }
