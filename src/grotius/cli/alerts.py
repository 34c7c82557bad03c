"""Escalation alerts: actor pairs whose conflict events depart from their own trailing baseline
(robust z-score jump or CUSUM, with minimum support; docs/monitor.md). Newest first, each with the
events that drove it."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "alerts"
HELP = "escalation alerts per actor pair (--json for machines)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from grotius.store.engine import DEFAULT_URL

    p.add_argument("--db", default=DEFAULT_URL, help=f"store URL (default {DEFAULT_URL})")
    p.add_argument("--since", metavar="DATE", help="alerts from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--level", choices=["code", "country"], default="code", help="pairs of actor codes or countries")
    p.add_argument("--freq", choices=["day", "week"], default="day", help="period of the series (default day)")
    p.add_argument("--directed", action="store_true", help="A->B apart from B->A")


def run(args: argparse.Namespace) -> int:
    from grotius.datamodel import PubDate
    from grotius.errors import GrotiusError
    from grotius.monitor import SeriesSpec, alerts_for_store
    from grotius.store import Store

    since = None
    if args.since:
        try:
            since = PubDate.parse(args.since).first_day
        except ValueError as exc:
            raise GrotiusError(f"--since: {exc}") from None
    with Store(args.db) as store:
        alerts = alerts_for_store(store, SeriesSpec(args.level, args.freq, args.directed), since)
    for a in alerts:
        if args.json:
            print(json.dumps(a.to_record()))
        else:
            arrow = "->" if a.directed else "--"
            print(f"{a.period}  {a.a} {arrow} {a.b}  {a.rule:<5} {a.value} conflict events (baseline {a.baseline}, "
                  f"z={a.z}, cusum={a.cusum}), {a.n_events} events in {a.n_documents} documents since {a.since}: "
                  + " ".join(a.events[:5]) + (" ..." if len(a.events) > 5 else ""))
    if not alerts and not args.json:
        # say so on stderr: standard output stays empty for scripts that count lines
        print(f"no escalation alerts in {args.db}" + (f" since {args.since}" if args.since else ""), file=sys.stderr)
    return 0
