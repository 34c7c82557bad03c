"""Source and target of a trigger from the UD parse, with linear fallbacks for parse errors.

Roles in the pattern data: ``subj``, ``obj``, ``iobj``, ``prep:<word>``, ``poss``, ``amod``,
``light-subj`` (subject of the verb a noun hangs under). Passives swap subject and agent;
conjuncts give one actor each; relative and infinitive clauses borrow the subject of the noun or
verb they hang under."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from grotius.coding.events.grammar import Grammar
from grotius.datamodel import Actor

MAX_NOMINAL_DEPTH = 3
LINEAR_WINDOW = 12


@dataclass
class ActorIndex:
    """Which actor mention covers which token."""

    by_token: dict[int, Actor] = field(default_factory=dict)
    # a pronoun that stands for several parties ("de VS en Rusland ... ze"): the others on its span
    companions: dict[int, list[Actor]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc, actors: list[Actor]) -> ActorIndex:
        idx = cls()
        first_on: dict[tuple[int, int], Actor] = {}
        for a in actors:
            if not (a.country or a.org or a.code):
                continue  # unresolved mentions ("Donderdag", "ze") cannot be event parties
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None or _restated_possessor(span, a, actors):
                continue
            first = first_on.setdefault((a.start, a.end), a)
            if first is not a:
                idx.companions.setdefault(id(first), []).append(a)
            for t in span:
                idx.by_token.setdefault(t.i, a)
        return idx

    def at(self, tok: Token) -> Actor | None:
        return self.by_token.get(tok.i)

    def with_companions(self, parties: list[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
        """Each party followed by the others its mention stands for, found the same way."""
        out: list[tuple[Actor, str]] = []
        for a, how in parties:
            out.append((a, how))
            out += [(b, f"{how} (same pronoun)") for b in self.companions.get(id(a), [])]
        return out


def _restated_possessor(span: Span, a: Actor, actors: list[Actor]) -> bool:
    """A possessive for a party named earlier in its own sentence ("Vietnam en de VS hebben hun banden
    aangehaald"): the party is there already; as a party of its own it would only split the clause."""
    tok = span[0]
    if len(span) != 1 or not (tok.dep_ == "nmod:poss" or "Yes" in tok.morph.get("Poss")):
        return False
    sent = tok.sent
    return any(
        b is not a and b.code == a.code and sent.start_char <= b.start < a.start and b.end <= a.start for b in actors
    )


@dataclass
class Arguments:
    sources: list[tuple[Actor, str]] = field(default_factory=list)  # (actor, how found)
    targets: list[tuple[Actor, str]] = field(default_factory=list)


def is_passive(tok: Token, g: Grammar) -> bool:
    paux = g.words("passive_aux")
    if any(c.dep_ == "aux:pass" or (c.dep_.startswith("aux") and c.lower_ in paux) for c in tok.children):
        return True
    # "Oekraïne is door Rusland aangevallen": the perfect of the passive, which the parse labels a
    # plain auxiliary; with its agent phrase it cannot be the active perfect of a verb of motion
    zijn = g.words("perfect_passive_aux")
    return (
        tok.pos_ == "VERB"
        and any(c.dep_.startswith("aux") and c.lower_ in zijn for c in tok.children)
        and any(c.dep_ == "obl:agent" or _case(c, g) == g["agent_preposition"] for c in tok.children)
    )


def with_conjuncts(tok: Token, g: Grammar) -> list[Token]:
    out, todo = [], [tok]
    coordinators = g.words("coordinators")
    while todo:
        t = todo.pop(0)
        if t in out:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == g["conj_dep"])
        # "Chili, Kenia en het door velen verguisde Peru", the last member parsed as an apposition
        # with the "en" inside it: a conjunct
        todo.extend(
            c
            for c in t.children
            if c.dep_ == "appos" and c.i > t.i and any(x.dep_ == "cc" and x.lower_ in coordinators for x in c.subtree)
        )
    return out


def actor_of(tok: Token, idx: ActorIndex, g: Grammar, owner_only: bool = False) -> Actor | None:
    """The actor a nominal token stands for: its own mention or one among its nominal dependents
    ("banden met de VS", "president Poetin"). ``owner_only`` (for the acting party) descends only
    into bare phrases and those of origin or place: "artilleriegranaten aan Rusland" is not Rusland."""
    found = actor_token(tok, idx, g, owner_only)
    return idx.at(found) if found is not None else None


def actor_token(tok: Token, idx: ActorIndex, g: Grammar, owner_only: bool = False) -> Token | None:
    """The token of the actor ``actor_of`` finds (its conjuncts are actors of the same role)."""
    if idx.at(tok) is not None:
        return tok
    nominal = set(g.tuple("nominal_deps"))
    owner = g.words("owner_prepositions")
    frontier = [tok]
    for _ in range(MAX_NOMINAL_DEPTH):
        nxt = []
        found: list[Token] = []
        for t in frontier:
            for c in t.children:
                # "de president van Frankrijk", "functionarissen in Washington"; a bare phrase as "van"
                if owner_only and (_case(c, g) or g["genitive_preposition"]) not in owner:
                    continue
                if c.dep_ in nominal:
                    if idx.at(c) is not None:
                        found.append(c)
                    else:
                        nxt.append(c)
        if found:
            # "de Libanese beweging Hezbollah": the named organisation before its country's adjective
            return next((c for c in found if idx.at(c).org), found[0])  # type: ignore[union-attr]
        frontier = nxt
    return None


