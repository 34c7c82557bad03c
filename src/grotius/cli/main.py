"""``grotius`` entry point. Each subcommand lives in its own module under ``grotius.cli`` with
``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; heavy imports happen
inside ``run`` so that ``grotius --help`` stays instant."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from grotius import __version__
from grotius.errors import GrotiusError

# Subcommand modules, in the order ``--help`` lists them.
COMMANDS = ["annotate", "ingest", "stats", "export", "actor", "kb", "timex", "alerts", "serve", "code", "explain",
            "load"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grotius",
        description="Political event data from dated news articles: who did what to whom, when.",
    )
    parser.add_argument("--version", action="version", version=f"grotius {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        mod = importlib.import_module(f"grotius.cli.{name}")
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.__doc__)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except GrotiusError as exc:
        print(f"grotius {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"grotius {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
