"""``grotius ingest --engine ray``: the local engine's read -> code -> store pipeline on Ray Data.

    units (files; streams read by the driver)  --flat_map, parallel tasks-->  items (Documents / errors)
    in small blocks  --map_batches(CodeWorker), actor pool of N-->  coded rows
    --> driver: Store.add_many in input order     or     --> Parquet shards (``--shards DIR``, see grotius load)

Every Ray import is inside a function: this module is imported only for ``--engine ray``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from grotius.errors import GrotiusError
from grotius.ingest.runner import MAX_CHARS, Summary
from grotius.scale.sink import Sink
from grotius.scale.worker import OUTPUT_COLUMNS

# Documents per actor call and per block: small, so that the pool shares work evenly even on a
# few hundred articles (one block is one actor task); coding costs far more than a block's overhead.
WORKER_BATCH = 8
# Blocks of a few articles at most; Ray Data bundles them into WORKER_BATCH rows per actor call.
BLOCK_BYTES = 16 * 1024
_WORKER_ERROR = re.compile(r"grotius\.errors\.(?:Grotius|Input)Error: ([^\n]+)")


def ingest_ray(args: argparse.Namespace) -> int:
    """The ``grotius ingest`` command on Ray: same summary line, JSON and exit status as local."""
    summary = run_ray(args.sources, db_url=args.db, address=args.address, workers=args.workers, model=args.model,
                      coder=args.coder, no_code=args.no_code, batch_size=args.batch_size,
                      fetch_pages=not args.no_fetch, shards=args.shards, progress=args.progress)
    if args.shards:
        print(f"grotius ingest: {summary.inputs} read: {summary.inputs - summary.failed} written to Parquet shards "
              f"in {args.shards}, {summary.failed} failed; store them with: grotius load {args.shards}",
              file=sys.stderr)
    else:
        print(f"grotius ingest: {summary.line()}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_record()))
    return 1 if summary.failed else 0


def connect(address: str | None, workers: int | None) -> bool:
    """Join the cluster at ``address`` (``auto``, ``ray://host:10001``), or start a local one;
    reuse a connection the caller already made. True when this call started it."""
    import os

    import ray

    if ray.is_initialized():
        return False
    # A hash seed fixed for the driver (reproducible set orders) holds in the workers too.
    seed = os.environ.get("PYTHONHASHSEED")
    env = {"runtime_env": {"env_vars": {"PYTHONHASHSEED": seed}}} if seed else {}
    if address:
        ray.init(address=address, logging_level=logging.WARNING, **env)
    else:
        cpus = max(workers or 0, os.cpu_count() or 1)
        ray.init(num_cpus=cpus, include_dashboard=False, logging_level=logging.WARNING, **env)
    return True


def worker_db_url(db_url: str, address: str | None) -> str | None:
    """The store URL the workers use to skip documents already coded, or None when they cannot
    reach it: a SQLite file exists only on the driver's machine (the driver's writes stay
    idempotent either way; a rerun then only pays for coding twice)."""
    if db_url.startswith("sqlite"):
        if address:
            return None
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
        if url.database and url.database != ":memory:":
            return url.set(database=str(Path(url.database).expanduser().resolve())).render_as_string(False)
        return None
    return db_url


@contextlib.contextmanager
def data_context() -> Iterator[None]:
    """Ray Data settings for one run, restored afterwards (a caller may run other datasets)."""
    import ray.data

    ctx = ray.data.DataContext.get_current()
    saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars, ctx.target_max_block_size)
    ctx.execution_options.preserve_order = True  # rows reach the store in input order, as in the local engine
    ctx.enable_progress_bars = False  # the driver's own bar counts stored documents
    # Small blocks: one block goes to one actor, and one big JSONL file must feed every actor.
    ctx.target_max_block_size = BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            # "fewer inputs than workers" hints on small corpora say nothing a user can act on.
            warnings.filterwarnings("ignore", category=UserWarning, module=r"ray\.data\.")
            yield
    finally:
        ctx.execution_options.preserve_order, ctx.enable_progress_bars, ctx.target_max_block_size = saved


def build(sources: Sequence[str], *, workers: int, model: str, coder: str | None, no_code: bool,
          db_url: str | None, fetch_pages: bool, max_chars: int = MAX_CHARS) -> Any:
    """The lazy Ray Dataset of coded rows (nothing runs until it is consumed)."""
    import ray.data

    from grotius.scale.units import plan, read_unit
    from grotius.scale.worker import CodeWorker

    units = plan(sources, fetch_pages)
    if not units:
        raise GrotiusError("no input files found")
    ds = ray.data.from_items(units, override_num_blocks=min(len(units), 1000))
    # Reading is light next to coding: no CPU reserved, so it never waits for the actors' slots.
    ds = ds.flat_map(read_unit, num_cpus=0, compute=ray.data.TaskPoolStrategy(size=min(len(units), max(2, workers))))
    return ds.map_batches(
        CodeWorker,
        fn_constructor_kwargs={"model": model, "coder": coder, "no_code": no_code, "db_url": db_url,
                               "max_chars": max_chars},
        batch_size=WORKER_BATCH, batch_format="numpy", num_cpus=1,
        # A killed worker process is restarted (the pipeline loads again) and its batch retried: Ray
        # Data's actor pools default to max_restarts=-1, max_task_retries=-1 (tests/test_scale.py
        # kills one mid-run); the driver's idempotent writes make a retried batch harmless.
        compute=ray.data.ActorPoolStrategy(size=workers),
    )


def run_ray(sources: Sequence[str], *, db_url: str, address: str | None = None, workers: int | None = None,
            model: str = "nl", coder: str | None = None, no_code: bool = False, batch_size: int = 100,
            fetch_pages: bool = True, shards: str | None = None, progress: bool | None = None,
            err: TextIO | None = None) -> Summary:
    import ray

    preflight(coder, no_code)
    started = connect(address, workers)
    try:
        n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        opts = {"workers": n, "model": model, "coder": coder, "no_code": no_code, "fetch_pages": fetch_pages}
        with data_context():
            if shards:
                return _to_shards(sources, Path(shards), opts, err)
            return _to_store(sources, db_url, worker_db_url(db_url, address), opts, batch_size, progress, err)
    except Exception as exc:
        user = _user_error(exc)
        if user is None:
            raise
        raise user from None  # a worker's "--coder X: no module" is one line for the user, as locally
    finally:
        if started:
            ray.shutdown()


def preflight(coder: str | None, no_code: bool) -> None:
    """Fail at once, before any cluster work, where the local engine would: a coder that cannot be
    imported here will not import in the workers either (same environment on every node)."""
    import importlib

    if no_code:
        return
    if coder:
        module, _, name = coder.partition(":")
        try:
            getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError) as exc:
            raise GrotiusError(f"--coder {coder}: {exc}") from None
        return
    try:
        importlib.import_module("grotius.coding.article")
    except ImportError as exc:
        raise GrotiusError(f"the event coder is not available ({exc}); use --no-code to store documents only") \
            from None


def _user_error(exc: BaseException) -> GrotiusError | None:
    """The GrotiusError a worker raised, found inside Ray's wrapping exceptions."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, GrotiusError):
            return e
        # An actor that failed in __init__ reaches the driver as ActorDiedError with only the text.
        found = _WORKER_ERROR.findall(str(e))
        if found:
            return GrotiusError(found[-1].strip())
        todo += [e.__cause__, e.__context__, getattr(e, "cause", None)]
    return None