def middle_field(tok: Token, g: Grammar, verbal: bool = False) -> list[Token]:
    """The words between a clause-final infinitive or participle and the finite auxiliary or modal
    before it ("gaat [de betrekkingen met Libië] herstellen"): in Dutch they are the final verb's
    objects and complements, whatever the parse attached them to. Empty when there is no such verb.
    ``verbal``: the trigger is known to be a verb whatever its tag ("heeft Macron ... ontmoet",
    the participle tagged as a noun)."""
    # an infinitive is spelt as the plural present: taggers confuse them ("gaat ... herstellen")
    nonfinite = set(tok.morph.get("VerbForm")) & {"Inf", "Part"} or tok.lower_.endswith(g["infinitive_ending"])
    if verbal and tok.pos_ in ("NOUN", "ADJ", "PROPN") and not any(c.dep_ == "det" for c in tok.children):
        nonfinite = (
            nonfinite
            or tok.lower_.startswith(g["participle_prefix"])
            or tok.lower_.endswith(g.tuple("weak_participle_endings"))
        )
    elif tok.pos_ not in ("VERB", "AUX"):
        return []
    if not nonfinite:
        return []
    stop = g.words("purpose_marks")
    carriers, te = g.words("carrier_verbs"), g["infinitive_marker"]
    cluster_start = tok.i  # the clause-final verb cluster ("zou ... [hebben geleverd]")
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        verbal = t.pos_ in ("AUX", "VERB")
        if verbal and t.i == cluster_start - 1 and t.lemma_.lower() in carriers:
            # a carrier right before the final verb belongs to its cluster, whatever its tag ("zou
            # artilleriegranaten aan Rusland hebben geleverd", "hebben" tagged finite): the finite
            # verb that opens the middle field is further left, if there is one
            cluster_start = t.i
            continue
        if verbal and "Fin" in t.morph.get("VerbForm"):
            return list(tok.doc[t.i + 1 : cluster_start]) if t.lemma_.lower() in carriers else []
        if t.pos_ == "VERB" and (
            _noun_read_as_verb(t, tok, g) or noun_before_final_verb(t, g) or adverbial_participle(t, g)
        ):
            continue
        if t.text in QUOTE_MARKS:
            continue  # "inspecteurs van het Agentschap (IAEA) uit ... gezet": brackets and quotes end no clause
        if t.pos_ in ("SCONJ", "PUNCT", "VERB") or t.lower_ in stop or t.lower_ == te:
            return []
    return []


def has_te_marker(t: Token, g: Grammar) -> bool:
    """The infinitive marker is among the word's dependents: it heads a te-infinitive."""
    return any(c.lower_ == g["infinitive_marker"] for c in t.children)


def has_article(t: Token, g: Grammar) -> bool:
    """An article among a word's dependents: a noun (or a word used as one), whatever its tag."""
    articles = g.words("article_forms")
    return any(c.dep_ == "det" and c.lower_ in articles and c.i < t.i for c in t.children)


def noun_before_final_verb(t: Token, g: Grammar) -> bool:
    """A non-finite verb-tagged word between a finite auxiliary or modal and a later non-finite verb
    of the same clause, with other words between ("De VS hebben oproepen van Annan afgewezen", both
    tagged participles): Dutch clusters a clause's non-finite verbs at its end, so the earlier one
    is a noun (a verb before a te-infinitive or a coordination is left alone)."""
    te = g["infinitive_marker"]
    if t.pos_ != "VERB" or "Fin" in t.morph.get("VerbForm") or (t.i > 0 and t.doc[t.i - 1].lower_ == te):
        return False
    doc, sent = t.doc, t.sent
    for x in reversed(doc[sent.start : t.i]):
        if x.pos_ in ("AUX", "VERB") and "Fin" in x.morph.get("VerbForm"):
            if x.lemma_.lower() not in g.words("carrier_verbs"):
                return False
            break
        if x.pos_ in ("SCONJ", "CCONJ", "PUNCT", "VERB") or x.lower_ == te:
            return False
    else:
        return False
    gap = False
    for x in doc[t.i + 1 : sent.end]:
        if (
            x.pos_ in ("PUNCT", "SCONJ", "CCONJ")
            or x.lower_ == te
            or x.lower_ in g.words("purpose_marks")
            or "Fin" in x.morph.get("VerbForm")
        ):
            return False
        if x.pos_ == "PRON" and x.lower_ in g.words("relative_clause_pronouns"):
            return False  # a relative clause follows: its verb is not this clause's
        prev = doc[x.i - 1]
        nominal = has_article(x, g) or prev.pos_ in ("DET", "ADP", "ADJ", "NUM") or "Yes" in prev.morph.get("Poss")
        if x.pos_ == "VERB" and set(x.morph.get("VerbForm")) & {"Inf", "Part"} and not nominal:
            return gap  # "van het schenden", "in zijn streven": no verb of the cluster
        if x.pos_ != "AUX":
            gap = True
    return False


def _noun_read_as_verb(t: Token, final: Token, g: Grammar) -> bool:
    """A non-finite verb-tagged word of the middle field that the clause-final verb hangs under
    ("zou artilleriegranaten aan Rusland hebben geleverd", the noun read as an infinitive and made
    the root): Dutch puts a clause's non-finite verbs together at its end, so it is a noun."""
    if "Fin" in t.morph.get("VerbForm") or (t.i > 0 and t.doc[t.i - 1].lower_ == g["infinitive_marker"]):
        return False
    if has_article(t, g):
        return True  # "de twee verbannen dissidenten": a verb takes no article
    if final.head.i != t.i or final.dep_ in ("conj", "xcomp", "ccomp", "advcl", "parataxis"):
        return False
    return not any(x.pos_ in ("CCONJ", "SCONJ", "PUNCT") for x in t.doc[t.i + 1 : final.i])


def verb_lemmas(tok: Token, g: Grammar) -> set[str]:
    """A verb's lemma, and joined with its separable particle ("kondigde ... aan" -> aankondigen)."""
    lemma = tok.lemma_.lower()
    deps = set(g.tuple("particle_deps"))
    # the guesses from the word also beside a lemma the lemmatizer made up ("verhoogde" -> verhoogen)
    base = {lemma} | _guessed_infinitives(tok, g)
    return base | {c.lower_ + b for c in tok.children if c.dep_ in deps and c.lower_ in g.particles for b in base}


def _guessed_infinitives(tok: Token, g: Grammar) -> set[str]:
    """Infinitives of a verb form the lemmatizer left as it was ("betuigd" -> betuigen, "gepleegd"
    -> plegen), so that light verbs are known in every form."""
    low = tok.lower_
    strong = g.table("strong_forms")
    prefix = g["participle_prefix"]
    out: set[str] = {str(strong[low])} if low in strong else set()
    for prt in g.particles:  # ingesteld -> in + gesteld, gesloten -> sluiten
        if low.startswith(prt + prefix) and len(low) > len(prt) + 4:
            rest = low[len(prt) :]
            out |= {prt + str(strong[rest])} if rest in strong else set()
            out |= {prt + w for w in _stem_infinitives(rest, g)}
    return out | _stem_infinitives(low, g)


