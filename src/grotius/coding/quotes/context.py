"""Shared ground of the quote finder: the found-quote record, the per-document context (clauses,
lexicon, persons), and the small primitives every step uses (subject of a verb, hedges, the
speaker phrase at a head, a mention in subject position).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from grotius.coding.quotes.lexicon import Lexicon, QuoteGrammar
from grotius.coding.quotes.speakers import (
    actor_for,
    is_boundary,
    np_span,
    subject_of,
)
from grotius.datamodel import Actor, Quote
from grotius.resolve.time import tag_timexes

COMP_WINDOW = 8  # tokens between a reporting verb (or its particle) and `dat`
STANDALONE_LOOKBACK = 3  # clauses back in which a quote standing alone finds its speaker
SALIENT_LOOKBACK = 10  # clauses back in which a first-person quote with no cue finds whom the passage is about
CHAIN_LOOKBACK = 12  # clauses back a chain of the same pronoun may lead to its person
DASHES = {",", "—", "–", "-", "--"}
CLOSING_MARKS = {"’", "”", '"', "'", "''", "»"}
TITLE_COMPLEMENT = 12  # tokens after a title in which the name of its bearer may follow (`coördinator van ... X`)
QUOTE_CHARS = set(",'\"‘’“”„«»`")  # characters an opening quotation mark is made of (`,,` included)
NEXT_SPEAKER_CLAUSES = 3  # clauses on in which a quote with no cue and nothing before it finds a speaker
SHORT_PHRASE_WORDS = 3  # marked phrases this short need a cue of their own to count as speech
# the language's pronouns (first person, third person and its coreferent forms, plural `zij`/`ze`,
# which take a plural verb when plural), partitive nouns (`de helft van`) and the other function words
# are the word classes of lang/<lang>/quotes-grammar.yaml: `ctx.lex.grammar`


def whole_sentence(text: str, open_at: int, start: int, end: int) -> bool:
    """A marked text that is a sentence of its own (`... te verklaren. "Alles is traceerbaar."`): a
    capital after the mark, sentence punctuation inside the closing one, and a sentence end (or the
    paragraph's start) before the opening mark. A scare quote or a title in running text is neither."""
    inner = text[start:end].strip()
    if len(inner) < 2 or not inner[0].isupper() or inner[-1] not in ".!?":
        return False
    before = text[:open_at].rstrip(" \t")
    return not before or before[-1] in ".!?\n" or before[-1] in "’”\"'"


@dataclass(eq=False)
class FoundQuote(Quote):
    """A Quote with what the finder knows beyond the QUOTE record: the hedge and the cue."""

    hedged: bool = False  # reportive `zou ... hebben`, `naar verluidt`: not asserted by the writer
    cue_start: int | None = None  # char range of the reporting cue (verb, `volgens`, `aldus`)
    cue_end: int | None = None
    clause: int = -1  # clause index, internal

    def to_record(self) -> dict[str, Any]:
        rec = super().to_record()
        if self.hedged:
            rec["hedged"] = True
        return rec


@dataclass
class _Ctx:
    doc: Doc
    actors: list[Actor]
    lex: Lexicon
    clauses: list[tuple[int, int]]
    clause_of: list[int]
    para_starts: list[int]
    blocked: set[int] = field(default_factory=set)  # tokens inside quotation marks
    timewords: set[int] = field(default_factory=set)  # tokens inside time expressions (never speakers)
    persons: list[Actor] = field(default_factory=list)  # named person mentions, by start

    def clause_at(self, char: int) -> int:
        return self.clause_of[self.tok(char)]

    def para(self, char: int) -> int:
        return bisect_right(self.para_starts, char)

    def tok(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is not None and len(span):
            return span.start
        for t in self.doc:
            if t.idx >= char:
                return t.i
        return len(self.doc) - 1

    def chars(self, s: int, e: int) -> tuple[int, int]:
        return self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text)


def clauses(doc: Doc) -> list[tuple[int, int]]:
    """Sentence-like token ranges: parser sentences, also cut at . ! ? ; before a capital and at
    paragraph breaks, so that one segmentation error does not swallow the next sentence."""
    cuts = {s.start for s in doc.sents}
    for t in doc[:-1]:
        nxt = doc[t.i + 1]
        terminal = t.text in {".", "!", "?", ";"} or (t.text.endswith(".") and len(t.text) > 2 and not t.is_alpha)
        # `... om?’ Het bleek`: a closing mark after end punctuation ends the sentence too
        terminal = terminal or (t.text in CLOSING_MARKS and t.i > 0 and doc[t.i - 1].text in {".", "!", "?"})
        # a quote mark starts the next sentence when it opens a quote: attached to the word after it
        # (`. ‘Nee` opens; `.’ Nee` and `. '' Nee` close)
        after = doc[t.i + 2] if t.i + 2 < len(doc) else None
        opens = (
            nxt.text[:1] in "‘“„\"',"
            and after is not None
            and after.idx == nxt.idx + len(nxt.text)
            and not after.is_punct
        )
        starts = nxt.text[:1].isupper() or opens
        if "\n" in t.text or (terminal and starts):
            cuts.add(t.i + 1)
    # a parser cut with no punctuation before it and no paragraph break is a segmentation error
    for c in sorted(cuts):
        if 0 < c < len(doc):
            prev = doc[c - 1]
            if not (is_boundary(prev) or prev.text.endswith(".") or prev.text in CLOSING_MARKS or prev.text == ":"):
                cuts.discard(c)
    cuts.add(0)
    bounds = sorted(c for c in cuts if c < len(doc))
    return [(s, e) for s, e in zip(bounds, bounds[1:] + [len(doc)], strict=True) if doc[s:e].text.strip()]


def _time_tokens(doc: Doc, timexes: Iterable[Any] | None = None) -> set[int]:
    """Token indices inside the time tagger's expressions (the same spans the pipeline's TIMEX
    records use, so a speaker never overlaps a TIMEX). Tagging is about half the finder's time, so
    a caller that has the article's timexes already passes them."""
    out: set[int] = set()
    for tx in tag_timexes(doc.text, None) if timexes is None else timexes:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _subject(ctx: _Ctx, verb: int, lo: int, hi: int, blocked: set[int], skip: set[int] | None = None) -> int | None:
    """subject_of, with time expressions skipped like adverbs: `Afgelopen zomer maakte X bekend`,
    `zei maandag X` name X, never the time phrase (whatever the parser made its subject)."""
    return subject_of(ctx.doc, verb, lo, hi, blocked, (skip or set()) | ctx.timewords)


def _trim_tokens(ctx: _Ctx, s: int, e: int) -> tuple[int, int]:
    doc = ctx.doc
    while s < e and (doc[s].is_space or doc[s].text in DASHES or doc[s].text in {":"}):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in CLOSING_MARKS):
        e -= 1
    return s, e


