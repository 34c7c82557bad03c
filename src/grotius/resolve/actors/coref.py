"""Within-article pronoun resolution, only where the text leaves one reading."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from grotius.resolve.actors.grammar import grammar, grammar_of
from grotius.resolve.actors.kb import KnowledgeBase
from grotius.resolve.actors.matcher import Mention
from grotius.resolve.actors.normalize import norm

_PERSONISH = {"person", "title", "ner-PER"}
# Mentions that a plural "ze" may stand for, and the sectors of nouns that name single people.
_GROUPS = {"nominal", "demonym"}
_PEOPLE = {"CVL", "CRM", "EDU", "HLH", "REF", "SPY", "MED"}
# Bodies a singular "ze" may stand for (Dutch uses it for feminine nouns: regering, partij, organisatie).
_BODIES = {"nominal", "org", "metonym"}
_BODY_SECTORS = {"GOV", "IGO", "PTY", "NGO", "BUS", "MED", "JUD", "LEG", "MIL", "COP", "LAB", "EDU", "SPY"}


def _identity(m: Mention) -> str:
    return m.entry or m.name or m.code or str(m.start)


def _is_person(m: Mention) -> bool:
    return m.kind in _PERSONISH or bool(m.entry and m.entry.startswith("kb/people"))


def _controller(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """``Alemán dreigde met maatregelen om ze in te dammen``: the object of an infinitive is not the
    subject that controls it (it would be "zich"); that subject, or none."""
    head = tok.head
    if tok.dep_.split(":")[0] not in {"obj", "iobj"} or "Inf" not in head.morph.get("VerbForm"):
        return None
    if head.dep_.split(":")[0] not in {"xcomp", "advcl", "acl"}:
        return None
    gov = head.head  # the verb governing the infinitive, through a noun it modifies ("met maatregelen om")
    for _ in range(3):
        if gov.pos_ in {"VERB", "AUX"} or gov.head is gov:
            break
        gov = gov.head
    subj = [c for c in gov.children if c.dep_.startswith("nsubj") and c.i in by_token]
    return by_token[subj[0].i] if subj else None


def _plural(tok: Token) -> bool:
    """``ze``/``zij`` as plural: marked so, or the subject of a plural finite verb (``Ze waren``)."""
    if "Plur" in tok.morph.get("Number"):
        return True
    head = tok.head
    # (a passive auxiliary too: "zij zijn beschuldigd")
    aux = {"aux", "cop"}
    subject = tok.dep_.startswith("nsubj")
    verb = next((c for c in head.children if c.dep_.split(":")[0] in aux), head) if subject else None
    gr = grammar_of(tok.doc)
    if verb is not None and verb is not head and norm(verb.text) == gr.plural_be_form:
        return True  # the auxiliary "zijn" (the tagger sometimes reads it as the possessive)
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return False
    number = verb.morph.get("Number")
    # the tagger leaves copulas unmarked: Dutch plural finite verbs end in -en (waren, hebben)
    return "Plur" in number or (not number and verb.text.lower().endswith(gr.plural_ending))


def _conjunction(tok: Token) -> list[Token]:
    """The heads of the coordination ``tok`` is part of (``Biden en Poetin``), first conjunct first."""
    first = tok.head if tok.dep_ == "conj" else tok
    return [first] + [c for c in first.children if c.dep_ == "conj"]


def _coordinated(doc: Doc, window: list[Mention], by_token: dict[int, Mention]) -> list[Mention]:
    """The latest coordination of people in the window (``Biden en Poetin``): its conjuncts, in order."""
    for m in reversed(window):
        root = doc[m.t1 - 1]
        if root.dep_ != "conj" or root.head.i not in by_token:
            continue
        head, *rest = _conjunction(root)
        first = by_token[head.i]
        group = [first] + [by_token[c.i] for c in rest if c.i in by_token and _is_person(by_token[c.i])]
        if _is_person(first) and len({_identity(g) for g in group}) >= 2:
            return group
    return []


def _coordinated_owner(doc: Doc, tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """``de VS en zijn bondgenoten``: a possessive right after ``en``/``of`` belongs to the country or
    organisation just before the conjunction, not to the latest person."""
    if tok.i < 2 or doc[tok.i - 1].lower_ not in grammar_of(doc).coordinators:
        return None
    m = by_token.get(tok.i - 2)
    return m if m is not None and m.kind in {"country", "org", "capital", "metonym"} else None


def _conjuncts(doc: Doc, m: Mention, by_token: dict[int, Mention]) -> list[Mention]:
    """A country mention and the countries coordinated with it (``de Verenigde Staten en Rusland``),
    in text order; any other mention alone."""
    if m.kind != "country":
        return [m]
    tokens = _conjunction(doc[m.t0 : m.t1].root)
    found = {id(by_token[t.i]): by_token[t.i] for t in tokens if t.i in by_token and by_token[t.i].kind == "country"}
    return sorted(found.values(), key=lambda x: x.t0) if m in found.values() else [m]


def _coordinated_bodies(doc: Doc, mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The latest coordination of two or more bodies (organisations, countries) between ``lo`` and
    ``hi``: what a plural ``ze`` stands for when no plural group is named. Read from the word order
    (``Het Rode Kruis en de Rode Halve Maan``: only "en", commas and articles between), as the parse
    of long names often hangs the conjunct elsewhere."""
    gr = grammar_of(doc)
    joins = {gr.and_conjunction, ",", *gr.definite_articles}  # `en`, commas and articles
    bodies = [
        m for m in mentions if lo <= m.t0 < hi and m.kind in _BODIES | {"country", "ner-ORG"} and (m.org or m.country)
    ]
    for k in range(len(bodies) - 1, 0, -1):
        group = [bodies[k]]
        j = k - 1
        while j >= 0:
            gap = [norm(t.text) for t in doc[bodies[j].t1 : group[0].t0]]
            if not gap or not set(gap) <= joins or (len(group) == 1 and gr.and_conjunction not in gap):
                break
            group.insert(0, bodies[j])
            j -= 1
        if len(group) >= 2:
            return group
    return []


