"""The in-memory event index answers every filtered event list exactly as SQL does: same events,
same order, same totals, same rows, also after ingests it has not read yet (real SQLite stores)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from grotius.datamodel import Actor, CodedArticle, Document, Event, EventDate, PubDate
from grotius.serve import queries
from grotius.serve.eventindex import EventIndex
from grotius.store import Store, search

CODES = ["RUSGOV", "RUSMIL", "UKRGOV", "UKRMIL", "USAGOV", "NLDGOV", "NLD", "CHNGOV", None]
NAMES = ["Vladimir Poetin", "Joe Biden", "Mark Rutte", "Xi Jinping", "de demonstranten", None]
VERBS = [("dreigde", "1313", "13", "THREATEN", 3, -5.8), ("steunt", "051", "05", "COOPERATE", 1, 3.5),
         ("viel aan", "190", "19", "FIGHT", 4, -10.0), ("sprak met", "040", "04", "CONSULT", 1, 1.0),
         ("bekritiseerde", "112", "11", "DISAPPROVE", 3, -2.0), ("Überfall", "195", "19", "FIGHT", 4, -10.0)]
STATUSES = ["asserted", "reported", "planned", "conditional", "negated"]
DATES = ["2021-12-30", "2021-12", "2022-01-10", "2021-W52", "2022", "PRESENT_REF", "2021-11-02", "2022-02-24"]


def _actor(rng: random.Random, at: int) -> Actor | None:
    code, name = rng.choice(CODES), rng.choice(NAMES)
    if code is None and name is None:
        return None
    text = (name or code or "x").lower()
    country, sector = (code[:3], code[3:] or None) if code else (None, None)
    return Actor(text, at, at + len(text), country=country, sector=sector, name=name, code=code)


def _articles(seed: int, n: int) -> list[CodedArticle]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = f"Artikel {seed}-{i}: " + " ".join(rng.choice(["oorlog", "vrede", "grens", "top"]) for _ in range(40))
        doc = Document(text=text, published=PubDate.parse(rng.choice(["2021-12-30", "2022-01-03", "2022-02"])),
                       source=f"t/{seed}/{i}.txt")
        events = []
        for j in range(rng.randint(0, 4)):
            trigger, cameo, root, plover, quad, gold = rng.choice(VERBS)
            src, tgt = _actor(rng, 10 * j), _actor(rng, 10 * j + 5)
            if src is None:
                continue
            events.append(Event(trigger, 10 * j + 2, 10 * j + 4, 0, src, tgt, cameo, root, plover, quad, gold,
                                rng.choice(STATUSES), EventDate(rng.choice(DATES), rng.choice(["text", "publication"])),
                                "test#rule"))
        actors = [a for e in events for a in (e.source, e.target) if a is not None]
        out.append(CodedArticle(doc, actors, [], [], events, [(0, len(text))]))
    return out


def _filters(rng: random.Random) -> queries.EventFilter:
    kw: dict[str, object] = {}
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice(["actor", "source", "target", "pair", "country", "cameo", "plover", "quad", "status",
                           "since", "until", "q"])
        if kind in ("actor", "source", "target"):
            kw[kind] = rng.choice(["RUS", "rusgov", "U", "NLD", "Joe Biden", "joe biden", "ZZZ", "N"])
        elif kind == "pair":
            kw["pair"] = (rng.choice(["RUS", "UKR", "Mark Rutte", "U"]), rng.choice(["USA", "NLDGOV", "CHN", "R"]))
        elif kind == "country":
            kw["country"] = rng.choice(["RUS", "ukr", "NLD", "XXX"])
        elif kind == "cameo":
            kw["cameo"] = rng.choice(["1", "13", "19", "051", "2"])
        elif kind == "plover":
            kw["plover"] = rng.choice(["threaten", "FIGHT", "AID"])
        elif kind == "quad":
            kw["quad_class"] = rng.randint(1, 4)
        elif kind == "status":
            kw["status"] = rng.choice(STATUSES)
        elif kind == "since":
            kw["since"] = date(2021, 12, 1) + timedelta(days=rng.randrange(90))
        elif kind == "until":
            kw["until"] = date(2021, 12, 1) + timedelta(days=rng.randrange(90))
        else:
            kw["q"] = rng.choice(["dreig", "POETIN", "demonstr", "überfall", "sprak met", "rutte", "zzz", "bi"])
    return queries.EventFilter(**kw)  # type: ignore[arg-type]


def _same(store: Store, index: EventIndex, rng: random.Random, rounds: int) -> int:
    """Runs ``rounds`` random filters and pages both ways; returns how many had matches."""
    nonempty = 0
    # SQL answers words from the text index, which folds case beyond ASCII as the index does (SQLite's
    # LIKE, used when the index is behind, folds ASCII only).
    search.refresh(store.engine)
    with store.read() as conn:
        assert index.current(conn) is not None
        for _ in range(rounds):
            f = _filters(rng)
            limit, offset = rng.choice([(50, 0), (3, 0), (3, 4), (10, 1000)])
            fast = queries.events_page(conn, f, limit, offset, index)
            sql = queries.events_page(conn, f, limit, offset)
            assert fast == sql, f
            nonempty += bool(fast[1])
    return nonempty


def test_index_answers_as_sql_does_also_after_ingests(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(queries, "COUNT_CAP", 40)  # some totals capped, some not
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    store.add_many(_articles(1, 60))
    store.add_many(_articles(1, 60)[:20] + _articles(2, 20))  # duplicates skipped, more mentions of known events
    index = EventIndex(store.engine)
    index.refresh()
    rng = random.Random(3)
    assert _same(store, index, rng, 150) > 60  # the filters select something most of the time
    store.add_many(_articles(3, 30))
    with store.read() as conn:
        assert index.current(conn) is None  # behind the store: callers get SQL meanwhile
        rows, total, _ = queries.events_page(conn, queries.EventFilter(), 5, 0, index)
        assert total == min(store.stats()["events"], 40)
    index.wait(30)  # the refresh that current() started in the background
    index.refresh()
    assert _same(store, index, rng, 150) > 60
    store.close()


def test_index_on_an_empty_store_and_without_rowids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 'e.db'}")
    index = EventIndex(store.engine)
    cols = index.refresh()
    assert cols is not None and cols.size == 0
    with store.read() as conn:
        assert queries.events_page(conn, queries.EventFilter(q="dreig", status="reported"), 10, 0, index) == ([], 0,
                                                                                                            False)
        assert index.select(cols, queries.EventFilter(doc_id="abc")) is None  # a document's events: SQL
    store.close()


@pytest.mark.slow
def test_index_answers_as_sql_on_many_filters(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    for seed in range(10, 16):
        store.add_many(_articles(seed, 150))
    index = EventIndex(store.engine)
    index.refresh()
    assert _same(store, index, random.Random(4), 1500) > 600
    store.close()
