"""Compile a language's time data file (``lang/<lang>/time.yaml``) into regular expressions once.

The data gives word classes and rule patterns with macros (``{MONTH}``, ``{NUM:mins}``); this
module expands the macros into named groups, wraps each rule in word boundaries and precompiles
everything, so that tagging is a handful of regex scans per text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from grotius.lang import load_resource

FLAGS = re.IGNORECASE
# rule keys the interpreters read
_PARAMS = ("sign", "from_now", "upcoming", "not_past", "only_joined", "past", "not_name")
# Digit macros: the same in every language using Arabic numerals.
BUILTINS: dict[str, tuple[str, str]] = {
    "DAYNUM": ("day", r"(?:0?[1-9]|[12]\d|3[01])"),
    "MONTHNUM": ("month", r"(?:0?[1-9]|1[0-2])"),
    "YEAR4": ("year", r"(?:1\d\d\d|20\d\d|21\d\d)"),
    "YEAR2": ("year2", r"\d\d"),
    "HOUR": ("hour", r"(?:[01]?\d|2[0-4])"),
    "MIN": ("minute", r"[0-5]\d"),
    "SEC": ("second", r"[0-5]\d"),
    "INT": ("int", r"\d{1,4}"),
    "DEC": ("dec", r"\d{1,3}[.,]\d{1,2}"),
}
_MACRO = re.compile(r"\{([A-Z][A-Z0-9]*)(?::([a-z0-9_]+))?\}")  # {NAME} or {NAME:group}; not {2}
_SPACE = re.compile(r"\s+")


def norm_word(text: str) -> str:
    """The lookup key of a matched word: lower case, single spaces, plain apostrophes, no final dot."""
    text = _SPACE.sub(" ", text.strip().lower()).replace("’", "'").replace("‘", "'")
    return text[:-1] if text.endswith(".") and len(text) > 2 else text


@dataclass
class WordClass:
    """One class of words (months, units, ...): literal lookups plus regex fallbacks."""

    name: str
    words: list[str] = field(default_factory=list)  # regex fragments, full forms
    abbr: list[str] = field(default_factory=list)  # regex fragments, abbreviations
    literal: dict[str, tuple[Any, str]] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], Any, str]] = field(default_factory=list)

    def add(self, word: str, value: Any, entry_id: str, abbr: bool = False) -> None:
        frag = _SPACE.sub(r"\\s+", str(word))
        (self.abbr if abbr else self.words).append(frag + (r"\.?" if abbr else ""))
        if re.escape(str(word)) == str(word).replace(" ", r"\ ") or not re.search(r"[\\\[\](){}?*+|]", str(word)):
            self.literal[norm_word(str(word))] = (value, entry_id)
        else:
            self.patterns.append((re.compile(frag + r"\.?", FLAGS), value, entry_id))

    def lookup(self, text: str) -> tuple[Any, str] | None:
        hit = self.literal.get(norm_word(text))
        if hit is None and text.endswith("."):  # an abbreviation written with its dot: "sec.", "min."
            hit = self.literal.get(norm_word(text[:-1]))
        if hit is not None:
            return hit
        for pat, value, entry_id in self.patterns:
            if pat.fullmatch(text.strip()):
                return value, entry_id
        return None

    def regex(self, with_abbr: bool, abbr_only: bool = False) -> str:
        alts = self.abbr if abbr_only else self.words + (self.abbr if with_abbr else [])
        return "(?:" + "|".join(sorted(set(alts), key=len, reverse=True)) + ")"


@dataclass
class Rule:
    id: str
    type: str
    kind: str
    regex: re.Pattern[str]
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    order: int = 0

    def context_ok(self, text: str, start: int, end: int) -> bool:
        left, right = text[max(0, start - 40) : start], text[end : end + 40]
        if self.before is not None and not self.before.search(left):
            return False
        if self.not_before is not None and self.not_before.search(left):
            return False
        if self.after is not None and not self.after.match(right):
            return False
        return not (self.not_after is not None and self.not_after.match(right))


@dataclass
class Grammar:
    lang: str
    file: str
    classes: dict[str, WordClass]
    rules: list[Rule]
    cues: list[tuple[re.Pattern[str], int, str]]
    joins: dict[str, re.Pattern[str]]
    partof: re.Pattern[str]
    trigger: re.Pattern[str]  # every rule needs one of these words: rules only run around them
    spelled_year: dict[str, Any] = field(default_factory=dict)
    abbreviations: frozenset[str] = frozenset()  # words written with a dot of their own ("okt", "jl", "u")

    def takes_dot(self, word: str) -> bool:
        """Whether a dot right after ``word`` is its own (an abbreviation's) rather than a full stop."""
        w = word.lower()
        return len(w) <= 1 or "." in w or w in self.abbreviations

    def lookup(self, cls: str, text: str) -> tuple[Any, str] | None:
        wc = self.classes.get(cls)
        return wc.lookup(text) if wc else None


def _build_classes(data: dict[str, Any]) -> dict[str, WordClass]:
    classes: dict[str, WordClass] = {}
    for name, entries in data.items():
        if name == "compound":
            continue
        wc = WordClass(name)
        for e in entries:
            value = e.get("value", e)  # holidays carry their whole entry as value
            for w in e.get("words", []):
                wc.add(str(w), value, e["id"])
            for w in e.get("abbr", []):
                wc.add(str(w), value, e["id"], abbr=True)
        classes[name] = wc
    # Compound numerals (units + joiner + tens) are generated, not listed.
    number = classes.get("num")
    for comp in data.get("compound", []):
        if number is None:
            break
        units = [
            (e["words"][0], e["value"]) for e in data["num"] if isinstance(e.get("value"), int) and 1 <= e["value"] <= 9
        ]
        tens = [(e["words"][0], e["value"]) for e in data["num"] if e.get("tens")]
        # One compact alternative in the regex; every spelled-out compound in the lookup table.
        number.words.append(
            "(?:"
            + "|".join(u for u, _ in units)
            + ")(?:"
            + "|".join(comp["joiners"])
            + ")(?:"
            + "|".join(t for t, _ in tens)
            + ")"
        )
        for uw, uv in units:
            for tw, tv in tens:
                for j in comp["joiners"]:
                    number.literal[norm_word(f"{uw}{j}{tw}")] = (uv + tv, comp["id"])
    return classes


def spelled_year_regex(classes: dict[str, WordClass], spec: dict[str, Any]) -> str:
    """Years in words ("negentienachtentwintig", "tweeduizend achttien", "zeventienhonderdnegenentachtig"):
    a century numeral (``centuries``: their values) with "honderd" and/or a numeral below 100, or
    the thousands word with an optional numeral."""
    num = classes["num"]
    # an hour form ("om elven") is no century: "rond elven een verlies" is not the year 1101
    skip = {norm_word(w) for w in spec.get("not_century", [])}
    cents = [w for w, (v, _) in num.literal.items() if isinstance(v, int) and v in spec["centuries"] and w not in skip]
    below = (
        "(?:"
        + "|".join(
            sorted(
                (
                    re.escape(w)
                    for w, (v, _) in num.literal.items()
                    if isinstance(v, int) and 1 <= v <= 99 and not w.isdigit()
                ),
                key=len,
                reverse=True,
            )
        )
        + ")"
    )
    cent = "(?:" + "|".join(sorted(cents, key=len, reverse=True)) + ")"
    hundred, thousand = spec["hundred"], spec["thousand"]
    return (
        rf"(?:{thousand}(?:\s*(?:en\s*)?{below})?|{cent}\s*(?:{hundred}\s*(?:en\s*)?{below}?|{below}))"
        rf"(?!\w)"
    )


def _expand(pattern: str, classes: dict[str, WordClass], rule_id: str, year_words: str | None = None) -> str:
    def repl(m: re.Match[str]) -> str:
        macro, group = m.group(1), m.group(2)
        if macro == "YEAR4" and year_words:  # digits or words, one named group
            default, body = "year", f"(?:{BUILTINS['YEAR4'][1]}|{year_words})"
        elif macro in BUILTINS:
            default, body = BUILTINS[macro]
        else:
            # {MONTHX}: words and abbreviations; {MONTHA}: abbreviations only (a rule may want those
            # case-sensitive, since "Jan" is a name and "jan" a month)
            suffix = macro[-1] if macro[-1] in "XA" and macro[:-1].lower() in classes else ""
            name = macro[:-1].lower() if suffix else macro.lower()
            if name not in classes:
                raise ValueError(f"time rule {rule_id}: unknown macro {{{macro}}}")
            default, body = name, classes[name].regex(suffix == "X", abbr_only=suffix == "A")
        if group == "_":  # {MONTH:_}: no group of its own, for alternatives inside one named group
            return body
        return f"(?P<{group or default}>{body})"

    return _MACRO.sub(repl, pattern)


def _opt(pattern: str | None, classes: dict[str, WordClass], rule_id: str) -> re.Pattern[str] | None:
    """A context pattern (before/after/...), its class macros expanded like a rule's."""
    return re.compile(_expand(pattern, classes, rule_id), FLAGS) if pattern else None


@cache
def load_grammar(lang: str) -> Grammar:
    """Read and compile ``lang/<lang>/time.yaml`` (cached per process)."""
    data = load_resource(lang, "time.yaml")
    classes = _build_classes(data["classes"])
    year_words = spelled_year_regex(classes, data["spelled_year"]) if data.get("spelled_year") else None
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, r in enumerate(data["rules"]):
        if r["id"] in seen:
            raise ValueError(f"{lang}/time.yaml: duplicate rule id {r['id']}")
        seen.add(r["id"])
        body = _expand(r["pattern"], classes, r["id"], year_words)
        rules.append(
            Rule(
                id=r["id"],
                type=r["type"],
                kind=r["kind"],
                regex=re.compile(rf"(?<!\w)(?:{body})(?!\w)", FLAGS),
                before=_opt(r.get("before"), classes, r["id"]),
                after=_opt(r.get("after"), classes, r["id"]),
                not_before=_opt(r.get("not_before"), classes, r["id"]),
                not_after=_opt(r.get("not_after"), classes, r["id"]),
                params={k: v for k, v in r.items() if k in _PARAMS},
                order=i,
            )
        )
    cues = [(re.compile(c["pattern"], FLAGS), int(c["direction"]), c["id"]) for c in data.get("cues", [])]
    joins = {j["id"]: re.compile(_expand(j["pattern"], classes, j["id"]), FLAGS) for j in data.get("joins", [])}
    trig = [classes[c].regex(False) for c in data.get("triggers", {}).get("classes", []) if c in classes]
    trig += data.get("triggers", {}).get("patterns", [])
    trigger = re.compile(r"(?<!\w)(?:" + "|".join(trig) + ")", FLAGS)
    partof = re.compile(r"(?<!\w)(?P<partof>" + classes["partof"].regex(False) + r")\s*$", FLAGS)
    abbreviations = {norm_word(w) for e in _entries(data["classes"]) for w in e.get("abbr", [])}
    abbreviations |= {
        str(w)[:-2].lower() for e in _entries(data["classes"]) for w in e.get("words", []) if str(w).endswith("\\.")
    }  # "jl\\." in a word list
    return Grammar(
        lang,
        f"{lang}/time.yaml",
        classes,
        rules,
        cues,
        joins,
        partof,
        trigger,
        data.get("spelled_year") or {},
        frozenset(abbreviations),
    )


def _entries(classes: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for name, es in classes.items() if name != "compound" for e in es if isinstance(e, dict)]