def _hedge(ctx: _Ctx, verb: int, lo: int, hi: int) -> bool:
    doc, lex = ctx.doc, ctx.lex
    gr = lex.grammar
    v = doc[verb]
    participle = (
        "Part" in v.morph.get("VerbForm")
        or v.lower_.startswith(gr.participle_prefix)
        or v.lower_ in gr.unprefixed_participles
    )
    if participle:
        for k in range(lo, min(hi, verb + 3)):
            if doc[k].lower_ in lex.hedge_aux and k not in ctx.blocked:
                return True
    words = [doc[k].lower_ for k in range(lo, hi)]
    for phrase, _ in lex.hedge_phrases:
        n = len(phrase)
        if any(tuple(words[j : j + n]) == phrase for j in range(len(words) - n + 1)):
            return True
    return False


def _speaker_actor(ctx: _Ctx, head: int, lo: int, hi: int) -> Actor:
    doc, gr = ctx.doc, ctx.lex.grammar
    # `Eén van de getuigen zei`, `twee van de demonstranten`, `een derde van de ondervraagden`: a number or
    # a share heads a partitive; the group noun says who speaks
    if (
        (doc[head].pos_ == "NUM" or doc[head].lower_ in gr.numeral_one or doc[head].lower_ in gr.partitive_nouns)
        and head + 2 < hi
        and doc[head + 1].lower_ == gr.genitive_preposition
    ):
        j = head + 2
        while j < hi and j - head <= 4 and (doc[j].pos_ in {"DET", "ADJ"} or doc[j].lower_ in gr.definite_articles):
            j += 1
        if j < hi and doc[j].pos_ in {"NOUN", "PROPN"}:
            head = j
    s, e = np_span(doc, head, lo, hi)
    # `zegt de mbo-student media`: a title the article hangs on, before a common noun the parser made the
    # head, heads the phrase; the noun after it is its complement (what they study, their field)
    t = doc[s]
    if (
        t.dep_ == "det"
        and s < t.head.i < head
        and ctx.lex.title(t.head.text)
        and doc[head].pos_ == "NOUN"
        and not doc[head].ent_type_
        and doc[head].text[:1].islower()
    ):
        head, e = t.head.i, t.head.i + 1
    named = _name_after_title(ctx, head, s, e, hi)
    if named is not None:
        return named
    return actor_for(doc, s, e, head, ctx.actors)


