"""Within-article references the actor resolver left open in speakers and sources: pronouns
(`hij`, plural `ze`, chains of the same pronoun), roles (`de Amerikaanse krant`), and
organisation descriptions (`het bedrijf`), each to the mention it stands for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from grotius.coding.quotes.context import (
    CHAIN_LOOKBACK,
    STANDALONE_LOOKBACK,
    FoundQuote,
    _copy_ref,
    _Ctx,
    _is_subject,
    _named,
    _phrase_of,
)
from grotius.coding.quotes.references import (
    ROLE_LOOKBACK,
    is_person,
    nearest_person,
    role_antecedent,
    role_titles,
)
from grotius.coding.quotes.speakers import (
    actor_for,
    np_span,
)
from grotius.datamodel import Actor


def _resolve_references(ctx: _Ctx, quotes: list[FoundQuote]) -> None:
    """Definite media descriptions and bare pronouns the resolver left open, resolved to the source
    named before them; the reportive hedge inherits the paragraph's last named source."""
    sources: list[Actor] = [a for a in ctx.actors if a.sector == "MED"]
    # a mention several quotes share (`‘...’, liet ze weten. ‘...’`: the continued quote has the same
    # `ze`) is resolved once, for the first of them, and stands for the same one in all
    done: dict[tuple[int, int], Actor] = {}
    for q in sorted(quotes, key=lambda x: x.start):
        for attr in ("speaker", "reported_by"):
            a: Actor | None = getattr(q, attr)
            # a named person or organisation is resolved; a role (`Amerikaanse krant` = USAMED) may still
            # stand for the one named before it, and a pronoun the resolver tied to something other than
            # a person (`hij` -> a company) gets a person if the article offers one
            if a is None:
                continue
            key = (a.start, a.end)
            if key not in done:
                # resolved for the quote whose cue it is: the nearest one before the mention (the later
                # quotes' words are not what the mention could refer back to)
                sharing = [p for p in quotes if (m := getattr(p, attr)) is not None and (m.start, m.end) == key]
                owner = max((p for p in sharing if p.end <= a.start), key=lambda p: p.end, default=q)
                saved = getattr(owner, attr)
                setattr(owner, attr, a)
                _resolve_one(ctx, quotes, sources, owner, attr, a)
                done[key] = getattr(owner, attr)
                setattr(owner, attr, saved)
            setattr(q, attr, done[key])
        for a in (q.speaker, q.reported_by):
            if a is not None:
                sources.append(a)
        sources.sort(key=lambda x: x.end)
    last_by_para: dict[int, Actor] = {}
    for q in sorted(quotes, key=lambda x: x.start):
        p = ctx.para(q.start)
        if q.hedged and q.reported_by is None and p in last_by_para and last_by_para[p] is not q.speaker:
            q.reported_by = last_by_para[p]
        explicit = q.reported_by or (q.speaker if q.rule and q.rule.endswith("#volgens") else None)
        if explicit is not None:
            last_by_para[p] = explicit


