"""Indirect speech: a reporting verb with its complementiser (`X zei dat ...`), its infinitive
(`X dreigde ... te`), and `volgens X`, each as a quote with its speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc

from grotius.coding.quotes.context import (
    COMP_WINDOW,
    SHORT_PHRASE_WORDS,
    FoundQuote,
    _Ctx,
    _hedge,
    _speaker_actor,
    _subject,
    _trim_tokens,
)
from grotius.coding.quotes.lexicon import VerbEntry, grammar_of
from grotius.coding.quotes.references import is_person
from grotius.coding.quotes.speakers import (
    actor_for,
    is_boundary,
    np_after,
    np_span,
    phrase_head,
)
from grotius.datamodel import Actor


def _find_complementizer(ctx: _Ctx, after: int, hi: int, after_particle: bool = False) -> int | None:
    """The complementiser opening reported content after token ``after`` (the verb or its particle).
    Right after a separated particle `dat` is always the complementiser: the particle closes the main
    clause, so no object can follow it (`merkte ... op dat arbeiders ...`)."""
    doc = ctx.doc
    skip_to = -1
    for k in range(after + 1, min(hi, after + 1 + COMP_WINDOW)):
        t = doc[k]
        if k in ctx.blocked or is_boundary(t):
            return None
        if k < skip_to:
            continue
        if t.lower_ in ctx.lex.complementizers:
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            # `herhaalde dat verwijt`: a demonstrative before a noun, not a complementiser
            if (
                t.lower_ == ctx.lex.grammar.declarative_complementizer
                and nxt is not None
                and nxt.pos_ in {"NOUN", "ADJ"}
                and not (after_particle and k == after + 1)
            ):
                if k == after + 1 and k + 2 < hi and doc[k + 2].lower_ in ctx.lex.complementizers:
                    # `..., redeneerde dat instituut dat er ...`: `dat` + noun right after the verb is
                    # its inverted subject when the complementiser follows the noun
                    skip_to = k + 2
                    continue
                # (the parser's subordinator `mark` also counts: `erkennen dat scholen transparanter moeten
                # zijn`, whose finite verb the tagger calls an infinitive)
                if t.pos_ != "SCONJ" and t.dep_ != "mark" and not _finite_after(ctx, k + 2, hi):
                    return None
            return k
    return None


def _finite_after(ctx: _Ctx, k: int, hi: int) -> bool:
    """Whether a finite verb follows from token k before the clause's next comma or conjunction: `erkent
    dat beloningsbeleid een gevoelig onderwerp is` (the tagger's determiner `dat` opens a subordinate
    clause, whose finite verb comes last), not `herhaalde dat verwijt, toen ...`."""
    doc = ctx.doc
    for j in range(k, hi):
        t = doc[j]
        if j in ctx.blocked or t.text in {",", ";", ":"} or t.pos_ in {"SCONJ", "CCONJ"} or is_boundary(t):
            return False
        if t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm"):
            return True
    return False


def _relative_dat(doc: Doc, verb: int, comp: int) -> bool:
    """Whether `dat` after an inverted reporting verb (`..., zegt het bedrijf dat ...`) opens a relative
    clause on the neuter subject before it rather than reported content."""
    gr = grammar_of(doc)
    if (
        doc[comp].lower_ != gr.declarative_complementizer
        or comp - 1 <= verb
        or doc[comp - 1].pos_ not in {"NOUN", "PROPN"}
    ):
        return False
    neuter = "Neut" in doc[comp - 1].morph.get("Gender") or any(
        doc[j].lower_ in gr.neuter_pronouns for j in range(verb + 1, comp - 1)
    )
    return neuter and "Com" not in doc[comp - 1].morph.get("Gender")


def _content_end(ctx: _Ctx, s: int, hi: int) -> int:
    """End of reported content: the clause end, or before a trailing `, aldus X` / `, volgens X`."""
    doc = ctx.doc
    for k in range(s, hi - 1):
        if doc[k].text == "," and doc[k + 1].lower_ in ctx.lex.sources:
            return k
        # `Tim S., die bekent dat hij ... schoot, herhaalde ...`: a comma, then a finite verb, resumes
        # the main clause the reporting one was set in
        if (
            k > s
            and doc[k].text == ","
            and doc[k + 1].pos_ in {"VERB", "AUX"}
            and "Fin" in doc[k + 1].morph.get("VerbForm")
        ):
            return k
    return hi


def _indirect(ctx: _Ctx) -> list[FoundQuote]:
    doc, lex = ctx.doc, ctx.lex
    gr = lex.grammar
    out: list[FoundQuote] = []
    for ci, (lo, hi) in enumerate(ctx.clauses):
        for v in range(lo, hi):
            if v in ctx.blocked:
                continue
            hit = lex.reporting_verb(doc[v], doc)
            if hit is None:
                continue
            entry, particle = hit
            if entry.kind == "naming":
                continue  # `noemde het ‘...’` attributes a marked phrase only
            comp = _find_complementizer(ctx, max(v, particle or v), hi, particle is not None and particle > v)
            if (
                comp is not None
                and v - 1 > lo
                and doc[v - 1].text == ","
                and _main_clause(doc, lo, v - 1)
                and _relative_dat(doc, v, comp)
            ):
                # `Avonturiers hoeven niet te wanhopen, zegt het bedrijf dat die reis zou verzorgen`: after
                # speech in a main clause, `dat` on the neuter subject opens a relative clause (not after a
                # subordinate one: `Toen ..., redeneerde dat instituut dat er ...`)
                comp = None
            if comp is not None:
                cs, ce = _trim_tokens(ctx, comp + 1, _content_end(ctx, comp + 1, hi))
                if ce <= cs:
                    continue
                content = set(range(cs, ce))
                skip = {particle} if particle is not None else set()
                head = _subject(ctx, v, lo, hi, ctx.blocked | content | {comp}, skip)
                out.append(_make(ctx, ci, entry, v, head, lo, hi, cs, ce, direct=False))
                continue
            if entry.infinitive:
                iq = _infinitive(ctx, ci, entry, v, particle, lo, hi)
                if iq is not None:
                    out.append(iq)
                    continue
            # `Rusland wil geen oorlog, zei Poetin.`: unmarked speech before `, zei X`
            k = v - 1
            if k > lo and doc[k].lower_ == gr.resumptive_adverb:
                k -= 1
            # `Die komt mee, heeft hij beloofd`: a finite auxiliary and the subject between the comma and
            # the participle; the subject is the auxiliary's
            subj_verb = v
            if k > lo and doc[k].text != ",":
                for m in range(v - 2, max(lo, v - 6), -1):
                    aux = doc[m + 1]
                    if (
                        doc[m].text == ","
                        and aux.lemma_.lower() in gr.perfect_auxiliary_lemmas
                        and "Fin" in aux.morph.get("VerbForm")
                        and m + 2 < v
                    ):
                        k, subj_verb = m, m + 1
                        break
            # a marked quote before `, zei X` is the direct finder's; a marked word in unmarked speech
            # (`was de sfeer ‘boven’ ontspannen, zegt Quist`) is not
            n_marked = sum(1 for j in range(lo, k) if j in ctx.blocked)
            marked_before = n_marked > SHORT_PHRASE_WORDS + 2 or 2 * n_marked >= k - lo
            if k > lo and doc[k].text == "," and entry.kind in {"speech", "opinion"}:
                cs, ce = _trim_tokens(ctx, lo, k)
                head = _subject(ctx, subj_verb, subj_verb, hi, ctx.blocked | set(range(lo, k + 1)))
                if head is None or head <= subj_verb:
                    continue
                # `In feite, denkt X, was er iets anders aan de hand`: a reporting clause set inside the
                # sentence (a comma, then the main clause's finite verb): the whole sentence is reported
                he = np_span(doc, head, v + 1, hi)[1]
                inserted = (
                    he + 1 < hi
                    and doc[he].text == ","
                    and doc[he + 1].pos_ in {"VERB", "AUX"}
                    and "Fin" in doc[he + 1].morph.get("VerbForm")
                )
                if inserted:
                    cs, ce = _trim_tokens(ctx, lo, hi)
                elif entry.kind != "speech" and (not _main_clause(doc, cs, ce) or v - k > 2):
                    # `..., schat X`, `..., vindt X` report an opinion; not `Als het regent, denken
                    # velen ...`, where the part before the comma is a subordinate clause
                    continue
                # a name may report a two-word verdict (`Verboden gebiedsafspraken, concludeert X`)
                if ce - cs < (2 if doc[head].pos_ == "PROPN" or doc[head].ent_type_ == "PER" else 3):
                    continue
                # (`Trump dacht dat ..., vertelde Cohen`: an opinion inside is the teller's content)
                earlier = [
                    q
                    for q in out
                    if q.clause == ci
                    and q.cue_start is not None
                    and q.cue_start < doc[k].idx
                    and q.speaker is not None
                    and lex.kind(q.rule) != "opinion"
                ]
                if earlier:
                    # `X zou gezegd hebben dat ..., meldt Reuters`: Reuters vouches for X's words
                    for q in earlier:
                        q.reported_by = q.reported_by or _speaker_actor(ctx, head, v, hi)
                        q.end = min(q.end, doc[k].idx)
                        q.text = doc.text[q.start : q.end]
                    continue
                if not marked_before:  # a direct quote before `, zei X` is the direct finder's
                    out.append(_make(ctx, ci, entry, v, head, lo, hi, cs, ce, direct=False))
                continue
            # `Russische troepen trekken zich terug. Dat meldt X.`: the sentence before is the content
            if (
                v == lo + 1
                and doc[lo].lower_ in gr.resumptive_words
                and entry.kind == "speech"
                and ci > 0
                and ctx.para(doc[lo].idx) == ctx.para(doc[ctx.clauses[ci - 1][0]].idx)
            ):
                p_lo, p_hi = ctx.clauses[ci - 1]
                n_marked = sum(1 for j in range(p_lo, p_hi) if j in ctx.blocked)
                if n_marked > SHORT_PHRASE_WORDS + 2 or 2 * n_marked >= p_hi - p_lo:
                    continue  # a marked quote: the direct finder's `Dat zei X` (not a term in it)
                cs, ce = _trim_tokens(ctx, p_lo, p_hi)
                head = _subject(ctx, v, lo, hi, ctx.blocked | {lo})
                if ce - cs >= 3 and head is not None and head > v:
                    q = _make(ctx, ci, entry, v, head, lo, hi, cs, ce, direct=False)
                    q.clause = ci - 1
                    out.append(q)
    return out


