"""Tag and resolve the time expressions of one text: match the rules, keep the longest
non-overlapping matches, join neighbours ("donderdag om 15.00", "twee weken voor 10 mei"), then
resolve what only the whole text can settle (a bare weekday under a month-precision anchor)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from grotius.datamodel import PubDate, Timex
from grotius.resolve.time import dates
from grotius.resolve.time.anchor import Anchor
from grotius.resolve.time.grammar import Grammar, load_grammar
from grotius.resolve.time.interpret import (
    ORDER,
    Mention,
    combined_duration,
    day_value,
    interpret,
    weekday_from,
    weekday_near,
)
from grotius.resolve.time.ranges import clock_range, date_range, parse_point

_REACH = 60  # characters an expression may extend beyond its trigger word
_SENT_END = re.compile(r"[.!?\n]\s")
# On a 12-hour clock the afternoon/evening moves an hour to the second half of the day, except the small
# hours of an evening ("vanavond om 2.00" is 02:00, the night that follows).
_LATE_HOURS = {"AF": 0, "EV": 4}
_ADJACENT = re.compile(r"^\s*[,(–—-]?\s*$")
_DAYISH_KINDS = {"date", "holiday", "offset"}
# Expressions a part-of prefix ("begin", "eind", "medio") may attach to: periods, not days.
_PERIOD_KINDS = {"date", "unit_rel", "season", "quarter", "half", "decade", "century"}


def _join_pairs(text: str, ms: list[Mention], join: Callable[[str, Mention, Mention], bool]) -> list[Mention]:
    """Left to right, each mention joins the one kept before it when ``join`` takes it in (``join``
    extends its first argument and says so); otherwise it is kept."""
    out: list[Mention] = []
    for m in ms:
        if out and join(text, out[-1], m):
            continue
        out.append(m)
    return out


class Tagger:
    """One language's compiled rules; ``tag`` is thread-safe (no state between calls)."""

    def __init__(self, lang: str = "nl") -> None:
        self.g: Grammar = load_grammar(lang)
        self._only_joined = {r.id: bool(r.params.get("only_joined")) for r in self.g.rules}

    # -- direction cue: which way the tense of the sentence points --------------------------------
    def direction(self, text: str, start: int, end: int) -> int:
        s = 0
        for m in _SENT_END.finditer(text, 0, start):
            s = m.end()
        m2 = _SENT_END.search(text, end)
        e = m2.start() + 1 if m2 else len(text)
        window = text[s:start] + " " + text[end:e]
        score = 0
        for pat, sign, _ in self.g.cues:
            if pat.search(window):
                score += sign
        return (score > 0) - (score < 0)

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of text around trigger words, cut at whitespace, merged when they touch."""
        out: list[tuple[int, int]] = []
        n = len(text)
        for m in self.g.trigger.finditer(text):
            lo = max(0, m.start() - _REACH)
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
            hi = min(n, m.end() + _REACH)
            while hi < n and not text[hi].isspace():
                hi += 1
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return out

    def mentions(self, text: str, anchor: Anchor | None) -> list[Mention]:
        cands = []
        for lo, hi in self._windows(text):
            for rule in self.g.rules:
                for m in rule.regex.finditer(text, lo, hi):
                    s, e = m.span()
                    if (
                        e > s
                        and rule.context_ok(text, s, e)
                        and not (rule.params.get("not_name") and _in_name(text, s))
                    ):
                        cands.append((s, e, rule, m))
        cands.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
        taken = bytearray(len(text) + 1)
        chosen: list[Mention] = []
        for s, e, rule, m in cands:
            if any(taken[s:e]):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            mention = interpret(self.g, rule, groups, m.group(0), s, e, anchor, self.direction(text, s, e))
            if mention is None:
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(mention)
        chosen.sort(key=lambda x: x.start)
        chosen = self._join(text, chosen, anchor)
        self._resolve_document(text, chosen, anchor)
        chosen = self._join_resolved_offsets(text, chosen)
        # a rule that only says something joined to its neighbour ("de dag" of "de dag na Kerstmis")
        chosen = [m for m in chosen if not (self._only_joined.get(m.rule) and m.kind == "duration")]
        chosen = self._join_ranges(text, [m for m in chosen if m.value])
        chosen = _join_pairs(text, chosen, self._join_week_days)
        chosen = _join_pairs(text, chosen, _join_set_detail)
        self._bare_number_ranges(text, chosen)
        if anchor is not None and anchor.exact and anchor.clock is not None and anchor.clock != time(0, 0):
            _date_from_moment(chosen, anchor)
        self._attach_modifiers(text, chosen)
        for m in chosen:  # "Het gebeurde op maandag.": the full stop ends the sentence, not the expression
            if text[m.end - 1] == "." and m.end - 1 > m.start and not self.g.takes_dot(_last_word(text, m)):
                m.end -= 1
        return chosen

    def _attach_modifiers(self, text: str, ms: list[Mention]) -> None:
        """ "na 2018", "sinds morgen", "rond 13.00": a word that qualifies the time (after, since, about)
        is part of the expression, as in Recognizers-Text's spans; the value stays the point named."""
        pat = self.g.joins.get("modifier")
        before = self.g.joins.get("modifier-before")
        after = self.g.joins.get("modifier-after")
        lead = self.g.joins.get("modifier-after-lead")
        zone = self.g.joins.get("timezone")
        if pat is None:
            return
        floor = 0
        for m in ms:
            # a vague length ("na jarenlange onderhandelingen") qualifies a noun; the "na" is the noun's
            if m.type != "SET" and m.kind != "range" and not (m.value or "").startswith(("PX", "PTX")):
                hit = pat.search(text, max(floor, m.start - 20), m.start)
                # "before" only ahead of a point said in digits ("voor 2012", "voor 16:00"); ahead of a
                # duration, "de ..." or a spelled-out time ("alarm voor tien over tien") it means "for"
                if (
                    hit is None
                    and before is not None
                    and m.type in ("DATE", "TIME")
                    and m.kind != "duration"
                    and text[m.start].isdigit()
                ):
                    hit = before.search(text, max(floor, m.start - 20), m.start)
                if hit:
                    m.start = hit.start()
            if (
                zone is not None
                and m.type in ("TIME", "SET")
                and _has_clock(m.value)
                and (tz := zone.match(text[m.end : m.end + 40]))
            ):
                m.end += tz.end()  # the zone is part of the time; the hour stays as said
            if (
                after is not None
                and m.type in ("DATE", "TIME")
                and m.kind not in ("duration", "range")
                and (tail := after.match(text[m.end : m.end + 40]))
            ):
                m.end += tail.end()
                # "om 15.00 of later": with a modifier the locating word joins too (the whole is one condition)
                if lead is not None and (hit := lead.search(text, max(floor, m.start - 12), m.start)):
                    m.start = hit.start()
            floor = m.end

    # -- joining neighbours ----------------------------------------------------------------------
    def _join(self, text: str, ms: list[Mention], anchor: Anchor | None) -> list[Mention]:
        out: list[Mention] = []
        for m in ms:
            self._attach_partof(text, m, out[-1].end if out else 0)
            prev = out[-1] if out else None
            if prev is not None and self._join_date_time(text, prev, m):
                continue
            if prev is not None and self._join_offset(text, prev, m):
                continue
            if prev is not None and self._join_compound(text, prev, m, anchor):
                continue
            if prev is not None and self._join_time_daily(text, prev, m):
                continue
            if prev is not None and self._join_month_day(text, prev, m):
                continue
            out.append(m)
        out = self._join_late_years(text, out)
        for m in out:
            if m.kind == "duration" and self.g.joins.get("anaphoric-offset") is not None:
                hit = self.g.joins["anaphoric-offset"].match(text[m.end : m.end + 80])
                if hit and m.f.get("amount") is not None and m.f.get("unit") not in (None, "H", "MIN", "S"):
                    m.f["anaphor"] = -1 if hit.group("dir").lower() in ("voor", "vóór", "voordat", "eerder dan") else 1
        return out

    def _join_compound(self, text: str, a: Mention, b: Mention, anchor: Anchor | None = None) -> bool:
        """ "2 uur en 30 minuten", "2 jaar, 1 maand en 21 dagen geleden": amounts of ever smaller units
        add up, to one duration or (when the last says "geleden"/"later") one move from the anchor;
        "binnen 2 dagen, 1 uur en 5 minuten": a window as long as the sum."""
        if (
            a.kind not in ("duration", "window")
            or b.kind not in ("duration", "offset")
            or not self.g.joins["compound"].match(text[a.end : b.start])
        ):
            return False
        parts = a.f.get("parts") or [(a.f.get("amount"), a.f.get("unit"))]
        nxt = (b.f.get("amount"), b.f.get("unit"))
        if any(n is None or u not in ORDER for n, u in [*parts, nxt]):
            return False
        if ORDER.index(parts[-1][1]) >= ORDER.index(nxt[1]):  # "twee uur, drie uur": a list, not a sum
            return False
        if a.kind == "window":
            if b.kind != "duration" or a.type == "DURATION" or anchor is None or not anchor.exact:
                return False
            lo = anchor.moment
            hi = _moved(lo, [*parts, nxt], 1)
            a.f["parts"] = [*parts, nxt]
            a.value = f"({dates.fmt_datetime(lo)},{dates.fmt_datetime(hi)},{combined_duration(a.f['parts'])})"
            a.type, a.timex, a.end = "TIME", None, b.end
            return True
        if b.kind == "offset":
            sign = b.f.get("sign", 1)
            if b.day is not None and parts[-1][1] not in ("H", "MIN", "S"):
                day = b.day
                for n, u in parts:
                    day = dates.shift(day, sign * n, u)
                a.kind, a.type, a.day, a.value = "offset", "DATE", day, dates.fmt_day(day)
            elif anchor is not None and anchor.exact:  # clock units: a moment, from the anchor's
                a.kind, a.type, a.day = "offset", "TIME", None
                a.value = dates.fmt_datetime(_moved(anchor.moment, [*parts, nxt], sign))
            else:
                return False
            a.f, a.timex = {**b.f, "parts": parts}, None
        else:
            a.f["parts"] = [*parts, nxt]
            a.value = combined_duration(a.f["parts"])
        a.end = b.end
        return True

    def _join_month_day(self, text: str, a: Mention, b: Mention) -> bool:
        """ "volgende maand op de 5e": a day of the month said after the month it is in."""
        gap = self.g.joins.get("month-day")
        month = re.fullmatch(r"(\d{4})-(\d{2})", a.value or "")
        if (
            gap is None
            or month is None
            or b.kind != "date"
            or b.f.get("day") is None
            or b.f.get("month") is not None
            or b.f.get("weekday") is not None
            or not gap.match(text[a.end : b.start])
        ):
            return False
        try:
            day = date(int(month[1]), int(month[2]), int(b.f["day"]))
        except ValueError:
            return False
        a.end, a.kind, a.type, a.day, a.timex, a.pending = b.end, "date", b.type, day, None, None
        a.f = {**a.f, **b.f}
        a.value = day_value(day, a.f)
        return True

    @staticmethod
    def _join_time_daily(text: str, a: Mention, b: Mention) -> bool:
        """ "om 9 uur elke dag", "'s avonds elke dag": a time of day said before "every day" is the set's
        time (as "elke dag om 9 uur" is)."""
        if (
            a.kind not in ("clock", "daypart")
            or not a.value
            or not a.value.startswith("T")
            or b.kind != "set"
            or b.value != "P1D"
            or text[a.end : b.start].strip()
        ):
            return False
        a.end, a.kind, a.type, a.rule, a.f = b.end, "set", "SET", b.rule, {**b.f, **a.f}
        return True

    def _attach_partof(self, text: str, m: Mention, floor: int) -> None:
        # a period ("begin volgende maand"), or a part of a day named by its words ("later deze ochtend")
        named_part = m.type == "TIME" and bool(m.f.get("daypart"))
        daypart = (
            m.kind == "date"
            and (named_part or m.f.get("relday") is not None)
            and not m.f.get("clock")
            and m.f.get("hour") is None
        )  # "later deze ochtend", "eerder vandaag"
        if not daypart and (m.kind not in _PERIOD_KINDS or m.day is not None or m.pending or m.type != "DATE"):
            return
        window_start = max(floor, m.start - 30)
        hit = self.g.partof.search(text, window_start, m.start)
        day_words = self.g.joins.get("partof-day")
        if hit and daypart and day_words is not None and not day_words.fullmatch(hit.group("partof")):
            return  # "begin morgen" is an imperative more often than the start of tomorrow
        if hit and hit.end() == m.start or hit and not text[hit.end() : m.start].strip():
            m.f["partof"] = self.g.lookup("partof", hit.group("partof"))
            m.start = hit.start()

    def _join_date_time(self, text: str, a: Mention, b: Mention) -> bool:
        gap = text[a.end : b.start]
        if not self.g.joins["date-time"].match(gap):
            return False
        if self._dayish(a) and b.kind in ("clock", "daypart") and b.value:
            day, clock = a, b
        elif a.kind in ("clock", "daypart") and a.value and self._dayish(b):
            day, clock = b, a
        else:
            return False
        assert clock.value is not None
        if day.f.get("daypart") and clock.kind == "daypart":
            return False
        if day.f.get("clock") or day.f.get("hour") is not None:
            return False  # "maandag 13:00-15:00": the second time ends a range, it does not replace the first
        clock_value = clock.value
        clock_value = _in_daypart(clock_value, day.f.get("daypart"))
        day.f["clock"] = clock_value
        # as said: the day as the text gives it (XXXX-WXX-5) plus the clock time
        timex = day.timex.split("T")[0] + clock_value if day.timex and not day.timex.startswith("T") else None
        if day.day is not None:
            day.value = day_value(day.day, day.f)
        elif day.value and not day.pending and "T" not in day.value:
            day.value += clock.value
        a.end, a.start = max(a.end, b.end), min(a.start, b.start)
        a.f, a.value, a.day, a.pending, a.kind, a.rule = day.f, day.value, day.day, day.pending, day.kind, day.rule
        a.type, a.timex = "TIME", timex
        return True

    def _join_late_years(self, text: str, ms: list[Mention]) -> list[Mention]:
        """ "wo 26 okt 15:50:06 2016": a year written after the clock time still dates the day before it."""
        out: list[Mention] = []
        for m in ms:
            if out and out[-1].end >= m.start and m.value is not None and re.fullmatch(r"\d{4}", m.value):
                continue  # the year the previous mention took
            out.append(m)
            if not (
                m.type == "TIME"
                and m.kind == "date"
                and m.day is not None
                and m.f.get("year") is None
                and m.f.get("month") is not None
                and m.f.get("clock")
            ):
                continue
            hit = late.match(text, m.end) if (late := self.g.joins.get("late-year")) is not None else None
            if hit is None:
                continue
            try:
                day = m.day.replace(year=int(hit["year"]))
            except ValueError:  # 29 February of a year without one
                continue
            m.f["year"], m.day, m.end = int(hit["year"]), day, hit.end()
            m.value, m.timex = day_value(day, m.f), None
        return out

    @staticmethod
    def _dayish(m: Mention) -> bool:
        if m.pending == "weekday":
            return True
        return (
            m.kind in _DAYISH_KINDS
            and m.value is not None
            and (m.day is not None or m.value.startswith("XXXX-") and "T" not in m.value)
        )

    def _join_offset(self, text: str, a: Mention, b: Mention) -> bool:
        """ "twee weken voor 13 mei 1999": the duration moves the date it is anchored to."""
        if a.kind != "duration" or b.day is None or a.f.get("amount") is None:
            return False
        hit = self.g.joins["anchored-offset"].match(text[a.end : b.start])
        unit = a.f.get("unit")
        if not hit or unit not in ("D", "W", "WE", "M", "Y", "Q"):
            return False
        sign = -1 if hit.group("dir").lower() in ("voor", "vóór", "voordat", "eerder dan") else 1
        day = dates.shift(b.day, sign * a.f["amount"], unit)
        a.end, a.kind, a.type, a.day, a.rule = b.end, "date", "DATE", day, a.rule
        a.value = dates.fmt_day(day)
        a.f = {**b.f, "offset_from": b.rule}
        a.timex = None
        return True

    def _join_resolved_offsets(self, text: str, ms: list[Mention]) -> list[Mention]:
        """ "3 dagen vanaf dinsdag": a move from a day the whole text had to settle first (a bare weekday)."""
        return _join_pairs(text, ms, self._join_offset)

    # -- what only the whole text settles ------------------------------------------------------
    def _resolve_document(self, text: str, ms: list[Mention], anchor: Anchor | None) -> None:
        for i, m in enumerate(ms):
            if m.f.get("anaphor") is None:
                continue
            antecedent = next((p for p in reversed(ms[:i]) if p.day is not None), None)
            if antecedent is None or antecedent.day is None:
                continue
            ref = dates.shift(antecedent.day, m.f["anaphor"] * m.f["amount"], m.f["unit"])
            for other in (ms[i - 1] if i > 0 else None, ms[i + 1] if i + 1 < len(ms) else None):
                if other is None or other.pending != "weekday":
                    continue
                gap = text[other.end : m.start] if other.end <= m.start else ""
                if other.end <= m.start and _ADJACENT.match(gap) or other.start >= m.end:
                    other.f["ref"] = ref
        for m in sorted((m for m in ms if m.pending), key=lambda m: "ref" not in m.f):
            if m.pending == "weekday":
                self._resolve_weekday(text, m, ms, anchor)
            elif m.pending == "dagrel":
                prev = next((p.day for p in reversed(ms) if p.day is not None and p.end <= m.start), None)
                if prev is not None:
                    m.day = prev + timedelta(days=m.f["offset"])
                elif anchor is not None and anchor.exact:
                    m.day = anchor.lo + timedelta(days=m.f["offset"])
                m.value = day_value(m.day, m.f) if m.day else (anchor.value() if anchor else None)
            m.pending = None
        if anchor is not None and anchor.exact:
            self._date_clock_times(text, ms, anchor)

    @staticmethod
    def _date_clock_times(text: str, ms: list[Mention], anchor: Anchor) -> None:
        """A bare clock time happens on the day last named in its sentence; with no day named it
        stays undated (``T08:40``): the text does not say which day (see the module docstring)."""
        for i, m in enumerate(ms):
            if m.kind not in ("clock", "daypart") or not m.value or not m.value.startswith("T"):
                continue
            sentence_start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start), 0)
            prev = next((p for p in reversed(ms[:i]) if p.day is not None and p.start >= sentence_start), None)
            if prev is None or prev.day is None:
                continue
            m.timex = m.timex or m.value
            m.value = dates.fmt_day(prev.day) + _in_daypart(m.value, prev.f.get("daypart"))
            m.f["ctx_dated"] = True  # a range may still give it the day its other end names

    # -- ranges: "van 2014 tot 2018", "13:00-15:00", "tussen maandag en woensdag" ----------------
    def _join_ranges(self, text: str, ms: list[Mention]) -> list[Mention]:
        return _join_pairs(text, ms, self._join_range)

    def _join_range(self, text: str, a: Mention, b: Mention) -> bool:
        if "range" in (a.kind, b.kind) or not a.value or not b.value or {a.type, b.type} & {"DURATION", "SET"}:
            return False
        hit = self.g.joins["range"].match(text[a.end : b.start])
        if not hit:
            return False
        pre = self.g.joins["range-start"].search(text, max(0, a.start - 12), a.start)
        if hit.group("conn").lower() == "en" and not (
            pre and pre.group("word").lower() == "tussen" or re.search(r"\btussen\b", text[a.start : a.end], re.I)
        ):
            return False  # "2014 en 2018" lists two years; "tussen 2014 en 2018" spans them
        pa, pb = parse_point(a.value), parse_point(b.value)
        if pa is None or pb is None or pa.kind != pb.kind:
            return False
        if (
            pa.day is not None
            and pb.day is not None
            and self._bare_day(a)
            and self._bare_day(b)
            and b.f["day"] >= a.f["day"]
        ):  # "van de 3e tot de 5e": both days of one month, the first's
            day = pa.day.replace(day=b.f["day"])
            pb = parse_point(dates.fmt_day(day)) or pb
        if pa.kind == "clock":
            if a.f.get("ctx_dated") and not b.f.get("ctx_dated"):
                pa.day = None  # "van 3:30 tot 5:55 op 1-1-2015": the date said once dates both ends
            elif b.f.get("ctx_dated") and not a.f.get("ctx_dated"):
                pb.day = None
            value: str | None = clock_range(
                pa,
                pb,
                a.f.get("daypart"),
                b.f.get("daypart"),
                _twelve_hour(a, pa.start.hour),
                _twelve_hour(b, pb.start.hour),
            )
        else:
            value = date_range(
                pa,
                pb,
                b_open_year=b.f.get("year") is None and b.kind == "date",
                b_weekday=b.f.get("weekday") is not None and b.f.get("month") is None,
            )
        if value is None:
            return False
        # "in 2014 tot en met 2018" takes its "in" (Recognizers' span); before days or clock times
        # ("in 13:00 tot 16:00", "in vandaag tot morgen") "in" is no part of the range
        if pre is not None and (pre.group("word").lower() != "in" or re.fullmatch(r"\d{4}", a.value or "")):
            a.start = pre.start()
        a.timex = _range_timex(value, a, b)
        a.end, a.value, a.kind, a.rule, a.day, a.pending = b.end, value, "range", "range", None, None
        a.type = "TIME" if pa.kind == "clock" else "DATE"
        return True

    @staticmethod
    def _join_week_days(text: str, a: Mention, b: Mention) -> bool:
        """ "volgende week tussen woensdag en vrijdag", "van dinsdag tot donderdag deze week": a range of
        weekdays said with the week it is in takes its days from that week."""
        if text[a.end : b.start].strip(" ,"):
            return False
        week, days = (a, b) if a.kind != "range" else (b, a)
        wk = re.fullmatch(r"(\d{4})-W(\d\d)", week.value or "")
        rng = re.fullmatch(r"\(XXXX-WXX-([1-7]),XXXX-WXX-([1-7]),P\d+D\)", days.timex or "")
        if week.kind != "unit_rel" or days.kind != "range" or wk is None or rng is None:
            return False
        lo = date.fromisocalendar(int(wk[1]), int(wk[2]), int(rng[1]))
        hi = date.fromisocalendar(int(wk[1]), int(wk[2]), int(rng[2]))
        if hi < lo:
            return False
        a.start, a.end = min(a.start, b.start), max(a.end, b.end)
        a.value = f"({lo.isoformat()},{hi.isoformat()},P{(hi - lo).days}D)"
        a.kind, a.type, a.rule, a.timex, a.day, a.pending = "range", "DATE", days.rule, None, None, None
        return True

    # -- ranges whose ends are bare numbers: "5 tot 18:00", "van 4 tot 22 deze maand", "morgen 5 tot 7" --
    def _number(self, word: str | None) -> int | None:
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        hit = self.g.lookup("num", word)
        return int(hit[0]) if hit and isinstance(hit[0], (int, float)) and float(hit[0]).is_integer() else None

    def _bare_number_ranges(self, text: str, ms: list[Mention]) -> None:
        """A bare number takes its meaning from the expression beside it: before a clock time it is an
        hour ("5 tot 18:00", "van twee tot vijf 's middags"), two before or after a month are days of it
        ("van 4 tot 22 deze maand", "volgende maand van 4-23"), two after a day are hours of that day
        ("morgen vijf tot zeven", "volgende maandag tussen 6-8"). A dash alone joins them only after
        "van"/"tussen" ("3-1" is as often a score), "en" only after "tussen"."""
        before, after = self.g.joins.get("bare-range-before"), self.g.joins.get("bare-range-after")
        if before is None or after is None:
            return
        floor = 0
        for i, m in enumerate(ms):
            nxt = ms[i + 1].start if i + 1 < len(ms) else len(text)
            if m.kind != "range" and m.value:
                hit = before.search(text, max(floor, m.start - 40), m.start)
                if hit and self._bare_ok(hit, m) and self._bare_range(m, hit, ahead=True):
                    m.start = hit.start()
                elif (
                    (hit := after.match(text, m.end, nxt))
                    and self._bare_ok(hit, m)
                    and hit["b"] is not None
                    and self._bare_range(m, hit, ahead=False)
                ):
                    m.end = hit.end()
            floor = m.end

    @staticmethod
    def _bare_ok(hit: re.Match[str], m: Mention) -> bool:
        conn, pre = hit["conn"].lower(), (hit["pre"] or "").lower()
        # a dash is a range after "van"/"tussen", or before a clock time with its half of the day ("4-5pm")
        clock_half = m.kind == "clock" and bool(m.f.get("ampm") or m.f.get("daypart")) and hit["b"] is None
        return (conn != "en" or pre == "tussen") and (conn not in ("-", "–") or pre != "" or clock_half)

    def _bare_range(self, m: Mention, hit: re.Match[str], ahead: bool) -> bool:
        a, b = self._number(hit["a"]), self._number(hit["b"])
        if a is None:
            return False
        value: str | None = None
        month = re.fullmatch(r"(\d{4})-(\d{2})", m.value or "")
        if month and b is not None and (m.kind == "unit_rel" and m.f.get("unit") == "M" or m.kind == "date"):
            if not 1 <= a < b <= 31:
                return False
            try:
                lo, hi = (date(int(month[1]), int(month[2]), d) for d in (a, b))
            except ValueError:
                return False
            value = f"({dates.fmt_day(lo)},{dates.fmt_day(hi)},P{(hi - lo).days}D)"
            m.type = "DATE"
        elif ahead and b is None and m.kind == "clock" and (pb := parse_point(m.value or "")) is not None:
            if not 0 <= a <= 24:
                return False
            pa = parse_point(f"{dates.fmt_day(pb.day)}T{a:02d}" if pb.day else f"T{a:02d}")
            if pa is None:
                return False
            half = m.f.get("daypart") or ("AF" if str(m.f.get("ampm") or "").lower().startswith("p") else None)
            value = clock_range(pa, pb, None, half, True, _twelve_hour(m, pb.start.hour))
            m.type = "TIME"
        elif not ahead and b is not None and m.kind == "daypart" and m.f.get("daypart"):
            if not (0 <= a <= 24 and 0 <= b <= 24):  # "'s middags tussen 1 en 3"
                return False
            pa, pb = (parse_point(_in_daypart(f"T{h:02d}", m.f["daypart"])) for h in (a, b))
            if pa is None or pb is None:
                return False
            value = clock_range(pa, pb, None, None, False, False)
            m.type = "TIME"
        elif (
            not ahead
            and b is not None
            and m.day is not None
            and ("T" not in (m.value or "") or m.f.get("daypart") and m.f.get("clock") is None)
        ):
            if not (0 <= a <= 24 and 0 <= b <= 24):
                return False
            # "vanavond van 5 tot 7": the part of the day says which half of the clock
            pa, pb = (
                parse_point(f"{dates.fmt_day(m.day)}{_in_daypart(f'T{h:02d}', m.f.get('daypart'))}") for h in (a, b)
            )
            if pa is None or pb is None:
                return False
            value = clock_range(pa, pb, None, None, a <= 12, b <= 12)
            m.type = "TIME"
        if value is None:
            return False
        m.value, m.kind, m.timex, m.day, m.pending = value, "range", None, None, None
        return True

    @staticmethod
    def _bare_day(m: Mention) -> bool:
        """A day of the month said without its month ("de 5e")."""
        return (
            m.kind == "date"
            and m.f.get("day") is not None
            and m.f.get("month") is None
            and m.f.get("mod") is None
            and m.f.get("weekday") is None
        )

    def _resolve_weekday(self, text: str, m: Mention, ms: list[Mention], anchor: Anchor | None) -> None:
        wd = m.f["weekday"]
        day: date | None = None
        if m.f.get("ref") is not None:
            day = weekday_near(m.f["ref"], wd)
        elif anchor is not None and anchor.exact:
            direction = self.direction(text, m.start, m.end) or m.f.get("default_direction") or 1
            day = weekday_from(anchor.lo, wd, direction, today=True)
        elif anchor is not None:
            same = [
                o.day
                for o in ms
                if o is not m
                and o.day is not None
                and o.day.isoweekday() == wd
                and o.f.get("weekday") == wd
                and anchor.lo <= o.day <= anchor.hi
            ]
            day = same[0] if same else None
        if day is not None:
            m.day = day
            m.value = day_value(day, m.f)
        else:
            m.value = anchor.value() if anchor is not None else f"XXXX-WXX-{wd}"

    def tag(self, text: str, anchor: str | PubDate | Anchor | None) -> list[Timex]:
        a = Anchor.parse(anchor) if anchor is not None and not isinstance(anchor, Anchor) else anchor
        return [
            Timex(
                m.start,
                m.end,
                text[m.start : m.end],
                m.type,
                m.value or "",
                f"{self.g.file}#{m.rule}",  # type: ignore[arg-type]
                m.timex or m.value or "",
            )
            for m in self.mentions(text, a)
        ]


