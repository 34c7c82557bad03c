"""Show the language pipeline's analysis of dated-article files: sentences, tokens, lemmas, POS,
morphology, dependencies and named entities (``--json`` for machine-readable output)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "annotate"
HELP = "show sentences, tokens, lemmas, POS, dependencies and entities of articles"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="dated-article files")
    p.add_argument("--model", default="nl", help="language code of a bundled pipeline, or a spaCy name/path")
    p.add_argument("--json", action="store_true", help="one JSON object per file")


def run(args: argparse.Namespace) -> int:
    from grotius.annotate.pipeline import load
    from grotius.annotate.render import doc_to_record, render_doc
    from grotius.errors import InputError
    from grotius.ingest.readers import read_dated_article

    nlp = load(args.model)
    failed = 0
    for path in args.files:
        try:
            document = read_dated_article(path)
        except InputError as exc:
            print(f"grotius annotate: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        doc = nlp(document.text)
        if args.json:
            rec = doc_to_record(doc)
            rec.update({"id": document.id, "source": str(path), "date": str(document.published)})
            print(json.dumps(rec, ensure_ascii=False))
        else:
            print(f"# {path}  (published {document.published}, precision {document.published.precision})")
            print(render_doc(doc))
    return 1 if failed else 0
