"""Helpers for the store and ingest tests: database URLs for both backends, hand-built coded
articles, and a tiny deterministic coder that stands in for the real one in CLI runs."""

from __future__ import annotations

import os
import random
import re
import uuid
from collections.abc import Iterator, Sequence

import pytest

from grotius.datamodel import Actor, CodedArticle, Document, Event, EventDate, PubDate, Quote, Timex

BACKENDS = ["sqlite", "postgresql"]


def pg_base_url() -> str:
    url = os.environ.get("GROTIUS_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but GROTIUS_TEST_PG_URL is not set: scripts/start_postgres.sh must start PostgreSQL")
        pytest.skip("PostgreSQL tests need GROTIUS_TEST_PG_URL (bash scripts/start_postgres.sh starts a server)")
    return url


def fresh_pg_url() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from grotius.store.engine import normalise_url

    base = make_url(normalise_url(pg_base_url()))
    name = f"grotius_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')  # name is ours, not user input
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin, name: str, attempts: int = 20) -> None:  # type: ignore[no-untyped-def]
    """Drop a test database. FORCE ends our own lingering sessions, but not an autovacuum worker the
    server may have started on the new database (owned by the superuser): wait for it to finish."""
    import time

    from sqlalchemy.exc import DBAPIError

    for attempt in range(attempts):
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.25)


def db_url_for(backend: str, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'grotius.db'}"
    else:
        yield from fresh_pg_url()


# --- hand-built coded articles ----------------------------------------------------------------
COUNTRIES = {"Rusland": "RUS", "Oekraïne": "UKR", "Nederland": "NLD", "Amerika": "USA", "China": "CHN"}
VERBS = {"dreigde": ("1313", "13", "THREATEN", 3, -5.8), "steunt": ("051", "05", "COOPERATE", 1, 3.5),
         "aanviel": ("190", "19", "FIGHT", 4, -10.0), "sprak": ("040", "04", "CONSULT", 1, 1.0)}
_SENT = re.compile(r"[^.!?]+[.!?]?")
_WORD = re.compile(r"\w+")


def actor(text: str, start: int) -> Actor:
    code = COUNTRIES.get(text)
    return Actor(text, start, start + len(text), country=code, sector="GOV" if code else None,
                 name=text, code=f"{code}GOV" if code else None, entry="test#" + text, via="alias")


def fake_code(document: Document, nlp: object = None) -> CodedArticle:
    """Events from sentences of the form '<Country> <verb> <Country> ...'; quotes in '...'."""
    coded = CodedArticle(document=document)
    for m in _SENT.finditer(document.text):
        if not m.group().strip():
            continue
        coded.sentences.append((m.start(), m.end()))
        words = list(_WORD.finditer(m.group()))
        found = [actor(w.group(), m.start() + w.start()) for w in words if w.group() in COUNTRIES]
        coded.actors += found
        for w in words:
            if w.group() in VERBS and len(found) >= 1:
                cameo, root, plover, quad, gold = VERBS[w.group()]
                start = m.start() + w.start()
                published = str(document.published) if document.published else "2000"
                coded.events.append(Event(
                    w.group(), start, start + len(w.group()), len(coded.sentences) - 1, found[0],
                    found[1] if len(found) > 1 else None, cameo, root, plover, quad, gold, "asserted",
                    EventDate(published, "publication"), f"test/verbs#{w.group()}"))
    for q in re.finditer(r"'([^']+)'", document.text):
        coded.quotes.append(Quote(coded.actors[0] if coded.actors else None, q.start(1), q.end(1), q.group(1), True))
    for t in re.finditer(r"\bdonderdag\b", document.text):
        coded.timexes.append(Timex(t.start(), t.end(), t.group(), "DATE", "XXXX-WXX-4"))
    return coded


fake_code.needs_nlp = False  # type: ignore[attr-defined]


def article(text: str, date: str = "2021-12-30", url: str | None = None, source: str = "test.txt") -> CodedArticle:
    return fake_code(Document(text=text, published=PubDate.parse(date), url=url, source=source))


FILLER = ("De spanningen in de regio lopen al weken op en diplomaten in verschillende hoofdsteden proberen "
          "een verdere escalatie te voorkomen met overleg achter gesloten deuren.")


_VOCAB_TEXT = ("minister premier kabinet grens leger troepen sancties overleg top verdrag gas olie haven brug stad "
               "dorp rivier zee kust noorden zuiden oosten westen maandag dinsdag woensdag vrijdag zaterdag zondag "
               "ochtend avond nacht week maand jaar partij oppositie parlement rechter burgemeester boeren studenten "
               "artsen vluchtelingen hulp geld wapens schepen vliegtuigen raketten drones gesprek brief")
VOCAB = _VOCAB_TEXT.split()


def story(n: int, *events: str) -> str:
    """A distinct article (``n`` makes it unique: its own 30 words, so that no two stories are
    near-duplicates by accident) with the given event sentences."""
    rng = random.Random(n)
    own = " ".join(rng.choice(VOCAB) for _ in range(30)).capitalize() + "."
    return " ".join([*events, f"Bericht nummer {n} van de redactie.", own, FILLER, "Meer volgt later vandaag."])


def counts(store: object) -> dict[str, int]:
    stats = store.stats()  # type: ignore[attr-defined]
    return {k: v for k, v in stats.items() if isinstance(v, int)}


def texts(seq: Sequence[CodedArticle]) -> list[str]:
    return [c.document.text for c in seq]
