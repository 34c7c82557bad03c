"""Score the event coder on a gold set in the output format.

    .venv/bin/python benchmarks/evaluate_events.py [GOLD.jsonl] [--split dev|test] [--show] [--errors]

Gold lines: {"id", "date", "text", "events": [{"source": {"country", "org"}, "target": ... or null,
"cameo", "status"}]}; instead of "text" a line may reference it ("source" file under ../shared/data,
"article", "start", "end", "text_sha1"). Scores precision and recall of (source country/org, target country/org,
CAMEO root) triples (matched as multisets per record), then, over matched triples, full-code
accuracy and status accuracy; ``--split`` keeps the records of one half (the ``split`` field),
per-root precision/recall and a tally of error classes (``error_class``) are printed too."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

GOLD = Path(__file__).parent / "gold" / "events-dev.jsonl"
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def resolve_text(rec: dict[str, Any], cache: dict[str, dict[int, str]]) -> dict[str, Any]:
    """A record that references its text (``source`` file under ../shared/data, ``article`` id,
    ``start``/``end`` offsets, ``text_sha1``) instead of holding it: corpora whose licence does not
    allow copying their texts into the project (dpgmedia2019)."""
    if "text" in rec:
        return rec
    import hashlib

    if rec["source"] not in cache:
        path = SHARED_DATA / rec["source"]
        if not path.exists():
            raise SystemExit(f"{rec['id']}: needs ../shared/data/{rec['source']}")
        lines = path.read_text(encoding="utf8").splitlines()
        cache[rec["source"]] = {a["id"]: a["text"] for a in map(json.loads, lines)}
    text = cache[rec["source"]][rec["article"]][rec["start"]:rec["end"]]
    if hashlib.sha1(text.encode("utf8")).hexdigest() != rec["text_sha1"]:
        raise SystemExit(f"{rec['id']}: the referenced text differs from the one labelled")
    return {**rec, "text": text}


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


def per_root(pairs: list[tuple[list[dict], list[dict]]]) -> dict[str, dict[str, float]]:
    """Precision and recall of triples per CAMEO root (gold root for recall, system root for precision)."""
    out: dict[str, dict[str, float]] = {}
    roots = sorted({triple(e)[2] for g, s in pairs for e in g + s})
    for r in roots:
        sub = [([e for e in g if triple(e)[2] == r], [e for e in s if triple(e)[2] == r]) for g, s in pairs]
        sc = score(sub)
        out[r] = {k: sc[k] for k in ("gold", "system", "matched", "precision", "recall")}
    return out


def error_class(gold: list[dict], system: list[dict], parties: set[str] | None = None) -> Counter:
    """Why unmatched triples failed: a gold event whose source or target party is not among the
    parties the actor stage resolved anywhere in the text (``parties``) is counted apart (an actor
    the resolver missed, or one the gold takes from context: "de lancering" -> PRK); otherwise a gold event
    with no system event of its root and source is a missed trigger (or wrong code when another
    root fired on the same pair); same root and source but other target is a wrong actor; swapped
    source/target is wrong direction; unmatched system events with nothing like them in gold are
    spurious."""
    left_g, left_s = list(gold), list(system)
    for g in gold:
        for s in left_s:
            if triple(s) == triple(g):
                left_g.remove(g)
                left_s.remove(s)
                break
    tally: Counter = Counter()
    for g in left_g:
        sg, tg, rg = triple(g)
        if parties is not None and any(p is not None and p not in parties for p in (sg, tg)):
            tally["gold party not among resolved actors"] += 1
        elif any(triple(s)[:2] == (tg, sg) and triple(s)[2] == rg for s in left_s):
            tally["wrong role/direction"] += 1
        elif any(triple(s)[2] == rg and (triple(s)[0] == sg or triple(s)[1] == tg) for s in left_s):
            tally["wrong actor"] += 1
        elif any(triple(s)[:2] == (sg, tg) for s in left_s):
            tally["wrong code"] += 1
        elif sg is None:
            tally["missed (gold source unresolvable)"] += 1
        else:
            tally["missed trigger/event"] += 1
    for s in left_s:
        ss, ts, rs = triple(s)
        if not any(triple(g)[2] == rs or triple(g)[:2] in ((ss, ts), (ts, ss)) for g in left_g):
            tally["spurious"] += 1
    return tally


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--show", action="store_true", help="print each record's gold and system triples")
    ap.add_argument("--errors", action="store_true", help="print only records with unmatched triples")
    ap.add_argument("--split", choices=("dev", "test"), help="only the records of this half")
    args = ap.parse_args(argv)
    from grotius import load
    from grotius.coding.article import code_document
    from grotius.ingest.readers import record_to_document

    nlp = load("nl")
    pairs, roots, errors = [], Counter(), Counter()
    texts: dict[str, dict[int, str]] = {}
    for n, line in enumerate(args.gold.read_text(encoding="utf8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if args.split and rec.get("split") != args.split:
            continue
        rec = resolve_text(rec, texts)
        coded = code_document(record_to_document(rec, str(args.gold), n), nlp).to_record()
        pairs.append((rec["events"], coded["events"]))
        roots.update(triple(e)[2] for e in rec["events"])
        parties = {party(a) for a in coded.get("actors", [])} - {None}
        err = error_class(rec["events"], coded["events"], parties)
        errors.update(err)
        if args.show or (args.errors and err):
            print(rec["text"])
            print("   gold:", [triple(e) + (e["cameo"], e["status"]) for e in rec["events"]])
            print("   sys: ", [triple(e) + (e["cameo"], e["status"], e["trigger"]) for e in coded["events"]])
            if err:
                print("   errors:", dict(err))
    result = score(pairs)
    print(json.dumps(result))
    print("per root:", json.dumps(per_root(pairs)))
    print("error classes:", json.dumps(dict(errors.most_common())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
