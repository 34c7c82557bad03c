"""One event candidate per trigger: its CAMEO code refined by the words around it, its arguments,
status and attribution; who acts may change the code (civilians protest, states complain).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from grotius.coding.cameo import by_prefix, lookup
from grotius.coding.events import arguments as args_mod
from grotius.coding.events.arguments import ActorIndex, Arguments, _party, verb_lemmas
from grotius.coding.events.grammar import Grammar, grammar, status_cues
from grotius.coding.events.patterns import Pattern
from grotius.coding.events.status import StatusInfo, clause_chain, detect
from grotius.coding.events.triggers import MISREAD, Match
from grotius.datamodel import Actor, Quote

MIN_REFINE_PART = 5  # shorter refinement words are found inside too many unrelated compounds
MIN_OTHER_PART = 3
LIGHT_IOBJ = "light-iobj"
STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI"})


def own_agent(g: Grammar) -> tuple[str, ...]:
    """How an event noun's own party is found: its possessor or adjective, its van- or door-phrase,
    the subject of its light verb."""
    return ("poss", "amod", f"prep:{g['genitive_preposition']}", f"prep:{g['agent_preposition']}", "light-subj")


@dataclass
class Candidate:
    match: Match
    sent_i: int
    sent: Span
    cameo: str
    args: Arguments
    status: StatusInfo
    path: list[str] = field(default_factory=list)
    reported_by: Actor | None = None
    dropped: str | None = None  # why it is not an event of its own
    # the code is the intent to an act still to come (036 for "zal onderhandelen met"): the act's
    # mutuality holds for it, as the codebook codes a meeting both sides committed to both ways
    future: bool = False


def sentence_spans(doc: Doc, lang: str = "nl") -> list[Span]:
    """The parser's sentences, re-joined where one was cut without sentence-final punctuation on
    the same line (a frequent parser error: "Joe Biden en Vladimir | Poetin hebben ...")."""
    g = grammar(lang)
    final = g.words("sentence_final")
    out: list[Span] = []
    for s in doc.sents:
        body = [t for t in s if not t.is_space]
        if not body:
            continue
        if out:
            prev = out[-1]
            last = [t for t in prev if not t.is_space][-1]
            gap = doc.text[last.idx + len(last.text) : body[0].idx]
            if last.lower_ not in final and not last.text.endswith(".") and "\n" not in gap:
                out[-1] = doc[prev.start : body[-1].i + 1]
                continue
        out.append(doc[body[0].i : body[-1].i + 1])
    return out


def _content_words(
    tok: Token, cond: frozenset[str], circumstance: frozenset[str] = frozenset(), g: Grammar | None = None
) -> set[str]:
    """Words of the trigger's own clause for refinements, leaving out its condition clauses, the
    phrases of circumstance in it ("dreigt ... duurder te maken na een conflict over overheidssteun")
    and relative clauses that describe a noun ("bekritiseerde het rapport dat de gevangenis ...")."""
    skip: set[int] = set()
    if g is not None:
        rel, deps = g.words("relative_pronouns"), set(g.tuple("relative_clause_deps"))
        for t in tok.subtree:
            if t.i != tok.i and t.dep_ in deps and any(k.lower_ in rel and k.i < t.i for k in t.children):
                skip.update(x.i for x in t.subtree)
    for t in tok.subtree:
        if any(c.dep_ == "mark" and c.lower_ in cond for c in t.children) and t.i != tok.i:
            skip.update(x.i for x in t.subtree)
    for t in tok.subtree:
        if t.i != tok.i and any(k.dep_ in ("case", "mark") and k.lower_ in circumstance for k in t.children):
            skip.update(x.i for x in t.subtree)
    words = set()
    for t in tok.subtree:
        if t.i not in skip:
            words.add(t.lower_)
            words.add(t.lemma_.lower())
    for c in tok.head.children if tok.pos_ in ("NOUN", "PROPN") else ():
        words.add(c.lower_)
    return words


def _refine(m: Match, cond: frozenset[str], g: Grammar) -> tuple[str, list[str]]:
    if not m.pattern.refine:
        return m.pattern.cameo, []
    words = _content_words(m.token, cond, g.words("circumstance_prepositions"), g)
    if m.pattern.pos == "verb":  # a clause-final verb's objects stand before it, however parsed
        words |= {w for t in args_mod.middle_field(m.token, g) for w in (t.lower_, t.lemma_.lower())}
    if m.how == MISREAD:  # no usable subtree under a misread verb: the rest of its sentence instead
        words |= {w for t in m.token.doc[m.token.i : m.token.sent.end] for w in (t.lower_, t.lemma_.lower())}
    for r in m.pattern.refine:
        hit = r.with_lemmas & words
        if hit:
            return r.cameo, [f"refine {r.id}: {sorted(hit)[0]}"]
    for r in m.pattern.refine:  # then compounds: "voedselhulp", "artilleriegranaten", "luchtafweersystemen"
        hit = {w for w in words for x in r.with_lemmas if _compound_of(w, x)}
        if hit:
            return r.cameo, [f"refine {r.id}: {sorted(hit)[0]} (compound)"]
    return m.pattern.cameo, []


def _compound_of(word: str, part: str) -> bool:
    """``word`` is a compound with ``part`` as its first or last member."""
    if len(part) < MIN_REFINE_PART or len(word) < len(part) + MIN_OTHER_PART or " " in part:
        return False
    return word.startswith(part) or word.endswith(part)


def _intent_by_order(tok: Token, words: frozenset[str], g: Grammar) -> list[Token]:
    """ "Japan is bereid China economisch te helpen", the te-infinitive made the root and the wish
    word hung elsewhere: a wish word (or phrase, "van plan") earlier in the clause, with no other
    verb between it and the infinitive, governs it."""
    phrases = [p.split() for p in g.tuple("intent_phrases")]
    doc = tok.doc
    for t in reversed(doc[tok.sent.start : tok.i]):
        if t.pos_ == "VERB" or t.lower_ in (",", ";"):
            return []
        if t.lower_ in words:
            return [t]
        for p in phrases:
            if t.i - len(p) + 1 >= tok.sent.start and [x.lower_ for x in doc[t.i - len(p) + 1 : t.i + 1]] == p:
                return [t]
    return []


def _intent(cameo: str, tok: Token, pos: str, g: Grammar, path: list[str], light: frozenset[str] = frozenset()) -> str:
    """ "X wil Y helpen / aanvallen": CAMEO codes the stated wish as intent (03) or threat (13),
    not as the act itself; the wish verb must govern the trigger's own clause."""
    words, codes = g.words("intent_words"), g.table("intent_codes")
    if pos == "noun" and tok.head.lower_ in words and tok.head.i < tok.i and (code := codes.get(cameo[:2])):
        # "is bereid tot een dialoog met Chili": the noun is what the wish word is ready for
        path.append(f"intent {tok.head.text}: {cameo} -> {code}")
        return str(code)
    if pos == "noun" and tok.dep_ in g.tuple("object_deps") and verb_lemmas(tok.head, g) & light:
        # "is van plan sancties op te leggen": the wish governs the noun's light verb
        tok, pos = tok.head, "verb"
    if pos != "verb" or not codes:
        return cameo
    # "is bereid ... bij te dragen", the te-infinitive parsed as a conjunct or adverbial clause of
    # the wish word: it still governs the infinitive
    te = g["infinitive_marker"]
    te_clause = tok.dep_ in ("conj", "advcl") and any(c.lower_ == te and c.dep_ == "mark" for c in tok.children)
    heads = [tok.head] if tok.dep_ in ("xcomp", "ccomp", "obj") or te_clause else []
    cues = [c for c in list(tok.children) + heads if c.lower_ in words and c.i < tok.i]
    if not cues and tok.dep_ == "ROOT" and any(c.lower_ == te and c.dep_ == "mark" for c in tok.children):
        cues = _intent_by_order(tok, words, g)
    code = codes.get(cameo[:2])
    if cues and code:
        path.append(f"intent {cues[0].text}: {cameo} -> {code}")
        return str(code)
    return cameo


