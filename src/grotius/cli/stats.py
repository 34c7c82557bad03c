"""Counts of what the store holds: documents, events (merged across articles), event mentions,
quotes, time expressions, actor mentions, near-duplicates and the date range."""

from __future__ import annotations

import argparse
import json

NAME = "stats"
HELP = "show what the store holds (--json for machines)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from grotius.store.engine import DEFAULT_URL

    p.add_argument("--db", default=DEFAULT_URL, help=f"store URL (default {DEFAULT_URL})")
    p.add_argument("--json", action="store_true", help="one JSON object")


def run(args: argparse.Namespace) -> int:
    from grotius.store import Store

    with Store(args.db) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats))
    else:
        width = max(len(k) for k in stats)
        for key, value in stats.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0
