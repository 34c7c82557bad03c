"""JSON routes under /api/ (docs/interfaces.md): events, pairs with series, alerts, documents,
and ingest over HTTP for callers holding the token."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse

from grotius.monitor.detect import DetectorConfig, detect
from grotius.monitor.series import SeriesSpec, load_events, pair_series, series_records
from grotius.serve import queries
from grotius.serve.params import ACTOR, DATE, Page, event_filter, page, parse_date
from grotius.serve.queries import EventFilter
from grotius.serve.records import event_record, jsonable

router = APIRouter(prefix="/api")
ID = r"^[0-9A-Za-z_-]{1,64}$"
MAX_POST = 100  # documents per POST


def state(request: Request) -> Any:
    return request.app.state.grotius


def fetch_or_404(request: Request, lookup: Any, key: str, what: str) -> dict[str, Any]:
    """``lookup(conn, key)`` on a read connection, or a 404 naming ``what`` when there is none."""
    with state(request).connect() as conn:
        row = lookup(conn, key)
    if row is None:
        raise HTTPException(404, f"no {what} {key}")
    return row  # type: ignore[no-any-return]


@router.get("/events", summary="events, filtered and paged (newest first)")
def list_events(request: Request, f: Annotated[EventFilter, Depends(event_filter)],
                p: Annotated[Page, Depends(page)]) -> JSONResponse:
    st = state(request)
    if f.q:
        st.refresh_search()
    with st.connect() as conn:
        rows, total, capped = queries.events_page(conn, f, p.limit, p.offset, st.event_index)
    nxt = None
    if p.offset + p.limit < total or (capped and len(rows) == p.limit):  # a capped total: more may follow
        nxt = str(request.url.include_query_params(offset=p.offset + p.limit))
    # Already plain JSON (jsonable): sent as is, without FastAPI's generic encoder walking every value
    # again (measured ~10 ms for a page of 100 events).
    return JSONResponse({"events": [jsonable(event_record(r)) for r in rows], "total": total,
                         "total_capped": capped, "limit": p.limit, "offset": p.offset, "next": nxt})


@router.get("/events/{event_id}", summary="one event with every report of it (provenance)")
def get_event(request: Request, event_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    row = fetch_or_404(request, queries.event, event_id, "event")
    mentions = row.pop("mentions")
    first = mentions[0] if mentions else {}
    rec = event_record({**first, **row, "id": row["id"]})
    rec["mentions"] = mentions
    return jsonable(rec)


Level = Literal["code", "country"]
Freq = Literal["day", "week"]


@router.get("/pairs", summary="most active actor pairs with their series")
def list_pairs(request: Request, f: Annotated[EventFilter, Depends(event_filter)],
               p: Annotated[Page, Depends(page)], level: Level = "code", freq: Freq = "week",
               series: bool = True, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    with state(request).connect() as conn:
        pairs = queries.top_pairs(conn, limit, p.offset, f, level)
        for pr in pairs:
            pr["goldstein_mean"] = round(float(pr["goldstein_mean"] or 0), 3)
            if series:
                pr["series"] = pair_series_records(conn, pr["a"], pr["b"], level, freq)
    return jsonable({"pairs": pairs, "level": level, "freq": freq, "limit": limit, "offset": p.offset})


def pair_series_records(conn: Any, a: str, b: str, level: str, freq: str) -> list[dict[str, Any]]:
    frame = queries.pair_frame(conn, a, b, level)
    if frame.empty:
        return []
    return series_records(pair_series(frame, SeriesSpec(level=level, freq=freq, directed=True)))  # type: ignore[arg-type]


@router.get("/actors/{code}", summary="an actor code: the names it stands for, its event counts, its partners")
def get_actor(request: Request, code: Annotated[str, Path(pattern=ACTOR)],
              limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    with state(request).connect() as conn:
        summary = queries.actor_summary(conn, code)
        partners = queries.top_pairs(conn, limit, f=EventFilter(actor=code))
    if not (summary["names"] or summary["as_source"] or summary["as_target"]):
        raise HTTPException(404, f"no actor {code}")
    for pr in partners:
        pr["goldstein_mean"] = round(float(pr["goldstein_mean"] or 0), 3)
    return jsonable({**summary, "partners": partners})


@router.get("/alerts", summary="escalation alerts (docs/monitor.md)")
def list_alerts(request: Request, since: Annotated[str | None, Query(pattern=DATE)] = None, level: Level = "code",
                freq: Freq = "day", directed: bool = False,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"alerts": compute_alerts(request, since, level, freq, directed)[:limit], "since": since,
            "level": level, "freq": freq, "directed": directed}


def compute_alerts(request: Request, since: str | None, level: str, freq: str, directed: bool) -> list[dict[str, Any]]:
    st = state(request)
    start = parse_date("since", since, last=False)
    key = (st.version(), start, level, freq, directed)
    if key not in st.alert_cache:  # the detector reads every event: once per store version
        spec = SeriesSpec(level=level, freq=freq, directed=directed)  # type: ignore[arg-type]
        with st.connect() as conn:
            frame = load_events(conn)
        st.alert_cache.clear()
        st.alert_cache[key] = [a.to_record() for a in detect(frame, spec, DetectorConfig.for_freq(freq), since=start)]
    return st.alert_cache[key]  # type: ignore[no-any-return]


@router.get("/documents/{doc_id}", summary="a document with all its annotations")
def get_document(request: Request, doc_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    return jsonable(fetch_or_404(request, queries.document, doc_id, "document"))


@router.post("/documents", status_code=201, summary="ingest articles (needs Authorization: Bearer TOKEN)")
def post_documents(
    request: Request,
    body: Annotated[dict[str, Any] | list[dict[str, Any]], Body(
        description='{"text", "date", "title", "url", "lang", "id"} or a list of such records')],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    from grotius.errors import InputError
    from grotius.ingest.readers import record_to_document

    st = state(request)
    if not st.token:
        raise HTTPException(403, "this server is read-only: start it with --token (or GROTIUS_TOKEN) to allow writes")
    if not st.token_ok(authorization):
        raise HTTPException(401, "missing or wrong token (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})
    records = body if isinstance(body, list) else [body]
    if not records or len(records) > MAX_POST:
        raise HTTPException(422, f"send 1 to {MAX_POST} records")
    try:
        docs = [record_to_document(r, "http", i + 1) for i, r in enumerate(records)]
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    coder = st.coder()
    result = st.store.add_many([coder(d) for d in docs])
    return {"stored": result.stored, "duplicates": result.duplicates, "events": result.mentions,
            "ids": [d.id for d in docs]}
