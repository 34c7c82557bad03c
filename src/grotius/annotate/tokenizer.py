"""Tokenizer tuning for news text, driven by ``lang/<lang>/tokenizer.yaml``."""

from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.language import Language

from grotius.lang import available, load_resource

APOSTROPHES = ("'", "’", "‘")
_WORD_ABBREVIATION = re.compile(r"[A-Za-z][a-z]+\.")


def _variants(form: str) -> set[str]:
    out = set()
    for apo in APOSTROPHES:
        f = form.replace("'", apo)
        out.add(f)
        out.add(f[:1].upper() + f[1:])
    return out


def tune_tokenizer(nlp: Language, lang: str | None = None) -> Language:
    """Add the language's special cases to ``nlp.tokenizer``; idempotent. The special cases are
    serialised with the pipeline, so a saved pipeline needs no Grotius code to tokenize."""
    lang = lang or nlp.lang
    if not available(lang, "tokenizer.yaml"):
        return nlp
    data = load_resource(lang, "tokenizer.yaml")
    if data.get("drop_word_abbreviations"):
        nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if not _WORD_ABBREVIATION.fullmatch(k)}
    for entry in data.get("exceptions", []):
        for form in entry["forms"]:
            for v in _variants(form):
                nlp.tokenizer.add_special_case(v, [{ORTH: v}])
    for entry in data.get("abbreviations", []):
        for form in entry["forms"]:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp
