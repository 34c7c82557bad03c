"""The HTTP API and pages on a real SQLite store (FastAPI's in-process client)."""

from __future__ import annotations

import warnings

import pytest

from grotius.store import Store
from tests.store_support import BACKENDS, article, db_url_for, fake_code, story

warnings.filterwarnings("ignore", message=".*httpx.*")
from fastapi.testclient import TestClient  # noqa: E402

from grotius.serve.app import create_app  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'grotius.db'}"
    with Store(url) as store:
        store.add_many([article(story(i, "Rusland dreigde Oekraïne.", "Nederland steunt Oekraïne. 'Wij helpen'"),
                                date=f"2021-12-{i:02d}") for i in range(1, 13)])
    return TestClient(create_app(url, token=TOKEN, coder_factory=lambda: fake_code), raise_server_exceptions=False)


def first_event(client: TestClient, **params: str) -> dict:
    return client.get("/api/events", params=params).json()["events"][0]


def test_events_filters_and_paging(client: TestClient) -> None:
    body = client.get("/api/events", params={"limit": 5}).json()
    assert body["total"] == 24 and len(body["events"]) == 5 and "offset=5" in body["next"]
    threats = client.get("/api/events", params={"cameo": "13", "actor": "RUS", "status": "asserted",
                                                "since": "2021-12-05", "until": "2021-12"}).json()
    assert threats["total"] == 8 and all(e["cameo"] == "1313" for e in threats["events"])
    assert client.get("/api/events", params={"pair": "UKR,RUS"}).json()["total"] == 12
    assert client.get("/api/events", params={"country": "nld", "plover": "cooperate"}).json()["total"] == 12
    assert client.get("/api/events", params={"q": "dreig"}).json()["total"] == 12
    assert client.get("/api/events", params={"status": "negated"}).json()["total"] == 0
    e = threats["events"][0]
    assert e["source"]["code"] == "RUSGOV" and e["target"]["code"] == "UKRGOV" and e["rule"] == "test/verbs#dreigde"


def test_user_text_is_never_sql(client: TestClient) -> None:
    for q in ("' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE events; --"):
        r = client.get("/api/events", params={"q": q, "actor": q.replace(",", "")[:80] or "x"})
        assert r.status_code == 200 and r.json()["total"] == 0, q
    assert client.get("/api/events").json()["total"] == 24