def _stem_infinitives(low: str, g: Grammar) -> set[str]:
    out: set[str] = set()
    vowels, prefix, inf = g.words("stem_vowels"), g["participle_prefix"], g["infinitive_ending"]
    for suf in g.tuple("verb_suffixes"):
        if not low.endswith(suf) or len(low) - len(suf) < 3:
            continue
        stem = low[: -len(suf)]
        unprefixed = stem[len(prefix) :] if stem.startswith(prefix) and len(stem) > len(prefix) + 2 else stem
        for s in {stem, unprefixed}:
            if len(s) > 2 and s[-2] == s[-3] and s[-2] in vowels and s[-1] not in vowels:
                s = s[:-2] + s[-1]  # pleeg -> pleg(en)
            out.add(s + inf)
            if len(s) > 1 and s[-1] not in vowels and s[-2] in vowels:
                out.add(s + s[-1] + inf)  # stel -> stellen
    return out


def adverbial_participle(t: Token, g: Grammar) -> bool:
    """A present participle used as an adverb ("riep Bagdad dringend ... bijeen"): no verb of its own."""
    return (
        t.pos_ == "VERB"
        and "Fin" not in t.morph.get("VerbForm")
        and t.lower_.endswith(g["present_participle_ending"])
        and len(t.lower_) > 5
    )


def has_case(tok: Token, g: Grammar) -> bool:
    """The token heads a prepositional phrase (by its case dependent or the word right before it)."""
    return bool(_case(tok, g)) or (tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADP")


def _case(tok: Token, g: Grammar) -> str | None:
    for c in tok.children:
        # not a verb the parse made a case marker ("Canada heeft Brazilië ...", "heeft" as case)
        if c.dep_ in g.tuple("case_deps") and c.pos_ not in ("AUX", "VERB"):
            return c.lower_
    return None


def _subject(tok: Token, g: Grammar, passive: bool) -> list[Token]:
    deps = {"nsubj"} if not passive else set()
    subj = [c for c in tok.children if c.dep_ in deps]
    if subj:
        return subj[:1]  # "X heeft Y aangevallen" is often parsed with two subjects: the first is it
    # "Ierland heeft ... ontvangen", the subject parsed under the auxiliary instead of the verb
    subj = [c for a in tok.children if a.dep_.startswith("aux") for c in a.children if c.dep_ in deps]
    if subj:
        return subj[:1]
    # shared subject of coordinated verbs, controller of infinitives, head noun of relative clauses
    if tok.dep_ == g["conj_dep"] and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head, g, passive and is_passive(tok.head, g))
    if tok.dep_ in ("xcomp", "advcl") and has_te_marker(tok, g) and tok.head.i != tok.i:
        return _subject(tok.head, g, is_passive(tok.head, g))
    if tok.dep_ in g.tuple("relative_clause_deps") and tok.head.i != tok.i:
        return [tok.head]
    return []


def core_nominals(tok: Token, g: Grammar) -> list[Token]:
    """The trigger's bare nominal dependents (no preposition), in word order: the candidates for
    subject and object whatever labels the parser gave them ("Poetin ontmoette Xi", parsed with
    Poetin as amod and Xi as subject)."""
    deps, pos = set(g.tuple("core_deps")), set(g.tuple("core_pos"))
    # "De politie heeft de correspondent ... vrijgelaten": the subject parsed under the auxiliary
    # belongs to the clause's nominals too, in its place in the word order
    kids = list(tok.children) + [
        c for a in tok.children if a.dep_.startswith("aux") and a.i < tok.i for c in a.children if c.dep_ == "nsubj"
    ]
    # "Sovjetvliegtuigen hebben ... 46 burgers gedood", the auxiliary made the head and the participle
    # its complement: the auxiliary's subject is the clause's
    head = tok.head
    participle = "Part" in tok.morph.get("VerbForm") or tok.lower_.startswith(g["participle_prefix"])
    if tok.dep_ in ("xcomp", "ccomp") and head.pos_ == "AUX" and head.i < tok.i and participle:
        kids += [c for c in head.children if c.dep_ == "nsubj" and c.i < tok.i]
    return sorted(
        (
            c
            for c in kids
            if c.dep_ in deps
            and c.pos_ in pos
            and not _case(c, g)
            and c.lower_ not in g.words("relative_pronouns") | g.words("reflexives")
            and c.lower_ not in g.words("time_nouns")  # "Dinsdag ontving Macron Xi": no subject
        ),
        key=lambda c: c.i,
    )


