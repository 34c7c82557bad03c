"""Show how a name resolves: which KB entries its words match, the role that holds at the date,
and the resulting actor code (``grotius actor Poetin --date 2021-12``)."""

from __future__ import annotations

import argparse
import json

NAME = "actor"
HELP = "show how a name resolves against the actor knowledge base, and why"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="+", help="the name or phrase, e.g. Poetin, 'de Amerikaanse president'")
    p.add_argument("--date", help="publication date YYYY, YYYY-MM or YYYY-MM-DD (roles valid then)")
    p.add_argument("--lang", default="nl", help="language of the aliases (default nl)")
    p.add_argument("--json", action="store_true", help="print the resolved actors as JSON")


def run(args: argparse.Namespace) -> int:
    from spacy.tokens import Doc

    from grotius.annotate.pipeline import shared
    from grotius.datamodel import PubDate
    from grotius.errors import GrotiusError
    from grotius.resolve.actors.kb import load_kb
    from grotius.resolve.actors.resolver import best_role, resolve_actors

    try:
        published = PubDate.parse(args.date) if args.date else None
    except ValueError as exc:
        raise GrotiusError(f"--date: {exc}") from None
    text = " ".join(args.name)
    nlp = shared(args.lang)
    doc: Doc = nlp(text)
    actors = resolve_actors(doc, published, args.lang)
    if args.json:
        print(json.dumps([{**a.to_record(), "via": a.via} for a in actors], ensure_ascii=False))
        return 0 if actors else 1
    kb = load_kb(args.lang)
    window = (published.first_day, published.last_day) if published else None
    print(f"{text!r} at {published or 'no date (latest roles)'}:")
    if not actors:
        print("  no actor found")
        return 1
    for a in actors:
        print(f"  {a.text!r} -> {a.code or '-'}  country={a.country} org={a.org} sector={a.sector} name={a.name}")
        print(f"      via {a.via}, entry {a.entry}")
        pid = a.entry.split("#", 1)[1] if a.entry and a.entry.startswith("kb/people") else None
        if pid and pid in kb.people:
            role, former = best_role(kb.people[pid], window)
            for r in kb.people[pid].roles:
                mark = "*" if r is role else " "
                titles = ",".join(r.titles) or "-"
                print(f"      {mark} {r.code:<12} {titles:<32} {r.start or '...'} .. {r.end or 'now'}"
                      f"{' (source date; may have gone on)' if r.open else ''}")
            if former:
                print("      (no role held at that date: coded as former, sector ELI)")
    return 0