def _resolve_one(ctx: _Ctx, quotes: list[FoundQuote], sources: list[Actor], q: FoundQuote, attr: str, a: Actor) -> None:
    """Resolve one speaker or reported_by mention of ``q`` in place (see _resolve_references)."""
    doc, gr = ctx.doc, ctx.lex.grammar
    if a.text.lower() in gr.plural_pronouns and _plural_subject(doc, a):
        # `Zij denken dat ...`: a plural pronoun stands for a group, never for one person
        group = _plural_antecedent(ctx, a, quotes)
        setattr(q, attr, _copy_ref(group, a) if group is not None else replace(a, name=None, code=None))
        return
    # (the resolver marks a pronoun it only guessed, `pronoun-guess`: the speaker chain knows better)
    guessed_pronoun = a.text.lower() in gr.third_person_pronouns and (
        not is_person(doc, a) or a.via == "pronoun-guess" or _named_only_in_quotes(ctx, a)
    )
    span = _with_determiner(doc, a)
    # `de PvdA'er`: a party member named by the party's suffix is a role, whatever party the resolver
    # gave it, and stands for the member named before
    member = (
        span is not None
        and len(span) == 2
        and span[0].lower_ in gr.common_gender_determiners
        and any(span[1].lower_.endswith(sfx) for sfx in ctx.lex.title_suffixes)
    )
    if a.name and a.via != "quote-span" and not guessed_pronoun and not member:
        return
    if span is None:
        return
    words = [t.lower_ for t in span]
    if any(w in ctx.lex.media_nouns for w in words) and words[0] in gr.back_reference_determiners:
        prior = [
            s
            for s in sources
            if s.end <= a.start
            and s.name
            and _media_like(ctx, s)
            and (s.country is None or a.country is None or s.country == a.country)
        ]
        if prior:
            setattr(q, attr, _copy_ref(prior[-1], a))
    elif len(words) == 1 and words[0] in gr.third_person_pronouns:
        ref = _pronoun_antecedent(ctx, quotes, q, a)
        if ref is not None:
            setattr(q, attr, _copy_ref(ref, a))
        elif a.name and (a.name.lower() in gr.personal_pronouns or _named_only_in_quotes(ctx, a)):
            # a pronoun is no name (`ze` -> `Ik`), nor a word only quoted (`ze` -> `Houd`)
            setattr(q, attr, replace(a, name=None))
    elif len(words) == 1 and words[0] in gr.demonstrative_pronouns:
        # `Die hield vol dat ...`: the person named last, just before
        outside = [p for p in ctx.persons if not q.start <= p.start < q.end]
        ref = nearest_person(outside, a.start, ctx.clause_at, 2)
        if ref is not None:
            setattr(q, attr, _copy_ref(ref, a))
    elif attr == "speaker" and (titles := role_titles(ctx.lex, span)):
        # `zei de stafchef`, `aldus de PvdA'er`: the person the article named with that role
        ref = role_antecedent(
            doc, ctx.lex, ctx.persons, a, titles, ctx.clause_at, lambda p: not _object_of_pronoun(ctx, p)
        )
        if ref is not None:
            setattr(q, attr, _copy_ref(ref, a))
    elif (ref := _organisation_antecedent(ctx, a, span)) is not None:
        # `aldus het bedrijf`, `redeneerde dat instituut`: the organisation named before
        setattr(q, attr, _copy_ref(ref, a))


def _organisation_antecedent(ctx: _Ctx, a: Actor, span: Any) -> Actor | None:
    """The organisation a definite description stands for: the last named non-person actor, a few
    clauses back, whose name ends in the description's noun (`het instituut` -> Zorginstituut), or any
    named organisation when the noun is a generic one (`het bedrijf`, `de supermarktketen`)."""
    doc = ctx.doc
    words = [t for t in span if not t.is_punct]
    determiners = ctx.lex.grammar.back_reference_determiners
    if words and words[0].lower_ not in determiners and words[0].i > 0 and doc[words[0].i - 1].lower_ in determiners:
        words.insert(0, doc[words[0].i - 1])  # `dat instituut`, the demonstrative tagged as a conjunction
    if len(words) < 2 or words[0].lower_ not in determiners:
        return None
    # (a capitalised adjective before the head is a demonym, `het Chinese concern`, not a name)
    if any(
        (t.pos_ == "PROPN" or t.ent_type_ or t.text[:1].isupper()) and not (t.pos_ == "ADJ" and t is not words[-1])
        for t in words[1:]
    ):
        return None  # a name in the phrase names the speaker itself
    head = words[-1].lower_
    generic = any(head == n or (head.endswith(n) and len(head) - len(n) >= 3) for n in ctx.lex.org_nouns)
    here = ctx.clause_at(a.start)
    quoted = _quoted(ctx)
    for c in reversed(ctx.actors):
        if c.end > a.start or not c.name or here - ctx.clause_at(c.start) > ROLE_LOOKBACK:
            continue
        if is_person(doc, c) or any(s <= c.start < e for s, e in quoted):
            continue
        last = c.text.split()[-1].lower() if c.text else ""
        compound = len(head) >= 4 and last.endswith(head) and last != head
        mention = doc.char_span(c.start, c.end, alignment_mode="expand")
        organisation = bool(c.org) or (mention is not None and any(t.ent_type_ == "ORG" for t in mention))
        if compound or (generic and organisation):
            return c
    return None


