"""List candidate Dutch actor nouns for ``lang/nl/actors_nouns.yaml``: the one-word heads of nominal
(``NOM``) PER and ORG entity mentions in EventDNA (``../shared/data/eventdna``) that at least
``--min-docs`` documents use and that the KB does not know yet. Only development documents are read:
the actor gold ranges (dev 201-265, test 1601-1665, test2 1001-1080, and the multiples of 5 of dev3 5-300, dev2
1081-1340 and test3 1440-1600, 1665-1771) are left out.

The list is a draft: a person reviews it, drops words that are no actors (numerals, pronouns, "land")
and gives each kept word a CAMEO sector by hand in the YAML file.

    python -m grotius.kb.build_nouns [--min-docs 2]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from grotius.resolve.actors.kb import compile_kb
from grotius.resolve.actors.normalize import norm

DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "eventdna" / "docs"
HELD_OUT = (
    set(range(201, 266))
    | set(range(1601, 1666))
    | set(range(1001, 1081))
    | set(range(5, 301, 5))
    | set(range(1081, 1341, 5))
    | set(range(1440, 1601, 5))
    | set(range(1665, 1772, 5))
    | set(range(305, 501, 5))  # test4
    | set(range(965, 1001, 5))  # test5
    | set(range(1355, 1431, 5))  # test5
    | set(range(505, 641, 5))  # dev4
    | set(range(645, 821, 5))  # dev5
    | set(range(825, 961, 5))  # test6
)


def candidates(min_docs: int) -> dict[str, list[tuple[str, int]]]:
    docs: dict[tuple[str, str], set[int]] = defaultdict(set)
    counts: Counter[tuple[str, str]] = Counter()
    for path in DATA.iterdir():
        n = int(path.name.rsplit("_", 1)[1])
        if n in HELD_OUT:
            continue
        doc = json.loads((path / "dnaf.json").read_text(encoding="utf8"))["doc"]
        words = doc["token_string"].split(" ")
        for ent in doc["annotations"]["entities"].values():
            f = ent["features"]
            head = f["head"]["features"]["span"]
            if f["mention_level_type"] != "NOM" or f["type"] not in {"PER", "ORG"} or len(head) != 1:
                continue
            key = (f["type"], norm(words[head[0]]))
            counts[key] += 1
            docs[key].add(n)
    known = {k[0] for k in compile_kb("nl").aliases if len(k) == 1}
    out: dict[str, list[tuple[str, int]]] = {"PER": [], "ORG": []}
    for (etype, word), c in counts.most_common():
        if len(docs[(etype, word)]) >= min_docs and word not in known and word.isalpha():
            out[etype].append((word, c))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-docs", type=int, default=2)
    args = ap.parse_args()
    for etype, words in candidates(args.min_docs).items():
        print(f"# {etype}: " + " ".join(f"{w}:{c}" for w, c in words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
