"""Event date: the time expression governing the trigger's clause, else the publication date."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from grotius.datamodel import EventDate, PubDate, Timex

# the calendar part of a TIMEX3 value at any precision: day, month, ISO week (-day), quarter, half,
# season; a clock time's part after "T" is dropped
_DAY = re.compile(r"^\d{4}(?:-W\d{2}(?:-\d)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI)|-\d{2}(?:-\d{2})?)?")
DATED_TYPES = {"DATE", "TIME"}


def _value(timex: Timex) -> str | None:
    m = _DAY.match(timex.value)
    return m.group(0) if m else None


def event_date(tok: Token, sent: Span, timexes: list[Timex], published: PubDate | None) -> EventDate:
    """A timex in the trigger's sentence whose head hangs on the trigger's chain wins; else the
    nearest dated timex in the same sentence; else the publication date."""
    doc = tok.doc
    chain = {tok.i}
    t = tok
    while t.head.i != t.i:
        t = t.head
        chain.add(t.i)
    best: tuple[int, Timex] | None = None
    for tx in timexes:
        if tx.type not in DATED_TYPES or not (sent.start_char <= tx.start < sent.end_char) or not _value(tx):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        governed = span.root.head.i in chain or span.root.i in chain
        distance = min(abs(span.start - tok.i), abs(span.end - tok.i))
        score = distance - (100 if governed else 0)
        if best is None or score < best[0]:
            best = (score, tx)
    if best is not None:
        return EventDate(_value(best[1]) or best[1].value, "text", best[1])
    return EventDate(str(published) if published else "", "publication")
