"""Resolve the actor mentions of an annotated article: KB aliases, named entities the KB lacks,
adjective + actor noun phrases, titles with names, roles valid at the publication date, and
mentions that lean on earlier ones (surnames, bare titles, pronouns)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from grotius.datamodel import Actor, PubDate
from grotius.resolve.actors.coref import resolve_definite_nouns, resolve_pronouns
from grotius.resolve.actors.grammar import grammar, grammar_of
from grotius.resolve.actors.kb import KnowledgeBase, Person, Role, Target, load_kb, place_key
from grotius.resolve.actors.matcher import Mention, find_aliases
from grotius.resolve.actors.normalize import norm, split_words
from grotius.resolve.actors.setting import fill_from_setting, home_country, located_country

# Doc.user_data key a caller may set to the outlet's country (ISO alpha-3).
SOURCE_COUNTRY = "grotius_source_country"

# Kinds that name an actor by themselves; adjectives and demonyms only lend a country.
_HEADS = {"nominal", "title", "person", "org", "metonym"}
_NER_KINDS = {"PER", "ORG"}
_PERSONISH = {"person", "title", "ner-PER"}
# Sectors of organisations with national branches named with a hyphen ("Rode Kruis-Vlaanderen").
_BRANCHED = {"NGO", "MED", "BUS", "LAB"}
# Dependency relations of event participants, for proper nouns the NER missed.
_ARG_DEPS = {"nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "ROOT"}
# Relations only a noun phrase fills: a mis-tagged actor noun in one of them is still a noun.
_NOUN_DEPS = {"nsubj", "obj", "iobj", "obl", "nmod", "appos"}
# A proper noun outside a NER location is taken for a place only when it names a town this big
# (or the language lists it): small GeoNames places share names with people and words.
_PROPN_PLACE_POP = 15000


def sentence_starts(doc: Doc) -> list[int]:
    """Token index -> index of its sentence's first token, computed once (Token.sent rescans the doc)."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


def _window(published: PubDate | None) -> tuple[date, date] | None:
    return (published.first_day, published.last_day) if published else None


def best_role(person: Person, when: tuple[date, date] | None, title: str | None = None) -> tuple[Role | None, bool]:
    """The role a person holds in the window (longest overlap, titled and GOV roles first), and
    whether the person is "former" then (all known roles ended before it). A ``title`` named in the
    text (``premier Charles Michel``) picks the role carrying it, whatever the date says."""
    if not person.roles:
        return None, False
    titled = [r for r in person.roles if title and title in r.titles]
    if when is None:  # no date: the role the text names, else the latest role
        return max(titled or person.roles, key=lambda r: (r.start or date.min, bool(r.titles))), False
    first, last = when
    held = [r for r in person.roles if r.overlaps(first, last)]
    if held:
        return max(
            held, key=lambda r: (title in r.titles, bool(r.titles), r.sector == "GOV", r.overlaps(first, last))
        ), False
    past = [r for r in (titled or person.roles) if r.end and r.end < first]
    if not past:
        return None, False
    last_role = max(past, key=lambda r: r.end or date.min)
    # Generated roles that were still running when the source was written may have gone on.
    return last_role, not last_role.open


def _choose(
    m: Mention,
    kb: KnowledgeBase,
    per_tokens: set[int],
    when: tuple[date, date] | None,
    strong_people: set[str],
    context: dict[str, int],
) -> Target | None:
    cands = []
    for t in m.targets:
        if t.weak and t.person not in strong_people and not any(i in per_tokens for i in range(m.t0, m.t1)):
            continue
        cands.append(t)
    if not cands:
        return None

    def score(t: Target) -> tuple:
        valid = 0
        if t.person and when is not None:
            role, former = best_role(kb.people[t.person], when)
            valid = 2 if role and not former else (1 if role else 0)
        ctx = context.get(t.org or "", 0) + context.get(t.country or "", 0)
        return (t.priority + ctx, valid, t.person in strong_people, kb.people[t.person].curated if t.person else 0)

    return max(cands, key=score)


def _adjective_before_noun(m: Mention, doc: Doc, per_tokens: set[int]) -> list[Target]:
    """``de Albanese oproerpolitie`` is Albanian police, not the police of Anthony Albanese: a word
    that is both a nationality adjective and a surname is the adjective when it stands before a
    noun outside any person's name."""
    kinds = {t.kind for t in m.targets}
    if "person" not in kinds or not kinds & {"adjective", "demonym"} or m.t1 >= len(doc):
        return m.targets
    if any(i in per_tokens for i in range(m.t0, m.t1)) or doc[m.t1].pos_ != "NOUN":
        return m.targets
    return [t for t in m.targets if t.kind != "person"]


def _dated_state(t: Target, when: tuple[date, date] | None) -> Target:
    """``de Sovjet-Unie`` in 1985 is the Soviet Union (SUN); from the day it ended, or with no
    publication date, CAMEO's successor (RUS) that the target carries."""
    if t.historical and t.until and when is not None and when[1] < t.until:
        return replace(t, country=t.historical, code=t.historical)
    return t


def _nominal_use(doc: Doc, i: int) -> bool:
    """Whether an actor noun is used as a noun. The tagger calls some plural and rare nouns ADJ or
    VERB ("Duizenden manifestanten", "de automobilist werd ..."): those still count when the parse
    makes them a clause argument and no noun follows that they could modify."""
    tok = doc[i]
    if tok.pos_ not in {"ADJ", "VERB", "ADV", "AUX"}:
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ"}:
        return False
    # "de 29 lidstaten" parsed as a verb: an article or numeral right before makes it a noun; so does
    # a verb right after a sentence's first word ("Brusselaar opgepakt met ...", a headline's subject)
    prev = doc[i - 1] if i > 0 else None
    # "de twee verbannen dissidenten", "met verbannen dissidenten": adjectives and participles may
    # stand between the article, numeral or preposition that opens the phrase and the noun
    k = i - 1
    while k >= 0 and i - k <= 3 and doc[k].pos_ in {"ADJ", "VERB"} and doc[k].text[:1].islower():
        k -= 1
    return (
        tok.dep_.split(":")[0] in _NOUN_DEPS
        or (prev is not None and prev.pos_ in {"DET", "NUM"})
        or (k >= 0 and k < i - 1 and doc[k].pos_ in {"DET", "NUM", "ADP"})
        or (tok.is_sent_start and nxt is not None and nxt.pos_ in {"VERB", "AUX"})
    )


def _former(m: Mention, doc: Doc, kb: KnowledgeBase) -> bool:
    """``oud-premier``, ``voormalig president``, ``ex-minister``: the two words before the head."""
    first = doc[m.t0].text
    if "-" in first and norm(first.split("-")[0]) in kb.former:
        return True
    prev = [norm(doc[i].text.rstrip("-")) for i in range(max(0, m.t0 - 2), m.t0)]
    return any(w in kb.former for w in prev)


def _merge(a: Mention, b: Mention) -> Mention:
    b.t0, b.start = a.t0, a.start
    b.parts = [*a.parts, a.kind, *b.parts]
    return b


