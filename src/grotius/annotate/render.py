"""Human- and machine-readable views of an annotated spaCy Doc."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def doc_to_record(doc: Doc) -> dict[str, Any]:
    return {
        "sentences": [
            {
                "start": s.start_char,
                "end": s.end_char,
                "text": s.text,
                "tokens": [
                    {"i": t.i - s.start, "text": t.text, "start": t.idx, "lemma": t.lemma_, "pos": t.pos_,
                     "morph": str(t.morph), "head": t.head.i - s.start, "dep": t.dep_}
                    for t in s
                ],
            }
            for s in doc.sents
        ],
        "entities": [
            {"text": e.text, "start": e.start_char, "end": e.end_char, "label": e.label_} for e in doc.ents
        ],
    }


def render_doc(doc: Doc) -> str:
    lines: list[str] = []
    for n, sent in enumerate(doc.sents):
        lines.append(f"\n[{n}] {sent.text}")
        lines.append(f"    {'#':>3}  {'token':<18} {'lemma':<16} {'pos':<6} {'head':>4}  {'dep':<12} {'ent':<6} morph")
        for t in sent:
            ent = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else ""
            lines.append(
                f"    {t.i - sent.start + 1:>3}  {t.text:<18} {t.lemma_:<16} {t.pos_:<6} "
                f"{(0 if t.head.i == t.i else t.head.i - sent.start + 1):>4}  {t.dep_:<12} {ent:<6} {t.morph}"
            )
    if doc.ents:
        lines.append("\nentities: " + "; ".join(f"{e.text} [{e.label_}]" for e in doc.ents))
    return "\n".join(lines)