def _main_clause(doc: Doc, cs: int, ce: int) -> bool:
    """Whether tokens [cs, ce) hold a main clause: not opened by a subordinator or preposition (`Als het
    regent`, `Om te beginnen`) unless a finite verb follows a comma in it (`Om te beginnen, is ...`)."""
    if doc[cs].pos_ not in {"SCONJ", "ADP"}:
        return True
    return any(doc[j].text == "," and "Fin" in doc[j + 1].morph.get("VerbForm") for j in range(cs, ce - 1))


def _infinitive(
    ctx: _Ctx, ci: int, entry: VerbEntry, verb: int, particle: int | None, lo: int, hi: int
) -> FoundQuote | None:
    """`X zei geen ruimte meer te zien`, `X liet weten er geen gehoor aan te geven`: content reported
    with a `te`-infinitive after the verb (its subject is the speaker's own)."""
    doc = ctx.doc
    after = max(verb, particle if particle is not None else verb) + 1
    end = _content_end(ctx, after, hi)
    te = next(
        (
            k
            for k in range(after, end - 1)
            if doc[k].lower_ == ctx.lex.grammar.infinitive_marker
            and doc[k + 1].pos_ in {"VERB", "AUX"}
            and k not in ctx.blocked
        ),
        None,
    )
    if te is None:
        return None
    # a finite verb before `te` belongs to another clause (`zegt dat hij ... te ...` has `dat`, but
    # `zei, toen hij ..., te ...` does not): not this pattern
    if any("Fin" in doc[k].morph.get("VerbForm") for k in range(after, te) if doc[k].pos_ in {"VERB", "AUX"}):
        return None
    skip = {particle} if particle is not None else set()
    head = _subject(ctx, verb, lo, hi, ctx.blocked, skip)
    cs = after
    if head is not None and head >= after:
        cs = max(cs, np_span(doc, head, lo, hi)[1])  # `zegt de minister ... te ...`: past the subject
    while cs < te and (cs in ctx.timewords or doc[cs].is_punct):
        cs += 1
    cs, ce = _trim_tokens(ctx, cs, end)
    if ce - cs < 2 or cs > te:
        return None
    return _make(ctx, ci, entry, verb, head, lo, hi, cs, ce, direct=False)


