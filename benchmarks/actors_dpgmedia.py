"""Actor resolution on hand-labelled Netherlands news (``benchmarks/gold/actors-dpgmedia-dev.jsonl``).

    .venv/bin/python benchmarks/actors_dpgmedia.py [--outlet NLD] [--errors 30]

Each record names a dpgmedia2019 article (``../shared/data/dpgmedia2019``; the corpus states no
licence, so only references are stored), the passage labelled (its title, a newline and the text up
to ``cut``; ``passage_sha1`` checks it), the character offsets of one actor mention that takes part
in an event there, and the country / org a careful coder gives it. Labelled by one annotator (the
developer) before any run of the system on these texts; tuned on (a development set of Dutch, not
Flemish, news). The resolver runs with the publication date and, with ``--outlet``, the outlet's
country (the papers are Dutch: NLD); without it, as on EventDNA, the text alone must tell.

Scored as ``actors_resolution.py`` does: found = an actor mention overlaps the span; right = the
shortest overlapping mention has the gold country and, where the gold names one, its org.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

import grotius
from grotius.datamodel import PubDate
from grotius.resolve.actors import load_kb, resolve_actors

ROOT = Path(__file__).resolve().parent
DATA = ROOT.parents[1] / "shared" / "data"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--outlet", default=None, help="the outlet's country (ISO alpha-3), e.g. NLD")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and wrong resolutions")
    args = ap.parse_args()
    lines = (ROOT / "gold" / "actors-dpgmedia-dev.jsonl").read_text(encoding="utf8").splitlines()
    gold = [json.loads(x) for x in lines]
    src = DATA / gold[0]["source"]
    if not src.is_file():
        print(f"{src} not found: the shared corpora are not present")
        return 1
    articles = {}
    for line in src.read_text(encoding="utf8").splitlines():
        rec = json.loads(line)
        articles[rec["id"]] = rec
    nlp = grotius.load("nl")
    load_kb("nl")
    counts: Counter[str] = Counter()
    errors: list[str] = []
    cache: dict[int, list] = {}
    for g in gold:
        art = articles[g["article"]]
        text = art["title"] + "\n" + art["text"][: g["cut"]]
        if hashlib.sha1(text.encode()).hexdigest() != g["passage_sha1"]:  # noqa: S324 - a checksum, not security
            print(f"{g['id']}: the passage of article {g['article']} has changed; skipped")
            continue
        if g["article"] not in cache:
            cache[g["article"]] = resolve_actors(nlp(text), PubDate.parse(g["date"]), country=args.outlet)
        hits = sorted(
            (a for a in cache[g["article"]] if a.start < g["end"] and a.end > g["start"]), key=lambda a: a.end - a.start
        )
        counts["total"] += 1
        span = text[g["start"] : g["end"]]
        if not hits:
            if len(errors) < args.errors:
                errors.append(f"{g['id']}: MISS {span!r}")
            continue
        counts["found"] += 1
        hit = hits[0]
        if hit.country == g["country"] and (g["org"] is None or hit.org == g["org"]):
            counts["right"] += 1
        elif len(errors) < args.errors:
            errors.append(
                f"{g['id']}: WRONG {span!r} -> {hit.text!r} {hit.country}/{hit.org} via {hit.via}; "
                f"gold {g['country']}/{g['org']}"
            )
    for line in errors:
        print(line)
    t, f, r = counts["total"], counts["found"], counts["right"]
    print(
        f"dpgmedia dev (outlet {args.outlet or 'unknown'}): gold mentions {t}, found {f} = {f / max(t, 1):.3f}; "
        f"country/org right {r}/{f} = {r / max(f, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
