"""Ranges: two resolved expressions joined by a range word ("van 2014 tot 2018", "13:00-15:00",
"tussen maandag en woensdag") become one value ``(start,end,length)``, the TIMEX3 range form the
Recognizers-Text suite also uses: ``start`` and ``end`` are the starts of the two named periods.
Also the windows "binnen vijf dagen", "de komende drie weken", "de afgelopen twee jaar".

Language-independent: the words that join two expressions are data (``joins`` in time.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from grotius.resolve.time import dates

_CLOCK = re.compile(r"^(?:(\d{4}-\d{2}-\d{2}))?T(\d{2})(?::(\d{2})(?::(\d{2}))?)?$")
_PM = {"AF", "EV"}


@dataclass
class Point:
    """One end of a range: ``kind`` "clock" (a time of day, ``day`` None when undated) or "date"."""

    kind: str
    start: datetime
    day: date | None
    text: str  # the value's clock part as written ("T05", "T18:00"); empty for dates
    grain: str  # "D" | "W" | "M" | "Y" for dates


def parse_point(value: str) -> Point | None:
    """The start of the period a resolved value names, or None for what cannot end a range."""
    if m := _CLOCK.match(value):
        day = date.fromisoformat(m[1]) if m[1] else None
        t = time(int(m[2]) % 24, int(m[3] or 0), int(m[4] or 0))
        return Point("clock", datetime.combine(day or date(2000, 1, 1), t), day, value[value.index("T") :], "")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = date.fromisoformat(value)
            return Point("date", datetime.combine(d, time()), d, "", "D")
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Point("date", datetime.combine(d, time()), None, "", "W")
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return Point("date", datetime(int(m[1]), int(m[2]), 1), None, "", "M")
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return Point("date", datetime(int(m[1]), 3 * int(m[2]) - 2, 1), None, "", "M")
        if re.fullmatch(r"\d{4}", value):
            return Point("date", datetime(int(value), 1, 1), None, "", "Y")
    except ValueError:
        return None
    return None


def _hour_text(p: Point, hour: int) -> str:
    """The clock part with a new hour, keeping the minutes as written."""
    return f"T{hour:02d}" + p.text[3:]


def clock_range(
    a: Point, b: Point, a_part: str | None, b_part: str | None, a_ambiguous: bool, b_ambiguous: bool
) -> str:
    """``(T13:30,T16,PT2H30M)``: a part of day said once covers both ends ("van 1 's middags tot 4",
    "tussen 5 en 6 's avonds"); an end before its start on a 12-hour clock moves to the afternoon
    ("van 11:00 tot 3"), else to the next day."""
    ah, bh = a.start.hour, b.start.hour
    if b_part in _PM and a_part is None and a_ambiguous and ah + 12 <= bh:
        ah += 12
    else:
        pm_said = a_part in _PM and b_part is None and b_ambiguous and bh < 12 and bh + 12 > ah
        wraps = a_part is None and b_part is None and a_ambiguous and b_ambiguous and bh < ah < bh + 12
        if pm_said or wraps:
            bh += 12
    lo = a.start.replace(hour=ah)
    hi = b.start.replace(hour=bh)
    if a.day is not None and b.day is None:
        hi = datetime.combine(a.day, hi.time())
    elif b.day is not None and a.day is None:
        lo = datetime.combine(b.day, lo.time())
    if hi <= lo and (b.day is None or b.day == a.day):
        hi += timedelta(days=1)
    length = _clock_length(hi - lo)
    a_txt, b_txt = _hour_text(a, ah), _hour_text(b, bh)
    if a.day is None and b.day is None:
        return f"({a_txt},{b_txt},{length})"
    return f"({lo.date().isoformat()}{a_txt},{hi.date().isoformat()}{b_txt},{length})"


def _clock_length(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    seconds = int(delta.total_seconds()) % 60
    h, m = divmod(minutes, 60)
    out = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{seconds}S" if seconds else "")
    return out if out != "PT" else "PT0M"


def date_range(a: Point, b: Point, b_open_year: bool, b_weekday: bool) -> str | None:
    """``(2014-01-01,2018-01-01,P4Y)``. An end without its own year that falls before the start is
    the next one ("van november tot maart"); a bare weekday end is the next such day."""
    lo, hi = a.start.date(), b.start.date()
    if hi < lo and b_weekday:
        hi += timedelta(days=7 * ((lo - hi).days // 7 + 1))
    elif hi < lo and b_open_year:
        hi = hi.replace(year=hi.year + 1 + (lo.year - hi.year - 1 if lo.year > hi.year + 1 else 0))
    if hi < lo:
        return None
    if a.grain == b.grain == "W":
        return f"({lo.isoformat()},{hi.isoformat()},P{(hi - lo).days // 7}W)"
    if a.grain in ("M", "Y") and b.grain in ("M", "Y"):
        return _month_range(lo, hi)
    return f"({lo.isoformat()},{hi.isoformat()},P{(hi - lo).days}D)"


def _month_range(lo: date, hi: date) -> str:
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    length = f"P{months // 12}Y" if months % 12 == 0 and months else f"P{months}M"
    return f"({lo.isoformat()},{hi.isoformat()},{length})"


# --- windows: "binnen vijf dagen", "de komende drie weken", "de afgelopen twee jaar" -------------

_ROLLING = ("D", "W", "M", "Y")  # "de afgelopen twee jaar": a stretch ending today, not whole calendar years


def window(moment: datetime, amount: float, unit: str, sign: int, from_now: bool) -> str:
    """A stretch of ``amount`` units next to the anchor. ``from_now`` ("binnen") starts at the
    anchor itself. "De komende/afgelopen" N days, weeks, months or years roll from the anchor's day:
    back from it, or on from the next day (as Recognizers-Text resolves them; a news reader's "de
    afgelopen twee jaar" in November includes this year, which whole calendar years, Duckling's
    reading, would leave out). Quarters, decades and centuries stay whole calendar units, counted
    from the next one or back from the current one ("de afgelopen twee kwartalen" are reported ones)."""
    if unit in ("H", "MIN", "S"):
        delta = dates.clock_delta(amount, unit)
        lo, hi = (moment, moment + delta) if sign > 0 else (moment - delta, moment)
        return f"({dates.fmt_datetime(lo)},{dates.fmt_datetime(hi)},{dates.fmt_duration(amount, unit)})"
    day = moment.date()
    length = dates.fmt_duration(amount, unit)
    if from_now:
        lo, hi = (day, dates.shift(day, amount, unit)) if sign > 0 else (dates.shift(day, -amount, unit), day)
        return f"({lo.isoformat()},{hi.isoformat()},{length})"
    if unit in _ROLLING:
        if sign > 0:
            lo = day + timedelta(days=1)
            hi = dates.shift(lo, amount, unit)
        else:
            lo, hi = dates.shift(day, -amount, unit), day
        return f"({lo.isoformat()},{hi.isoformat()},{length})"
    start = _unit_start(day, unit)
    if sign > 0:
        lo = dates.shift(start, 1, unit) if unit != "D" else day + timedelta(days=1)
        hi = dates.shift(lo, amount, unit)
    else:
        hi = start
        lo = dates.shift(hi, -amount, unit)
    return f"({lo.isoformat()},{hi.isoformat()},{length})"


def _unit_start(d: date, unit: str) -> date:
    if unit in ("W", "WE"):
        return d - timedelta(days=d.isoweekday() - 1)
    if unit == "M":
        return d.replace(day=1)
    if unit == "Q":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if unit == "Y":
        return date(d.year, 1, 1)
    if unit == "DE":
        return date(d.year // 10 * 10, 1, 1)
    if unit == "CE":
        return date(d.year // 100 * 100, 1, 1)
    return d