def _agreeing(first: Token, second: Token, tok: Token) -> bool:
    """False when Number agreement with the finite verb says the second, not the first, is the subject."""
    # a finite auxiliary decides: the participle under it may carry a finite verb's features in the
    # parse ("Hezbollah-strijders hebben ... de commandant gedood", gedood tagged singular)
    fin = next((c for c in tok.children if c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm")), None)
    if fin is None and "Fin" in tok.morph.get("VerbForm"):
        fin = tok
    if fin is None or not fin.morph.get("Number"):
        return True
    num = fin.morph.get("Number")[0]

    def number(t: Token) -> list[str]:  # "Oekraïne en Rusland hebben": a coordination is plural
        # ("de Amerikaanse militair, Richard Myers, bekritiseerde": a name set off by commas, which the
        # parse may call a conjunct, is an apposition: no "en"/"of", no plural)
        coordinated = any(c.dep_ == "conj" and any(x.dep_ == "cc" for x in c.children) for c in t.children)
        return ["Plur"] if coordinated else t.morph.get("Number")

    a, b = number(first), number(second)
    return not (a and b and a[0] != num and b[0] == num)


def core_roles(tok: Token, g: Grammar) -> tuple[list[Token], list[Token]] | None:
    """(subject, objects) from word order when the trigger has two or more bare nominals: in Dutch,
    main clause (V2, also inverted) and verb-final clause alike, the first is the subject unless
    agreement says otherwise. None when word order cannot decide (fewer than two)."""
    core = core_nominals(tok, g)
    if len(core) < 2:
        return None
    if not _agreeing(core[0], core[1], tok):
        core[0], core[1] = core[1], core[0]
    return core[:1], core[1:]


def _agent(tok: Token, g: Grammar) -> list[Token]:
    kids = [c for c in tok.children if c.dep_ == "obl:agent" or _case(c, g) == g["agent_preposition"]]
    if kids:
        return kids
    # "werd in de nacht door Rusland aangevallen": the door-phrase parsed under another word
    stop = set(g.tuple("clause_deps"))
    return [
        t
        for t in tok.subtree
        if _case(t, g) == g["agent_preposition"]
        and t.head.i != tok.i
        and not any(a.dep_ in stop for a in t.ancestors if a.i != tok.i and _in(a, tok))
    ][:1]


def gapped_agent(t: Token, g: Grammar) -> Token | None:
    """The door-phrase of a conjunct that is the patient of a gapped passive clause ("..., Haftar
    door Egypte en de Emiraten"), or None."""
    return next((c for c in t.children if c.i > t.i and _case(c, g) == g["agent_preposition"]), None)


def _in(a: Token, tok: Token) -> bool:
    return any(x.i == tok.i for x in a.ancestors)


def _controller(tok: Token) -> list[Token]:
    """ "X wil Y helpen": an infinitive under a verb takes that verb's subject; its own nominals after
    the governing verb are objects, whatever the parser labelled them."""
    if tok.dep_ not in ("xcomp", "obj") or "Inf" not in tok.morph.get("VerbForm") or tok.head.i == tok.i:
        return []
    subj = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.head.i]
    return subj[:1]


def left_coordinated(t: Token, idx: ActorIndex, g: Grammar) -> list[Token]:
    """ "Marokko, Roemenië en Israël hebben ...", parsed with the first members outside the clause:
    the actors of the "A, B en" list right before a subject, read by word order (nearest first)."""
    out: list[Token] = []
    if any(c.i < t.i and c.dep_ not in ("cc", "punct") for c in t.children):
        return out  # "de oude vijanden Spanje": t does not start its phrase
    cur = t
    while cur.i >= 2:
        link, prev = t.doc[cur.i - 1], t.doc[cur.i - 2]
        if link.lower_ not in g.words("list_links") or idx.at(prev) is None or prev.dep_ in ("nmod", "obl"):
            break
        # a conjunct belongs to the list only when it hangs on an earlier actor ("Marokko, Roemenië")
        if prev.dep_ == "conj" and not (prev.head.i < prev.i and idx.at(prev.head) is not None):
            break
        out.append(prev)
        cur = prev
    return out


def right_coordinated(t: Token, idx: ActorIndex, g: Grammar) -> list[Token]:
    """ "met Marokko, Roemenië, Argentinië en Brazilië", parsed with the members scattered: the actors
    of an "A, B en C" list right after an actor, read by word order."""
    out: list[Token] = []
    doc, end = t.doc, t.sent.end
    actor = idx.at(t)
    j = t.i
    while True:
        while j + 1 < end and actor is not None and idx.at(doc[j + 1]) is actor:
            j += 1  # to the end of the current mention
        if j + 2 >= end or doc[j + 1].lower_ not in g.words("list_links"):
            return out
        nxt = doc[j + 2]
        if nxt.lower_ in g.words("definite_articles") and j + 3 < end:
            nxt = doc[j + 3]
        actor = idx.at(nxt)
        if actor is None or not (actor.country or actor.org):
            return out
        out.append(nxt)
        j = nxt.i


def _noun_after_participle(t: Token) -> Token:
    """ "overlegde met verbannen dissidenten", parsed with the participle as the phrase's head and
    its noun elsewhere: the phrase names the word after the participle."""
    doc = t.doc
    if (
        t.pos_ == "VERB"
        and "Part" in t.morph.get("VerbForm")
        and t.i > 0
        and doc[t.i - 1].dep_ == "case"
        and doc[t.i - 1].head.i == t.i
        and t.i + 1 < len(doc)
        and doc[t.i + 1].pos_ in ("NOUN", "PROPN", "VERB")
        and doc[t.i + 1].head.i != t.i + 1  # not itself the clause's root
    ):
        return doc[t.i + 1]
    return t


def role_tokens(tok: Token, role: str, g: Grammar, passive: bool, light: frozenset[str] = frozenset()) -> list[Token]:
    """Head tokens filling ``role`` for trigger ``tok``."""
    kids = list(tok.children)
    ctrl = _controller(tok)
    if role == "subj" and ctrl and not passive:
        return ctrl
    if role == "obj" and ctrl and not passive:
        return core_nominals(tok, g)
    if role == "subj":
        if passive:
            return _agent(tok, g)
        if (roles := core_roles(tok, g)) is not None:
            return roles[0]
        return _subject(tok, g, passive)
    if role == "obj":
        if passive:
            return [c for c in kids if c.dep_ in ("nsubj:pass", "nsubj")]
        if (roles := core_roles(tok, g)) is not None:
            return roles[1]
        objs = [c for c in kids if c.dep_ in g.tuple("object_deps")]
        if not objs:  # the second of two parsed subjects is the object (Dutch verb-final clauses)
            objs = [c for c in kids if c.dep_ == "nsubj"][1:]
        if not objs:  # "hebben Iran opgeroepen", Iran parsed under the auxiliary: a bare noun of the middle field
            field = middle_field(tok, g, verbal=True)
            # a name the parse joined to the subject across the auxiliary ("Scholz heeft Macron"): "flat"
            objs = [
                t
                for t in field
                if t.pos_ in ("PROPN", "NOUN")
                and not _case(t, g)
                and t.doc[t.i - 1].pos_ != "ADP"
                and (
                    t.dep_ in NOMINAL_SLOTS
                    or (t.dep_ == "flat" and field and t.head.i < field[0].i)
                    or t.i == tok.head.i  # "heeft Poetin uitgenodigd", the object made the root
                )
            ]
        return objs
    if role == "iobj":
        return [c for c in kids if c.dep_ in g.tuple("iobj_deps")]
    if role.startswith("prep:"):
        word = role[5:]
        if passive and word == g["agent_preposition"]:
            return []  # the agent is the source, not a target
        found = [c for c in kids if c.dep_ in g.tuple("oblique_deps") and _case(c, g) == word]
        if not found:  # the verb's object carries it: "de banden met Spanje herstellen", "sancties tegen X"
            for o in (c for c in kids if c.dep_ in g.tuple("object_deps")):
                found += [c for c in o.children if c.dep_ in g.tuple("oblique_deps") and _case(c, g) == word]
        head = tok.head
        # "begon een offensief tegen Oman": the light verb carries the noun's target; also when the
        # parse made the verb the noun's dependent ("een offensief ... begonnen tegen Oman")
        carriers = [head] if head.i != tok.i and tok.dep_ == "obj" else []
        carriers += [
            c for c in kids if c.pos_ in ("VERB", "AUX") and c.dep_ in ("parataxis", "acl", "conj", "acl:relcl")
        ]
        rel = g.words("relative_pronouns")
        for v in carriers:
            if not found and verb_lemmas(v, g) & light:
                # with what the parse hung on the relative pronoun ("die Moskou met Venezuela heeft gesloten")
                near = [*v.children, *(x for c in v.children if c.lower_ in rel for x in c.children)]
                found = [c for c in near if c.dep_ in g.tuple("oblique_deps") and _case(c, g) == word]
        if not found and tok.pos_ in ("NOUN", "PROPN"):
            found = _deeper_pp(tok, word, g)
        if not found:
            found = _stray_pp(tok, word, g, light)
        if not found:
            found = [t for t in middle_field(tok, g) if t.pos_ in ("NOUN", "PROPN") and _case(t, g) == word][:1]
        return [_noun_after_participle(t) for t in found]
    if role == "clause-subj":  # "eist dat Israël ... toelaat": the one asked is the complement's subject
        clause = complement_clause(tok, g)
        # the grammatical subject, also of a passive ("eist dat Israël wordt gestraft"): not its agent
        found = role_tokens(clause, "subj", g, False) if clause is not None else []
        opener = complementizer_after(tok, g)
        if not found and clause is not None and opener is not None:
            # a Dutch subordinate clause opens with its subject: the first bare nominal after "dat"
            # (the clause's head itself when the parse made the subject its head: "dat Oman, ...")
            end = clause.i + 1 if clause.pos_ in ("PROPN", "NOUN") else clause.i
            found = [t for t in tok.doc[opener.i + 1 : end] if t.pos_ in ("PROPN", "NOUN", "PRON") and not _case(t, g)][
                :1
            ]
        return found
    if role == "poss":
        return [c for c in kids if c.dep_ in g.tuple("possessor_deps")]
    if role == "amod":
        return [c for c in kids if c.dep_ in g.tuple("adjective_deps")]
    if role == "light-subj":
        # "de sancties die de EU tegen Rusland heeft ingesteld": the light verb in a relative clause
        rel = g.words("relative_pronouns")
        for v in kids:
            if v.dep_ in g.tuple("relative_clause_deps") and v.i > tok.i and verb_lemmas(v, g) & light:
                subj = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in rel]
                # "overeenkomsten die Moskou ... heeft gesloten", Moskou parsed as apposition to "die"
                subj = subj or [a for c in v.children if c.lower_ in rel for a in c.children if a.dep_ == "appos"]
                if subj or (subj := core_nominals(v, g)[:1]):
                    return subj
        head = tok.head
        # only a light verb lends its subject: "Rusland pleegde een inval", not "X reageert op de inval"
        if head.i != tok.i and verb_lemmas(head, g) & light and tok.dep_ in ("obj", "obl", "nsubj:pass", "amod"):
            # word order first, as for verbs ("Oman verwelkomde het herstel", Oman parsed as amod)
            return role_tokens(head, "subj", g, is_passive(head, g))
    if role == "light-iobj":
        # "legde Rusland sancties op", "zwaaide China lof toe": the light verb's other bare nominal
        # before the noun is the one it is given to (an indirect object, however parsed)
        head = tok.head
        if head.i == tok.i or tok.dep_ not in g.tuple("object_deps") or not verb_lemmas(head, g) & light:
            return []
        slots = set(g.tuple("iobj_deps")) | set(g.tuple("object_deps")) | set(g.tuple("oblique_deps"))
        # by word order when the verb has a subject and objects ("dat zij Japan steun zal geven",
        # Japan parsed as a second subject)
        roles = core_roles(head, g)
        pool = roles[1] if roles is not None else [c for c in head.children if c.dep_ in slots]
        return [c for c in pool if c.i < tok.i and c.pos_ in ("PROPN", "NOUN") and not _case(c, g)]
    return []


