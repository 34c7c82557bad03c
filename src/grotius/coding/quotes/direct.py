"""The speaker of a direct quote from its own sentence and the next: a cue after it (`, zei X`),
before it (`X zei: ‘...’`, `X: ‘...’`), the speech noun that owns a colon, the person of the
previous clause, or the reporting clause of the next sentence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from grotius.coding.quotes.context import (
    DASHES,
    SHORT_PHRASE_WORDS,
    STANDALONE_LOOKBACK,
    FoundQuote,
    _copy_ref,
    _Ctx,
    _hedge,
    _is_subject,
    _set,
    _speaker_actor,
    _subject,
    _talked_about,
    whole_sentence,
)
from grotius.coding.quotes.marks import MarkedQuote
from grotius.coding.quotes.references import is_person
from grotius.coding.quotes.speakers import (
    NOMINAL,
    _in_pp,
    actor_for,
    bare_actor,
    np_after,
    np_before,
    np_span,
    phrase_head,
)
from grotius.datamodel import Actor


def _direct_speaker(
    ctx: _Ctx, mq: MarkedQuote, q: FoundQuote, indirect: list[FoundQuote], found: list[FoundQuote]
) -> None:
    """Fill speaker, rule, hedge and cue of a direct quote from the first cue that applies."""
    doc, lex = ctx.doc, ctx.lex
    gr = lex.grammar
    ot, ct = ctx.tok(mq.open), ctx.tok(mq.close) if mq.closed else ctx.tok(mq.end - 1)
    ci = ctx.clause_of[ct]
    lo, hi = ctx.clauses[ci]
    q.clause = ctx.clause_of[ot]
    # 1. after the closing mark: `’, zei Poetin`, `’, aldus X`, `” Dat zegt X.`
    k = ct + 1
    n = len(doc)
    if k < n and doc[k].is_space and "\n" not in doc[k].text:
        k += 1
    new_sentence = k < n and doc[k].text[:1].isupper()
    while k < n and doc[k].text in DASHES:
        k += 1
    resumptive: set[int] = set()
    if k < n and doc[k].lower_ in gr.resumptive_words and (doc[k].lower_ == gr.resumptive_adverb or new_sentence):
        resumptive.add(k)  # `‘...’ Dat zei X`: the demonstrative stands for the quote, not the speaker
        k += 1
    if k < n and "\n" not in doc[k].text:
        c_lo, c_hi = ctx.clauses[ctx.clause_of[k]]
        c_lo = max(c_lo, ct + 1)
        for j in range(k, min(k + 3, c_hi)):
            if doc[j].lower_ in lex.sources:
                np = np_after(doc, j + 1, c_hi)
                if (
                    np is not None
                    and new_sentence
                    and not all(doc[m].is_punct or doc[m].is_space for m in range(np[1], c_hi))
                ):
                    break  # `’ Volgens hem hebben ...`: a new sentence reporting its own content
                if np is not None:
                    _set(
                        ctx,
                        q,
                        actor_for(doc, np[0], np[1], phrase_head(doc, *np), ctx.actors),
                        lex.rule(lex.sources[doc[j].lower_]),
                        j,
                        ctx.clause_of[k],
                    )
                    return
            hit = lex.reporting_verb(doc[j], doc) if j not in ctx.blocked else None
            if hit is None and j == k and doc[j].text[:1].islower():
                hit = lex.reporting_form(doc[j])  # `’, lacht X`: the tagger's word class aside
            if hit is not None:
                entry, particle = hit
                skip = {particle} if particle is not None else set()
                head = _subject(ctx, j, c_lo, c_hi, ctx.blocked | resumptive, skip)
                if head is not None:
                    # (a subject after the verb never takes the verb into its phrase: `lacht X`)
                    _set(
                        ctx,
                        q,
                        _speaker_actor(ctx, head, j + 1 if head > j else c_lo, c_hi),
                        lex.rule(entry.id),
                        j,
                        ctx.clause_of[k],
                    )
                    q.hedged = _hedge(ctx, j, c_lo, c_hi)
                    return
            # (not after a full stop: `’ Dat komt omdat scholen ...` explains, it does not report)
            # (only set off by a comma: `’ lijkt vooral een verhaal` goes on with the sentence the quote is in)
            comma = "," in doc.text[q.end - 2 : doc[j].idx]
            if j == k and doc[j].pos_ == "VERB" and doc[j].text[:1].islower() and not new_sentence and comma:
                # `’, somberde Junqueras`: a finite verb right after a quote, subject after it, is the
                # reporting clause whatever the verb (Dutch inversion after a fronted quote)
                head = _subject(ctx, j, c_lo, c_hi, ctx.blocked | resumptive)
                if head is not None and head > j:
                    _set(ctx, q, _speaker_actor(ctx, head, c_lo, c_hi), lex.rule("inverted-verb"), j, ctx.clause_of[k])
                    q.hedged = _hedge(ctx, j, c_lo, c_hi)
                    return
            if doc[j].pos_ not in {"ADV", "AUX"} and doc[j].lower_ != gr.resumptive_adverb:
                break
    # 2. before the opening mark: `X zei: ‘...’`, `X: ‘...’`
    j = ot - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    if j >= 0 and doc[j].text == ":":
        b_lo = ctx.clauses[ctx.clause_of[j]][0]
        for v in range(j - 1, b_lo - 1, -1):
            hit = lex.reporting_verb(doc[v], doc) if v not in ctx.blocked else None
            if hit is not None:
                head = _subject(ctx, v, b_lo, j, ctx.blocked, {hit[1]} if hit[1] is not None else set())
                if head is not None:
                    _set(ctx, q, _speaker_actor(ctx, head, b_lo, j), lex.rule(hit[0].id), v, ctx.clause_of[j])
                    q.hedged = _hedge(ctx, v, b_lo, j)
                    return
        owner = _speech_owner(ctx, b_lo, j)
        if owner is not None:
            _set(ctx, q, owner[0], lex.rule(owner[1]), j, ctx.clause_of[j])
            return
        np = np_before(doc, j, b_lo)
        if np is not None and np[0] - 1 > b_lo and doc[np[0] - 1].lower_ in lex.addressee:
            # `Jetten tegen Klaver: ‘...’`: the phrase after `tegen` is spoken to; the one before it speaks
            np = np_before(doc, np[0] - 1, b_lo) or np
        # `Nog positiever is X uit Leiden, ook een personage met kartonnen gun:`, `Premier X op Twitter:`:
        # a named person in subject position in the lead-in speaks, not a phrase before the colon that
        # names no person
        lead = _subject_person(ctx, b_lo, j)
        if lead is not None and (np is None or not _names_person(ctx, *np)):
            _set(ctx, q, lead, lex.rule("colon"), j, ctx.clause_of[j])
            return
        last = doc[j - 1] if j > b_lo else None
        # the phrase must be able to speak: the whole lead-in (`De student:`), or a name, a pronoun or a
        # title (`Partijleider X:`), not a thing at the end of a longer clause (`met tranen in de ogen:`)
        speaks = np is not None and (
            np[0] <= b_lo
            or any(
                t.pos_ in {"PROPN", "PRON"} or t.ent_type_ or lex.title(t.text) or (t.i > b_lo and t.text[:1].isupper())
                for t in doc[np[0] : np[1]]
            )
        )
        if (
            speaks
            and np is not None
            and last is not None
            and (last.pos_ in NOMINAL or last.text[:1].isupper())
            and last.lower_ not in lex.colon_blockers
        ):
            _set(
                ctx,
                q,
                actor_for(doc, np[0], np[1], phrase_head(doc, *np), ctx.actors),
                lex.rule("colon"),
                j,
                ctx.clause_of[j],
            )
            return
        # `Zelensky was duidelijk: ‘...’`, `De minister reageerde fel: ‘...’`: the clause's subject
        if last is not None and last.lower_ not in lex.colon_blockers:
            for v in range(b_lo, j):
                if doc[v].pos_ in {"VERB", "AUX", "ADJ"} and doc[v].dep_ in {"ROOT", "cop"}:
                    head = _subject(ctx, v, b_lo, j, ctx.blocked)
                    if head is not None and head < v:
                        _set(ctx, q, _speaker_actor(ctx, head, b_lo, j), lex.rule("colon"), j, ctx.clause_of[j])
                        return
    # 3. inside indirect speech: `Biden zou gezegd hebben dat er ‘...’`
    for iq in indirect:
        if iq.start <= mq.start and mq.end <= iq.end and iq.speaker is not None:
            q.speaker, q.rule, q.hedged = iq.speaker, iq.rule, iq.hedged
            q.cue_start, q.cue_end, q.reported_by = iq.cue_start, iq.cue_end, iq.reported_by
            return
    # 4. a reporting verb in the quote's own clause: `Poetin dreigde met een ‘totale breuk’`
    o_lo = ctx.clauses[ctx.clause_of[ot]][0]
    for v in range(o_lo, hi):
        if v in ctx.blocked:
            continue
        hit = lex.reporting_verb(doc[v], doc)
        if hit is not None:
            head = _subject(ctx, v, o_lo, hi, ctx.blocked, {hit[1]} if hit[1] is not None else set())
            if head is not None:
                _set(ctx, q, _speaker_actor(ctx, head, o_lo, hi), lex.rule(hit[0].id), v, ci)
                q.hedged = _hedge(ctx, v, o_lo, hi)
                return
    # 4a. (after 3 and 4: with a reporting verb `volgens X` is a second layer) `volgens X` in the quote's
    # own clause before its opening mark: `die volgens directeur X gemaakt
    # is ‘voor ...’` (a person or organisation; `volgens de eerste berichten` names no source)
    # (a short marked phrase there is a term inside the `volgens` clause's own indirect report)
    for v in range(ot - 1, o_lo - 1 if len(q.text.split()) > SHORT_PHRASE_WORDS else ot, -1):
        if v in ctx.blocked or doc[v].lower_ not in lex.sources:
            continue
        if all(doc[w].is_space or doc[w].is_punct for w in range(o_lo, v)):
            break  # `Volgens X zal Y ‘...’` opening the clause: the whole clause is X's indirect report
        np = np_after(doc, v + 1, ot)
        if np is not None:
            # a name in the phrase heads it (`KLM-marketing directeur Femke de Zeeuw`)
            named = [t.i for t in doc[np[0] : np[1]] if t.ent_type_ == "PER" or t.pos_ == "PROPN"]
            src = actor_for(doc, np[0], np[1], named[-1] if named else phrase_head(doc, *np), ctx.actors)
            if src.code or src.name or is_person(doc, src):
                _set(ctx, q, src, lex.rule(lex.sources[doc[v].lower_]), v, ctx.clause_of[ot])
                return
        break
    # 4b. words quoted inside a clause about a named person, who is its subject by word order: `Van
    #     Engelshoven wil dit ‘op een meer laagdrempelige wijze regelen’` (short phrases are terms)
    if o_lo < ot and len(q.text.split()) > SHORT_PHRASE_WORDS:
        o_start, o_end = ctx.chars(o_lo, ot)
        for p in ctx.persons:
            if o_start <= p.start and p.end <= o_end and _is_subject(ctx, p):
                q.speaker, q.rule = p, lex.rule("clause-subject")
                return
    # 5. a quote standing alone (a short phrase in running text is a term or a title, not a
    #    continuation)
    if len(q.text.split()) <= SHORT_PHRASE_WORDS and not whole_sentence(doc.text, mq.open, mq.start, mq.end):
        return
    # `de campagne ‘...’`, `het boek ‘...’`: a common noun right before the mark makes it a name
    before = ot - 1
    while before >= 0 and doc[before].is_space and "\n" not in doc[before].text:
        before -= 1
    if before >= 0 and doc[before].pos_ == "NOUN" and doc[before].text[:1].islower():
        return
    # a quote opening its paragraph is introduced by what follows (`‘...’ De minister vindt ...`)
    opens_para = ctx.para(mq.open) > 0 and not doc.text[ctx.para_starts[ctx.para(mq.open) - 1] : mq.open].strip()
    if (mq.open == 0 or opens_para) and _next_sentence_speaker(ctx, q, ct):
        return
    # the nearest attribution before the quote, direct or indirect
    # the person the sentence before is about (`Kamerlid X ziet misstanden. ‘...’`), when that sentence
    # reports no one's words itself
    about = _previous_clause_person(ctx, ot)
    if about is not None and _talked_about(about, q.text, gr):
        about = None  # `Hij begon over zijn kinderen. ‘... Ik ben blij dat hij is opgepakt.’`
    if about is not None:
        q.speaker, q.rule = about, lex.rule("previous-subject")
        return
    # 6. ... or the subject of a reporting verb in the clause before (`X riep op tot kalmte. ‘...’`,
    #    `Dierenarts X kon het niet geloven. ‘...’`): nearer than an earlier quote's speaker
    o_ci = ctx.clause_of[ot]
    if o_ci > 0:
        p_lo, p_hi = ctx.clauses[o_ci - 1]
        if ctx.para(doc[p_lo].idx) >= ctx.para(mq.open) - 1:
            # the content an indirect quote there reports holds no speaker (`Die eerste groepen hebben
            # ... te verliezen, verklaart Kanne. ‘...’` is Kanne's, not the groups')
            p_start, p_end = ctx.chars(p_lo, p_hi)
            content = {
                t.i
                for iq in indirect
                if iq.start < p_end and p_start < iq.end
                for t in doc[p_lo:p_hi]
                if iq.start <= t.idx < iq.end
            }
            for v in range(p_lo, p_hi):
                hit = lex.reporting_verb(doc[v], doc) if v not in ctx.blocked else None
                if hit is None:
                    continue
                head = _subject(ctx, v, p_lo, p_hi, ctx.blocked | content, {hit[1]} if hit[1] is not None else set())
                if head is not None:
                    _set(ctx, q, _speaker_actor(ctx, head, p_lo, p_hi), lex.rule("continued"), v, ci)
                    return
    # 7. ... or the speaker of the nearest attribution before it (one without a speaker, `er werd
    #    gemeld dat`, says nothing about who speaks here)
    for prev in sorted(found + [i for i in indirect if i.end <= mq.open], key=lambda x: x.end, reverse=True):
        if prev.speaker is None:
            continue
        if (
            prev.end <= mq.open
            and 0 <= ci - prev.clause <= STANDALONE_LOOKBACK
            and ctx.para(prev.start) >= ctx.para(mq.open) - 1
            and not _talked_about(prev.speaker, q.text, gr)
        ):
            q.speaker, q.rule, q.reported_by = prev.speaker, lex.rule("continued"), prev.reported_by
            return
        break
    # 8. last resort: the speaker named in the next sentence (`‘...’ Normaal gesproken, zegt X, ...`)
    _next_sentence_speaker(ctx, q, ct)


def _subject_person(ctx: _Ctx, lo: int, hi: int) -> Actor | None:
    """The first named person in tokens [lo, hi) who stands where a subject stands (word order)."""
    if hi <= lo:
        return None
    start, end = ctx.chars(lo, hi)
    return next((p for p in ctx.persons if start <= p.start and p.end <= end and _is_subject(ctx, p)), None)


def _names_person(ctx: _Ctx, s: int, e: int) -> bool:
    """Whether a phrase names or stands for a person: a person mention, a pronoun or a title in it."""
    start, end = ctx.chars(s, e)
    return any(start <= p.start < end for p in ctx.persons) or any(
        t.pos_ == "PRON" or t.ent_type_ == "PER" or ctx.lex.title(t.text) for t in ctx.doc[s:e]
    )


def _speech_owner(ctx: _Ctx, lo: int, colon: int) -> tuple[Actor, str] | None:
    """`Maar het schokkendst was Cohens slotverklaring, ...: "..."`, `De reactie van de minister: "..."`:
    a noun for what someone said in a colon quote's lead-in (not inside a prepositional phrase: `Rutte
    over de verklaring van X:` is Rutte's) gives its owner, a genitive name before it or `van X` after it,
    as the speaker; with the entry's id."""
    doc, gr = ctx.doc, ctx.lex.grammar
    for k in range(colon - 1, lo - 1, -1):
        t = doc[k]
        entry = ctx.lex.speech_noun(t.text) if t.pos_ in {"NOUN", "PROPN"} else None
        if entry is None or k in ctx.blocked:
            continue
        g = doc[k - 1] if k - 1 >= lo else None
        if (
            g is not None
            and g.text[:1].isupper()
            and len(g.text) > 3
            and g.text.endswith(gr.genitive_ending)
            and (g.pos_ in {"PROPN", "NOUN", "X", "ADJ"} or (g.pos_ == "ADV" and g.i > lo))  # `Cohens` as ADV
            and not _in_pp(doc, g.i, lo)
        ):
            # a genitive (`Cohens`, `Trump's`): the person named before whose surname it is
            ending = gr.genitive_apostrophe if g.text.endswith(gr.genitive_apostrophe) else gr.genitive_ending
            stem = g.text[: -len(ending)]
            mention = actor_for(doc, g.i, g.i + 1, g.i, ctx.actors)
            for p in reversed([p for p in ctx.persons if p.end <= g.idx]):
                if (p.name or p.text).split()[-1] == stem:
                    return _copy_ref(p, mention), entry
            if g.pos_ != "ADJ":  # a demonym (`Nederlands`) is no owner
                return replace(mention, name=mention.name or stem), entry
        if k + 2 < colon and doc[k + 1].lower_ == gr.genitive_preposition and not _in_pp(doc, k, lo):
            np = np_after(doc, k + 2, colon)
            if np is not None:
                return _speaker_actor(ctx, phrase_head(doc, *np), np[0], np[1]), entry
        return None  # the nearest speech noun decides
    return None


