"""The article's setting: the country of actors the text names without one (``de autoriteiten``,
an unknown ``Jan Peeters``, ``de Iraanse wetenschapper Ahmadreza Djalali``).

Evidence, strongest first: a nationality adjective in the mention's own noun phrase, a country or
capital named as a location in the mention's own clause (``in Potsdam``; not a destination, ``naar
Soedan``), the one country the article names most often, the outlet's country, and last the home
country whose institutions the article's words name (``schepen``, ``parket``: BEL). Offices and
bodies of the home country (``Kamerlid Anne Kuik``, ``de burgemeester``, ``de Kamer``, ``onze
minister``) take the home evidence (outlet, vocabulary, the home country the article names) before
the foreign country an article is about. Mentions with a country or organisation of their own are
left alone; the basis used is appended to the mention's ``via`` (``alias+setting-article``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc

from grotius.resolve.actors.grammar import grammar, grammar_of
from grotius.resolve.actors.kb import KnowledgeBase, place_key
from grotius.resolve.actors.matcher import Mention
from grotius.resolve.actors.normalize import is_acronym, norm

# Mentions that may take their country from the setting; pronouns take their antecedent's instead.
_FILLED = {"nominal", "title", "ner-PER", "ner-ORG", "ner-PROPN"}
# Mentions that a place named in their sentence may locate: generic groups are where they act; a named
# person may be abroad ("Puigdemont in Brussel").
_LOCAL = {"nominal", "title"}
# Names the NER or the proper-noun fallback found, not in the KB; bodies among them may carry a place.
_NAMED = {"ner-PER", "ner-ORG", "ner-PROPN"}
_NAMED_BODY = {"ner-ORG", "ner-PROPN"}
# Mentions that count as the article naming a country.
_EVIDENCE = {"country", "capital", "adjective", "demonym", "person", "metonym", "title", "nominal", "city", "org"}
# Companies named across borders (Facebook, Google) tell nothing of where an article is set.
_NO_SETTING = "kb/organisations_companies.yaml"


def _evidence(m: Mention) -> bool:
    # Refugees and immigrants are away from the country their adjective names ("smokkelaars van
    # Syrische vluchtelingen" are tried at home): their origin is no evidence of the setting. A name
    # the KB lacks counts when its own nationality adjective placed it ("de Boliviaanse president
    # Gonzalo Sánchez de Lozada"): the country is the text's, not a guess.
    named = m.kind in _NAMED and m.parts[:1] == ["adjective"]
    return (
        bool(m.country)
        and (m.kind in _EVIDENCE or named)
        and m.sector != "REF"
        and not (m.entry or "").startswith(_NO_SETTING)
    )


# Dependency relations that open a clause of their own (an infinitive, xcomp, shares its subject's).
_CLAUSE_DEPS = {"ccomp", "advcl", "acl", "parataxis", "csubj"}


def _clause_head(tok: Any) -> Any:
    """The head of the clause a token belongs to: the first ancestor (or itself) that heads a clause."""
    for _ in range(len(tok.doc)):
        dep = tok.dep_.split(":")[0]
        if tok.head is tok or dep in _CLAUSE_DEPS or (dep == "conj" and tok.pos_ in {"VERB", "AUX"}):
            return tok
        tok = tok.head
    return tok


def located_country(m: Mention, mentions: list[Mention], doc: Doc, kb: KnowledgeBase, sent_of: list[int]) -> str | None:
    """``In Oekraïne bereidt het leger zich voor``: a country, capital or town named as a location
    (after a locative preposition, not a directional one: ``repatriëren naar Soedan``) in the
    mention's own clause; a place in another clause of the sentence says nothing of where the actor
    is (``de regering verklaarde dat ... in Soedan``)."""
    root = min(doc[m.t0 : m.t1], key=lambda t: 0 if not (m.t0 <= t.head.i < m.t1) or t.head is t else 1)
    clause = _clause_head(root)
    for o in mentions:
        if o is m or sent_of[o.t0] != sent_of[m.t0] or o.kind not in {"country", "capital", "city"} or o.t0 == 0:
            continue
        if _agent(o, doc):  # "gesteund door Turkije": the passive agent acts on the actor, it is no location
            continue
        prep = norm(doc[o.t0 - 1].text)
        if prep == grammar(kb.lang).genitive_preposition:
            # "in het havengebied van Amsterdam": the place names where the locative phrase it hangs from is
            head = doc[o.t0].head
            prep = next((norm(c.text) for c in head.children if c.dep_ == "case" and c.i < head.i), prep)
        if prep in kb.locative and prep not in kb.directional and _clause_head(doc[o.t0]) == clause:
            return o.country
    return None


def _agent(m: Mention, doc: Doc) -> bool:
    """``gesteund door Turkije en Qatar``, gapped ``Haftar door Egypte``: the mention is (a conjunct of)
    a passive agent, the party that acts on others rather than a place where they are."""
    tok = doc[m.t0]
    # (a conjunct joined by "en"/"of"; one after a comma may open a gapped clause: ", Haftar door Egypte")
    while (
        tok.head is not tok
        and tok.head.i < tok.i
        and (tok.dep_ == "flat" or (tok.dep_ == "conj" and any(c.dep_ == "cc" for c in tok.children)))
    ):
        tok = tok.head
    if tok.dep_ == "obl:agent":
        return True
    # the parse of a gapped passive hangs the agent from the gapped patient's name
    agent = grammar_of(doc).agent_preposition
    case = any(c.dep_ == "case" and norm(c.text) == agent for c in tok.children)
    return case and tok.dep_ == "nmod" and tok.head.pos_ == "PROPN"


def _reporter(m: Mention, mentions: list[Mention], doc: Doc) -> str | None:
    """``De Nieuw-Zeelandse premier Ardern verklaarde dat vicepremier Peters ...``: a government
    office holder the text does not place, in a ``dat`` clause after the verb of a placed government
    speaker, is of the speaker's government (whatever country the reported clause goes on to name).
    Read from the word order, not the parse of the clause, which often hangs it elsewhere."""
    if m.sector != "GOV" or not (m.kind == "title" or "title" in m.parts):
        return None
    sent = doc[m.t0].sent
    for o in mentions:
        if o is m or not (o.country and o.sector == "GOV") or not (sent.start <= o.t0 and o.t1 <= m.t0):
            continue
        # the speaker is the subject of a verb that comes before a "dat" that comes before the mention
        verbs = [doc[i].head for i in range(o.t0, o.t1) if doc[i].dep_.startswith("nsubj")]
        verb = next((v for v in verbs if v.pos_ in {"VERB", "AUX"} and o.t1 <= v.i < m.t0), None)
        if verb is None:
            continue
        between = doc[verb.i + 1 : m.t0]
        that = grammar_of(doc).declarative_complementizer
        reported = any(norm(t.text) == that and t.pos_ == "SCONJ" for t in between)
        if reported and not any(t.text == "." for t in between):
            return o.country
    return None


_STATE = {"GOV", "MIL", "ELI", "COP"}


def _fought(m: Mention, mentions: list[Mention], doc: Doc) -> str | None:
    """``Het bondgenootschap bombardeerde Khaddafi's troepen en hielp rebellen``: rebels fight in
    their own country, so an unplaced rebel group is of the one country whose rulers or forces its
    sentence names (foreign helpers named as countries or organisations do not count)."""
    if m.sector != "REB":
        return None
    sent = doc[m.t0].sent
    states = {
        o.country
        for o in mentions
        if o is not m
        and o.country
        and not o.org
        and o.sector in _STATE
        and o.kind in _PEOPLE_KINDS | {"nominal"}
        and sent.start <= o.t0 < sent.end
    }
    return states.pop() if len(states) == 1 else None


def _home_office(m: Mention, doc: Doc, kb: KnowledgeBase) -> bool:
    """An office or body of the home country (the language file marks them ``home``), or an actor
    noun after a first-person plural possessive (``onze minister``, ``ons leger``)."""
    if m.home or (m.target is not None and m.target.home):
        return True
    return m.t0 > 0 and norm(doc[m.t0 - 1].text) in kb.home_possessives


_PEOPLE_KINDS = {"person", "title", "ner-PER"}


def _possessor(m: Mention, mentions: list[Mention], doc: Doc, kb: KnowledgeBase, sent_of: list[int]) -> str | None:
    """``de dubbelspion Sergej Skripal en zijn dochter``: a noun after a singular possessive is of the
    person named last before it, in its sentence or the one before (a placed person only)."""
    if m.t0 == 0:
        return None
    gr = grammar(kb.lang)
    before = doc[m.t0 - 1].text
    if before in gr.genitive_clitics and m.t0 > 1:  # the genitive ending split off: "Djalali 's vrouw"
        before = doc[m.t0 - 2].text + before
    if norm(before) not in kb.possessives:
        # "Djalali's vrouw": a genitive name before the noun is a person the article places elsewhere
        stem = gr.genitive_suffix_pattern.sub("", before)
        if stem == before or not stem[:1].isupper():
            return None
        key = norm(stem)
        # (the tagger calls some people organisations: any name ending in the stem)
        named = [
            o
            for o in mentions
            if o.kind in _PEOPLE_KINDS | _NAMED
            and o.country
            and norm(gr.genitive_suffix_pattern.sub("", doc[o.t1 - 1].text)) == key  # "Khaddafi's" is one token
        ]
        return named[0].country if named else None
    start = sent_of[m.t0]
    prev_start = sent_of[start - 1] if start > 0 else start
    people = [o for o in mentions if o.t1 <= m.t0 - 1 and o.t0 >= prev_start and o.kind in _PEOPLE_KINDS]
    return people[-1].country if people else None


def _np_adjective(m: Mention, adjectives: list[Mention], doc: Doc) -> str | None:
    """``de Iraanse wetenschapper Djalali``: an adjective attached to the mention's head noun or to
    the noun the mention stands in apposition to."""
    span = set(range(m.t0, m.t1))
    root = min((doc[i] for i in span), key=lambda t: 0 if t.head.i not in span or t.head is t else 1)
    heads = span | ({root.head.i} if root.dep_.split(":")[0] in {"appos", "flat", "nmod", "compound"} else set())
    # the noun right before a name, whatever the parse says (not before an article: "... Syrische
    # vluchtelingen Het hof van beroep" is a headline running into the lead)
    if m.t0 > 0 and doc[m.t0 - 1].pos_ == "NOUN" and m.kind in _NAMED:
        heads.add(m.t0 - 1)
    for a in adjectives:
        if doc[a.t0].head.i in heads and doc[a.t0].head.i != a.t0:
            return a.country
    return None


def _dominant(mentions: list[Mention], home: str | None, doc: Doc) -> str | None:
    """The country the article names most often; a tie goes to the home country the vocabulary
    suggests when it is among the tied, else to the one home country of Dutch-language news among
    them (a Belgian minister on the Brexit: BEL, GBR once each), else there is no setting (the
    first-named country was tried: on dev it placed nothing more correctly and gave countries to
    actors that have none). Passive agents (``gesteund door Turkije``) act on the article's actors
    from outside: they do not count."""
    named = [m.country for m in mentions if _evidence(m) and not _agent(m, doc)]
    top = Counter(named).most_common()
    if not top:
        return None
    tied = {c for c, n in top if n == top[0][1]}
    if len(tied) == 1:
        return top[0][0]
    if home in tied:
        return home
    homes = tied & _HOMES
    return homes.pop() if len(homes) == 1 else None


def home_country(doc: Doc, kb: KnowledgeBase, skip: frozenset[str] = frozenset()) -> str | None:
    """The home country whose own institutions the article's words name (``schepen``, ``parket`` ->
    BEL; ``wethouder`` -> NLD): the majority of such words, none on a tie. Words in ``skip`` (a home
    office's own: "het parket" is no evidence of where that parket is) do not count."""
    counts: Counter[str] = Counter()
    for tok in doc:
        if skip and norm(tok.text) in skip:
            continue
        # the word or its lemma ("wethouders"), or the first part of a hyphenated word ("parket-generaal")
        key = norm(tok.text)
        country = (
            kb.home_words.get(key)
            or kb.home_words.get(norm(tok.lemma_ or ""))
            or ("-" in key[1:] and kb.home_words.get(key.split("-")[0]))
            or None
        )
        if country:
            counts[country] += 1
    return _majority(counts)


def _majority(counts: Counter[str]) -> str | None:
    """The most frequent key; none when there is none or the top is tied."""
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


# Home countries of Dutch-language news: an article's "ons land" is one of them.
_HOMES = {"BEL", "NLD"}
# Top-level domains of the home countries of Dutch-language news.
_TLD = {"be": "BEL", "nl": "NLD", "lu": "LUX", "de": "DEU", "fr": "FRA", "uk": "GBR"}


def source_country(
    kb: KnowledgeBase, meta: dict[str, Any] | None = None, source: str | None = None, url: str | None = None
) -> str | None:
    """The country of a document's outlet: ``meta["country"]`` (an ISO alpha-3 or alpha-2 code), else
    a national news medium of the KB named by the source (``De Standaard``, ``nos.nl``), else the
    web address's country domain. Used only for actors that no cue in the text places."""
    code = str((meta or {}).get("country") or "").upper()
    if code in kb.countries:
        return code
    if len(code) == 2:
        found = next((c for c, rec in kb.countries.items() if str(rec.get("iso2", "")).upper() == code), None)
        if found:
            return found
    for text in (source, url):
        if not text:
            continue
        words = [w for w in re.split(r"[^\w&]+", norm(text)) if w]
        for n in (3, 2, 1):
            for k in range(len(words) - n + 1):
                for t, _ in kb.aliases.get(tuple(words[k : k + n]), ()):
                    if t.kind == "org" and t.sector == "MED" and t.country:
                        return t.country
        host = re.match(r"(?:\w+://)?([^/\s:]+)", text)
        if host and "." in host.group(1):
            tld = _TLD.get(host.group(1).rsplit(".", 1)[-1].lower())
            if tld:
                return tld
    return None


def _finite(tok: Any) -> bool:
    """A finite verb: the end of a noun phrase (an acronym tagged as one, "IS", is none)."""
    if tok.pos_ not in {"VERB", "AUX"} or "Fin" not in tok.morph.get("VerbForm") or is_acronym(tok.text):
        return False
    # an inflected participle before its noun ("het door het leger geregeerde Myanmar"), which the
    # tagger sometimes calls a finite past tense, is inside the phrase
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    gr = grammar_of(tok.doc)
    attributive = (
        tok.text.startswith(gr.participle_prefix)
        and tok.text.endswith(gr.attributive_participle_endings)
        and len(tok.text) > 6
    )
    return not (attributive and nxt is not None and nxt.pos_ in {"NOUN", "PROPN"})


def _origin(m: Mention, places: list[Mention], doc: Doc, kb: KnowledgeBase) -> str | None:
    """``Tarik Jadaoun, de jihadi van IS uit Verviers``: a place after an origin preposition whose
    phrase hangs (within a few steps of the parse) from the mention or its apposition, or that follows
    the mention closely with no verb between (the parse of headlines and appositions often fails)."""
    span = set(range(m.t0, m.t1))
    for p in places:
        if p.t0 == 0 or p.t0 in span:
            continue
        # the preposition right before the place, or one that opens a modifier of it right after the
        # mention ("dissidenten uit het door het leger geregeerde Myanmar": no verb or comma between)
        k = p.t0 - 1
        while k > m.t1 and p.t0 - k < 7 and norm(doc[k].text) not in kb.origin:
            if _finite(doc[k]) or doc[k].is_punct:
                break
            k -= 1
        if norm(doc[k].text) not in kb.origin or (k != p.t0 - 1 and k != m.t1):
            continue
        if m.t1 <= p.t0 <= m.t1 + 12 and not any(_finite(doc[k]) or doc[k].is_sent_start for k in range(m.t1, p.t0)):
            return p.country
        tok = doc[p.t0]
        for _ in range(5):
            if tok.head is tok:
                break
            tok = tok.head
            if tok.i in span or (tok.dep_.split(":")[0] == "appos" and tok.head.i in span):
                return p.country
    return None


def _place_in_name(m: Mention, doc: Doc, kb: KnowledgeBase, prefer: set[str]) -> str | None:
    """``Havenbedrijf Antwerpen``, ``Universiteit Gent``, ``Cambridge Analytica``: an organisation's
    name that contains a town of the gazetteer is of that town's country (people's names are not:
    ``Jan Van Gent``)."""
    if m.kind not in _NAMED_BODY or m.t1 - m.t0 < 2:
        return None
    for i in range(m.t0, m.t1):
        word = doc[i].text
        if word[:1].isupper() and norm(word) not in kb.time_words:
            hit = kb.place(word, prefer)
            # a place the language file vouches for, or one of a country the article names: "Federal
            # Reserve" is not of the Argentinian town Federal
            if hit is not None and (place_key(word) in kb.exonyms or hit[0] in prefer):
                return hit[0]
    return None


def fill_from_setting(
    mentions: list[Mention], doc: Doc, kb: KnowledgeBase, sent_of: list[int], default: str | None = None
) -> None:
    """Give a country to actor mentions that have neither country nor organisation; ``default`` (the
    outlet's country) when the article itself names no country."""
    # Nationality adjectives, alone or opening a merged phrase ("de Iraanse wetenschapper"): t0 is the adjective.
    adjectives = [
        m for m in mentions if m.country and (m.kind == "adjective" and not m.parts or m.parts[:1] == ["adjective"])
    ]
    prefer = {m.country for m in mentions if m.country}
    todo = [m for m in mentions if not (m.country or m.org) and m.kind in _FILLED]
    # Evidence of the mention's own words; a name placed once is placed wherever it recurs ("Enerkem").
    places = [m for m in mentions if m.kind in {"city", "country", "capital"} and m.country]
    own = {id(m): ("phrase", _np_adjective(m, adjectives, doc) or _origin(m, places, doc, kb)) for m in todo}
    own.update(
        {id(m): ("name", c) for m in todo if not own[id(m)][1] for c in [_place_in_name(m, doc, kb, prefer)] if c}
    )
    by_name: dict[str, str] = {}
    for m in todo:
        if own[id(m)][1] and m.kind in _NAMED:
            by_name.setdefault(norm(doc[m.t0 : m.t1].text), own[id(m)][1] or "")
    home = home_country(doc, kb)
    # Evidence, strongest first, with the basis recorded in ``via``.
    article = [("article", _dominant(mentions, home, doc)), ("outlet", default), ("vocabulary", home)]
    named_home = _majority(Counter(m.country for m in mentions if m.country in _HOMES and _evidence(m)))
    home_first = [("outlet", default), ("vocabulary", home), ("article", named_home)]
    for m in todo:
        refers = m.target.refers if m.target else None
        if refers in {"several", "member-org"}:  # "beide landen", "de lidstaten" of no named body: no one country
            continue
        if refers == "home":  # "ons land": the home country
            options = home_first
        elif _home_office(m, doc, kb):  # "Kamerlid X", "de burgemeester": home, unless the phrase says
            local = located_country(m, mentions, doc, kb, sent_of) if m.kind in _LOCAL else None
            others = home_country(doc, kb, frozenset(norm(t.text) for t in doc[m.t0 : m.t1])) if home else None
            own_home = [("outlet", default), ("vocabulary", others), ("article", named_home)]
            fallback = m.target.fallback if m.target else None
            options = [own[id(m)], *own_home, ("fallback", fallback), ("sentence", local), *article]
        elif refers:  # "het land": the country named last
            countries = [o.country for o in mentions if o.t0 < m.t0 and o.kind in {"country", "capital"}]
            # with no country named by name, a nationality adjective names it ("De Boliviaanse president
            # ... in het land"); a name wins ("Rusland wijst een Belgische diplomaat het land uit")
            countries = countries or [
                o.country
                for o in mentions
                if o.t0 < m.t0 and o.country and (o.kind == "adjective" or o.parts[:1] == ["adjective"])
            ]
            options = [("previous-country", countries[-1] if countries else None)]
        else:
            local = located_country(m, mentions, doc, kb, sent_of) if m.kind in _LOCAL else None
            same = by_name.get(norm(doc[m.t0 : m.t1].text)) if m.kind in _NAMED else None
            options = [
                own[id(m)],
                ("same-name", same),
                ("possessor", _possessor(m, mentions, doc, kb, sent_of)),
                ("reporter", _reporter(m, mentions, doc)),
                ("sentence", local),
                ("fought", _fought(m, mentions, doc)),
                article[0],
                # a body named for one country's, the one the article does not place elsewhere
                ("fallback", m.target.fallback if m.target else None),
                *article[1:],
            ]
        basis, country = next(((b, c) for b, c in options if c), (None, None))
        if country:
            m.country = country
            m.code = f"{country}{m.sector or ''}"
            m.via = f"{m.via}+setting-{basis}"
