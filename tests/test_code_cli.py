"""``grotius code``: files and --jsonl as docs/interfaces.md says; bad input is one line, the rest goes on."""

from __future__ import annotations

import json

from grotius.cli.main import main
from tests.conftest import SAMPLE


def test_code_jsonl_bad_lines_reported_rest_coded(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "date": "2022-03-01", "text": "Rusland viel Oekraïne aan."}\n'
                   "not json\n"
                   '{"id": "b", "text": ""}\n'
                   '{"id": "c", "date": "2022-03-02", "text": "China veroordeelde Japan."}\n', encoding="utf8")
    rc = main(["code", "--jsonl", str(src)])
    out, err = capsys.readouterr()
    assert rc == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in lines] == ["a", "c"]
    assert set(lines[0]) >= {"id", "events", "quotes", "timexes", "actors"}
    assert f"{src}:2:" in err and f"{src}:3:" in err and len(err.strip().splitlines()) == 2


def test_code_file_json_and_text(capsys, tmp_path):
    assert main(["code", "--format", "json", str(SAMPLE)]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["events"] and all(e["rule"].startswith("nl/events") for e in rec["events"])
    missing = tmp_path / "nope.txt"
    assert main(["code", str(SAMPLE), str(missing)]) == 1
    out, err = capsys.readouterr()
    assert "CAMEO" in out and str(missing) in err


def test_explain_shows_path_and_entry(capsys):
    assert main(["explain", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "trigger" in out and "entry nl/events" in out
