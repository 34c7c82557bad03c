"""Time expressions: extraction, TIMEX3 normalisation and resolution against an anchor of any
precision. The engine is language-independent; the words and patterns are data in
``lang/<lang>/time.yaml``.

    tag_timexes(text, anchor, lang="nl") -> list[Timex]
    governing_timex(timexes, start, end, pivot) / event_date(...) for dating an event's clause

Two values per expression. ``value`` is TIMEX3 resolved against the anchor (``donderdag`` ->
``2021-12-30``); ``timex`` is the value as the text itself says it, no anchor applied, in the
TIMEX3/Recognizers-Text form (``XXXX-10-02``, ``XXXX-WXX-4``, ``T08:40``, ``XXXX-WXX-4TEV``, ``SU``,
``XXXX-06-WXX-7-3``, ``(XXXX-11-19,XXXX-11-20,P1D)``); expressions that only exist relative to the
anchor (``gisteren``, ``over twee weken``) and fully specified ones have ``timex == value``.

Bare clock times ("om 8.40 uur" with no day named in the sentence) keep ``value = T08:40``: the
text does not say which day, and a news anchor is only when it was written (a Monday paper's "om
8.40 uur" is often Sunday's). That follows the rule used throughout (say what the text leaves open
rather than invent a day; a month anchor gives ``2021-12``, not the 15th), and it is what
Recognizers-Text gives (Timex ``T08:40``, resolution ``08:40:00``) even under a date-time anchor.
TimeBank-style tagging would write ``2016-11-07T08:40``; Duckling resolves to the next such time.
The event coder needs a day and takes the publication date for such a clause, recorded as
``basis: publication``. A day named earlier in the same sentence does date it ("op 3 mei ... om
15.00 uur" -> ``2021-05-03T15:00``). An anchor with a time of day other than midnight is different:
it is the moment the text was said (a message, a transcript), and "om drie uur" then means the next
such time, ``2013-02-12T15`` at 04:30 (Duckling's reading); a date, or a date stamped at exactly
00:00:00 (how a bare date is usually serialised), names no moment. Clock ranges keep their ends as
said. Figures (benchmarks/time_eval.py, value = Timex or a resolution, dev part): dating under a
moment anchor took Recognizers 0.838 -> 0.826 (its gold never dates a bare time) and Duckling
0.617 -> 0.774; dating under every exact anchor would cost Recognizers far more (TimeParser 0.882
-> 0.000, all at midnight). News anchors (a PubDate) carry no clock, so articles are unaffected.
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