def _quote_for(tok: Token, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.start <= tok.idx < q.end:
            return q
    return None


def _attribution(tok: Token, sent: Span, g: Grammar, lang: str, idx: ActorIndex) -> Actor | None:
    """Subject of a verb of saying whose complement holds the trigger."""
    verbs = {w.lower() for w in status_cues(lang).get("attribution_lemmas", [])}
    complementizers = g.words("complementizers")
    t = tok
    while t.head.i != t.i:
        # "kondigde aan dat ...": the clause opened by a complementizer may be parsed as adverbial,
        # and the verb of saying is its lemma with its separated particle
        complement = t.dep_ in ("ccomp", "parataxis") or (
            t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in complementizers for c in t.children)
        )
        if complement and verb_lemmas(t.head, g) & verbs:
            found = args_mod.fill(t.head, ("subj",), idx, g, False, set())
            return found[0][0] if found else None
        t = t.head
    return None


def _content_before_comma(tok: Token, idx: ActorIndex, g: Grammar, used: set[int]) -> list[tuple[Actor, str]]:
    """ "Rusland heeft burgers gedood, beschuldigde Amnesty International": a verb-first clause after
    a comma, with its subject after it and no object, comments on the clause before it; whom it
    accuses or praises is that clause's subject."""
    head = tok.head
    if head.i >= tok.i or tok.dep_ not in (g["conj_dep"], "parataxis") or tok.doc[tok.i - 1].text != ",":
        return []
    subj = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if not subj or subj[0].i < tok.i or any(c.dep_ in g.tuple("object_deps") for c in tok.children):
        return []
    found = args_mod.fill(head, ("subj",), idx, g, args_mod.is_passive(head, g), used)
    return [(a, f"clause before the comma: {how}") for a, how in found]


