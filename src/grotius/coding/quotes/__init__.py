"""Quotes and sources: who said what, and on whose authority.

``find_quotes(doc, actors, lang)`` returns direct quotes (quotation marks) and indirect speech
(`X zei dat ...`, `volgens X ...`) as :class:`grotius.datamodel.Quote` records (subclass
:class:`FoundQuote`, which also knows the reportive hedge and the cue). ``reported_span_at`` tells
the event coder whether a character lies in reported content, and whose. ``speakers_side`` re-reads
`we` inside a direct quote as the speaker's own side.
"""

from __future__ import annotations

from collections.abc import Iterable

from grotius.coding.quotes.context import FoundQuote, clauses
from grotius.coding.quotes.finder import find_quotes
from grotius.coding.quotes.voice import speakers_side
from grotius.datamodel import Quote

__all__ = ["FoundQuote", "clauses", "find_quotes", "reported_span_at", "reported_span_for", "speakers_side"]


def reported_span_at(quotes: Iterable[Quote], char: int) -> Quote | None:
    """The innermost quote whose content contains ``char`` (its speaker is the event's source of
    report, its ``reported_by`` the second layer), else None."""
    inside = [q for q in quotes if q.start <= char < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def reported_span_for(quotes: Iterable[Quote], start: int, end: int) -> Quote | None:
    """The innermost quote containing the whole range [start, end) (an event trigger), else None."""
    inside = [q for q in quotes if q.start <= start and end <= q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None
