"""A YAML mapping must not repeat a key: PyYAML silently keeps the last value, so a second entry
under the same key in a data file would quietly replace the first (as happened to a word list of the
event grammar). Both YAML readers of the project check every mapping with this."""

from __future__ import annotations

from typing import Any

import yaml


def repeated_key(loader: Any, node: yaml.MappingNode) -> tuple[Any, yaml.Mark, int] | None:
    """The first key ``node`` repeats, with the position of its repetition and the 1-based line of
    its first use."""
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = loader.construct_object(key_node)
        line = key_node.start_mark.line + 1
        if key in seen:
            return key, key_node.start_mark, seen[key]
        seen[key] = line
    return None