def _make(
    ctx: _Ctx, ci: int, entry: VerbEntry, verb: int, head: int | None, lo: int, hi: int, cs: int, ce: int, direct: bool
) -> FoundQuote:
    # a subject before its verb ends there, whatever the tagger made of the verb (`Artsen pleiten ...`:
    # the tagger's noun `pleiten` heads `Artsen`; the subject is the word before the verb)
    if head is not None and head == verb and verb > lo:
        head = verb - 1
    speaker = None
    if head is not None:
        speaker = _speaker_actor(ctx, head, lo, verb if head < verb else hi)
    return _attributed(ctx, speaker, ctx.lex.rule(entry.id), ci, verb, cs, ce, lo, hi, direct=direct)


def _volgens(ctx: _Ctx, quotes: list[FoundQuote], used_cues: set[int]) -> list[FoundQuote]:
    """`volgens X` / `aldus X`: a second source for the clause's quotes, else an attribution itself."""
    doc, lex = ctx.doc, ctx.lex
    out: list[FoundQuote] = []
    for ci, (lo, hi) in enumerate(ctx.clauses):
        for k in range(lo, hi):
            if k in ctx.blocked or doc[k].idx in used_cues:
                continue
            if doc[k].lower_ in lex.sources:
                np = np_after(doc, k + 1, hi)
                if np is None:
                    continue
                phrase_end, rule = np[1], lex.rule(lex.sources[doc[k].lower_])
                src = actor_for(doc, np[0], np[1], phrase_head(doc, *np), ctx.actors)
            elif doc[k].lower_ in lex.framed:
                # `wat Akyol betreft`: the source between the two words, a name or an actor
                close, entry_id = lex.framed[doc[k].lower_]
                c = next((c for c in range(k + 2, min(hi, k + 8)) if doc[c].lower_ == close), None)
                np = np_after(doc, k + 1, c) if c is not None else None
                if c is None or np is None or np[1] != c:
                    continue
                phrase_end, rule = c + 1, lex.rule(entry_id)
                src = actor_for(doc, np[0], np[1], phrase_head(doc, *np), ctx.actors)
                if not (src.code or src.name or is_person(doc, src)):
                    continue  # `wat de kosten betreft`: a topic, no source
            else:
                continue
            # a short marked phrase inside the clause's content (`erkent de ‘volksrepublieken’`, its cue before
            # it) is no attribution of its own; `‘Nee’, zei X volgens Y` (cue after it) is
            # `Omdat onderzoek volgens X bewijst dat ..., eist hij dat ...`: a `volgens` inside a fronted
            # subordinate clause attributes that clause, not the main clause's report after its comma
            sub_end = _fronted_clause_end(ctx, lo, k, hi)
            if sub_end is not None:
                cs, ce = _trim_tokens(ctx, lo + 1, sub_end)
                if ce - cs >= 3 and not any(q.clause == ci and q.start < doc[sub_end].idx for q in quotes):
                    out.append(_attributed(ctx, src, rule, ci, k, cs, ce, lo, sub_end))
                    continue
            here = [
                q
                for q in quotes
                if q.clause == ci
                and q.speaker is not None
                and q.rule != rule
                and not (
                    q.direct
                    and len(q.text.split()) <= SHORT_PHRASE_WORDS
                    and (q.cue_start is None or q.cue_start < q.start)
                )
            ]
            if here:
                for q in here:
                    if q.reported_by is None and (q.speaker.start, q.speaker.end) != (src.start, src.end):
                        q.reported_by = src
                continue
            # content: the clause without the attribution phrase
            if k == lo or (k == lo + 1 and doc[lo].is_space):
                cs, ce = phrase_end, hi
            elif phrase_end >= hi - 1 or all(doc[j].is_punct for j in range(phrase_end, hi)):
                cs, ce = lo, k
            else:
                cs, ce = lo, hi
            cs, ce = _trim_tokens(ctx, cs, ce)
            if ce - cs < 2:
                continue
            out.append(_attributed(ctx, src, rule, ci, k, cs, ce, lo, hi))
    return out


