"""One document through the coding stages: actors, time expressions, quotes, events.

Each stage is imported lazily; while a stage's module does not exist yet, the article is coded
without it (no actors: no events; no timexes: publication dates; no quotes: no speakers)."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from grotius.coding.events import code_events, sentence_spans
from grotius.datamodel import CodedArticle, Document

log = logging.getLogger(__name__)


def _stage(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:  # a stage still being built
        log.debug("stage %s.%s unavailable: %s", module, name, exc)
        return None


def code_document(document: Document, nlp: Language) -> CodedArticle:
    """Annotate and code one document: every actor mention, time expression, quote and event."""
    doc = nlp(document.text)
    return code_parsed(document, doc)


def code_parsed(document: Document, doc: Any) -> CodedArticle:
    """Code an already annotated document (``doc.text == document.text``)."""
    lang = document.lang or "nl"
    resolve_actors = _stage("grotius.resolve.actors", "resolve_actors")
    tag_timexes = _stage("grotius.resolve.time", "tag_timexes")
    find_quotes = _stage("grotius.coding.quotes", "find_quotes")
    actors = resolve_actors(doc, document.published, lang) if resolve_actors else []
    timexes = tag_timexes(document.text, document.published, lang) if tag_timexes else []
    quotes = find_quotes(doc, actors, lang) if find_quotes else []
    events = code_events(doc, actors, timexes, quotes, document.published, document.id, lang)
    sentences = [(s.start_char, s.end_char) for s in sentence_spans(doc, lang)]
    return CodedArticle(document, actors, timexes, quotes, events, sentences)
