"""The language facts the coder reads from ``lang/<lang>/events-grammar.yaml`` and ``status.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from grotius.lang import load_resource


@dataclass(frozen=True)
class Grammar:
    raw: dict[str, Any]

    def words(self, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.raw.get(key, []) or [])

    def tuple(self, key: str) -> tuple[str, ...]:
        return tuple(self.raw.get(key, []) or [])

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
