"""Sentence-level decisions over a sentence's candidates: light verbs lending their arguments,
absorbed complements and content codes, clauses that only describe, conflicts between triggers,
home targets, refusals and antecedents.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from grotius.coding.cameo import by_prefix, lookup
from grotius.coding.events import arguments as args_mod
from grotius.coding.events.arguments import ActorIndex, Arguments, _party
from grotius.coding.events.candidates import Candidate, _in_subtree, _side, _verb_words, own_agent
from grotius.coding.events.grammar import Grammar
from grotius.coding.events.patterns import lemma_key
from grotius.coding.events.status import clause_chain
from grotius.coding.events.triggers import MISREAD, Match, base_keys
from grotius.datamodel import Actor, Event


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
        # "sprak over de oorlog", "een einde aan de oorlog": a topic; "bereid tot een dialoog": intent
        if case and case[0] in topic and m.token.head.lower_ not in g.words("intent_words"):
            drop[m.token.i] = f"topic ({case[0]} {m.token.text})"
            continue
        head = m.token.head
        # "een offensief met bombardementen en beschietingen"; not from a verb up to another clause's
        # verb ("Vastbesloten het conflict te beëindigen, voerde de regering gesprekken")
        while head.dep_ == "conj" and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and head.i not in by_i:
            head = head.head
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
        if (head.i not in by_i or head.i == m.token.i) and not case:
            # "heeft hulpgoederen boven Gaza afgeworpen", the noun made the verb's head: a bare noun of
            # a clause-final verb's middle field is that verb's object
            # (an absorbing verb takes it as content later, with its author: "oproepen van X afgewezen")
            final = [
                v.token
                for v in matches
                if v.pattern.pos == "verb"
                and v.pattern.complement != "absorb"
                and m.token in args_mod.middle_field(v.token, g, verbal=True)
            ]
            head = final[0] if final else head
        if head.i in by_i and head.i != m.token.i:
            hm = by_i[head.i]
            goal = bool(case) and bool(_verb_words(head, g) & g.words("event_goal_verbs"))
            lemmas = args_mod.verb_lemmas(head, g)
            if hm.particle is not None:  # "hieven de sancties op" is opheffen, not the light verb "heffen"
                prt = hm.particle.lower_
                lemmas = {x if x.startswith(prt) else prt + x for x in lemmas}
            if hm.pattern.pos == "verb" and (lemmas & m.pattern.light or goal):
                # "kwamen bijeen voor een betoging": the gathering is the protest's
                drop[head.i] = f"light verb of {m.token.text}"
            elif hm.pattern.pos == "verb":
                drop[m.token.i] = f"content of {head.text}"
    return [(m, drop.get(m.token.i)) for m in matches]


def _has_coordinator(t: Token) -> bool:
    """A coordinator between the conjunct and the word it is joined to, wherever the parse hung it
    ("en hebben een door de regering aangeboden verhoging afgewezen": on a participle inside)."""
    return any(x.pos_ == "CCONJ" for x in t.doc[t.head.i + 1 : t.i])


def _coordinated_verb(t: Token, head: Token, g: Grammar) -> bool:
    """``t`` is a verb joined to ``head`` by coordination (a chain of conjuncts, each with its
    coordinator): a second act of the same subject, not the content of the first. A te-infinitive
    the parse calls a conjunct ("beloofde ... te verminderen") is content all the same."""
    if t.pos_ not in ("VERB", "AUX") or args_mod.has_te_marker(t, g):
        return False
    while t.dep_ == g["conj_dep"] and t.head.i != t.i and _has_coordinator(t):
        t = t.head
        if t.i == head.i:
            return True
    return False


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


def gapped_passives(cands: list[Candidate], idx: ActorIndex, g: Grammar) -> list[Candidate]:
    """ "De overgangsregering wordt gesteund door Turkije en Qatar, Khalifa Haftar door Egypte en
    de Emiraten": the gapped second clause is the same event with its own patient and agents."""
    out: list[Candidate] = []
    for c in cands:
        tok = c.match.token
        if c.match.pattern.pos != "verb" or not args_mod.is_passive(tok, g):
            continue
        for head in args_mod.role_tokens(tok, "subj", g, True):
            for t in args_mod.with_conjuncts(head, g)[1:]:
                door = args_mod.gapped_agent(t, g)
                target = args_mod.actor_of(t, idx, g)
                if door is None or target is None:
                    continue
                sources = [
                    (a, f"gapped passive agent {x.text}")
                    for x in args_mod.with_conjuncts(door, g)
                    if (a := args_mod.actor_of(x, idx, g)) is not None and a is not target
                ]
                if sources:
                    path = c.path + [f"gapped passive clause: {t.text} door {door.text}"]
                    out.append(
                        replace(c, args=Arguments(sources, [(target, f"gapped passive patient {t.text}")]), path=path)
                    )
    return out


