"""Within-article references of speakers: which named person a role (`de minister`, `de Chinese
leider`, `de PvdA'er`) or a pronoun (`hij`, `zij`) stands for.

Works on what the resolver and the tagger found (person mentions, their titles and codes) and on
clause distance, never on the words of a particular article: news names a person once, with their
title, and then refers to them by the title or a pronoun.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span

from grotius.coding.quotes.lexicon import Lexicon, grammar_of
from grotius.coding.quotes.speakers import bare_actor
from grotius.datamodel import Actor

ROLE_LOOKBACK = 12  # clauses back in which a role finds the person it stands for
NEAREST_LOOKBACK = 4  # clauses back in which the nearest named person is taken without a title match
TITLE_CONTEXT = 3  # tokens before a person's name in which their title stands (`wethouder Birgit ...`)
# relations a word at a sentence start has as a predicate or modifier, never as a name
NON_NOMINAL_RELATIONS = {"xcomp", "advmod", "amod", "advcl", "acl", "ccomp", "mark", "cop", "aux", "case"}
# definite determiners (`de gedeputeerde`), personal pronouns (never a name) and surname particles are
# word classes of lang/<lang>/quotes-grammar.yaml


def is_person(doc: Doc, a: Actor) -> bool:
    """A named person: the knowledge base says so, or the tagger marked the name as a person."""
    if not a.name or a.name.lower() in grammar_of(doc).personal_pronouns:
        return False  # the tagger sometimes calls `Ik` a person
    if a.entry and a.entry.startswith("kb/"):
        return a.entry.startswith("kb/people")  # the knowledge base knows what it is
    if a.entry == "ner:PER":
        return True  # the resolver took it from the tagger's person names
    # (an unknown proper name, `propn`, is a person only by the tagger's or the text's word)
    if a.org:
        return False
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.ent_type_ == "PER" for t in span) or _age_after(doc, span.end)


def _age_after(doc: Doc, k: int) -> bool:
    """`Indi van den Heuvel (16)`: an age in brackets right after a name is news's mark of a person,
    whatever the tagger made of the name."""
    return (
        k + 2 < len(doc)
        and doc[k].text == "("
        and doc[k + 1].like_num
        and doc[k + 2].text == ")"
        and doc[k + 1].text.isdigit()
        and 0 < int(doc[k + 1].text) < 120
    )


def _glued(doc: Doc, a: Actor) -> bool:
    """A person "name" the tagger glued across a sentence end (`... A, C, W en Y. Gisteren was de
    aftrap`): a word after a full stop that is an adverb, verb or function word is the next sentence."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    return any(
        t.i > span.start
        and doc[t.i - 1].text.endswith(".")
        and t.pos_ in {"ADV", "VERB", "AUX", "ADP", "SCONJ", "PRON", "DET"}
        for t in span
    )