def _range_timex(value: str, a: Mention, b: Mention) -> str | None:
    """The range as said: an end the text leaves open keeps its open form (``XXXX-11-19``, ``T13:30``,
    the clock time as the range reads it, without the day only the anchor gave it)."""
    if not (a.timex or b.timex) or not value.startswith("("):
        return None
    parts = value[1:-1].split(",")
    if len(parts) != 3:
        return None
    ends = []
    for m, part in ((a, parts[0]), (b, parts[1])):
        if not m.timex:
            ends.append(part)
        elif m.timex.startswith("T") and "T" in part:  # a clock end: the hour the range settled on
            ends.append(part[part.index("T") :])
        elif "T" in part and "T" in m.timex:  # a day said loosely plus a clock time
            ends.append(m.timex[: m.timex.index("T")] + part[part.index("T") :])
        elif "T" in part:
            ends.append(m.timex + part[part.index("T") :])
        else:
            ends.append(m.timex)
    for i in (0, 1):  # a day said once dates both clock ends ("vrijdag tussen 1 en 4 uur")
        other = ends[1 - i]
        if ends[i].startswith("T") and "T" in other and not other.startswith("T") and parts[0][:10] == parts[1][:10]:
            ends[i] = other[: other.index("T")] + ends[i]
    return f"({ends[0]},{ends[1]},{parts[2]})"


