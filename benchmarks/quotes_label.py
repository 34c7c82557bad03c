"""Turn a hand-written label spec into a reference-only quotes gold file (no article text stored).

The spec (kept outside the project: it quotes the corpus) is a JSON list of articles:
    {"article": <dpgmedia2019 id>, "quotes": [[quote text, direct, speaker(s), mention text], ...]}
Each quote is located by its exact text (the first occurrence after the previous quote's start,
so repeated phrases keep reading order), its speaker mention by the occurrence nearest to it.
At most `--cap` quotes per article are kept: a seeded random choice where there are more, so the
choice is not the labeller's.

    .venv/bin/python benchmarks/quotes_label.py SPEC.json OUT_gold.jsonl --prefix d7 --seed 7
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

SOURCE = "dpgmedia2019/dpgMedia2019-articles-byarticle-all.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / SOURCE


def _nearest(text: str, needle: str, near: int) -> int:
    hits, i = [], text.find(needle)
    while i >= 0:
        hits.append(i)
        i = text.find(needle, i + 1)
    assert hits, needle
    return min(hits, key=lambda h: abs(h - near))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("out")
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cap", type=int, default=6)
    args = ap.parse_args()
    texts = {}
    for ln in CORPUS.read_text(encoding="utf8").splitlines():
        art = json.loads(ln)
        texts[art["id"]] = art["text"]
    lines = []
    for k, rec in enumerate(json.loads(Path(args.spec).read_text(encoding="utf8"))):
        text = texts[rec["article"]]
        quotes, pos = [], 0
        for qtext, direct, speaker, mention in rec["quotes"]:
            s = text.find(qtext, pos)
            s = s if s >= 0 else text.find(qtext)
            assert s >= 0, (rec["article"], qtext)
            pos = s
            m = _nearest(text, mention, s)
            quotes.append(
                {
                    "start": s,
                    "end": s + len(qtext),
                    "direct": direct,
                    "speaker": speaker,
                    "speaker_mention": {"start": m, "end": m + len(mention)},
                    "check": hashlib.sha1(qtext.encode()).hexdigest()[:10],
                }
            )
        if len(quotes) > args.cap:
            keep = set(random.Random(args.seed * 1_000_003 + rec["article"]).sample(range(len(quotes)), args.cap))
            quotes = [q for i, q in enumerate(quotes) if i in keep]
        sha = hashlib.sha1(text.encode()).hexdigest()
        lines.append(
            json.dumps(
                {
                    "id": f"{args.prefix}{k:02d}",
                    "source": SOURCE,
                    "article": rec["article"],
                    "text_sha1": sha,
                    "quotes": quotes,
                },
                ensure_ascii=False,
            )
        )
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf8")
    n = sum(len(json.loads(ln)["quotes"]) for ln in lines)
    print(f"{len(lines)} articles, {n} quotes -> {args.out}")


if __name__ == "__main__":
    main()
