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

from grotius.coding.quotes.lexicon import Lexicon
from grotius.coding.quotes.speakers import bare_actor
from grotius.datamodel import Actor

ROLE_LOOKBACK = 12  # clauses back in which a role finds the person it stands for
NEAREST_LOOKBACK = 4  # clauses back in which the nearest named person is taken without a title match
DEFINITE = {"de", "die", "deze", "het"}
TITLE_CONTEXT = 3  # tokens before a person's name in which their title stands (`wethouder Birgit ...`)
PRONOUNS = {"ik", "jij", "je", "u", "hij", "zij", "ze", "wij", "we", "jullie", "hem", "haar", "mij", "me"}


def is_person(doc: Doc, a: Actor) -> bool:
    """A named person: the knowledge base says so, or the tagger marked the name as a person."""
    if not a.name or a.name.lower() in PRONOUNS:
        return False  # the tagger sometimes calls `Ik` a person
    if a.entry:
        return a.entry.startswith("kb/people")  # the knowledge base knows what it is
    if a.org:
        return False
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PER" for t in span)


def person_mentions(doc: Doc, actors: Iterable[Actor]) -> list[Actor]:
    """Every named person mention, sorted by start: the resolver's person mentions, and person names
    the tagger found that no resolver mention covers (as bare actors)."""
    out = [a for a in actors if is_person(doc, a) and a.via != "pronoun"]
    covered = [(a.start, a.end) for a in actors]
    for ent in doc.ents:
        if ent.label_ != "PER" or ent.text.lower() in PRONOUNS:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        out.append(bare_actor(doc, ent.start, ent.end))
    # a one-word "name" the tagger found only because a sentence starts with it (`Betaald krijgt ze
    # er niet voor`: a participle) is capitalised by position, not a name
    out = [a for a in out if not _positional_capital(doc, a)]
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
    return (t.is_sent_start or (t.i > 0 and doc[t.i - 1].text in {".", "!", "?", ":"})) and t.pos_ in {
        "VERB", "ADV", "ADJ", "AUX", "ADP", "SCONJ"}


def role_titles(lex: Lexicon, span: Span) -> set[str]:
    """The title ids of a definite description with no name in it (`de Drentse gedeputeerde`), else
    an empty set: a phrase with a name (`minister Kaag`) names its speaker itself."""
    words = [t for t in span if not t.is_punct]
    if not words or words[0].lower_ not in DEFINITE:
        return set()
    if any(t.ent_type_ in {"PER", "ORG"} for t in words) or any(t.pos_ == "PROPN" and lex.title(t.text) is None
                                                              for t in words[1:]):
        return set()
    return {tid for t in words[1:] if (tid := lex.title(t.text)) is not None}


def _titles_near(doc: Doc, lex: Lexicon, a: Actor) -> set[str]:
    """Title ids in a person mention and just before it (`premier Mark Rutte`, `AH-woordvoerder X`)."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return set()
    lo = max(0, span.start - TITLE_CONTEXT)
    return {tid for t in doc[lo:span.end] if (tid := lex.title(t.text)) is not None}


def role_antecedent(doc: Doc, lex: Lexicon, persons: list[Actor], role: Actor, titles: set[str],
                    clause_at: Callable[[int], int]) -> Actor | None:
    """The person a role stands for: the last one introduced with the same title, else the last one
    with the role's actor code (`de Chinese leider` CHNGOV -> Xi Jinping), else the nearest one
    named a few clauses before."""
    here = clause_at(role.start)
    before = [p for p in persons if p.end <= role.start and here - clause_at(p.start) <= ROLE_LOOKBACK]
    for p in reversed(before):
        if titles & _titles_near(doc, lex, p):
            return p
    if role.code and role.sector:
        for p in reversed(before):
            if p.code == role.code:
                return p
    return nearest_person(persons, role.start, clause_at)


def nearest_person(persons: list[Actor], char: int, clause_at: Callable[[int], int],
                   lookback: int = NEAREST_LOOKBACK) -> Actor | None:
    """The last person named before ``char``, at most ``lookback`` clauses back."""
    here = clause_at(char)
    for p in reversed(persons):
        if p.end <= char:
            return p if here - clause_at(p.start) <= lookback else None
    return None