def _titled_name(doc: Doc, lex: Lexicon, a: Actor) -> Actor | None:
    """`Columnist Özcan` + `Akyol`: a mention that opens with a person's title and goes on in proper
    names is a person the tagger did not know; the name runs on over capitalised words right after it
    (a foreign name it cut in two). The person, named without the title, else None."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) < 2 or a.org or not lex.title(span[0].text):
        return None
    if not all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in span[1:]):
        return None
    e = span.end
    while e < len(doc) and e - span.end < 3 and doc[e].text[:1].isupper() and doc[e].pos_ in {"PROPN", "NOUN", "X"}:
        e += 1
    cs, ce = doc[span.start + 1].idx, doc[e - 1].idx + len(doc[e - 1].text)
    return replace(bare_actor(doc, span.start + 1, e), name=doc.text[cs:ce], via="titled-name")


def person_mentions(doc: Doc, actors: Iterable[Actor], lex: Lexicon | None = None) -> list[Actor]:
    """Every named person mention, sorted by start: the resolver's person mentions, and person names
    the tagger found that no resolver mention covers (as bare actors); with a lexicon, also names that
    a title opens (`Columnist Özcan Akyol`)."""
    actors = list(actors)
    gr = grammar_of(doc)
    # (a pronoun the resolver tied to someone, `pronoun` or only guessed, `pronoun-guess`, is a reference,
    # not a name: the speaker chain resolves it)
    out = [
        a
        for a in actors
        if is_person(doc, a) and not (a.via or "").startswith("pronoun") and a.text.lower() not in gr.personal_pronouns
    ]
    if lex is not None:
        titled = [t for a in actors if not is_person(doc, a) and (t := _titled_name(doc, lex, a)) is not None]
        # (the cut-off rest of the name is the same person, not a mention of its own)
        out = [a for a in out if not any(t.start <= a.start < t.end for t in titled)] + titled
    # (a knowledge-base organisation matched on part of a person's full name, `Roche` in `Joseph Roche`,
    # does not hide the person)
    covered = [(a.start, a.end) for a in actors if not (a.entry and a.entry.startswith("kb/organisations"))]
    for ent in doc.ents:
        if ent.label_ != "PER" or ent.text.lower() in gr.personal_pronouns:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        inside = [a for a in actors if a.start < ent.end_char and ent.start_char < a.end]
        if inside and (len(ent) < 2 or any(a.start <= ent.start_char and a.end >= ent.end_char for a in inside)):
            continue  # the organisation's whole name, or a one-word name: the resolver knows better
        out.append(bare_actor(doc, ent.start, ent.end))
    # `Indi van den Heuvel (16)`: a name before an age in brackets is a person, whatever the tagger and the
    # resolver (`Indi` as India) made of it
    for k in range(1, len(doc) - 2):
        if not _age_after(doc, k):
            continue
        s = k
        while s - 1 >= 0 and (
            (doc[s - 1].text[:1].isupper() and doc[s - 1].is_alpha)
            or (doc[s - 1].lower_ in gr.surname_particles and s - 1 > 0)
        ):
            s -= 1
        while s < k and not doc[s].text[:1].isupper():
            s += 1
        if s == k or doc[s].is_sent_start and k - s == 1 and doc[s].pos_ not in {"PROPN", "NOUN", "X"}:
            continue
        cs, ce = doc[s].idx, doc[k - 1].idx + len(doc[k - 1].text)
        if any(a.start < ce and cs < a.end for a in out):
            continue
        out.append(bare_actor(doc, s, k))
    # a one-word "name" the tagger found only because a sentence starts with it (`Betaald krijgt ze
    # er niet voor`: a participle) is capitalised by position, not a name
    out = [a for a in out if not _positional_capital(doc, a) and not _glued(doc, a)]
    out.sort(key=lambda a: a.start)
    # a person named in full once is elsewhere named by surname alone (`Kamerlid Anne Kuik ... Kuik
    # wil`), and a surname the tagger knows once is that person wherever it recurs (`Betty Hiwat`
    # tagged as a title, `Hiwat oogt`, `zegt Hiwat`): a capitalised word equal to the end of a person's
    # name is that person, named in full by the longest name seen before it
    seen = {(a.start, a.end) for a in out}
    by_last: dict[str, list[Actor]] = {}
    for a in out:
        if a.name:
            by_last.setdefault(a.name.split()[-1], []).append(a)
    for t in doc:
        if not t.text[:1].isupper() or t.is_sent_start and t.pos_ not in {"PROPN", "NOUN", "X"}:
            continue
        named = by_last.get(t.text)
        if not named or any(s <= t.idx < e for s, e in seen):
            continue
        # (a name seen only later counts when the tagger found the surname alone there: a full name
        # is more often an organisation it mistook for a person, `Vogelopvang de Wulp`)
        before = [a for a in named if a.end <= t.idx] or [a for a in named if a.name and " " not in a.name]
        if not before:
            continue
        name = max((a.name for a in before if a.name), key=len)
        surname = replace(bare_actor(doc, t.i, t.i + 1), name=name, via="coref")
        out.append(surname)
        seen.add((surname.start, surname.end))
    return sorted(out, key=lambda a: a.start)


def _positional_capital(doc: Doc, a: Actor) -> bool:
    """A one-word mention at a sentence start that the tagger calls a verb, adverb or adjective."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) != 1 or a.entry:
        return False
    t = span[0]
    if not (t.is_sent_start or (t.i > 0 and doc[t.i - 1].text in {".", "!", "?", ":"})):
        return False
    # (by the tagger's class, or by the parser's relation when the tagger made it a name: `Betaald` as a
    # proper noun that is the predicative complement of `krijgt`; a name is an argument, not a predicate
    # or modifier)
    return t.pos_ in {"VERB", "ADV", "ADJ", "AUX", "ADP", "SCONJ"} or t.dep_ in NON_NOMINAL_RELATIONS


def role_titles(lex: Lexicon, span: Span) -> set[str]:
    """The title ids of a definite description with no name in it (`de Drentse gedeputeerde`), else
    an empty set: a phrase with a name (`minister Kaag`) names its speaker itself."""
    words = [t for t in span if not t.is_punct]
    if not words or words[0].lower_ not in lex.grammar.definite_determiners:
        return set()
    # `de La Scala-voorman`: a name glued to a title by a hyphen qualifies the title, it names no one
    last = words[-1]
    if len(words) > 2 and "-" in last.text and lex.title(last.text) and last.text.split("-")[0][:1].isupper():
        return {tid} if (tid := lex.title(last.text)) else set()
    if any(t.ent_type_ in {"PER", "ORG"} for t in words) or any(
        t.pos_ == "PROPN" and lex.title(t.text) is None for t in words[1:]
    ):
        return set()
    return {tid for t in words[1:] if (tid := lex.title(t.text)) is not None}


def _titles_near(doc: Doc, lex: Lexicon, a: Actor) -> set[str]:
    """Title ids in a person mention and just before it (`premier Mark Rutte`, `AH-woordvoerder X`)."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return set()
    lo = max(0, span.start - TITLE_CONTEXT)
    return {tid for t in doc[lo : span.end] if (tid := lex.title(t.text)) is not None}


def role_antecedent(
    doc: Doc,
    lex: Lexicon,
    persons: list[Actor],
    role: Actor,
    titles: set[str],
    clause_at: Callable[[int], int],
    accept: Callable[[Actor], bool] | None = None,
) -> Actor | None:
    """The person a role stands for: the last one introduced with the same title, else the last one
    with the role's actor code (`de Chinese leider` CHNGOV -> Xi Jinping), else the nearest one
    named a few clauses before, if ``accept`` takes them (a caller may ask for a subject: `omdat hij de
    profeet X ... genoemd zou hebben. De docent ...` is not X)."""
    here = clause_at(role.start)
    before = [p for p in persons if p.end <= role.start and here - clause_at(p.start) <= ROLE_LOOKBACK]
    for p in reversed(before):
        if titles & _titles_near(doc, lex, p):
            return p
    if role.code and role.sector:
        for p in reversed(before):
            if p.code == role.code:
                return p
    nearest = nearest_person(persons, role.start, clause_at)
    return nearest if nearest is not None and (accept is None or accept(nearest)) else None


def nearest_person(
    persons: list[Actor], char: int, clause_at: Callable[[int], int], lookback: int = NEAREST_LOOKBACK
) -> Actor | None:
    """The last person named before ``char``, at most ``lookback`` clauses back."""
    here = clause_at(char)
    for p in reversed(persons):
        if p.end <= char:
            return p if here - clause_at(p.start) <= lookback else None
    return None
