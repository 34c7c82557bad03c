"""``grotius ingest`` / ``stats`` end to end: summaries, exit status, idempotence, crashes, concurrency.

The coder is the small deterministic stand-in of ``tests.store_support`` (``--coder``), so these
tests are about ingest and storage, not about coding quality."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grotius.cli.main import main
from grotius.store import Store
from tests.conftest import REPO, SAMPLE
from tests.store_support import BACKENDS, counts, db_url_for, story

CODER = "tests.store_support:fake_code"
SENTENCES = ["Rusland dreigde Oekraïne.", "Nederland steunt Oekraïne.", "China sprak Amerika.",
             "Oekraïne aanviel Rusland."]


def write_corpus(folder: Path, n: int, copies: int = 0) -> None:
    """``n`` distinct dated articles, plus ``copies`` lightly edited copies (near-duplicates)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = story(i, SENTENCES[i % len(SENTENCES)], SENTENCES[(i // 4) % len(SENTENCES)])
        (folder / f"{i:05d}.txt").write_text(f"date 2022-{i % 12 + 1:02d}-{i % 28 + 1:02d}\n{text}\n")
    for i in range(copies):
        src = (folder / f"{i:05d}.txt").read_text()
        (folder / f"copy-{i:05d}.txt").write_text(src.replace("later vandaag", "vanavond"))


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    yield from db_url_for(request.param, tmp_path)


def ingest(*args: str) -> int:
    return main(["ingest", *args, "--coder", CODER])


def test_folder_twice_gives_identical_counts(tmp_path, db_url, capsys):
    write_corpus(tmp_path / "in", 12, copies=2)
    assert ingest(str(tmp_path / "in"), "--db", db_url, "--batch-size", "5", "--json") == 0
    out, err = capsys.readouterr()
    first = json.loads(out)
    # Articles 0, 5 and 10 report the same event twice: one event, two mentions.
    assert first == {"inputs": 14, "stored": 14, "duplicates": 0, "near_duplicates": 2, "failed": 0,
                     "mentions": 28, "new_events": 21}
    assert "14 read: 14 stored (2 near-duplicates linked), 0 skipped as duplicate, 0 failed" in err
    with Store(db_url) as store:
        before = counts(store)
    assert ingest(str(tmp_path / "in"), "--db", db_url, "--json") == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["stored"], second["duplicates"], second["mentions"]) == (0, 14, 0)
    with Store(db_url) as store:
        assert counts(store) == before
        # The copies report the same events: mentions grow, events and stories do not.
        assert (before["documents"], before["stories"], before["event_mentions"], before["events"]) == (14, 12, 28, 21)


def test_bad_inputs_are_counted_and_the_rest_is_stored(tmp_path, capsys):
    folder = tmp_path / "in"
    write_corpus(folder, 3)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "README.md").write_text("# not an article: a folder only contributes article-like files")
    (folder / "latin1.txt").write_bytes("date 2022-01-01\nNederland steunt Oekraïne, zei de minister.".encode("cp1252"))
    (folder / "utf16.txt").write_bytes("date 2022-01-02\nChina sprak Amerika over Taiwan.".encode("utf-16"))
    (folder / "nodate.txt").write_text("Rusland dreigde Oekraïne.")
    (folder / "broken.html").write_text("<html><body><div")
    (folder / "r.jsonl").write_text('{"id": "1", "date": "2022-03-01", "text": "Rusland dreigde Oekraïne opnieuw."}\n'
                                    "{broken\n")
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert ingest(str(folder), "--db", db) == 1
    err = capsys.readouterr().err.splitlines()
    errors = [line for line in err if line.startswith("grotius ingest: error: ")]
    assert sorted(e.split(": ", 3)[2].split(":")[0].rsplit("/", 1)[-1] for e in errors) == [
        "binary.txt", "broken.html", "empty.txt", "nodate.txt", "r.jsonl"]
    assert any("r.jsonl:2: not JSON" in e for e in errors)
    assert "11 read: 6 stored (0 near-duplicates linked), 0 skipped as duplicate, 5 failed" in err[-1]
    assert main(["stats", "--db", db, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 6 and {"documents", "events", "quotes", "timexes", "actors"} <= set(stats)


def test_missing_coder_is_one_clear_error(tmp_path, capsys):
    write_corpus(tmp_path / "in", 1)
    code = main(["ingest", str(tmp_path / "in"), "--db", f"sqlite:///{tmp_path / 'g.db'}", "--coder", "nope:nothing"])
    assert code == 2 and capsys.readouterr().err.strip().startswith("grotius ingest: error: --coder nope:nothing")


def test_no_code_then_code(tmp_path, capsys):
    write_corpus(tmp_path / "in", 4)
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--no-code"]) == 0
    assert ingest(str(tmp_path / "in"), "--db", db) == 0
    assert "4 stored" in capsys.readouterr().err
    with Store(db) as store:
        s = store.stats()
    assert (s["documents"], s["uncoded_documents"], s["event_mentions"]) == (4, 0, 8)


def test_stdin_and_stats_text(tmp_path, capsys, monkeypatch):
    import io

    db = f"sqlite:///{tmp_path / 'g.db'}"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("date 2022-05\nRusland dreigde Oekraïne.".encode())))
    assert ingest("-", "--db", db) == 0
    assert main(["stats", "--db", db]) == 0
    assert "documents" in capsys.readouterr().out


def test_unknown_engine_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ingest", "x", "--db", f"sqlite:///{tmp_path / 'g.db'}", "--engine", "spark"])
    assert exc.value.code == 2 and "invalid choice: 'spark'" in capsys.readouterr().err


def test_real_coder_when_present(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert main(["ingest", str(SAMPLE), "--db", db]) == 0
    with Store(db) as store:
        s = store.stats()
    assert s["documents"] == 1 and s["sentences"] > 0


# --- slow: crashes, concurrency, huge input ---------------------------------------------------

def run_cli(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "grotius.cli.main", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def stored_documents(db_url: str) -> int:
    if db_url.startswith("sqlite"):
        path = db_url.removeprefix("sqlite:///")
        if not Path(path).exists():
            return 0
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
                return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            return 0
    try:
        with Store(db_url, migrate=False) as store:
            return store.stats()["documents"]
    except Exception:  # tables not created yet
        return 0


@pytest.mark.slow
def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path, db_url):
    folder = tmp_path / "in"
    write_corpus(folder, 1000, copies=30)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    args = [str(folder), "--coder", CODER, "--batch-size", "10"]
    assert run_cli("ingest", *args, "--db", reference).wait(timeout=300) == 0

    proc = run_cli("ingest", *args, "--db", db_url)
    deadline = time.time() + 120
    while stored_documents(db_url) < 50 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = stored_documents(db_url)
    assert 0 < partial < 1030
    rerun = run_cli("ingest", *args, "--db", db_url)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    with Store(reference) as ref, Store(db_url) as store:
        assert counts(store) == counts(ref)
        cols = ["id", "num_mentions", "num_articles", "num_sources"]
        assert store.events()[cols].equals(ref.events()[cols])


@pytest.mark.slow
def test_two_concurrent_ingests_do_not_corrupt(tmp_path, db_url):
    write_corpus(tmp_path / "all", 400)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, f in enumerate(sorted((tmp_path / "all").iterdir())):
        # Overlapping halves: the middle 200 articles are in both.
        if i < 300:
            (a / f.name).write_text(f.read_text())
        if i >= 100:
            (b / f.name).write_text(f.read_text())
    args = ["--coder", CODER, "--batch-size", "7", "--db", db_url]
    procs = [run_cli("ingest", str(a), *args), run_cli("ingest", str(b), *args)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    assert main(["ingest", str(tmp_path / "all"), "--coder", CODER, "--db", reference]) == 0
    with Store(reference) as ref, Store(db_url) as store:
        got, want = counts(store), counts(ref)
        assert got == want
        if db_url.startswith("sqlite"):
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.slow
def test_20_mb_article_fails_alone(tmp_path, capsys):
    folder = tmp_path / "in"
    write_corpus(folder, 3)
    with (folder / "huge.txt").open("w") as f:
        f.write("date 2022-01-01\n")
        line = "Rusland dreigde Oekraïne met een breuk in de betrekkingen, meldden bronnen. " * 20 + "\n"
        while f.tell() < 20_000_000:
            f.write(line)
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert ingest(str(folder), "--db", db) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'huge.txt'}: article too long: " in err
    assert "4 read: 3 stored" in err


def test_progress_bar_shows_rate_and_eta(tmp_path, capsys):
    write_corpus(tmp_path / "in", 5)
    db = f"sqlite:///{tmp_path / 'g.db'}"
    assert ingest(str(tmp_path / "in"), "--db", db, "--progress", "--batch-size", "2") == 0
    err = capsys.readouterr().err
    assert "5/5" in err and "doc/s" in err and "<" in err  # tqdm: done/total [elapsed<eta, rate]
