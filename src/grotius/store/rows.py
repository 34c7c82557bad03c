"""From a CodedArticle to table rows: pure functions, no database (easy to test and to time)."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from grotius.datamodel import Actor, CodedArticle, Event, PubDate
from grotius.store.schema import ACTOR_FIELDS

_DATE_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=65536)  # event dates repeat a lot within a collection
def date_range(value: str | None) -> tuple[date | None, date | None]:
    """First and last day a TIMEX3/ISO value can mean (``2021-12`` -> Dec 1..31); (None, None)
    for values without a calendar date (``P2W``, ``PRESENT_REF``, ``XXXX-WXX-4``)."""
    m = _DATE_PREFIX.match(value or "")
    if not m:
        return None, None
    try:
        pub = PubDate.parse(m.group(0))
    except ValueError:
        return None, None
    return pub.first_day, pub.last_day


def actor_label(actor: Actor | None) -> str:
    """What identifies an actor across articles: its code, else its name, else its words."""
    if actor is None:
        return ""
    return actor.code or actor.name or " ".join(actor.text.lower().split())


def event_key(event: Event) -> str:
    """The same real-world event from several articles gets the same key: same date, same
    actors, same CAMEO code (GDELT merges on the same fields, plus place)."""
    parts = (event.date.value, actor_label(event.source), actor_label(event.target), event.cameo)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:20]


def outlet(url: str | None, source: str | None) -> str | None:
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return source


def _actor_cols(role: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{role}_{f}": getattr(actor, f) if actor else None for f in ACTOR_FIELDS}


def document_row(coded: CodedArticle, coded_flag: bool, now: datetime) -> dict[str, Any]:
    doc = coded.document
    first, last = (doc.published.first_day, doc.published.last_day) if doc.published else (None, None)
    return {
        "id": doc.id,
        "record_id": doc.meta.get("record_id"),
        "source": doc.source,
        "outlet": outlet(doc.url, doc.source),
        "url": doc.url,
        "title": doc.title,
        "lang": doc.lang,
        "published": str(doc.published) if doc.published else None,
        "date_precision": doc.published.precision if doc.published else None,
        "date_first": first,
        "date_last": last,
        "text": doc.text,
        "n_chars": len(doc.text),
        "coded": coded_flag,
        "cluster_id": doc.id,
        "near_duplicate_of": None,
        "similarity": None,
        "minhash": None,
        "ingested_at": now,
    }


def event_row(event: Event, doc_id: str, now: datetime, key: str | None = None) -> dict[str, Any]:
    first, last = date_range(event.date.value)
    return {
        "id": key or event_key(event),
        "date": event.date.value,
        "date_first": first,
        "date_last": last,
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        **_actor_cols("source", event.source),
        **_actor_cols("target", event.target),
        "first_doc_id": doc_id,
        "added_at": now,
    }


def mention_row(event: Event, doc_id: str, idx: int, key: str | None = None) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "idx": idx,
        "event_id": key or event_key(event),
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "trigger": event.trigger,
        "status": event.status,
        "date_basis": event.date.basis,
        "rule": event.rule,
        "source_start": event.source.start if event.source else None,
        "source_end": event.source.end if event.source else None,
        "target_start": event.target.start if event.target else None,
        "target_end": event.target.end if event.target else None,
        "reported_by_code": event.reported_by.code if event.reported_by else None,
        "reported_by_name": event.reported_by.name if event.reported_by else None,
        "detail": event.provenance.detail or None if event.provenance else None,
    }


def child_rows(coded: CodedArticle) -> dict[str, list[dict[str, Any]]]:
    """Rows of the per-document tables (sentences, actors, quotes, timexes)."""
    doc_id = coded.document.id
    return {
        "sentences": [{"doc_id": doc_id, "idx": i, "start": s, "end": e} for i, (s, e) in enumerate(coded.sentences)],
        "actors": [
            {"doc_id": doc_id, "idx": i, "start": a.start, "end": a.end, "text": a.text, "code": a.code,
             "country": a.country, "org": a.org, "sector": a.sector, "name": a.name, "entry": a.entry, "via": a.via}
            for i, a in enumerate(coded.actors)
        ],
        "quotes": [
            {"doc_id": doc_id, "idx": i, "start": q.start, "end": q.end, "text": q.text, "direct": q.direct,
             **_actor_cols("speaker", q.speaker),
             "reported_by_code": q.reported_by.code if q.reported_by else None, "rule": q.rule}
            for i, q in enumerate(coded.quotes)
        ],
        "timexes": [
            {"doc_id": doc_id, "idx": i, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
             "value": t.value, "rule": t.rule}
            for i, t in enumerate(coded.timexes)
        ],
    }
