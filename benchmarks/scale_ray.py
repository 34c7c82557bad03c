"""Ray engine throughput against the number of workers, with the local engine as the in-run baseline.

Articles: the first N dpgmedia2019 articles (../shared/data/dpgmedia2019), as one JSONL file in a
temporary folder. For each engine setting the same articles are coded with the real pipeline and
written to a fresh SQLite store:

- ``local``: grotius.ingest.runner.Runner in this process (pipeline loaded before the clock starts);
- ``ray-K``: grotius.scale's dataset with an actor pool of K workers on a local Ray cluster of
  max(K) CPUs, consumed and written by the driver exactly as ``grotius ingest --engine ray`` does.

Reported per setting: wall seconds for the whole run (ray: including actor start and pipeline loads),
articles/s and tokens/s over the whole run, and "steady" articles/s from the first written batch to
the last (start-up excluded, which is what a long-running cluster sees). Scaling: speed-up of K
workers over one, and efficiency = speed-up / K.

    .venv/bin/python benchmarks/scale_ray.py --articles 200 --workers 1 2      # the full measurement
    .venv/bin/python benchmarks/scale_ray.py --articles 12 --workers 1 2 --output /tmp/scale_tiny.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "dpgmedia2019" / "dpgMedia2019-articles-byarticle.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "scale_ray.json"


def write_slice(n: int, folder: Path) -> tuple[Path, int]:
    """The first ``n`` articles as ``{"id", "date", "text", "title"}`` records; their token count."""
    from grotius import load

    tok = load("nl").tokenizer
    out, tokens = folder / "articles.jsonl", 0
    with DATA.open(encoding="utf8") as src, out.open("w", encoding="utf8") as dst:
        for _, line in zip(range(n), src, strict=False):
            rec = json.loads(line)
            tokens += len(tok(rec["text"]))
            dst.write(json.dumps({"id": rec["id"], "date": rec["published_at"][:10], "text": rec["text"],
                                  "title": rec.get("title")}, ensure_ascii=False) + "\n")
    return out, tokens


def run_local(data: Path, db: str) -> dict[str, Any]:
    from grotius.ingest.runner import Runner, default_coder
    from grotius.ingest.sources import expand
    from grotius.store import Store

    code = default_coder("nl")()  # loaded before the clock: the baseline is coding + storing
    with Store(db) as store:
        runner = Runner(store, lambda: code, progress=False)
        t0 = time.perf_counter()
        summary = runner.run(expand([str(data)]))
        wall = time.perf_counter() - t0
    return {"wall_s": wall, "steady_s": wall, "stored": summary.stored, "mentions": summary.mentions}


def run_ray(data: Path, db: str, workers: int) -> dict[str, Any]:
    from grotius.scale.engine import build, data_context
    from grotius.scale.sink import Sink
    from grotius.scale.worker import OUTPUT_COLUMNS
    from grotius.store import Store

    with Store(db) as store, data_context():
        t0 = time.perf_counter()
        ds = build([str(data)], workers=workers, model="nl", coder=None, no_code=False, db_url=None,
                   fetch_pages=False)
        sink, first, first_rows = Sink(store), None, 0
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):  # blocks as they arrive
            n = sink.write(*(batch[c].tolist() for c in OUTPUT_COLUMNS[1:]))
            if first is None:
                first, first_rows = time.perf_counter(), n
        end = time.perf_counter()
    s = sink.summary
    steady = (end - first) * s.inputs / max(1, s.inputs - first_rows) if first is not None else end - t0
    return {"wall_s": end - t0, "steady_s": steady, "stored": s.stored, "mentions": s.mentions}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--object-store-mb", type=int, default=500)
    ap.add_argument("--output", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"needs {DATA} (the shared corpora are not present)", file=sys.stderr)
        return 2

    import ray

    tmp = Path(tempfile.mkdtemp(prefix="grotius-scale-"))
    data, tokens = write_slice(args.articles, tmp)
    runs: dict[str, dict[str, Any]] = {"local": run_local(data, f"sqlite:///{tmp / 'local.db'}")}
    ray.init(num_cpus=max(args.workers), include_dashboard=False, logging_level="WARNING",
             object_store_memory=args.object_store_mb * 1024**2)
    try:
        for k in args.workers:
            runs[f"ray-{k}"] = run_ray(data, f"sqlite:///{tmp / f'ray{k}.db'}", k)
    finally:
        ray.shutdown()
    for r in runs.values():
        r["articles_per_s"] = args.articles / r["wall_s"]
        r["tokens_per_s"] = tokens / r["wall_s"]
        r["steady_articles_per_s"] = args.articles / r["steady_s"]
        r["steady_tokens_per_s"] = tokens / r["steady_s"]
        assert r["stored"] == runs["local"]["stored"] and r["mentions"] == runs["local"]["mentions"], runs
    base = runs.get("ray-1")
    scaling = {}
    if base:
        for k in args.workers:
            r = runs[f"ray-{k}"]
            scaling[str(k)] = {
                "speedup": r["articles_per_s"] / base["articles_per_s"],
                "efficiency": r["articles_per_s"] / base["articles_per_s"] / k,
                "steady_speedup": r["steady_articles_per_s"] / base["steady_articles_per_s"],
                "steady_efficiency": r["steady_articles_per_s"] / base["steady_articles_per_s"] / k,
            }
    load1 = os.getloadavg()[0]
    result = {"articles": args.articles, "tokens": tokens, "workers": args.workers, "runs": runs, "scaling": scaling,
              "machine": {"cpus": os.cpu_count(), "load_avg_1min_at_end": load1, "python": platform.python_version(),
                          "ray": ray.__version__}}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    for name, r in runs.items():
        print(f"{name:>7}: {r['wall_s']:7.1f} s  {r['articles_per_s']:6.2f} art/s  {r['tokens_per_s']:8.0f} tok/s  "
              f"(steady {r['steady_articles_per_s']:6.2f} art/s, {r['steady_tokens_per_s']:8.0f} tok/s)")
    for k, sc in scaling.items():
        print(f"{k} workers: speed-up {sc['speedup']:.2f}x (efficiency {sc['efficiency']:.0%}), "
              f"steady {sc['steady_speedup']:.2f}x ({sc['steady_efficiency']:.0%})")
    print(f"load average (1 min) at the end: {load1:.1f} on {os.cpu_count()} CPUs; written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