def _other_given_name(m: Mention, doc: Doc, kb: KnowledgeBase, start: int) -> bool:
    """``De Venezolaanse oppositieleider Carlos Ortega`` is not the KB's Daniel Ortega: a surname alias
    inside a longer name whose given name is not the KB person's."""
    if start >= m.t0 or m.target is None or not m.target.person:
        return False
    given = doc[m.t0 - 1]
    # a title the tagger took into the name ("President Poetin", "Ayatollah Khamenei") is no given name
    if given.pos_ != "PROPN" or not given.text[:1].isupper() or (norm(given.text),) in kb.aliases:
        return False
    return norm(given.text) not in {norm(w) for w in split_words(kb.people[m.target.person].name)}


def _one_country(m: Mention, kb: KnowledgeBase) -> str | None:
    """The one country all of a KB person's roles are of (None for a person of several or of an
    organisation)."""
    pid = m.target.person if m.target is not None else None
    roles = kb.people[pid].roles if pid else []
    homes = {r.country for r in roles}
    return homes.pop() if len(homes) == 1 and not any(r.org for r in roles) else None


def _of_place(doc: Doc, i: int, j: int) -> bool:
    """Tokens ``i..j`` are "van" (+ article) before a place or organisation, possibly after a
    portfolio: "de ministers van Financiën van de Europese Unie"."""
    of = grammar_of(doc).genitive_preposition
    vans = [k for k in range(i, j) if norm(doc[k].text) == of]
    # "van de 29 lidstaten", "van tien Belgische soldaten": an article and a number may come between
    if not vans or not 1 <= j - vans[-1] <= 3 or not _between_ok(doc, vans[-1] + 1, j, {"DET", "NUM"}):
        return False
    return vans[-1] == i or _portfolio(doc, i, vans[-1])


def _placed_group(m: Mention, doc: Doc, kb: KnowledgeBase) -> bool:
    """A mention after "van" that places the noun before it without being swallowed by it: a
    nationality adjective before a place noun ("de Franse stad"; not "de Russische aanval", whose
    victims are no Russians), or an actor noun with a country or organisation of its own."""
    t = m.target
    if m.kind == "adjective":
        return bool(t and t.country) and m.t1 < len(doc) and norm(doc[m.t1].text) in kb.place_nouns
    return m.kind in {"nominal", "demonym"} and bool(m.country or (t and (t.country or t.org)))


def _share_complement(out: list[Mention], doc: Doc) -> None:
    """``staatshoofden en regeringsleiders van de lidstaten``: an unplaced actor noun coordinated
    with the last one (only a conjunction or comma between) shares its "van" complement."""
    if len(out) < 2:
        return
    last, before = out[-1], out[-2]
    if (
        before.kind in {"nominal", "title"}
        and before.country is None
        and before.org is None
        and 0 < last.t0 - before.t1 <= 2
        and _between_ok(doc, before.t1, last.t0, {"CCONJ", "PUNCT"})
    ):
        before.country, before.org, before.code = last.country, last.org, last.code


def _named_of_place(doc: Doc, i: int, j: int) -> bool:
    """``Secretaris-generaal Chedli Klibi van de Arabische Liga``: a title's holder named by a name that
    nothing resolved (one to four capitalised proper nouns) stands between the title and its "van"
    complement."""
    k = i
    while k < j and k - i < 4 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    return i < k < j and _of_place(doc, k, j)


def _between_ok(doc: Doc, i: int, j: int, allowed: set[str]) -> bool:
    return all(doc[k].pos_ in allowed for k in range(i, j))


def _portfolio(doc: Doc, i: int, j: int) -> bool:
    """``minister van Binnenlandse Zaken Jan Jambon``, ``staatssecretaris voor Asiel en Migratie Theo
    Francken``: between a title and a name, a preposition and a capitalised portfolio (capitalised
    words joined by a conjunction or a comma), at most six words."""
    if not 2 <= j - i <= 7 or doc[i].pos_ != "ADP" or not doc[i + 1].text[:1].isupper():
        return False
    return all(doc[k].text[:1].isupper() or doc[k].pos_ == "CCONJ" or doc[k].text == "," for k in range(i + 1, j))


def _titled_surname(m: Mention, title: Mention, doc: Doc, kb: KnowledgeBase, when: tuple[date, date] | None) -> None:
    """``premier May``, ``president Bush``: a surname the KB knows only inside a full name becomes that
    person when someone of that surname held the office the title names (in the title's country, if
    an adjective gives one); people of one country suffice, the one in office at the date first."""
    office = title.title or (title.target.title if title.target else None)
    if office is None:
        return
    cands = []
    for pid in kb.titled_surnames.get(norm(doc[m.t1 - 1].text), ()):
        person = kb.people[pid]
        roles = [
            r for r in person.roles if office in r.titles and (title.country is None or r.country == title.country)
        ]
        if roles:
            cands.append((any(r.overlaps(*when) for r in roles) if when else False, person, roles[0]))
    if not cands or len({r.country or r.org for _, _, r in cands}) > 1:
        return
    _, person, _ = max(cands, key=lambda c: c[0])
    m.target = Target(f"kb/people.yaml#{person.id}", "person", name=person.name, person=person.id)
    m.via = "title"


def _branch(m: Mention, doc: Doc, kb: KnowledgeBase) -> None:
    """``Rode Kruis-Vlaanderen``, ``Greenpeace-Nederland``: an organisation's name with a country or
    region after a hyphen in the same word is its national branch, an actor of that country."""
    t = m.target
    if m.kind != "org" or t is None or t.sector not in _BRANCHED:
        return
    word = doc[m.t1 - 1]
    rest = doc.text[m.end : word.idx + len(word.text)]
    if not rest.startswith("-") or len(rest) < 3:
        return
    place = next((x for x, _ in kb.aliases.get((norm(rest[1:]),), ()) if x.kind in {"country", "capital"}), None)
    if place is not None and place.country:
        m.target = Target(
            t.entry, "nominal", name=doc.text[m.start : m.end] + rest, country=place.country, sector=t.sector
        )
        m.end += len(rest)