def _named_only_in_quotes(ctx: _Ctx, a: Actor) -> bool:
    """Whether the name the resolver gave a pronoun occurs in the text only inside quotation marks
    (`,,Houd je mond'', zei ze` -> `Houd`): a word quoted is no antecedent."""
    word = a.name.split()[-1] if a.name else ""  # the surname: the article may give the full name once
    if not word or word not in ctx.doc.text:
        return False
    quoted = _quoted(ctx)
    i = ctx.doc.text.find(word)
    while i >= 0:
        if not any(s <= i < e for s, e in quoted):
            return False
        i = ctx.doc.text.find(word, i + 1)
    return True


def _quoted(ctx: _Ctx) -> list[tuple[int, int]]:
    """Char ranges inside quotation marks (a name there is talked about, not introduced)."""
    spans: list[tuple[int, int]] = []
    for k in sorted(ctx.blocked):
        s, e = ctx.doc[k].idx, ctx.doc[k].idx + len(ctx.doc[k].text)
        if spans and spans[-1][1] >= s - 1:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _plural_subject(doc: Doc, a: Actor) -> bool:
    """Whether a pronoun mention is the subject of a plural finite verb (`zij denken`, `stellen zij`)."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    t = span[0]
    # the parser's head, or the finite verb next to it (Dutch puts a subject pronoun right before or after
    # the finite verb: `Ze zijn het eens`, `stellen zij`, whatever the parser made the head)
    verbs = ([t.head] if t.dep_.startswith("nsubj") else []) + [doc[j] for j in (t.i - 1, t.i + 1) if 0 <= j < len(doc)]
    return any(
        v.pos_ in {"VERB", "AUX"} and "Plur" in v.morph.get("Number") and "Fin" in v.morph.get("VerbForm")
        for v in verbs
    )


def _plural_antecedent(ctx: _Ctx, a: Actor, quotes: list[FoundQuote]) -> Actor | None:
    """The plural subject a plural pronoun refers back to: the last plural noun, or coordination
    (`X en Y`), that is a subject outside quoted or reported content, at most a few clauses back."""
    doc, gr = ctx.doc, ctx.lex.grammar
    reported = [(q.start, q.end) for q in quotes]
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return None
    here = ctx.clause_of[span.start]
    first = ctx.clauses[max(0, here - STANDALONE_LOOKBACK)][0]
    # the speaker an earlier quote was given counts as a subject whatever the parser made of it
    # (`Onderwijsdeskundigen zijn het erover eens dat ... Ze zijn het ook eens dat ...`)
    speakers = [
        (p.speaker.start, p.speaker.end)
        for p in quotes
        if p.speaker is not None and p.speaker.end <= a.start and p.speaker.text.lower() not in gr.personal_pronouns
    ]
    for k in range(span.start - 1, first - 1, -1):
        t = doc[k]
        spoke = any(s <= t.idx < e for s, e in speakers)
        if (
            k in ctx.blocked
            or not (t.dep_.startswith("nsubj") or spoke)
            or t.lower_ in gr.personal_pronouns
            or any(s <= t.idx < e for s, e in reported)
        ):
            continue
        plural = (
            ("Plur" in t.morph.get("Number") and t.pos_ in {"NOUN", "PROPN"})
            or any(c.dep_ == "conj" for c in t.children)
            or (
                spoke
                and t.pos_ in {"NOUN", "ADJ"}
                and t.lower_.endswith(gr.plural_ending)
                and "Sing" not in t.morph.get("Number")
            )
        )
        if plural:
            lo, hi = ctx.clauses[ctx.clause_of[k]]
            s, e = np_span(doc, k, lo, hi)
            return actor_for(doc, s, e, k, ctx.actors)
    return None


def _pronoun_antecedent(ctx: _Ctx, quotes: list[FoundQuote], q: FoundQuote, a: Actor) -> Actor | None:
    """`X herhaalde dat hij ...`: the speaker of the quote the pronoun stands in, else the last
    speaker before it in this or the previous paragraph (a volgens-source is not a person)."""
    gr = ctx.lex.grammar

    def usable(p: FoundQuote) -> bool:
        return (
            p is not q
            and p.speaker is not None
            and (p.speaker.text.lower() not in gr.third_person_pronouns or bool(p.speaker.name))
            and not (p.rule or "").endswith("#volgens")
            # a third-person pronoun never stands for a speaker who says `ik`/`we` unnamed (`zei ze` after
            # `probeerde ik`: the other one in the dialogue)
            and not (p.speaker.text.lower() in gr.first_person and not _named(p.speaker, gr))
            # nor for a phrase that names no one and is no person (`Deze editie: ‘...’`)
            and (_named(p.speaker, gr) or bool(p.speaker.code) or is_person(ctx.doc, p.speaker))
        )

    around = [p for p in quotes if usable(p) and p.start <= a.start < p.end]
    if around:
        return min(around, key=lambda p: p.end - p.start).speaker
    # the person named last, a few clauses back (`... werd Eric Drouet beboet. ‘...’, vertelde hij`),
    # unless a speaker was mentioned after them
    # (never one named in the words the pronoun's own clause reports: `... het programma dat Obama
    # opzette, vindt hij`; their subject only as a last resort: `X wil terug. Dit zei ze`)
    outside = [p for p in ctx.persons if not q.start <= p.start < q.end]
    # a person named inside a prepositional phrase (`naar het Grand Café X`, `de jas van Mia`) is not
    # what a subject pronoun picks up when the subject named before them is there to be
    named = nearest_person(
        [p for p in outside if not _mention_in_pp(ctx, p)], a.start, ctx.clause_at, STANDALONE_LOOKBACK
    )
    before = [
        p
        for p in quotes
        if usable(p)
        and p.end <= a.start
        and ctx.para(p.start) >= ctx.para(a.start) - 1
        and p.speaker is not None
        and p.speaker.end <= a.start
    ]
    last = max(before, key=lambda p: p.speaker.end).speaker if before else None  # type: ignore[union-attr]
    if named is not None and (last is None or named.start >= last.start):
        # `Dit zei hij. ... trouwde hij met X. ... vertelde hij`: the same pronoun as the last speaker
        # keeps referring to them unless the person named since is a subject themselves
        if last is not None and last.text.lower() == a.text.lower() and not _is_subject(ctx, named):
            return last
        return named
    if named is None:
        # `Annabel X spant de kroon. Ze zit ... Van kritiek wil ze niet weten. ‘...’, liet ze weten`: a chain
        # of the same pronoun leads back to the person it started from, past the speakers of other genders
        chained = _pronoun_chain(ctx, a, [p for p in outside if not _mention_in_pp(ctx, p)])
        if chained is not None:
            return chained
        # `Ik sprak die dag een leraar van groep 7. Zij zei: ‘...’`: with no person named near, one
        # introduced by their role just before (this clause or the one before), nearer than the last speaker
        role = _role_before(ctx, a)
        if role is not None and (last is None or last.end < role.start):
            return role
    if last is not None:
        return last
    inside = [p for p in ctx.persons if q.start <= p.start < q.end and _is_subject(ctx, p)]
    subject = nearest_person(inside, a.start, ctx.clause_at, STANDALONE_LOOKBACK)
    if subject is not None:
        return subject
    # no speaker yet: the nearest person named before it, further back
    return nearest_person(outside, a.start, ctx.clause_at, 2 * STANDALONE_LOOKBACK)


def _mention_in_pp(ctx: _Ctx, a: Actor) -> bool:
    """Whether a mention is the object of a preposition (not a subject or object of its clause)."""
    span = ctx.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    doc = ctx.doc
    lo = ctx.clauses[ctx.clause_of[span.start]][0]
    # the phrase the mention ends (`het Bossche Grand Café X`), begun no later than the mention itself (a
    # name's own `van`, `Jasmine van Kessel`, is no preposition), right after a preposition
    s, _ = np_span(doc, span.start, lo, span.start + 1)
    s = min(s, span.start)
    while s > lo and doc[s - 1].pos_ in {"PROPN", "DET", "ADJ"} and doc[s - 1].text[:1].isupper():
        s -= 1
    if s > lo and doc[s - 1].pos_ in {"DET", "ADJ"}:
        s -= 1
    # (`als het aan X ligt`: X is the one whose wishes the clause is about, salient as a subject)
    gr = ctx.lex.grammar
    opening = gr.lies_with_opening
    if (
        s >= len(opening)
        and [t.lower_ for t in doc[s - len(opening) : s]] == list(opening)
        and any(doc[j].lower_ in gr.lies_with_verbs for j in range(span.end, min(len(doc), span.end + 2)))
    ):
        return False
    # (`volgens X` names a source, salient as any subject)
    return (
        s - 1 >= lo
        and doc[s - 1].pos_ == "ADP"
        and doc[s - 1].text[:1].islower()
        and doc[s - 1].lower_ not in ctx.lex.sources
    )


def _role_before(ctx: _Ctx, a: Actor) -> Actor | None:
    """The last singular noun phrase headed by a person's title or occupation (`een leraar van groep 7`)
    in the pronoun's clause before it or in the clause before that, outside quotes; else None."""
    doc = ctx.doc
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return None
    ci = ctx.clause_of[span.start]
    lo = ctx.clauses[max(0, ci - 1)][0]
    for k in range(span.start - 1, lo - 1, -1):
        t = doc[k]
        if (
            k in ctx.blocked
            or t.pos_ != "NOUN"
            or "Plur" in t.morph.get("Number")
            or not t.text[:1].islower()
            or not ctx.lex.title(t.text)
        ):
            continue
        c_lo, c_hi = ctx.clauses[ctx.clause_of[k]]
        s, e = np_span(doc, k, c_lo, c_hi)
        while (
            e + 2 < c_hi
            and doc[e].lower_ == ctx.lex.grammar.genitive_preposition
            and doc[e + 1].pos_ in {"NOUN", "NUM", "DET", "PROPN"}
        ):
            e += 2 if doc[e + 1].pos_ != "DET" else 3  # `leraar van groep 7`: its complement
            while e < c_hi and doc[e].pos_ in {"NUM", "NOUN", "PROPN"}:
                e += 1
        return actor_for(doc, s, min(e, c_hi), k, ctx.actors)
    return None


