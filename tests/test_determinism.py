"""The same input gives the same output in every process: nothing may depend on the interpreter's
per-process string hashing (the order of a set of strings), which once made a compound noun's actor
reading change from run to run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from grotius.ingest.readers import read_dated_article
from tests.conftest import SAMPLE

# compounds whose written form and lemma end in different actor nouns, plus the sample article
EXTRA = (
    "De universiteit stelde eisen aan masterstudenten. "
    "Hamasstrijders vuurden raketten af op Israël, zeiden Israëlische legerwoordvoerders. "
    "De Venezolaanse regering zette de Duitse ambassadeur het land uit."
)


@pytest.mark.slow
def test_code_output_is_the_same_under_every_hash_seed(tmp_path):
    src = tmp_path / "in.jsonl"
    sample = read_dated_article(SAMPLE)
    records = [
        {"id": "sample", "date": str(sample.published), "text": sample.text},
        {"id": "extra", "date": "2019-03-07", "text": EXTRA},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf8")
    prog = f"from grotius.cli.main import main; raise SystemExit(main(['code', '--jsonl', {str(src)!r}]))"
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", prog], env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
