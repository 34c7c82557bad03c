"""Language resources: one folder per language, data files only (YAML), read by the engines."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml

from grotius.errors import InputError
from grotius.yamlkeys import repeated_key


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping with a repeated key instead of keeping the last value."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    repeated = repeated_key(loader, node)
    if repeated is not None:
        key, mark, first = repeated
        raise InputError(str(mark.name), f"key {key!r} repeated (first at line {first})", mark.line + 1)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


@cache
def load_resource(lang: str, name: str) -> Any:
    """Read ``lang/<lang>/<name>`` (YAML) from the installed package."""
    path = resources.files("grotius.lang").joinpath(lang, name)
    with path.open(encoding="utf8") as fh:
        return yaml.load(fh, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def available(lang: str, name: str) -> bool:
    return resources.files("grotius.lang").joinpath(lang, name).is_file()


T = TypeVar("T")


def _word_class(kind: str, value: Any) -> Any:
    """One class of a grammar file as the type its field declares."""
    if kind.startswith("re.Pattern"):
        return re.compile(str(value))
    if kind == "str":
        return str(value).lower()
    if kind.startswith("tuple"):
        return tuple(str(w).lower() for w in value)
    if kind.startswith("dict"):
        return {str(k).lower(): frozenset(str(w).lower() for w in ws) for k, ws in value.items()}
    return frozenset(str(w).lower() for w in value)


def load_word_classes(lang: str, name: str, cls: type[T]) -> T:
    """An engine's word classes from the grammar file ``lang/<lang>/<name>`` as the dataclass
    ``cls``: one field per key (besides ``lang``), typed by its annotation: a set of lower-case
    words, one word (``str``), an ordered tuple, a map of word sets, or a regular expression. A key
    the engine needs and the file lacks is an error naming both."""
    data = load_resource(lang, name)
    values = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name == "lang":
            continue
        if f.name not in data:
            raise InputError(f"lang/{lang}/{name}", f"no word class {f.name!r}")
        values[f.name] = _word_class(str(f.type), data[f.name])
    return cls(lang=lang, **values)