def _reporter_for_pronoun(tok: Token, sent: Span, idx: ActorIndex, g: Grammar, lang: str) -> list[tuple[Actor, str]]:
    """ "China zei dat zij Japan steun zal geven", "Poetin zei dat hij Oekraïne zal aanvallen": a
    third-person pronoun no actor was found for, subject of a clause reported by a verb of saying,
    is the reporter; the nearest actor before the trigger (the clause's object) is not."""
    verb = tok if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i else tok.head
    subj = args_mod.role_tokens(verb, "subj", g, False)
    if not subj or idx.at(subj[0]) is not None:
        return []
    owners = [c for c in subj[0].children if c.dep_ in g.tuple("possessor_deps")]
    pronoun = subj[0].pos_ == "PRON" and subj[0].lower_ in g.words("third_person_pronouns")
    # "zei dat zijn beweging ...": a subject owned by a pronoun, neither resolved
    owned = subj[0].pos_ == "NOUN" and any(
        o.lower_ in g.words("third_person_possessives") and idx.at(o) is None for o in owners
    )
    if not (pronoun or owned):
        return []
    reporter = _attribution(tok, sent, g, lang, idx)
    return [(reporter, f"pronoun subject {subj[0].text}: the reporter")] if reporter is not None else []


def _side(a: Actor) -> tuple[str | None, bool]:
    """A party with its side at home: "Rwandese rebellen" and "president Kagame" share a country but
    not a side (a rebel demand on the government is a demand on another party)."""
    return _party(a), a.org is None and a.sector in STATE_SECTORS


def _in_subtree(tok: Token, head: Token) -> bool:
    return head.left_edge.i <= tok.i <= head.right_edge.i and any(a.i == head.i for a in tok.ancestors)


def _verb_words(tok: Token, g: Grammar) -> set[str]:
    """A verb's lemma (also of a strong past form the lemmatizer left), joined with any particle
    among its dependents, however labelled ("kwamen ... bijeen" -> bijeenkomen)."""
    strong = g.table("strong_forms")
    base = {tok.lemma_.lower(), str(strong.get(tok.lower_, tok.lemma_)).lower()}
    return base | {c.lower_ + b for c in tok.children if c.lower_ in g.particles for b in base}