def _combine(
    mentions: list[Mention], doc: Doc, kb: KnowledgeBase, sent_of: list[int], when: tuple[date, date] | None = None
) -> list[Mention]:
    """Adjective + actor noun (``Russische troepen``), title + name (``president Poetin``), actor noun +
    ``van`` + country (``het leger van Oekraïne``), and coordinated adjectives (``de Amerikaanse en
    Russische president``)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None:
            # "Irakese regeringstroepen": a demonym the tagger reads as an adjective inflects as one
            adjectival = prev.kind == "adjective" or (prev.kind == "demonym" and doc[prev.t1 - 1].pos_ == "ADJ")
            # "de Joegoslavische federale regering": a national body named by common nouns (Belgium's
            # "federale regering") is the body of the country the adjective names
            generic_body = (
                m.kind == "org"
                and m.target is not None
                and m.target.country is not None
                and m.target.org is None
                and doc[m.t0].text[:1].islower()
            )
            if (
                prev.kind == "adjective"
                and m.kind == "demonym"
                and m.t0 == prev.t1
                and prev.target is not None
                and m.target is not None
                and prev.target.country not in {None, m.target.country}
            ):
                # "de Bosnische Serviërs", "Kosovaarse Albanezen": a people named with the adjective of
                # another country is that people living there, coded (as CAMEO codes a population
                # group) with the adjective's country
                m.country = prev.target.country
                out[-1] = _merge(prev, m)
                m.parts.append("lives-in")
                continue
            if (
                adjectival
                and (m.kind in _HEADS - {"person", "org"} or generic_body)
                and m.country is None
                and _between_ok(doc, prev.t1, m.t0, {"ADJ", "ADV"})
            ):
                m.country = prev.target.country if prev.target else None
                out[-1] = _merge(prev, m)
                continue
            if (
                prev.kind in {"org", "country"}
                and m.kind in {"nominal", "title"}
                and prev.t0 == m.t0
                and m.t1 == prev.t1
                and prev.target is not None
            ):
                # one hyphenated word, "VN-gezant", "NRC-correspondent", "VS-president": the noun is the
                # actor, of the organisation or country that the first part names
                m.country, m.org = prev.target.country, prev.target.org
                m.code = prev.target.code if m.org else None
                out[-1] = _merge(prev, m)
                continue
            if (
                prev.kind == "title"
                and m.kind in {"ner-PROPN", "ner-ORG"}
                and m.t0 > prev.t1
                and _portfolio(doc, prev.t1, m.t1)
            ):
                continue  # "staatssecretaris voor Asiel en Migratie": the portfolio, no actor of its own
            if (
                prev.kind == "adjective"
                and m.kind == "ner-PER"
                and m.t0 == prev.t1
                and prev.target is not None
                and prev.target.country
            ):
                # "de Vlaamse Saskia", "de Nederlandse Anna de Vries": the adjective places the name
                m.country = prev.target.country
                out[-1] = _merge(prev, m)
                continue
            if (
                prev.kind in {"title", "nominal", "demonym"}
                and m.kind in {"person", "ner-PER"}
                and (
                    m.t0 == prev.t1
                    or (m.t0 == prev.t1 + 1 and doc[prev.t1].text == ",")
                    or (prev.kind == "title" and _portfolio(doc, prev.t1, m.t0))
                )
                and sent_of[prev.t0] == sent_of[m.t0]
            ):
                # "journalist Jan Kuciak", "de Iraanse wetenschapper Djalali", "de Surinamer Miquel B.":
                # the noun names the person
                if prev.kind == "title":
                    m.title = prev.title or (prev.target.title if prev.target else None)
                # "Noord-Koreaanse leider Kim Jong-un": a name the KB lacks keeps the title's country;
                # "eurocommissaris Thyssen" the noun's organisation.
                pt = prev.target
                if prev.kind == "title" and m.kind == "ner-PER":
                    _titled_surname(m, prev, doc, kb, when)
                m.country = m.country or prev.country or (pt.country if pt else None)
                if prev.org and not m.country and m.kind != "person":
                    # "De secretaris-generaal van de Arabische Liga, Chedli Klibi": the "van" organisation
                    m.org, m.code = prev.org, prev.code
                elif pt is not None and pt.org and not m.country and m.kind != "person":
                    m.org, m.code = pt.org, pt.code
                m.sector = m.sector or (pt.sector if pt else None)
                m.home = bool(pt and pt.home)  # "Kamerlid Anne Kuik": placed as the office is
                out[-1] = _merge(prev, m)
                continue
            if (
                prev.kind in {"nominal", "title"}
                and prev.country is None
                and prev.org is None
                and m.kind == "country"
                and m.t0 == prev.t1
                and doc[prev.t1 - 1].text[:1].islower()
                and (m.t1 == len(doc) or not doc[m.t1].text[:1].islower())
            ):
                # headline style without "van": "aanslagen op diplomaten VS" are the USA's diplomats
                prev.country = m.target.country if m.target else None
                prev.t1, prev.end = m.t1, m.end
                prev.parts.append("van")
                continue
            # "President Abdou Diouf van Senegal", "woordvoerder Jan Peeters van de NAVO": a title or actor
            # noun merged with a name the KB lacks is placed by its "van" complement as the noun alone is
            titled_name = prev.kind == "ner-PER" and bool({"title", "nominal"} & set(prev.parts)) and prev.org is None
            if (
                (prev.kind in {"nominal", "title"} or titled_name)
                and prev.country is None
                and (
                    m.kind in {"country", "capital", "org", "city", "metonym"}
                    # "het kabinet van Netanyahu": a government body of a placed person is of that country
                    or (
                        m.kind == "person"
                        and prev.target is not None
                        and prev.target.sector == "GOV"
                        and _one_country(m, kb) is not None
                    )
                )
                and (_of_place(doc, prev.t1, m.t0) or (prev.kind == "title" and _named_of_place(doc, prev.t1, m.t0)))
            ):
                # "de burgemeester van Brussel": a local office is of the town, not of the EU seated there
                place = (
                    next((t for t in m.targets if t.kind in {"capital", "city"}), None)
                    if prev.target is not None and prev.target.home
                    else None
                )
                prev.country, prev.org = (
                    (place.country, None)
                    if place is not None
                    else (_one_country(m, kb), None)
                    if m.kind == "person"
                    else (m.target.country, m.target.org)
                    if m.target
                    else (None, None)
                )
                if prev.org and m.target is not None:  # "leiders van de NAVO": the organisation's code
                    prev.code = m.target.code
                prev.t1, prev.end = m.t1, m.end
                prev.parts.append("van")
                _share_complement(out, doc)
                continue
        out.append(m)
    # "de families van tien Belgische soldaten", "de burgemeester van de Franse stad X", "staatshoofden
    # van de 29 lidstaten": a noun is of the country or organisation of the group or place after
    # "van"; both stay actors. Not criminals: "smokkelaars van Syrische vluchtelingen" are not Syrian
    # for the people they smuggle.
    for k in range(1, len(out)):
        prev, m = out[k - 1], out[k]
        criminal = prev.target is not None and prev.target.sector == "CRM"
        if (
            prev.kind in {"nominal", "title"}
            and prev.country is None
            and prev.org is None
            and not criminal
            and _placed_group(m, doc, kb)
            and _of_place(doc, prev.t1, m.t0)
        ):
            t = m.target
            prev.country = m.country or (t.country if t else None)
            prev.org = None if prev.country or t is None else t.org
            prev.code = t.code if prev.org and t is not None else None
            prev.parts.append("van")  # placed by its own phrase (see _same_noun)
            _share_complement(out[:k], doc)
    # "de Amerikaanse en Russische president": the first adjective borrows the noun of the second.
    for k, m in enumerate(out[:-1]):
        nxt = out[k + 1]
        if (
            m.kind == "adjective"
            and "adjective" in nxt.parts
            and nxt.kind in {"title", "nominal"}
            and _between_ok(doc, m.t1, nxt.t0, {"CCONJ", "PUNCT"})
            and nxt.t0 - m.t1 <= 2
        ):
            m.country = m.target.country if m.target else None
            m.target = nxt.target
            m.parts = ["adjective"]
            m.title = nxt.title
    return out


_PLACE_KINDS = {"country"}


def _led_by(mentions: list[Mention], doc: Doc, kb: KnowledgeBase) -> None:
    """``door Vietnam geleide troepen``, ``de door de VS aangevoerde coalitie``: an unplaced actor noun
    after "door" + a country or organisation + a participle of leading belongs to the leader; both
    stay actors."""
    for leader, m in zip(mentions, mentions[1:], strict=False):
        t = leader.target
        if (
            t is None
            or leader.kind not in {"country", "org", "capital", "metonym"}
            or not (t.country or t.org)
            or m.kind not in {"nominal", "title"}
            or m.country
            or m.org
            or m.t0 - leader.t1 < 1
            or norm(doc[leader.t1].text) not in kb.led_by
            or not _between_ok(doc, leader.t1 + 1, m.t0, {"ADJ", "ADV"})
        ):
            continue
        k = leader.t0 - 1
        if k >= 0 and doc[k].pos_ == "DET":
            k -= 1
        if k < 0 or norm(doc[k].text) != grammar(kb.lang).agent_preposition:
            continue
        m.country, m.org = t.country, t.org
        m.code = t.code if t.org else None
        m.parts.append("led-by")


def _population_groups(mentions: list[Mention], doc: Doc, kb: KnowledgeBase) -> None:
    """CAMEO codes a population group with the country it lives in: ``de Albanezen van Kosovo`` (KOS),
    ``etnische Albanezen in Zuid-Servië`` (SRB), ``etnische Turken uit Bulgarije`` (BGR), ``etnisch
    Albanese rebellen in Macedonië`` (MKD). A demonym takes the country after "van"; after "in" or
    "uit" a demonym or an adjective + noun only with an ethnic marker before it: nationals abroad
    stay of their country (``Amerikanen in Irak``, ``Belgische jihadisten in Syrië``, ``een
    Australische terrorist in Nieuw-Zeeland``, ``de Venezolaanse oppositie in Spanje``)."""
    by_start = {m.t0: m for m in mentions if m.kind in _PLACE_KINDS and m.target is not None}
    for m in mentions:
        demonym = m.kind == "demonym" and not m.parts
        group = m.kind == "nominal" and m.parts[:1] == ["adjective"] and bool(m.country)
        if not (demonym or group) or m.t1 >= len(doc):
            continue
        prep = norm(doc[m.t1].text)
        j = m.t1 + 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        place = by_start.get(j)
        if place is None or place.target is None or not place.target.country:
            continue
        words = [norm(doc[k].text) for k in range(max(0, m.t0 - 2), m.t1)]
        ethnic = any(w in kb.ethnic or w.split("-")[0] in kb.ethnic for w in words)
        gr = grammar(kb.lang)
        if (demonym and prep == gr.genitive_preposition) or (prep in gr.residence_prepositions and ethnic):
            m.country, m.org = place.target.country, None
            m.parts.append("lives-in")


def _of_several(mentions: list[Mention], doc: Doc, kb: KnowledgeBase) -> None:
    """``een Europees hof``, ``Aziatische banken``, ``westerse diplomaten``: an actor noun that an
    adjective of a continent, a bloc or of abroad qualifies is of several countries or of one the
    article does not name; the setting must not place it in the article's country."""
    for m in mentions:
        t = m.target
        if t is None or m.kind not in {"nominal", "title"} or m.country or m.org or m.parts or t.refers:
            continue
        k = m.t0 - 1
        while k >= 0 and m.t0 - k <= 3 and doc[k].pos_ == "ADJ":
            if norm(doc[k].text) in kb.several_adjectives:
                m.target = replace(t, refers="several")
                break
            k -= 1


