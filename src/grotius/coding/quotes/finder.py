"""The quote finder: direct quotes (quotation marks) and indirect speech (reporting verb + `dat`,
`volgens X`), each with its speaker and, when a second source vouches for it, ``reported_by``.

Order of work, each step using what the earlier ones found:
1. clauses: the parser's sentences, re-cut at hard punctuation and paragraph breaks (robust to
   segmentation errors);
2. quotation marks (raw text) and reporting verbs / `volgens` / `aldus` / hedges (lexicon);
3. indirect speech from reporting verbs with a complementiser;
4. each direct quote's speaker: cue after it (`, zei X`, `, aldus X`, `Dat zegt X`), cue before it
   (`X zei: ‘...’`, `X: ‘...’`), the indirect speech it sits in (`X zei dat er ‘...’`), a reporting
   verb in its clause, else the speaker of the quote just before (a quote standing alone);
5. `volgens X`: reported_by of the clause's other attributions, else an attribution of its own;
6. within-article references the resolver left open (`de Amerikaanse krant`, `hij`), and the
   reportive hedge (`zou gezegd hebben`) inheriting the source named before in the paragraph.

Step 3 and 5 live in ``indirect``, step 4 in ``direct`` and (quotes with no cue of their own)
``standalone``, step 6 in ``antecedents``; ``context`` holds what they share.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from grotius.coding.quotes.antecedents import _resolve_references
from grotius.coding.quotes.context import SHORT_PHRASE_WORDS, FoundQuote, _Ctx, _time_tokens, clauses, whole_sentence
from grotius.coding.quotes.direct import _direct_speaker
from grotius.coding.quotes.indirect import _indirect, _volgens
from grotius.coding.quotes.lexicon import lexicon
from grotius.coding.quotes.marks import find_marked_quotes
from grotius.coding.quotes.references import person_mentions
from grotius.coding.quotes.speakers import bare_actor
from grotius.coding.quotes.standalone import _best_guess, _continue_standalone, _own_account, _phrase_subject
from grotius.datamodel import Actor, Quote


def find_quotes(doc: Doc, actors: list[Actor], lang: str = "nl", timexes: Iterable[Any] | None = None) -> list[Quote]:
    """Direct and indirect quotes of ``doc`` with speaker and reported_by, sorted by start.
    ``timexes`` (objects with ``start``/``end`` char offsets) spare re-tagging time expressions."""
    if len(doc) == 0:
        return []
    cl = clauses(doc)
    clause_of = [0] * len(doc)
    for ci, (s, e) in enumerate(cl):
        for k in range(s, e):
            clause_of[k] = ci
    paras = [i + 1 for i, ch in enumerate(doc.text) if ch == "\n"]
    ctx = _Ctx(
        doc=doc,
        actors=sorted(actors, key=lambda a: a.start),
        lex=lexicon(lang),
        clauses=cl,
        clause_of=clause_of,
        para_starts=paras,
        timewords=_time_tokens(doc, timexes),
        persons=person_mentions(doc, actors, lexicon(lang)),
    )
    marked = find_marked_quotes(doc.text, lang)
    for mq in marked:
        ctx.blocked.update(range(ctx.tok(mq.open), ctx.tok(mq.close if mq.closed else mq.end - 1) + 1))
    # a person named inside a quotation is talked about, not introduced as a speaker
    ctx.persons = [p for p in ctx.persons if not any(mq.start <= p.start < mq.end for mq in marked)]
    indirect = _indirect(ctx)
    direct: list[FoundQuote] = []
    speech_marked: set[int] = set()  # ids of quotes in the low-high speech marks `,,...''` / `„...”`
    for mq in marked:
        q = FoundQuote(speaker=None, start=mq.start, end=mq.end, text=doc.text[mq.start : mq.end], direct=True)
        _direct_speaker(ctx, mq, q, indirect, direct)
        _own_account(ctx, mq, q)
        if q.speaker is None:
            _phrase_subject(ctx, mq, q)
        # (a short quote that is a sentence of its own is speech in any marks: `"Alles is traceerbaar."`)
        if doc.text[mq.open] in {",", "„"} or whole_sentence(doc.text, mq.open, mq.start, mq.end):
            speech_marked.add(id(q))
        direct.append(q)
    # an indirect quote that is mostly a direct quote is reported once, as the direct one
    # (a short marked phrase inside it, `dat het Westen ‘Rusland wil vernietigen’`, does not count)
    kept = [
        iq
        for iq in indirect
        if sum(
            max(0, min(iq.end, d.end) - max(iq.start, d.start))
            for d in direct
            if len(d.text.split()) > SHORT_PHRASE_WORDS
        )
        < 0.5 * (iq.end - iq.start)
    ]
    # a short marked phrase with no speaker is a title, a scare quote or a term, not speech; Dutch papers'
    # low-high marks (`,,Prima uitgangspositie.''`) enclose speech only
    direct = [
        q for q in direct if q.speaker is not None or len(q.text.split()) > SHORT_PHRASE_WORDS or id(q) in speech_marked
    ]
    quotes = direct + kept
    used = {
        q.cue_start
        for q in direct
        if q.cue_start is not None and q.rule and q.rule.split("#")[1] in ctx.lex.sources.values()
    }
    quotes += _volgens(ctx, quotes, used)  # type: ignore[arg-type]
    _continue_standalone(ctx, quotes)
    _resolve_references(ctx, quotes)
    _best_guess(ctx, quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    return list(quotes)


def bare_speaker(doc: Doc, start: int, end: int) -> Actor:
    """An Actor for a char range with no resolver mention (for callers building gold or tests)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    return bare_actor(doc, span.start, span.end)
