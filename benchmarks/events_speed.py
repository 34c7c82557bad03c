"""Coding speed on top of annotation: tokens per second of ``code_events`` alone (one core).

    .venv/bin/python benchmarks/events_speed.py [FILE ...]   (default: the bundled samples)

Parses each file once, resolves actors/timexes/quotes once, then times only the event coder over
several repetitions."""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPEAT = 20


def main(argv: list[str]) -> int:
    from grotius import load
    from grotius.coding.events import code_events
    from grotius.ingest.readers import read_dated_article
    from grotius.resolve.actors import resolve_actors

    files = [Path(a) for a in argv] or sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))
    nlp = load("nl")
    prepared = []
    for f in files:
        d = read_dated_article(f)
        doc = nlp(d.text)
        actors = resolve_actors(doc, d.published, d.lang)
        prepared.append((d, doc, actors))
    code_events(prepared[0][1], prepared[0][2], [], [], prepared[0][0].published, "warm")  # load data
    tokens = sum(len(doc) for _, doc, _ in prepared) * REPEAT
    t0 = time.perf_counter()
    n_events = 0
    for _ in range(REPEAT):
        for d, doc, actors in prepared:
            n_events += len(code_events(doc, actors, [], [], d.published, d.id, d.lang))
    dt = time.perf_counter() - t0
    print(f"{tokens} tokens, {n_events} events in {dt:.3f}s: {tokens / dt:,.0f} tokens/s (event coder only, 1 core)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
