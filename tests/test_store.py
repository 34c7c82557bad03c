"""The store against real databases: a SQLite file and a PostgreSQL server (same tests on both)."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from grotius.store import Store
from tests.store_support import BACKENDS, article, counts, db_url_for, story


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    for url in db_url_for(request.param, tmp_path):
        with Store(url) as s:
            yield s


def test_schema_matches_the_migrations(store):
    # Alembic's own comparison: the migrated database and schema.py must not differ.
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from grotius.store.schema import metadata

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # SQLite's full-text index (revision 0003) is a virtual table with shadow tables, outside metadata.
    from grotius.store.schema import FTS_TABLES

    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(FTS_TABLES))]
    assert diff == []


def test_actor_table_migration_keeps_rows_both_ways(store):
    # Revision 0005 rebuilds the actors table (SQLite) and drops its code index: down to 0004 and
    # up again, every actor row survives and the schema is head's again.
    from alembic import command

    from grotius.store.engine import _alembic_config, current_revision, head_revision

    store.add_many([article(story(i, "Rusland dreigde Oekraïne.", "Nederland steunt Oekraïne.")) for i in range(3)])
    before = store.stats()
    cfg = _alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert current_revision(store.engine) == "0004"
    with Store(store.url) as again:  # opening migrates to head
        assert current_revision(again.engine) == head_revision(again.engine)
        assert again.stats() == before and before["actors"] == 12
        assert again.documents().shape[0] == 3


def test_reopening_migrates_nothing_and_keeps_data(store):
    store.add(article(story(1, "Rusland dreigde Oekraïne.")))
    with Store(store.url) as again:
        assert again.stats()["documents"] == 1


def test_the_same_article_twice_is_stored_once(store):
    a = article(story(1, "Rusland dreigde Oekraïne met sancties."))
    first = store.add(a)
    before = counts(store)
    second = store.add(article(a.document.text))
    assert (first.stored, second.stored, second.duplicates) == (1, 0, 1)
    assert counts(store) == before
    assert store.has_document(a.document.id)
    assert not store.has_document("0" * 20)


def test_duplicates_inside_one_batch(store):
    a = article(story(2, "Nederland steunt Oekraïne."))
    result = store.add_many([a, article(a.document.text)])
    assert (result.stored, result.duplicates) == (1, 1)


def test_rows_of_every_table(store):
    a = article(story(3, "Rusland dreigde donderdag Oekraïne: 'wij gaan door'."))
    store.add(a)
    s = store.stats()
    assert s["documents"] == 1 and s["events"] == 1 and s["event_mentions"] == 1
    assert s["quotes"] == 1 and s["timexes"] == 1 and s["actors"] == 2 and s["sentences"] == len(a.sentences)
    assert s["first_date"] == "2021-12-30"


def test_provenance_points_at_the_trigger_and_actors(store):
    a = article(story(4, "Rusland dreigde Oekraïne."))
    store.add(a)
    m = store.mentions().iloc[0]
    text = a.document.text
    assert m["doc_id"] == a.document.id
    assert text[m["start"]:m["end"]] == "dreigde"
    assert text[m["source_start"]:m["source_end"]] == "Rusland"
    assert text[m["target_start"]:m["target_end"]] == "Oekraïne"
    assert m["rule"] == "test/verbs#dreigde" and m["sentence"] == 0


def test_near_duplicate_is_linked_not_doubled(store):
    original = article(story(5, "Rusland dreigde Oekraïne."), url="https://nos.nl/a")
    copy = article(original.document.text.replace("later vandaag", "vanavond"), url="https://nu.nl/b")
    other = article("Rusland dreigde Oekraïne. Het Kremlin reageerde woensdag fel op de nieuwe wapenleveranties "
                    "en sprak van een provocatie die niet onbeantwoord zal blijven.", url="https://ad.nl/c")
    store.add(original)
    result = store.add_many([copy, other])
    assert result.near_duplicates == 1
    docs = store.documents().set_index("id")
    assert docs.loc[copy.document.id, "near_duplicate_of"] == original.document.id
    assert docs.loc[copy.document.id, "cluster_id"] == original.document.id
    assert docs.loc[copy.document.id, "similarity"] >= 0.8
    assert pd.isna(docs.loc[other.document.id, "near_duplicate_of"])
    # One real-world event, three mentions, three outlets, but only two stories (the copy is syndication).
    ev = store.events()
    assert len(ev) == 1
    row = ev.iloc[0]
    assert (row["num_mentions"], row["num_sources"], row["num_articles"]) == (3, 3, 2)
    assert row["first_doc_id"] == original.document.id and row["source_url"] == "https://nos.nl/a"


def test_different_events_stay_apart(store):
    store.add(article(story(7, "Rusland dreigde Oekraïne.", "Oekraïne dreigde Rusland.")))
    store.add(article(story(8, "Rusland dreigde Oekraïne."), date="2021-12-31"))
    assert store.stats()["events"] == 3


def test_event_filters(store):
    store.add(article(story(9, "Rusland dreigde Oekraïne."), date="2021-12-30"))
    store.add(article(story(10, "Nederland steunt Oekraïne."), date="2022-01"))
    store.add(article(story(11, "China sprak Amerika."), date="2022-02-03"))
    assert len(store.events()) == 3
    assert set(store.events(actor="UKR")["cameo"]) == {"1313", "051"}
    assert set(store.events(actor="ukrgov")["cameo"]) == {"1313", "051"}
    assert list(store.events(dyad=("NLD", "UKR"))["cameo"]) == ["051"]
    assert list(store.events(dyad=("UKR", "NLD"))["cameo"]) == []
    assert list(store.events(since="2022-01-15")["cameo"]) == ["051", "040"]  # January 2022 may be the 15th
    assert list(store.events(until="2021-12")["cameo"]) == ["1313"]
    assert list(store.events(since="2022-02-01", until="2022-02-28")["cameo"]) == ["040"]
    assert list(store.events(cameo="13")["cameo"]) == ["1313"]
    assert list(store.events(quad_class=1).sort_values("cameo")["cameo"]) == ["040", "051"]
    assert list(store.events(plover="fight")["cameo"]) == []
    assert len(store.events(limit=2)) == 2
    assert list(store.events(actor="100%_")["cameo"]) == []  # LIKE wildcards in input are literal


def test_uncoded_document_is_coded_later(store):
    a = article(story(12, "Rusland dreigde Oekraïne."))
    bare = type(a)(document=a.document)
    assert store.add(bare, is_coded=False).stored == 1
    assert store.add(bare, is_coded=False).duplicates == 1
    assert store.stats()["uncoded_documents"] == 1
    result = store.add(a)
    assert result.stored == 1
    s = store.stats()
    assert (s["documents"], s["uncoded_documents"], s["events"]) == (1, 0, 1)
    assert store.add(a).duplicates == 1


def test_event_without_target_and_undated_value(store):
    a = article(story(13, "Rusland dreigde."))
    a.events[0].date.value = "PRESENT_REF"
    store.add(a)
    row = store.events().iloc[0]
    assert pd.isna(row["target_code"]) and pd.isna(row["date_first"])
    assert len(store.events(since="2000")) == 0  # no calendar date: never inside a date range


def test_unsupported_url_is_a_clear_error():
    from grotius.errors import GrotiusError

    with pytest.raises(GrotiusError, match="unsupported database"):
        Store("mysql://localhost/x")


def test_minhash_signature_is_datasketch_bit_for_bit():
    # The vectorised MinHash must give the values datasketch gives: stored band keys stay comparable.
    from grotius.store import dedup

    texts = ["", "één", "Rusland dreigde Oekraïne.", "Zei: ‘Kyiv’ – één, twee drie! " * 40, "a b c d e f " * 50]
    for text in texts:
        ours, ref = dedup.signature(text), dedup.signature_datasketch(text)
        assert ours.to_bytes() == ref.to_bytes() and ours.band_keys() == ref.band_keys()


def test_batched_signatures_equal_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch's signatures come from joined texts: no shingle may span two texts, short and empty
    # texts keep their own rule, and splitting the batch into groups changes nothing.
    from grotius.store import dedup

    rng = random.Random(4)
    words = ["de", "Rusland", "één", "über", "x_y", "12", "Kyiv’s", "!", "—"]
    texts = ["", "één", "a b", "  ", "!!"] + [" ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
                                              for _ in range(200)]
    expected = [dedup.signature(t).to_bytes() for t in texts]
    assert [s.to_bytes() for s in dedup.signatures(texts)] == expected
    monkeypatch.setattr(dedup, "SIGNATURE_ROWS", 7)
    assert [s.to_bytes() for s in dedup.signatures(texts)] == expected
    assert dedup.signatures([]) == []


def test_reads_take_no_write_lock(store):
    store.add(article(story(21, "Rusland dreigde Oekraïne.")))
    with store.engine.begin() as writer:  # a writer holds the lock (BEGIN IMMEDIATE on SQLite)
        writer.exec_driver_sql("SELECT 1")
        assert store.stats()["events"] == 1  # would wait out busy_timeout if reads locked
        assert len(store.events()) == 1
