"""Explain the events of dated-article files: for each event, the parse path that found its
trigger, source, target and status, and the data entry (``nl/events.yaml#<id>``) that coded it."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "explain"
HELP = "show, for each coded event, the parse path and the data entry used"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="dated-article files")
    p.add_argument("--model", default="nl", help="language code of a bundled pipeline, or a spaCy name/path")


def run(args: argparse.Namespace) -> int:
    from grotius.cli import code

    args.jsonl, args.format, args.explain = None, "text", True
    return code.run(args)