def _candidate(
    m: Match,
    why: str | None,
    sent_i: int,
    sent: Span,
    idx: ActorIndex,
    g: Grammar,
    lang: str,
    cond: frozenset[str],
    quotes: list[Quote],
) -> Candidate:
    tok, pat = m.token, m.pattern
    # "zijn" + participle is a passive only of a transitive use: with an entry whose targets have no
    # object ("zijn in Bosnië aangekomen", "zijn in opstand gekomen") it is the perfect; "worden" is passive
    transitive = bool({"obj", "iobj"} & set(pat.target)) or not pat.target
    worden = any(
        c.dep_.startswith("aux")
        and (c.lemma_.lower() == g["passive_auxiliary_lemma"] or c.lower_ in g.words("passive_aux"))
        for c in tok.children
    )
    passive = pat.pos == "verb" and (transitive or worden) and args_mod.is_passive(tok, g)
    path = [
        f"trigger {tok.text} ({tok.pos_}/{tok.dep_}, lemma {tok.lemma_}) via {m.how}"
        + (f" + particle {m.particle.text}" if m.particle is not None else "")
        + (" [passive]" if passive else "")
    ]
    cameo, notes = _refine(m, cond, g)
    path += notes
    if pat.strict and not notes:
        why = why or "no content word for a strict entry"
    seg = args_mod.segment_bounds(tok, sent, g)
    status = detect(tok, sent, g, lang, seg, pat.negation_idiom)
    cameo = _intent(cameo, tok, pat.pos, g, path, pat.light)
    wish = tok.head if pat.pos == "noun" and tok.head.lower_ in g.words("intent_words") and tok.head.i < tok.i else None
    if wish is not None:  # "X is bereid tot een dialoog met de regering van Y": X, the one willing
        sources = args_mod.fill(wish, ("subj",), idx, g, False, set(), source=True)
        sources = sources or _reporter_for_pronoun(wish, sent, idx, g, lang)
    else:
        sources = args_mod.fill(tok, pat.source, idx, g, passive, set(), pat.light, source=True)
    if not sources and not passive:
        sources = _reporter_for_pronoun(tok, sent, idx, g, lang)
    if not sources:
        sources = args_mod.left_group(tok, sent, idx, g, set()) if not passive else []
    if not sources and passive and lookup(cameo).root in g.words("passive_location_roots"):
        # "werd in Libanon gearresteerd": with no agent, the state where it was done did it (CAMEO)
        places = args_mod.fill(tok, (f"prep:{g['place_preposition']}",), idx, g, passive, set())
        sources = [(a, f"place of a passive: {how}") for a, how in places if a.country and not a.org]
    if not sources and not passive and lookup(cameo).root in g.words("located_crowd_roots"):
        # "De zogeheten 'forajidos' willen in de straten van Quito demonstreren": a crowd the resolver
        # cannot place protests where the text puts it
        places = args_mod.fill(tok, (f"prep:{g['place_preposition']}",), idx, g, passive, set())
        sources = [(a, f"place of a crowd's protest: {how}") for a, how in places if a.country and not a.org]
    used = {id(a) for a, _ in sources}
    # a target with no country or organisation ("zijn troepen") codes nothing and hides a better one
    # a noun's light verb lends its indirect object too ("legde Rusland sancties op"), after the
    # noun's own target phrases
    roles = (
        pat.target + (LIGHT_IOBJ,) if pat.pos == "noun" and pat.light and LIGHT_IOBJ not in pat.target else pat.target
    )
    targets = [(a, how) for a, how in args_mod.fill(tok, roles, idx, g, passive, used, pat.light) if a.country or a.org]
    # an entry whose only targets are phrases it needs ("staan achter X", "gaan naar X") has no
    # target elsewhere: "staat op het punt de banden met Spanje te herstellen" is no support of Spain
    own_only = pat.needs_target and all(r.startswith("prep:") for r in pat.target)
    if not targets and passive and pat.target and not pat.symmetric and not own_only:
        # "De Russische ambassadeur werd ... ontboden", the subject lost in the parse: the one before it
        before = args_mod.left_group(tok, sent, idx, g, used)
        targets = [
            (a, f"passive subject by order: {how}")
            for a, how in before
            if (a.country or a.org) and all(_party(a) != _party(b) for b, _ in sources)
        ]
    if not targets and pat.pos == "verb" and "obj" in pat.target and not passive:
        targets = _content_before_comma(tok, idx, g, used)
    if not targets and pat.target and not pat.symmetric and not own_only:
        targets = args_mod.right_first(tok, sent, idx, g, used)
    if not targets and pat.target and not pat.symmetric and not own_only:
        targets = _domestic_group(tok, pat, sources, sent, idx, g, passive)
    # Dutch main clause: the actor before the finite auxiliary is the subject, whatever the parse said
    v2 = (
        args_mod.main_clause_roles(tok, idx, g)
        if pat.pos == "verb" and not passive and pat.source[:1] == ("subj",)
        else None
    )
    if v2 is not None:
        if all(a is not v2[0] for a, _ in sources):
            sources = [(v2[0], "before the finite verb")]
        # "De VS zullen Israël luchtafweer leveren", Israël parsed as a second subject: the object
        # ... also when the parse found its object only past the clause-final verb ("heeft Oeganda
        # opgeroepen 'alle criminelen' uit te leveren": the criminals are the content's)
        if (
            v2[1] is not None
            and {"obj", "iobj"} & set(pat.target)
            and (
                not targets
                or any(a is v2[0] for a, _ in targets)
                or (pat.pos == "verb" and all(a.start > tok.idx for a, _ in targets) and v2[1].start < tok.idx)
            )
        ):
            targets = [(v2[1], "middle field")]
    # Dutch verb-final clause: the first of two bare names is the subject, the second the object
    order = (
        args_mod.subordinate_order(tok, idx, g)
        if pat.pos == "verb" and not passive and {"obj", "iobj"} & set(pat.target)
        else None
    )
    if order and ([a for a, _ in sources] != [order[0]] or [a for a, _ in targets] != [order[1]]):
        sources, targets = [(order[0], "clause word order")], [(order[1], "clause word order")]
    if pat.pos == "verb" and not passive and len(targets) == 1:
        # "betreurde de afwijzing door Argentinië van het Britse besluit": aimed at the act's agent
        agent = args_mod.act_agent(tok, targets[0][0], idx, g, {id(a) for a, _ in sources})
        if agent is not None:
            targets = [agent]
    between_role = f"prep:{g['between_preposition']}"
    if pat.pos == "noun" and pat.symmetric and between_role in pat.target:
        # "de onderhandelingen tussen Rusland en Oekraïne": the parties between are the event's,
        # each way; whoever revives or welcomes them is no party to it
        between = args_mod.fill(tok, (between_role,), idx, g, False, set(), pat.light)
        if len({_party(a) for a, _ in between}) > 1:
            sources, targets = between, []
    sources, targets = idx.with_companions(sources), idx.with_companions(targets)
    cameo = _civil_code(cameo, pat, sources, g, path, pat.pos == "verb" and _crowd_subject(tok, pat, g))
    before_future = cameo
    cameo = _planned_code(cameo, status, g, path)
    path += [f"source {a.text} <- {how}" for a, how in sources] + [f"target {a.text} <- {how}" for a, how in targets]
    if status.cues:
        path.append(f"status {status.status} <- {', '.join(status.cues)}")
    c = Candidate(m, sent_i, sent, cameo, Arguments(sources, targets), status, path, dropped=why)
    c.future = cameo != before_future
    # reported speech: the quote's speaker, or the subject of a verb of saying, reports it
    q = _quote_for(tok, quotes)
    if q is not None and q.speaker is not None:
        c.reported_by = q.speaker
        first = g.words("first_person")
        subj = [t for t in tok.children if t.dep_ == "nsubj"]
        if any(a.text.lower() in first for a, _ in sources) or (subj and subj[0].lower_ in first):
            c.args.sources = [(q.speaker, "quote speaker (first person)")]
    else:
        c.reported_by = _attribution(tok, sent, g, lang, idx)
    future_in_past = g.words("future_in_past_aux")
    if (
        c.reported_by is not None
        and c.status.status == "hypothetical"
        and c.status.cues
        and all(cue.split(":", 1)[-1] in future_in_past for cue in c.status.cues)
    ):
        # "kondigde aan dat het FSLN protesten zou steunen": the future of a past report, not a possibility
        c.path.append("future in the past of a report: reported")
        c.status.status = "reported"
    if status.volgens is not None and c.reported_by is None:
        c.reported_by = args_mod.actor_of(status.volgens, idx, g)
    own_word = (
        c.reported_by is not None
        and c.status.status == "planned"
        and bool(c.args.sources)
        and all(_party(a) == _party(c.reported_by) for a, _ in c.args.sources)
    )
    threat = by_prefix(c.cameo, g.table("future_threat_codes"))
    if threat and own_word:
        # "Netanyahu zei dat zijn land hard zal terugslaan": force a party announces for itself is a threat
        c.path.append(f"force announced by its own side: {c.cameo} -> {threat}")
        c.cameo = threat
    elif threat and c.reported_by is None and c.status.status == "planned" and _main_clause(tok, g):
        # "Rusland zal Oekraïne aanvallen": conflict forecast in the future tense is a threat (codebook 130)
        c.path.append(f"conflict in the future tense: {c.cameo} -> {threat}")
        c.cameo = threat
    if c.reported_by is not None and c.status.status in ("asserted", "planned"):
        c.status.status = "reported"
    return c


