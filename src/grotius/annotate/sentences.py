"""Sentence-boundary constraints for news text, applied before the parser.

The parser learnt sentence boundaries from treebank sentences, which are short and rarely quote
anyone. News needs three rules it respects as preset boundaries:
- a paragraph break always ends a sentence, and the whitespace token belongs to the sentence before;
- a quote closed by its reporting clause stays one sentence (``‘We gedragen ons ...’, zei Poetin``),
  and no sentence starts right after an opening quote mark;
- sentence-final punctuation followed by a capitalised word starts a new sentence (abbreviations
  such as ``mr.`` and ``o.a.`` are single tokens, so their full stop never stands alone).
Everywhere else a sentence may not start: an undertrained segmenter splits long news sentences
at names and conjunctions, and news sentences practically always end in punctuation.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

OPENING = {"‘", "“", "„", "«", "‚", ",,"}  # ,, and '' are Dutch newspapers' typewriter quotes
CLOSING = {"’", "”", "»", "''"}
AMBIGUOUS = {"'", '"'}
SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}
CONTINUES_AFTER_QUOTE = {",", ":", ";", "-", "–"}


def _starts_like_sentence(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() or t[:1].isdigit() or t in OPENING or t in AMBIGUOUS


@Language.component("grotius_quote_sentences")
def quote_sentences(doc: Doc) -> Doc:
    n = len(doc)
    open_at: int | None = None
    for tok in doc[1:]:
        tok.is_sent_start = False
    for i, tok in enumerate(doc):
        t = tok.text
        nxt = doc[i + 1] if i + 1 < n else None
        if tok.is_space:
            if i > 0:
                tok.is_sent_start = False
            if "\n" in t and nxt is not None:
                nxt.is_sent_start = True
                open_at = None  # a quote left open never runs past a paragraph in practice
            continue
        is_open = t in OPENING or (t in AMBIGUOUS and open_at is None and tok.whitespace_ == "")
        is_close = t in CLOSING or (t in AMBIGUOUS and open_at is not None)
        if open_at is None and is_open:
            open_at = i
            if nxt is not None:
                nxt.is_sent_start = False
            continue
        if open_at is not None and is_close:
            open_at = None
            if i > 0:
                tok.is_sent_start = False  # a closing quote belongs to the sentence it closes
            if nxt is None or nxt.is_space:
                continue
            prev = doc[i - 1] if i > 0 else None
            ended = prev is not None and prev.text in SENT_END
            if nxt.text in CONTINUES_AFTER_QUOTE or nxt.text[:1].islower():
                nxt.is_sent_start = False
            elif ended and _starts_like_sentence(nxt):
                nxt.is_sent_start = True
            continue
        if t in SENT_END and nxt is not None and not nxt.is_space and open_at is None:
            if nxt.text in CLOSING or nxt.text in SENT_END:
                continue
            if _starts_like_sentence(nxt):
                nxt.is_sent_start = True
    return doc
