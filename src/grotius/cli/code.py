"""Code dated-article files (or a JSON Lines file of {"id", "date", "text"} records) into events:
who did what to whom, when, said by whom. Human-readable by default, ``--format json`` for one
JSON object per file, ``--jsonl IN.jsonl`` for one JSON line per record (docs/interfaces.md).
A bad file or record is reported on one line naming it; the rest goes on; the exit status is then 1."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

NAME = "code"
HELP = "code articles into CAMEO/PLOVER events (files, or --jsonl records)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="dated-article files")
    p.add_argument("--jsonl", type=Path, metavar="IN.jsonl", help='records {"id", "date", "text"} ("-": stdin)')
    p.add_argument("--format", choices=("text", "json"), default="text", help="output for FILE arguments")
    p.add_argument("--explain", action="store_true", help="show the parse path and data entry of each event")
    p.add_argument("--model", default="nl", help="language code of a bundled pipeline, or a spaCy name/path")


def _err(exc: Exception) -> None:
    print(f"grotius code: error: {exc}", file=sys.stderr)


def render_event(e: Any, explain: bool = False) -> str:
    """One event as a line of text (and its explanation, when asked)."""
    def who(a: Any) -> str:
        return "-" if a is None else f"{a.text} [{a.code or a.country or a.org or '?'}]"
    line = (f"  s{e.sentence} {e.date.value} ({e.date.basis})  {who(e.source)} -> {who(e.target)}  "
            f"CAMEO {e.cameo} {e.plover or '-'} q{e.quad_class} g{e.goldstein:+}  {e.status}  "
            f"'{e.trigger}' {e.rule}")
    if e.reported_by is not None:
        line += f"  reported by {who(e.reported_by)}"
    if explain and e.provenance is not None:
        line += "".join(f"\n      {step}" for step in e.provenance.detail.get("path", []))
        line += f"\n      entry {e.rule}: {e.provenance.detail.get('code_name', '')}"
    return line


def run(args: argparse.Namespace) -> int:
    from grotius.annotate.pipeline import load
    from grotius.coding.article import code_document
    from grotius.errors import InputError
    from grotius.ingest.readers import iter_jsonl, read_dated_article, record_to_document

    if not args.files and args.jsonl is None:
        raise InputError("grotius code", "give FILE arguments or --jsonl IN.jsonl")
    nlp = load(args.model)
    failed = 0
    if args.jsonl is not None:
        lines = sys.stdin if str(args.jsonl) == "-" else None
        try:
            for n, rec in iter_jsonl(args.jsonl, (line.rstrip("\n") for line in lines) if lines else None):
                try:
                    if isinstance(rec, InputError):
                        raise rec
                    coded = code_document(record_to_document(rec, str(args.jsonl), n), nlp)
                except InputError as exc:
                    _err(exc)
                    failed += 1
                    continue
                print(json.dumps(coded.to_record(), ensure_ascii=False), flush=False)
        except OSError as exc:
            _err(InputError(str(args.jsonl), f"cannot read: {exc.strerror}"))
            failed += 1
    for path in args.files:
        try:
            document = read_dated_article(path)
        except (InputError, OSError) as exc:
            _err(exc if isinstance(exc, InputError) else InputError(str(path), f"cannot read: {exc}"))
            failed += 1
            continue
        coded = code_document(document, nlp)
        if args.format == "json":
            rec = coded.to_record()
            rec.update({"source": str(path), "date": str(document.published)})
            print(json.dumps(rec, ensure_ascii=False))
        else:
            print(f"# {path}  (published {document.published}): {len(coded.events)} events")
            for e in coded.events:
                print(render_event(e, args.explain))
    return 1 if failed else 0