def _homonym_town(m: Mention, doc: Doc, kb: KnowledgeBase, raw: list[Mention]) -> Target | None:
    """``Tripoli`` in an article about Lebanon is the Lebanese town, not Libya's capital: a capital
    whose name is also a town of another country, where the article names that country (by other
    words) and never the capital's own."""
    own = m.target.country if m.target else None
    named = _context([r for r in raw if r is not m and r.targets and r.targets[0].kind != "capital"])
    if not own or named.get(own):
        return None
    name = doc[m.t0 : m.t1].text
    hits = kb.places.get(place_key(name)) or []
    other = next((c for c, _ in hits if c != own and named.get(c)), None)
    if other is None:
        return None
    return Target(m.target.entry, "country", name=name, country=other, code=other)


def _context(mentions: list[Mention]) -> dict[str, int]:
    """How often each country/org is named unambiguously in the article: evidence for ``Brussel``."""
    ctx: dict[str, int] = {}
    for m in mentions:
        if len({(t.country, t.org) for t in m.targets}) == 1:
            t = m.targets[0]
            for key in (t.country, t.org):
                if key:
                    ctx[key] = ctx.get(key, 0) + 1
    return ctx


def _resolve_fields(
    m: Mention,
    kb: KnowledgeBase,
    when: tuple[date, date] | None,
    doc: Doc,
    mentions: list[Mention],
    title_memory: dict[str, Mention],
    sent_of: list[int],
) -> None:
    t = m.target
    assert t is not None
    m.entry = t.entry
    m.org = m.org or t.org
    m.country = m.country or t.country
    m.sector = t.sector
    m.name = t.name
    m.title = m.title or t.title
    if t.kind == "person" and t.person:
        role, former = best_role(kb.people[t.person], when, m.title)
        if role is not None and not former:
            # "Erdogan ... De president stelde": a bare title right after its holder is the holder
            for office in role.titles:
                title_memory[f"person:{office}"] = m
        if role is not None:
            m.country, m.org = role.country, role.org
            m.sector = "ELI" if former else role.sector
            m.code = f"{role.country}ELI" if former and role.country else role.code
            state = kb.historical.get(role.code[:3])
            if state is not None:
                # a Soviet office (SUNGOV) is the Soviet Union's while it existed, as "de Sovjet-Unie"
                # is (_dated_state); from its end, or with no date, the successor's (RUS), as in the gold
                if when is not None and when[1] < state["until"]:
                    m.country, m.code = role.code[:3], f"{role.code[:3]}{m.sector or ''}"
                else:
                    m.code = f"{role.country}{m.sector or ''}"
        else:
            # known only by roles after the date (or none that fits it): still of their one country,
            # in the office a title before the name gives ("Minister Wopke Hoekstra" in 2019)
            homes = {r.country for r in kb.people[t.person].roles if r.country}
            if len(homes) == 1 and not any(r.org for r in kb.people[t.person].roles):
                m.country = homes.pop()
                m.sector = "GOV" if "title" in m.parts else None
    elif t.kind == "title":
        m.sector = t.sector or "GOV"
        if m.country is None and m.org is None:
            earlier = title_memory.get(t.title or "")
            holder = title_memory.get(f"person:{t.title}")
            # the holder of the office named by name in this sentence or the one before, when no other
            # title mention came after it
            start = sent_of[m.t0]
            near = holder is not None and sent_of[holder.t0] in {start, sent_of[start - 1] if start else start}
            # (not "onze koning" after the Spanish king: a home possessive names the home office)
            near = near and not any(norm(doc[k].text) in kb.home_possessives for k in (m.t0 - 1, m.t0) if k >= 0)
            if near and holder is not None and (earlier is None or earlier.t0 < holder.t0):
                earlier = holder
            if earlier is not None:  # "de president" after "de Amerikaanse president"
                m.country, m.org, m.name, m.entry = earlier.country, earlier.org, earlier.name, earlier.entry
                m.via = "coref"
        who = m.country or m.org
        if who and t.title and when is not None and m.via != "coref":
            # "de Chinese leider": whichever office is paramount there, at the date
            offices = kb.leader_offices(who) if t.title == "leader" else (t.title,)
            holders = next((h for h in (kb.holders(who, o, *when) for o in offices) if h), [])
            if holders:
                m.name, m.entry = holders[0][0].name, f"kb/people.yaml#{holders[0][0].id}"
                m.via = "title"
        if who and t.title:
            title_memory[t.title] = m
    elif t.kind == "nominal" and m.country is None and m.org is None and not t.refers and not t.home:
        owner = _subject_possessor(m, doc, kb, mentions)
        if owner is not None:
            m.country, m.org = owner.country, owner.org
            m.code = owner.code if owner.org else None
            m.via = f"{m.via}+possessor"
        else:
            m.country = located_country(m, mentions, doc, kb, sent_of)
    elif t.kind in {"adjective", "demonym", "country"}:
        m.via = "adjective" if t.kind == "adjective" and not m.parts else m.via
    if _former(m, doc, kb) and m.sector in {"GOV", "MIL", None} and t.kind in {"person", "title"}:
        m.sector = "ELI"
    if m.code is None or t.kind != "person":
        m.code = _code(m, t)