def _share_coordinated_subjects(cands: list[Candidate], g: Grammar) -> None:
    """ "Het hoofd van CHP heeft beroep aangetekend ... en beschuldigt de AKP van bedrog": a verb
    coordinated with an earlier event's verb (or with its auxiliary), with no subject of its own,
    has that event's source."""
    for c in cands:
        tok = c.match.token
        if c.args.sources or c.match.pattern.pos != "verb" or tok.dep_ != g["conj_dep"]:
            continue
        if any(x.dep_.startswith("nsubj") for x in tok.children):
            continue
        for o in cands:
            ot = o.match.token
            if o is c or not o.args.sources or ot.i > tok.i or o.match.pattern.pos != "verb":
                continue
            if tok.head.i in (ot.i, ot.head.i) and (tok.head.i == ot.i or tok.head.pos_ == "AUX"):
                src = {id(a) for a, _ in o.args.sources}
                c.args.sources = [(a, f"shared subject of {ot.text}: {how}") for a, how in o.args.sources]
                c.args.targets = [(a, how) for a, how in c.args.targets if id(a) not in src]
                c.path.append(f"subject shared with the coordinated {ot.text}")
                break


def _drop_noun_clauses(cands: list[Candidate], g: Grammar) -> None:
    """ "het besluit troepen naar Irak te sturen", "de weigering om ... te erkennen", "het recht ... te
    vuren": a te-infinitive that completes a noun names what the noun is about, not an event told.
    An aspect idiom parsed as a noun ("staat op het punt ... te herstellen", `aspect_idioms`) is no
    such noun: the infinitive is the act, about to happen."""
    idioms = {str(k).lower(): str(v).lower() for k, v in g.table("aspect_idioms").items()}
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
            and args_mod.has_te_marker(tok, g)
            and c.match.how != MISREAD
        ):
            c.dropped = f"content of the noun {head.text}"


def _drop_reason_clauses(cands: list[Candidate], g: Grammar) -> None:
    """ "willen demonstreren tegen het parlement, omdat dat het voorstel heeft verworpen": a clause of
    reason gives the cause of the event told; when the sentence tells an event outside such clauses,
    the ones inside them are background (alone, as in "... nam af, omdat de VS weigeren ...", it is
    the event told)."""
    reason = g.words("reason_conjunctions")

    def in_reason(c: Candidate) -> bool:
        tok = c.match.token
        if any(k.dep_ == "mark" and k.lower_ in reason for t in clause_chain(tok) for k in t.children):
            return True
        # by word order, as the parse may hang "omdat" anywhere: it opens the trigger's segment
        lo, _ = args_mod.segment_bounds(tok, c.sent, g)
        return lo > c.sent.start and tok.doc[lo - 1].lower_ in reason

    live = [c for c in cands if c.dropped is None]
    inside = [c for c in live if in_reason(c)]
    if inside and len(inside) < len(live):
        for c in inside:
            c.dropped = "background: in a clause of reason"


def _drop_appositive_participles(cands: list[Candidate], g: Grammar) -> None:
    """ "de dissidenten, gefinancierd door Washington,": a participle set off by a comma right before
    its agent phrase describes the noun before it; it tells no event of its own (the parse may make
    it a conjunct of anything)."""
    for c in cands:
        tok = c.match.token
        doc = tok.doc
        if (
            c.dropped is None
            and c.match.pattern.pos == "verb"
            and 0 < tok.i < len(doc) - 1
            and doc[tok.i - 1].text == ","
            and doc[tok.i + 1].lower_ == g["agent_preposition"]
            and not any(k.dep_.startswith("aux") for k in tok.children)
        ):
            c.dropped = "attributive participle after a comma"


