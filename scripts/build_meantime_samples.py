"""Rebuild samples/meantime-nl/ from the MEANTIME Dutch Wikinews export in ../shared/data.

MEANTIME (CC BY 4.0, (c) 2015 FBK, VU Amsterdam, UPV/EHU) ships the 120 articles only as tokens
(`meantime.conll`). Each document's sentence 0 is the headline and sentence 1 its dateline
(`01-Mar-08`); this script joins the tokens back into readable text and writes one dated article
per document in the project's input format (`date YYYY-MM-DD` + headline + body).

    .venv/bin/python scripts/build_meantime_samples.py [--data ../shared/data/meantime-nl-derived]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "meantime-nl-derived"
OUT = REPO / "samples" / "meantime-nl"

# Tokens glued to what precedes / follows them when the text is joined back.
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "?", "!", "%", "”", "’"}
_NO_SPACE_AFTER = {"(", "„", "‘", "$", "#", "€"}


def read_conll(path: Path) -> dict[str, dict[int, list[str]]]:
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            doc, sent, _tok, token, *_ = line.rstrip("\n").split("\t")
            docs[doc][int(sent)].append(token)
    return docs


def _quotes(tokens: list[str]) -> list[str]:
    """The export writes ``opening`` and ' ' closing quotes (two tokens); make them „ and ”, and
    straight double quotes alternate open/close within a document."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.startswith("``"):
            out.append("„")
            if tok[2:]:
                out.append(tok[2:])
        elif tok == "`":
            out.append("‘")
        elif tok == "'" and i + 1 < len(tokens) and tokens[i + 1] == "'":
            out.append("”")
            i += 1
        elif tok == "''":
            out.append("”")
        elif tok == "'":
            out.append("’")
        else:
            out.append(tok)
        i += 1
    return out


def detokenize(tokens: list[str]) -> str:
    toks = _quotes(tokens)
    text = ""
    for tok in toks:
        glue = not text or text.endswith(tuple(_NO_SPACE_AFTER)) or tok in _NO_SPACE_BEFORE
        text += tok if glue else " " + tok
    text = text.replace(". ..", "...").replace("::", ":").replace("GB #", "£")
    text = re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", text)  # V. S. -> V.S.
    text = re.sub(r"(\w) - (en|of) ", r"\1- \2 ", text)  # luchtvaart - en ruimtesector
    return _apostrophes(text).strip()


# 's werelds, 's avonds: the apostrophe opens a word of its own; elsewhere it ends the one before.
_ADVERBIAL = r"(?:werelds|morgens|ochtends|middags|avonds|nachts|zondags|maandags|jaarlijks|lands)\b"


def _apostrophes(text: str) -> str:
    text = re.sub(r"\s*[‘’'`]\s*s (?=" + _ADVERBIAL + ")", " ’s ", text)
    text = re.sub(r"(\w)\s*[‘’'`]\s*([sn])\b(?! " + _ADVERBIAL + ")", r"\1’\2", text)  # pagina 's, foto`s, zo' n
    return re.sub(r"\bO’ (?=[A-Z])", "O’", text)  # O' Leary


def _straight_quotes(text: str) -> str:
    """Straight double quotes (a few sentences are wrapped in them) become „ ” alternately."""
    parts = text.split('"')
    out = parts[0]
    for k, part in enumerate(parts[1:]):
        opening = k % 2 == 0
        out = out.rstrip() + " „" if opening else out.rstrip() + "”"
        out += part.lstrip() if opening else part
    return out


def build(data: Path, out: Path) -> int:
    docs = read_conll(data / "meantime.conll")
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc_id, sents in sorted(docs.items()):
        order = sorted(sents)
        if len(order) < 3:
            continue
        headline = detokenize(sents[order[0]])
        try:
            published = datetime.strptime(" ".join(sents[order[1]]), "%d-%b-%y").date()
        except ValueError:
            print(f"{doc_id}: no dateline in sentence 1, skipped", file=sys.stderr)
            continue
        body = _straight_quotes(" ".join(detokenize(sents[s]) for s in order[2:]))
        name = doc_id.replace("corpus_", "").replace("/", "-")
        path = out / f"{published.isoformat()}-{name}.txt"
        path.write_text(f"date {published.isoformat()}\n{headline}\n\n{body}\n", encoding="utf-8")
        written += 1
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not (args.data / "meantime.conll").exists():
        print(f"{args.data}: no meantime.conll here", file=sys.stderr)
        return 2
    n = build(args.data, args.out)
    print(f"{n} articles written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
