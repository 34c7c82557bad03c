"""API latency under load: p50/p95 of filtered event lists on a synthetic store.

    .venv/bin/python benchmarks/api_load.py --events 1000000 [--requests 2000] [--concurrency 4]

Generates a SQLite store of N synthetic events (one document per 10 events, one mention each,
written straight into the store's schema), starts ``grotius serve`` on 127.0.0.1, and sends
``--requests`` GET /api/events requests with random filters (actor, pair, country, CAMEO prefix,
status, date range, text search, paging) from ``--concurrency`` client threads, loopback only.
Writes its record into results/api_load.json under the store size (``"1000000"``), beside the
records of other sizes, with the command line and load average that go with it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from grotius.store import Store
from grotius.store.schema import documents, event_mentions, events

RESULTS = Path(__file__).resolve().parent / "results" / "api_load.json"
CODES = [f"{c}{s}" for c in ("RUS", "UKR", "USA", "NLD", "DEU", "FRA", "CHN", "GBR", "TUR", "POL", "ISR", "IRN")
         for s in ("GOV", "MIL", "")]
CAMEO = [("1313", "13", "THREATEN", 3, -5.8), ("051", "05", "COOPERATE", 1, 3.5), ("190", "19", "FIGHT", 4, -10.0),
         ("040", "04", "CONSULT", 1, 1.0), ("111", "11", "DISAPPROVE", 3, -2.0), ("0874", "08", "RETREAT", 2, 10.0)]
STATUSES = ["asserted", "reported", "planned", "conditional", "negated"]
TRIGGERS = ["dreigde", "steunt", "aanviel", "sprak", "bekritiseerde", "trok terug"]
START = date(2020, 1, 1)


def generate(url: str, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    store = Store(url)
    now = datetime.now(UTC)
    per_doc = 10
    with store.engine.begin() as conn:
        for d0 in range(0, n, 50_000):
            docs, evs, ments = [], [], []
            for i in range(d0, min(n, d0 + 50_000)):
                day = START + timedelta(days=rng.randrange(1460))
                doc_id = f"d{i // per_doc:019d}"
                if i % per_doc == 0:
                    docs.append({"id": doc_id, "lang": "nl", "published": day.isoformat(), "date_precision": "day",
                                 "date_first": day, "date_last": day, "text": "synthetic", "n_chars": 9, "coded": True,
                                 "cluster_id": doc_id, "ingested_at": now, "outlet": f"outlet{i % 7}"})
                s, t = rng.sample(CODES, 2)
                cameo, root, plover, quad, gold = rng.choice(CAMEO)
                eid = f"e{i:019d}"
                evs.append({"id": eid, "date": day.isoformat(), "date_first": day, "date_last": day, "cameo": cameo,
                            "cameo_root": root, "plover": plover, "quad_class": quad, "goldstein": gold,
                            "source_code": s, "source_country": s[:3], "source_name": s, "source_text": s.lower(),
                            "target_code": t, "target_country": t[:3], "target_name": t, "target_text": t.lower(),
                            "first_doc_id": doc_id, "added_at": now})
                ments.append({"doc_id": doc_id, "idx": i % per_doc, "event_id": eid, "sentence": 0, "start": 0,
                              "end": 5, "trigger": TRIGGERS[CAMEO.index((cameo, root, plover, quad, gold))],
                              "status": rng.choice(STATUSES), "date_basis": "publication", "rule": "synthetic#1"})
            conn.execute(documents.insert(), docs) if docs else None
            conn.execute(events.insert(), evs)
            conn.execute(event_mentions.insert(), ments)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")  # planner statistics, as a maintained store has
    store.close()


KINDS = ["actor", "pair", "country", "cameo", "status", "dates", "q", "plover"]
PARAMS = {"actor": ["actor"], "pair": ["pair"], "country": ["country"], "cameo": ["cameo"], "status": ["status"],
          "dates": ["since", "until"], "q": ["q"], "plover": ["plover"]}


def random_query(rng: random.Random) -> dict[str, str]:
    q: dict[str, str] = {"limit": str(rng.choice([20, 50, 100])), "offset": str(rng.choice([0, 0, 0, 50, 200]))}
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(KINDS)
        if kind == "actor":
            q["actor"] = rng.choice(CODES)[:rng.choice([3, 6])]
        elif kind == "pair":
            a, b = rng.sample(CODES, 2)
            q["pair"] = f"{a[:3]},{b[:3]}"
        elif kind == "country":
            q["country"] = rng.choice(CODES)[:3]
        elif kind == "cameo":
            q["cameo"] = rng.choice(CAMEO)[0][:2]
        elif kind == "status":
            q["status"] = rng.choice(STATUSES)
        elif kind == "dates":
            s = START + timedelta(days=rng.randrange(1400))
            q["since"], q["until"] = s.isoformat(), (s + timedelta(days=rng.choice([7, 30, 365]))).isoformat()
        elif kind == "q":
            q["q"] = rng.choice(TRIGGERS)[:5]
        else:
            q["plover"] = rng.choice(CAMEO)[2]
    return q


def load(base: str, requests: int, concurrency: int, seed: int = 2) -> dict[str, object]:
    rng = random.Random(seed)
    queries = [random_query(rng) for _ in range(requests)]
    lat: list[float] = []
    by_kind: dict[str, list[float]] = {k: [] for k in KINDS}  # a request counts for each filter it has
    errors: list[str] = []
    lock = threading.Lock()
    it = iter(queries)

    def worker() -> None:
        while True:
            with lock:
                q = next(it, None)
            if q is None:
                return
            url = f"{base}/api/events?{urllib.parse.urlencode(q)}"
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    r.read()
            except Exception as exc:  # noqa: BLE001 - a failed request is a result to report
                with lock:
                    errors.append(f"{url}: {exc}")
                continue
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                lat.append(ms)
                for kind, params in PARAMS.items():
                    if params[0] in q:
                        by_kind[kind].append(ms)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {"requests": requests, "ok": len(lat), "errors": len(errors), "error_samples": errors[:3],
            **percentiles(lat), "max_ms": round(max(lat), 1), "requests_per_s": round(len(lat) / wall, 1),
            "by_filter": {k: {"n": len(v), **percentiles(v)} for k, v in by_kind.items() if v}}


def percentiles(lat: list[float]) -> dict[str, float]:
    lat = sorted(lat)
    return {"p50_ms": round(statistics.median(lat), 1), "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--db", help="reuse (or create) this SQLite file instead of a temporary one")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "load.db"
    url = f"sqlite:///{path}"
    t0 = time.perf_counter()
    if not path.exists():
        generate(url, args.events)
    gen_s = time.perf_counter() - t0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "grotius.cli.main", "serve", "--db", url, "--port", str(port)],
                              stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/api/events?limit=1", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        # Until the first answer: the server reads its column index of the events before it listens.
        startup_s = round(time.perf_counter() - started, 1)
        res = {"events": args.events, "generate_s": round(gen_s, 1), "startup_s": startup_s,
               "concurrency": args.concurrency, **load(base, args.requests, args.concurrency)}
    finally:
        server.terminate()
        server.wait(10)
    res["command"] = " ".join([".venv/bin/python", "benchmarks/api_load.py", *sys.argv[1:]])
    res["load_average_1min"] = round(os.getloadavg()[0], 2)
    res["when"] = datetime.now(UTC).isoformat(timespec="seconds")
    RESULTS.parent.mkdir(exist_ok=True)
    records = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if "events" in records:  # the old single-record layout
        records = {str(records["events"]): records}
    records[str(args.events)] = res
    RESULTS.write_text(json.dumps(records, indent=1) + "\n")
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