def _copy(tok: Token, antecedent: Mention, via: str) -> Mention:
    m = Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), [], via=via, target=antecedent.target)
    for f in ("country", "org", "sector", "name", "code", "entry", "title"):
        setattr(m, f, getattr(antecedent, f))
    return m


def _neuter_subject(tok: Token, kb: KnowledgeBase) -> bool:
    """``het`` as the subject of a verb of acting or saying (not "het regent", "het is")."""
    if norm(tok.text) not in kb.neuter_pronouns or not tok.dep_.startswith("nsubj"):
        return False
    verb = tok.head
    return (
        norm(verb.lemma_) in kb.agent_verbs
        and verb.pos_ in {"VERB", "AUX"}
        or norm(verb.text) in grammar(kb.lang).agent_verb_forms
    )


def resolve_pronouns(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """``hij``/``zij`` (singular person pronouns): the person named before it in the same or the
    previous sentence when only one person is named there, or else the subject of the clause the
    pronoun's clause depends on (``De president herhaalde dat hij ...``)."""
    if not kb.pronouns:
        return []
    by_token = {i: m for m in mentions for i in range(m.t0, m.t1)}
    sents = list(doc.sents)
    sent_of = {t.i: k for k, s in enumerate(sents) for t in s}
    out = []
    for tok in doc:
        if tok.i not in by_token and _neuter_subject(tok, kb):
            # "De Verenigde Staten overwegen ... Het wil ...": the latest body named in this sentence
            # or the previous one, not a person (a guess, as the other "it" readings are many)
            k = sent_of[tok.i]
            lo = sents[k - 1].start if k > 0 else sents[k].start
            bodies = [
                m
                for m in mentions
                if lo <= m.t0 < tok.i
                # a name in the plural is still one body ("de Verenigde Staten"); a plural noun is not
                and (
                    m.kind in {"org", "country", "capital", "metonym"}
                    or (
                        m.kind == "nominal"
                        and m.sector in _BODY_SECTORS
                        and "Plur" not in doc[m.t1 - 1].morph.get("Number")
                    )
                )
            ]
            # a body in subject position before an object ("De VS overwegen Noord-Korea ... Het wil")
            subjects = [m for m in bodies if any(doc[k].dep_.startswith("nsubj") for k in range(m.t0, m.t1))]
            main = [m for m in subjects if any(doc[k].head.dep_ == "ROOT" for k in range(m.t0, m.t1))]
            # two "subjects" of one verb (a parse error): the one before the verb
            before = [m for m in main if any(doc[k].head.i > k for k in range(m.t0, m.t1))]
            if bodies:
                out.append(_copy(tok, (before or main or subjects or bodies)[-1], "pronoun-guess"))
            continue
        # possessives ("hun lezing") are often tagged as determiners
        pron = tok.pos_ == "PRON" or (tok.pos_ == "DET" and "Yes" in tok.morph.get("Poss"))
        if tok.i in by_token or kb.pronouns.get(norm(tok.text)) != "person" or not pron:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and norm(nxt.text) in kb.possessive_idioms:
            continue  # "Rusland verwijt de Navo op zijn beurt": an idiom, no one's
        owner = _coordinated_owner(doc, tok, by_token)
        if owner is not None:
            out.append(_copy(tok, owner, "possessive"))
            continue
        k = sent_of[tok.i]
        lo = sents[k - 1].start if k > 0 else sents[k].start
        window = [m for m in mentions if lo <= m.t0 < tok.i and _is_person(m)]
        if norm(tok.text) in kb.plural_pronouns and (norm(tok.text) in kb.plural_only or _plural(tok)):
            # "Biden en Poetin ... ze": one mention per conjunct on the pronoun, the first first
            group = _coordinated(doc, window, by_token)
            out += [_copy(tok, g, "pronoun") for g in group]
            if not group:  # "Duizenden betogers ... Ze": the latest plural group named before
                groups = [
                    m
                    for m in mentions
                    if lo <= m.t0 < tok.i
                    and (
                        (m.kind in _GROUPS and "Plur" in doc[m.t1 - 1].morph.get("Number"))
                        # "zoals de VS zich zou gedragen als ... aan hun grenzen": a country with a plural name
                        or (m.kind == "country" and norm(doc[m.t0 : m.t1].text) in kb.plural_names)
                    )
                ]
                if not groups:  # "De bemanning ... Ze zagen": a collective noun in the singular
                    groups = [m for m in mentions if lo <= m.t0 < tok.i and m.kind in _GROUPS]
                if groups:
                    # "de Verenigde Staten en Rusland ... ze": the coordination, every conjunct
                    out += [_copy(tok, g, "pronoun-guess") for g in _conjuncts(doc, groups[-1], by_token)]
                else:  # "Het Rode Kruis en de Rode Halve Maan ... maakten ze bekend": coordinated bodies
                    out += [_copy(tok, g, "pronoun-guess") for g in _coordinated_bodies(doc, mentions, lo, tok.i)]
            continue
        if not window and norm(tok.text) in kb.plural_pronouns:
            # "De Tunesische regering zit klem: ze kan niet ...": a singular "ze" with no person
            # before it in its sentence or the previous one stands for the latest body named there
            bodies = [
                m
                for m in mentions
                if lo <= m.t0 < tok.i
                and m.kind in _BODIES
                and m.sector in _BODY_SECTORS
                and "Plur" not in doc[m.t1 - 1].morph.get("Number")
            ]
            if bodies:
                out.append(_copy(tok, bodies[-1], "pronoun-guess"))
                continue
        nouns = not window
        if nouns:  # "De 74-jarige man ... Hij": a person noun in the singular, a guess
            window = [
                m
                for m in mentions
                if lo <= m.t0 < tok.i
                and m.kind == "nominal"
                and m.sector in _PEOPLE
                and "Plur" not in doc[m.t1 - 1].morph.get("Number")
            ]
        if not window:  # a title and lead name the protagonist early: the latest person named before
            window = [m for m in mentions if m.t0 < lo and _is_person(m)][-1:]
        if not window and k <= 1 and not any(m.t0 < tok.i for m in mentions if _is_person(m) or m.kind in _GROUPS):
            # "Ze was een dag gedwongen met pensioen, maar dat hield Polens opperrechter Gersdorf niet
            # tegen": in the headline or the lead's first sentence, nobody named before, so the first
            # person named after, in its sentence or the next
            hi = sents[k + 1].end if k + 1 < len(sents) else sents[k].end
            after = [
                m
                for m in mentions
                if tok.i < m.t0 < hi
                and (
                    _is_person(m)
                    or (m.kind == "nominal" and m.sector in _PEOPLE and "Plur" not in doc[m.t1 - 1].morph.get("Number"))
                )
            ]
            if after:
                out.append(_copy(tok, after[0], "pronoun-guess"))
            continue
        controller = _controller(tok, by_token)
        if controller is not None:
            window = [m for m in window if _identity(m) != _identity(controller)]
        people = {_identity(m) for m in window}
        antecedent = None
        if len(people) == 1:
            antecedent = window[-1]
        else:  # the subject of the governing clause
            head = tok.head
            for _ in range(4):
                subj = [c for c in head.head.children if c.dep_.startswith("nsubj") and c.i in by_token]
                if head.dep_ in {"ccomp", "advcl", "xcomp", "acl", "conj"} and subj:
                    cand = by_token[subj[0].i]
                    antecedent = cand if _is_person(cand) else None
                    break
                if head.head is head:
                    break
                head = head.head
        via = "pronoun-guess" if nouns else "pronoun"
        if antecedent is None and window:
            # No certain reading: the latest person in subject position, marked as a guess.
            subjects = [m for m in window if any(doc[k].dep_.startswith("nsubj") for k in range(m.t0, m.t1))]
            antecedent, via = (subjects or window)[-1], "pronoun-guess"
        if antecedent is None:
            continue
        out.append(_copy(tok, antecedent, via))
    return out


# Sectors a generic noun of one sector may take its organisation from ("de partij" -> a PTY org).
_COMPATIBLE = {"POL": {"POL", "PTY"}, "PTY": {"PTY", "POL"}, "NGO": {"NGO", "IGO"}}


def resolve_definite_nouns(doc: Doc, mentions: list[Mention]) -> None:
    """``De organisatie`` after ``de OVSE``, ``de krant`` after ``NRC``, ``de partij`` after ``de AfD``:
    a singular definite generic noun with no country of its own names the latest organisation of its
    sector mentioned before it. Runs before the setting fills in countries."""
    orgs: list[Mention] = []
    definite = grammar_of(doc).definite_determiners
    for m in mentions:
        if m.kind == "org" and (m.org or m.country):
            orgs.append(m)
            continue
        if (
            m.kind != "nominal"
            or m.country
            or m.org
            or m.parts
            or m.t0 == 0
            or norm(doc[m.t0 - 1].text) not in definite
            or "Plur" in doc[m.t1 - 1].morph.get("Number")
        ):
            continue
        fits = _COMPATIBLE.get(m.sector or "", {m.sector})
        antecedent = next((o for o in reversed(orgs) if o.sector in fits), None)
        if antecedent is not None:
            m.country, m.org, m.name, m.entry = antecedent.country, antecedent.org, antecedent.name, antecedent.entry
            m.code, m.via = antecedent.code, "coref"
            m.t0 -= 1  # the determiner belongs to the mention, as "het Kremlin" does
            m.start = doc[m.t0].idx
