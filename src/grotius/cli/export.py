"""Export the stored events: CSV, JSON Lines (one event per line, with its document id and every
mention), Parquet, a GDELT-style event table (tab-separated, GDELT column names and codes) or
PLOVER JSON. Filters select events by actor, dyad, date range and CAMEO code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "export"
HELP = "export stored events as csv, jsonl, parquet, gdelt or plover"
FORMATS = ["csv", "jsonl", "parquet", "gdelt", "plover"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    from grotius.store.engine import DEFAULT_URL

    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--db", default=DEFAULT_URL, help=f"store URL (default {DEFAULT_URL})")
    p.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    p.add_argument("--actor", help="CAMEO actor code prefix (RUS, USAGOV) or name, as source or target")
    p.add_argument("--dyad", nargs=2, metavar=("SOURCE", "TARGET"), help="source and target actor")
    p.add_argument("--since", help="first date (YYYY[-MM[-DD]])")
    p.add_argument("--until", help="last date (YYYY[-MM[-DD]])")
    p.add_argument("--cameo", help="CAMEO code prefix (13 = every threat)")


def run(args: argparse.Namespace) -> int:
    from grotius.errors import GrotiusError
    from grotius.store import Store
    from grotius.store.export import WRITERS

    filters = {k: getattr(args, k) for k in ("actor", "dyad", "since", "until", "cameo") if getattr(args, k)}
    try:
        with Store(args.db) as store:
            if args.output:
                args.output.parent.mkdir(parents=True, exist_ok=True)
                with args.output.open("wb") as out:
                    n = WRITERS[args.format](store, out, **filters)
            else:
                n = WRITERS[args.format](store, sys.stdout.buffer, **filters)
                sys.stdout.buffer.flush()
    except ValueError as exc:
        raise GrotiusError(str(exc)) from None
    print(f"grotius export: {n} events written ({args.format})", file=sys.stderr)
    return 0
