"""Read articles (files, folders, JSONL/CSV records, HTML pages, RSS/Atom feeds, URLs, ``-`` for
standard input), code them and store documents, events, quotes and time expressions. Documents
already stored are skipped; the exit status is 0 only when every input was stored or skipped as a
duplicate."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "ingest"
HELP = "code articles and store their events in a database (SQLite by default)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from grotius.store.engine import DEFAULT_URL

    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="file, folder, .jsonl/.csv records, .html page, RSS/Atom feed, http(s) URL, or -")
    p.add_argument("--db", default=DEFAULT_URL, help=f"store URL (default {DEFAULT_URL}; postgresql://... too)")
    p.add_argument("--engine", choices=["local", "ray"], default="local", help="where coding runs")
    p.add_argument("--address", help="--engine ray: cluster to join (auto, ray://HOST:10001; default: a local one)")
    p.add_argument("--workers", type=int, help="--engine ray: coding workers, one pipeline each (default: all CPUs)")
    p.add_argument("--shards", metavar="DIR", help="--engine ray: write Parquet shards here for grotius load, "
                   "instead of the store")
    p.add_argument("--model", default="nl", help="language pipeline (bundled language code, spaCy name or path)")
    p.add_argument("--batch-size", type=int, default=100, help="documents per transaction (default 100)")
    p.add_argument("--no-code", action="store_true", help="store documents only, without annotation and coding")
    p.add_argument("--coder", metavar="MODULE:FUNCTION", help="another coder, called as FUNCTION(document, nlp)")
    p.add_argument("--no-fetch", action="store_true", help="do not fetch the article pages behind feed entries")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar (default: only on a terminal)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on standard output")


def run(args: argparse.Namespace) -> int:
    from grotius.errors import GrotiusError
    from grotius.ingest.runner import Runner, default_coder, plugin_coder
    from grotius.ingest.sources import count_files, expand
    from grotius.store import Store

    if args.engine == "ray":
        from grotius.scale.engine import ingest_ray  # the only path that imports Ray

        return ingest_ray(args)
    if args.address or args.workers or args.shards:
        raise GrotiusError("--address, --workers and --shards need --engine ray")
    coder = None if args.no_code else (plugin_coder(args.coder, args.model) if args.coder
                                       else default_coder(args.model))
    with Store(args.db) as store:
        runner = Runner(store, coder, batch_size=args.batch_size, progress=args.progress)
        summary = runner.run(expand(args.sources, fetch_pages=not args.no_fetch), total=count_files(args.sources))
    print(f"grotius ingest: {summary.line()}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_record()))
    return 1 if summary.failed else 0
