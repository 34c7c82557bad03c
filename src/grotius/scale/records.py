"""A CodedArticle (or Document) as a JSON string and back, losslessly: what crosses process
boundaries between Ray workers and the driver, and what a Parquet shard keeps per article.

Every dataclass carries its class name, so that stage-specific subclasses (the quote finder's
``FoundQuote`` with its hedge and cue) come back as they were coded. Only ``grotius`` classes are
rebuilt: JSON rather than pickle because shards outlive the run and may be read on another machine
(``grotius load``), and loading them must never execute foreign code."""

from __future__ import annotations

import dataclasses
import importlib
import json
from typing import Any

from grotius.datamodel import CodedArticle, Document

_CLASS, _TUPLE = "__class__", "__tuple__"


def encode(obj: Any) -> Any:
    """JSON-ready form of nested dataclasses, lists, tuples and dicts."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        out[_CLASS] = f"{type(obj).__module__}:{type(obj).__qualname__}"
        return out
    if isinstance(obj, tuple):
        return {_TUPLE: [encode(v) for v in obj]}
    if isinstance(obj, list):
        return [encode(v) for v in obj]
    if isinstance(obj, dict):
        return {k: encode(v) for k, v in obj.items()}
    return obj


def decode(data: Any) -> Any:
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if _TUPLE in data:
        return tuple(decode(v) for v in data[_TUPLE])
    if _CLASS not in data:
        return {k: decode(v) for k, v in data.items()}
    cls = _class(data[_CLASS])
    values = {k: decode(v) for k, v in data.items() if k != _CLASS}
    init = {f.name for f in dataclasses.fields(cls) if f.init}
    obj = cls(**{k: v for k, v in values.items() if k in init})
    for k, v in values.items():
        if k not in init:
            object.__setattr__(obj, k, v)  # fields outside __init__ (also on frozen classes)
    return obj


def _class(name: str) -> type:
    module, _, qualname = name.partition(":")
    if module != "grotius" and not module.startswith("grotius."):
        raise ValueError(f"not a grotius record class: {name!r}")
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    if not (isinstance(obj, type) and dataclasses.is_dataclass(obj)):
        raise ValueError(f"not a record class: {name!r}")
    return obj


def dumps_document(doc: Document) -> str:
    return json.dumps(encode(doc), ensure_ascii=False)


def loads_document(text: str) -> Document:
    return _checked(decode(json.loads(text)), Document)


def dumps_article(coded: CodedArticle) -> str:
    return json.dumps(encode(coded), ensure_ascii=False)


def loads_article(text: str) -> CodedArticle:
    return _checked(decode(json.loads(text)), CodedArticle)


def _checked(obj: Any, cls: type) -> Any:
    if not isinstance(obj, cls):
        raise ValueError(f"expected a {cls.__name__} record, got {type(obj).__name__}")
    return obj