def _crowd_subject(tok: Token, pat: Pattern, g: Grammar) -> bool:
    """ "Salvadoranen zullen protesteren", "protesteerden tientallen Pakistaanse islamisten": an entry
    with a civilian code whose subject is a plural common noun, no state's name and no office
    ("regeringen", "ministers", "landen"), is a crowd's act."""
    if pat.civil is None:
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ != "NOUN" or "Plur" not in subj[0].morph.get("Number"):
        return False
    official = g.words("official_plural_nouns")
    words = {subj[0].lower_, subj[0].lemma_.lower()}
    return not words & official and not any(w.endswith(tuple(official)) for w in words)


def _civil_code(
    cameo: str, pat: Pattern, sources: list[tuple[Actor, str]], g: Grammar, path: list[str], crowd: bool = False
) -> str:
    """ "De werknemers van Alitalia protesteren", "de stakers namen de haven in": an act whose sense
    depends on who acts (a state that protests complains, 114; workers who protest demonstrate, 140;
    strikers who take a port blockade it, 144) takes its civilian code when every source is a civilian
    group: the pattern's `civil` code (within its root), else the grammar's `civil_codes`."""
    civil = g.words("civil_sectors")
    if not sources or any(a.org for a, _ in sources):
        return cameo
    if not crowd and not all(a.sector is not None and a.sector.lower() in civil for a, _ in sources):
        return cameo
    code = pat.civil if pat.civil and cameo[:2] == pat.cameo[:2] else None
    code = code or g.table("civil_codes").get(cameo)
    if code and code != cameo:
        path.append(f"civilian source: {cameo} -> {code}")
        return str(code)
    return cameo


