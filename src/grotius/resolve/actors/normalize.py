"""Normalisation shared by alias compilation and matching: both sides must agree exactly."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Soft hyphens and zero-width characters (print layout, "het \xadbedrijf") are no part of a word.
_APOS = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "\xad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPLIT = re.compile(r"\s+|(?<=\w)(-)(?=\w)")


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """Lower case without diacritics: ``Erdoğan`` = ``erdogan``, ``Oekraïne`` = ``oekraine``."""
    word = word.translate(_APOS)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def split_words(text: str) -> list[str]:
    """Alias text to the word sequence matched against tokens; hyphens between letters become
    their own word, as hyphenated tokens are split the same way in the document (``Noord-Korea``)."""
    return [w for w in _SPLIT.split(text.translate(_APOS).strip()) if w]


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_acronym(word: str) -> bool:
    """``VS``, ``EU``, ``VN``: all capitals, short; matched case-sensitively (``vs`` is "versus")."""
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)
