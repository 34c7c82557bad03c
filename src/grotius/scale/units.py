"""SOURCE arguments as independent read units, and reading one unit into encoded items.

Files (and each file of a folder) become one unit each, read by whichever Ray worker picks it up;
standard input and URLs are streams the driver must read itself, so their items travel inline.
An item row is ``{"doc": JSON of a Document, "error": ""}`` or ``{"doc": "", "error": message}``:
the same Documents and InputErrors, in the same order, as ``grotius.ingest.sources.expand``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from grotius.errors import InputError
from grotius.ingest.sources import Item, _is_url, expand, folder_files, from_path
from grotius.scale.records import dumps_document

Row = dict[str, Any]


def encode(item: Item) -> Row:
    if isinstance(item, InputError):
        return {"doc": "", "error": str(item)}
    return {"doc": dumps_document(item), "error": ""}


def plan(sources: Sequence[str], fetch_pages: bool = True) -> list[Row]:
    """One row per unit, in input order: ``{"path": file}`` or ``{"inline": JSON list of items}``."""
    units: list[Row] = []

    def inline(items: Iterable[Item]) -> None:
        units.append({"path": "", "inline": json.dumps([encode(i) for i in items], ensure_ascii=False),
                      "fetch": fetch_pages})

    for source in sources:
        path = Path(source)
        if source == "-" or _is_url(source) or not path.exists():
            inline(expand([source], fetch_pages=fetch_pages))  # streams, and the "no such file" error
        elif path.is_dir():
            units += [{"path": str(f), "inline": "", "fetch": fetch_pages} for f in folder_files(path)]
        else:
            units.append({"path": str(path), "inline": "", "fetch": fetch_pages})
    return units


def read_unit(unit: Row) -> list[Row]:
    """Ray Data ``flat_map`` function: the items of one unit."""
    if not unit["path"]:
        return list(json.loads(unit["inline"]))
    return [encode(item) for item in from_path(Path(unit["path"]), bool(unit["fetch"]))]