def _to_store(sources: Sequence[str], db_url: str, workers_db: str | None, opts: dict[str, Any], batch_size: int,
              progress: bool | None, err: TextIO | None) -> Summary:
    from tqdm import tqdm

    from grotius.ingest.sources import count_files
    from grotius.store import Store

    with Store(db_url) as store:  # migrated here, once, before any worker opens it
        ds = build(sources, db_url=workers_db, **opts)
        sink = Sink(store, err=err)
        with tqdm(total=count_files(sources), unit="doc", file=err or sys.stderr, dynamic_ncols=True,
                  disable=None if progress is None else not progress) as bar:
            for batch in ds.iter_batches(batch_size=max(1, batch_size), batch_format="numpy"):
                bar.update(sink.write(*(batch[c].tolist() for c in OUTPUT_COLUMNS[1:])))
        return sink.summary


def _to_shards(sources: Sequence[str], out: Path, opts: dict[str, Any], err: TextIO | None) -> Summary:
    if out.exists() and any(out.iterdir()):
        raise GrotiusError(f"--shards {out}: folder is not empty (shards of another run?)")
    ds = build(sources, db_url=None, **opts)
    # A folder every node can write to (a shared filesystem on a cluster).
    ds.write_parquet(str(out.resolve()), ray_remote_args={"num_cpus": 0})
    return _count_shards(out, err)


def _count_shards(folder: Path, err: TextIO | None) -> Summary:
    """Inputs and failures of a shard run, read back from the shards' small columns."""
    from grotius.scale.shards import iter_batches, shard_files

    sink = Sink(None, err=err)
    for batch in iter_batches(shard_files([str(folder)]), 10_000, columns=("status", "error")):
        n = len(batch["status"])
        sink.write(batch["status"], batch["error"], [True] * n, [""] * n)
    return sink.summary
