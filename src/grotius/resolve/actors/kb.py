"""The knowledge base: countries, organisations and people with dated roles, plus one language's
aliases, compiled once into an alias index.

Language-neutral facts live in ``grotius/kb/*.yaml``; the words a language uses for them live in
``grotius/lang/<lang>/actors*.yaml``. Both are read here and nowhere else.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from grotius.errors import InputError
from grotius.resolve.actors import normalize, translit, yamlines
from grotius.resolve.actors.grammar import RESOURCE as GRAMMAR_FILE
from grotius.resolve.actors.normalize import is_acronym, is_capitalised, norm, split_words
from grotius.resolve.actors.translit import dutch_variants
from grotius.resolve.actors.yamlines import LINE, load_with_lines, read_yaml

REFERS = ("previous-country", "home", "member-org", "several")
KINDS = {"country", "capital", "org", "person", "metonym", "nominal", "title", "adjective", "demonym"}
SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "BUS",
    "MED",
    "CVL",
    "JUD",
    "LEG",
    "POL",
    "IGO",
    "NGO",
    "COP",
    "ELI",
    "EDU",
    "REL",
    "HLH",
    "LAB",
    "AGR",
    "ENV",
    "CRM",
    "SPY",
    "REF",
    "UAF",
    "INS",
    "MNC",
    "IMG",
    "HRI",
    "DEV",
    "SEP",
    "PTY",
    "JEW",
    "MUS",
    "CHR",
}
# Environment variable naming extra KB files (YAML/CSV of the user's own actors), separated by os.pathsep.
EXTRA_ENV = "GROTIUS_KB_EXTRA"
# Set to 0 to compile the KB in every process instead of reading the pickled index.
CACHE_ENV = "GROTIUS_KB_CACHE"


@dataclass(frozen=True)
class Role:
    code: str
    country: str | None
    sector: str | None
    org: str | None
    start: date | None
    end: date | None  # inclusive; None = still held
    titles: tuple[str, ...] = ()
    open: bool = False  # end is only the source's date: the role may have lasted longer

    def overlaps(self, first: date, last: date) -> int:
        """Days of [first, last] during which the role was held (0 = not held then)."""
        lo = max(first, self.start or date.min)
        hi = min(last, self.end or date.max)
        return (hi - lo).days + 1 if lo <= hi else 0


@dataclass
class Person:
    id: str
    name: str
    roles: list[Role] = field(default_factory=list)
    curated: bool = False


@dataclass(frozen=True)
class Target:
    """What an alias stands for."""

    entry: str  # output id, e.g. "kb/people.yaml#joe-biden" or "nl/actors.yaml#leger"
    kind: str
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    person: str | None = None  # Person.id
    title: str | None = None
    priority: int = 0
    weak: bool = False  # needs support (a PER entity or an earlier full mention) to count
    # "previous-country": the country named last ("het land"); "home": the article's home ("ons land");
    # "member-org": the member states of the organisation the article names ("de 29 lidstaten");
    # "several": more than one country, no one of them ("beide landen")
    refers: str | None = None
    # an office or body of the article's home country ("Kamerlid", "burgemeester", "de Kamer"): placed
    # by the outlet and the home evidence before the foreign country the article is about
    home: bool = False
    # a state that has ceased to exist (kb/historical.yaml): its code and last day; ``country`` is the
    # successor, which the name means from that day on or when the publication date is unknown
    historical: str | None = None
    until: date | None = None
    # a home office's country when the article gives no home evidence at all ("het kabinet": NLD)
    fallback: str | None = None


# How an alias must match: "exact" case (acronyms), "proper" (capitalised first word) or "any".
CaseMode = str


@dataclass
class KnowledgeBase:
    lang: str
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    orgs: dict[str, Target] = field(default_factory=dict)
    org_by_code: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    # alias words -> [(target, case mode)]; first word -> longest alias length starting with it
    aliases: dict[tuple[str, ...], list[tuple[Target, CaseMode]]] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)
    titles: dict[tuple[str, str], list[tuple[Person, Role]]] = field(default_factory=dict)
    former: set[str] = field(default_factory=set)  # normalised words marking "former" (oud-, ex-)
    locative: set[str] = field(default_factory=set)  # prepositions that make a place a location
    pronouns: dict[str, str] = field(default_factory=dict)  # normalised pronoun -> "person"|"group"
    plural_pronouns: set[str] = field(default_factory=set)  # "ze", "zij", "zich": coordinated antecedents
    plural_only: set[str] = field(default_factory=set)  # "hen": plural whatever the tagger says
    # "het" as the subject of a verb only an agent does ("Het wil ...") stands for a body named before
    neuter_pronouns: set[str] = field(default_factory=set)
    agent_verbs: set[str] = field(default_factory=set)
    time_words: set[str] = field(default_factory=set)  # weekdays, months: never an actor
    region_prefixes: set[str] = field(default_factory=set)  # "Oost"-Oekraïne: still the country
    stance_prefixes: set[str] = field(default_factory=set)  # "pro"-Iraanse: no actor of that country
    continent_words: set[str] = field(default_factory=set)  # "Zuid-Amerikaanse": a continent's part, no country
    origin: set[str] = field(default_factory=set)  # prepositions of origin: "jihadi uit Verviers"
    not_compound_heads: set[str] = field(default_factory=set)  # "schietpartij" is no party
    home_possessives: set[str] = field(default_factory=set)  # "onze minister": the home country's
    possessives: set[str] = field(default_factory=set)  # "zijn dochter": of the person named before
    possessive_idioms: set[str] = field(default_factory=set)  # "op zijn beurt": no one's, an idiom
    plural_names: set[str] = field(default_factory=set)  # "de VS ... hun grenzen": countries named in the plural
    singular_only: set[str] = field(default_factory=set)  # "schepen": an alderman, but plural ships
    directional: set[str] = field(default_factory=set)  # "naar Soedan": a destination, not where actors are
    led_by: set[str] = field(default_factory=set)  # "door Vietnam geleide troepen": Vietnam's troops
    ethnic: set[str] = field(default_factory=set)  # "etnische Albanezen in Macedonië": of Macedonia
    several_adjectives: set[str] = field(default_factory=set)  # "een Europees hof": of no one country
    place_nouns: set[str] = field(default_factory=set)  # "de burgemeester van de Franse stad": of its country
    # gazetteer: normalised place name -> [(country, population)], the language's exonyms first
    places: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    exonyms: set[str] = field(default_factory=set)  # normalised names the language file vouches for
    paramount: dict[str, str] = field(default_factory=dict)  # country -> office of "the leader"
    # normalised surname -> ids of people with a titled role (head of state, ...), for "premier May"
    titled_surnames: dict[str, list[str]] = field(default_factory=dict)
    # normalised word -> the one home country whose institutions it names ("schepen" -> BEL)
    home_words: dict[str, str] = field(default_factory=dict)
    # organisation -> last words of its multi-word names ("commissie" for the EU's "Europese Commissie")
    org_tails: dict[str, set[str]] = field(default_factory=dict)
    # historical state code -> its record in kb/historical.yaml (successor, until)
    historical: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- building ---------------------------------------------------------------------------
    def add_alias(self, text: str, target: Target, case: CaseMode | None = None) -> None:
        words = split_words(str(text))
        if not words:
            return
        if case is None:
            case = (
                "exact"
                if len(words) == 1 and is_acronym(words[0])
                else ("proper" if is_capitalised(words[0]) else "any")
            )
        # hyphens are no words: "Bashar al-Assad" is "Bashar Al Assad", "Noord-Korea" "Noord Korea"
        key = tuple(norm(w) for w in words if w != "-")
        if not key:
            return
        hits = self.aliases.setdefault(key, [])
        same = [k for k, (t, _) in enumerate(hits) if t.entry == target.entry]
        if not same:
            hits.append((target, case))
        elif hits[same[0]][0].weak and not target.weak:
            # a curated record's surname (Netanyahu) is no longer weak for having come from generated data first
            hits[same[0]] = (target, case)
        self.max_len[key[0]] = max(self.max_len.get(key[0], 0), len(key))

    def parse_code(self, code: str) -> tuple[str | None, str | None, str | None]:
        """CAMEO code -> (country, sector, org): ``RUSGOV`` -> (RUS, GOV, None), ``IGOWSTNAT`` -> NATO."""
        if code[:3] in self.countries:
            return code[:3], (code[3:6] or None), None
        if code[:3] in self.historical:  # SUNGOV: the successor's; the resolver dates it (historical_role)
            return str(self.historical[code[:3]]["successor"]), (code[3:6] or None), None
        org_id = self.org_by_code.get(code)
        org = self.orgs[org_id].org if org_id else None
        return None, code[:3] if code[:3] in SECTORS else None, org

    # -- queries ----------------------------------------------------------------------------
    def place(self, text: str, prefer: set[str] | frozenset[str] = frozenset()) -> tuple[str, int] | None:
        """The country of a place name (``Keulen`` -> DEU): an exonym of the language file, else a
        country the article already names, else the most populous GeoNames place of that name."""
        hits = self.places.get(place_key(text))
        if not hits:
            return None
        return next((h for h in hits if h[0] in prefer), hits[0]) if place_key(text) not in self.exonyms else hits[0]

    def leader_offices(self, who: str) -> tuple[str, ...]:
        """Offices to try for "the leader" of a country, paramount one first."""
        first = self.paramount.get(who, "head_of_state")
        return (first, *(o for o in ("head_of_state", "head_of_government") if o != first))

    def holders(self, who: str, title: str, first: date, last: date) -> list[tuple[Person, Role]]:
        """People holding ``title`` for a country or org during [first, last], longest tenure first."""
        found = [(p, r) for p, r in self.titles.get((who, title), ()) if r.overlaps(first, last)]
        return sorted(found, key=lambda pr: -pr[1].overlaps(first, last))


def place_key(text: str) -> str:
    return " ".join(norm(w) for w in split_words(text))


def _load_places(kb: KnowledgeBase) -> None:
    """kb/places.tsv (GeoNames, generated) plus the language's exonyms; names that are also common
    words (``Van``, ``Best``) are dropped unless the language file lists them as exonyms."""
    src = f"{kb.lang}/places.yaml"
    f = _lang_files(kb.lang).joinpath("places.yaml")
    data = load_with_lines(f.read_text(encoding="utf8"), src) if f.is_file() else {}
    data = data or {}
    stop = {place_key(w) for w in data.get("not_places") or []}
    for line in _kb_files().joinpath("places.tsv").read_text(encoding="utf8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, country, pop = line.split("\t")
        key = place_key(name)
        if key in stop or country not in kb.countries:
            continue
        kb.places.setdefault(key, []).append((country, int(pop)))
    for hits in kb.places.values():
        hits.sort(key=lambda h: -h[1])
    _transliterated_places(kb, stop)
    for country, names in (data.get("exonyms") or {}).items():
        if country == LINE:
            continue
        if country not in kb.countries:
            raise InputError(src, f"unknown country code {country!r} (ISO 3166 alpha-3)")
        for name in names:
            key = place_key(str(name))
            pop = max((p for c, p in kb.places.get(key, []) if c == country), default=0)
            kb.places[key] = [(country, pop)] + [h for h in kb.places.get(key, []) if h[0] != country]
            kb.exonyms.add(key)


def _transliterated_places(kb: KnowledgeBase, stop: set[str]) -> None:
    """GeoNames spells Russian and Arab places in English transliteration (Surgut, Tabuk); Dutch news
    writes Soergoet, Taboek. Each place of a Cyrillic- or Arabic-writing state also gets the regular
    Dutch spelling (translit.py), where that is safe: a name of more than four letters that is no
    other place, no word the language file keeps out, and no actor alias (a generated spelling never
    displaces a real name)."""
    added: dict[str, list[tuple[str, int]]] = {}
    for key, hits in kb.places.items():
        for country, pop in hits:
            for variant in dutch_variants(key, {country}):
                vkey = place_key(variant)
                if len(vkey) <= 4 or vkey in kb.places or vkey in stop or tuple(vkey.split()) in kb.aliases:
                    continue
                added.setdefault(vkey, []).append((country, pop))
    for vkey, hits in added.items():
        kb.places[vkey] = sorted(set(hits), key=lambda h: -h[1])


def _load_leaders(kb: KnowledgeBase) -> None:
    src = "kb/leaders.yaml"
    data = load_with_lines(_kb_files().joinpath("leaders.yaml").read_text(encoding="utf8"), src) or {}
    for office, countries in data.items():
        if office == LINE:
            continue
        for c in countries:
            if c not in kb.countries:
                raise InputError(src, f"unknown country code {c!r} (ISO 3166 alpha-3)")
            kb.paramount[c] = office


def _kb_files() -> Any:
    return resources.files("grotius.kb")


def _lang_files(lang: str) -> Any:
    return resources.files("grotius.lang").joinpath(lang)


def _read(traversable: Any, source: str) -> list[dict[str, Any]]:
    data = load_with_lines(traversable.read_text(encoding="utf8"), source)
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(source, "expected a list of entries")
    return data


def _date(value: Any, source: str, line: int | None) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(source, f"not a date YYYY-MM-DD: {value!r}", line) from None


def _need(rec: dict[str, Any], key: str, source: str) -> Any:
    if not isinstance(rec, dict) or rec.get(key) in (None, ""):
        raise InputError(source, f"entry without {key!r}", rec.get(LINE) if isinstance(rec, dict) else None)
    return rec[key]


def _load_countries(kb: KnowledgeBase) -> None:
    src = "kb/countries.yaml"
    for rec in _read(_kb_files().joinpath("countries.yaml"), src):
        cid = _need(rec, "id", src)
        kb.countries[cid] = rec
    for rec in kb.countries.values():
        target = Target(f"{src}#{rec['id']}", "country", name=rec["name"], country=rec["id"], code=rec["id"])
        for name in rec.get("names", {}).get(kb.lang, []) + rec.get("names", {}).get("en", []):
            kb.add_alias(name, target)


def _load_historical(kb: KnowledgeBase) -> None:
    src = "kb/historical.yaml"
    for rec in _read(_kb_files().joinpath("historical.yaml"), src):
        hid = _need(rec, "id", src)
        successor = _need(rec, "successor", src)
        if successor not in kb.countries:
            raise InputError(src, f"unknown successor country {successor!r} (ISO 3166 alpha-3)", rec.get(LINE))
        rec["until"] = _date(_need(rec, "until", src), src, rec.get(LINE))
        kb.historical[hid] = rec


def _load_orgs(kb: KnowledgeBase) -> None:
    # organisations_phoenix.yaml is generated (kb/build_orgs.py) and read last: its names are ones the
    # curated files lack
    names = ("organisations.yaml", "organisations_national.yaml", "organisations_companies.yaml")
    for fname in (*names, "organisations_phoenix.yaml"):
        src = f"kb/{fname}"
        if not _kb_files().joinpath(fname).is_file():
            continue
        for rec in _read(_kb_files().joinpath(fname), src):
            oid = _need(rec, "id", src)
            country = rec.get("country")
            if country and country not in kb.countries:
                raise InputError(src, f"unknown country code {country!r} (ISO 3166 alpha-3)", rec.get(LINE))
            if oid in kb.orgs:
                raise InputError(src, f"duplicate organisation id {oid!r}", rec.get(LINE))
            sector = rec.get("sector", "IGO")
            # A national body (a party, a newspaper) is its country's sector, not an organisation actor.
            org = rec.get("org") or (None if country else rec["name"])
            code = rec.get("code") or (f"{country}{sector}" if country else _need(rec, "code", src))
            target = Target(
                f"{src}#{oid}", "org", name=_need(rec, "name", src), org=org, country=country, sector=sector, code=code
            )
            kb.orgs[oid] = target
            kb.org_by_code.setdefault(target.code or "", oid)
            for alias in [rec["name"], *rec.get("aliases", [])]:
                kb.add_alias(alias, target)


def person_records(
    records: list[dict[str, Any]], source: str, kb: KnowledgeBase, curated: bool, append: bool = False
) -> None:
    """Add people (``id``, ``name``, ``aliases``, ``roles``) to the KB; a curated record replaces the
    roles of a generated one with the same id and adds its aliases."""
    for rec in records:
        pid = str(_need(rec, "id", source))
        roles = []
        for r in rec.get("roles") or []:
            code = str(_need(r, "code", source))
            country, sector, org = kb.parse_code(code)
            titles = r.get("title") or ()
            titles = (titles,) if isinstance(titles, str) else tuple(titles)
            roles.append(
                Role(
                    code,
                    country,
                    sector,
                    org,
                    _date(r.get("from"), source, r.get(LINE)),
                    _date(r.get("to"), source, r.get(LINE)),
                    titles,
                    bool(r.get("open")),
                )
            )
        old = kb.people.get(pid)
        if old is not None and append:  # a file of extra roles: add them, keep the person's others
            old.roles += [r for r in roles if r not in old.roles]
            old.curated = old.curated or curated
            person = old
        elif old is not None and curated and not old.curated:
            old.roles, old.curated, old.name = roles or old.roles, True, rec.get("name", old.name)
            person = old
        elif old is not None:
            old.roles += [r for r in roles if r not in old.roles]
            person = old
        else:
            person = Person(pid, str(_need(rec, "name", source)), roles, curated)
            kb.people[pid] = person
        target = Target(f"kb/people.yaml#{pid}", "person", name=person.name, person=pid)
        kb.add_alias(person.name, target)
        # the Dutch transliterations of Russian, Arabic and Persian names (Gorbatsjov, Moebarak)
        states = {c for r in person.roles for c in (r.country, r.code[:3]) if c}
        names = [str(a) for a in rec.get("aliases") or []]
        names += [v for n in [person.name, *names] for v in dutch_variants(n, states)]
        for alias in names:
            words = split_words(alias)
            # A bare surname from generated data is ambiguous: it needs support in the text.
            weak = len(words) == 1 and not curated
            kb.add_alias(alias, Target(target.entry, "person", name=person.name, person=pid, weak=weak))


def _index_titles(kb: KnowledgeBase) -> None:
    kb.titles.clear()
    kb.titled_surnames.clear()
    for person in kb.people.values():
        if any(r.titles for r in person.roles):  # "premier May": surname + title -> Theresa May
            kb.titled_surnames.setdefault(norm(person.name.split()[-1]), []).append(person.id)
        for role in person.roles:
            who = role.country or role.org
            for title in role.titles:
                if who:
                    kb.titles.setdefault((who, title), []).append((person, role))


def _load_lang(kb: KnowledgeBase) -> None:
    lang = kb.lang
    folder = _lang_files(lang)
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not (f.name.startswith("actors") and f.name.endswith(".yaml")) or f.name == GRAMMAR_FILE:
            continue  # (actors-grammar.yaml holds the resolver's function words, read by grammar.py)
        src = f"{lang}/{f.name}"
        records = _read(f, src)
        for rec in records:
            _lang_entry(kb, rec, src)


def _lang_entry(kb: KnowledgeBase, rec: dict[str, Any], src: str) -> None:
    eid = str(_need(rec, "id", src))
    line = rec.get(LINE)
    kind = rec.get("kind")
    if kind == "country":  # names, adjectives, demonyms and capitals of one country
        if eid not in kb.countries:
            raise InputError(src, f"unknown country code {eid!r} (ISO 3166 alpha-3)", line)
        cname = kb.countries[eid]["name"]
        entry = f"kb/countries.yaml#{eid}"
        for alias in rec.get("names") or []:
            kb.add_alias(alias, Target(entry, "country", name=cname, country=eid, code=eid))
        for alias in rec.get("adjectives") or []:
            kb.add_alias(alias, Target(entry, "adjective", name=cname, country=eid, code=eid), "any")
        for alias in rec.get("demonyms") or []:
            kb.add_alias(alias, Target(entry, "demonym", name=cname, country=eid, code=eid))
        for alias in rec.get("capitals") or []:
            kb.add_alias(
                alias,
                Target(
                    f"{src}#{eid}-capital",
                    "capital",
                    name=cname,
                    country=eid,
                    sector="GOV",
                    code=f"{eid}GOV",
                    priority=int(rec.get("capital_priority", 0)),
                ),
            )
        return
    if kind == "historical":  # names of a state that no longer exists (kb/historical.yaml)
        ref = _need(rec, "ref", src)
        if ref not in kb.historical:
            raise InputError(src, f"unknown historical state {ref!r} (not in kb/historical.yaml)", line)
        h = kb.historical[ref]
        entry, succ = f"kb/historical.yaml#{ref}", h["successor"]
        common = {"name": h["name"], "country": succ, "code": succ, "historical": ref, "until": h["until"]}
        for alias in rec.get("names") or []:
            kb.add_alias(alias, Target(entry, "country", **common))
        for alias in rec.get("adjectives") or []:
            kb.add_alias(alias, Target(entry, "adjective", **common), "any")
        for alias in rec.get("demonyms") or []:
            kb.add_alias(alias, Target(entry, "demonym", **common))
        return
    if kind == "person":  # extra spellings of a KB person
        if eid not in kb.people:
            raise InputError(src, f"unknown person id {eid!r} (not in kb/people*.yaml)", line)
        p = kb.people[eid]
        for alias in rec.get("aliases") or []:
            kb.add_alias(alias, Target(f"kb/people.yaml#{eid}", "person", name=p.name, person=eid))
        return
    if kind == "words":  # closed word lists the engine needs: former markers, locatives, pronouns
        kb.former |= {norm(w) for w in rec.get("former") or []}
        kb.locative |= {norm(w) for w in rec.get("locative") or []}
        for w in rec.get("person_pronouns") or []:
            kb.pronouns[norm(w)] = "person"
        kb.plural_pronouns |= {norm(w) for w in rec.get("plural_pronouns") or []}
        kb.plural_only |= {norm(w) for w in rec.get("plural_only") or []}
        kb.neuter_pronouns |= {norm(w) for w in rec.get("neuter_pronouns") or []}
        kb.agent_verbs |= {norm(w) for w in rec.get("agent_verbs") or []}
        kb.time_words |= {norm(w) for w in rec.get("time_words") or []}
        kb.region_prefixes |= {norm(w) for w in rec.get("region_prefixes") or []}
        kb.stance_prefixes |= {norm(w) for w in rec.get("stance_prefixes") or []}
        kb.continent_words |= {norm(w) for w in rec.get("continent_words") or []}
        kb.origin |= {norm(w) for w in rec.get("origin") or []}
        kb.not_compound_heads |= {norm(w) for w in rec.get("not_compound_heads") or []}
        kb.home_possessives |= {norm(w) for w in rec.get("home_possessives") or []}
        kb.possessives |= {norm(w) for w in rec.get("possessives") or []}
        kb.possessive_idioms |= {norm(w) for w in rec.get("possessive_idioms") or []}
        kb.plural_names |= {norm(w) for w in rec.get("plural_names") or []}
        kb.singular_only |= {norm(w) for w in rec.get("singular_only") or []}
        kb.directional |= {norm(w) for w in rec.get("directional") or []}
        kb.led_by |= {norm(w) for w in rec.get("led_by") or []}
        kb.ethnic |= {norm(w) for w in rec.get("ethnic") or []}
        kb.several_adjectives |= {norm(w) for w in rec.get("several_adjectives") or []}
        kb.place_nouns |= {norm(w) for w in rec.get("place_nouns") or []}
        return
    if kind == "home":  # words that tell which home country an article comes from
        country = _need(rec, "country", src)
        if country not in kb.countries:
            raise InputError(src, f"unknown country code {country!r} (ISO 3166 alpha-3)", line)
        kb.home_words.update({norm(w): country for w in rec.get("words") or []})
        return
    if kind not in KINDS:
        raise InputError(src, f"entry {eid!r}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})", line)
    target = _lang_target(kb, rec, f"{src}#{eid}", src)
    for alias in rec.get("aliases") or []:
        kb.add_alias(alias, target, rec.get("case"))
    # a word class composes the aliases: every qualifier before every head ("Europese" x "steun")
    for qualifier in rec.get("qualifiers") or []:
        for head in rec.get("heads") or []:
            kb.add_alias(f"{qualifier} {head}", target, rec.get("case"))


def _lang_target(kb: KnowledgeBase, rec: dict[str, Any], entry: str, src: str) -> Target:
    line = rec.get(LINE)
    kind = rec["kind"]
    if kind == "org":  # a Dutch name of a KB organisation
        oid = _need(rec, "ref", src)
        if oid not in kb.orgs:
            raise InputError(src, f"unknown organisation {oid!r} (not in kb/organisations.yaml)", line)
        o = kb.orgs[oid]
        return Target(
            o.entry,
            "org",
            name=o.name,
            org=o.org,
            country=o.country,
            sector=o.sector,
            code=o.code,
            priority=int(rec.get("priority", 0)),
        )
    country = rec.get("country")
    if country and country not in kb.countries:
        raise InputError(src, f"unknown country code {country!r} (ISO 3166 alpha-3)", line)
    sector = rec.get("sector")
    if sector and sector not in SECTORS:
        raise InputError(src, f"unknown sector {sector!r}", line)
    code = rec.get("code") or (f"{country or ''}{sector or ''}" or None)
    refers = rec.get("refers")
    if refers not in (None, *REFERS):
        raise InputError(src, f"unknown refers {refers!r} (one of {', '.join(REFERS)})", line)
    return Target(
        entry,
        kind,
        name=rec.get("name"),
        country=country,
        org=rec.get("org"),
        sector=sector,
        code=code,
        title=rec.get("title"),
        priority=int(rec.get("priority", 0)),
        refers=refers,
        home=bool(rec.get("home", False)),
        fallback=_fallback(kb, rec, src, line),
    )


def _fallback(kb: KnowledgeBase, rec: dict[str, Any], src: str, line: int | None) -> str | None:
    code = rec.get("fallback")
    if code is not None and code not in kb.countries:
        raise InputError(src, f"unknown fallback country {code!r} (ISO 3166 alpha-3)", line)
    return code


def extra_files() -> list[Path]:
    """The user's KB files: those installed by ``grotius kb add`` and those named in $GROTIUS_KB_EXTRA."""
    from grotius.resolve.actors.extend import user_dir

    folder = user_dir()
    installed = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return installed + [Path(p) for p in os.environ.get(EXTRA_ENV, "").split(os.pathsep) if p]


