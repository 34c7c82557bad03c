"""Store the Parquet shards that ``grotius ingest --engine ray --shards DIR`` wrote: documents,
events, quotes and time expressions, exactly as a direct ingest would. Loading is idempotent:
documents already stored are skipped, so a shard loaded twice (or a folder loaded again after an
interruption) adds nothing. Exit status 0 only when every row was stored or skipped as a duplicate
(rows recording an input or coding failure count as failed)."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "load"
HELP = "store Parquet shards written by grotius ingest --engine ray --shards"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from grotius.store.engine import DEFAULT_URL

    p.add_argument("shards", nargs="+", metavar="SHARDS", help=".parquet shard files or folders of them")
    p.add_argument("--db", default=DEFAULT_URL, help=f"store URL (default {DEFAULT_URL}; postgresql://... too)")
    p.add_argument("--batch-size", type=int, default=100, help="documents per transaction (default 100)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on standard output")


def run(args: argparse.Namespace) -> int:
    from grotius.scale.shards import iter_batches, shard_files
    from grotius.scale.sink import Sink
    from grotius.store import Store

    files = shard_files(args.shards)
    with Store(args.db) as store:
        sink = Sink(store, prog="grotius load")
        for batch in iter_batches(files, args.batch_size):
            sink.write(batch["status"], batch["error"], batch["coded"], batch["article"])
    summary = sink.summary
    print(f"grotius load: {len(files)} shards, {summary.line()}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_record()))
    return 1 if summary.failed else 0