def _twelve_hour(m: Mention, hour: int) -> bool:
    """Could this clock time be on the other half of the day (no part of day said, hour <= 12)?"""
    return m.f.get("daypart") is None and hour <= 12


def _moved(moment: datetime, parts: list[tuple[float, str]], sign: int) -> datetime:
    """``moment`` moved by amounts of calendar and clock units, the larger units first."""
    for n, u in parts:
        if u in ("H", "MIN", "S"):
            moment += sign * dates.clock_delta(n, u)
        else:
            moment = datetime.combine(dates.shift(moment.date(), sign * n, u), moment.time())
    return moment


def _date_from_moment(ms: list[Mention], anchor: Anchor) -> None:
    """An anchor with a time of day is the moment the text was said: a clock time with no day named
    is then the next such time ("om drie uur" said at 04:30 is today's 15:00, "3:30" tomorrow's).
    A date, or a date stamped at exactly midnight (how a bare date is usually serialised), says no
    moment, and the day stays open (see the module docstring). Ranges keep their clock ends as said."""
    for m in ms:
        if m.kind == "clock" and m.value and m.value.startswith("T"):
            m.value = _twelve_hour_reading(m, anchor)
            day = _next_day_for(m.value, anchor)
            if day is not None:
                m.timex = m.timex or m.value
                m.value = dates.fmt_day(day) + m.value


