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


def _actor_values(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None] * len(ACTOR_FIELDS)
    return [actor.text, actor.code, actor.country, actor.org, actor.sector, actor.name]  # ACTOR_FIELDS order


# The writer builds rows as lists in these column orders (no dict per row: measured ~15% of a batch);
# the dict functions below are the same rows with names, for readers and the benchmark baseline.
DOCUMENT_COLUMNS = ("id", "record_id", "source", "outlet", "url", "title", "lang", "published", "date_precision",
                    "date_first", "date_last", "text", "n_chars", "coded", "cluster_id", "near_duplicate_of",
                    "similarity", "minhash", "ingested_at")
EVENT_COLUMNS = ("id", "date", "date_first", "date_last", "cameo", "cameo_root", "plover", "quad_class", "goldstein",
                 *(f"source_{f}" for f in ACTOR_FIELDS), *(f"target_{f}" for f in ACTOR_FIELDS),
                 "first_doc_id", "added_at")
MENTION_COLUMNS = ("doc_id", "idx", "event_id", "sentence", "start", "end", "trigger", "status", "date_basis", "rule",
                   "source_start", "source_end", "target_start", "target_end", "reported_by_code",
                   "reported_by_name", "detail")
CHILD_COLUMNS = {
    "sentences": ("doc_id", "idx", "start", "end"),
    "actors": ("doc_id", "idx", "start", "end", "text", "code", "country", "org", "sector", "name", "entry", "via"),
    "quotes": ("doc_id", "idx", "start", "end", "text", "direct", *(f"speaker_{f}" for f in ACTOR_FIELDS),
               "reported_by_code", "rule"),
    "timexes": ("doc_id", "idx", "start", "end", "text", "type", "value", "rule"),
}


def document_values(coded: CodedArticle, coded_flag: bool, now: datetime) -> list[Any]:
    doc = coded.document
    pub = doc.published
    first, last = (pub.first_day, pub.last_day) if pub else (None, None)
    return [doc.id, doc.meta.get("record_id"), doc.source, outlet(doc.url, doc.source), doc.url, doc.title, doc.lang,
            str(pub) if pub else None, pub.precision if pub else None, first, last, doc.text, len(doc.text),
            coded_flag, doc.id, None, None, None, now]


def document_row(coded: CodedArticle, coded_flag: bool, now: datetime) -> dict[str, Any]:
    return dict(zip(DOCUMENT_COLUMNS, document_values(coded, coded_flag, now), strict=True))


def event_values(event: Event, doc_id: str, now: datetime, key: str | None = None) -> list[Any]:
    first, last = date_range(event.date.value)
    return [key or event_key(event), event.date.value, first, last, event.cameo, event.cameo_root, event.plover,
            event.quad_class, event.goldstein, *_actor_values(event.source), *_actor_values(event.target), doc_id, now]


def event_row(event: Event, doc_id: str, now: datetime, key: str | None = None) -> dict[str, Any]:
    return dict(zip(EVENT_COLUMNS, event_values(event, doc_id, now, key), strict=True))


def mention_values(event: Event, doc_id: str, idx: int, key: str | None = None) -> list[Any]:
    src, tgt, rep = event.source, event.target, event.reported_by
    return [doc_id, idx, key or event_key(event), event.sentence, event.start, event.end, event.trigger, event.status,
            event.date.basis, event.rule, src.start if src else None, src.end if src else None,
            tgt.start if tgt else None, tgt.end if tgt else None, rep.code if rep else None,
            rep.name if rep else None, event.provenance.detail or None if event.provenance else None]


def mention_row(event: Event, doc_id: str, idx: int, key: str | None = None) -> dict[str, Any]:
    return dict(zip(MENTION_COLUMNS, mention_values(event, doc_id, idx, key), strict=True))


def child_values(coded: CodedArticle) -> dict[str, list[list[Any]]]:
    """Rows of the per-document tables (sentences, actors, quotes, timexes), in CHILD_COLUMNS order."""
    doc_id = coded.document.id
    return {
        "sentences": [[doc_id, i, s, e] for i, (s, e) in enumerate(coded.sentences)],
        "actors": [[doc_id, i, a.start, a.end, a.text, a.code, a.country, a.org, a.sector, a.name, a.entry, a.via]
                   for i, a in enumerate(coded.actors)],
        "quotes": [[doc_id, i, q.start, q.end, q.text, q.direct, *_actor_values(q.speaker),
                    q.reported_by.code if q.reported_by else None, q.rule] for i, q in enumerate(coded.quotes)],
        "timexes": [[doc_id, i, t.start, t.end, t.text, t.type, t.value, t.rule] for i, t in enumerate(coded.timexes)],
    }


def child_rows(coded: CodedArticle) -> dict[str, list[dict[str, Any]]]:
    """Rows of the per-document tables (sentences, actors, quotes, timexes)."""
    return {name: [dict(zip(CHILD_COLUMNS[name], r, strict=True)) for r in rs]
            for name, rs in child_values(coded).items()}
