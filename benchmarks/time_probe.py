"""Generalisation probe for the time tagger without the held-out half: every dev expression that we
tag exactly is (1) put into other carrier sentences, (2) changed by swapping a word for another of
its class (weekday, month, numeral in digits or words) and (3) tagged under other anchors. A change
of span (or, for carriers, of value) is a sign that a rule fits its dev sentence rather than the form.

    .venv/bin/python benchmarks/time_probe.py             # counts per probe
    .venv/bin/python benchmarks/time_probe.py --show 40   # and the first 40 changes of each probe

Only the dev part (``part_of``) of the Recognizers cases is read; nothing here looks at the check part.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grotius.resolve.time import tag_timexes  # noqa: E402
from time_data import recognizers_cases  # noqa: E402
from time_eval import part_of  # noqa: E402

# {} is the expression. Past, future and neutral clauses, sentence-initial, before a comma, a verb,
# a full stop, a question mark, in brackets, after a subordinate clause, in a headline.
CARRIERS = [
    "{} terug.",
    "Hij zei dat het {} gebeurde.",
    "We spreken {} af.",
    "{}, zei de minister.",
    "Komt hij {}?",
    "Het kabinet besloot {}.",
    "Volgens de politie vond de aanslag {} plaats, meldt de NOS.",
    "De vergadering (gepland {}) gaat door.",
    "Nadat de rechter had gesproken, werd {} het vonnis bekend.",
    "{} is er een debat in de Tweede Kamer.",
    "De minister reist {} naar Brussel en keert daarna terug.",
    "Ik heb {} geen tijd",
    "Het bedrijf meldde {} een verlies van 3 miljoen euro.",
    "Demonstranten trokken {} door Den Haag",
]
_ABBR = {"jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "u", "jl"}
_ABBR |= {"ma", "di", "din", "dins", "wo", "woe", "woens", "do", "vr", "vrij", "za", "zat", "zo", "zon", "min", "sec"}
ANCHORS = ["2016-11-07", "2019-03-01", "2021-12-15", "2024-02-29"]

WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
NUMWORDS = {
    1: "één",
    2: "twee",
    3: "drie",
    4: "vier",
    5: "vijf",
    6: "zes",
    7: "zeven",
    8: "acht",
    9: "negen",
    10: "tien",
    11: "elf",
    12: "twaalf",
    15: "vijftien",
    20: "twintig",
    24: "vierentwintig",
    30: "dertig",
}


# A word before the expression in its dev sentence that the expression may need ("op de 27ste",
# "om 7"): the carriers keep it, outside the span, as the dev sentence had it.
_LEAD = re.compile(r"(?:^|\s)(op|om|rond|tegen|voor|van|in|tot|vanaf|sinds)\s+$", re.I)
Expr = tuple[str, str, str, str]  # expression, anchor, our value, the word it needs before it ("" or "op ")


def dev_expressions() -> list[Expr]:
    """Every distinct dev gold span that we tag exactly, with its anchor, our value and its lead word."""
    out = []
    seen = set()
    for c in recognizers_cases():
        if part_of(c) != "dev":
            continue
        tags = {(t.start, t.end): t.value for t in tag_timexes(c.text, c.anchor)}
        for g in c.gold:
            expr = c.text[g.start : g.end]
            if (g.start, g.end) in tags and expr not in seen:
                seen.add(expr)
                lead = _LEAD.search(c.text[max(0, g.start - 12) : g.start])
                out.append((expr, c.anchor, tags[(g.start, g.end)], lead.group(1).lower() + " " if lead else ""))
    return out


def tag_in(sentence: str, expr_start: int, expr: str, anchor: str) -> tuple[str, str | None]:
    """What the tagger makes of ``expr`` placed at ``expr_start``: "same", "span" (another span
    overlapping it) or "none", and the value of the tag there."""
    end = expr_start + len(expr)
    for t in tag_timexes(sentence, anchor):
        if (t.start, t.end) == (expr_start, end):
            return "same", t.value
    over = [t for t in tag_timexes(sentence, anchor) if t.start < end and t.end > expr_start]
    return ("span", over[0].value) if over else ("none", None)


def carrier_probe(exprs: list[Expr]) -> Iterator[str]:
    for expr, anchor, _value, lead in exprs:
        for car in CARRIERS:
            said = lead + expr
            if car.startswith("{}"):
                said = said[0].upper() + said[1:]
            if car.endswith("{}.") and expr[-1].isalpha() and expr.split()[-1].lower() in _ABBR:
                continue  # "1 jan.": the dot after an abbreviation is its own (by design)
            s = car.format(said)
            e = said[len(lead) :]
            how, v = tag_in(s, car.index("{}") + len(lead), e, anchor)
            # a value may change with tense (a bare weekday): count only span changes and lost tags
            if how != "same":
                got = [t.text for t in tag_timexes(s, anchor)]
                yield f"{how}\t{expr!r}\t{s!r}\t{got}"


# Words of one kind, each swappable for the others (the held-out half says the same things in other words).
# Not units ("volgende week zondag" -> "volgende maand zondag") nor "van"/"vanaf": mostly nonsense.
KINDS = [
    WEEKDAYS,
    MONTHS,
    ["dagen", "weken", "maanden", "jaren"],
    ["volgende", "vorige", "komende", "afgelopen", "deze"],
    ["volgend", "vorig", "komend", "dit"],
    ["ochtend", "middag", "avond", "nacht"],
    ["'s ochtends", "'s middags", "'s avonds", "'s nachts"],
    ["vanochtend", "vanmiddag", "vanavond", "vannacht"],
    ["gisteren", "vandaag", "morgen", "overmorgen", "eergisteren"],
    ["lente", "zomer", "herfst", "winter"],
    ["begin", "eind", "midden"],
    ["tot", "tot en met"],
    ["na", "sinds", "rond", "uiterlijk"],
    ["eerste", "tweede", "derde", "vierde", "laatste"],
    ["kerstmis", "pasen", "pinksteren", "koningsdag", "oudejaarsavond", "nieuwjaarsdag"],
]


def _swaps(expr: str) -> Iterator[str]:
    low = expr.lower()
    for cls in KINDS:
        for w in cls:
            if re.search(rf"(?<!\w){w}(?!\w)", low):
                for other in cls:
                    if other != w:
                        yield re.sub(rf"(?<!\w){w}(?!\w)", other, expr, count=1, flags=re.I)
    for m in re.finditer(r"(?<![\w.:/-])(\d{1,2})(?![\w.:/-]|\s*[.:]\d)", expr):
        n = int(m.group(1))
        if n in NUMWORDS:  # a numeral written out
            yield expr[: m.start()] + NUMWORDS[n] + expr[m.end() :]
        if 2 <= n <= 9:
            yield expr[: m.start()] + str(n + 1) + expr[m.end() :]
    for m in re.finditer(r"(?<![\d:.])(\d{1,2})([:.])(\d\d)(?![\d:.])", expr):  # another clock time
        yield expr[: m.start()] + "14" + m.group(2) + "45" + expr[m.end() :]
    for m in re.finditer(r"(?<!\d)(19\d\d|20[0-4]\d)(?!\d)", expr):  # another year
        yield expr[: m.start()] + str(int(m.group(1)) + 3) + expr[m.end() :]
    for n, w in NUMWORDS.items():
        if re.search(rf"(?<!\w){w}(?!\w)", low) and n > 1:
            yield re.sub(rf"(?<!\w){w}(?!\w)", str(n), expr, count=1, flags=re.I)


def swap_probe(exprs: list[Expr]) -> Iterator[str]:
    for expr, anchor, _, lead in exprs:
        for new in dict.fromkeys(_swaps(expr)):
            s = f"Het gebeurde {lead}{new} in Amsterdam."
            how, _v = tag_in(s, 13 + len(lead), new, anchor)
            if how != "same":
                got = [t.text for t in tag_timexes(s, anchor)]
                yield f"{how}\t{expr!r} -> {new!r}\t{got}"


def anchor_probe(exprs: list[Expr]) -> Iterator[str]:
    for expr, _, _, lead in exprs:
        s = f"Ik ga {lead}{expr} terug"
        for anchor in ANCHORS:
            how, v = tag_in(s, 6 + len(lead), expr, anchor)
            if how != "same" or not v:
                yield f"{how}\t{expr!r}\t{anchor}\t{v}"


PROBES: dict[str, Callable[[list[Expr]], Iterator[str]]] = {
    "carrier": carrier_probe,
    "swap": swap_probe,
    "anchor": anchor_probe,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print this many changes of each probe")
    ap.add_argument("--probe", choices=list(PROBES), action="append")
    args = ap.parse_args(argv)
    exprs = dev_expressions()
    print(f"{len(exprs)} distinct dev expressions tagged exactly")
    for name in args.probe or PROBES:
        rows = list(PROBES[name](exprs))
        print(f"{name}: {len(rows)} changes")
        for r in rows[: args.show]:
            print("  " + r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