def _sources(lang: str) -> list[Any]:
    """Every file the compiled KB depends on, with the code that shapes the index: this module and
    the ones it compiles with (normalised keys, generated Dutch spellings)."""
    lang_dir = _lang_files(lang)
    files = [f for f in _kb_files().iterdir() if f.name.endswith((".yaml", ".tsv"))]
    files += [f for f in lang_dir.iterdir() if f.name.startswith(("actors", "places")) and f.name.endswith(".yaml")]
    code = [Path(m.__file__) for m in (sys.modules[__name__], normalize, translit, yamlines)]
    return [*sorted(files, key=lambda f: f.name), *code, *extra_files()]


def _fingerprint(lang: str) -> str:
    h = hashlib.sha256(f"{lang}\0{sys.version_info[:2]}".encode())
    for f in _sources(lang):
        st = os.stat(str(f))
        h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()[:20]


def _cache_file(lang: str) -> Path | None:
    if os.environ.get(CACHE_ENV, "1") == "0":
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "grotius"
    return base / f"kb-{lang}-{_fingerprint(lang)}.pickle"


@cache
def load_kb(lang: str = "nl") -> KnowledgeBase:
    """The compiled KB for one language: cached per process, and compiled once per set of source
    files into a pickle under the user's cache folder (parsing the YAML takes over a second)."""
    path = _cache_file(lang)
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                kb = pickle.load(fh)  # noqa: S301 - our own cache, keyed by the sources' fingerprint
            # a process still running older code may have written this fingerprint's pickle after the
            # sources changed: a KB lacking one of today's fields is rebuilt
            if isinstance(kb, KnowledgeBase) and all(hasattr(kb, f.name) for f in fields(KnowledgeBase)):
                return kb
        except Exception:  # noqa: BLE001 - a stale or broken cache is rebuilt, never fatal
            pass
    kb = compile_kb(lang)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for old in path.parent.glob(f"kb-{lang}-*.pickle"):
                old.unlink(missing_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: compile every time
    return kb


def compile_kb(lang: str = "nl") -> KnowledgeBase:
    """Read and validate every KB and language file and build the alias index."""
    kb = KnowledgeBase(lang)
    _load_countries(kb)
    _load_historical(kb)
    _load_orgs(kb)
    kbf = _kb_files()
    person_records(
        _read(kbf.joinpath("people_phoenix.yaml"), "kb/people_phoenix.yaml"),
        "kb/people_phoenix.yaml",
        kb,
        curated=False,
    )
    person_records(_read(kbf.joinpath("people.yaml"), "kb/people.yaml"), "kb/people.yaml", kb, curated=True)
    # world leaders 1950-2020, hand-checked: the generated file keeps only roles from 2000 on
    person_records(
        _read(kbf.joinpath("people_leaders.yaml"), "kb/people_leaders.yaml"), "kb/people_leaders.yaml", kb, curated=True
    )
    person_records(
        _read(kbf.joinpath("people_ministers.yaml"), "kb/people_ministers.yaml"),
        "kb/people_ministers.yaml",
        kb,
        curated=True,
        append=True,
    )
    for path in extra_files():
        from grotius.resolve.actors.extend import load_user_file

        person_records(load_user_file(path, kb), str(path), kb, curated=True)
    _load_lang(kb)
    _load_places(kb)
    _load_leaders(kb)
    _index_titles(kb)
    for key, hits in kb.aliases.items():
        for t, _ in hits:
            if len(key) > 1 and t.kind == "org" and t.org:
                kb.org_tails.setdefault(t.org, set()).add(key[-1])
    return kb


__all__ = ["KnowledgeBase", "compile_kb", "Person", "Role", "Target", "load_kb", "person_records", "read_yaml"]
