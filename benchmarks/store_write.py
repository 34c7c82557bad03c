"""Store write speed into SQLite, annotation and coding excluded, beside a plain ``executemany``
of the same rows into the same schema in the same run.

    .venv/bin/python benchmarks/store_write.py [--articles 2000] [--events 20] [--batch 500]

The store's figure includes everything ``Store.add_many`` does per article: building rows, MinHash
signatures and LSH near-duplicate lookups, duplicate checks and event merging. The baseline only
inserts precomputed rows. Both timings include closing the database (the last WAL checkpoint),
so that no write is left outside the measured time. Each runs ``--repeat`` times, alternating,
and the best run counts. Writes its record into results/store_write.json under ``--label``
(default ``current``), beside earlier records kept for comparison, with its command line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from grotius.datamodel import Actor, CodedArticle, Document, Event, EventDate, PubDate, Quote, Timex
from grotius.store import Store
from grotius.store import rows as R

RESULTS = Path(__file__).resolve().parent / "results" / "store_write.json"
_WORDS_TEXT = ("de het een van in op met voor dat zei minister regering rusland oekraïne nederland navo eu "
               "troepen grens sancties overleg president kabinet leger aanval steun wapens vrede top brussel "
               "washington moskou kiev donderdag vrijdag week verklaring dreiging gesprek akkoord")
WORDS = _WORDS_TEXT.split()
COUNTRIES = ["RUS", "UKR", "NLD", "USA", "DEU", "FRA", "CHN", "GBR"]
CAMEO = [("1313", "13", "THREATEN", 3, -5.8), ("051", "05", "COOPERATE", 1, 3.5), ("190", "19", "FIGHT", 4, -10.0),
         ("040", "04", "CONSULT", 1, 1.0), ("112", "11", "DISAPPROVE", 3, -2.0)]


def make_articles(n: int, events_per: int, seed: int = 7) -> list[CodedArticle]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(300)) + f" artikel {i}."
        day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = Document(text=text, published=PubDate.parse(day), source=f"bench/{i}.txt",
                       url=f"https://n{i % 50}.nl/{i}")
        sents = [(k * 100, k * 100 + 99) for k in range(len(text) // 100)]
        actors, events = [], []
        for j in range(events_per):
            a = Actor("rusland", j * 40, j * 40 + 7, country=rng.choice(COUNTRIES), sector="GOV", name="X")
            b = Actor("oekraïne", j * 40 + 15, j * 40 + 23, country=rng.choice(COUNTRIES), sector="MIL", name="Y")
            a.code, b.code = f"{a.country}GOV", f"{b.country}MIL"
            actors += [a, b]
            cameo, root, plover, quad, gold = rng.choice(CAMEO)
            when = EventDate(f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "text")
            events.append(Event("dreigde", j * 40 + 8, j * 40 + 14, j % max(1, len(sents)), a, b, cameo, root, plover,
                                quad, gold, "asserted", when, "nl/events.yaml#bench"))
        timexes = [Timex(k * 50, k * 50 + 9, "donderdag", "DATE", day) for k in range(3)]
        quotes = [Quote(actors[0], k * 60, k * 60 + 30, "x" * 30, True) for k in range(2)]
        out.append(CodedArticle(doc, actors, timexes, quotes, events, sents))
    return out


def time_store(path: Path, articles: list[CodedArticle], batch: int) -> float:
    store = Store(f"sqlite:///{path}")
    t0 = time.perf_counter()
    for i in range(0, len(articles), batch):
        store.add_many(articles[i:i + batch])
    store.close()  # timed: closing checkpoints what is still in the WAL
    return time.perf_counter() - t0


def baseline_rows(articles: list[CodedArticle]) -> dict[str, list[dict]]:
    now = datetime.now(UTC)
    tables: dict[str, list[dict]] = {"documents": [], "events": [], "event_mentions": [], "sentences": [],
                                     "actors": [], "quotes": [], "timexes": []}
    seen: set[str] = set()
    for a in articles:
        row = R.document_row(a, True, now)
        row["date_first"], row["date_last"] = str(row["date_first"]), str(row["date_last"])
        row["ingested_at"] = now.isoformat()
        tables["documents"].append(row)
        for name, rs in R.child_rows(a).items():
            tables[name] += rs
        for i, ev in enumerate(a.events):
            er = R.event_row(ev, a.document.id, now)
            if er["id"] not in seen:
                seen.add(er["id"])
                er["date_first"], er["date_last"] = str(er["date_first"]), str(er["date_last"])
                er["added_at"] = str(now)
                tables["events"].append(er)
            mr = R.mention_row(ev, a.document.id, i)
            mr["detail"] = None
            tables["event_mentions"].append(mr)
    return tables


def time_baseline(path: Path, articles: list[CodedArticle], batch: int) -> float:
    Store(f"sqlite:///{path}").close()  # same schema, created by the migrations
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    batches = [baseline_rows(articles[i:i + batch]) for i in range(0, len(articles), batch)]  # not timed
    t0 = time.perf_counter()
    for tables in batches:
        conn.execute("BEGIN IMMEDIATE")
        for name, rs in tables.items():
            if rs:
                cols = list(rs[0])
                # OR IGNORE: an event already stored by an earlier batch, as the store's ON CONFLICT.
                names = ", ".join(f'"{c}"' for c in cols)
                sql = f'INSERT OR IGNORE INTO "{name}" ({names}) VALUES ({", ".join("?" * len(cols))})'
                conn.executemany(sql, [tuple(r[c] for c in cols) for r in rs])
        conn.execute("COMMIT")
    conn.close()  # timed, as the store's close
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--events", type=int, default=20, help="events per article")
    ap.add_argument("--batch", type=int, default=500, help="articles per transaction")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; the best counts")
    ap.add_argument("--label", default="current", help="the record's key in the results file")
    args = ap.parse_args()
    articles = make_articles(args.articles, args.events)
    n_events = args.articles * args.events
    t_base = t_store = float("inf")
    for run in range(args.repeat):  # alternating, so that a burst of load on a shared machine hits both
        with tempfile.TemporaryDirectory() as tmp:
            t_base = min(t_base, time_baseline(Path(tmp) / f"baseline{run}.db", articles, args.batch))
            t_store = min(t_store, time_store(Path(tmp) / f"store{run}.db", articles, args.batch))
    result = {
        "articles": args.articles, "events": n_events, "batch": args.batch, "repeat": args.repeat,
        "store_seconds": round(t_store, 3), "store_events_per_s": round(n_events / t_store),
        "executemany_seconds": round(t_base, 3), "executemany_events_per_s": round(n_events / t_base),
        "store_over_executemany": round(t_base / t_store, 3),
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "machine": platform.machine(),
        "cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    result["command"] = " ".join([".venv/bin/python", "benchmarks/store_write.py", *sys.argv[1:]])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    records = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if "articles" in records:  # the old single-record layout
        records = {"previous": records}
    records[args.label] = result
    RESULTS.write_text(json.dumps(records, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
