"""Calendar arithmetic and TIMEX3 value formatting: no language here, only dates."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

WEEKDAY_NAMES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) ISO weekday (1=Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


_HIJRI_EPOCH = date(622, 7, 18).toordinal()  # 1 Muharram AH 1, tabular calendar, astronomical epoch


def hijri(year: int, month: int, day: int) -> date:
    """A day of the arithmetic Islamic calendar (30-year cycle, 11 leap years). Observed feasts
    follow the moon and may fall a day either side; the tabular day is the usual estimate."""
    days = (year - 1) * 354 + (3 + 11 * year) // 30 + (59 * (month - 1) + 1) // 2 + day - 1
    return date.fromordinal(_HIJRI_EPOCH + days)


def hijri_in(year: int, month: int, day: int) -> date:
    """The first time that Islamic month and day falls in a Gregorian ``year``."""
    ah = int((year - 622) * 33 / 32)  # a little below the Islamic year that starts in ``year``
    for y in range(ah - 1, ah + 3):
        d = hijri(y, month, day)
        if d.year == year:
            return d
    return hijri(ah + 1, month, day)


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, amount: float, unit: str) -> date:
    """Move a date by a signed number of calendar units (D, W, M, Q, Y, WE, DE, CE) or business days (BD:
    Monday to Friday, a weekend day is skipped)."""
    if unit in ("D",):
        return d + timedelta(days=round(amount))
    if unit == "BD":
        step, left = (1 if amount >= 0 else -1), abs(round(amount))
        while left:
            d += timedelta(days=step)
            left -= d.isoweekday() < 6
        return d
    if unit in ("W", "WE"):
        return d + timedelta(days=round(7 * amount))
    if unit == "M":
        return add_months(d, round(amount))
    if unit == "Q":
        return add_months(d, round(3 * amount))
    if unit == "Y":
        return add_months(d, round(12 * amount))
    if unit == "DE":
        return add_months(d, round(120 * amount))
    if unit == "CE":
        return add_months(d, round(1200 * amount))
    raise ValueError(f"not a calendar unit: {unit}")


def clock_delta(amount: float, unit: str) -> timedelta:
    return {"H": timedelta(hours=amount), "MIN": timedelta(minutes=amount), "S": timedelta(seconds=amount)}[unit]


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def fmt_month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def fmt_unit(d: date, unit: str) -> str:
    """The TIMEX3 value of the calendar unit (week, month, ...) that contains ``d``."""
    if unit == "D":
        return fmt_day(d)
    if unit == "W":
        return fmt_week(d)
    if unit == "WE":
        return fmt_week(d) + "-WE"
    if unit == "M":
        return fmt_month(d)
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(f"not a calendar unit: {unit}")


def fmt_datetime(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


def fmt_clock(hour: int, minute: int | None = None, second: int | None = None) -> str:
    text = f"T{hour:02d}"
    if minute is not None and (minute or second):
        text += f":{minute:02d}"
        if second:
            text += f":{second:02d}"
    elif minute is not None:
        text += ":00"
    return text


def fmt_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


_CLOCK_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def fmt_duration(amount: float | None, unit: str) -> str:
    """``P2W``, ``PT50M``, ``P1.5Y``, ``PXY`` (unknown amount)."""
    n = "X" if amount is None else fmt_number(amount)
    if unit in _CLOCK_UNITS:
        return f"PT{n}{_CLOCK_UNITS[unit]}"
    if unit == "Q":
        return f"P{'X' if amount is None else fmt_number(3 * amount)}M"
    return f"P{n}{unit}"


def month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def describe_interval(lo: date, hi: date) -> str:
    """The finest TIMEX3 value that honestly covers [lo, hi]: a day, else the month holding most of
    it (for spans up to two months), else a year."""
    if lo == hi:
        return fmt_day(lo)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return fmt_month(lo)
    if (hi - lo).days <= 62:
        counts: dict[tuple[int, int], int] = {}
        d = lo
        while d <= hi:
            counts[(d.year, d.month)] = counts.get((d.year, d.month), 0) + 1
            d += timedelta(days=1)
        y, m = max(counts, key=lambda k: (counts[k], k))
        return f"{y:04d}-{m:02d}"
    if lo.year == hi.year:
        return f"{lo.year:04d}"
    mid = lo + (hi - lo) / 2
    return f"{mid.year:04d}"
