"""The FastAPI application behind ``grotius serve``: JSON API under /api/, HTML pages, static
files (Plotly's JavaScript from the installed plotly package: no CDN, works offline)."""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DBAPIError

from grotius.ingest.runner import Coder
from grotius.serve.eventindex import EventIndex
from grotius.store import Store, search
from grotius.store.engine import BUSY_TIMEOUT_MS, tune_sqlite_reads
from grotius.store.schema import events

HERE = Path(__file__).resolve().parent


def plotly_dir() -> Path:
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data"


class State:
    """What the routes share: the store, the write token, the coder (loaded on first write) and a
    cache of alerts keyed by the store's version."""

    def __init__(self, store: Store, token: str | None, coder_factory: Callable[[], Coder] | None) -> None:
        self.store = store
        self.token = token
        self._coder_factory = coder_factory
        self._coder: Coder | None = None
        self._lock = threading.Lock()
        self.alert_cache: dict[Any, Any] = {}
        self.reader = read_engine(store)
        # Filtered event lists on SQLite: the column index (read at start; SQL while it is behind).
        self.event_index = EventIndex(self.reader) if store.engine.dialect.name == "sqlite" else None

    def connect(self) -> Connection:
        """A read connection (never the store's write lock)."""
        return self.reader.connect()

    def refresh_search(self) -> None:
        """Bring the text index up to the stored mentions (SQLite; cheap when nothing is new). A
        failure (the store busy with a long ingest) only means the search scans this time."""
        with contextlib.suppress(DBAPIError):
            search.refresh(self.store.engine)

    def coder(self) -> Coder:
        with self._lock:
            if self._coder is None:
                if self._coder_factory is None:
                    from grotius.ingest.runner import default_coder

                    self._coder_factory = default_coder("nl")
                self._coder = self._coder_factory()
            return self._coder

    def token_ok(self, header: str | None) -> bool:
        if not self.token or not header or not header.startswith("Bearer "):
            return False
        return secrets.compare_digest(header[len("Bearer "):].encode(), self.token.encode())

    def version(self) -> tuple[Any, ...]:
        """Changes whenever events are added: the key for cached alerts."""
        with self.connect() as conn:
            return tuple(conn.execute(select(func.count(), func.max(events.c.added_at))).one())


def read_engine(store: Store) -> Engine:
    """The store's engine opens every SQLite transaction with BEGIN IMMEDIATE (right for its
    writers); page views must not queue behind or block an ingest, so SQLite reads get their own
    engine in autocommit mode: each statement reads a consistent WAL snapshot without a lock."""
    if store.engine.dialect.name != "sqlite":
        return store.engine
    engine = create_engine(store.engine.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA query_only=ON")
        tune_sqlite_reads(dbapi_conn)  # the page cache and mmap the store's own connections get

    return engine


def create_app(db: str, token: str | None = None, coder_factory: Callable[[], Coder] | None = None) -> FastAPI:
    from grotius.serve import api, pages

    app = FastAPI(title="Grotius", description="Political event data from dated news articles: who did what to "
                  "whom, when, said by whom. Read-only unless a token is configured.", version="1")
    app.state.grotius = st = State(Store(db), token or None, coder_factory)
    # Fill the text index in the background at start (a big store takes a while); searches scan until then.
    threading.Thread(target=st.refresh_search, daemon=True, name="grotius-search-index").start()
    if st.event_index is not None:
        # Loaded before the server answers (about 10 s per million events, once): event lists are
        # then fast from the first request, and later ingests only add their own rows.
        with contextlib.suppress(DBAPIError):
            st.event_index.refresh()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def _plotly() -> FileResponse:
        return FileResponse(plotly_dir() / "plotly.min.js", media_type="text/javascript")

    @app.exception_handler(ValueError)
    async def _value_error(_request: Request, exc: ValueError) -> JSONResponse:
        # A value that passed the patterns but is still wrong (a date like 2021-02-30): the caller's fault.
        return JSONResponse({"detail": [{"msg": str(exc), "type": "value_error"}]}, status_code=422)

    return app
