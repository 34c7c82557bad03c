"""The function words and word shapes the actor resolver reads a phrase with, from
``lang/<lang>/actors-grammar.yaml`` (its header says what each class is). Not part of the compiled
knowledge base: the KB compiler never reads it, so it is loaded on its own, once per language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from grotius.lang import load_word_classes

RESOURCE = "actors-grammar.yaml"


@dataclass(frozen=True)
class ActorGrammar:
    """One field per key of the grammar file: a set of lower-case words, a single word, an ordered
    tuple (tried in order) or a regular expression."""

    lang: str
    genitive_preposition: str
    agent_preposition: str
    residence_prepositions: frozenset[str]
    declarative_complementizer: str
    coordinators: frozenset[str]
    and_conjunction: str
    definite_articles: frozenset[str]
    definite_determiners: frozenset[str]
    plural_be_form: str
    plural_ending: str
    agent_verb_forms: frozenset[str]
    participle_prefix: str
    attributive_participle_endings: tuple[str, ...]
    genitive_ending: str
    genitive_clitics: frozenset[str]
    genitive_suffix_pattern: re.Pattern[str]
    member_suffixes: tuple[str, ...]
    genitive_name_pattern: re.Pattern[str]
    name_plural_ending: str
    plural_noun_ending: str


@cache
def grammar(lang: str) -> ActorGrammar:
    """The resolver's word classes for one language; a class missing from the file is an error."""
    return load_word_classes(lang, RESOURCE, ActorGrammar)


def grammar_of(doc: Doc) -> ActorGrammar:
    """The word classes of the document's language (for helpers that see only the document)."""
    return grammar(doc.lang_)
