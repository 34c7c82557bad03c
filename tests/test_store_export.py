"""``grotius export`` in every format, on both backends, to a file and to standard output."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from grotius.cli.main import main
from grotius.store import Store
from grotius.store.export import GDELT_COLUMNS
from tests.store_support import BACKENDS, article, db_url_for, story


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    for url in db_url_for(request.param, tmp_path):
        with Store(url) as store:
            first = article(story(1, "Rusland dreigde Oekraïne."), url="https://nos.nl/1")
            store.add(first)
            store.add(article(first.document.text.replace("later vandaag", "vanavond"), url="https://nu.nl/2"))
            store.add(article(story(2, "Nederland steunt Oekraïne.", "China sprak."), date="2022-01-05"))
        yield url


def export(db_url: str, fmt: str, tmp_path, *extra: str) -> bytes:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--format", fmt, "--db", db_url, "--output", str(out), *extra]) == 0
    return out.read_bytes()


def test_csv(db_url, tmp_path):
    df = pd.read_csv(io.BytesIO(export(db_url, "csv", tmp_path)))
    assert len(df) == 3 and {"id", "cameo", "source_code", "num_mentions", "num_sources", "num_articles"} <= set(df)
    row = df[df["cameo"] == 1313].iloc[0]
    assert (row["num_mentions"], row["num_sources"], row["num_articles"]) == (2, 2, 1)


def test_jsonl_one_event_per_line_with_document_and_mentions(db_url, tmp_path):
    lines = export(db_url, "jsonl", tmp_path).decode().splitlines()
    recs = [json.loads(line) for line in lines]
    assert len(recs) == 3
    threat = next(r for r in recs if r["cameo"] == "1313")
    assert threat["doc_id"] and threat["trigger"] == "dreigde" and threat["plover"] == "THREATEN"
    assert threat["source"]["code"] == "RUSGOV" and threat["target"]["code"] == "UKRGOV"
    assert threat["source"]["end"] - threat["source"]["start"] == len("Rusland")
    assert threat["date"] == {"value": "2021-12-30", "basis": "publication"}
    assert len(threat["mentions"]) == 2 and {m["url"] for m in threat["mentions"]} == {"https://nos.nl/1",
                                                                                         "https://nu.nl/2"}
    untargeted = next(r for r in recs if r["cameo"] == "040")
    assert untargeted["target"] is None


def test_parquet(db_url, tmp_path):
    df = pd.read_parquet(io.BytesIO(export(db_url, "parquet", tmp_path)))
    assert len(df) == 3 and "goldstein" in df


def test_gdelt_columns_and_codes(db_url, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export(db_url, "gdelt", tmp_path).decode()), delimiter="\t"))
    assert list(rows[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    threat = next(r for r in rows if r["EventCode"] == "1313")
    assert (threat["SQLDATE"], threat["MonthYear"], threat["Year"]) == ("20211230", "202112", "2021")
    assert (threat["Actor1Code"], threat["Actor1CountryCode"], threat["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (threat["Actor2Code"], threat["Actor1Name"]) == ("UKRGOV", "RUSLAND")
    assert (threat["EventBaseCode"], threat["EventRootCode"], threat["QuadClass"]) == ("131", "13", "3")
    assert (threat["NumMentions"], threat["NumSources"], threat["NumArticles"]) == ("2", "2", "1")
    assert threat["GoldsteinScale"] == "-5.8" and threat["SOURCEURL"] == "https://nos.nl/1"
    assert threat["GLOBALEVENTID"].isdigit() and len(threat["DATEADDED"]) == 14


def test_plover_json(db_url, tmp_path):
    recs = json.loads(export(db_url, "plover", tmp_path))
    threat = next(r for r in recs if r["cameo"] == "1313")
    assert threat["event"] == "THREATEN" and threat["eventText"] == "dreigde"
    assert threat["source"][0]["actorText"] == "Rusland" and threat["target"][0]["code"] == "UKRGOV"
    assert threat["text"] == "Rusland dreigde Oekraïne."  # the sentence, cut from the stored article
    assert threat["numMentions"] == 2


def test_filters_and_stdout(db_url, tmp_path, capsysbinary):
    assert main(["export", "--format", "jsonl", "--db", db_url, "--dyad", "NLD", "UKR"]) == 0
    out = capsysbinary.readouterr().out.decode().splitlines()
    assert [json.loads(line)["cameo"] for line in out] == ["051"]
    assert main(["export", "--format", "csv", "--db", db_url, "--since", "2022", "--cameo", "04"]) == 0
    assert len(pd.read_csv(io.BytesIO(capsysbinary.readouterr().out))) == 1


def test_bad_filter_is_one_line(db_url, capsys):
    assert main(["export", "--format", "csv", "--db", db_url, "--since", "gisteren"]) == 2
    assert capsys.readouterr().err.startswith("grotius export: error: not a date")
