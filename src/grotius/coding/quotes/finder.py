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
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from grotius.coding.quotes.lexicon import Lexicon, VerbEntry, lexicon
from grotius.coding.quotes.marks import MarkedQuote, find_marked_quotes
from grotius.coding.quotes.references import (
    PRONOUNS,
    ROLE_LOOKBACK,
    is_person,
    nearest_person,
    person_mentions,
    role_antecedent,
    role_titles,
)
from grotius.coding.quotes.speakers import (
    DEMONSTRATIVES,
    NOMINAL,
    SUBORDINATORS,
    _in_pp,
    actor_for,
    bare_actor,
    is_boundary,
    np_after,
    np_before,
    np_span,
    phrase_head,
    subject_of,
)
from grotius.datamodel import Actor, Quote
from grotius.resolve.time import tag_timexes

COMP_WINDOW = 8  # tokens between a reporting verb (or its particle) and `dat`
STANDALONE_LOOKBACK = 3  # clauses back in which a quote standing alone finds its speaker
SALIENT_LOOKBACK = 10  # clauses back in which a first-person quote with no cue finds whom the passage is about
THIRD_PERSON = {"hij": {"hij", "hem", "zijn"}, "zij": {"zij", "ze", "haar"}, "ze": {"zij", "ze", "haar"}}
CHAIN_LOOKBACK = 12  # clauses back a chain of the same pronoun may lead to its person
FIRST_PERSON = {"ik", "me", "mij", "mijn", "we", "wij", "ons", "onze"}
DASHES = {",", "—", "–", "-", "--"}
CLOSING_MARKS = {"’", "”", '"', "'", "''", "»"}
TITLE_COMPLEMENT = 12  # tokens after a title in which the name of its bearer may follow (`coördinator van ... X`)
# shares that head a partitive subject (`de helft van de onderwijsprofessionals`)
PARTITIVE_NOUNS = {"derde", "kwart", "helft", "deel", "meerderheid", "minderheid", "merendeel", "procent", "meeste"}
QUOTE_CHARS = set(",'\"‘’“”„«»`")  # characters an opening quotation mark is made of (`,,` included)
NEXT_SPEAKER_CLAUSES = 3  # clauses on in which a quote with no cue and nothing before it finds a speaker
SHORT_PHRASE_WORDS = 3  # marked phrases this short need a cue of their own to count as speech
PLURAL_PRONOUNS = {"zij", "ze"}  # plural with a plural verb (singular `zij`/`ze` takes a singular one)
PERSONAL_PRONOUNS = {"hij", "zij", "ze", "hem", "haar", "hemzelf", "haarzelf", "he", "she"}


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


def _subject(ctx: _Ctx, verb: int, lo: int, hi: int, blocked: set[int], skip: set[int] | None = None) -> int | None:
    """subject_of, with time expressions skipped like adverbs: `Afgelopen zomer maakte X bekend`,
    `zei maandag X` name X, never the time phrase (whatever the parser made its subject)."""
    return subject_of(ctx.doc, verb, lo, hi, blocked, (skip or set()) | ctx.timewords)


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


def _trim_tokens(ctx: _Ctx, s: int, e: int) -> tuple[int, int]:
    doc = ctx.doc
    while s < e and (doc[s].is_space or doc[s].text in DASHES or doc[s].text in {":"}):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in CLOSING_MARKS):
        e -= 1
    return s, e


