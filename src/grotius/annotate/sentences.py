"""Sentence-boundary constraints for quoted speech, applied before the parser.

News quotes close with the reporting clause after them (``‘We gedragen ons ...’, zei Poetin``):
a statistical segmenter trained on treebank sentences tends to cut at the closing quote. This
component marks where a sentence may *not* start; the parser respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

OPENING = {"‘", "“", "„", "«", "‚"}
CLOSING = {"’", "”", "»"}
AMBIGUOUS = {"'", '"'}
SENT_END = {".", "!", "?", "…"}


@Language.component("grotius_quote_sentences")
def quote_sentences(doc: Doc) -> Doc:
    n = len(doc)
    open_at: int | None = None
    for i, tok in enumerate(doc):
        t = tok.text
        is_open = t in OPENING or (t in AMBIGUOUS and open_at is None and tok.whitespace_ == "")
        is_close = t in CLOSING or (t in AMBIGUOUS and open_at is not None)
        if open_at is None and is_open:
            open_at = i
            if i + 1 < n:
                doc[i + 1].is_sent_start = False
            continue
        if open_at is not None and is_close:
            open_at = None
            # a closing quote belongs to the sentence it closes
            tok.is_sent_start = False
            nxt = doc[i + 1] if i + 1 < n else None
            if nxt is not None and (nxt.text in {",", ":", ";"} or nxt.text[:1].islower()):
                nxt.is_sent_start = False
                prev = doc[i - 1] if i > 0 else None
                if prev is not None and prev.text not in SENT_END and i + 2 < n:
                    doc[i + 2].is_sent_start = False
    return doc
