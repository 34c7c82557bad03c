"""The event coder: who did what to whom, from a parsed document, its actors, time expressions
and quotes, driven by the pattern data of ``lang/<lang>/events*.yaml``.

``code_events`` runs, per sentence: trigger matching (``triggers``), argument extraction
(``arguments``), status (``status``), dating (``dating``), then the sentence-level decisions
assembled here: light verbs, absorbed complements ("dreigen ... op te blazen" is one threat),
carrier promotion ("maakte duidelijk dat ... hard zouden optreden als ..." is a threat), and one
event per source-target pair."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from grotius.coding.cameo import lookup
from grotius.coding.events import arguments as args_mod
from grotius.coding.events.arguments import ActorIndex, Arguments
from grotius.coding.events.dating import event_date
from grotius.coding.events.grammar import Grammar, grammar, status_cues
from grotius.coding.events.patterns import Pattern, load_lexicon
from grotius.coding.events.status import StatusInfo, detect
from grotius.coding.events.triggers import MISREAD, Match, find_triggers
from grotius.datamodel import Actor, Event, Provenance, PubDate, Quote, Timex

__all__ = ["code_events", "sentence_spans"]


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


def _content_words(tok: Token, cond: frozenset[str]) -> set[str]:
    """Words of the trigger's own clause for refinements, leaving out its condition clauses."""
    skip: set[int] = set()
    for t in tok.subtree:
        if any(c.dep_ == "mark" and c.lower_ in cond for c in t.children) and t.i != tok.i:
            skip.update(x.i for x in t.subtree)
    words = set()
    for t in tok.subtree:
        if t.i not in skip:
            words.add(t.lower_)
            words.add(t.lemma_.lower())
    for c in tok.head.children if tok.pos_ in ("NOUN", "PROPN") else ():
        words.add(c.lower_)
    return words


def _refine(m: Match, cond: frozenset[str]) -> tuple[str, list[str]]:
    if not m.pattern.refine:
        return m.pattern.cameo, []
    words = _content_words(m.token, cond)
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


MIN_REFINE_PART = 5  # shorter refinement words are found inside too many unrelated compounds
MIN_OTHER_PART = 3


def _compound_of(word: str, part: str) -> bool:
    """``word`` is a compound with ``part`` as its first or last member."""
    if len(part) < MIN_REFINE_PART or len(word) < len(part) + MIN_OTHER_PART or " " in part:
        return False
    return word.startswith(part) or word.endswith(part)


def _intent(cameo: str, tok: Token, pos: str, g: Grammar, path: list[str]) -> str:
    """ "X wil Y helpen / aanvallen": CAMEO codes the stated wish as intent (03) or threat (13),
    not as the act itself; the wish verb must govern the trigger's own clause."""
    words, codes = g.words("intent_words"), g.raw.get("intent_codes") or {}
    if pos != "verb" or not codes:
        return cameo
    heads = [tok.head] if tok.dep_ in ("xcomp", "ccomp", "obj") else []
    cues = [c for c in list(tok.children) + heads if c.lower_ in words and c.i < tok.i]
    code = codes.get(cameo[:2])
    if cues and code:
        path.append(f"intent {cues[0].text}: {cameo} -> {code}")
        return str(code)
    return cameo


def _in_subtree(tok: Token, head: Token) -> bool:
    return head.left_edge.i <= tok.i <= head.right_edge.i and any(a.i == head.i for a in tok.ancestors)