def _hedge(ctx: _Ctx, verb: int, lo: int, hi: int) -> bool:
    doc, lex = ctx.doc, ctx.lex
    v = doc[verb]
    participle = "Part" in v.morph.get("VerbForm") or v.lower_.startswith("ge") or v.lower_ in {"verklaard", "gemeld"}
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
    doc = ctx.doc
    # `Eén van de getuigen zei`, `twee van de demonstranten`, `een derde van de ondervraagden`: a number or
    # a share heads a partitive; the group noun says who speaks
    if (
        (doc[head].pos_ == "NUM" or doc[head].lower_ in {"een", "één", "eén"} or doc[head].lower_ in PARTITIVE_NOUNS)
        and head + 2 < hi
        and doc[head + 1].lower_ == "van"
    ):
        j = head + 2
        while j < hi and j - head <= 4 and (doc[j].pos_ in {"DET", "ADJ"} or doc[j].lower_ in {"de", "het"}):
            j += 1
        if j < hi and doc[j].pos_ in {"NOUN", "PROPN"}:
            head = j
    s, e = np_span(doc, head, lo, hi)
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
            if doc[m - 1].pos_ == "ADP" or doc[m - 1].lower_ in {"van", "de", "het"}:
                return None  # `de advocaat van X`: the person after `van` is not the one speaking
            if p is None:
                ent = next(x for x in doc.ents if x.start <= m < x.end)
                p = actor_for(doc, ent.start, ent.end, ent.start, ctx.actors)
            return replace(p, text=doc.text[start : p.end], start=start)
        if not (t.pos_ in {"ADP", "DET", "NOUN", "ADJ", "PROPN", "X", "NUM"} or t.text == "-") or m in ctx.blocked:
            return None
    return None


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
                t.lower_ == "dat"
                and nxt is not None
                and nxt.pos_ in {"NOUN", "ADJ"}
                and not (after_particle and k == after + 1)
            ):
                if k == after + 1 and k + 2 < hi and doc[k + 2].lower_ in ctx.lex.complementizers:
                    # `..., redeneerde dat instituut dat er ...`: `dat` + noun right after the verb is
                    # its inverted subject when the complementiser follows the noun
                    skip_to = k + 2
                    continue
                if t.pos_ != "SCONJ" and not _finite_after(ctx, k + 2, hi):
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
    if doc[comp].lower_ != "dat" or comp - 1 <= verb or doc[comp - 1].pos_ not in {"NOUN", "PROPN"}:
        return False
    neuter = "Neut" in doc[comp - 1].morph.get("Gender") or any(
        doc[j].lower_ in {"het", "dit", "dat"} for j in range(verb + 1, comp - 1)
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
            if k > lo and doc[k].lower_ == "zo":
                k -= 1
            # `Die komt mee, heeft hij beloofd`: a finite auxiliary and the subject between the comma and
            # the participle; the subject is the auxiliary's
            subj_verb = v
            if k > lo and doc[k].text != ",":
                for m in range(v - 2, max(lo, v - 6), -1):
                    aux = doc[m + 1]
                    if (
                        doc[m].text == ","
                        and aux.lemma_.lower() in {"hebben", "zijn"}
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
                and doc[lo].lower_ in {"dat", "dit", "zo"}
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
            if doc[k].lower_ == "te" and doc[k + 1].pos_ in {"VERB", "AUX"} and k not in ctx.blocked
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
    start, end = ctx.chars(cs, ce)
    # a subject before its verb ends there, whatever the tagger made of the verb (`Artsen pleiten ...`:
    # the tagger's noun `pleiten` heads `Artsen`; the subject is the word before the verb)
    if head is not None and head == verb and verb > lo:
        head = verb - 1
    speaker = None
    if head is not None:
        speaker = _speaker_actor(ctx, head, lo, verb if head < verb else hi)
    vs, ve = ctx.chars(verb, verb + 1)
    return FoundQuote(
        speaker=speaker,
        start=start,
        end=end,
        text=ctx.doc.text[start:end],
        direct=direct,
        rule=ctx.lex.rule(entry.id),
        hedged=_hedge(ctx, verb, lo, hi),
        cue_start=vs,
        cue_end=ve,
        clause=ci,
    )


def _direct_speaker(
    ctx: _Ctx, mq: MarkedQuote, q: FoundQuote, indirect: list[FoundQuote], found: list[FoundQuote]
) -> None:
    """Fill speaker, rule, hedge and cue of a direct quote from the first cue that applies."""
    doc, lex = ctx.doc, ctx.lex
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
    if k < n and doc[k].lower_ in {"zo", "dat", "dit"} and (doc[k].lower_ == "zo" or new_sentence):
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
            if doc[j].pos_ not in {"ADV", "AUX"} and doc[j].lower_ not in {"zo"}:
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
    if len(q.text.split()) <= SHORT_PHRASE_WORDS:
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
    if about is not None and _talked_about(about, q.text):
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
            for v in range(p_lo, p_hi):
                hit = lex.reporting_verb(doc[v], doc) if v not in ctx.blocked else None
                if hit is None:
                    continue
                head = _subject(ctx, v, p_lo, p_hi, ctx.blocked, {hit[1]} if hit[1] is not None else set())
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
            and not _talked_about(prev.speaker, q.text)
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
    doc = ctx.doc
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
            and g.text.endswith("s")
            and (g.pos_ in {"PROPN", "NOUN", "X", "ADJ"} or (g.pos_ == "ADV" and g.i > lo))  # `Cohens` as ADV
            and not _in_pp(doc, g.i, lo)
        ):
            # a genitive (`Cohens`, `Trump's`): the person named before whose surname it is
            stem = g.text[:-2] if g.text.endswith("'s") else g.text[:-1]
            mention = actor_for(doc, g.i, g.i + 1, g.i, ctx.actors)
            for p in reversed([p for p in ctx.persons if p.end <= g.idx]):
                if (p.name or p.text).split()[-1] == stem:
                    return _copy_ref(p, mention), entry
            if g.pos_ != "ADJ":  # a demonym (`Nederlands`) is no owner
                return replace(mention, name=mention.name or stem), entry
        if k + 2 < colon and doc[k + 1].lower_ == "van" and not _in_pp(doc, k, lo):
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


def _talked_about(a: Actor, text: str) -> bool:
    """Whether a pronoun speaker is referred to in the third person inside the quote (then the quote
    talks about them: someone else speaks)."""
    forms = THIRD_PERSON.get(a.text.lower())
    return forms is not None and any(w.strip(".,;:!?‘’“”\"'()").lower() in forms for w in text.split())


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
        if k in ctx.blocked or doc[k].lower_ not in {"hij", "zij", "ze"}:
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
    demonstrative = {j for j in range(c_lo, c_hi) if doc[j].lower_ in {"dat", "dit", "zo"} and doc[j].pos_ != "SCONJ"}
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


def _continue_standalone(ctx: _Ctx, quotes: list[FoundQuote]) -> None:
    """Second pass for direct quotes still without speaker, now that `volgens`/`aldus` attributions
    exist: the nearest attribution before it (same or previous paragraph, a few clauses back)."""
    ordered = sorted(quotes, key=lambda x: x.start)
    for i, q in enumerate(ordered):
        if q.speaker is not None or not q.direct or len(q.text.split()) <= SHORT_PHRASE_WORDS:
            continue
        for prev in reversed(ordered[:i]):
            if prev.end > q.start or prev.speaker is None:
                continue
            if (
                0 <= q.clause - prev.clause <= STANDALONE_LOOKBACK
                and ctx.para(prev.start) >= ctx.para(q.start) - 1
                and not _talked_about(prev.speaker, q.text)
            ):
                q.speaker, q.reported_by, q.rule = prev.speaker, prev.reported_by, ctx.lex.rule("continued")
            break
        if q.speaker is None and _first_person(q.text):
            # a quote in the first person with no cue near it is spoken by whom the passage is about:
            # the person named last, or the speaker of the last attributed quote, whichever is nearer
            _salient_speaker(ctx, q, ordered[:i])


def _unresolved(a: Actor | None) -> bool:
    """No speaker, or a pronoun left without a name (or named by another pronoun: `ze` -> `ik`)."""
    if a is None:
        return True
    # (a first-person `ik` is the writer or the speaker the text presents, never left to guess)
    return a.text.lower() in PERSONAL_PRONOUNS and not _named(a)


def _best_guess(ctx: _Ctx, quotes: list[FoundQuote]) -> None:
    """Last pass: a quote whose cues gave no speaker (or an unresolved pronoun) gets the best-scoring
    candidate rather than none, since an empty speaker is as wrong as a wrong one. Preference order:
    (1) the nearer of the last attributed speaker and the last person named before it, a few sentences
    back (rule `salient`); (2) else the speaker of the next attributed quote in the same or next
    paragraph, NEXT_SPEAKER_CLAUSES clauses on at most (rule `next-speaker`: `"...". "...", zegt X.`)."""
    ordered = sorted(quotes, key=lambda x: x.start)
    for i, q in enumerate(ordered):
        if not _unresolved(q.speaker) or (q.speaker is None and _names_a_title(ctx, q)):
            continue
        saved = q.speaker, q.reported_by, q.rule
        q.speaker = None
        done = [p for p in ordered[:i] if not _unresolved(p.speaker)]
        _salient_speaker(ctx, q, done)
        if q.speaker is None:
            after = [
                p
                for p in ordered[i + 1 :]
                if not _unresolved(p.speaker)
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
        if [t.lower_ for t in doc[j : j + 3]] == ["naar", "eigen", "zeggen"]:
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
        if a.text.lower() in PRONOUNS or not _is_subject(ctx, a):
            continue
        _set(ctx, q, a, ctx.lex.rule("phrase-subject"), ot, ci)
        return


def _first_person(text: str) -> bool:
    return any(w.strip(".,;:!?‘’“”\"'()").lower() in FIRST_PERSON for w in text.split())


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


def _set(ctx: _Ctx, q: FoundQuote, speaker: Actor, rule: str, cue_tok: int, clause: int) -> None:
    q.speaker, q.rule = speaker, rule
    q.cue_start, q.cue_end = ctx.chars(cue_tok, cue_tok + 1)
    q.clause = clause


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
            start, end = ctx.chars(cs, ce)
            ks, ke = ctx.chars(k, k + 1)
            out.append(
                FoundQuote(
                    speaker=src,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    direct=False,
                    rule=rule,
                    hedged=_hedge(ctx, k, lo, hi),
                    cue_start=ks,
                    cue_end=ke,
                    clause=ci,
                )
            )
    return out


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
    doc = ctx.doc
    if a.text.lower() in PLURAL_PRONOUNS and _plural_subject(doc, a):
        # `Zij denken dat ...`: a plural pronoun stands for a group, never for one person
        group = _plural_antecedent(ctx, a, quotes)
        setattr(q, attr, _copy_ref(group, a) if group is not None else replace(a, name=None, code=None))
        return
    # (the resolver marks a pronoun it only guessed, `pronoun-guess`: the speaker chain knows better)
    guessed_pronoun = a.text.lower() in PERSONAL_PRONOUNS and (
        not is_person(doc, a) or a.via == "pronoun-guess" or _named_only_in_quotes(ctx, a)
    )
    if a.name and a.via != "quote-span" and not guessed_pronoun:
        return
    span = _with_determiner(doc, a)
    if span is None:
        return
    words = [t.lower_ for t in span]
    if any(w in ctx.lex.media_nouns for w in words) and words[0] in {"de", "het", "die", "deze", "dat"}:
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
    elif len(words) == 1 and words[0] in PERSONAL_PRONOUNS:
        ref = _pronoun_antecedent(ctx, quotes, q, a)
        if ref is not None:
            setattr(q, attr, _copy_ref(ref, a))
        elif a.name and (a.name.lower() in PRONOUNS or _named_only_in_quotes(ctx, a)):
            # a pronoun is no name (`ze` -> `Ik`), nor a word only quoted (`ze` -> `Houd`)
            setattr(q, attr, replace(a, name=None))
    elif len(words) == 1 and words[0] in DEMONSTRATIVES:
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
    determiners = {"de", "het", "die", "deze", "dat"}
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
    doc = ctx.doc
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
        if p.speaker is not None and p.speaker.end <= a.start and p.speaker.text.lower() not in PRONOUNS
    ]
    for k in range(span.start - 1, first - 1, -1):
        t = doc[k]
        spoke = any(s <= t.idx < e for s, e in speakers)
        if (
            k in ctx.blocked
            or not (t.dep_.startswith("nsubj") or spoke)
            or t.lower_ in PRONOUNS
            or any(s <= t.idx < e for s, e in reported)
        ):
            continue
        plural = (
            ("Plur" in t.morph.get("Number") and t.pos_ in {"NOUN", "PROPN"})
            or any(c.dep_ == "conj" for c in t.children)
            or (spoke and t.pos_ in {"NOUN", "ADJ"} and t.lower_.endswith("en") and "Sing" not in t.morph.get("Number"))
        )
        if plural:
            lo, hi = ctx.clauses[ctx.clause_of[k]]
            s, e = np_span(doc, k, lo, hi)
            return actor_for(doc, s, e, k, ctx.actors)
    return None


def _pronoun_antecedent(ctx: _Ctx, quotes: list[FoundQuote], q: FoundQuote, a: Actor) -> Actor | None:
    """`X herhaalde dat hij ...`: the speaker of the quote the pronoun stands in, else the last
    speaker before it in this or the previous paragraph (a volgens-source is not a person)."""

    def usable(p: FoundQuote) -> bool:
        return (
            p is not q
            and p.speaker is not None
            and (p.speaker.text.lower() not in PERSONAL_PRONOUNS or bool(p.speaker.name))
            and not (p.rule or "").endswith("#volgens")
            # a third-person pronoun never stands for a speaker who says `ik`/`we` unnamed (`zei ze` after
            # `probeerde ik`: the other one in the dialogue)
            and not (p.speaker.text.lower() in FIRST_PERSON and not _named(p.speaker))
            # nor for a phrase that names no one and is no person (`Deze editie: ‘...’`)
            and (_named(p.speaker) or bool(p.speaker.code) or is_person(ctx.doc, p.speaker))
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
    # (`volgens X` names a source, salient as any subject)
    return (
        s - 1 >= lo
        and doc[s - 1].pos_ == "ADP"
        and doc[s - 1].text[:1].islower()
        and doc[s - 1].lower_ not in ctx.lex.sources
    )


def _named(a: Actor) -> bool:
    """Whether a mention carries a name that is not itself a pronoun."""
    return bool(a.name) and a.name.lower() not in PRONOUNS and a.name.lower() not in FIRST_PERSON


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
        while e + 2 < c_hi and doc[e].lower_ == "van" and doc[e + 1].pos_ in {"NOUN", "NUM", "DET", "PROPN"}:
            e += 2 if doc[e + 1].pos_ != "DET" else 3  # `leraar van groep 7`: its complement
            while e < c_hi and doc[e].pos_ in {"NUM", "NOUN", "PROPN"}:
                e += 1
        return actor_for(doc, s, min(e, c_hi), k, ctx.actors)
    return None


def _pronoun_chain(ctx: _Ctx, a: Actor, persons: list[Actor]) -> Actor | None:
    """The person a personal pronoun's chain starts from: going back clause by clause, each clause holding
    a pronoun of the same gender (outside quotes) extends the chain; the first named person met before
    the chain breaks (two clauses with neither) is the antecedent."""
    forms = THIRD_PERSON.get(a.text.lower())
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
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    lo, hi = ctx.clauses[ctx.clause_of[span.start]]
    s, _ = np_span(doc, span.start, lo, hi)
    while s < span.start and doc[s].pos_ == "DET":
        s += 1
    k = s - 1
    while k >= lo and doc[k].pos_ == "DET":
        k -= 1
    return k >= lo and doc[k].lower_ in {"hij", "zij", "ze", "ik", "wij", "we"}


def _is_subject(ctx: _Ctx, a: Actor) -> bool:
    """Whether a mention stands where a Dutch subject stands: opening its clause, or right after the
    clause's first finite verb (`Na afloop werd oppositieleider X aangehouden`). Word order, not the
    parse: the parser often makes a name after `met` the subject."""
    doc = ctx.doc
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    lo, hi = ctx.clauses[ctx.clause_of[span.start]]
    s, _ = np_span(doc, span.start, lo, hi)
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
    if not (doc[first].pos_ == "SCONJ" or doc[first].lower_ in SUBORDINATORS):
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
    marked = find_marked_quotes(doc.text)
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
        if doc.text[mq.open] in {",", "„"}:
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
