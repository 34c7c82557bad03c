"""``grotius.load``: the language pipeline, offline.

``load("nl")`` returns the Dutch pipeline trained by this project and bundled in the package
(``grotius/models/nl``). Any other name or path is handed to ``spacy.load``, so a user may point
Grotius at another spaCy pipeline (e.g. an official one) without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from grotius.annotate import sentences as _sentences  # noqa: F401  (registers the components)
from grotius.annotate import spaces as _spaces  # noqa: F401
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


# The parser keeps about 20 kB of precomputed features per token of a batch, so long texts are
# annotated in paragraph-aligned chunks and joined again: memory stays flat for any article size.
MAX_CHUNK_CHARS = 5000
_BREAK = re.compile(r"\n\s*")


def split_chunks(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[str]:
    """Cut ``text`` after paragraph breaks (else after a sentence-like full stop, else anywhere)
    into pieces of at most about ``max_chars``; the pieces concatenate back to ``text``."""
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = max((m.end() for m in _BREAK.finditer(window)), default=0)
        if cut == 0:
            cut = window.rfind(". ") + 2
        if cut <= 1:
            cut = window.rfind(" ") + 1 or max_chars
        yield text[start : start + cut]
        start += cut
    if start < len(text):
        yield text[start:]


def annotate(nlp: Language, text: str, max_chars: int = MAX_CHUNK_CHARS) -> Doc:
    """Annotate ``text`` whatever its length; ``doc.text == text`` so character offsets hold."""
    if len(text) <= max_chars:
        return nlp(text)
    docs = list(nlp.pipe(split_chunks(text, max_chars), batch_size=1))
    return Doc.from_docs(docs, ensure_whitespace=False)
