"""Language resources: every data file under lang/ loads, and a repeated key is refused with its
file and line (PyYAML alone would keep the last value and lose the first silently)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import pytest
import yaml

from grotius.coding.events.grammar import Grammar, grammar
from grotius.errors import InputError
from grotius.lang import _UniqueKeyLoader, load_resource, load_word_classes
from grotius.resolve.actors.yamlines import load_with_lines

LANG_FILES = sorted(
    (lang.name, f.name)
    for lang in resources.files("grotius.lang").iterdir()
    if lang.is_dir() and not lang.name.startswith("_")
    for f in lang.iterdir()
    if f.name.endswith(".yaml")
)


def test_there_are_language_files():
    assert ("nl", "events.yaml") in LANG_FILES and len(LANG_FILES) > 10


@pytest.mark.parametrize(("lang", "name"), LANG_FILES)
def test_every_language_file_loads_without_repeated_keys(lang, name):
    assert load_resource(lang, name) is not None


def test_repeated_key_is_refused_with_its_line():
    text = "a: [1]\nb:\n  c: 2\n  c: 3\n"
    with pytest.raises(InputError) as err:
        yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    assert err.value.line == 4 and "'c' repeated (first at line 3)" in err.value.message
    with pytest.raises(InputError) as err:
        load_with_lines(text, "user.yaml")
    assert err.value.source == "user.yaml" and err.value.line == 4


def test_same_key_in_different_mappings_is_fine():
    text = "- {id: x, cameo: '010'}\n- {id: y, cameo: '020'}\n"
    assert len(yaml.load(text, Loader=_UniqueKeyLoader)) == 2  # noqa: S506 - a SafeLoader subclass
    assert len(load_with_lines(text, "user.yaml")) == 2


@dataclass(frozen=True)
class _Probe:
    lang: str
    articles: frozenset[str]
    infinitive_marker: str


@dataclass(frozen=True)
class _Missing:
    lang: str
    no_such_class: frozenset[str]


def test_word_classes_typed_by_their_fields_and_a_missing_class_named():
    probe = load_word_classes("nl", "quotes-grammar.yaml", _Probe)
    assert probe.lang == "nl" and "de" in probe.articles and probe.infinitive_marker == "te"
    with pytest.raises(InputError) as err:
        load_word_classes("nl", "quotes-grammar.yaml", _Missing)
    assert err.value.source == "lang/nl/quotes-grammar.yaml" and "no_such_class" in err.value.message


# ---- the event coder's grammar: every class the engine names exists, with the shape it reads ----

_ACCESS = re.compile(r"\bg(?:rammar)?\.(words|tuple|table)\(\s*\"(\w+)\"\s*\)|\bg\[\s*\"(\w+)\"\s*\]")


def _engine_keys() -> set[tuple[str, str]]:
    found = set()
    for f in resources.files("grotius.coding.events").iterdir():
        if f.name.endswith(".py"):
            for m in _ACCESS.finditer(f.read_text(encoding="utf8")):
                found.add((m.group(1) or "item", m.group(2) or m.group(3)))
    return found


def test_event_engine_reads_only_classes_the_dutch_grammar_has():
    keys = _engine_keys()
    assert len(keys) > 60, "the scan must see the coder's grammar reads"
    g = grammar("nl")
    for kind, key in sorted(keys):
        if kind == "item":
            assert key in g.raw, key
        else:
            getattr(g, kind)(key)  # raises InputError on a missing key or a wrong shape


def test_event_grammar_names_file_and_key_when_a_class_is_missing_or_misshapen():
    g = Grammar({"verbs": "aanvallen", "codes": ["1"]}, "lang/xx/events-grammar.yaml")
    with pytest.raises(InputError) as err:
        g.words("no_such_class")
    assert err.value.source == "lang/xx/events-grammar.yaml" and "'no_such_class'" in err.value.message
    with pytest.raises(InputError, match="list of words"):
        g.words("verbs")
    with pytest.raises(InputError, match="must be a map"):
        g.table("codes")