NOMINAL_SLOTS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "appos")


def complement_clause(tok: Token, g: Grammar) -> Token | None:
    """The verb of the clause that is ``tok``'s complement ("eiste dat de VS afzien ..."): its
    ``ccomp`` after it; with the participle parsed under its auxiliary ("heeft geëist dat ..."), the
    auxiliary's; else the clause that the first complementizer after ``tok`` opens."""
    for head in (
        tok,
        tok.head if tok.head.i != tok.i and verb_lemmas(tok.head, g) & g.words("carrier_verbs") else None,
    ):
        if head is None:
            continue
        for c in head.children:
            if c.dep_ == "ccomp" and c.i > tok.i:
                return c
    opener = complementizer_after(tok, g)
    if opener is None:
        return None
    if opener.dep_ == "mark" and opener.head.i > opener.i:
        return opener.head
    # the parse lost the clause ("dat" as parataxis): its verb is the first full verb after "dat"
    return next((t for t in tok.doc[opener.i + 1 : tok.sent.end] if t.pos_ == "VERB"), None)


def complementizer_after(tok: Token, g: Grammar) -> Token | None:
    """The complementizer ("dat") opening the clause right after ``tok``, if one does."""
    comp = g.words("complementizers")
    for t in tok.doc[tok.i + 1 : tok.sent.end]:
        if t.lower_ in comp and t.pos_ == "SCONJ":
            return t
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "cop") and t.head.i != tok.i:
            return None  # another clause's verb first: no complement of tok
    return None


