"""``grotius ingest --engine ray`` (grotius.scale) against the local engine: the same events with the
same ids, a killed worker retried with nothing lost or doubled, Parquet shards loaded idempotently,
and no Ray anywhere on the local path.

The Ray tests share one local cluster of 2 CPUs (a small object store, no dashboard). Runs that are
about the engine, not coding quality, use the small deterministic coder of ``tests.store_support``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from grotius.cli.main import main
from grotius.datamodel import CodedArticle, Document
from grotius.store import Store
from tests.conftest import REPO, shared_data
from tests.store_support import fake_code

SAMPLES = REPO / "samples"
FAKE = "tests.store_support:fake_code"
CRASH = "tests.test_scale:crash_once"
CRASH_MARK = "Dit artikel laat de worker vallen."
SEED = "0"


def crash_once(document: Document, nlp: object = None) -> CodedArticle:
    """``fake_code``, except that the worker process holding the marked article is killed (SIGKILL,
    as by the OOM killer or a lost node) the first time it gets there; a flag file beside the
    article remembers that it happened."""
    if CRASH_MARK in document.text and document.source:
        flag = Path(document.source).with_suffix(".killed")
        if not flag.exists():
            flag.write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
    return fake_code(document, nlp)


crash_once.needs_nlp = False  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray", reason="--engine ray needs ray[data] (pip install 'ray[data]')")
    # Workers with a fixed hash seed: see test_ray_and_local_identical_on_200_dpgmedia_articles.
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024**2, logging_level="WARNING",
             runtime_env={"env_vars": {"PYTHONHASHSEED": SEED}})
    yield ray
    ray.shutdown()


def write_articles(folder: Path, n: int, crash_at: int | None = None) -> Path:
    """``n`` short dated articles that the fake coder finds events in (one per file)."""
    folder.mkdir(parents=True, exist_ok=True)
    pairs = [("Rusland", "dreigde", "Oekraïne"), ("Nederland", "steunt", "Oekraïne"), ("China", "sprak", "Amerika")]
    for i in range(n):
        a, verb, b = pairs[i % len(pairs)]
        extra = f" {CRASH_MARK}" if i == crash_at else ""
        (folder / f"{i:04d}.txt").write_text(
            f"date 2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}\n{a} {verb} {b} op dag {i}. Bericht nummer {i}.{extra}\n")
    return folder


def ingest(*args: str) -> dict[str, int]:
    """Run ``grotius ingest`` in this process; the summary JSON (exit status must be 0)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["ingest", *args, "--json", "--no-progress"]) == 0
    return json.loads(out.getvalue().strip().splitlines()[-1])


def snapshot(db: str) -> dict[str, pd.DataFrame]:
    """Everything stored, in a stable order, without the wall-clock columns."""
    with Store(db) as store:
        frames = {"events": (store.events(), ["id"]), "mentions": (store.mentions(), ["doc_id", "idx"]),
                  "documents": (store.documents(), ["id"])}
        out = {}
        for name, (df, key) in frames.items():
            df = df.drop(columns=[c for c in df.columns if c.endswith("_at")])
            out[name] = df.sort_values(key).reset_index(drop=True)
        out["stats"] = pd.DataFrame([store.stats()])
    return out


def assert_same_store(a: str, b: str) -> None:
    sa, sb = snapshot(a), snapshot(b)
    assert len(sa["events"]) > 0
    for name in sa:
        pd.testing.assert_frame_equal(sa[name], sb[name], obj=name)


def test_records_round_trip(sample_doc, nlp):
    from grotius.coding.article import code_document
    from grotius.scale.records import dumps_article, loads_article
    from grotius.store.rows import child_values

    document, _ = sample_doc
    coded = code_document(document, nlp)
    back = loads_article(dumps_article(coded))
    assert back == coded
    assert back.to_record() == coded.to_record()
    assert [type(q) for q in back.quotes] == [type(q) for q in coded.quotes]  # the finder's subclass too
    assert child_values(back) == child_values(coded)


def test_records_refuse_foreign_classes():
    from grotius.scale.records import loads_article

    with pytest.raises(ValueError, match="not a grotius record class"):
        loads_article(json.dumps({"__class__": "os:system"}))


def test_local_engine_and_cli_never_import_ray(tmp_path):
    code = f"""
import sys
import grotius.cli.main
assert "ray" not in sys.modules, "import grotius.cli.main imported ray"
rc = grotius.cli.main.main(["ingest", {str(SAMPLES)!r}, "--db", "sqlite:///{tmp_path / 'g.db'}",
                            "--coder", {FAKE!r}, "--no-progress"])
assert rc == 0, rc
bad = sorted(m for m in sys.modules if m == "ray" or m.startswith("ray."))
assert not bad, bad
print("ok")
"""
    res = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().endswith("ok")


def test_ray_and_local_store_the_same_events_on_the_samples(ray_cluster, tmp_path):
    """The real coder, two workers: same summary, same events, same ids, same rows."""
    local, ray_db = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}"
    first = ingest(str(SAMPLES), "--db", local)
    assert ingest(str(SAMPLES), "--db", ray_db, "--engine", "ray", "--workers", "2") == first
    assert first["stored"] == len(list(SAMPLES.rglob("*.txt"))) and first["mentions"] > 0
    assert_same_store(local, ray_db)