def _previous_clause_person(ctx: _Ctx, ot: int) -> Actor | None:
    """The named person who is the subject of the clause just before the quote (or the only person in
    it when its subject is a demonstrative: `Voor X is dat geen ‘...’`), if that clause holds no
    reporting verb and no long quote (those have rules of their own)."""
    doc = ctx.doc
    o_ci = ctx.clause_of[ot]
    if o_ci == 0:
        return None
    p_lo, p_hi = ctx.clauses[o_ci - 1]
    if ctx.para(doc[p_lo].idx) < ctx.para(doc[ot].idx) - 1:
        return None
    if sum(1 for j in range(p_lo, p_hi) if j in ctx.blocked) > SHORT_PHRASE_WORDS + 2:
        return None
    if any(j not in ctx.blocked and doc[j].lower_ in ctx.lex.sources for j in range(p_lo, p_hi)):
        return None  # `volgens X`: the attribution rules read that clause
    c_start, c_end = ctx.chars(p_lo, p_hi)
    persons = [p for p in ctx.persons if c_start <= p.start and p.end <= c_end]
    if not persons:
        # `In een interview wijst hij op ... "..."`: a personal pronoun as its subject stands for the
        # person (resolved with the other speakers' pronouns)
        return _pronoun_subject(ctx, p_lo, p_hi)
    # a person in subject position by word order (`Maar Pompeo tempert die verwachtingen.`)
    for p in persons:
        if _is_subject(ctx, p):
            return p
    if any(j not in ctx.blocked and ctx.lex.reporting_verb(doc[j], doc) for j in range(p_lo, p_hi)):
        return None  # a reporting verb with another subject: rule 6 reads it
    subject_found = False
    for r in range(p_lo, p_hi):
        if doc[r].dep_ != "ROOT" and p_lo <= doc[r].head.i < p_hi:
            continue
        head = _subject(ctx, r, p_lo, p_hi, ctx.blocked)
        if head is None:
            continue
        subject_found = True
        s, e = np_span(doc, head, p_lo, p_hi)
        hs, he = ctx.chars(s, e)
        for p in persons:
            if p.start < he and hs < p.end:
                return p
    return persons[0] if len(persons) == 1 and not subject_found else None