def _name_after_title(ctx: _Ctx, head: int, s: int, e: int, hi: int) -> Actor | None:
    """`verklaart coördinator van de vaccinatiecampagne van de GGD X Ludy Blind`: a title whose phrase
    names no one, followed (over its complement: prepositions, articles, nouns, names) by a person,
    is that person's."""
    doc = ctx.doc
    if not ctx.lex.title(doc[head].text) or any(t.ent_type_ == "PER" for t in doc[s:e]):
        return None
    start, end = ctx.chars(s, e)
    if any(start <= p.start < end for p in ctx.persons):
        return None
    for m in range(e, min(hi, e + TITLE_COMPLEMENT)):
        t = doc[m]
        p = next((p for p in ctx.persons if p.start <= t.idx < p.end), None)
        if p is not None or t.ent_type_ == "PER":
            gr = ctx.lex.grammar
            if doc[m - 1].pos_ == "ADP" or doc[m - 1].lower_ in {gr.genitive_preposition, *gr.definite_articles}:
                return None  # `de advocaat van X`: the person after `van` is not the one speaking
            if p is None:
                ent = next(x for x in doc.ents if x.start <= m < x.end)
                p = actor_for(doc, ent.start, ent.end, ent.start, ctx.actors)
            return replace(p, text=doc.text[start : p.end], start=start)
        if not (t.pos_ in {"ADP", "DET", "NOUN", "ADJ", "PROPN", "X", "NUM"} or t.text == "-") or m in ctx.blocked:
            return None
    return None


def _phrase_of(ctx: _Ctx, a: Actor) -> tuple[Any, int, int, int] | None:
    """A mention's tokens, the first token of its noun phrase, and its clause's limits."""
    span = ctx.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return None
    lo, hi = ctx.clauses[ctx.clause_of[span.start]]
    s, _ = np_span(ctx.doc, span.start, lo, hi)
    return span, s, lo, hi


def _is_subject(ctx: _Ctx, a: Actor) -> bool:
    """Whether a mention stands where a Dutch subject stands: opening its clause, or right after the
    clause's first finite verb (`Na afloop werd oppositieleider X aangehouden`). Word order, not the
    parse: the parser often makes a name after `met` the subject."""
    doc = ctx.doc
    found = _phrase_of(ctx, a)
    if found is None:
        return False
    span, s, lo, hi = found
    first = next((k for k in range(lo, hi) if not (doc[k].is_punct or doc[k].is_space or doc[k].pos_ == "CCONJ")), lo)
    if s <= first:
        return True
    fin = next(
        (k for k in range(lo, hi) if doc[k].pos_ in {"VERB", "AUX"} and "Fin" in doc[k].morph.get("VerbForm")), None
    )
    if fin is not None and fin < s and all(doc[k].pos_ in {"ADV", "PART"} for k in range(fin + 1, s)):
        return True
    # `Hoewel ..., wijst rechtspsycholoog X op de gevaren`: after a fronted subordinate clause the main
    # clause's verb follows the comma, its subject right after it (whatever the tagger made of the verb)
    if not (doc[first].pos_ == "SCONJ" or doc[first].lower_ in ctx.lex.grammar.subordinators):
        return False
    comma = next((c for c in range(span.start - 1, max(first, span.start - 5), -1) if doc[c].text == ","), None)
    # the verb right after the comma, then at most a title before the name (`, wijst rechtspsycholoog X`)
    return (
        comma is not None
        and comma + 1 < span.start
        and all(doc[j].is_alpha and doc[j].text[:1].islower() for j in range(comma + 1, span.start))
    )


def _copy_ref(antecedent: Actor, mention: Actor) -> Actor:
    name = antecedent.name or antecedent.text
    return replace(antecedent, text=mention.text, start=mention.start, end=mention.end, name=name, via="coref")


def _set(ctx: _Ctx, q: FoundQuote, speaker: Actor, rule: str, cue_tok: int, clause: int) -> None:
    q.speaker, q.rule = speaker, rule
    q.cue_start, q.cue_end = ctx.chars(cue_tok, cue_tok + 1)
    q.clause = clause


def _named(a: Actor, gr: QuoteGrammar) -> bool:
    """Whether a mention carries a name that is not itself a pronoun."""
    return bool(a.name) and a.name.lower() not in gr.personal_pronouns and a.name.lower() not in gr.first_person


def _talked_about(a: Actor, text: str, gr: QuoteGrammar) -> bool:
    """Whether a pronoun speaker is referred to in the third person inside the quote (then the quote
    talks about them: someone else speaks)."""
    forms = gr.third_person_forms.get(a.text.lower())
    return forms is not None and any(w.strip(".,;:!?‘’“”\"'()").lower() in forms for w in text.split())


def _first_person(text: str, gr: QuoteGrammar) -> bool:
    return any(w.strip(".,;:!?‘’“”\"'()").lower() in gr.first_person for w in text.split())
