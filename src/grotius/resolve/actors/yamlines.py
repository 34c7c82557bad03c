"""YAML reading that remembers the line of every mapping, so that validation errors can name it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from grotius.errors import InputError
from grotius.yamlkeys import repeated_key

LINE = "__line__"


# The C loader when libyaml is there: the generated people file is large.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader whose mappings carry their 1-based source line under ``__line__``."""


class RepeatedKey(yaml.YAMLError):
    """A mapping repeats a key; reported like a syntax error, with its line."""

    def __init__(self, problem: str, mark: yaml.Mark) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    repeated = repeated_key(loader, node)
    if repeated is not None:
        key, mark, first = repeated
        raise RepeatedKey(f"key {key!r} repeated (first at line {first})", mark)
    data = loader.construct_mapping(node, deep=True)
    data[LINE] = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_with_lines(text: str, source: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(source, f"not valid YAML: {getattr(exc, 'problem', exc)}", line) from None


def read_yaml(path: Path | str, source: str | None = None) -> Any:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    return load_with_lines(text, source or str(path))