def _drop_purpose_clauses(cands: list[Candidate], g: Grammar) -> None:
    """ "ontmoette X om te praten over ...", "onder druk om Iran te helpen", "zou geen toestemming geven
    om Israël te helpen": a te-infinitive purpose or content clause names an aim, not an event that
    took place; the governing event (or none) is what is told."""
    purpose = g.words("purpose_marks")
    for c in cands:
        tok = c.match.token
        # ("dep": "ontmoette X om te praten", the clause's link left unlabelled)
        if (
            c.dropped is not None
            or c.match.pattern.pos != "verb"
            or tok.dep_ not in ("advcl", "xcomp", "acl", "ccomp", "dep")
        ):
            continue
        kids = {k.lower_ for k in tok.children}
        if g["infinitive_marker"] not in kids:
            continue
        if any(o.match.token.i == tok.head.i and o.match.pattern.complement == "absorb" for o in cands):
            continue  # "dreigde om X aan te vallen": the threat absorbs it, with its target
        # "om" may hang elsewhere in a broken parse: right before the clause it opens it
        left = tok.left_edge
        opener = left.lower_ in purpose or (left.i > 0 and tok.doc[left.i - 1].lower_ in purpose)
        if not (kids & purpose or opener):
            continue
        head = tok.head
        if (
            base_keys(head, g) & {lemma_key(w, g) for w in g.words("gathering_verbs")}
            and c.cameo[:2] in g.tuple("performed_purpose_roots")
            and not any(o.match.token.i == head.i and o.dropped is None for o in cands)
        ):
            c.path.append(f"the aim of gathering ({head.text}) is the act told")
            continue
        c.dropped = f"purpose clause under {head.text}"


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
        # a frame already absorbed as another's content absorbs nothing back ("dreigden wegen te
        # blokkeren": the blockade is the threat's content, not the other way round)
        if pat.complement == "absorb" and c.dropped is None:
            clause = args_mod.complement_clause(tok, g) if pat.pos == "verb" else None
            # "heeft [oproepen van Annan] afgewezen": a bare noun of the middle field is the object
            field = {
                t.i for t in (args_mod.middle_field(tok, g) if pat.pos == "verb" else []) if not args_mod.has_case(t, g)
            }
            # "De VS dreigen importheffingen in te stellen op ...", parsed upside down with the
            # te-infinitive as the trigger's head: what that clause holds after the trigger is its content
            flipped = (
                tok.head
                if pat.pos == "verb"
                and tok.head.i > tok.i
                and tok.dep_ != "conj"
                and args_mod.has_te_marker(tok.head, g)
                else None
            )
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
                        ot.i == tok.head.i
                        and ot.i > tok.i
                        and args_mod.has_te_marker(ot, g)
                    )
                    or (pat.pos == "verb" and _te_content(tok, ot, g))
                    or (flipped is not None and ot.i > tok.i and _in_subtree(ot, flipped))
                    or (o.match.pattern.pos == "noun" and ot.i in field)
                )
                # a condition ("dreigde met sancties als Rusland binnenvalt") is not the threat's content,
                # nor a verb coordinated with it ("eisen een verhoging en hebben een aanbod afgewezen")
                if (
                    o is not c
                    and o.dropped is None
                    and inside
                    and not o.status.antecedent
                    and not _coordinated_verb(ot, tok, g)
                ):
                    o.dropped = f"content of {tok.text}"
                    c.path.append(f"absorbs {o.match.token.text} ({o.cameo})")
                    own = {_party(a) for a, _ in c.args.sources}
                    authors = [
                        (a, how)
                        for a, how in o.args.sources
                        if how.startswith(own_agent(g)) and _party(a) not in own and _party(a) is not None
                    ]
                    if (
                        not c.args.targets
                        and lookup(c.cameo).root == "12"
                        and o.match.pattern.pos == "noun"
                        and authors
                    ):
                        # "wees de oproepen van Japan af": a rejection is aimed at whoever appealed or proposed
                        c.args.targets = [(a, f"author of absorbed {o.match.token.text}") for a, _ in authors]
                    elif not c.args.targets and o.args.targets:  # "weigerde wapens te leveren aan X"
                        c.args.targets = [(a, f"from absorbed {o.match.token.text}") for a, _ in o.args.targets]
                    elif (
                        not c.args.targets
                        and lookup(c.cameo).root == "13"
                        and (inner := _party_in_content(o, c, idx, g)) is not None
                    ):
                        # "dreigen importheffingen in te stellen op producten uit de EU": a party named in the content
                        c.args.targets = [(inner, f"named in absorbed {o.match.token.text}")]
                    intents = g.table("intent_codes")
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
    _party_appeals(live, idx, g)
    _refusals(live, g)
    _circumstances(live, g)
    _disaster_relief(live, g)
    _aimed_at_threatener(live)
    for c in live:
        if c.status.antecedent and c.status.status not in ("negated", "questioned"):
            # "als Rusland binnenvalt": not something that happened, but coded, as conditional
            c.status.status = "conditional"
            c.path.append("inside a condition: conditional")
        own = {_party(a) for a, _ in c.args.sources}
        if (
            c.match.pattern.complement == "absorb"
            and lookup(c.cameo).root == "13"
            and all(_party(a) in own for a, _ in c.args.targets)
        ):
            # X threatens Y: "... als Y ..."; also when the only party found is X's own (a place of
            # X's in the content: "dreigde stemmen in Oost-Jeruzalem te verbieden als Hamas ...")
            c.args.targets = _antecedent_actor(c, idx, g, cond) or c.args.targets
        if c.status.status == "hypothetical" and c.dropped is None:
            # "kan meewerken", "moeten instemmen", "mogelijke oorlogsmisdaden": possible, not an event
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
    _drop_residuals(live, g)
    _drop_attached(live, g)