def _attributed(
    ctx: _Ctx,
    src: Actor | None,
    rule: str,
    ci: int,
    k: int,
    cs: int,
    ce: int,
    lo: int,
    hi: int,
    direct: bool = False,
) -> FoundQuote:
    """The quote on tokens ``cs:ce`` of clause ``ci`` that the cue at token ``k`` (a reporting verb,
    `volgens`) attributes to ``src``; hedging is read between ``lo`` and ``hi``."""
    start, end = ctx.chars(cs, ce)
    ks, ke = ctx.chars(k, k + 1)
    return FoundQuote(
        speaker=src,
        start=start,
        end=end,
        text=ctx.doc.text[start:end],
        direct=direct,
        rule=rule,
        hedged=_hedge(ctx, k, lo, hi),
        cue_start=ks,
        cue_end=ke,
        clause=ci,
    )


def _fronted_clause_end(ctx: _Ctx, lo: int, k: int, hi: int) -> int | None:
    """The comma closing a subordinate clause that opens the clause [lo, hi) and holds token k, when the
    main clause's finite verb follows it (`Omdat ... volgens X ..., eist hij`), else None."""
    doc = ctx.doc
    gr = ctx.lex.grammar
    if not (doc[lo].pos_ == "SCONJ" or doc[lo].lower_ in gr.subordinators) or doc[lo].lower_ in ctx.lex.complementizers:
        return None
    for c in range(k + 1, hi - 1):
        if c in ctx.blocked:
            return None
        if doc[c].text == ",":
            nxt = doc[c + 1]
            if nxt.pos_ in {"VERB", "AUX"} and "Fin" in nxt.morph.get("VerbForm"):
                return c
            return None
    return None
