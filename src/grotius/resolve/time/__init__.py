"""Time expressions: extraction, TIMEX3 normalisation and resolution against an anchor of any
precision. The engine is language-independent; the words and patterns are data in
``lang/<lang>/time.yaml``.

    tag_timexes(text, anchor, lang="nl") -> list[Timex]
    governing_timex(timexes, start, end, pivot) / event_date(...) for dating an event's clause
"""

from __future__ import annotations

from functools import cache

from grotius.datamodel import PubDate, Timex
from grotius.resolve.time.anchor import Anchor
from grotius.resolve.time.select import event_date, governing_timex, timexes_in_range
from grotius.resolve.time.tagger import Tagger

__all__ = ["Anchor", "Tagger", "event_date", "governing_timex", "tag_timexes", "tagger", "timexes_in_range"]


@cache
def tagger(lang: str = "nl") -> Tagger:
    """The compiled tagger for a language (built once per process)."""
    return Tagger(lang)


def tag_timexes(text: str, anchor: str | PubDate | Anchor | None, lang: str = "nl") -> list[Timex]:
    """Every time expression in ``text``, sorted by offset, its value resolved against ``anchor``
    (``2021-12``, ``2021-12-30``, ``2016-11-07T16:12:00``, a PubDate, or None for no anchor).
    ``rule`` names the data entry that matched ("nl/time.yaml#<id>")."""
    return tagger(lang).tag(text, anchor)