def _drop_residuals(live: list[Candidate], g: Grammar) -> None:
    """CAMEO codebook (100, 110, 120, 130, 140, 160, 180, 190, 200): a residual code "is not coded
    except when distinctions among" its sub-codes "cannot be made". Beside a more specific code of its
    root for the same parties in the same sentence ("de demonstraties liepen uit op rellen": 145), the
    residual event is the same act told in general words and is no event of its own."""
    residual = g.words("residual_codes")
    kept = [c for c in live if c.dropped is None]
    for c in kept:
        if c.cameo not in residual or not c.args.sources:
            continue
        root = lookup(c.cameo).root
        own = {_party(a) for a, _ in c.args.sources}
        aimed = {_party(a) for a, _ in c.args.targets}
        for o in kept:
            if o is c or o.dropped is not None or o.cameo == c.cameo or lookup(o.cameo).root != root:
                continue
            if {_party(a) for a, _ in o.args.sources} == own and aimed <= {_party(a) for a, _ in o.args.targets}:
                c.dropped = f"residual {c.cameo} beside {o.cameo} ({o.match.token.text}) for the same parties"
                break


def _drop_attached(live: list[Candidate], g: Grammar) -> None:
    """CAMEO codebook 105: "When a threat is attached to a demand for yielding, the appropriate code
    under category 13 should be used instead. Also, if accompanied by some form of protest activity,
    codes under category 14" (and 104x: demands "that take the form of demonstrations" are 14): a
    demand beside a threat or protest of the same source in one sentence, aimed at the same party or
    at none, is part of that act (`attached_roots`: root -> the roots that take it over)."""
    attached = g.table("attached_roots")
    kept = [c for c in live if c.dropped is None]
    for c in kept:
        over = attached.get(lookup(c.cameo).root)
        if not over or not c.args.sources:
            continue
        own = {_party(a) for a, _ in c.args.sources}
        aimed = {_party(a) for a, _ in c.args.targets}
        for o in kept:
            if o is c or o.dropped is not None or lookup(o.cameo).root not in over:
                continue
            theirs = {_party(a) for a, _ in o.args.targets}
            if {_party(a) for a, _ in o.args.sources} == own and (not theirs or not aimed or aimed & theirs):
                c.dropped = f"{c.cameo} attached to {o.cameo} ({o.match.token.text}) of the same source"
                break


def _aimed_at_threatener(live: list[Candidate]) -> None:
    """ "Poetin dreigde met een breuk als de VS nieuwe sancties zou treffen": an act in the condition of
    a threat, with no party of its own to aim at, is aimed at whoever threatens over it."""
    threats = [
        t
        for t in live
        if t.dropped is None and not t.status.antecedent and t.args.sources and lookup(t.cameo).root == "13"
    ]
    for c in live:
        if not threats or c.dropped is not None or not c.status.antecedent or c.args.targets:
            continue
        t = min(threats, key=lambda t: abs(t.match.token.i - c.match.token.i))
        own = {_party(a) for a, _ in c.args.sources}
        targets = [(a, f"threatens over it ({t.match.token.text})") for a, _ in t.args.sources if _party(a) not in own]
        if targets:
            c.args.targets = targets
            c.path.append(f"aimed at the threatener of '{t.match.token.text}'")