def _in_daypart(clock: str, daypart: str | None) -> str:
    """A clock time said of an afternoon or evening is in the second half of the day ("vanavond om
    8 uur" is 20:00), except the small hours of an evening ("vanavond om 2.00", the night after)."""
    if daypart in _LATE_HOURS and clock[1:3].isdigit() and _LATE_HOURS[daypart] <= int(clock[1:3]) < 12:
        return f"T{int(clock[1:3]) + 12:02d}{clock[3:]}"
    return clock


def _twelve_hour_reading(m: Mention, anchor: Anchor) -> str:
    """ "om drie uur" said at 04:30 is the coming 15:00: an hour said bare (no minutes, part of the day
    or am/pm) that has already passed today is on a 12-hour clock. Only for a clock time that stays
    bare after joining: one with a day ("5 op 1-1-2015") or in a range keeps the hour as said."""
    v = m.value or ""
    hour = int(v[1:3]) if v[1:3].isdigit() else 0
    if m.f.get("bare_hour") and anchor.clock is not None and 1 <= hour < 12 and v[1:] < anchor.clock.strftime("%H:%M"):
        return f"T{hour + 12:02d}" + v[3:]
    return v


def _next_day_for(clock: str, anchor: Anchor) -> date | None:
    """The day on which a bare clock time said at the anchor's moment next ends after it: "om drie
    uur" said at 04:30 is today's 15:00, "3:30" tomorrow's; an hour still running ("4 uur" at 04:30) is today."""
    m = re.fullmatch(r"T(\d{2})(?::(\d{2}))?(?::(\d{2}))?", clock)
    if not m or anchor.clock is None:
        return None
    h, mi, se = int(m[1]) % 24, int(m[2] or 0), int(m[3] or 0)
    step = timedelta(seconds=1) if m[3] else timedelta(minutes=1) if m[2] else timedelta(hours=1)
    end = datetime.combine(anchor.lo, time(h, mi, se)) + step
    return anchor.lo if end > anchor.moment else anchor.lo + timedelta(days=1)


