"""Quotes with no cue of their own: continuing the quote before, the passage's salient person, the
subject of the quoted phrase, a quote about the speaker's own account, and a last best guess.
"""

from __future__ import annotations

from grotius.coding.quotes.context import (
    NEXT_SPEAKER_CLAUSES,
    QUOTE_CHARS,
    SALIENT_LOOKBACK,
    SHORT_PHRASE_WORDS,
    STANDALONE_LOOKBACK,
    FoundQuote,
    _Ctx,
    _first_person,
    _is_subject,
    _named,
    _set,
    _speaker_actor,
    _subject,
    _talked_about,
)
from grotius.coding.quotes.lexicon import QuoteGrammar
from grotius.coding.quotes.marks import MarkedQuote
from grotius.coding.quotes.references import (
    is_person,
)
from grotius.datamodel import Actor


def _continue_standalone(ctx: _Ctx, quotes: list[FoundQuote]) -> None:
    """Second pass for direct quotes still without speaker, now that `volgens`/`aldus` attributions
    exist: the nearest attribution before it (same or previous paragraph, a few clauses back)."""
    ordered = sorted(quotes, key=lambda x: x.start)
    gr = ctx.lex.grammar
    for i, q in enumerate(ordered):
        if q.speaker is not None or not q.direct or len(q.text.split()) <= SHORT_PHRASE_WORDS:
            continue
        for prev in reversed(ordered[:i]):
            if prev.end > q.start or prev.speaker is None:
                continue
            if (
                0 <= q.clause - prev.clause <= STANDALONE_LOOKBACK
                and ctx.para(prev.start) >= ctx.para(q.start) - 1
                and not _talked_about(prev.speaker, q.text, gr)
            ):
                q.speaker, q.reported_by, q.rule = prev.speaker, prev.reported_by, ctx.lex.rule("continued")
            break
        if q.speaker is None and _first_person(q.text, gr):
            # a quote in the first person with no cue near it is spoken by whom the passage is about:
            # the person named last, or the speaker of the last attributed quote, whichever is nearer
            _salient_speaker(ctx, q, ordered[:i])


def _unresolved(a: Actor | None, gr: QuoteGrammar) -> bool:
    """No speaker, or a pronoun left without a name (or named by another pronoun: `ze` -> `ik`)."""
    if a is None:
        return True
    # (a first-person `ik` is the writer or the speaker the text presents, never left to guess)
    return a.text.lower() in gr.third_person_pronouns and not _named(a, gr)


def _best_guess(ctx: _Ctx, quotes: list[FoundQuote]) -> None:
    """Last pass: a quote whose cues gave no speaker (or an unresolved pronoun) gets the best-scoring
    candidate rather than none, since an empty speaker is as wrong as a wrong one. Preference order:
    (1) the nearer of the last attributed speaker and the last person named before it, a few sentences
    back (rule `salient`); (2) else the speaker of the next attributed quote in the same or next
    paragraph, NEXT_SPEAKER_CLAUSES clauses on at most (rule `next-speaker`: `"...". "...", zegt X.`)."""
    ordered = sorted(quotes, key=lambda x: x.start)
    gr = ctx.lex.grammar
    for i, q in enumerate(ordered):
        if not _unresolved(q.speaker, gr) or (q.speaker is None and _names_a_title(ctx, q)):
            continue
        saved = q.speaker, q.reported_by, q.rule
        q.speaker = None
        done = [p for p in ordered[:i] if not _unresolved(p.speaker, gr)]
        _salient_speaker(ctx, q, done)
        if q.speaker is None:
            after = [
                p
                for p in ordered[i + 1 :]
                if not _unresolved(p.speaker, gr)
                and p.start >= q.end
                and 0 < _word_clauses(ctx, q.end - 1, p.start) <= NEXT_SPEAKER_CLAUSES
                and ctx.para(p.start) <= ctx.para(q.start) + 1
            ]
            if after:
                q.speaker, q.reported_by, q.rule = after[0].speaker, after[0].reported_by, ctx.lex.rule("next-speaker")
        if q.speaker is None:
            q.speaker, q.reported_by, q.rule = saved


def _word_clauses(ctx: _Ctx, a: int, b: int) -> int:
    """Clauses from the one holding char ``a`` to the one holding char ``b``, not counting those of
    quotation marks alone."""
    lo, hi = ctx.clause_at(a), ctx.clause_at(b)
    return sum(1 for ci in range(lo + 1, hi + 1) if any(t.is_alpha for t in ctx.doc[slice(*ctx.clauses[ci])]))


