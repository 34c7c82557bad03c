"""Event status from cue words in ``lang/<lang>/status.yaml``: negated, questioned, conditional,
reported, planned, hypothetical, else asserted. Cues are read from the trigger's clause chain in
the parse, and, for the conditional, also linearly (``als`` left of the trigger in its segment)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from grotius.coding.events.grammar import Grammar, status_cues

CLAUSE_TOP = {"ROOT", "ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl"}


@dataclass
class StatusInfo:
    status: str
    cues: list[str] = field(default_factory=list)  # "<cue id>:<word>"
    antecedent: bool = False  # the trigger is inside an "als ..." clause: a condition, not an event
    volgens: Token | None = None  # "volgens X": the attributed source
    # every status a cue was found for, also those a higher one outranked ("meldden dat ... volgende
    # maand ...": reported, and planned too)
    found: frozenset[str] = frozenset()


def clause_chain(tok: Token) -> list[Token]:
    """The trigger and its heads up to its clause top (a noun also takes its verb's clause)."""
    chain = [tok]
    t = tok
    while t.head.i != t.i and t.dep_ not in CLAUSE_TOP and len(chain) < 8:
        t = t.head
        chain.append(t)
    return chain


def _words(cue: dict) -> set[str]:
    return {w.lower() for w in cue["words"]}


def _opens_clause(t: Token, g: Grammar) -> bool:
    """A conditional conjunction opens a clause with a finite verb before the next punctuation; "net als
    Duitsland", "ziet Brazilië als lid" are comparisons, not conditions."""
    if (
        t.head.i > t.i
        and t.head.pos_ in ("VERB", "AUX")
        and t.dep_ == "mark"
        and g["infinitive_marker"] not in {c.lower_ for c in t.head.children}
    ):
        return True  # the parse has it mark a verb's clause
    for x in t.doc[t.i + 1 : t.sent.end]:
        if x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm"):
            return True  # a finite verb: "als Rusland binnenvalt", not "als volksheld te laten toejuichen"
        if x.pos_ == "PUNCT":
            return False
    return False


def detect(
    tok: Token, sent: Span, g: Grammar, lang: str, seg: tuple[int, int], negation_idiom: bool = False
) -> StatusInfo:
    cfg = status_cues(lang)
    chain = clause_chain(tok)
    dependents = [c for t in chain for c in t.children] + chain[1:]
    # a dependent clause of its own ("om ... tegen te gaan") holds no cue of the trigger's clause
    dep_words = {
        c.lower_ for c in dependents if not (c.dep_ in CLAUSE_DEPS and any(m.dep_ == "mark" for m in c.children))
    }
    # "geen wapens leveren": the negation is the determiner of the trigger's object or subject
    dep_words |= {
        d.lower_ for c in tok.children if c.dep_ in ("obj", "nsubj", "iobj") for d in c.children if d.dep_ == "det"
    }
    found: dict[str, list[str]] = {}
    info = StatusInfo("asserted")
    cond_words: set[str] = set()
    for cue in cfg["cues"]:
        if negation_idiom and cue["status"] == "negated":
            continue  # "niet te spreken over": the negation belongs to the idiom
        words, where, hits = _words(cue), cue["where"], []
        if where == "dep":
            hits = [w for w in sorted(words) if w in dep_words]  # sorted: same cues in any process
            # the trigger itself ("wil dat ..."), but not a verb of motion that is also a
            # future carrier: "gaan de straat op", "gaat naar Berlijn" tell the act, not a plan
            if tok.lower_ in words and tok.lemma_.lower() not in cfg.get("self_cue_except", ()):
                hits.append(tok.lower_)
        elif where == "aux":
            hits = [c.lower_ for c in dependents if c.dep_.startswith("aux") and c.lower_ in words]
            # linearly, an auxiliary left of the trigger whose own verb does not come first: not the
            # "zou" of an earlier clause ("... zou steunen, waarop Alemán dreigde")
            hits += [
                t.lower_
                for t in sent.doc[seg[0] : tok.i]
                if t.pos_ == "AUX"
                and t.lower_ in words
                and not any(
                    v.pos_ == "VERB" and "Fin" not in v.morph.get("VerbForm") for v in sent.doc[t.i + 1 : tok.i]
                )
            ][:1]
        elif where == "aux-pair":
            left = {t.lower_ for t in sent.doc[seg[0] : min(seg[1], tok.i + 3)]}
            aux = {t.lower_ for t in sent.doc[seg[0] : min(seg[1], tok.i + 3)] if t.pos_ in ("AUX", "VERB")}
            if words & left and set(cue["with"]) & aux:
                hits = sorted(words & left)
        elif where == "case":
            for t in sent:
                if t.lower_ in words:
                    hits.append(t.lower_)
                    info.volgens = info.volgens or t.head
        elif where == "mark":
            cond_words |= words
            # consequent: a condition clause hangs on the trigger's chain
            for t in chain:
                for c in t.children:
                    if c.dep_ in ("advcl", "ccomp", "xcomp") and any(
                        m.lower_ in words and m.dep_ == "mark" and _opens_clause(m, g) for m in c.children
                    ):
                        hits.append(c.text)
            # and linearly: a subordinating "als" right of the trigger before the next finite verb
            for t in sent.doc[tok.i + 1 : seg[1]]:
                if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm"):
                    break
                if t.lower_ in words and (t.pos_ == "SCONJ" or t.dep_ == "mark") and _opens_clause(t, g):
                    hits.append(t.text)
                    break
        if hits:
            found.setdefault(cue["status"], []).extend(f"{cue['id']}:{h}" for h in hits)
    # antecedent: the trigger itself sits in the condition ("als Rusland binnenvalt")
    marks_on_chain = [
        m for t in chain for m in t.children if m.dep_ == "mark" and m.lower_ in cond_words and _opens_clause(m, g)
    ]
    left_marks = [
        t
        for t in sent.doc[seg[0] : tok.i]
        if t.lower_ in cond_words and (t.pos_ == "SCONJ" or t.dep_ == "mark") and _opens_clause(t, g)
    ]
    if marks_on_chain or left_marks:
        info.antecedent = True
    if sent.text.rstrip().rstrip("’”'\"").endswith(tuple(cfg.get("question_marks", ["?"]))):
        found.setdefault("questioned", []).append("vraag:?")
    info.found = frozenset(found)
    for status in cfg["priority"]:
        if status in found:
            info.status = status
            info.cues = found[status]
            break
    return info
