"""Actor finding on EventDNA (../shared/data/eventdna): how many participant arguments of gold events
(Agent, Victim, Attacker, Target, Entity, ... with entity type PER/ORG/LOC; not Time or Place) are
covered by an actor mention that ``resolve_actors`` returns, and how fast it resolves.

    .venv/bin/python benchmarks/actors_eventdna.py [--docs 300] [--start 1]

Gold tokens are used (``Doc(nlp.vocab, words=...)`` then the pipeline's components), no
publication date (EventDNA has none). Prints recall by entity type and resolution tokens/s.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

import grotius
from grotius.resolve.actors import load_kb, resolve_actors

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eventdna" / "docs"
SKIP_ROLES = {"Time", "Place"}


def gold_arguments(dnaf: dict) -> list[tuple[list[int], str, str]]:
    out = []
    for ev in dnaf["doc"]["annotations"]["events"].values():
        for arg in ev["features"].get("arguments", []):
            f = arg["features"]
            if f.get("argument_role") in SKIP_ROLES or f.get("argument_entity_type") not in {"PER", "ORG", "LOC"}:
                continue
            out.append((f["span"], f["argument_entity_type"], arg.get("string", "")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--misses", type=int, default=0, help="print this many missed arguments")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} not found: the shared corpora are not present")
        return 1
    nlp = grotius.load("nl")
    load_kb("nl")  # once per process: not part of the per-document speed
    found, total = Counter(), Counter()
    misses: list[str] = []
    tokens, resolve_s = 0, 0.0
    for n in range(args.start, args.start + args.docs):
        path = DATA / f"eventdna_{n}" / "dnaf.json"
        if not path.exists():
            continue
        dnaf = json.loads(path.read_text(encoding="utf8"))
        words = dnaf["doc"]["token_string"].split(" ")
        doc = Doc(nlp.vocab, words=words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        t0 = time.perf_counter()
        actors = resolve_actors(doc, None)
        resolve_s += time.perf_counter() - t0
        tokens += len(doc)
        covered = set()
        for a in actors:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None:
                covered.update(range(span.start, span.end))
        for span_ids, etype, text in gold_arguments(dnaf):
            total[etype] += 1
            if covered.intersection(span_ids):
                found[etype] += 1
            elif len(misses) < args.misses:
                misses.append(f"{n}: {etype} {text!r}")
    for line in misses:
        print("miss", line)
    all_found, all_total = sum(found.values()), sum(total.values())
    print(
        f"docs {args.docs} from {args.start}: event participant arguments found "
        f"{all_found}/{all_total} = {all_found / max(all_total, 1):.3f}"
    )
    for etype in sorted(total):
        print(f"  {etype}: {found[etype]}/{total[etype]} = {found[etype] / total[etype]:.3f}")
    print(f"resolve_actors: {tokens} tokens in {resolve_s:.2f}s = {tokens / max(resolve_s, 1e-9):.0f} tokens/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