def _resolve_conflicts(matches: list[Match], g: Grammar) -> list[tuple[Match, str | None]]:
    """Light verbs yield to their event noun ("overleg plegen"); a noun under another event verb is
    that verb's content ("dreigde met sancties"), not an event of its own."""
    by_i = {m.token.i: m for m in matches}
    drop: dict[int, str] = {}
    topic = g.words("topic_prepositions")
    for m in matches:
        if m.pattern.pos != "noun":
            continue
        case = [c.lower_ for c in m.token.children if c.dep_ == "case"]
        if case and case[0] in topic:  # "sprak over de oorlog", "een einde aan de oorlog": a topic
            drop[m.token.i] = f"topic ({case[0]} {m.token.text})"
            continue
        head = m.token.head
        while head.dep_ == "conj" and head.head.i != head.i and head.i not in by_i:
            head = head.head  # "een offensief met bombardementen en beschietingen"
        if (
            head.i in by_i
            and head.i != m.token.i
            and by_i[head.i].pattern.pos == "noun"
            and m.token.dep_ in ("nmod", "conj")
        ):
            drop[m.token.i] = f"part of {head.text}"  # an event noun inside another's phrase is its content
            continue
        misread = [v for v in matches if v.how == MISREAD and v.token.i < m.token.i]
        if misread and (head.i not in by_i or head.i == m.token.i):  # the link to a misread verb is lost
            head = misread[-1].token
        if head.i in by_i and head.i != m.token.i:
            hm = by_i[head.i]
            goal = bool(case) and bool(_verb_words(head, g) & g.words("event_goal_verbs"))
            if hm.pattern.pos == "verb" and (args_mod.verb_lemmas(head, g) & m.pattern.light or goal):
                # "kwamen bijeen voor een betoging": the gathering is the protest's
                drop[head.i] = f"light verb of {m.token.text}"
            elif hm.pattern.pos == "verb":
                drop[m.token.i] = f"content of {head.text}"
    return [(m, drop.get(m.token.i)) for m in matches]


