"""``grotius.load``: the language pipeline, offline.

``load("nl")`` returns the Dutch pipeline trained by this project and bundled in the package
(``grotius/models/nl``). Any other name or path is handed to ``spacy.load``, so a user may point
Grotius at another spaCy pipeline (e.g. an official one) without code changes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from grotius.annotate import sentences as _sentences  # noqa: F401  (registers the component)
from grotius.errors import GrotiusError

BUNDLED = {"nl": "nl"}


def bundled_path(lang: str) -> Path:
    return Path(str(resources.files("grotius.models").joinpath(BUNDLED[lang])))


def load(name: str = "nl", **kwargs: object) -> Language:
    """Load a pipeline by language code (bundled), spaCy package name or path."""
    if name in BUNDLED:
        path = bundled_path(name)
        if not (path / "config.cfg").is_file():
            raise GrotiusError(
                f"the bundled '{name}' pipeline is missing at {path}; build it with training/train.sh"
            )
        return spacy.load(path, **kwargs)  # type: ignore[arg-type]
    try:
        return spacy.load(name, **kwargs)  # type: ignore[arg-type]
    except OSError as exc:
        raise GrotiusError(f"cannot load pipeline {name!r}: {exc}") from None


@cache
def shared(name: str = "nl") -> Language:
    """One pipeline per process, for commands and workers that annotate many documents."""
    return load(name)
