"""Actors: a knowledge base of who is who, and when, resolved in every article.

``resolve_actors(doc, published, lang)`` returns every actor mention of an annotated article (named
people and organisations, countries, capitals and seats of government, adjective + actor noun
phrases, titles, pronouns), resolved to ``grotius.datamodel.Actor`` records at the publication
date; ``actor_at(actors, doc, token_i)`` finds the mention covering a token, for the event coder.
"""

from __future__ import annotations

from spacy.tokens import Doc

from grotius.datamodel import Actor
from grotius.resolve.actors.kb import load_kb
from grotius.resolve.actors.resolver import resolve_actors


def actor_at(actors: list[Actor], doc: Doc, token_i: int) -> Actor | None:
    """The actor mention covering token ``token_i``, or one attached to it as a name, apposition or
    compound (``de president`` -> ``Poetin`` in ``de president, Poetin``)."""
    tok = doc[token_i]
    for a in actors:
        if a.start <= tok.idx < a.end:
            return a
    for child in tok.children:
        if child.dep_ in {"flat", "appos", "compound", "flat:name"}:
            for a in actors:
                if a.start <= child.idx < a.end:
                    return a
    return None


__all__ = ["actor_at", "load_kb", "resolve_actors"]
