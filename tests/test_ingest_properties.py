"""Property-based tests (hypothesis) for the readers and source expansion: whatever the bytes,
a reader returns a Document or raises InputError, and what it reads back is what was written."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grotius.datamodel import Document, PubDate
from grotius.errors import InputError
from grotius.ingest.readers import decode_bytes, iter_jsonl, parse_dated_article, record_to_document
from grotius.ingest.sources import from_bytes

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def pubdates(draw: st.DrawFn) -> PubDate:
    year = draw(st.integers(1900, 2100))
    month = draw(st.none() | st.integers(1, 12))
    day = draw(st.none() | st.integers(1, 28)) if month else None
    return PubDate(year, month, day)


bodies = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), min_size=1).filter(
    lambda s: s.strip()
)


@FAST
@given(pubdates(), bodies, st.sampled_from(["", " ", "\n", "\t\n  "]), st.sampled_from([" ", "\n", "\r\n", " \t\n"]))
def test_dated_article_round_trip(published, body, lead, sep):
    doc = parse_dated_article(f"{lead}date {published}{sep}{body}", "x.txt")
    assert doc.published == published and doc.published.precision == published.precision
    assert doc.text == body.strip()


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_decode_unicode_encodings(text, encoding):
    assert decode_bytes(text.encode(encoding), "x") == (text if encoding != "utf-8" else text.removeprefix("\ufeff"))


@FAST
@given(st.text(st.sampled_from("abcé ëïöüàèç€\n"), min_size=1))
def test_decode_latin1_when_not_utf8(text):
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_bytes(data, "x") == text


@FAST
@given(st.binary(max_size=300))
def test_decode_never_fails_but_on_binary(data):
    try:
        assert isinstance(decode_bytes(data, "x"), str)
    except InputError as exc:
        assert str(exc) == "x: binary file, not text"


LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits on
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3), max_leaves=8)


@FAST
@given(st.lists(st.one_of(json_values.map(json.dumps), st.text(st.characters(blacklist_characters=LINE_BREAKS),
                                                                max_size=20)), max_size=12))
def test_jsonl_one_item_per_non_blank_line(lines):
    got = list(iter_jsonl("r.jsonl", iter(lines)))
    expected = [n for n, line in enumerate(lines, start=1) if line.strip()]
    assert [n for n, _ in got] == expected
    for n, value in got:
        if isinstance(value, InputError):
            assert str(value).startswith(f"r.jsonl:{n}: not JSON")


@FAST
@given(json_values)
def test_record_to_document_accepts_or_refuses_clearly(rec):
    try:
        doc = record_to_document(rec, "r.jsonl", 7)
    except InputError as exc:
        assert str(exc).startswith("r.jsonl:7: ")
    else:
        assert isinstance(doc, Document) and doc.text.strip()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "html", "feed", "csv", "jsonl", "article"]))
def test_any_bytes_give_documents_or_input_errors(data, kind):
    for item in from_bytes(data, "f", kind=kind, fetch_pages=False):
        assert isinstance(item, Document | InputError)
        if isinstance(item, InputError):
            assert str(item).startswith("f") and "\n" not in str(item).split(": ", 1)[0]


def test_stdin_like_stream_is_read_once():
    # A guard for the property above: from_bytes is what '-' uses.
    assert [d.text for d in from_bytes(io.BytesIO(b"date 2020\nTekst.").read(), "<stdin>", None)] == ["Tekst."]
