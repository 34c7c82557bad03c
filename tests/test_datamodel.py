from __future__ import annotations

from datetime import date

import pytest

from grotius.datamodel import Actor, Document, Event, EventDate, PubDate, Quote, Timex, content_id


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2021", "year", date(2021, 1, 1), date(2021, 12, 31)),
        ("2021-12", "month", date(2021, 12, 1), date(2021, 12, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2021-12-30", "day", date(2021, 12, 30), date(2021, 12, 30)),
    ],
)
def test_pubdate_keeps_precision(text, precision, first, last):
    d = PubDate.parse(text)
    assert d.precision == precision
    assert (d.first_day, d.last_day) == (first, last)
    assert str(d) == text


@pytest.mark.parametrize("bad", ["21-12", "2021-13", "2021-02-30", "december", "2021-1", ""])
def test_pubdate_rejects(bad):
    with pytest.raises(ValueError):
        PubDate.parse(bad)


def test_document_id_is_content_hash():
    a = Document("Poetin dreigt.", PubDate.parse("2021-12"))
    b = Document("Poetin  dreigt. ", PubDate.parse("2021-12"))
    c = Document("Poetin dreigt.", PubDate.parse("2021-11"))
    assert a.id == b.id == content_id("Poetin dreigt.", PubDate.parse("2021-12"))
    assert a.id != c.id
    assert len(a.id) == 20


def test_event_record_matches_interface():
    src = Actor("Poetin", 0, 6, country="RUS", sector="GOV", name="Vladimir Putin", code="RUSGOV")
    tgt = Actor("VS", 30, 32, country="USA", sector="GOV", code="USAGOV")
    ev = Event("dreigde", 7, 14, 2, src, tgt, "1313", "13", "THREATEN", 3, -5.8, "conditional",
               EventDate("2021-12-30", "text"), "nl/events.yaml#dreigen-met-breuk")
    rec = ev.to_record()
    assert set(rec) >= {"trigger", "start", "end", "sentence", "source", "target", "cameo", "cameo_root",
                        "plover", "quad_class", "goldstein", "status", "date", "rule"}
    assert rec["source"]["code"] == "RUSGOV"
    assert set(rec["source"]) >= {"text", "start", "end", "country", "org", "sector", "name", "code"}
    assert rec["date"] == {"value": "2021-12-30", "basis": "text"}


def test_quote_and_timex_records():
    q = Quote(None, 3, 10, "totale breuk", direct=True)
    assert q.to_record()["quote"] == {"start": 3, "end": 10, "text": "totale breuk"}
    t = Timex(0, 9, "donderdag", "DATE", "2021-12-30")
    assert {"start", "end", "text", "type", "value"} <= set(t.to_record())


def test_store_is_reachable_from_the_package_without_eager_import():
    import subprocess
    import sys

    code = "import sys, grotius; assert 'sqlalchemy' not in sys.modules; print(grotius.Store.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Store"