def _subject_possessor(m: Mention, doc: Doc, kb: KnowledgeBase, mentions: list[Mention]) -> Mention | None:
    """``China verhoogde de paraatheid van zijn strijdkrachten rond Taiwan``, ``Rusland heeft zijn
    vredestroepen teruggetrokken``: an actor noun after a third-person possessive that refers to the
    subject of its clause is the subject's, before any place the clause names. Only a subject named
    before the noun and already placed (a country, an organisation, a placed person or body)."""
    if m.t0 == 0:
        return None
    poss = doc[m.t0 - 1]
    if norm(poss.text) not in kb.possessives | kb.plural_only or poss.dep_ != "nmod:poss":
        return None
    head = doc[m.t1 - 1]
    while head.dep_.split(":")[0] in {"nmod", "obl", "obj", "conj", "appos"} and head.head is not head:
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            break
    subj = next((c for c in head.children if c.dep_.startswith("nsubj") and c.i < m.t0), None)
    if subj is None:
        return None
    owner = next((o for o in mentions if o.t0 <= subj.i < o.t1 and o is not m), None)
    if owner is None or not (owner.country or owner.org) or owner.kind in {"adjective", "demonym"}:
        return None
    # the possessive agrees with the subject: "De Bahreinse autoriteiten ... op zijn familieleden" is
    # someone else's family; "hun" may stand for a country named in the plural ("de VS ... hun troepen")
    words = [norm(t.text) for t in doc[owner.t0 : owner.t1] if t.pos_ != "DET"]
    plural_subject = "Plur" in subj.morph.get("Number") or " ".join(words) in kb.plural_names
    if (norm(poss.text) in kb.plural_only) != plural_subject:
        return None
    return owner


def _code(m: Mention, t: Target) -> str | None:
    """Combined CAMEO code: the org's own code (``IGOWSTNAT``), else country + sector (``RUSMIL``),
    else the sector alone when the country is unknown (PETRARCH writes ``---MIL``; we keep ``MIL``)."""
    if m.org and t.kind == "org" and t.code:
        return t.code
    if m.org and m.code and t.kind in {"nominal", "title"}:  # "VN-gezant": the organisation's code
        return m.code
    if t.kind in {"metonym", "capital"} and t.code and m.country == t.country:
        return t.code
    if m.country:
        return f"{m.country}{m.sector or ''}"
    if m.org:
        return t.code or m.sector
    return m.sector


def _place_mention(kb: KnowledgeBase, doc: Doc, i: int, j: int, prefer: set[str], min_pop: int) -> Mention | None:
    """A city or town from the gazetteer: it stands for its country (``Keulen`` -> DEU)."""
    span = doc[i:j]
    hit = kb.place(span.text, prefer)
    if hit is None or (hit[1] < min_pop and place_key(span.text) not in kb.exonyms):
        return None
    target = Target(f"kb/places.tsv#{place_key(span.text)}", "city", name=span.text, country=hit[0], code=hit[0])
    return Mention(i, j, span.start_char, span.end_char, [target], via="alias", target=target)


def _city_adjective(kb: KnowledgeBase, doc: Doc, i: int, prefer: set[str]) -> Mention | None:
    """``het Antwerpse Atheneum``, ``de Gentse politie``, ``het Izegems slachthuis``: a capitalised
    adjective in -se (or -s before a noun) built on a place name lends that place's country, as a
    nationality adjective does."""
    tok = doc[i]
    word = tok.text
    nxt_noun = i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"
    # the tagger calls some of these names: "het Izegems slachthuis" (a noun follows)
    if not (tok.pos_ == "ADJ" or (tok.pos_ == "PROPN" and nxt_noun)) or not word[:1].isupper():
        return None
    if word.endswith("se") and len(word) >= 6:
        stem = word[:-2]
    elif word.endswith("s") and len(word) >= 5 and nxt_noun:
        stem = word[:-1]  # the neuter form before a noun: "het Izegems slachthuis", "Antwerps stadhuis"
    else:
        return None
    for name in (stem, stem + "en", stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem + "m", stem + "s"):
        # capitals are kept with the countries, not in the gazetteer: "Brusselse", "Londense", "Parijse"
        capital = next((t.country for t, _ in kb.aliases.get((norm(name),), ()) if t.kind == "capital"), None)
        hit = (capital, 10**6) if capital else kb.place(name, prefer)
        if hit is not None and (hit[1] >= 1000 or place_key(name) in kb.exonyms):
            target = Target(f"kb/places.tsv#{place_key(name)}", "adjective", name=name, country=hit[0], code=hit[0])
            return Mention(i, i + 1, tok.idx, tok.idx + len(word), [target], via="alias", target=target)
    return None


def _listed_place(kb: KnowledgeBase, doc: Doc, i: int, prefer: set[str]) -> Mention | None:
    """``de recherche van 's-Hertogenbosch`` with the name tagged an adjective: a capitalised word
    inside a sentence that the language file lists as a place name is that place."""
    tok = doc[i]
    if (
        tok.is_sent_start
        or tok.pos_ in {"VERB", "AUX", "PRON", "DET", "ADP"}
        or not any(c.isupper() for c in tok.text)
        or place_key(tok.text) not in kb.exonyms
    ):
        return None
    return _place_mention(kb, doc, i, i + 1, prefer, 0)


