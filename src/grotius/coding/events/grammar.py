"""The language facts the coder reads from ``lang/<lang>/events-grammar.yaml`` and ``status.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from grotius.errors import InputError
from grotius.lang import load_resource


@dataclass(frozen=True)
class Grammar:
    """The coder's word classes. A key the coder asks for and the file lacks, or a class of the
    wrong shape, is an error naming the file and key: a misspelt key must not read as an empty
    class and silently switch a rule off."""

    raw: dict[str, Any]
    source: str = "events-grammar.yaml"
    # word classes already read, by key: the coder asks for them in hot loops
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _tuples: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def _list(self, key: str) -> list[str]:
        value = self[key]
        if value is None:
            return []  # a class written with no members yet
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise InputError(self.source, f"word class {key!r} must be a list of words")
        return value

    def words(self, key: str) -> frozenset[str]:
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = frozenset(w.lower() for w in self._list(key))
        return found

    def tuple(self, key: str) -> tuple[str, ...]:
        found = self._tuples.get(key)
        if found is None:
            found = self._tuples[key] = tuple(self._list(key))
        return found

    def table(self, key: str) -> dict[str, Any]:
        """A map (code -> code, word -> form) of the grammar file."""
        value = self[key]
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise InputError(self.source, f"{key!r} must be a map")
        return value

    def __getitem__(self, key: str) -> Any:
        try:
            return self.raw[key]
        except KeyError:
            raise InputError(self.source, f"no word class {key!r}") from None


@cache
def grammar(lang: str) -> Grammar:
    g = Grammar(load_resource(lang, "events-grammar.yaml"), f"lang/{lang}/events-grammar.yaml")
    # sets used in hot loops, computed once
    object.__setattr__(g, "particles", g.words("separable_particles"))
    return g


@cache
def status_cues(lang: str) -> dict[str, Any]:
    return load_resource(lang, "status.yaml")