def _pronoun_subject(ctx: _Ctx, lo: int, hi: int) -> Actor | None:
    """A singular personal pronoun (`hij`, `zij`, `ze`) where a subject stands in [lo, hi): opening the
    clause before its finite verb, or right after the clause's first finite verb."""
    doc = ctx.doc
    fin = next(
        (
            k
            for k in range(lo, hi)
            if doc[k].pos_ in {"VERB", "AUX"} and "Fin" in doc[k].morph.get("VerbForm") and k not in ctx.blocked
        ),
        None,
    )
    first = next((k for k in range(lo, hi) if not (doc[k].is_punct or doc[k].is_space or doc[k].pos_ == "CCONJ")), lo)
    for k in range(lo, hi):
        if k in ctx.blocked or doc[k].lower_ not in ctx.lex.grammar.third_person_subjects:
            continue
        # by word order, or the parser's subject of the main clause (`In een interview wijst zij op`,
        # `wijst` tagged as a noun)
        placed = fin is not None and (k == fin + 1 or (k == first and k + 1 == fin))
        parsed = doc[k].dep_ == "nsubj" and doc[k].head.dep_ == "ROOT" and _head_inside(doc, k, lo, hi)
        verb = doc[fin] if placed and fin is not None else doc[k].head
        if (placed or parsed) and "Plur" not in verb.morph.get("Number"):
            return next((a for a in ctx.actors if a.start == doc[k].idx), None) or bare_actor(doc, k, k + 1)
    return None