def _own_account(ctx: _Ctx, mq: MarkedQuote, q: FoundQuote) -> None:
    """`X, naar eigen zeggen een '...'`, `Hij gaf naar eigen zeggen ..., maar die 'veegde hem'`: a marked
    phrase after `naar eigen zeggen` in its clause is said by the phrase before the comma that opens
    it, else by the clause's subject (rule `eigen-zeggen`); overrides cues further away."""
    doc = ctx.doc
    ot = ctx.tok(mq.open)
    # in the sentence, at most a dozen words before the mark, with no colon or other mark between
    n = None
    for j in range(ot - 3, max(-1, ot - 15), -1):
        if doc[j].text in {".", "!", "?", ":", ";"} or (j in ctx.blocked and j < ot):
            break
        own = ctx.lex.grammar.own_account_phrase
        if [t.lower_ for t in doc[j : j + len(own)]] == list(own):
            n = j
            break
    if n is None:
        return
    lo, _ = ctx.clauses[ctx.clause_of[n]]
    if n - 2 >= lo and doc[n - 1].text == ",":
        _set(ctx, q, _speaker_actor(ctx, n - 2, lo, n - 1), ctx.lex.rule("eigen-zeggen"), n, ctx.clause_of[n])
        return
    fin = next(
        (k for k in range(lo, n) if doc[k].pos_ in {"VERB", "AUX"} and "Fin" in doc[k].morph.get("VerbForm")), None
    )
    head = _subject(ctx, fin, lo, n, ctx.blocked) if fin is not None else None
    if head is not None:
        _set(ctx, q, _speaker_actor(ctx, head, lo, n), ctx.lex.rule("eigen-zeggen"), n, ctx.clause_of[n])


def _names_a_title(ctx: _Ctx, q: FoundQuote) -> bool:
    """A marked text right after a common noun (`de campagne 'Aardige mensen. ...'`) is a title it names,
    not speech: no guess for it."""
    if not q.direct:
        return False
    k = ctx.tok(q.start) - 1
    while k >= 0 and (ctx.doc[k].is_space or set(ctx.doc[k].text) <= QUOTE_CHARS):
        k -= 1  # over the opening mark only: a full stop before it ends a sentence, no title's noun
    t = ctx.doc[k] if k >= 0 else None
    return t is not None and t.pos_ == "NOUN" and t.text[:1].islower() and ctx.lex.speech_noun(t.text) is None


def _phrase_subject(ctx: _Ctx, mq: MarkedQuote, q: FoundQuote) -> None:
    """A marked phrase inside a clause whose subject is a named actor (a person, an organisation,
    a country) is that subject's words: `Aventus is 'enorm geschrokken'`, `Syrië ziet het besluit als
    een '...'`. Rule `phrase-subject`."""
    ot = ctx.tok(mq.open)
    ci = ctx.clause_of[ot]
    lo, _ = ctx.clauses[ci]
    start, _ = ctx.chars(lo, lo + 1)
    for a in ctx.actors:
        if a.start < start or a.end > mq.open or not (a.name or a.code):
            continue
        if a.text.lower() in ctx.lex.grammar.personal_pronouns or not _is_subject(ctx, a):
            continue
        _set(ctx, q, a, ctx.lex.rule("phrase-subject"), ot, ci)
        return


def _salient_speaker(ctx: _Ctx, q: FoundQuote, before: list[FoundQuote]) -> None:
    """The nearest person named before the quote (outside quotes) or the last speaker of a quote before
    it, a few sentences back within the last paragraphs; sets the speaker (rule `salient`)."""
    here, para = q.clause, ctx.para(q.start)

    def near(char: int) -> bool:
        return 0 <= here - ctx.clause_at(char) <= SALIENT_LOOKBACK and ctx.para(char) >= para - 2

    quoted = [(p.start, p.end) for p in before if p.direct]
    named = [
        (p.end, p, None)
        for p in ctx.persons
        if p.end <= q.start and near(p.start) and not any(s <= p.start < e for s, e in quoted)
    ]
    spoken = [
        (p.end, p.speaker, p.reported_by)
        for p in before
        if p.speaker is not None
        and p.end <= q.start
        and near(p.start)
        and (p.speaker.name or is_person(ctx.doc, p.speaker))
    ]
    if not named and not spoken:
        return
    _, speaker, reported_by = max(named + spoken, key=lambda c: c[0])
    q.speaker, q.reported_by, q.rule = speaker, reported_by, ctx.lex.rule("salient")
