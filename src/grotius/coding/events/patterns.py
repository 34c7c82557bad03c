"""Event patterns: load the language's pattern files and index them by lemma key.

A pattern entry (YAML) names a CAMEO code, the lemmas that trigger it and the roles that give its
source and target. Lookup is by a normalised stem key, so that a form the lemmatizer got wrong
("gepleegd", "verwijt") still finds its entry; see ``stem_keys``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from grotius.coding.cameo import is_code
from grotius.coding.events.grammar import Grammar, grammar
from grotius.lang import available, load_resource

PATTERN_FILES = ("events.yaml", "events-nouns.yaml")


@dataclass(frozen=True)
class Refinement:
    cameo: str
    with_lemmas: frozenset[str]
    id: str


@dataclass(frozen=True)
class Pattern:
    id: str
    file: str
    cameo: str
    lemmas: tuple[str, ...]
    pos: str  # "verb" or "noun"
    source: tuple[str, ...]
    target: tuple[str, ...]
    refine: tuple[Refinement, ...] = ()
    requires: frozenset[str] = frozenset()  # alternatives: one must occur among the trigger's dependents
    unless: frozenset[str] = frozenset()  # none may occur there ("een standpunt innemen" is no capture)
    # alternatives, one of which must occur in the verb's complement clause ("zei dat Libië ... moet")
    requires_clause: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()  # light verbs a noun may hang under ("overleg plegen")
    reflexive: bool = False
    symmetric: bool = False  # "X en Y overleggen": one event each way
    mutual: bool = False  # "X overlegt met Y" is Y's consultation with X too: both directions
    complement: str | None = None  # "absorb": events in its complement are its content, not events
    needs_target: bool = False
    # the code of the same event seen from the target ("X bezocht Y": Y hosted X, 043): coded too
    converse: str | None = None
    promote: tuple[tuple[int, str], ...] = ()  # carrier verbs: (content quad class, code) pairs
    # only an event when one of its refinements holds: a broad verb whose object decides ("de hulp
    # opschorten" 162, "de onderhandelingen opschorten" 164; "de vergadering opschorten" is none)
    strict: bool = False
    # the code when every source is a civilian group (sector in the grammar's `civil_sectors`):
    # workers who "protesteren" demonstrate (140), a state that protests complains (114)
    civil: str | None = None
    # a second set of alternatives that must hold too: "niet te spreken (zijn) over" needs "te" and
    # "niet", where `requires` alone would take any "te spreken"
    also: frozenset[str] = frozenset()
    # the idiom's negation is part of its sense ("niet te spreken over" is disapproval, not a
    # meeting that did not happen): it makes no negated status
    negation_idiom: bool = False
    # alternatives, one of which must be in the subject's phrase: a resignation accedes to a demand
    # for a change of leadership (0831) only when a leader steps down, not any minister
    subject_requires: frozenset[str] = frozenset()
    # no event when the verb governs a te-infinitive: "had militanten geholpen zich aan te sluiten" is
    # help with that act, not aid (07)
    no_te_complement: bool = False
    lang: str = "nl"

    @property
    def rule(self) -> str:
        return f"{self.lang}/{self.file}#{self.id}"


@dataclass
class Lexicon:
    lang: str
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)

    def lemma_count(self) -> int:
        return len({lemma for p in self.patterns for lemma in p.lemmas})


def norm(stem: str, g: Grammar) -> str:
    """Fold spelling alternations of one stem (``g``: the language's grammar, required so that no
    engine silently gets Dutch rules): doubled vowels (pleeg/pleg), final v/f, z/s."""
    vowels, devoicing = g.words("key_vowels"), g["final_devoicing"]
    out: list[str] = []
    for ch in stem:
        if out and ch == out[-1] and ch in vowels:
            continue
        out.append(ch)
    s = "".join(out)
    if s and s[-1] in devoicing:
        s = s[:-1] + devoicing[s[-1]]
    if len(s) > 2 and s[-1] == s[-2] and s[-1] not in vowels:  # zett(en) -> zet
        s = s[:-1]
    return s


def lemma_key(lemma: str, g: Grammar) -> str:
    """The lookup key of a lemma: infinitive ending off, spelling folded by ``norm``."""
    lemma = lemma.lower().replace(" ", "")
    for suffix in g.tuple("key_infinitive_endings"):
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            return norm(lemma[: -len(suffix)], g)
    return norm(lemma, g)


def stem_keys(form: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...], g: Grammar) -> set[str]:
    """Candidate stem keys of an inflected verb form: strip one suffix and a participle prefix."""
    form = form.lower()
    keys = {lemma_key(form, g)}
    stems = {form}
    for suf in suffixes:
        if form.endswith(suf) and len(form) - len(suf) >= 2:
            stems.add(form[: -len(suf)])
    for stem in list(stems):
        for pre in prefixes:
            if stem.startswith(pre) and len(stem) - len(pre) >= 2:
                stems.add(stem[len(pre) :])
    keys.update(norm(s, g) for s in stems)
    return keys


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def _parse(raw: dict[str, Any], file: str, lang: str, defaults: dict[str, Any]) -> Pattern:
    pid = raw["id"]
    cameo = str(raw["cameo"])
    if not is_code(cameo):
        raise ValueError(f"{lang}/{file}#{pid}: unknown CAMEO code {cameo}")
    pos = raw.get("pos", "noun" if file.endswith("nouns.yaml") else "verb")
    dflt = defaults.get(pos, {})
    for extra in ("converse", "civil"):
        if raw.get(extra) and not is_code(str(raw[extra])):
            raise ValueError(f"{lang}/{file}#{pid}: unknown CAMEO code {raw[extra]} in {extra}")
    refine = []
    for i, r in enumerate(raw.get("refine", []) or []):
        if not is_code(str(r["cameo"])):
            raise ValueError(f"{lang}/{file}#{pid}: unknown CAMEO code {r['cameo']} in refine")
        refine.append(Refinement(str(r["cameo"]), frozenset(_as_tuple(r["with"])), r.get("id", f"{pid}.{i}")))
    return Pattern(
        id=pid,
        file=file,
        cameo=cameo,
        lemmas=_as_tuple(raw["lemmas"]),
        pos=pos,
        source=_as_tuple(raw.get("source", dflt.get("source"))),
        target=_as_tuple(raw.get("target", dflt.get("target"))),
        refine=tuple(refine),
        requires=frozenset(_as_tuple(raw.get("requires"))),
        unless=frozenset(_as_tuple(raw.get("unless"))),
        requires_clause=frozenset(_as_tuple(raw.get("requires_clause"))),
        light=frozenset(_as_tuple(raw.get("light", dflt.get("light")))),
        reflexive=bool(raw.get("reflexive", False)),
        symmetric=bool(raw.get("symmetric", False)),
        mutual=bool(raw.get("mutual", False)),
        complement=raw.get("complement"),
        needs_target=bool(raw.get("needs_target", False)),
        converse=str(raw["converse"]) if raw.get("converse") else None,
        promote=tuple((int(q), str(c)) for q, c in (raw.get("promote") or {}).items()),
        lang=lang,
        strict=bool(raw.get("strict", False)),
        civil=str(raw["civil"]) if raw.get("civil") else None,
        also=frozenset(_as_tuple(raw.get("also"))),
        negation_idiom=bool(raw.get("negation_idiom", False)),
        subject_requires=frozenset(_as_tuple(raw.get("subject_requires"))),
        no_te_complement=bool(raw.get("no_te_complement", False)),
    )


@cache
def load_lexicon(lang: str) -> Lexicon:
    """All pattern files of ``lang``, indexed by lemma key (verbs) and lowercase lemma (nouns)."""
    lex = Lexicon(lang)
    g = grammar(lang)
    ids: set[str] = set()
    defaults: dict[str, Any] = {}  # role defaults carry over to later files (events-nouns.yaml)
    for file in PATTERN_FILES:
        if not available(lang, file):
            continue
        data = load_resource(lang, file)
        defaults.update(data.get("defaults", {}))
        for raw in data["entries"]:
            pat = _parse(raw, file, lang, defaults)
            if pat.id in ids:
                raise ValueError(f"{lang}/{file}: duplicate id {pat.id}")
            ids.add(pat.id)
            lex.patterns.append(pat)
            index = lex.verbs if pat.pos == "verb" else lex.nouns
            for lemma in pat.lemmas:
                key = lemma_key(lemma, g) if pat.pos == "verb" else lemma.lower()
                index.setdefault(key, []).append(pat)
    return lex