def _head_inside(doc: Doc, k: int, lo: int, hi: int) -> bool:
    """Whether token k's head lies in the same clause [lo, hi)."""
    return lo <= doc[k].head.i < hi


def _next_sentence_speaker(ctx: _Ctx, q: FoundQuote, ct: int) -> bool:
    """The subject of a reporting (or opinion) verb in the sentence right after the quote, in the
    same paragraph: `‘...’ Normaal gesproken, zegt X, ...`, `‘...’ De minister vindt het ...`,
    `‘...’ X liet dat weten`."""
    doc, lex = ctx.doc, ctx.lex
    k = ct + 1
    while k < len(doc) and doc[k].is_space:
        if "\n" in doc[k].text:
            return False
        k += 1
    if k >= len(doc) or ctx.clause_of[k] == ctx.clause_of[ct] or not doc[k].text[:1].isupper():
        return False
    ci = ctx.clause_of[k]
    c_lo, c_hi = ctx.clauses[ci]
    demonstrative = {
        j for j in range(c_lo, c_hi) if doc[j].lower_ in lex.grammar.resumptive_words and doc[j].pos_ != "SCONJ"
    }
    for v in range(c_lo, c_hi):
        if v > c_lo and doc[v].lower_ in lex.complementizers:
            break  # `Uit onderzoek bleek dat de helft vindt ...`: a verb in reported content is no cue
        hit = lex.reporting_verb(doc[v], doc) if v not in ctx.blocked else None
        if hit is None or hit[0].kind == "naming":
            continue
        # (the subject stands outside the content the verb reports: `X pleiten ervoor dat WOD-trajecten ...`)
        comp = next((j for j in range(v + 1, c_hi) if doc[j].lower_ in lex.complementizers), c_hi)
        content = set(range(comp, c_hi))
        head = _subject(
            ctx, v, c_lo, c_hi, ctx.blocked | demonstrative | content, {hit[1]} if hit[1] is not None else set()
        )
        if head is not None:
            _set(ctx, q, _speaker_actor(ctx, head, c_lo, c_hi), lex.rule("next-sentence"), v, ci)
            q.hedged = _hedge(ctx, v, c_lo, c_hi)
            return True
    return False
