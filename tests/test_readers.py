from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grotius.errors import InputError
from grotius.ingest.readers import (
    decode_bytes,
    iter_jsonl,
    parse_dated_article,
    read_dated_article,
    record_to_document,
)


def test_sample_article(tmp_path):
    from tests.conftest import SAMPLE

    doc = read_dated_article(SAMPLE)
    assert str(doc.published) == "2021-12" and doc.published.precision == "month"
    assert doc.text.startswith("Joe Biden en Vladimir Poetin")
    assert doc.text.endswith("grenzen.")


@pytest.mark.parametrize(
    "raw",
    ["date 2021-12 Tekst.", "   date 2021-12 Tekst.", "\n\ndate 2021-12\nTekst.", "\ufeffdate 2021-12 Tekst."],
)
def test_header_forms(raw):
    doc = parse_dated_article(raw, "x.txt")
    assert doc.text == "Tekst." and str(doc.published) == "2021-12"


@pytest.mark.parametrize(
    ("raw", "msg", "line"),
    [
        ("", "empty", 1),
        ("Geen datum hier.", "missing date line", 1),
        ("\n\ndate 2021-13 Tekst", "month out of range", 3),
        ("date 2021-12", "no text", 1),
    ],
)
def test_bad_articles_name_file_and_line(raw, msg, line):
    with pytest.raises(InputError) as exc:
        parse_dated_article(raw, "bad.txt")
    assert exc.value.source == "bad.txt" and exc.value.line == line
    assert msg in str(exc.value) and str(exc.value).startswith(f"bad.txt:{line}:")


def test_encodings():
    text = "date 2021-12 Oekraïne reageert."
    assert decode_bytes(text.encode("utf-16"), "f") == text
    assert decode_bytes(text.encode("latin-1"), "f") == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode(), "f").lstrip("\ufeff") == text
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02PK", "f.bin")


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a", "date": "2021-12", "text": "Een."}\n{not json\n\n{"id": "b", "text": "Twee."}\n')
    out = list(iter_jsonl(p))
    assert [n for n, _ in out] == [1, 2, 4]
    assert isinstance(out[1][1], InputError) and f"{p}:2:" in str(out[1][1])
    doc = record_to_document(out[0][1], str(p), 1)
    assert doc.meta["record_id"] == "a" and str(doc.published) == "2021-12"
    with pytest.raises(InputError, match="no 'text'"):
        record_to_document({"id": "c"}, str(p), 5)


@given(st.text(max_size=200))
def test_reader_never_raises_anything_but_input_error(raw):
    try:
        doc = parse_dated_article(raw, "fuzz.txt")
    except InputError:
        return
    assert doc.text and doc.published is not None


@given(st.binary(max_size=200))
def test_decode_never_crashes(data):
    with contextlib.suppress(InputError):
        assert isinstance(decode_bytes(data, "fuzz.bin"), str)


@given(st.dictionaries(st.sampled_from(["id", "date", "text", "lang"]), st.text(max_size=20)))
def test_records_never_crash(rec):
    with contextlib.suppress(InputError):
        record_to_document(json.loads(json.dumps(rec)), "r.jsonl", 1)
