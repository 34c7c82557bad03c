"""Language resources: every data file under lang/ loads, and a repeated key is refused with its
file and line (PyYAML alone would keep the last value and lose the first silently)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pytest
import yaml

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