def _named_by_noun(doc: Doc, e: Span, taken: set[int]) -> bool:
    """A LOC or MISC entity that is a person named by the actor noun before it: right after it
    (LOC only: a MISC after a noun is as often a title, "de krant The Times"), or a capitalised
    name of two words or more set off by a comma in apposition to it."""
    if e.start == 0 or not all(t.text[:1].isupper() for t in e):
        return False
    before = doc[e.start - 1]
    if e.label_ == "LOC" and e.start - 1 in taken and before.pos_ == "NOUN" and before.text[:1].islower():
        return True
    head = e.root.head
    return (
        len(e) >= 2
        and before.text == ","
        and e.root.dep_ == "appos"
        and head.i < e.start
        and head.i in taken
        and head.pos_ == "NOUN"
        and head.text[:1].islower()
        and (e.end == len(doc) or doc[e.end].is_punct)
    )


def _initialled(e: Span) -> bool:
    """``Donat K.``, ``Miquel B.``: a first name and the initial of a surname, as Belgian and Dutch
    news name suspects and victims, is a person whatever the tagger thought."""
    return len(e) >= 2 and re.fullmatch(r"[A-Z]\.", e[-1].text) is not None and all(t.text[:1].isupper() for t in e)


def _surname_repeats(doc: Doc, found: list[Mention], taken: set[int]) -> list[Mention]:
    """A capitalised word the tagger left out that repeats the last word of a name found earlier
    (``Uri Avnery ... Avnery was de eerste``) is that name again."""
    last = {doc[m.t1 - 1].text: m for m in found if m.t1 - m.t0 >= 2 and m.kind in {"ner-PER", "ner-ORG"}}
    out = []
    for t in doc:
        m = last.get(t.text)
        if m is None or t.i in taken or t.i < m.t1 or not t.text[:1].isupper() or len(t.text) < 3:
            continue
        target = m.target or Target("ner:PER", "ner-PER", name=t.text)
        out.append(Mention(t.i, t.i + 1, t.idx, t.idx + len(t.text), [target], via="ner", target=target))
        taken.add(t.i)
    return out


def _ner_mentions(doc: Doc, taken: set[int], kb: KnowledgeBase, prefer: set[str]) -> list[Mention]:
    """Named people and organisations the KB lacks: the NER's PER/ORG entities, and, because the NER
    misses some, runs of proper nouns in argument positions that no entity covers. Places of the
    gazetteer among LOC entities and proper nouns become city mentions; time words never count."""
    out = []
    for e in doc.ents:
        taken_before = any(i in taken for i in range(e.start, e.end))
        taken.update(range(e.start, e.end))  # LOC/MISC entities are no proper-noun fallback either
        if taken_before or norm(e.text) in kb.time_words:
            continue
        if e.label_ in {"LOC", "GPE", "MISC"}:
            place = _place_mention(kb, doc, e.start, e.end, prefer, 0) if e.label_ != "MISC" else None
            # "Brusselse", "Londense" tagged as a name: the adjective of a town
            place = place or (_city_adjective(kb, doc, e.start, prefer) if len(e) == 1 else None)
            if place is not None:
                out.append(place)
            elif _named_by_noun(doc, e, taken) or _initialled(e):
                # "monnik Xuecheng", "rapper Booba", "De burgemeester van het eiland, Giorgos Kyritsis,":
                # an unknown name right after (or in apposition to) an actor noun is the person it
                # names, whatever the tagger thought (the parse of such pairs varies)
                target = Target("ner:PER", "ner-PER", name=e.text)
                out.append(Mention(e.start, e.end, e.start_char, e.end_char, [target], via="ner", target=target))
            continue
        if e.label_ not in _NER_KINDS:
            continue
        if e.label_ == "ORG" or len(e) == 1:  # a one-word "person" or "organisation" may be a town
            place = _place_mention(kb, doc, e.start, e.end, prefer, _PROPN_PLACE_POP)
            if place is not None and (e.label_ == "ORG" or place_key(e.text) in kb.exonyms):
                out.append(place)
                continue
        target = Target(f"ner:{e.label_}", f"ner-{e.label_}", name=e.text)
        out.append(Mention(e.start, e.end, e.start_char, e.end_char, [target], via="ner", target=target))
    i, n = 0, len(doc)
    while i < n:
        if doc[i].pos_ != "PROPN" or i in taken or not doc[i].text[:1].isupper():
            if i not in taken:
                adj = _city_adjective(kb, doc, i, prefer) or _listed_place(kb, doc, i, prefer)
                if adj is not None:
                    out.append(adj)
            i += 1
            continue
        j = i
        while j < n and doc[j].pos_ == "PROPN" and j not in taken:
            j += 1
        span = doc[i:j]
        # time words and stray function words ("De" left over before "Raad van State") are no names
        if all(norm(t.text) in kb.time_words or t.is_stop for t in span):
            i = j
            continue
        place = _place_mention(kb, doc, i, j, prefer, _PROPN_PLACE_POP)
        if place is None and j == i + 1:
            place = _city_adjective(kb, doc, i, prefer)
        if place is not None:
            out.append(place)
            i = j
            continue
        root = min((doc[k] for k in range(i, j)), key=lambda t: abs(t.head.i - t.i) if i <= t.head.i < j else -1)
        if root.dep_.split(":")[0] in _ARG_DEPS:
            target = Target("propn", "ner-PROPN", name=span.text)
            out.append(Mention(i, j, span.start_char, span.end_char, [target], via="propn", target=target))
        i = j
    return out + _surname_repeats(doc, out, taken)


def _settle_towns(mentions: list[Mention], doc: Doc, kb: KnowledgeBase, prefer: set[str]) -> None:
    """``Hoboken``, ``Essen``: a town name of several countries goes to one the article names, to the
    country of its other towns that have one country only (``Duffel``, ``Grobbendonk``), or to the
    home country its vocabulary suggests, before the most populous namesake."""
    keys = {id(m): place_key(doc.text[m.start : m.end]) for m in mentions if m.kind == "city"}
    countries = {
        id(m): {c for c, _ in kb.places.get(k, ())} for m in mentions if m.kind == "city" for k in [keys[id(m)]]
    }
    single = {next(iter(cs)) for cs in countries.values() if len(cs) == 1}
    home = home_country(doc, kb)
    wanted = prefer | single | ({home} if home else set())
    for m in mentions:
        if m.kind != "city" or len(countries[id(m)]) < 2 or m.target is None:
            continue
        hit = kb.place(keys[id(m)], wanted)
        if keys[id(m)] in kb.exonyms:
            # "Essen" is the German city unless the article's other towns are all of one country that
            # has an Essen too and it names no Germany ("Miquel B. uit Essen ... in Grobbendonk")
            local = {c for c in countries[id(m)] if c in single} - {m.target.country}
            if len(local) != 1 or len(single) != 1 or m.target.country in prefer:
                continue
            hit = (local.pop(), 0)
        if hit is not None and hit[0] != m.target.country:
            t = m.target
            m.target = Target(t.entry, t.kind, name=t.name, country=hit[0], code=hit[0])
            m.targets = [m.target]