def test_killed_worker_is_retried_nothing_lost_or_doubled(ray_cluster, tmp_path):
    corpus = write_articles(tmp_path / "in", 40, crash_at=13)
    local, ray_db = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}"
    summary = ingest(str(corpus), "--db", ray_db, "--engine", "ray", "--workers", "2", "--coder", CRASH)
    assert (corpus / "0013.killed").exists(), "the worker was never killed"
    assert summary["stored"] == 40 and summary["failed"] == 0 and summary["duplicates"] == 0
    assert ingest(str(corpus), "--db", local, "--coder", CRASH) == summary  # flag exists: no second kill
    assert_same_store(local, ray_db)
    # A rerun finds everything stored: the workers skip it before coding.
    again = ingest(str(corpus), "--db", ray_db, "--engine", "ray", "--workers", "2", "--coder", FAKE)
    assert again["duplicates"] == 40 and again["stored"] == 0
    assert_same_store(local, ray_db)


def test_ray_and_local_on_postgresql(ray_cluster, tmp_path):
    """The cluster set-up: PostgreSQL, which the workers query to skip documents already coded."""
    from tests.store_support import fresh_pg_url

    corpus = write_articles(tmp_path / "in", 20)
    local_urls, ray_urls = fresh_pg_url(), fresh_pg_url()
    local, ray_db = next(local_urls), next(ray_urls)
    try:
        first = ingest(str(corpus), "--db", local, "--coder", FAKE)
        assert ingest(str(corpus), "--db", ray_db, "--engine", "ray", "--workers", "2", "--coder", FAKE) == first
        assert_same_store(local, ray_db)
        again = ingest(str(corpus), "--db", ray_db, "--engine", "ray", "--workers", "2", "--coder", FAKE)
        assert again["duplicates"] == 20 and again["stored"] == 0
    finally:
        for gen in (local_urls, ray_urls):
            gen.close()  # drops the database


def test_shards_then_load_is_the_same_and_idempotent(ray_cluster, tmp_path, capsys):
    corpus = write_articles(tmp_path / "in", 24)
    (corpus / "broken.txt").write_text("no date line here\n")
    local, loaded = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'loaded.db'}"
    shards = tmp_path / "shards"
    assert main(["ingest", str(corpus), "--db", local, "--coder", FAKE, "--no-progress"]) == 1  # broken.txt
    assert main(["ingest", str(corpus), "--engine", "ray", "--workers", "2", "--coder", FAKE,
                 "--shards", str(shards), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "broken.txt" in err and "25 read: 24 written to Parquet shards" in err
    assert list(shards.glob("*.parquet"))
    assert main(["load", str(shards), "--db", loaded, "--json"]) == 1  # the failure row is reported again
    out, err = capsys.readouterr()
    assert json.loads(out)["stored"] == 24 and "broken.txt" in err
    assert_same_store(local, loaded)
    assert main(["load", *map(str, sorted(shards.glob("*.parquet"))), "--db", loaded, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["duplicates"] == 24  # loaded twice: nothing new
    assert_same_store(local, loaded)
    # Shards never go into a folder that already holds some.
    assert main(["ingest", str(corpus), "--engine", "ray", "--coder", FAKE, "--shards", str(shards)]) == 2


def dpgmedia_slice(tmp_path: Path, n: int) -> Path:
    """The first ``n`` dpgmedia2019 articles as a JSONL file in the test's temporary folder."""
    src = shared_data("dpgmedia2019", "dpgMedia2019-articles-byarticle.jsonl")
    out = tmp_path / "dpg.jsonl"
    with src.open(encoding="utf8") as fh, out.open("w", encoding="utf8") as dst:
        for _, line in zip(range(n), fh, strict=False):
            rec = json.loads(line)
            dst.write(json.dumps({"id": rec["id"], "date": rec["published_at"][:10], "text": rec["text"],
                                  "title": rec.get("title")}, ensure_ascii=False) + "\n")
    return out


@pytest.mark.slow
def test_ray_and_local_identical_on_200_dpgmedia_articles(ray_cluster, tmp_path):
    """The bar: the same 200 news articles give identical event sets (real coder, one JSONL file
    that both workers share). The slice holds repeated texts, stored once and counted as duplicates."""
    data = dpgmedia_slice(tmp_path, 200)
    local, ray_db = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}"
    res = subprocess.run([sys.executable, "-m", "grotius.cli.main", "ingest", str(data), "--db", local, "--json"],
                         cwd=REPO, capture_output=True, text=True, timeout=1800,
                         env={**os.environ, "PYTHONHASHSEED": SEED})
    assert res.returncode == 0, res.stderr
    first = json.loads(res.stdout.strip().splitlines()[-1])
    assert first["stored"] + first["duplicates"] == 200 and first["failed"] == 0 and first["mentions"] > 0
    assert first["stored"] > 150
    assert ingest(str(data), "--db", ray_db, "--engine", "ray", "--workers", "2") == first
    assert_same_store(local, ray_db)


def test_ray_engine_unknown_coder_is_one_line_before_any_cluster_work(tmp_path, capsys):
    pytest.importorskip("ray", reason="--engine ray needs ray[data]")
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["ingest", str(SAMPLES), "--db", db, "--engine", "ray", "--coder", "nosuch:fn"]) == 2
    assert "grotius ingest: error: --coder nosuch:fn: No module named 'nosuch'" in capsys.readouterr().err


def test_ray_options_need_the_ray_engine(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["ingest", str(SAMPLES), "--db", db, "--workers", "2", "--coder", FAKE]) == 2
    assert "need --engine ray" in capsys.readouterr().err