def _pronoun_chain(ctx: _Ctx, a: Actor, persons: list[Actor]) -> Actor | None:
    """The person a personal pronoun's chain starts from: going back clause by clause, each clause holding
    a pronoun of the same gender (outside quotes) extends the chain; the first named person met before
    the chain breaks (two clauses with neither) is the antecedent."""
    forms = ctx.lex.grammar.third_person_forms.get(a.text.lower())
    if forms is None:
        return None
    here = ctx.clause_at(a.start)
    gap = 0
    for ci in range(here, max(-1, here - CHAIN_LOOKBACK), -1):
        lo, hi = ctx.clauses[ci]
        start, end = ctx.chars(lo, hi)
        named = [p for p in persons if start <= p.start < end and p.end <= a.start]
        if named:
            return named[-1]
        if ci != here and not any(ctx.doc[k].lower_ in forms and k not in ctx.blocked for k in range(lo, hi)):
            gap += 1
            if gap > 1:
                return None
    return None


def _object_of_pronoun(ctx: _Ctx, a: Actor) -> bool:
    """Whether a person's phrase follows a subject pronoun right away (`omdat hij de profeet X een ...
    genoemd zou hebben`): the object of someone else's clause, not a person a later role stands for."""
    doc = ctx.doc
    found = _phrase_of(ctx, a)
    if found is None:
        return False
    span, s, lo, _ = found
    while s < span.start and doc[s].pos_ == "DET":
        s += 1
    k = s - 1
    while k >= lo and doc[k].pos_ == "DET":
        k -= 1
    return k >= lo and doc[k].lower_ in ctx.lex.grammar.subject_pronouns


def _with_determiner(doc: Doc, a: Actor) -> Any:
    """The mention's tokens, with the determiner before it when the resolver's span left it out."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is not None and span.start > 0 and doc[span.start - 1].pos_ == "DET":
        return doc[span.start - 1 : span.end]
    return span


def _media_like(ctx: _Ctx, a: Actor) -> bool:
    if a.sector == "MED":
        return True
    if a.code or a.via == "coref":
        return False
    span = ctx.doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "ORG" for t in span) and not any(t.ent_type_ == "PER" for t in span)