def _main_clause(tok: Token, g: Grammar) -> bool:
    """The trigger's clause is the sentence's own, not a complement of another's saying or fearing
    ("Japan vreest dat China Polen zal aanvallen": Japan's fear, no threat by China)."""
    complementizers = g.words("complementizers")
    chain = clause_chain(tok)
    if any(t.dep_ in ("ccomp", "xcomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis") for t in chain):
        return False
    # the parse may hang the clause anywhere ("dat" read as parataxis): a complementizer before the
    # trigger in its sentence opens a clause it is in
    return not any(t.lower_ in complementizers and t.pos_ == "SCONJ" for t in tok.doc[tok.sent.start : tok.i])


def _planned_code(cameo: str, status: StatusInfo, g: Grammar, path: list[str]) -> str:
    """ "De Chinese minister bezoekt volgende week Berlijn", "Salvadoranen zullen protesteren": a
    cooperative act still to come is an intent to it (036 "express intent to meet"), a protest still
    to come a threat of protest (133), not an act that took place (`future_codes`, after the CAMEO
    codebook's 030 and PLOVER's AGREE); also when reported ("kondigde voor volgende maand een
    protestdag aan, meldden de leiders")."""
    code = by_prefix(cameo, g.table("future_codes"))
    if code and (status.status == "planned" or (status.status == "reported" and "planned" in status.found)):
        path.append(f"planned {cameo}: {code}")
        return code
    return cameo


def _domestic_group(
    tok: Token, pat: Pattern, sources: list[tuple[Actor, str]], sent: Span, idx: ActorIndex, g: Grammar, passive: bool
) -> list[tuple[Actor, str]]:
    """ "De Oegandese president heeft oppositiekandidaten uitgesloten": a group named without a
    country (opposition, rebels, protesters) in a sentence that names no other country belongs to
    the source's country (CAMEO codes the country when no specific group is given)."""
    nouns = g.words("domestic_group_nouns")
    own = {a.country for a, _ in sources}
    if len(own) != 1 or None in own or any(a.org for a, _ in sources):
        return []
    country = next(iter(own))
    for role in pat.target:
        heads = args_mod.role_tokens(tok, role, g, passive, pat.light)
        for h in heads:
            words = {h.lower_, h.lemma_.lower()}
            words |= {w.rsplit("-", 1)[1] for w in words if "-" in w}
            known = idx.at(h)
            group = bool(words & nouns) or any(w.endswith(n) for w in words for n in nouns if len(n) > 5)
            if (known is None or not (known.country or known.org)) and group:
                # only when the sentence names no other country: the group may be that one's
                if any(a.country not in (None, country) for a in (idx.at(t) for t in sent) if a is not None):
                    return []
                actor = Actor(
                    h.text,
                    h.idx,
                    h.idx + len(h.text),
                    country,
                    None,
                    None,
                    f"{country} ({h.lemma_})",
                    country,
                    None,
                    "events:domestic-group",
                )
                return [(actor, f"{role}: domestic group {h.text}")]
        if heads:
            return []
    return []
