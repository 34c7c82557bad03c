"""Readers for the Dutch time-expression test sets in ../shared/data (read in place, never copied).

Each case becomes ``Case(file, text, anchor, gold)`` with gold items ``Gold(start, end, values)``
(end exclusive; ``values`` empty for span-only files). Recognizers-Text: ``*Model.json`` give
Start/End (End inclusive) and ``Resolution.values[].timex``; ``*Parser.json`` give Start/Length and
``Value.Timex`` (or ``Value.values``); ``*Extractor.json`` give spans only; cases without a
reference date use the suite's default, 2016-11-07. Duckling: each surface string is one case whose
whole text is the expression, anchored at 2013-02-12T04:30:00, with a value built from its
datetime/interval and grain.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
RECOGNIZERS = SHARED / "recognizers-nl-datetime" / "Specs" / "DateTime" / "Dutch"
DUCKLING = SHARED / "duckling-nl-time"
RECOGNIZERS_DEFAULT_REF = "2016-11-07T00:00:00"
DUCKLING_REF = "2013-02-12T04:30:00"


@dataclass
class Gold:
    start: int
    end: int
    values: list[str] = field(default_factory=list)  # Recognizers' Timex strings
    interval: tuple[datetime, datetime] | None = None  # Duckling intervals
    resolutions: list[str] = field(default_factory=list)  # Recognizers' resolved values, in TIMEX3 form
    timex_gold: bool = True  # ``values`` are Timex strings as the text says them (Duckling's are resolved)


@dataclass
class Case:
    file: str
    text: str
    anchor: str
    gold: list[Gold]


def _values(res: dict) -> list[str]:
    v = res.get("Value") or res.get("Resolution") or {}
    if "Timex" in v:
        return [v["Timex"]]
    return [x["timex"] for x in v.get("values", []) if x.get("timex")]


def _iso(v: str) -> str:
    """A Recognizers resolution in TIMEX3 form: ``2016-11-07 08:40:00`` -> ``2016-11-07T08:40:00``,
    ``08:40:00`` -> ``T08:40:00``."""
    v = v.strip().replace(" ", "T")
    return "T" + v if re.fullmatch(r"\d{2}:\d{2}(?::\d{2})?", v) else v


def _resolutions(res: dict) -> list[str]:
    """Future/Past resolutions (parser files) or resolved values (model files, and MergedParser's
    ``Value.values``): single values,
    ``(start,end,)`` for closed ranges, ``PT<n>S`` for durations; open ranges and sets are left out."""
    out: list[str] = []
    v = res.get("Value") or {}
    sides = [v[k] for k in ("FutureResolution", "PastResolution") if isinstance(v.get(k), dict)]
    sides += [x for x in (res.get("Resolution") or {}).get("values", []) if isinstance(x, dict)]
    sides += [x for x in v.get("values", []) if isinstance(x, dict)]  # MergedParser: Value.values[].value
    for r in sides:
        for key in ("date", "time", "dateTime", "value"):
            if key in r and r[key] != "not resolved" and not str(r[key]).startswith("Set"):
                val = str(r[key])
                out.append(f"PT{val}S" if r.get("type") == "duration" or "duration" in r else _iso(val))
        if "duration" in r and r["duration"].isdigit():
            out.append(f"PT{r['duration']}S")
        for lo, hi in (
            ("startDate", "endDate"),
            ("startTime", "endTime"),
            ("startDateTime", "endDateTime"),
            ("start", "end"),
        ):
            if lo in r and hi in r:
                out.append(f"({_iso(r[lo])},{_iso(r[hi])},)")
    return list(dict.fromkeys(out))


def recognizers_cases(skip: tuple[str, ...] = ("TimeZoneParser.json",)) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(RECOGNIZERS.glob("*.json")):
        if path.name in skip:
            continue
        for c in json.loads(path.read_text(encoding="utf-8-sig")):
            ref = (c.get("Context") or {}).get("ReferenceDateTime", RECOGNIZERS_DEFAULT_REF)
            gold = []
            for r in c.get("Results", []):
                start = r["Start"]
                end = r["End"] + 1 if "End" in r else start + r["Length"]
                gold.append(Gold(start, end, _values(r), resolutions=_resolutions(r)))
            cases.append(Case(path.stem, c["Input"], ref, gold))
    return cases


_EXAMPLES = re.compile(r"examples\s*\((\w+)\s*(.*?)\)\s*\[(.*?)\]", re.S)
_TUPLE = re.compile(r"\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_GRAIN = re.compile(r"\b(Year|Quarter|Month|Week|Day|Hour|Minute|Second)\b")
_GRAIN_FMT = {
    "Year": "%Y",
    "Month": "%Y-%m",
    "Day": "%Y-%m-%d",
    "Hour": "%Y-%m-%dT%H",
    "Minute": "%Y-%m-%dT%H:%M",
    "Second": "%Y-%m-%dT%H:%M:%S",
}


def _dt(t: tuple[str, ...]) -> datetime:
    y, mo, d, h, mi, s = (int(x) for x in t)
    # Duckling writes day 0 for a month and 24:00 for midnight
    return datetime(y, mo or 1, d or 1) + timedelta(hours=h, minutes=mi, seconds=s)


def duckling_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(DUCKLING.glob("Time_NL*_Corpus.hs")):
        src = path.read_text(encoding="utf8")
        marker = src.find("allExamples :: ")
        body = src[marker:] if marker >= 0 else src[src.find("corpus =") :]
        for m in _EXAMPLES.finditer(body):
            ctor, args, strings = m.groups()
            tuples = _TUPLE.findall(args)
            gm = _GRAIN.search(args)
            grain = gm.group(1) if gm else "Day"
            gold_value: list[str] = []
            interval = None
            if ctor in ("datetime", "datetimeHoliday") and tuples:
                d = _dt(tuples[0])
                if grain == "Week":
                    y, w, _ = d.isocalendar()
                    gold_value = [f"{y:04d}-W{w:02d}"]
                elif grain == "Quarter":
                    gold_value = [f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"]
                elif grain in _GRAIN_FMT:
                    gold_value = [d.strftime(_GRAIN_FMT[grain])]
            elif ctor in ("datetimeInterval", "datetimeIntervalHoliday") and len(tuples) == 2:
                interval = (_dt(tuples[0]), _dt(tuples[1]))
            else:
                continue  # open intervals ("voor 8") are latent in Duckling too
            for s in _STRING.findall(strings):
                text = s.encode().decode("unicode_escape").encode("latin-1").decode("utf8")
                gold = Gold(0, len(text), gold_value, interval, timex_gold=False)
                cases.append(Case(path.stem, text, DUCKLING_REF, [gold]))
    return cases


def day_span(d: datetime) -> tuple[datetime, datetime]:
    return d, d + timedelta(days=1)