def _refers_back(c: Candidate, g: Grammar) -> bool:
    """The trigger names an act told before ("herhaalde die verwijten", "deze beschuldigingen")."""
    dets, tok = g.words("anaphoric_determiners"), c.match.token
    if any(k.dep_ == "det" and k.lower_ in dets for k in tok.children):
        return True
    # the parser often reads "die verwijten" as a relative pronoun and its verb; a relative clause
    # would follow a common noun ("de critici die verwijten dat ...") and have a complement of its own
    if tok.i < tok.sent.start + 2 or tok.doc[tok.i - 1].lower_ not in dets:
        return False
    before = tok.doc[tok.i - 2]
    return before.pos_ != "NOUN" and not any(k.dep_ in ("ccomp", "mark", "obj", "xcomp") for k in tok.children)


def anaphoric_targets(cands: list[Candidate], earlier: list[Event], g: Grammar) -> None:
    """ "Rusland verwijt de Navo ... Poetin herhaalde die verwijten": an act referred back to with a
    demonstrative is aimed where the act it repeats was, the latest earlier event of the same root."""
    for c in cands:
        if c.dropped is not None or c.args.targets or not _refers_back(c, g):
            continue
        root = lookup(c.cameo).root
        before = next((e for e in reversed(earlier) if e.cameo_root == root and e.target is not None), None)
        if before is None or before.target is None:  # the second test only narrows the type
            continue
        c.args.targets = [(before.target, f"the act referred back to (sentence {before.sentence})")]
        c.path.append(f"target {before.target.code or before.target.text} <- '{c.match.token.text}' refers back")


def _disaster_relief(live: list[Candidate], g: Grammar) -> None:
    """PLOVER manual, COERCE: a state of emergency over a natural disaster is no repression absent
    evidence of its use as such; MOBILIZE: "mobilizing police or military forces for disaster relief
    should be coded as AID". A disaster word in the trigger's clause (its light verb's, for a noun:
    "riep vanwege de overstromingen de noodtoestand uit", "zet het leger in na de aardbeving") recodes
    the act (`disaster_recodes`: code -> aid code, or "" for no event); aid is aimed at home."""
    recodes, disasters = g.table("disaster_recodes"), g.words("disaster_words")
    for c in live:
        new = recodes.get(c.cameo)
        if c.dropped is not None or new is None:
            continue
        tok = c.match.token
        clause = tok.head if c.match.pattern.pos == "noun" and tok.head.pos_ in ("VERB", "AUX") else tok
        words = {w for t in clause.subtree for w in (t.lower_, t.lemma_.lower())}
        # compounds: "rampgebied", "overstromingsgebied"
        if not any(w == d or (len(w) > len(d) + 2 and w.startswith(d)) for w in words for d in disasters):
            continue
        if not new:
            c.dropped = f"{c.cameo} over a disaster, no repression"
            continue
        c.path.append(f"for disaster relief: {c.cameo} -> {new}")
        c.cameo = str(new)
        # the forces sent are no recipient: the people helped, at home unless a place is named
        own = {_side(s) for s, _ in c.args.sources}
        c.args.targets = [(a, how) for a, how in c.args.targets if _side(a) not in own]
        if not c.args.targets:
            _home_target(c, g, force=True)


