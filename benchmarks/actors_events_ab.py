"""The effect of actor-resolution changes on the event dev sets, with the event coder held fixed.

    .venv/bin/python benchmarks/actors_events_ab.py BASE [--show DIR]

Other work changes the event coder at the same time, so before/after figures taken at different
moments mix both. This copies ``src/`` twice from one snapshot of the working tree: "new" as it is,
"base" with the actor files (``resolve/actors/``, ``kb/``, ``lang/nl/actors*.yaml``,
``lang/nl/places.yaml``) of commit BASE; then runs ``evaluate_events.py`` on the development event
sets with each copy first on the import path and prints matched/system/gold per set. Development
splits only: never the held-out ones. ``--show DIR`` keeps each run's ``--show`` output there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = [
    ("events-cameo-nl.jsonl", "dev"),
    ("events-petrarch-nl.jsonl", "dev"),
    ("events-petrarch-nl2.jsonl", None),
    ("events-dev2.jsonl", None),
    ("events-news-dev.jsonl", None),
    ("events-news-dev2.jsonl", None),
    ("events-afp-nl.jsonl", "dev"),
]
ACTOR_PATHS = (
    "src/grotius/resolve/actors/",
    "src/grotius/kb/",
    "src/grotius/lang/nl/actors",
    "src/grotius/lang/nl/places",
)


def _copy_src(dest: Path) -> None:
    # the trained pipeline is large and the same on both sides: linked, not copied
    shutil.copytree(ROOT / "src", dest / "src", ignore=shutil.ignore_patterns("models", "__pycache__"))
    (dest / "src/grotius/models").symlink_to(ROOT / "src/grotius/models")


def _actor_files(commit: str) -> list[str]:
    out = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", commit, "--", "src/grotius"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return [f for f in out if f.startswith(ACTOR_PATHS)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", help="commit whose actor files form the 'base' side")
    ap.add_argument("--show", type=Path, help="folder for each run's --show output")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="actors-ab-"))
    try:
        for side in ("base", "new"):
            _copy_src(work / side)
        for f in _actor_files(args.base):
            blob = subprocess.run(["git", "show", f"{args.base}:{f}"], cwd=ROOT, check=True, capture_output=True)
            target = work / "base" / f
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob.stdout)
        for name, split in DEV_SETS:
            row = []
            for side in ("base", "new"):
                env = {
                    **os.environ,
                    "PYTHONPATH": str(work / side / "src"),
                    "XDG_CACHE_HOME": str(work / f"cache-{side}"),
                }
                cmd = [sys.executable, "benchmarks/evaluate_events.py", f"benchmarks/gold/{name}", "--show"]
                cmd += ["--split", split] if split else []
                run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
                if args.show:
                    args.show.mkdir(parents=True, exist_ok=True)
                    (args.show / f"{side}.{name}.txt").write_text(run.stdout, encoding="utf8")
                figures = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))
                row.append(f"{figures['matched']}/{figures['system']}/{figures['gold']}")
            print(f"{name}{' ' + split if split else ''}: matched/system/gold base {row[0]}, new {row[1]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