def _quote_for(tok: Token, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.start <= tok.idx < q.end:
            return q
    return None


def _attribution(tok: Token, sent: Span, g: Grammar, lang: str, idx: ActorIndex) -> Actor | None:
    """Subject of a verb of saying whose complement holds the trigger."""
    verbs = {w.lower() for w in status_cues(lang).get("attribution_lemmas", [])}
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in verbs:
            found = args_mod.fill(t.head, ("subj",), idx, g, False, set())
            return found[0][0] if found else None
        t = t.head
    return None


def _key(a: Actor) -> str | None:
    return a.org or a.country


STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI"})


def _side(a: Actor) -> tuple[str | None, bool]:
    """A party with its side at home: "Rwandese rebellen" and "president Kagame" share a country but
    not a side (a rebel demand on the government is a demand on another party)."""
    return _key(a), a.org is None and a.sector in STATE_SECTORS


def _same(a: Actor, b: Actor) -> bool:
    if a is b:
        return True
    key_a, key_b = (a.code or a.country or a.org), (b.code or b.country or b.org)
    return bool(key_a) and key_a == key_b and a.name == b.name


def code_events(
    doc: Doc,
    actors: list[Actor],
    timexes: list[Timex],
    quotes: list[Quote],
    published: PubDate | None,
    doc_id: str,
    lang: str = "nl",
) -> list[Event]:
    """Every event the pattern data finds in ``doc``, one per source-target pair, in text order."""
    lex, g = load_lexicon(lang), grammar(lang)
    cond = frozenset(w for c in status_cues(lang)["cues"] if c["status"] == "conditional" for w in c["words"])
    uncoded = frozenset(g.tuple("uncoded_codes"))
    idx = ActorIndex.build(doc, actors)
    events: list[Event] = []
    for sent_i, sent in enumerate(sentence_spans(doc, lang)):
        tokens = [t for t in sent if not t.is_space and not t.is_punct]
        cands = [
            _candidate(m, why, sent_i, sent, idx, g, lang, cond, quotes)
            for m, why in _resolve_conflicts(find_triggers(tokens, lex, g), g)
        ]
        _lend_light_arguments(cands)
        _drop_purpose_clauses(cands, g)
        _drop_noun_clauses(cands, g)
        _sentence_decisions(cands, idx, g, cond)
        for c in cands:
            if c.dropped is None and c.cameo in uncoded:
                c.dropped = f"residual code {c.cameo}"
            if c.dropped is None:
                events.extend(_emit(c, timexes, published, doc_id))
    return events


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
    passive = pat.pos == "verb" and args_mod.is_passive(tok, g)
    path = [
        f"trigger {tok.text} ({tok.pos_}/{tok.dep_}, lemma {tok.lemma_}) via {m.how}"
        + (f" + particle {m.particle.text}" if m.particle is not None else "")
        + (" [passive]" if passive else "")
    ]
    cameo, notes = _refine(m, cond)
    path += notes
    if pat.strict and not notes:
        why = why or "no content word for a strict entry"
    seg = args_mod.segment_bounds(tok, sent, g)
    status = detect(tok, sent, g, lang, seg)
    cameo = _intent(cameo, tok, pat.pos, g, path)
    sources = args_mod.fill(tok, pat.source, idx, g, passive, set(), pat.light, source=True)
    if not sources:
        sources = args_mod.left_group(tok, sent, idx, g, set()) if not passive else []
    if not sources and passive and lookup(cameo).root in g.words("passive_location_roots"):
        # "werd in Libanon gearresteerd": with no agent, the state where it was done did it (CAMEO)
        places = args_mod.fill(tok, ("prep:in",), idx, g, passive, set())
        sources = [(a, f"place of a passive: {how}") for a, how in places if a.country and not a.org]
    used = {id(a) for a, _ in sources}
    # a target with no country or organisation ("zijn troepen") codes nothing and hides a better one
    targets = [
        (a, how) for a, how in args_mod.fill(tok, pat.target, idx, g, passive, used, pat.light) if a.country or a.org
    ]
    if not targets and passive and pat.target and not pat.symmetric:
        # "De Russische ambassadeur werd ... ontboden", the subject lost in the parse: the one before it
        before = args_mod.left_group(tok, sent, idx, g, used)
        targets = [
            (a, f"passive subject by order: {how}")
            for a, how in before
            if (a.country or a.org) and all(_key(a) != _key(b) for b, _ in sources)
        ]
    if not targets and pat.target and not pat.symmetric:
        targets = args_mod.right_first(tok, sent, idx, g, used)
    if not targets and pat.target and not pat.symmetric:
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
        if (
            v2[1] is not None
            and {"obj", "iobj"} & set(pat.target)
            and (not targets or any(a is v2[0] for a, _ in targets))
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
    cameo = _civil_code(cameo, pat, sources, g, path)
    cameo = _planned_code(cameo, status, g, path)
    path += [f"source {a.text} <- {how}" for a, how in sources] + [f"target {a.text} <- {how}" for a, how in targets]
    if status.cues:
        path.append(f"status {status.status} <- {', '.join(status.cues)}")
    c = Candidate(m, sent_i, sent, cameo, Arguments(sources, targets), status, path, dropped=why)
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
    if status.volgens is not None and c.reported_by is None:
        c.reported_by = args_mod.actor_of(status.volgens, idx, g)
    if c.reported_by is not None and c.status.status in ("asserted", "planned"):
        c.status.status = "reported"
    return c


def _civil_code(cameo: str, pat: Pattern, sources: list[tuple[Actor, str]], g: Grammar, path: list[str]) -> str:
    """ "De werknemers van Alitalia protesteren", "de stakers namen de haven in": an act whose sense
    depends on who acts (a state that protests complains, 114; workers who protest demonstrate, 140;
    strikers who take a port blockade it, 144) takes its civilian code when every source is a civilian
    group: the pattern's `civil` code (within its root), else the grammar's `civil_codes`."""
    civil = g.words("civil_sectors")
    if not sources or not all(a.sector is not None and a.sector.lower() in civil and not a.org for a, _ in sources):
        return cameo
    code = pat.civil if pat.civil and cameo[:2] == pat.cameo[:2] else None
    code = code or (g.raw.get("civil_codes") or {}).get(cameo)
    if code and code != cameo:
        path.append(f"civilian source: {cameo} -> {code}")
        return str(code)
    return cameo


def _planned_code(cameo: str, status: StatusInfo, g: Grammar, path: list[str]) -> str:
    """ "Salvadoranen zullen protesteren": a protest still to come is a threat of protest (CAMEO 133,
    "threaten with political dissent, protest"), not a protest that took place (`planned_codes`);
    also when reported ("kondigde voor volgende maand een protestdag aan, meldden de leiders")."""
    code = (g.raw.get("planned_codes") or {}).get(cameo[:2])
    if code and (status.status == "planned" or (status.status == "reported" and "planned" in status.found)):
        path.append(f"planned {cameo}: {code}")
        return str(code)
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


def _lend_light_arguments(cands: list[Candidate]) -> None:
    """ "Oman verwelkomde het herstel van de banden met X", "zou Israël geen steun verlenen": the
    light verb's subject is the noun event's source, and its object or prepositional target the
    noun's target when the noun has none of its own."""
    for v in cands:
        if not (v.dropped or "").startswith("light verb of"):
            continue
        nouns = [
            n
            for n in cands
            if n.match.token.head.i == v.match.token.i and n.match.pattern.pos == "noun" and n.dropped is None
        ]
        for n in nouns[:1]:
            if v.args.sources:
                n.args.sources = [(a, f"light verb {v.match.token.text}: {how}") for a, how in v.args.sources]
            src = {id(a) for a, _ in n.args.sources}
            if not n.args.targets:
                n.args.targets = [
                    (a, f"light verb {v.match.token.text}: {how}") for a, how in v.args.targets if id(a) not in src
                ]
            n.path.append(f"arguments from light verb {v.match.token.text}")


def _drop_noun_clauses(cands: list[Candidate], g: Grammar) -> None:
    """ "het besluit troepen naar Irak te sturen", "de weigering om ... te erkennen", "het recht ... te
    vuren": a te-infinitive that completes a noun names what the noun is about, not an event told.
    An aspect idiom parsed as a noun ("staat op het punt ... te herstellen", `aspect_idioms`) is no
    such noun: the infinitive is the act, about to happen."""
    idioms = {str(k).lower(): str(v).lower() for k, v in (g.raw.get("aspect_idioms") or {}).items()}
    for c in cands:
        tok = c.match.token
        if c.dropped is not None or c.match.pattern.pos != "verb" or tok.head.i == tok.i:
            continue
        head = tok.head
        idiom = idioms.get(head.lower_) or idioms.get(head.lemma_.lower())
        if idiom and any(t.lower_ == idiom for t in head.subtree if t.i < tok.i):
            continue
        if (
            head.pos_ == "NOUN"
            and head.i < tok.i
            and tok.dep_ in ("acl", "nmod", "xcomp", "ccomp")
            and any(k.lower_ == "te" for k in tok.children)
            and c.match.how != MISREAD
        ):
            c.dropped = f"content of the noun {head.text}"


def _drop_purpose_clauses(cands: list[Candidate], g: Grammar) -> None:
    """ "ontmoette X om te praten over ...", "onder druk om Iran te helpen", "zou geen toestemming geven
    om Israël te helpen": a te-infinitive purpose or content clause names an aim, not an event that
    took place; the governing event (or none) is what is told."""
    purpose = g.words("purpose_marks")
    for c in cands:
        tok = c.match.token
        if c.dropped is not None or c.match.pattern.pos != "verb" or tok.dep_ not in ("advcl", "xcomp", "acl", "ccomp"):
            continue
        kids = {k.lower_ for k in tok.children}
        if "te" not in kids:
            continue
        if any(o.match.token.i == tok.head.i and o.match.pattern.complement == "absorb" for o in cands):
            continue  # "dreigde om X aan te vallen": the threat absorbs it, with its target
        if kids & purpose:
            c.dropped = f"purpose clause under {tok.head.text}"


def _sentence_decisions(cands: list[Candidate], idx: ActorIndex, g: Grammar, cond: frozenset[str]) -> None:
    live = [c for c in cands if c.dropped is None]
    for c in live:
        pat, tok = c.match.pattern, c.match.token
        if (
            pat.requires_clause
            and c.args.targets
            and {_side(a) for a, _ in c.args.targets} <= {_side(a) for a, _ in c.args.sources}
        ):
            # "Rutte zei dat Nederland moet ...": what one's own side must do is no demand on another
            c.dropped = "own side in the complement"
            continue
        if pat.requires_clause and _state_clause(tok, g):
            # "zei dat de NAVO sterk moet blijven": a state asked for is a statement (010), no demand
            c.dropped = "a state, not an act, in the complement"
            continue
        if pat.complement == "absorb":
            clause = args_mod.complement_clause(tok, g) if pat.pos == "verb" else None
            for o in live:
                ot = o.match.token
                inside = (
                    _in_subtree(ot, tok)
                    or (c.match.how == MISREAD and ot.i > tok.i)
                    or (
                        # "heeft geëist dat ...", the clause parsed under the auxiliary
                        clause is not None and _in_subtree(ot, clause)
                    )
                    or (
                        # "heeft aangeboden te bemiddelen" parsed upside down: the te-infinitive as head
                        ot.i == tok.head.i and ot.i > tok.i and any(k.lower_ == "te" for k in ot.children)
                    )
                    or (pat.pos == "verb" and _te_content(tok, ot))
                )
                # a condition ("dreigde met sancties als Rusland binnenvalt") is not the threat's content
                if o is not c and o.dropped is None and inside and not o.status.antecedent:
                    o.dropped = f"content of {tok.text}"
                    c.path.append(f"absorbs {o.match.token.text} ({o.cameo})")
                    if not c.args.targets and o.args.targets:  # "weigerde wapens te leveren aan X"
                        c.args.targets = [(a, f"from absorbed {o.match.token.text}") for a, _ in o.args.targets]
                    elif (
                        not c.args.targets
                        and lookup(c.cameo).root == "13"
                        and (inner := _party_in_content(o, c, idx)) is not None
                    ):
                        # "dreigen importheffingen in te stellen op producten uit de EU": a party named in the content
                        c.args.targets = [(inner, f"named in absorbed {o.match.token.text}")]
                    intents = g.raw.get("intent_codes") or {}
                    threat = (
                        (o.cameo if o.cameo.startswith("13") else intents.get(o.cameo[:2]))
                        if lookup(c.cameo).root == "03"
                        else None
                    )
                    if threat and str(threat).startswith("13"):  # "zwoer wraak te nemen": a vowed attack is a threat
                        c.cameo = str(threat)
                        c.path.append(f"vows {o.match.token.text} ({o.cameo}): threat {threat}")
                    elif (mapped := _content_code(c.cameo, o.cameo, g)) is not None and mapped != c.cameo:
                        # "riep België op ... uit te leveren": an appeal for judicial cooperation (0213)
                        c.path.append(f"content {o.match.token.text} ({o.cameo}): {c.cameo} -> {mapped}")
                        c.cameo = mapped
                    elif c.cameo == pat.cameo:  # the content's own word refines too ("aangeboden ... te bemiddelen")
                        words = {ot.lower_, ot.lemma_.lower()}
                        hit = next((r for r in pat.refine if r.with_lemmas & words), None)
                        if hit is not None:
                            c.cameo = hit.cameo
                            c.path.append(f"refine {hit.id}: {ot.text}")
        if pat.promote:
            content = [
                o
                for o in live
                if o is not c and o.match.token.i > tok.i and not o.status.antecedent and o.dropped is None
            ]
            for o in content:
                quad = lookup(o.cameo).quad_class
                code = dict(pat.promote).get(quad)
                if code and o.status.status != "negated":
                    c.cameo = code
                    c.path.append(f"promoted to {code}: announces {o.match.token.text} ({o.cameo})")
                    o.dropped = f"announced by {tok.text}"
                    if not c.args.targets:
                        # the announced act's target, unless it is the speaker's own side ("de VS en
                        # zijn bondgenoten zouden optreden als Rusland ..."): then the condition's actor
                        own = {a.country or a.org for a, _ in c.args.sources}
                        others = [(a, how) for a, how in o.args.targets if (a.country or a.org) not in own]
                        c.args.targets = others or _antecedent_actor(c, idx, g, cond)
                    if o.status.status == "conditional" or _antecedent_actor(c, idx, g, cond):
                        c.status.status = (
                            "conditional" if c.status.status in ("asserted", "hypothetical") else c.status.status
                        )
                    break
    _refusals(live, g)
    _circumstances(live, g)
    for c in live:
        if c.status.antecedent and c.status.status not in ("negated", "questioned"):
            # "als Rusland binnenvalt": not something that happened, but coded, as conditional
            c.status.status = "conditional"
            c.path.append("inside a condition: conditional")
        if c.match.pattern.complement == "absorb" and not c.args.targets and lookup(c.cameo).root == "13":
            c.args.targets = _antecedent_actor(c, idx, g, cond)  # X threatens Y: "... als Y ..."
        if c.match.pattern.pos == "noun" and c.status.status == "hypothetical" and c.dropped is None:
            c.dropped = "possible, not actual"
        if c.match.pattern.promote and c.cameo == c.match.pattern.cameo and not c.args.targets:
            c.dropped = c.dropped or "statement without content or target"
        # "X en Y stelden hun ontmoeting uit": coordinated subjects of a symmetric entry are each other's target
        paired = c.match.pattern.symmetric and len(c.args.sources) > 1
        if c.match.pattern.needs_target and not c.args.targets and not paired:
            c.dropped = c.dropped or "needs a target"
        if not any(a.country or a.org for a, _ in c.args.sources):  # "een menigte": no party to code
            c.dropped = c.dropped or "no source country or organisation"
        _home_target(c, g)


def _home_target(c: Candidate, g: Grammar) -> None:
    """ "weigerde af te treden", "opende fraudeonderzoeken", "sloeg de protesten neer": an appeal,
    concession, investigation, accusation, refusal, protest or repression with no other party named
    is aimed at home; CAMEO codes the source's own country as its target (roots in the grammar data)."""
    if c.dropped is not None or c.args.targets or c.match.pattern.symmetric:
        return
    # a threatened protest (133) is aimed where the protest would be, though threats are not
    if lookup(c.cameo).root not in g.words("home_target_roots") and c.cameo not in g.words("home_target_codes"):
        return
    countries = {a.country for a, _ in c.args.sources}
    if len(countries) != 1 or None in countries:
        return
    country = next(iter(countries))
    tok = c.match.token
    home = Actor(
        tok.text, tok.idx, tok.idx + len(tok.text), country, None, None, country, country, None, "events:home-target"
    )
    c.args.targets = [(home, "no other party: the source's own country")]
    c.path.append(f"target {country} <- no other party named (home)")


OWN_AGENT = ("poss", "amod", "prep:van", "prep:door", "light-subj")


def _circumstances(live: list[Candidate], g: Grammar) -> None:
    """An event noun that only describes something else is no event told: the modifier of a
    non-event noun or adjective ("een centrum voor energieonderzoek", "verantwoordelijk voor
    massamoorden", "als gevolg van marteling"), or a prepositional phrase of a verb with no agent of
    its own ("gezocht voor moord", "verliezen bij de luchtaanvallen"; "bij Israëlische
    tankbeschietingen" keeps its own). A carrier noun ("in staat van paraatheid", "een reeks
    aanvallen") passes its event on."""
    carriers, goal_verbs = g.words("carrier_nouns"), g.words("event_goal_verbs")
    triggers = {c.match.token.i for c in live}
    for c in live:
        tok = c.match.token
        if c.dropped is not None or c.match.pattern.pos != "noun" or c.match.how == MISREAD:
            continue
        own = any(how.startswith(OWN_AGENT) for _, how in c.args.sources)
        head = tok.head
        case = [k for k in tok.children if k.dep_ == "case"]
        if head.i == tok.i or head.i in triggers or not case:
            continue
        if (
            head.pos_ in ("NOUN", "PROPN", "ADJ")
            and head.lemma_.lower() not in carriers
            and head.lower_ not in carriers
            and not own
        ):
            c.dropped = f"describes {head.text}"
        elif (
            head.pos_ in ("VERB", "AUX")
            and not own
            and tok.dep_ in ("obl", "obl:arg", "nmod")
            and not _verb_words(head, g) & goal_verbs
        ):  # "kwamen bijeen voor een betoging"
            c.dropped = f"circumstance of {head.text} ({case[0].text} {tok.text})"


def _party_in_content(content: Candidate, frame: Candidate, idx: ActorIndex) -> Actor | None:
    """The first party other than the frame's source named in the absorbed content's phrase, or after
    it up to the clause's end ("dreigt Europese producten duurder te maken": the EU): who a threat
    is aimed at."""
    own = {_key(a) for a, _ in frame.args.sources} | {None}
    tok = content.match.token
    after = []
    for t in tok.doc[tok.i + 1 : min(tok.sent.end, tok.i + 12)]:
        if t.is_punct or t.pos_ in ("SCONJ", "CCONJ"):
            break
        after.append(t)
    for t in list(tok.subtree) + after:
        a = idx.at(t)
        if a is not None and _key(a) not in own and t.lower_ not in ("zij", "hij", "het", "ze"):
            return a
    return None


def _verb_words(tok: Token, g: Grammar) -> set[str]:
    """A verb's lemma (also of a strong past form the lemmatizer left), joined with any particle
    among its dependents, however labelled ("kwamen ... bijeen" -> bijeenkomen)."""
    strong = g.raw.get("strong_forms") or {}
    base = {tok.lemma_.lower(), str(strong.get(tok.lower_, tok.lemma_)).lower()}
    return base | {c.lower_ + b for c in tok.children if c.lower_ in g.particles for b in base}


def _state_clause(tok: Token, g: Grammar) -> bool:
    """The trigger's complement clause is headed by a copula or state verb with no other verb in it."""
    clause = args_mod.complement_clause(tok, g)
    if clause is None:
        return False
    states = g.words("state_verbs")
    verbs = [t for t in clause.subtree if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in MODALS]
    return (
        bool(verbs)
        and all(t.lemma_.lower() in states or t.dep_ == "cop" for t in verbs)
        or (
            clause.pos_ in ("ADJ", "NOUN")
            and any(k.dep_ == "cop" for k in clause.children)
            and not any(t.pos_ == "VERB" and t.lemma_.lower() not in states for t in clause.subtree)
        )
    )


MODALS = frozenset({"moeten", "zullen", "kunnen", "mogen", "willen"})


def _te_content(tok: Token, other: Token) -> bool:
    """ "heeft België opgeroepen een militant uit te leveren", the te-infinitive parsed as the root:
    a later te-infinitive with no finite verb or clause boundary between is the trigger's content."""
    if other.i <= tok.i or not any(k.lower_ == "te" and k.i < other.i for k in other.children):
        return False
    relative = False  # inside a relative clause ("twee onderdanen die verdacht worden ... uit te leveren")
    for t in tok.doc[tok.i + 1 : other.i]:
        if t.pos_ == "PRON" and t.lower_ in ("die", "dat", "welke") and t.dep_.startswith(("nsubj", "obj")):
            relative = True
        elif "Fin" in t.morph.get("VerbForm") and relative:
            relative = False
        elif "Fin" in t.morph.get("VerbForm") or t.pos_ == "SCONJ" or t.lower_ in (";", ":"):
            return False
    return True


def _content_code(frame: str, content: str, g: Grammar) -> str | None:
    """The frame's code for its content's code ("content_codes" of the grammar data): an appeal,
    intent, demand, refusal or threat is coded by what it is about (CAMEO 0213, 0341, 1053, 1231,
    1312 ...). Only a frame still at its root's generic level is specialised (the frame's own word
    refinement, "dreigde met een militair offensief", is surer than a content found by the parse);
    longest prefix wins."""
    table = (g.raw.get("content_codes") or {}).get(frame[:2])
    if not table or frame[2:] != "0":
        return None
    for n in range(len(content), 1, -1):
        code = table.get(content[:n])
        if code is not None:
            return str(code)
    return None


def _refusals(live: list[Candidate], g: Grammar) -> None:
    """ "zou Israël geen steun verlenen", "wil niet met X praten": a negated cooperative act is a
    refusal (CAMEO 12), asserted, not a cooperation that did not happen."""
    codes = g.raw.get("refusal_codes") or {}
    for c in live:
        code = codes.get(c.cameo[:2])
        # with no target named, a yield not made is still refused to someone: at home (124, the home
        # target below; "de vissers zeiden de blokkade niet op te heffen")
        aimed = bool(c.args.targets) or c.cameo[:2] in g.words("untargeted_refusal_roots")
        if c.status.status == "negated" and code and c.dropped is None and aimed:
            c.path.append(f"negated {c.cameo}: refusal {code}")
            c.cameo = str(code)
            c.status.status = "reported" if c.reported_by is not None else "asserted"


def _antecedent_actor(carrier: Candidate, idx: ActorIndex, g: Grammar, cond: frozenset[str]) -> list[tuple[Actor, str]]:
    """The actor whose behaviour the condition names ("als Rusland beslist ..."): a threat's target.
    ``cond``: the conditional conjunctions (``code_events`` reads them once)."""
    sent = carrier.sent
    own = {id(a) for a, _ in carrier.args.sources}
    for t in sent:
        # a conditional conjunction ("als"), not the "dat" of the announced content
        if t.i > carrier.match.token.i and t.dep_ == "mark" and t.lower_ in cond and t.head.i != t.i:
            subj = args_mod.fill(t.head, ("subj",), idx, g, False, own)
            if subj:
                return [(a, "subject of the condition") for a, _ in subj]
            # the parse missed the subject: in a Dutch subordinate clause it is the first actor
            # between the conjunction and its verb ("als Rusland beslist ..."), also when the parse
            # made the conjunction hang on a noun ("als Rusland Oekraïne zou binnenvallen")
            stop = (
                t.head.i
                if t.head.i > t.i + 1
                else next((x.i for x in sent.doc[t.i + 1 : sent.end] if x.pos_ in ("VERB", "AUX", "PUNCT")), sent.end)
            )
            for k in range(t.i + 1, stop):
                actor = idx.at(sent.doc[k])
                if actor is not None and id(actor) not in own and (actor.country or actor.org):
                    return [(actor, "first actor of the condition")]
    return []


def _emit(c: Candidate, timexes: list[Timex], published: PubDate | None, doc_id: str) -> list[Event]:
    info = lookup(c.cameo)
    tok = c.match.token
    date = event_date(tok, c.sent, timexes, published)
    sources = [a for a, _ in c.args.sources]
    targets = [a for a, _ in c.args.targets]
    pairs: list[tuple[Actor, Actor | None]] = []
    if c.match.pattern.symmetric and not targets and len(sources) > 1:
        pairs = [(a, b) for a in sources for b in sources if a is not b and not _same(a, b)]
    else:
        pairs = [(a, b) for a in sources for b in (targets or [None]) if b is None or not _same(a, b)]
        reciprocal = any(how.startswith(("prep:", "obj:")) for _, how in c.args.targets)
        if c.match.pattern.mutual and info.root != "12" and reciprocal:
            pairs += [(b, a) for a, b in pairs if b is not None]  # "overlegde met Y", "ontmoette Y"
    coded: list[tuple[Actor, Actor | None, str]] = [(a, b, c.cameo) for a, b in pairs]
    conv = c.match.pattern.converse
    if conv and c.cameo == c.match.pattern.cameo and c.status.status != "negated":
        # "X bezocht Y" is Y's hosting of X too (CAMEO codes both: 042 and 043)
        coded += [(b, a, conv) for a, b in pairs if b is not None]
    out = []
    seen: set[tuple] = set()
    for src, tgt, code in coded:
        key = (src.org or src.country, tgt and (tgt.org or tgt.country), code)
        if key in seen:  # two mentions of one party ("Maduro ... zijn regime"): one event per party pair
            continue
        seen.add(key)
        info = lookup(code)
        path = list(c.path) + ([f"converse {code} of {c.cameo}"] if code != c.cameo else [])
        prov = Provenance(
            doc_id,
            c.sent_i,
            tok.idx,
            tok.idx + len(tok.text),
            c.match.pattern.rule,
            {"path": path, "entry": c.match.pattern.id, "code_name": info.name},
        )
        out.append(
            Event(
                trigger=tok.text,
                start=tok.idx,
                end=tok.idx + len(tok.text),
                sentence=c.sent_i,
                source=src,
                target=tgt,
                cameo=code,
                cameo_root=info.root,
                plover=info.plover,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                status=c.status.status,  # type: ignore[arg-type]
                date=date,
                rule=c.match.pattern.rule,
                reported_by=c.reported_by,
                provenance=prov,
            )
        )
    return out
