"""One document through the coding stages: actors, time expressions, quotes, events."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from grotius.annotate.pipeline import annotate
from grotius.coding.events import code_events, sentence_spans
from grotius.coding.quotes import find_quotes, speakers_side
from grotius.datamodel import CodedArticle, Document
from grotius.resolve.actors import load_kb, resolve_actors
from grotius.resolve.actors.setting import source_country
from grotius.resolve.time import tag_timexes


def code_document(document: Document, nlp: Language) -> CodedArticle:
    """Annotate and code one document: every actor mention, time expression, quote and event."""
    return code_parsed(document, annotate(nlp, document.text))


def code_parsed(document: Document, doc: Doc) -> CodedArticle:
    """Code an already annotated document (``doc.text == document.text``)."""
    lang = document.lang or "nl"
    # the outlet's country places actors that nothing in the text places (a local party, a town)
    country = source_country(load_kb(lang), document.meta, document.source, document.url)
    actors = resolve_actors(doc, document.published, lang, country=country)
    timexes = tag_timexes(document.text, document.published, lang)
    quotes = find_quotes(doc, actors, lang, timexes=timexes)
    actors = speakers_side(actors, quotes, lang)  # `we` in a quote is the speaker's side, for the events too
    events = code_events(doc, actors, timexes, quotes, document.published, document.id, lang)
    sentences = [(s.start_char, s.end_char) for s in sentence_spans(doc, lang)]
    return CodedArticle(document, actors, timexes, quotes, events, sentences)