_CLOCK = re.compile(r"T\d\d")


def _has_clock(value: str | None) -> bool:
    """A value that names an hour of the day ("T15", "2013-02-14T08:00", a range of such)."""
    return bool(value and _CLOCK.search(value))


_SET_GAP = re.compile(r"\s*(?:,\s*)?(?:om|op|rond|omstreeks|tegen|in)?\s*", re.I)
# what a set of a period takes from the expression after it, by the set's period: its form there
_SET_DETAIL = {
    "P1D": re.compile(r"T\d\d.*"),
    "P1W": re.compile(r"XXXX-WXX-[1-7](?:T.*)?"),
    "P1M": re.compile(r"XXXX-XX-\d\d(?:T.*)?"),
    "P1Y": re.compile(r"XXXX-\d\d(?:-\d\d)?(?:T.*)?"),
}


def _join_set_detail(text: str, a: Mention, b: Mention) -> bool:
    """ "dagelijks om 10 uur", "elke week op vrijdag", "jaarlijks op 1 mei": a set of a period narrowed by
    the time, weekday or day after it is the set of that (T10, XXXX-WXX-5, XXXX-05-01)."""
    pat = _SET_DETAIL.get(a.value or "") if a.type == "SET" else None
    said = b.value if a.value == "P1D" else b.timex
    if pat is None or b.type == "SET" or not said or not pat.fullmatch(said):
        return False
    if not _SET_GAP.fullmatch(text[a.end : b.start]):
        return False
    a.value = a.timex = said
    a.end = b.end
    return True


def _last_word(text: str, m: Mention) -> str:
    """The word before a mention's final dot ("okt" of "2 okt.", "a.m" of "8 a.m.")."""
    hit = re.search(r"([\w.]+)\.$", text[m.start : m.end])
    return hit.group(1) if hit else ""


_NAME_BEFORE = re.compile(r"\w[,:]?\s+[A-Z][a-z]+\s+$")


def _in_name(text: str, start: int) -> bool:
    """A capitalised word right after a capitalised word mid-sentence ("Jolanda Zondag") is part of a name."""
    return text[start : start + 1].isupper() and bool(_NAME_BEFORE.search(text, max(0, start - 40), start))
