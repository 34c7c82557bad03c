"""Score the event coder on a gold set in the output format.

    .venv/bin/python benchmarks/evaluate_events.py [benchmarks/gold/events-dev.jsonl] [--show]

Gold lines: {"id", "date", "text", "events": [{"source": {"country", "org"}, "target": ... or null,
"cameo", "status"}]}. Scores precision and recall of (source country/org, target country/org,
CAMEO root) triples (matched as multisets per record), then, over matched triples, full-code
accuracy and status accuracy."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

GOLD = Path(__file__).parent / "gold" / "events-dev.jsonl"


def party(a: dict[str, Any] | None) -> str | None:
    """An actor as the bars count it: its organisation, else its country."""
    if not a:
        return None
    return a.get("org") or a.get("country")


def triple(e: dict[str, Any]) -> tuple[str | None, str | None, str]:
    return party(e.get("source")), party(e.get("target")), str(e.get("cameo_root") or e["cameo"][:2])


def score(pairs: list[tuple[list[dict], list[dict]]]) -> dict[str, float]:
    """pairs: (gold events, system events) per record."""
    tp = n_gold = n_sys = code_ok = status_ok = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        left = list(system)
        for g in gold:
            for s in left:
                if triple(s) == triple(g):
                    tp += 1
                    code_ok += s["cameo"] == g["cameo"]
                    status_ok += s.get("status") == g.get("status")
                    left.remove(s)
                    break
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"gold": n_gold, "system": n_sys, "matched": tp, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "full_code_accuracy": round(code_ok / tp, 3) if tp else 0.0,
            "status_accuracy": round(status_ok / tp, 3) if tp else 0.0}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--show", action="store_true", help="print each record's gold and system triples")
    args = ap.parse_args(argv)
    from grotius import load
    from grotius.coding.article import code_document
    from grotius.ingest.readers import record_to_document

    nlp = load("nl")
    pairs, roots = [], Counter()
    for n, line in enumerate(args.gold.read_text(encoding="utf8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = json.loads(line)
        coded = code_document(record_to_document(rec, str(args.gold), n), nlp).to_record()
        pairs.append((rec["events"], coded["events"]))
        roots.update(triple(e)[2] for e in rec["events"])
        if args.show:
            print(rec["text"])
            print("   gold:", [triple(e) + (e["cameo"], e["status"]) for e in rec["events"]])
            print("   sys: ", [triple(e) + (e["cameo"], e["status"]) for e in coded["events"]])
    result = score(pairs)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
