"""Draft an actor-resolution gold file for a range of EventDNA documents: one record per distinct
event participant (PER/ORG/LOC argument, not Time or Place) with its span and head, and the country,
org and sector left null for the annotator to fill in by reading the article (printed beside).

    .venv/bin/python benchmarks/actors_gold_draft.py --start 1001 --end 1070 > draft.jsonl 2> texts.txt
    .venv/bin/python benchmarks/actors_gold_draft.py --start 1081 --end 1340 --multiple-of 5  # dev2

It never runs the resolver, so that labels are written before the system's output is seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eventdna" / "docs"
SKIP_ROLES = {"Time", "Place"}


def participants(dnaf: dict[str, Any]) -> list[dict[str, Any]]:
    """Distinct participant spans of a document's events, each with the head of the entity it names."""
    ann = dnaf["doc"]["annotations"]
    heads = {tuple(e["features"]["span"]): e["features"]["head"]["features"]["span"] for e in ann["entities"].values()}
    seen: set[tuple[int, ...]] = set()
    out: list[dict[str, Any]] = []
    for ev in ann["events"].values():
        for arg in ev["features"].get("arguments", []):
            f = arg["features"]
            etype = f.get("argument_entity_type")
            if f.get("argument_role") in SKIP_ROLES or etype not in {"PER", "ORG", "LOC"}:
                continue
            span = tuple(f["span"])
            if span in seen:
                continue
            seen.add(span)
            head = heads.get(span, list(span))
            out.append({"span": [min(span), max(span)], "head": [min(head), max(head)], "type": etype})
    return sorted(out, key=lambda r: r["span"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--start", type=int, required=True)
    ap.add_argument("--end", type=int, required=True, help="last document number, inclusive")
    ap.add_argument(
        "--multiple-of",
        type=int,
        default=1,
        help="keep only documents whose number this divides (5: the fifth the NER model is not "
        "trained on, see training/prepare.py, so that 'found' is not inflated)",
    )
    args = ap.parse_args()
    for n in range(args.start, args.end + 1):
        if n % args.multiple_of:
            continue
        path = DATA / f"eventdna_{n}" / "dnaf.json"
        if not path.exists():
            continue
        dnaf = json.loads(path.read_text(encoding="utf8"))
        words = dnaf["doc"]["token_string"].split(" ")
        print(f"\n## {n}: " + " ".join(f"{i}:{w}" for i, w in enumerate(words)), file=sys.stderr)
        for rec in participants(dnaf):
            s, e = rec["span"]
            h0, h1 = rec["head"]
            print(
                f"   {rec['type']} {s}-{e} {' '.join(words[s : e + 1])!r} head {' '.join(words[h0 : h1 + 1])!r}",
                file=sys.stderr,
            )
            print(json.dumps({"doc": n, **rec, "country": None, "org": None, "sector": None}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
