"""Tag and resolve time expressions (TIMEX3): ``--jsonl IN.jsonl`` reads records
``{"id", "text", "anchor"}`` and writes ``{"id", "timexes": [...]}`` per line; FILE... reads
dated-article files and resolves against their publication date."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "timex"
HELP = "tag time expressions and resolve them against a reference date"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="dated-article files")
    p.add_argument("--jsonl", type=Path, metavar="IN.jsonl", help='records {"id", "text", "anchor"}, one per line')
    p.add_argument("--lang", default="nl", help="language of the time rules (default nl)")


def run(args: argparse.Namespace) -> int:
    from grotius.errors import GrotiusError, InputError
    from grotius.ingest.readers import iter_jsonl, read_dated_article
    from grotius.resolve.time import tag_timexes

    if not args.files and args.jsonl is None:
        raise GrotiusError("give --jsonl IN.jsonl or dated-article files")
    failed = 0
    if args.jsonl is not None:
        source = str(args.jsonl)
        if not args.jsonl.is_file():
            raise InputError(source, "no such file")
        for line, rec in iter_jsonl(args.jsonl):
            try:
                if isinstance(rec, InputError):
                    raise rec
                text, anchor = _record(rec, source, line)
                timexes = tag_timexes(text, anchor, rec.get("lang", args.lang))
            except InputError as exc:
                print(f"grotius timex: error: {exc}", file=sys.stderr)
                failed += 1
                continue
            out = {"id": rec.get("id"), "timexes": [t.to_record() for t in timexes]}
            print(json.dumps(out, ensure_ascii=False))
    for path in args.files:
        try:
            document = read_dated_article(path, lang=args.lang)
        except InputError as exc:
            print(f"grotius timex: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        timexes = tag_timexes(document.text, document.published, document.lang)
        print(json.dumps({"id": document.id, "source": str(path), "anchor": str(document.published),
                          "timexes": [t.to_record() for t in timexes]}, ensure_ascii=False))
    return 1 if failed else 0


def _record(rec: object, source: str, line: int) -> tuple[str, str | None]:
    from grotius.errors import InputError
    from grotius.resolve.time import Anchor

    if not isinstance(rec, dict):
        raise InputError(source, "a record must be a JSON object", line)
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(source, 'missing or non-string "text"', line)
    anchor = rec.get("anchor", rec.get("date"))
    if anchor is not None:
        if not isinstance(anchor, str):
            raise InputError(source, '"anchor" must be an ISO date string', line)
        try:
            Anchor.parse(anchor)
        except ValueError as exc:
            raise InputError(source, f"bad anchor: {exc}", line) from None
    return text, anchor