def _nearest_verb(t: Token, trigger: Token, g: Grammar) -> Token | None:
    """The verb a phrase belongs to; a verb-tagged word in a noun's slot ("zou artilleriegranaten
    aan Rusland hebben geleverd", "stuurt politieagenten naar Haïti" with the noun read as an
    infinitive) is a mis-tagged noun, and the phrase goes on up to the real verb."""
    while t.head.i != t.i:
        t = t.head
        if t.pos_ not in ("VERB", "AUX"):
            continue
        bare_dependent = (
            t.dep_ == "xcomp"
            and t.head.i == trigger.i
            and not has_te_marker(t, g)
        )
        if t.dep_ in NOMINAL_SLOTS or bare_dependent:
            continue
        return t
    return None


def _stray_pp(tok: Token, word: str, g: Grammar, light: frozenset[str] = frozenset()) -> list[Token]:
    """A "met X" the parser hung on a noun of a broken clause ("zal volgende week onderhandelen met
    Polen", the infinitive read as a noun): taken when no other verb claims it, or when the verb
    that does is the noun's light verb ("een offensief ... begonnen tegen Oman", the noun parsed
    under another word)."""
    out = []
    for t in tok.sent:
        if t.i == tok.i or t.pos_ not in ("PROPN", "NOUN") or _case(t, g) != word:
            continue
        owner = _nearest_verb(t, tok, g)
        if owner is None or owner.i == tok.i or (tok.pos_ in ("NOUN", "PROPN") and verb_lemmas(owner, g) & light):
            out.append(t)
    return out[:1]


def _deeper_pp(tok: Token, word: str, g: Grammar) -> list[Token]:
    """An event noun's prepositional target attached lower in its own phrase ("een hulppakket van
    500 miljoen euro voor Moldavië"): the nearest such phrase among its nominal dependents."""
    frontier, oblique = [tok], set(g.tuple("oblique_deps"))
    for _ in range(MAX_NOMINAL_DEPTH):
        frontier = [c for t in frontier for c in t.children if c.dep_ in oblique | {"nummod", "amod"}]
        found = [c for c in frontier if c.dep_ in oblique and _case(c, g) == word]
        if found:
            return found[:1]
    return []


def _relative_pronoun_fix(heads: list[Token], g: Grammar) -> list[Token]:
    # "het land dat sancties oplegt": the relative pronoun stands for the noun the clause hangs on
    rel = g.words("relative_pronouns")
    out = []
    for h in heads:
        if h.lower_ in rel and h.head.dep_ in g.tuple("relative_clause_deps"):
            out.append(h.head.head)
        else:
            out.append(h)
    return out


def fill(
    tok: Token,
    roles: tuple[str, ...],
    idx: ActorIndex,
    g: Grammar,
    passive: bool,
    exclude: set[int],
    light: frozenset[str] = frozenset(),
    source: bool = False,
) -> list[tuple[Actor, str]]:
    """Actors for the first role (in data order) that yields any; for a ``source`` (and any
    subject) only the phrase's owner counts (see ``actor_of``)."""
    for role in roles:
        found: list[tuple[Actor, str]] = []
        for head in _relative_pronoun_fix(role_tokens(tok, role, g, passive, light), g):
            extra = (
                left_coordinated(head, idx, g)
                if role == "subj" and not any(c.dep_ == g["conj_dep"] for c in head.children)
                else []
            )
            members = with_conjuncts(head, g)
            cut = len(tok.doc)
            if role == "subj" and passive:
                # "wordt gesteund door Turkije en Qatar, Haftar door Egypte": a conjunct with a
                # door-phrase of its own is the patient of a gapped second clause, no agent here
                gapped = [t for t in members[1:] if gapped_agent(t, g) is not None]
                cut = gapped[0].i if gapped else cut
                members = [t for t in members if t.i < cut]
            for t in extra[::-1] + members:
                at = actor_token(t, idx, g, source or role == "subj")
                if examples := named_examples(at if at is not None else t, idx, g):
                    # "investeren in tal van EU-landen, zoals Griekenland en Portugal": the named ones
                    for x in examples:
                        a = idx.at(x)
                        if a is not None and id(a) not in exclude and all(a is not f[0] for f in found):
                            found.append((a, f"{role}:{t.dep_}:{t.text} such as {x.text}"))
                    continue
                # "zijn ambassadeurs in Ierland en Noorwegen": the conjuncts of an actor found inside
                inner = with_conjuncts(at, g) if at is not None and at.i != t.i else [at]
                if at is not None and at.i == t.i:
                    # "De Australische en Nieuw-Zeelandse regering": the noun's mention took one
                    # adjective; its coordinated adjectives are parties of the same role
                    inner = _coordinated_modifiers(t, idx, g) + inner
                for x in inner + (right_coordinated(inner[-1], idx, g) if inner[-1] is not None else []):
                    a = idx.at(x) if x is not None and x.i < cut else None
                    if a is not None and id(a) not in exclude and all(a is not f[0] for f in found):
                        found.append((a, f"{role}:{t.dep_}:{x.text}"))
        if found:
            return found
    return []


def _coordinated_modifiers(t: Token, idx: ActorIndex, g: Grammar) -> list[Token]:
    """Actor modifiers before ``t`` that are coordinated with each other ("Australische en
    Nieuw-Zeelandse regering"), whose actors differ from the mention on ``t`` itself."""
    own = idx.at(t)
    out: list[Token] = []
    for c in t.children:
        if c.i > t.i or c.dep_ not in ("amod", "nmod") or not any(x.dep_ == g["conj_dep"] for x in c.children):
            continue
        for x in with_conjuncts(c, g):
            a = idx.at(x)
            if a is not None and a is not own and x.i < t.i:
                out.append(x)
    return out


