"""Language resources: one folder per language, data files only (YAML), read by the engines."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_resource(lang: str, name: str) -> Any:
    """Read ``lang/<lang>/<name>`` (YAML) from the installed package."""
    path = resources.files("grotius.lang").joinpath(lang, name)
    with path.open(encoding="utf8") as fh:
        return yaml.safe_load(fh)


def available(lang: str, name: str) -> bool:
    return resources.files("grotius.lang").joinpath(lang, name).is_file()
