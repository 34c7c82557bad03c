"""From one rule match to a Mention: read the named groups into fields, then compute the TIMEX3
value against the anchor. What cannot be decided from the match alone (a bare weekday under a
month-precision anchor, "de dag erna") is left ``pending`` for the document pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from grotius.resolve.time import dates, ranges
from grotius.resolve.time.anchor import Anchor
from grotius.resolve.time.grammar import Grammar, Rule, norm_word

# Hours a part of the day pushes into the afternoon/evening.
_PM_PARTS = {"AF", "EV"}
_DAY_UNITS = {"D", "W", "WE"}
_CLOCK_UNITS = {"H", "MIN", "S"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# A day and month said with no tense ("aldus Trouw (22 maart)") that fell within a month before the
# anchor is that recent day; further back it is the coming one (Duckling's reading, and a schedule's:
# "Hij komt op 2 oktober" in a November paper is next year's)
_RECENT_DAYS = 31


@dataclass
class Mention:
    start: int
    end: int
    type: str
    rule: str
    kind: str
    f: dict[str, Any] = field(default_factory=dict)
    value: str | None = None
    pending: str | None = None  # "weekday" | "dagrel": resolved by the document pass
    day: date | None = None  # the day the value names, when it names one
    timex: str | None = None  # the value as the text says it (XXXX-10-02, T08:40); None: the same as ``value``

    @property
    def length(self) -> int:
        return self.end - self.start


def _num(g: Grammar, text: str | None) -> float | None:
    if text is None:
        return None
    t = text.strip().replace(",", ".")
    try:
        return float(t)
    except ValueError:
        hit = g.lookup("num", t)
        return None if hit is None or hit[0] is None else float(hit[0])


class Unreadable(ValueError):
    """A matched word its class does not know: the candidate is dropped, never a crash."""


def _word(g: Grammar, cls: str, text: str) -> Any:
    hit = g.lookup(cls, text)
    if hit is None:
        raise Unreadable(f"{cls}: {text!r}")
    return hit[0]


def read_fields(g: Grammar, groups: dict[str, str | None]) -> dict[str, Any]:
    """Turn the named groups of a match into typed fields (month number, weekday 1-7, ...)."""
    f: dict[str, Any] = {}
    for key, text in groups.items():
        if text is None:
            continue
        if key in ("day", "hour", "minute", "second", "qnum", "weeknum", "int", "minsd", "int2", "day1"):
            f[key] = int(text)
        elif key in ("month", "month1"):
            f[key] = int(text) if text.isdigit() else _word(g, "month", text)
        elif key in ("dayw", "day1w"):  # a day in words: "twaalf juni", "van negen tot twaalf juni"
            n = _num(g, text)
            if n is None or not n.is_integer() or not 1 <= n <= 31:
                f["bad"] = True
            else:
                f["day1" if key == "day1w" else "day"] = int(n)
        elif key in ("nth", "yearmod"):
            hit = g.lookup("ordinal" if key == "nth" else "mod", text)
            f[key] = hit[0] if hit else None
        elif key in ("year", "year2x"):
            y = int(text) if text.isdigit() else spelled_year(g, text)
            if y is None:
                f["bad"] = True
            else:
                f["year"] = y
        elif key == "year2":
            y = int(text)
            f["year"] = 2000 + y if y < 50 else 1900 + y
        elif key in ("weekday", "weekdays"):
            f["weekday"] = _word(g, key, text)
        elif key in ("daypart", "daypartadv", "dpa2", "daypartpl"):
            cls = key if key in ("daypart", "daypartpl") else "daypartadv"
            f["daypart"] = _word(g, cls, text)
        elif key == "reldaypart":
            off, part = str(_word(g, key, text)).split()
            f["relday"], f["daypart"] = int(off), part
        elif key in ("relday", "mod", "mod2", "weekmod", "ordinal", "decadeword", "every", "present", "vague"):
            hit = g.lookup(key.rstrip("2") if key == "mod2" else key, text)
            f[key] = hit[0] if hit else None
        elif key in ("unit", "unitonly", "unit2"):
            f["unit2" if key == "unit2" else "unit"] = _word(g, "unit", text)
        elif key in ("num", "num2", "hourw", "minw", "mins"):
            f[key] = _num(g, text)
            f[key + "_known"] = f[key] is not None
        elif key == "dec":
            f["num"] = float(text.replace(",", "."))
            f["num_known"] = True
        elif key in ("holiday", "season", "freq", "namedtime"):
            f[key] = _word(g, key, text)
        else:
            f[key] = text
    if "int" in f and "num" not in f:
        f["num"], f["num_known"] = float(f["int"]), True
    if "ordinal" in f and f.get("ordinal") is not None and "day" not in f:
        f["day"] = f["ordinal"]
    return f


def spelled_year(g: Grammar, text: str) -> int | None:
    """ "negentienachtentwintig" -> 1928, "tweeduizend achttien" -> 2018, "zeventienhonderdnegenentachtig" -> 1789."""
    spec = g.spelled_year
    t = re.sub(r"\s+", "", text.lower())
    thousand, hundred = spec.get("thousand", ""), spec.get("hundred", "")

    def below(rest: str) -> int | None:
        rest = rest[2:] if rest.startswith("en") and g.lookup("num", rest) is None else rest
        hit = g.lookup("num", rest)
        return hit[0] if hit and isinstance(hit[0], int) and 1 <= hit[0] <= 99 else None

    if thousand and t.startswith(thousand):
        rest = t[len(thousand) :]
        n = below(rest) if rest else 0
        return None if n is None else 2000 + n
    for i in range(3, len(t)):
        hit = g.lookup("num", t[:i])
        if not hit or hit[0] not in spec.get("centuries", ()):
            continue
        rest = t[i:]
        if hundred and rest.startswith(hundred):
            rest = rest[len(hundred) :]
            if not rest:
                return hit[0] * 100
        n = below(rest)
        if n is not None:
            return hit[0] * 100 + n
    return None


# --- year and weekday choice ---------------------------------------------------------------


def _distance(d: date, anchor: Anchor) -> int:
    if d < anchor.lo:
        return (anchor.lo - d).days
    if d > anchor.hi:
        return (d - anchor.hi).days
    return 0


def infer_year(month: int, day: int | None, anchor: Anchor, direction: int) -> int:
    """The year that puts month/day nearest the anchor, on the side the tense points to."""
    best: tuple[int, int] | None = None
    for y in (anchor.lo.year - 1, anchor.lo.year, anchor.lo.year + 1, anchor.hi.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            d = date(y, month, 28)
        if direction > 0 and d < anchor.lo and (day is not None or (y, month) < (anchor.lo.year, anchor.lo.month)):
            continue
        if direction < 0 and d > anchor.hi and (day is not None or (y, month) > (anchor.hi.year, anchor.hi.month)):
            continue
        key = (_distance(d, anchor), y)
        if best is None or key < best:
            best = key
    return best[1] if best else anchor.lo.year


def _unsaid_direction(month: int, day: int, anchor: Anchor) -> int:
    """Which way a day and month with no tense and no modifier lies: back when the last such day is
    within ``_RECENT_DAYS`` before the anchor (news cites recent days without a year), else ahead."""
    back = _safe_date(infer_year(month, day, anchor, -1), month, day)
    return -1 if back is not None and back <= anchor.lo and (anchor.lo - back).days <= _RECENT_DAYS else 1


def _weekday_year(month: int, day: int, weekday: int, anchor: Anchor) -> int | None:
    """The year next to the anchor's in which month/day falls on the weekday the text names (none: a
    mistake in the text, and the year is chosen as without the weekday)."""
    fits = [
        d
        for y in range(anchor.lo.year - 1, anchor.hi.year + 2)
        if (d := _safe_date(y, month, day)) is not None and d.isoweekday() == weekday
    ]
    return min(fits, key=lambda d: (_distance(d, anchor), d.year)).year if fits else None


def weekday_near(ref: date, weekday: int) -> date:
    """The given weekday nearest to ``ref`` (ties go back)."""
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    return ref - timedelta(days=back) if back <= fwd else ref + timedelta(days=fwd)


def weekday_from(anchor_day: date, weekday: int, direction: int, today: bool = False) -> date:
    """Past: the last such day up to today; otherwise the next one after today, or from today when
    ``today`` (a bare "donderdag" in a Thursday's paper is that day; "volgende donderdag" is not)."""
    if direction < 0:
        return anchor_day - timedelta(days=(anchor_day.isoweekday() - weekday) % 7)
    ahead = (weekday - anchor_day.isoweekday()) % 7
    return anchor_day + timedelta(days=ahead if today else ahead or 7)


def day_value(d: date, f: dict[str, Any]) -> str:
    """A day plus whatever time of day the expression gave."""
    return dates.fmt_day(d) + clock_suffix(f)


def clock_suffix(f: dict[str, Any]) -> str:
    if f.get("clock"):
        return str(f["clock"])
    if f.get("hour") is not None or f.get("hourw") is not None:
        return clock_value(f)
    if f.get("daypart"):
        return "T" + f["daypart"]
    return ""


def clock_value(f: dict[str, Any]) -> str:
    hour = f.get("hour")
    if hour is None and f.get("hourw") is not None:
        if not 0 <= f["hourw"] <= 24:  # "naar zesentwintig": no hour of the clock
            return ""
        hour = int(f["hourw"])
    minute = f.get("minute")
    if minute is None and f.get("minw") is not None:
        minute = int(f["minw"])
    if hour is None:
        return ""
    if f.get("half"):
        hour, minute = hour - 1, 30
    offset = f.get("minsd") if f.get("minsd") is not None else f.get("mins")
    if f.get("rel") and (offset is not None or "kwart" in str(f.get("_text", "")).lower()):
        offset = 15 if offset is None else int(offset)
        total = hour * 60 + (minute or 0) + (offset if f["rel"].lower() in ("over", "na") else -offset)
        hour, minute = divmod(total % (24 * 60), 60)
    part = f.get("daypart")
    if part in _PM_PARTS and hour < 12 or part == "NI" and 7 <= hour < 12:
        hour += 12
    if part == "NI" and hour == 12:  # "12 uur 's nachts" is midnight; "12 uur 's ochtends" is noon
        hour = 0
    ampm = str(f.get("ampm") or "").lower()[:1]
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    hour %= 24
    return dates.fmt_clock(hour, minute, f.get("second"))


# --- interpretation per kind -----------------------------------------------------------------


def interpret(
    g: Grammar,
    rule: Rule,
    groups: dict[str, str | None],
    text: str,
    start: int,
    end: int,
    anchor: Anchor | None,
    direction: int,
) -> Mention | None:
    try:
        f = read_fields(g, groups)
    except Unreadable:  # a pattern looser than its word list (an abbreviation with its dot, say)
        return None
    f["_text"] = text
    m = Mention(start, end, rule.type, rule.id, rule.kind, f)
    handler = _HANDLERS[rule.kind]
    if rule.params.get("past"):  # the rule's own context says the day is gone, unless a verb says otherwise
        direction = f["default_direction"] = direction or -1
    handler(m, f, anchor, direction, rule)
    if m.value is None and m.pending is None:
        return None
    if m.kind == "date" and (f.get("hour") is not None or f.get("daypart")) and m.type == "DATE":
        m.type = "TIME"
    return m


def _date(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    if "dagrel" in f:
        m.pending = "dagrel"
        f["offset"] = -1 if "voor" in f["dagrel"].lower() else 1
        return
    if f.get("bad"):
        return
    if f.get("endofday"):  # "aan het eind van de dag", "eind van de zondag": the day's last second
        f["clock"] = "T23:59:59"
        if f.get("relday") is None and f.get("weekday") is None:
            f["relday"] = 0
    if "wkof" in f:
        _nth_week(m, f, a, direction)
        return
    if f.get("lastday"):
        _last_day(m, f, a, direction)
        return
    if "nth" in f or "last" in f:
        _nth_weekday(m, f, a, direction)
        return
    if "day1" in f or "month1" in f:
        _range(m, f, a, direction)
        return
    if f.get("yearmod") is not None and a is not None:
        f["year"] = a.lo.year + f["yearmod"]
    if "weeknum" in f:
        if f.get("year") is None:
            m.timex = f"XXXX-W{f['weeknum']:02d}"
        year = f.get("year") or (a.lo.year if a else None)
        m.value = f"{year:04d}-W{f['weeknum']:02d}" if year else f"XXXX-W{f['weeknum']:02d}"
        return
    if f.get("relday") is not None:
        _relative_day(m, f, a, f["relday"])
        return
    month, day, year = f.get("month"), f.get("day"), f.get("year")
    if day is not None and month is not None:
        if year is None:
            m.timex = f"XXXX-{month:02d}-{day:02d}" + clock_suffix(f)
            if a is None:
                m.value = m.timex
                return
            year = infer_year(month, day, a, f.get("mod") or direction or _unsaid_direction(month, day, a))
            if f.get("weekday") is not None:  # "zondag 10 februari": the year in which that day is a Sunday
                year = _weekday_year(month, day, f["weekday"], a) or year
        try:
            m.day = date(year, month, day)
        except ValueError:
            m.value = f"{year:04d}-{month:02d}-{day:02d}"  # an impossible date stays as written
            return
        m.value = day_value(m.day, f)
        if f.get("weekof"):  # "de week van 15 september": the week (Monday to Sunday) that holds it
            monday = m.day - timedelta(days=m.day.isoweekday() - 1)
            m.value = range_value(monday, monday + timedelta(days=7))
            m.day = None
        return
    if day is not None:  # "vrijdag de 26e", "de 20ste van de volgende maand"
        if f.get("mod") is None:
            m.timex = f"XXXX-XX-{day:02d}" + clock_suffix(f)
        if a is None:
            m.value = f"XXXX-XX-{day:02d}" + clock_suffix(f)
            return
        m.day = _day_in_month(day, f.get("weekday"), f.get("mod"), a, direction or 1)
        m.value = day_value(m.day, f) if m.day else None
        return
    if f.get("weekday") is not None:
        _weekday(m, f, a)
        return
    if month is not None:
        if year is None:
            if f.get("mod") is None:
                m.timex = f"XXXX-{month:02d}"
            if a is None:
                m.value = f"XXXX-{month:02d}"
                return
            mod = f.get("mod")
            year = infer_year(month, None, a, mod if mod else direction)
        m.value = f"{year:04d}-{month:02d}"
        return
    if year is not None:
        m.value = f"{year:04d}"
    elif f.get("daypart") and f.get("mod") is not None:  # "deze avond", "volgende ochtend"
        _relative_day(m, f, a, f["mod"])


def _nth_weekday(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int) -> None:
    n = -1 if f.get("last") else f.get("nth")
    month, year = f.get("month"), f.get("year")
    if not n or a is None and (month is None or year is None):
        return
    if month is not None and year is None:
        m.timex = f"XXXX-{month:02d}-WXX-{f['weekday']}-#{n}" if n > 0 else None
    if month is None:
        base = dates.add_months(a.day, f.get("mod") or 0)  # type: ignore[union-attr]
        month, year = base.month, base.year
    if year is None:
        year = infer_year(month, None, a, direction or 1)  # type: ignore[arg-type]
    try:
        m.day = dates.nth_weekday(year, month, f["weekday"], n)
    except ValueError:
        return
    if m.day.month != month:
        return
    m.value = dates.fmt_day(m.day)


def _last_day(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int) -> None:
    """ "de laatste dag van de maand / van februari / van 2017 / van het jaar": that period's last day."""
    month, year = f.get("month"), f.get("year")
    if a is not None and f.get("yearmod") is not None:
        year = a.lo.year + f["yearmod"]
    if f.get("ofmonth") and a is not None:
        base = dates.add_months(a.lo, f.get("mod") or 0)
        month, year = base.month, base.year
    elif month is not None and year is None and a is not None:
        year = infer_year(month, None, a, direction or 1)
    elif f.get("ofyear") and year is None and a is not None:
        year = a.lo.year
    if year is None:
        return
    m.day = date(year, 12, 31) if month is None else date(year, month, dates.month_days(year, month))
    m.value = dates.fmt_day(m.day)


def _nth_week(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int) -> None:
    """ "de eerste week van 2015" = 2015-W01; "de 3e week van jan" = the ISO week holding 15 January
    (Recognizers: XXXX-01-W03); "de laatste week van dec 2016" = the week holding 31 December."""
    n = -1 if f.get("lastweek") else f.get("nth") or (int(f["nthd"]) if f.get("nthd") else None)
    month, year = f.get("month"), f.get("year")
    if not n:
        return
    if a is not None and f.get("yearmod") is not None:  # "de derde week volgend jaar"
        year = a.lo.year + f["yearmod"]
    elif a is not None and f.get("mod") is not None and month is None:  # "de derde week van deze maand"
        base = dates.add_months(a.lo, f["mod"])
        month, year = base.month, base.year
    if year is None and a is not None:
        year = a.lo.year if f.get("thisyear") or month is None else infer_year(month, None, a, direction or 1)
    if year is None:
        return
    if month is None:
        ref = date(year, 12, 28) if n < 0 else date.fromisocalendar(year, min(n, 52), 1)
        if n > 0 and f.get("year") is None:
            m.timex = None
    else:
        ref = (
            dates.add_months(date(year, month, 1), 1) - timedelta(days=1)
            if n < 0
            else date(year, month, 1) + timedelta(days=7 * (n - 1))
        )
        if ref.month != month:
            return
        if n > 0:
            m.timex = f"{year:04d}-{month:02d}-W{n:02d}" if f.get("year") is not None else f"XXXX-{month:02d}-W{n:02d}"
    iy, iw, _ = ref.isocalendar()
    m.value = f"{iy:04d}-W{iw:02d}"


def _rest(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    """ "de rest van de week": from the anchor day to the unit's last day (Recognizers' convention)."""
    unit = f.get("unit")
    if a is None or not a.exact or unit not in ("D", "W", "M", "Y"):
        return
    day = a.lo
    if unit == "D":  # the rest of today: from the anchor's moment to the day's last second
        last = datetime.combine(day, datetime.max.time()).replace(microsecond=0)
        seconds = int((last - a.moment).total_seconds())
        m.value = f"({dates.fmt_datetime(a.moment)},{dates.fmt_datetime(last)},PT{seconds}S)"
        m.type = "TIME"
        return
    if unit == "W":
        end = day + timedelta(days=7 - day.isoweekday())
    elif unit == "M":
        end = dates.add_months(day.replace(day=1), 1) - timedelta(days=1)
    else:
        end = date(day.year, 12, 31)
    m.value = f"({day.isoformat()},{end.isoformat()},P{(end - day).days}D)"


def _range(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int) -> None:
    """ "19-20 november", "jan-feb 2017": one expression for a stretch of days or months."""
    month, year = f["month"], f.get("year")
    first_month = f.get("month1", month)
    if year is None:
        if "day1" in f and "day" in f:
            m.timex = f"(XXXX-{first_month:02d}-{f['day1']:02d},XXXX-{month:02d}-{f['day']:02d},"
        else:
            m.timex = f"(XXXX-{first_month:02d}-01,XXXX-{month:02d}-01,"
        if a is None:
            m.timex = None
            return
        year = infer_year(month, f.get("day"), a, direction)
    first_year = year - 1 if first_month > month else year
    if f.get("mod") is not None and a is not None:  # "van aanstaande mei tot okt 2020": the first end's own year
        first_year = infer_year(first_month, None, a, f["mod"])
    try:
        if "day1" in f and "day" not in f:  # "van 1 feb tot maart 2019": from a day to a month
            lo, hi = date(first_year, first_month, f["day1"]), date(year, month, 1)
        elif "day1" in f:
            lo, hi = date(first_year, first_month, f["day1"]), date(year, month, f["day"])
        else:
            lo, hi = date(first_year, first_month, 1), date(year, month, 1)
    except ValueError:
        return
    m.value = range_value(lo, hi)
    if m.timex:
        m.timex += m.value.rsplit(",", 1)[1]  # the length, known once the years are


def range_value(lo: date, hi: date) -> str:
    """``(2014-01-01,2018-01-01,P4Y)``: start, end and length of a stretch of time."""
    if lo.day == hi.day == 1:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        length = f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
    else:
        length = f"P{(hi - lo).days}D"
    return f"({lo.isoformat()},{hi.isoformat()},{length})"


def _relative_day(m: Mention, f: dict[str, Any], a: Anchor | None, offset: int) -> None:
    if a is None:
        m.value = "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF")
        return
    if a.exact:
        m.day = a.lo + timedelta(days=offset)
        m.value = day_value(m.day, f)
    else:
        m.value = dates.describe_interval(a.lo + timedelta(days=offset), a.hi + timedelta(days=offset))


def _day_in_month(day: int, weekday: int | None, mod: int | None, a: Anchor, direction: int = 1) -> date | None:
    base = a.day.replace(day=1)
    if mod:
        base = dates.add_months(base, mod)
        return _safe_date(base.year, base.month, day)
    if weekday is not None:  # the nearest month in which that day falls on that weekday
        for k in (0, 1, -1, 2, -2, 3, -3):
            b = dates.add_months(base, k)
            d = _safe_date(b.year, b.month, day)
            if d and d.isoweekday() == weekday:
                return d
    if a.exact and (direction > 0 and day < a.lo.day or direction < 0 and day > a.lo.day):
        base = dates.add_months(base, direction)  # "op de eerste" on the 12th: the coming month's (or the last)
    return _safe_date(base.year, base.month, day)


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _weekday(m: Mention, f: dict[str, Any], a: Anchor | None) -> None:
    wd = f["weekday"]
    mod2, mod = f.get("mod2"), f.get("mod")
    week_mod = mod2 if mod2 is not None else (mod if f.get("wk") else f.get("weekmod"))
    if week_mod is None and mod is None:
        m.timex = f"XXXX-WXX-{wd}" + clock_suffix(f)
    if a is None:
        m.value = f"XXXX-WXX-{wd}" + clock_suffix(f)
        return
    if not a.exact:
        m.pending = "weekday"
        return
    today = a.lo
    if week_mod is not None:
        monday = today - timedelta(days=today.isoweekday() - 1) + timedelta(weeks=week_mod)
        m.day = monday + timedelta(days=wd - 1)
    elif mod is not None:
        if mod == 0:
            m.day = today + timedelta(days=wd - today.isoweekday())
        else:
            m.day = weekday_from(today, wd, mod)
            if mod < 0 and m.day == today:
                m.day -= timedelta(days=7)
    else:
        m.pending = "weekday"
        return
    m.value = day_value(m.day, f)


def _unit_rel(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    if f.get("plural"):  # "de afgelopen weken", "de komende dagen": no number, so no stretch to name
        mod = f.get("mod") or 0
        m.value = m.timex = "PAST_REF" if mod < 0 else "FUTURE_REF" if mod > 0 else "PRESENT_REF"
        return
    unit = f.get("unit")
    if unit is None or unit in _CLOCK_UNITS:
        return
    if f.get("dat"):
        m.value = "XXXX-WXX-WE"
        return
    mod = 2 if f.get("afternext") else (f.get("mod") or 0)
    if rule.params.get("upcoming"):  # the first one still to come: this week's on a weekday
        mod = 1 if a is None or a.exact and a.lo.isoweekday() >= 6 else 0
    if a is None:
        m.value = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}.get(mod, "PRESENT_REF")
        return
    if unit == "WE" and f.get("mod") is None and direction < 0 and a.exact and a.lo.isoweekday() < 6:
        mod = -1  # "in het weekend werd hij opgepakt" in a Monday paper: the weekend just gone ("dit" says this week's)
    lo, hi = dates.shift(a.lo, mod, unit), dates.shift(a.hi, mod, unit)
    v_lo, v_hi = dates.fmt_unit(lo, unit), dates.fmt_unit(hi, unit)
    if v_lo == v_hi:
        m.value = v_lo
        if unit in _DAY_UNITS:
            m.day = None
    else:
        m.value = dates.describe_interval(lo, hi)


def quarter_hours(f: dict[str, Any]) -> None:
    """ "een kwartier", "over drie kwartier", "een halfuur": the amount counted in quarters (halves) of an
    hour becomes minutes, the same way for a duration and a move from the anchor ("kwartier" alone is
    one quarter, not one minute)."""
    minutes = 15 if f.pop("kwartier", None) else 30 if f.pop("halfuur", None) else 0
    if not minutes:
        return
    f["unit"] = "MIN"
    if f.get("num_known", True):
        f["num"], f["num_known"] = minutes * (f["num"] if f.get("num") is not None else 1.0), True


def _business_days(f: dict[str, Any]) -> None:
    """ "vier werkdagen": the unit is the business day (TIMEX3/Recognizers ``BD``)."""
    if f.pop("bd", None):
        f["unit"] = "BD"


def _offset(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    quarter_hours(f)
    _business_days(f)
    if rule.params.get("not_past") and direction < 0:
        return  # a past clause: "in drie dagen" says how long it took; the plain duration takes the span
    unit = f["unit"]
    known = f.get("num_known", "num" in f) if "num" in f else True
    amount = f.get("num") if "num" in f else 1.0
    sign = int(rule.params.get("sign", 1))
    if f.get("rdir"):
        sign = -1 if f["rdir"].lower() in ("voor", "vóór") else 1
    f["amount"], f["sign"] = amount, sign
    if a is None or not known or amount is None:
        m.value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return
    base_off = f.get("relday") or 0  # "drie dagen na morgen"
    if unit in _CLOCK_UNITS and a.exact and a.clock is None:
        # a day with no time of day (a news date): "twee uur later" is that day, "30 uur later" the next;
        # a clock time counted from midnight would be invented
        whole_days = int(dates.clock_delta(amount, unit) / timedelta(days=1))
        m.day = a.lo + timedelta(days=base_off + sign * whole_days)
        m.value, m.type = dates.fmt_day(m.day), "DATE"
        return
    if unit in _CLOCK_UNITS:
        moment = a.moment + timedelta(days=base_off) + sign * dates.clock_delta(amount, unit)
        m.value = dates.fmt_datetime(moment) if a.exact else dates.describe_interval(moment.date(), moment.date())
        m.type = "TIME" if a.exact else "DATE"
        return
    lo = dates.shift(a.lo + timedelta(days=base_off), sign * amount, unit)
    hi = dates.shift(a.hi + timedelta(days=base_off), sign * amount, unit)
    if lo == hi and unit in _DAY_UNITS | {"M", "Y", "BD"}:  # "over drie jaar" from a known day: that day
        m.day = lo
        m.value = dates.fmt_day(lo)
    elif dates.fmt_unit(lo, unit) == dates.fmt_unit(hi, unit):
        m.value = dates.fmt_unit(lo, unit)  # "drie jaar geleden": a year, not a day
    else:
        m.value = dates.describe_interval(lo, hi)


def _window(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    """ "binnen vijf dagen", "de komende drie weken", "de afgelopen twee jaar": a range next to the
    anchor; without an exact anchor (or a clock for hours) only the length is known."""
    unit = f.get("unit")
    if unit is None:
        return
    amount = f.get("num", 1.0) if f.get("num_known", True) else None
    mod = f.get("mod")
    sign = -1 if f.get("last") or (mod is not None and mod < 0) else 1
    if f.get("future") or f.get("past"):  # the words say which way: "in de toekomst" / "in het verleden"
        sign = 1 if f.get("future") else -1
    from_now = bool(rule.params.get("from_now"))  # "binnen": from this moment, not whole units
    f["amount"] = amount
    if a is None or not a.exact or amount is None or unit in _CLOCK_UNITS and a.clock is None:
        m.type, m.kind = "DURATION", "duration"
        m.value = dates.fmt_duration(amount, unit)
        return
    m.value = ranges.window(a.moment, amount, unit, sign, from_now)
    m.type = "TIME" if unit in _CLOCK_UNITS else "DATE"


def _duration(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    quarter_hours(f)
    _business_days(f)
    unit = f.get("unit")
    if unit is None:
        return
    amount = f.get("num", 1.0) if f.get("num_known", True) else None
    f["amount"] = amount
    if "unit2" in f:
        n2 = f.get("num2") if f.get("num2") is not None else f.get("int2")
        m.value = combined_duration([(amount, unit), (n2, f["unit2"])])
        return
    m.value = dates.fmt_duration(amount, unit)


ORDER = ["Y", "M", "W", "D", "H", "MIN", "S"]


def combined_duration(parts: list[tuple[float | None, str]]) -> str:
    if any(n is None or u not in ORDER for n, u in parts):
        return dates.fmt_duration(parts[0][0], parts[0][1])
    parts = sorted(parts, key=lambda p: ORDER.index(p[1]))
    date_part = "".join(f"{dates.fmt_number(n)}{u}" for n, u in parts if u in ("Y", "M", "W", "D"))  # type: ignore[arg-type]
    time_part = "".join(
        f"{dates.fmt_number(n)}{'M' if u == 'MIN' else u}"
        for n, u in parts  # type: ignore[arg-type]
        if u in _CLOCK_UNITS
    )
    return "P" + date_part + ("T" + time_part if time_part else "")


def _set(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    if f.get("freq"):
        m.value = f["freq"]
        return
    if f.get("weekday") is not None:
        m.value = f"XXXX-WXX-{f['weekday']}" + clock_suffix(f)
        return
    if f.get("season"):  # "elk voorjaar": that season of any year
        m.value = f"XXXX-{f['season']}"
        return
    quarter_hours(f)  # "ieder kwartier": every fifteen minutes
    if f.get("unit") and f.get("other"):  # "elke andere week": every second one
        f["num"] = 2.0
    if f.get("unit"):
        if f["_text"].lower().startswith("om"):
            n = f.get("num") if f.get("num") is not None else 2.0
        else:
            n = f.get("num") if f.get("num") is not None else 1.0
        if f.get("hour") is not None:
            m.value = clock_value(f)
            return
        if f["unit"] == "WE" and n == 1.0:  # "elk weekend": the weekend of any week, as "elke maandag" is XXXX-WXX-1
            m.value = "XXXX-WXX-WE"
            return
        m.value = dates.fmt_duration(n if "maal" not in f["_text"] and "keer" not in f["_text"] else 1.0, f["unit"])
        return
    if f.get("daypart"):
        m.value = clock_value(f) if f.get("hour") is not None else "T" + f["daypart"]


def _clock(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    if f.get("namedtime"):  # "midmorgen": a time of day named by a word (its clock time is data)
        m.value = m.timex = str(f["namedtime"])
        return
    word = (f.get("noonword") or "").lower()
    if word:
        m.value = m.timex = "T00" if "nacht" in word else "T12"
        return
    v = clock_value(f)
    if not v:
        return
    if int(v[1:3]) > 24:
        return
    # a spoken hour may be on a 12-hour clock; whether it is depends on what joins it (a day, a range,
    # nothing), so the tagger decides that after joining (Tagger: _date_from_moment)
    f["bare_hour"] = f.get("minute") is None and not f.get("daypart") and not f.get("ampm")
    m.value = m.timex = v


def _daypart(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    m.value = "T" + f["daypart"] if f.get("daypart") else None


def _holiday(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    entry = f["holiday"]

    def on(year: int) -> date:
        if "fixed" in entry:
            mo, d = (int(x) for x in entry["fixed"].split("-"))
            day = date(year, mo, d)
            return day + timedelta(days=int(entry.get("sunday", 0))) if day.isoweekday() == 7 else day
        if "easter" in entry:
            return dates.easter(year) + timedelta(days=int(entry["easter"]))
        if "hijri" in entry:
            return dates.hijri_in(year, *entry["hijri"])
        mo, wd, n = entry["nth"]
        return dates.nth_weekday(year, mo, wd, n) + timedelta(days=int(entry.get("shift", 0)))

    year = f.get("year")
    if year is None and f.get("mod") is not None and a is not None:
        year = a.lo.year + f["mod"]
    if year is None and a is None:
        m.value = f"XXXX-{entry['fixed']}" if "fixed" in entry else None
        return
    if year is None:
        assert a is not None
        # "afgelopen Koningsdag", "aanstaande Pasen" as "vorige"/"volgende"; "deze Kerstmis" is the nearest
        want = {
            "laatste": -1,
            "vorige": -1,
            "afgelopen": -1,
            "volgende": 1,
            "komende": 1,
            "aanstaande": 1,
        }.get(norm_word(f.get("lastnext") or ""), 0)
        cands = [on(y) for y in range(a.lo.year - 1, a.hi.year + 2)]
        if want < 0:
            past = [d for d in cands if d <= a.hi]
            m.day = max(past)
        elif want > 0:
            m.day = min(d for d in cands if d >= a.lo)
        else:  # the tense decides; without one the coming one, as for a day and month ("3 mei")
            side = [d for d in cands if (d >= a.lo if (direction or 1) > 0 else d <= a.hi)]
            m.day = min(side or cands, key=lambda d: (_distance(d, a), d.year))
    else:
        m.day = on(year)
    m.value = dates.fmt_day(m.day)
    if "nth" in entry and n_plain(entry):  # Recognizers' form for "the third Sunday of June"
        mo, wd, n = entry["nth"]
        m.timex = (
            f"{year:04d}-{mo:02d}-WXX-{wd}-{n}"
            if year is not None
            else (None if f.get("lastnext") else f"XXXX-{mo:02d}-WXX-{wd}-{n}")
        )
    elif year is None and not f.get("lastnext") and "nth" not in entry and "hijri" not in entry:
        m.timex = "XXXX" + m.value[4:]  # (a lunar feast has no fixed Gregorian day to leave the year open on)


def n_plain(entry: dict[str, Any]) -> bool:
    """A holiday that is simply the n-th weekday of a month (not the last one, nor a day after it)."""
    return entry["nth"][2] > 0 and not entry.get("shift")


def _season(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    code = f["season"]
    year = f.get("year")
    if year is None:
        if f.get("mod") is None:
            m.timex = code  # "de zomer": which summer the text does not say
        if a is None:
            m.value = f"XXXX-{code}"
            return
        ref, mod = a.day, f.get("mod")
        start = _SEASON_START[code]
        year = ref.year
        if code == "WI" and ref.month <= 2:
            year -= 1
        if mod is not None and mod < 0 and not (start + 3 <= ref.month or code == "WI" and ref.month <= 2):
            year -= 1
        elif mod is not None and mod > 0 and start <= ref.month:
            year += 1
    m.value = f"{year:04d}-{code}"


def _quarter(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    q = 4 if f.get("lastq") else f.get("qnum") or f.get("ordinal")  # "het laatste kwartaal" is the fourth
    if not q or not 1 <= q <= 4:
        return
    year = f.get("year")
    if year is None and f.get("mod") is None:
        m.timex = f"(XXXX-{3 * q - 2:02d}-01,XXXX-{(3 * q) % 12 + 1:02d}-01,P3M)"
    if year is None and a is not None:
        year = a.lo.year + (f.get("mod") or 0)
    m.value = f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}"


def _half(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    h = f.get("ordinal")
    if h not in (1, 2):
        return
    year = f.get("year")
    if year is None and a is not None:
        year = a.lo.year + (f.get("mod") or 0)
    m.value = f"{year:04d}-H{h}" if year else f"XXXX-H{h}"


def _decade(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    if f.get("dec4"):
        m.value = f["dec4"]
        return
    d = int(f["dec2"]) if f.get("dec2") else f.get("decadeword")
    if d is None:
        return
    now = a.lo.year if a else 2000
    century = now // 100 if d * 10 <= now % 100 else now // 100 - 1
    m.value = f"{century:02d}{d}"


def _century(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    n = f.get("day") or f.get("ordinal")
    if n:
        m.value = f"{n - 1:02d}"


def _fixed(m: Mention, f: dict[str, Any], a: Anchor | None, direction: int, rule: Rule) -> None:
    m.value = f.get("present") or f.get("vague")


_HANDLERS = {
    "date": _date,
    "unit_rel": _unit_rel,
    "window": _window,
    "offset": _offset,
    "duration": _duration,
    "set": _set,
    "clock": _clock,
    "daypart": _daypart,
    "rest": _rest,
    "holiday": _holiday,
    "season": _season,
    "quarter": _quarter,
    "half": _half,
    "decade": _decade,
    "century": _century,
    "fixed": _fixed,
}


def moment_of(value: str) -> datetime | None:
    """The datetime a resolved day value names (for date + clock arithmetic)."""
    try:
        return datetime.fromisoformat(value[:10])
    except ValueError:
        return None