def named_examples(t: Token, idx: ActorIndex, g: Grammar) -> list[Token]:
    """The parties a group noun is illustrated by ("landen, zoals de VS en Nederland,"): the tokens of
    the actors right after "zoals" / "waaronder" that follows the noun (or its actor mention)."""
    doc, end = t.doc, t.sent.end
    j = t.i
    actor = idx.at(t)
    while actor is not None and j + 1 < end and idx.at(doc[j + 1]) is actor:
        j += 1
    if actor is None and t.right_edge.i < end:
        j = max(j, t.right_edge.i)  # "in tal van landen, zoals ...": after the noun's whole phrase
    if j + 1 < end and doc[j + 1].lower_ == ",":
        j += 1
    if j + 1 >= end or doc[j + 1].lower_ not in g.words("example_markers"):
        return []
    k = j + 2
    while k < end and doc[k].pos_ == "DET":
        k += 1
    if k >= end or (a := idx.at(doc[k])) is None or not (a.country or a.org):
        return []
    return [doc[k], *right_coordinated(doc[k], idx, g)]


def segment_bounds(tok: Token, sent: Span, g: Grammar) -> tuple[int, int]:
    """Token range of the clause segment around ``tok`` (between ; : maar ...), for fallbacks."""
    breaks = g.words("segment_breaks")
    lo, hi = sent.start, sent.end
    for t in reversed(sent.doc[sent.start : tok.i]):
        if t.lower_ in breaks:
            lo = t.i + 1
            break
    for t in sent.doc[tok.i + 1 : sent.end]:
        if t.lower_ in breaks:
            hi = t.i
            break
    return lo, hi


def left_group(tok: Token, sent: Span, idx: ActorIndex, g: Grammar, exclude: set[int]) -> list[tuple[Actor, str]]:
    """The nearest actor(s) left of the trigger in its segment, with those coordinated to it."""
    seg_lo, _ = segment_bounds(tok, sent, g)
    lo = max(seg_lo, tok.i - LINEAR_WINDOW)
    end = tok.i
    # a clause-final infinitive or participle after a finite verb (Dutch V2: "Iran wil Israël
    # aanvallen"): actors between the finite verb and the trigger are objects; the subject stands
    # before the finite verb, or right after it when something else comes first
    fin = next(
        (
            t
            for t in reversed(sent.doc[seg_lo : tok.i])
            if t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm")
        ),
        None,
    )
    if fin is not None and tok.pos_ == "VERB" and set(tok.morph.get("VerbForm")) & {"Inf", "Part"}:

        def bare(t: Token) -> bool:
            a = idx.at(t)
            return a is not None and id(a) not in exclude and not _case(t, g)

        middle = [t for t in sent.doc[fin.i + 1 : tok.i] if bare(t)]
        if middle:
            if any(bare(t) for t in sent.doc[lo : fin.i]):
                end = fin.i
            else:
                return [(idx.at(middle[0]), "after-finite-verb")]  # type: ignore[list-item]
        elif any(bare(t) for t in sent.doc[seg_lo : fin.i]):
            # "De president heeft in een boodschap aan ... opgeroepen": however long the middle
            # field, the subject stands before the finite verb
            lo, end = seg_lo, fin.i
    found: list[Actor] = []
    gap = 0
    for t in reversed(sent.doc[lo:end]):
        a = idx.at(t)
        if a is not None and id(a) not in exclude:
            if _case(t, g) or (t.i > 0 and t.doc[t.i - 1].pos_ == "ADP" and idx.at(t.doc[t.i - 1]) is None):
                if not found:
                    continue  # "volgens X", "met X": not a subject
                break
            if all(a is not f for f in found):
                found.append(a)
            gap = 0
        elif found:
            gap += 1
            if t.lower_ not in g.words("list_links") and t.lower_ not in g.words("definite_articles") or gap > 2:
                break
    return [(a, "left-of-trigger") for a in reversed(found)]


def right_first(tok: Token, sent: Span, idx: ActorIndex, g: Grammar, exclude: set[int]) -> list[tuple[Actor, str]]:
    """The first actor in the trigger's subtree, else the nearest one right of it in its segment."""
    stop = set(g.tuple("clause_deps")) | {g["conj_dep"], "nsubj", "nsubj:pass", "mark"}
    todo = [c for c in tok.children if c.dep_ not in stop]
    attribution = g.words("attribution_prepositions")
    while todo:  # breadth first through the trigger's own phrase, not into other clauses
        t = todo.pop(0)
        if _case(t, g) in attribution:
            continue  # "Volgens Londen heeft Iran ...": who says so takes no part in the event
        if (a := idx.at(t)) is not None and id(a) not in exclude and (a.country or a.org):
            return [(a, f"subtree:{t.dep_}:{t.text}")]
        todo.extend(c for c in t.children if c.dep_ not in stop)
    _, hi = segment_bounds(tok, sent, g)
    for t in sent.doc[tok.i + 1 : min(hi, tok.i + LINEAR_WINDOW)]:
        if (a := idx.at(t)) is not None and id(a) not in exclude and (a.country or a.org):
            return [(a, "right-of-trigger")]
        if t.pos_ in ("SCONJ", "CCONJ", "VERB"):
            break
    return []