@pytest.mark.parametrize("params", [
    {"limit": "0"}, {"limit": "abc"}, {"limit": "100000"}, {"offset": "-1"}, {"offset": str(2**70)},
    {"since": "2021-13"}, {"since": "2021-02-30"}, {"until": "yesterday"}, {"quad_class": "7"},
    {"status": "maybe"}, {"cameo": "13a"}, {"country": "RUSSIA"}, {"pair": "RUS"}, {"pair": "A,B,C"},
    {"q": "\x00"}, {"q": "x" * 500}, {"actor": "a" * 200},
])
def test_malformed_parameters_get_422(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, (params, r.text)
    assert r.json()["detail"][0]["msg"]


@pytest.mark.parametrize("url", ["/api/alerts?since=20x", "/api/pairs?level=galaxy", "/api/pairs?freq=hour",
                                 "/api/events/%00", "/pairs/RUS/UKR?freq=year", "/?limit=-4", "/actors/RUS?offset=x"])
def test_other_malformed_requests_get_422(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 422


def test_event_document_pairs_alerts(client: TestClient) -> None:
    e = first_event(client, cameo="13")
    full = client.get(f"/api/events/{e['id']}").json()
    assert full["mentions"][0]["sentence_text"].startswith("Rusland dreigde")
    doc = client.get(f"/api/documents/{e['doc_id']}").json()
    assert doc["text"].startswith("Rusland") and len(doc["events"]) == 2 and doc["quotes"] and doc["actors"]
    assert client.get("/api/events/ffff").status_code == 404
    assert client.get("/api/documents/ffff").status_code == 404
    pairs = client.get("/api/pairs", params={"freq": "day"}).json()["pairs"]
    assert {(p["a"], p["b"]) for p in pairs} == {("RUSGOV", "UKRGOV"), ("NLDGOV", "UKRGOV")}
    assert sum(r["q3"] for r in pairs[0]["series"] + pairs[1]["series"]) == 12
    assert client.get("/api/alerts").json()["alerts"] == []
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
    rus = client.get("/api/actors/RUSGOV").json()
    assert (rus["as_source"], rus["as_target"]) == (12, 0) and rus["names"][0]["name"] == "Rusland"
    assert [(p["a"], p["b"], p["events"]) for p in rus["partners"]] == [("RUSGOV", "UKRGOV", 12)]
    assert client.get("/api/actors/ZZZGOV").status_code == 404
    assert client.get("/api/actors/a,b").status_code == 422


def test_pages_answer_and_show_events(client: TestClient) -> None:
    e = first_event(client, cameo="13")
    for url in ["/", f"/events/{e['id']}", "/pairs/RUSGOV/UKRGOV", "/actors/RUSGOV", f"/documents/{e['doc_id']}",
                "/?actor=NLD&offset=0&limit=3"]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "dreigde" in r.text or "steunt" in r.text, url
    page = client.get(f"/events/{e['id']}").text
    assert 'class="m m-source"' in page and 'class="m m-trigger"' in page and "test/verbs#dreigde" in page
    assert client.get("/vendor/plotly.min.js").status_code == 200


def test_writes_need_the_token(client: TestClient) -> None:
    rec = {"text": story(99, "China dreigde Amerika."), "date": "2021-12-20"}
    assert client.post("/api/documents", json=rec).status_code == 401
    assert client.post("/api/documents", json=rec, headers={"Authorization": "Bearer nope"}).status_code == 401
    r = client.post("/api/documents", json=rec, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201 and r.json()["stored"] == 1
    assert client.get("/api/events", params={"pair": "CHN,USA"}).json()["total"] == 1
    assert client.post("/api/documents", json={"date": "x"}, headers={"Authorization": f"Bearer {TOKEN}"}
                       ).status_code == 422


def test_read_only_without_token(tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(create_app(f"sqlite:///{tmp_path / 'g.db'}"))
    assert c.post("/api/documents", json={"text": "x"}).status_code == 403


def test_text_search_index_matches_the_scan_and_follows_new_reports(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from grotius.serve import queries
    from grotius.store import search

    url = f"sqlite:///{tmp_path / 'g.db'}"
    store = Store(url)
    store.add_many([article(story(i, "Rusland dreigde Oekraïne."), date=f"2021-12-{i:02d}") for i in range(1, 4)])
    c = TestClient(create_app(url, token=TOKEN, coder_factory=lambda: fake_code))
    assert c.get("/api/events", params={"q": "DREIG"}).json()["total"] == 3  # case-insensitive substring
    with store.read() as conn:
        assert search.is_current(conn)
        assert len(search.matching_events(conn, "reig") or []) == 3
        assert search.matching_events(conn, "dr") is None  # too short for trigrams: the scan answers
        f = queries.EventFilter(q="oekraï")
        indexed = queries.events_page(conn, f, 50, 0)[0]
        with monkeypatch.context() as m:
            m.setattr(search, "matching_events", lambda *_: None)  # the LIKE scan
            scanned = queries.events_page(conn, f, 50, 0)[0]
        assert [r["id"] for r in indexed] == [r["id"] for r in scanned] and indexed
    store.add(article(story(7, "Rusland dreigde Oekraïne."), date="2021-12-07"))
    with store.read() as conn:
        assert not search.is_current(conn)  # behind: a search scans instead of missing the new report
        assert queries.events_page(conn, queries.EventFilter(q="dreig"), 50, 0)[1] == 4
    assert c.get("/api/events", params={"q": "dreig"}).json()["total"] == 4
    assert c.get("/api/events", params={"q": 'x" OR "y'}).status_code == 200  # FTS syntax in user text is literal
    store.close()


def test_capped_total_still_links_the_next_page(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from grotius.serve import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 3)
    body = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert body["total"] == 3 and body["total_capped"] and "offset=4" in body["next"]
    assert len(body["events"]) == 2
    assert client.get("/?limit=2&offset=2").status_code == 200


@pytest.fixture(params=BACKENDS)
def varied_store(request: pytest.FixtureRequest, tmp_path):  # type: ignore[no-untyped-def]
    """Events between five countries in every direction, on SQLite and PostgreSQL."""
    sentences = [f"{a} {verb} {b}." for a in ("Rusland", "Oekraïne", "Nederland", "Amerika", "China")
                 for b in ("Rusland", "Oekraïne", "Nederland", "Amerika", "China") if a != b
                 for verb in ("dreigde", "steunt")]
    for url in db_url_for(request.param, tmp_path):
        with Store(url) as store:
            store.add_many([article(story(i, *sentences[i::7]), date=f"2021-{i % 12 + 1:02d}-{i % 27 + 1:02d}")
                            for i in range(7)])
            yield store


def _expected(frame, f) -> list[str]:  # type: ignore[no-untyped-def]
    """The filter's meaning, spelled out in Python over every event, newest first."""
    def side(row, role: str, actor: str) -> bool:  # type: ignore[no-untyped-def]
        code, name = row[f"{role}_code"], row[f"{role}_name"]
        return (isinstance(code, str) and code.startswith(actor.upper())) or name == actor

    keep = []
    for _, row in frame.iterrows():
        if f.actor and not (side(row, "source", f.actor) or side(row, "target", f.actor)):
            continue
        if f.pair and not any(side(row, "source", x) and side(row, "target", y)
                              for x, y in (f.pair, f.pair[::-1])):
            continue
        if f.cameo and not row["cameo"].startswith(f.cameo):
            continue
        keep.append((row["date_first"], row["id"]))
    keep.sort(key=lambda k: k[1])
    keep.sort(key=lambda k: k[0], reverse=True)
    return [k[1] for k in keep]


@pytest.mark.parametrize("filters", [
    {"actor": "RUS"}, {"actor": "rusgov"}, {"actor": "R"}, {"actor": "Rusland"}, {"actor": "ZZZ"},
    {"pair": ("RUS", "UKR")}, {"pair": ("Amerika", "CHNGOV")}, {"pair": ("N", "U"), "cameo": "13"},
    {"pair": ("RUS", "ZZZ")}, {"actor": "NLD", "cameo": "05"},
])
def test_event_lists_match_the_filters_meaning(varied_store, filters, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Actor code prefixes looked up as lists of codes (or, past MAX_CODES, as ranges) and the page
    read by id when the matches are few select exactly the events the filter describes, in order,
    on both databases."""
    from grotius.serve import queries

    f = queries.EventFilter(**filters)
    expected = _expected(varied_store.events(), f)
    with varied_store.read() as conn:
        for max_codes in (queries.MAX_CODES, 1):
            monkeypatch.setattr(queries, "MAX_CODES", max_codes)
            for cap, limit, offset in ((1000, 50, 0), (1000, 3, 2), (2, 3, 1), (1000, 5, 10_000)):
                monkeypatch.setattr(queries, "COUNT_CAP", cap)
                rows, total, capped = queries.events_page(conn, f, limit, offset)
                assert [r["id"] for r in rows] == expected[offset:offset + limit], (max_codes, cap)
                assert (total, capped) == (min(len(expected), cap), len(expected) > cap)


def test_codes_with_prefix(varied_store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from grotius.serve import queries

    with varied_store.read() as conn:
        assert queries.codes_with_prefix(conn, "RUS") == ("RUSGOV",)
        assert queries.codes_with_prefix(conn, "ZZ") == ()
        assert len(queries.codes_with_prefix(conn, "U") or ()) == 2  # UKRGOV, USAGOV
        monkeypatch.setattr(queries, "MAX_CODES", 1)
        assert queries.codes_with_prefix(conn, "U") is None


@pytest.mark.parametrize("filters", [{"q": "dreig", "cameo": "13"}, {"q": "steun", "cameo": "13"},
                                     {"q": "rusland", "actor": "NLD"}, {"q": "oekra", "pair": ("RUS", "UKR")}])
def test_text_index_matches_checked_per_candidate_equal_the_scan(varied_store, filters, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Too many index matches to list, with other filters: the candidates are checked against the
    index's matches; the events are those the LIKE scan finds."""
    from grotius.serve import queries
    from grotius.store import search

    search.refresh(varied_store.engine)
    f = queries.EventFilter(**filters)
    with varied_store.read() as conn:
        monkeypatch.setattr(search, "MAX_MATCHES", 0)  # every search has too many matches to list
        prepared = queries.prepare(conn, f)
        assert (prepared.fts is not None) == (varied_store.engine.dialect.name == "sqlite")
        checked = queries.events_page(conn, f, 100, 0)
        monkeypatch.setattr(search, "usable", lambda *_: False)  # the LIKE scan
        scanned = queries.events_page(conn, f, 100, 0)
    assert [r["id"] for r in checked[0]] == [r["id"] for r in scanned[0]] and checked[1:] == scanned[1:]
    assert checked[0] or filters["q"] == "steun"  # 'steun' is never a threat: the empty case
