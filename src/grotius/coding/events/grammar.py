"""The language facts the coder reads from ``lang/<lang>/events-grammar.yaml`` and ``status.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from grotius.lang import load_resource


@dataclass(frozen=True)
class Grammar:
    raw: dict[str, Any]
    # word classes already read, by key: the coder asks for them in hot loops
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _tuples: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = frozenset(w.lower() for w in self.raw.get(key, []) or [])
        return found

    def tuple(self, key: str) -> tuple[str, ...]:
        found = self._tuples.get(key)
        if found is None:
            found = self._tuples[key] = tuple(self.raw.get(key, []) or [])
        return found

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]


@cache
def grammar(lang: str) -> Grammar:
    g = Grammar(load_resource(lang, "events-grammar.yaml"))
    # sets used in hot loops, computed once
    object.__setattr__(g, "particles", g.words("separable_particles"))
    return g


@cache
def status_cues(lang: str) -> dict[str, Any]:
    return load_resource(lang, "status.yaml")
