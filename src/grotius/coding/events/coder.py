"""The per-document loop of the event coder: sentences, triggers, candidates, decisions, events."""

from __future__ import annotations

from spacy.tokens import Doc

from grotius.coding.events.arguments import ActorIndex, _party
from grotius.coding.events.candidates import _candidate, sentence_spans
from grotius.coding.events.decisions import (
    _drop_appositive_participles,
    _drop_noun_clauses,
    _drop_purpose_clauses,
    _drop_reason_clauses,
    _lend_light_arguments,
    _resolve_conflicts,
    _sentence_decisions,
    _share_coordinated_subjects,
    anaphoric_targets,
    gapped_passives,
)
from grotius.coding.events.emit import _emit, explain_merge
from grotius.coding.events.grammar import grammar, status_cues
from grotius.coding.events.patterns import load_lexicon
from grotius.coding.events.triggers import find_triggers
from grotius.datamodel import Actor, Event, PubDate, Quote, Timex


def _told_as(a: Actor | None) -> str | None:
    """The party an emitted event names, down to the actor code when it has no country or org."""
    return (_party(a) or a.code) if a is not None else None


def code_events(
    doc: Doc,
    actors: list[Actor],
    timexes: list[Timex],
    quotes: list[Quote],
    published: PubDate | None,
    doc_id: str,
    lang: str = "nl",
) -> list[Event]:
    """Every event the pattern data finds in ``doc``, one per source-target pair, in text order."""
    lex, g = load_lexicon(lang), grammar(lang)
    cond = frozenset(w for c in status_cues(lang)["cues"] if c["status"] == "conditional" for w in c["words"])
    uncoded = frozenset(g.tuple("uncoded_codes"))
    one_way = frozenset(g.tuple("one_way_codes"))
    idx = ActorIndex.build(doc, actors)
    events: list[Event] = []
    for sent_i, sent in enumerate(sentence_spans(doc, lang)):
        tokens = [t for t in sent if not t.is_space and not t.is_punct]
        cands = [
            _candidate(m, why, sent_i, sent, idx, g, lang, cond, quotes)
            for m, why in _resolve_conflicts(find_triggers(tokens, lex, g), g)
        ]
        cands += gapped_passives(cands, idx, g)
        _share_coordinated_subjects(cands, g)
        _lend_light_arguments(cands)
        _drop_purpose_clauses(cands, g)
        _drop_appositive_participles(cands, g)
        _drop_reason_clauses(cands, g)
        _drop_noun_clauses(cands, g)
        anaphoric_targets(cands, events, g)
        _sentence_decisions(cands, idx, g, cond)
        told: dict[tuple, Event] = {}
        for c in cands:
            if c.dropped is None and c.cameo in uncoded:
                c.dropped = f"residual code {c.cameo}"
            if c.dropped is None:
                tok = c.match.token
                for e in _emit(c, timexes, published, doc_id, one_way):
                    # "opende het vuur ... en doodde": one sentence tells one act per pair and code
                    key = (_told_as(e.source), _told_as(e.target), e.cameo, e.status)
                    if key not in told:
                        told[key] = e
                        events.append(e)
                    else:
                        # the token number counts within the event's sentence (its s<n>); chars are unambiguous
                        explain_merge(
                            told[key],
                            f"also said by trigger '{tok.text}' (token {tok.i - sent.start}, chars "
                            f"{tok.idx}-{tok.idx + len(tok.text)}, {e.rule}), merged: one event per "
                            "source, target, code and status in a sentence",
                        )
    return events