def _surname_coref(mentions: list[Mention]) -> None:
    """``Jansen`` after ``Piet Jansen``: a one-word PER entity takes an earlier full name ending in it."""
    seen: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "ner-PER":
            words = (m.name or "").split()
            if len(words) == 1 and norm(words[0]) in seen:
                full = seen[norm(words[0])]
                m.name, m.country, m.sector = full.name, full.country, full.sector
                m.code, m.entry = full.code, full.entry
                m.via = "coref"
        if m.kind in {"ner-PER", "person"} and m.name and len(m.name.split()) > 1:
            seen.setdefault(norm(m.name.split()[-1]), m)


# Setting evidence weaker than a full name of the same person named elsewhere in the article.
_WEAK_SETTING = ("+setting-article", "+setting-outlet", "+setting-vocabulary")


def _surname_links(mentions: list[Mention], doc: Doc) -> None:
    """A bare surname the setting placed, or left unplaced, takes the full name's resolution wherever
    in the article that name stands: headlines name people before the lead gives the full name
    (``Kuczynski stapt op. De Peruaanse president Pedro Pablo Kuczynski ...``), and a plural -s
    names the family (``de Skripals``). The full name may be one the NER took for an organisation
    (``Uri Avnery ... Avnery``): its bare last word is still the same name."""
    family = grammar_of(doc).name_plural_ending
    full: dict[str, Mention] = {}
    for m in mentions:
        words = doc.text[m.start : m.end].split()
        if m.kind in {"ner-PER", "person", "ner-ORG"} and len(words) > 1 and (m.country or m.org):
            full.setdefault(norm(words[-1]), m)
    for m in mentions:
        if m.kind not in {"ner-PER", "ner-ORG", "ner-PROPN"} or m.t1 - m.t0 != 1:
            continue
        if (m.country or m.org) and not (m.via or "").endswith(_WEAK_SETTING):
            continue
        key = norm(doc[m.t0].text)
        key = key if key in full or not key.endswith(family) else key[: -len(family)]
        src = full.get(key)
        if src is not None and src is not m:
            m.country, m.org, m.sector, m.code = src.country, src.org, src.sector, src.code
            m.name, m.entry, m.via = src.name, src.entry, "coref"


def _short_org_coref(mentions: list[Mention], doc: Doc, kb: KnowledgeBase) -> None:
    """``de Commissie`` after ``de Europese Commissie``: a one-word name the KB lacks that is the last
    word of an organisation named earlier in the article is that organisation, shortened; so is the
    last word of a longer name of the one organisation the article names that has such a name ("de
    Commissie" beside "de Europese lidstaten")."""
    seen: dict[str, Mention] = {}
    named = {}
    for m in mentions:
        if m.org and m.target is not None and m.target.kind in {"org", "nominal"}:
            named.setdefault(m.org, m)
    for m in mentions:
        if m.kind == "org" and m.t1 - m.t0 > 1 and (m.org or m.country):
            seen.setdefault(norm(doc[m.t1 - 1].text), m)
        elif m.kind in {"ner-ORG", "ner-PROPN"} and m.t1 - m.t0 == 1 and not (m.country or m.org):
            word = norm(doc[m.t0].text)
            tails = [o for o in named.values() if o.org and word in kb.org_tails.get(o.org, ())]
            full = seen.get(word) or (tails[0] if len(tails) == 1 else None)
            if full is None:
                continue
            m.country, m.org, m.sector, m.code = full.country, full.org, full.sector, full.code
            m.name, m.entry, m.via = full.name, full.entry, "coref"


def _same_noun(mentions: list[Mention], doc: Doc, kb: KnowledgeBase) -> None:
    """``Burgemeester wil plein niet langer vernoemen ... De burgemeester van de Franse stad X``: a bare
    actor noun takes the country of the same noun placed by its own phrase (an adjective, a "van"
    complement) elsewhere in the article, when all such phrases agree; headlines name the actors of the
    lead in short. Runs before the setting, which would place the bare noun at home or abroad."""
    placed: dict[str, set[tuple[str | None, str | None]]] = {}
    for m in mentions:
        if m.kind in {"nominal", "title"} and (m.country or m.org) and m.parts and m.target is not None:
            placed.setdefault(m.target.entry, set()).add((m.country, m.org))
    for m in mentions:
        if (
            m.kind not in {"nominal", "title"}
            or m.country
            or m.org
            or m.parts
            or m.target is None
            or m.target.refers
            or (m.t0 > 0 and norm(doc[m.t0 - 1].text) in kb.home_possessives)
        ):
            continue  # "onze bedrijven" are the home country's whatever other bedrijven are
        found = placed.get(m.target.entry, set())
        if len(found) == 1:
            m.country, m.org = next(iter(found))
            m.code = f"{m.country}{m.sector or ''}" if m.country else m.code
            m.via = f"{m.via}+same-noun"


def _member_states(mentions: list[Mention]) -> None:
    """``de 29 lidstaten`` at a Navo-top: member states are the international organisation the
    article names, the latest before them, else the first after; with none named they stay of no
    one country (the setting does not place them)."""
    bodies = [
        m
        for m in mentions
        if m.kind == "org"
        and m.target is not None
        and m.target.org
        and m.target.sector == "IGO"
        and not m.target.country
    ]
    for m in mentions:
        t = m.target
        if t is None or t.refers != "member-org" or not bodies:
            continue
        before = [b for b in bodies if b.t0 < m.t0]
        body = (before[-1] if before else bodies[0]).target
        assert body is not None
        m.target = replace(t, org=body.org, code=body.code, name=body.name, entry=body.entry, refers=None)


def _appositive_nouns(mentions: list[Mention], doc: Doc) -> None:
    """``Mensenrechtenorganisatie Amnesty International``, ``terreurgroep IS``: an actor noun that
    nothing placed, right before an organisation the KB knows and that the parse attaches to it,
    names that organisation (not the country the article is set in)."""
    by_start = {m.t0: m for m in mentions}
    for m in mentions:
        nxt = by_start.get(m.t1)
        if (
            m.kind != "nominal"
            or m.country
            or m.org
            or nxt is None
            or nxt.kind != "org"
            or not (nxt.org or nxt.country)
            or doc[nxt.t0].head.i != m.t1 - 1
        ):
            continue
        m.country, m.org, m.sector, m.code = nxt.country, nxt.org, nxt.sector, nxt.code
        m.name, m.entry, m.via = nxt.name, nxt.entry, "coref"


def _bracketed_acronym(mentions: list[Mention], doc: Doc) -> None:
    """``de Rode Halve Maan (IFRC)``, ``de vakbond (FNV)``: an actor noun or an unknown name that the
    acronym of an organisation the KB knows follows in brackets is that organisation; the acronym
    names it more precisely than any country the noun was placed in by its sentence or setting."""
    by_start = {m.t0: m for m in mentions}
    for m in mentions:
        nxt = by_start.get(m.t1 + 1)
        if (
            m.kind not in {"nominal", "ner-ORG"}
            or m.org
            or m.parts
            or nxt is None
            or nxt.kind != "org"
            or not nxt.org
            or doc[m.t1].text != "("
            or nxt.t1 >= len(doc)
            or doc[nxt.t1].text != ")"
        ):
            continue
        m.country, m.org, m.sector, m.code = nxt.country, nxt.org, nxt.sector, nxt.code
        m.name, m.entry, m.via = nxt.name, nxt.entry, "coref"