def _home_target(c: Candidate, g: Grammar, force: bool = False) -> None:
    """ "weigerde af te treden", "opende fraudeonderzoeken", "sloeg de protesten neer": an appeal,
    concession, investigation, accusation, refusal, protest or repression with no other party named
    is aimed at home; CAMEO codes the source's own country as its target (roots in the grammar data).
    Not an act referred back to ("die verwijten"): that one is aimed where it was before."""
    if c.dropped is not None or c.args.targets or c.match.pattern.symmetric or _refers_back(c, g):
        return
    # a threatened protest (133) is aimed where the protest would be, though threats are not
    if (
        not force
        and lookup(c.cameo).root not in g.words("home_target_roots")
        and c.cameo not in g.words("home_target_codes")
    ):
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
        own = any(how.startswith(own_agent(g)) for _, how in c.args.sources)
        head = tok.head
        case = [k for k in tok.children if k.dep_ == "case"]
        if head.i == tok.i or head.i in triggers or not case:
            continue
        if (
            head.pos_ in ("NOUN", "PROPN", "ADJ")
            and head.lemma_.lower() not in carriers
            and head.lower_ not in carriers
            and head.lower_ not in g.words("intent_words")  # "bereid tot een dialoog": what is intended
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


def _party_appeals(live: list[Candidate], idx: ActorIndex, g: Grammar) -> None:
    """CAMEO 026-028 are appeals by a third party that others meet, settle or accept mediation
    ("the source ... cannot be the actors whose meeting ... is called for"); a caller that names its
    own side among the parties of what it calls for ("Rusland riep Oekraïne op tot onderhandelingen
    met Rusland") expresses its own intent: 036, 037 or 038 (`party_appeal_codes`)."""
    table = g.table("party_appeal_codes")
    preps, case = g.words("party_prepositions"), set(g.tuple("case_deps"))
    for c in live:
        code = table.get(c.cameo)
        if not code or c.dropped is not None:
            continue
        tok = c.match.token
        # sides, not countries: an archbishop calling for talks between his government and teachers
        # is a third party to them
        own = {_side(a) for a, _ in c.args.sources if _party(a) is not None}
        mentions = {id(a) for a, _ in c.args.sources}
        _, hi = args_mod.segment_bounds(tok, c.sent, g)
        # the content follows the trigger: its subtree, and the rest of its clause segment when the
        # parse hung the content elsewhere
        later = {t.i for t in tok.subtree if t.i > tok.i} | set(range(tok.i + 1, hi))
        for i in sorted(later):
            a = idx.at(tok.doc[i])
            if a is None or id(a) in mentions or _side(a) not in own:
                continue
            # named as a party of it ("met Rusland", "tussen Oekraïne en Rusland"), not as whom it
            # serves ("om een grotere rol voor Canada te krijgen bij de vredesbesprekingen")
            head = tok.doc[i]
            while head.dep_ == g["conj_dep"] and head.head.i != head.i:
                head = head.head
            if any(k.dep_ in case and k.lower_ in preps for k in head.children):
                c.path.append(f"caller {a.text} is a party of its own appeal: {c.cameo} -> {code}")
                c.cameo = str(code)
                break


def _party_in_content(content: Candidate, frame: Candidate, idx: ActorIndex, g: Grammar) -> Actor | None:
    """The first party other than the frame's source named in the absorbed content's phrase, or after
    it up to the clause's end ("dreigt Europese producten duurder te maken": the EU): who a threat
    is aimed at."""
    own = {_party(a) for a, _ in frame.args.sources} | {None}
    tok = content.match.token
    after = []
    for t in tok.doc[tok.i + 1 : min(tok.sent.end, tok.i + 12)]:
        if t.is_punct or t.pos_ in ("SCONJ", "CCONJ"):
            break
        after.append(t)
    for t in list(tok.subtree) + after:
        a = idx.at(t)
        if a is not None and _party(a) not in own and t.lower_ not in g.words("third_person_pronouns"):
            return a
    return None


def _state_clause(tok: Token, g: Grammar) -> bool:
    """The trigger's complement clause is headed by a copula or state verb with no other verb in it."""
    clause = args_mod.complement_clause(tok, g)
    if clause is None:
        return False
    states = g.words("state_verbs")
    verbs = [t for t in clause.subtree if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in g.words("modal_verbs")]
    return (
        bool(verbs)
        and all(t.lemma_.lower() in states or t.dep_ == "cop" for t in verbs)
        or (
            clause.pos_ in ("ADJ", "NOUN")
            and any(k.dep_ == "cop" for k in clause.children)
            and not any(t.pos_ == "VERB" and t.lemma_.lower() not in states for t in clause.subtree)
        )
    )


def _te_content(tok: Token, other: Token, g: Grammar) -> bool:
    """ "heeft België opgeroepen een militant uit te leveren", the te-infinitive parsed as the root:
    a later te-infinitive with no finite verb or clause boundary between is the trigger's content."""
    if other.i <= tok.i or not any(k.lower_ == g["infinitive_marker"] and k.i < other.i for k in other.children):
        return False
    relative = False  # inside a relative clause ("twee onderdanen die verdacht worden ... uit te leveren")
    for t in tok.doc[tok.i + 1 : other.i]:
        if (
            t.pos_ == "PRON"
            and t.lower_ in g.words("relative_argument_pronouns")
            and t.dep_.startswith(("nsubj", "obj"))
        ):
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
    longest prefix wins. A frame code of its own in the table (112, an accusation) is specialised
    by its content too: CAMEO 112 "contains sub-forms for more detailed coding whenever possible"."""
    codes = g.table("content_codes")
    table = codes.get(frame) if len(frame) > 2 else None
    if table is None:
        table = codes.get(frame[:2]) if frame[2:] == "0" else None
    return by_prefix(content, table) if table else None


def _refusals(live: list[Candidate], g: Grammar) -> None:
    """ "zou Israël geen steun verlenen", "wil niet met X praten": a negated cooperative act is a
    refusal (CAMEO 12), asserted, not a cooperation that did not happen."""
    codes = g.table("refusal_codes")
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
