"""Language resources: one folder per language, data files only (YAML), read by the engines."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

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