def main_clause_roles(tok: Token, idx: ActorIndex, g: Grammar) -> tuple[Actor, Actor | None] | None:
    """(subject, object) of a Dutch main clause by its verb-second order: "Canada heeft Brazilië
    dringend verzocht ...", "Rusland zal Oekraïne aanvallen": the one actor before the finite
    auxiliary or modal is the subject, the first bare actor of the middle field the object, however
    the parse labelled them. None unless the clause has that shape (and never for a passive)."""
    field = middle_field(tok, g, verbal=True)
    if field and field[0].i > 0:
        fin = tok.doc[field[0].i - 1]
    elif "Fin" in tok.morph.get("VerbForm") and tok.pos_ in ("VERB", "AUX"):
        # "Zelensky vroeg de Navo om ...": the finite verb itself in second place, its object after it
        fin = tok
        field = []
        for t in tok.doc[tok.i + 1 : tok.sent.end]:
            if adverbial_participle(t, g):
                continue  # "riep Bagdad dringend de inspecteurs bijeen"
            if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") or t.lower_ in g.words("purpose_marks"):
                break
            field.append(t)
    else:
        return None
    if fin.lemma_.lower() == g["passive_auxiliary_lemma"] or fin.lower_ in g.words("passive_aux"):
        return None
    pre: list[Actor] = []
    for t in reversed(tok.doc[tok.sent.start : fin.i]):
        if t.is_punct or t.pos_ in ("SCONJ", "CCONJ") or t.lower_ in g.words("relative_pronouns"):
            if t.pos_ == "SCONJ" or (t.lower_ in g.words("relative_pronouns") and t.pos_ == "PRON"):
                return None  # a subordinate clause: its finite verb is not in second place
            if t.lower_ in g.words("list_links") and t.i > 0 and pre and idx.at(t.doc[t.i - 1]) is not None:
                continue  # "Oekraïne en Rusland hebben ...": a coordinated subject, one field
            break
        if fin is tok and t.pos_ in ("VERB", "AUX"):
            return None  # another verb before it: the trigger closes its clause, it is not in second place
        a = idx.at(t)
        # one party may be named twice ("De Russische president Poetin"): parties, not mentions, count
        if (
            a is not None
            and (a.country or a.org)
            and not _case(t, g)
            and t.doc[t.i - 1].pos_ != "ADP"
            and all(_party(a) != _party(p) for p in pre)
        ):
            pre.append(a)
    if len(pre) != 1:
        return None
    mid = [
        a
        for t in field
        if (a := idx.at(t)) is not None
        and (a.country or a.org)
        and _party(a) != _party(pre[0])
        and not _case(t, g)
        and t.doc[t.i - 1].pos_ != "ADP"
    ]
    return pre[0], (mid[0] if mid else None)


def _party(a: Actor) -> str | None:
    return a.org or a.country


QUOTE_MARKS = frozenset({"'", '"', "(", ")", "‘", "’", "“", "”"})  # inside a clause, no boundary


def subordinate_order(tok: Token, idx: ActorIndex, g: Grammar) -> tuple[Actor, Actor] | None:
    """(subject, object) of a verb-final subordinate clause by word order: "als Rusland Oekraïne zou
    binnenvallen", "dat China Taiwan zal aanvallen", whatever the parse made of the two names: the
    first two bare actors between the conjunction and the verb, when they are different parties."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    start = None
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.pos_ == "SCONJ":
            start = t.i
            break
        if t.pos_ == "PUNCT" and t.text not in QUOTE_MARKS:
            return None
        if t.pos_ == "VERB" and t.dep_ not in ("aux", "aux:pass") and t.lemma_.lower() not in g.words("carrier_verbs"):
            return None  # another verb's clause; a modal ("wil geven") belongs to this one
    if start is None:
        return None
    found: list[Actor] = []
    for t in tok.doc[start + 1 : tok.i]:
        a = idx.at(t)
        if a is None or any(a is f for f in found):
            continue
        if _case(t, g) or t.doc[t.i - 1].pos_ == "ADP":
            if len(found) < 2:
                return None  # a prepositional actor: word order alone does not tell the roles
            continue
        found.append(a)
    # "dat hij Brazilië de status van 'non-NATO ally' wil geven": subject and object come first
    if len(found) < 2 or _party(found[0]) == _party(found[1]):
        return None
    return found[0], found[1]


def _participle_form(t: Token, g: Grammar) -> bool:
    """A participle used as an adjective ("geleide", "gesteunde"), whatever the tagger called it."""
    return t.pos_ in ("VERB", "ADJ") and (
        "Part" in t.morph.get("VerbForm") or t.lower_.startswith(g["participle_prefix"])
    )


def act_agent(tok: Token, target: Actor, idx: ActorIndex, g: Grammar, exclude: set[int]) -> tuple[Actor, str] | None:
    """The agent of a nominalised act in the object of ``tok``: reacting to an act is aimed at whoever
    did it, not at whom it was done to ("betreurde de afwijzing door Argentinië van het Britse
    besluit": Argentina; "steun aan de door de VS geleide oorlog tegen Irak": the USA). Read by word
    order, as the parse hangs the agent phrase anywhere: an agent preposition between the trigger and
    its target (or right after the target's phrase), after a noun or before a leading participle."""
    doc, sent = tok.doc, tok.sent
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or not (sent.start <= span[0].i < sent.end):
        return None
    lo, hi = sorted((tok.i, span[0].i))
    stop = hi
    if tok.i > span[0].i:  # a clause-final verb: its object phrase opens after the finite verb
        lo = next(
            (
                t.i
                for t in reversed(doc[sent.start : span[0].i])
                if t.pos_ in ("VERB", "AUX") and not _participle_form(t, g)
            ),
            sent.start - 1,
        )
    if tok.i < span[0].i:  # "de aanval op Oekraïne door Rusland": the agent right after the target's phrase
        j = span[-1].i + 1
        while j < sent.end and doc[j].pos_ in ("NOUN", "PROPN"):
            j += 1
        if j < sent.end and doc[j].lower_ == g["agent_preposition"]:
            stop = j
    for d in doc[lo + 1 : stop + 1]:
        if d.lower_ != g["agent_preposition"] or d.i == 0:
            continue
        a_tok = next((t for t in doc[d.i + 1 : min(d.i + 5, sent.end)] if idx.at(t) is not None), None)
        if a_tok is None or any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") for t in doc[d.i + 1 : a_tok.i]):
            continue
        a = idx.at(a_tok)
        if a is None or not (a.country or a.org) or id(a) in exclude or a is target:
            continue
        before = doc[d.i - 1]
        after_noun = before.pos_ in ("NOUN", "PROPN") and before.i != tok.i
        end = a_tok.i
        while end + 1 < sent.end and idx.at(doc[end + 1]) is a:
            end += 1
        nxt = doc[end + 1] if end + 1 < sent.end else None
        # "de door de VS geleide oorlog": a participle, maybe adjectives, then the noun
        before_participle = (
            nxt is not None
            and nxt.lower_ in g.words("leading_participles")
            and any(t.pos_ == "NOUN" for t in doc[end + 2 : min(end + 4, sent.end)])
        )
        if after_noun or before_participle:
            return a, f"agent of the act in the object: {d.text} {a_tok.text}"
    return None