def _namesake_abroad(mentions: list[Mention], doc: Doc) -> None:
    """``de Argentijnse vakbondskoepel CGT``, ``de Argentijnse CGT``: a national organisation the KB
    knows in one country (the French CGT) whose own phrase names another country, by a nationality
    adjective right before it or before the actor noun it follows (one or two lower-case words
    between, a noun the tagger may call an adjective), is that country's namesake."""
    by_end = {m.t1: m for m in mentions}
    for m in mentions:
        t = m.target
        if m.kind != "org" or t is None or m.org or not m.country:
            continue
        k = m.t0
        while k not in by_end and m.t0 - k < 2 and k > 0 and doc[k - 1].text.isalpha() and doc[k - 1].text.islower():
            k -= 1
        before = by_end.get(k)
        if before is None or not before.country or not _between_ok(doc, k, m.t0, {"ADJ", "NOUN"}):
            continue
        lent = (before.kind == "adjective" and not before.parts) or (
            before.kind == "nominal" and before.parts[:1] == ["adjective"] and not before.org
        )
        if lent and before.country != m.country:
            m.country = before.country
            m.code = f"{before.country}{m.sector or ''}"
            m.via = f"{m.via}+adjective"


def resolve_mentions(
    doc: Doc, published: PubDate | None, lang: str = "nl", country: str | None = None
) -> list[Mention]:
    kb = load_kb(lang)
    when = _window(published)
    raw = find_aliases(doc, kb)
    # People named in full (or by a curated alias) license their ambiguous bare surnames elsewhere.
    strong = {t.person for m in raw for t in m.targets if t.person and not t.weak}
    context = _context(raw)
    per_tokens = {i for e in doc.ents if e.label_ == "PER" for i in range(e.start, e.end)}
    sent_of = sentence_starts(doc)
    # the end of the PER entity each token is in: a KB name inside a longer one is someone else
    per_end = {i: e.end for e in doc.ents if e.label_ == "PER" for i in range(e.start, e.end)}
    per_start = {i: e.start for e in doc.ents if e.label_ == "PER" for i in range(e.start, e.end)}
    # tokens of longer MISC names: a country there is part of a title ("Panama Papers", "Tour de France")
    in_misc = {i for e in doc.ents if e.label_ == "MISC" and len(e) > 1 for i in range(e.start, e.end)}
    mentions: list[Mention] = []
    for m in raw:
        m.targets = _adjective_before_noun(m, doc, per_tokens)
        m.target = _choose(m, kb, per_tokens, when, strong, context)
        if m.target is None:
            continue
        m.target = _dated_state(m.target, when)
        if m.kind == "person" and per_end.get(m.t0, 0) > m.t1 and doc[m.t1].pos_ == "PROPN":
            # "Ali Abdallah Saleh" is not the KB's "Ali Abdallah": the name goes on
            continue
        if m.kind == "person" and _other_given_name(m, doc, kb, per_start.get(m.t0, m.t0)):
            continue
        if (
            m.kind == "org"
            and m.target.sector == "BUS"
            and per_start.get(m.t0, m.t0) <= m.t0 < m.t1 < per_end.get(m.t0, 0)
        ):
            # "Zoran Đinđić", "Henry Ford": a company's name inside a longer person's name is part of the name
            continue
        if m.kind in {"country", "capital"} and m.t0 in in_misc and (m.t0 - 1 in in_misc or m.t1 in in_misc):
            continue
        # Actor nouns and titles must be nouns here: "militaire escalatie" is no soldier.
        if m.kind in {"nominal", "title"} and not _nominal_use(doc, m.t1 - 1):
            continue
        last = doc[m.t1 - 1]
        if norm(last.text) in kb.singular_only and "Plur" in last.morph.get("Number"):
            continue  # "grote schepen met migranten": ships, not aldermen
        if m.t0 > 0 and norm(doc[m.t0 - 1].text) in kb.locative and m.target.refers == "several":
            continue  # "in Latijns-Amerika", "in beide landen": a place of no one country, no actor
        if m.t0 > 0 and norm(doc[m.t0 - 1].text) in kb.locative:
            # "in Moskou", "in Brussel": a place, not the government (nor the EU)
            place = m.target if m.kind == "capital" else next((t for t in m.targets if t.kind == "capital"), None)
            if place is not None:
                m.target = Target(place.entry, "country", name=place.name, country=place.country, code=place.country)
        if any(t.kind == "capital" for t in m.targets) and m.target.country:
            m.target = _homonym_town(m, doc, kb, raw) or m.target
        m.country, m.org = None, None
        _branch(m, doc, kb)
        mentions.append(m)
    _member_states(mentions)
    taken = {i for m in mentions for i in range(m.t0, m.t1)}
    prefer = {t.country for m in mentions if m.target and m.target.country for t in [m.target]}
    mentions = sorted(mentions + _ner_mentions(doc, taken, kb, prefer), key=lambda m: m.start)
    _settle_towns(mentions, doc, kb, prefer)
    mentions = _combine(mentions, doc, kb, sent_of, when)
    _led_by(mentions, doc, kb)
    _population_groups(mentions, doc, kb)
    _of_several(mentions, doc, kb)
    title_memory: dict[str, Mention] = {}
    for m in mentions:
        if m.via == "ner":
            m.name, m.entry = m.target.name if m.target else None, None
            m.code = f"{m.country}{m.sector or ''}" if m.country else m.code
            continue
        _resolve_fields(m, kb, when, doc, mentions, title_memory, sent_of)
    _surname_coref(mentions)
    _short_org_coref(mentions, doc, kb)
    _appositive_nouns(mentions, doc)
    _bracketed_acronym(mentions, doc)
    _namesake_abroad(mentions, doc)
    resolve_definite_nouns(doc, mentions)
    _same_noun(mentions, doc, kb)
    fill_from_setting(mentions, doc, kb, sent_of, country or doc.user_data.get(SOURCE_COUNTRY))
    _surname_links(mentions, doc)
    mentions += resolve_pronouns(doc, mentions, kb)
    return sorted(mentions, key=lambda m: m.start)


def resolve_actors(doc: Doc, published: PubDate | None, lang: str = "nl", country: str | None = None) -> list[Actor]:
    """Every actor mention of ``doc``, resolved against the KB at the publication date, by start.
    ``country`` (or ``doc.user_data["grotius_source_country"]``): the outlet's country, see
    ``setting.source_country``; the last resort for actors that nothing in the text places."""
    text = doc.text  # Doc.text joins every token on each access: read it once
    return [
        Actor(
            text=text[m.start : m.end],
            start=m.start,
            end=m.end,
            country=m.country,
            org=m.org,
            sector=m.sector,
            name=m.name,
            code=m.code,
            entry=m.entry,
            via=m.via,
        )
        for m in resolve_mentions(doc, published, lang, country)
    ]
