"""Helpers for the event coder: which time expression dates a clause, and the event's date."""

from __future__ import annotations

from grotius.datamodel import EventDate, PubDate, Timex

# Values that place nothing on the calendar.
_VAGUE = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def timexes_in_range(timexes: list[Timex], start: int, end: int) -> list[Timex]:
    """The expressions lying wholly inside [start, end) (character offsets), in text order."""
    return [t for t in timexes if t.start >= start and t.end <= end]


def governing_timex(timexes: list[Timex], start: int, end: int, pivot: int | None = None) -> Timex | None:
    """The DATE/TIME expression that dates a clause spanning [start, end): of those inside it, the one
    nearest the pivot (the event trigger's offset), preferring calendar values over vague ones."""
    inside = [t for t in timexes_in_range(timexes, start, end) if t.type in ("DATE", "TIME") and t.value]
    if not inside:
        return None
    ref = start if pivot is None else pivot

    def key(t: Timex) -> tuple[bool, int]:
        dist = 0 if t.start <= ref < t.end else min(abs(t.start - ref), abs(t.end - ref))
        return (t.value in _VAGUE, dist)

    return min(inside, key=key)


def event_date(
    timexes: list[Timex], start: int, end: int, published: PubDate | None, pivot: int | None = None
) -> EventDate | None:
    """The date of an event whose clause spans [start, end): the governing expression's value
    (basis "text"), else the publication date (basis "publication"), else None."""
    t = governing_timex(timexes, start, end, pivot)
    if t is not None and t.value not in _VAGUE:
        return EventDate(t.value, "text", t)
    if published is not None:
        return EventDate(str(published), "publication")
    return None
