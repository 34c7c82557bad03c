"""Server-rendered pages: overview, event (why was this coded?), pair, actor, document. Every
page is a plain URL; lists take the same filters and paging as /api/events."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from grotius.serve import queries
from grotius.serve.api import ID, compute_alerts, fetch_or_404, pair_series_records, state
from grotius.serve.app import HERE
from grotius.serve.highlight import Mark, mark_text
from grotius.serve.params import ACTOR, Page, event_filter, page
from grotius.serve.queries import EventFilter
from grotius.serve.records import event_record
from grotius.store import query as store_query

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
templates = Jinja2Templates(directory=HERE / "templates")
QUAD = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
templates.env.globals["QUAD"] = QUAD


def _pager(request: Request, p: Page, total: int, shown: int, capped: bool = False) -> dict[str, Any]:
    """``total`` may be capped (then more pages may follow it): a full page always offers the next."""
    url = request.url
    more = p.offset + p.limit < total or (capped and shown == p.limit)
    return {"prev": str(url.include_query_params(offset=max(p.offset - p.limit, 0))) if p.offset else None,
            "next": str(url.include_query_params(offset=p.offset + p.limit)) if more else None,
            "first": p.offset + 1 if shown else 0, "last": p.offset + shown, "total": total}


def _events(request: Request, f: EventFilter, p: Page) -> dict[str, Any]:
    st = state(request)
    if f.q:
        st.refresh_search()
    with st.connect() as conn:
        rows, total, capped = queries.events_page(conn, f, p.limit, p.offset, st.event_index)
    return {"events": [event_record(r) for r in rows], "pager": _pager(request, p, total, len(rows), capped),
            "capped": capped,
            "filters": dict(request.query_params)}


def _chart(series: list[dict[str, Any]], title: str) -> str:
    """Plotly figure JSON: conflict and cooperation counts as bars, mean Goldstein as a line."""
    x = [r["period"] for r in series]
    fig = {"data": [
        {"type": "bar", "name": "cooperation (q1+q2)", "x": x, "y": [r["q1"] + r["q2"] for r in series],
         "marker": {"color": "#4c9a6a"}},
        {"type": "bar", "name": "verbal conflict (q3)", "x": x, "y": [r["q3"] for r in series],
         "marker": {"color": "#e0a030"}},
        {"type": "bar", "name": "material conflict (q4)", "x": x, "y": [r["q4"] for r in series],
         "marker": {"color": "#c03030"}},
        {"type": "scatter", "mode": "lines+markers", "name": "mean Goldstein", "x": x, "yaxis": "y2",
         "y": [r["goldstein_mean"] for r in series], "line": {"color": "#333"}}],
        "layout": {"title": {"text": title}, "barmode": "stack", "height": 320, "margin": {"t": 40, "b": 40},
                   "yaxis": {"title": {"text": "events"}},
                   "yaxis2": {"title": {"text": "Goldstein"}, "overlaying": "y", "side": "right", "range": [-10, 10]},
                   "legend": {"orientation": "h"}}}
    return json.dumps(fig)


@router.get("/")
def overview(request: Request, f: Annotated[EventFilter, Depends(event_filter)],
             p: Annotated[Page, Depends(page)]) -> HTMLResponse:
    st = state(request)
    with st.connect() as conn:
        pairs = queries.top_pairs(conn, 10)
        timeline = [r for r in pair_timeline(conn)]
        stats = store_query.stats(conn)
    alerts = compute_alerts(request, None, "code", "day", False)[:10]
    ctx = {"pairs": pairs, "alerts": alerts, "stats": stats, "chart": _chart(timeline, "All events per week"),
           **_events(request, f, p)}
    return templates.TemplateResponse(request, "overview.html", ctx)


def pair_timeline(conn: Any) -> list[dict[str, Any]]:
    """Every dated event as one series (the overview's timeline)."""
    from sqlalchemy import select

    from grotius.monitor.series import SeriesSpec, pair_series, series_records
    from grotius.store.schema import events as ev

    result = conn.execute(select(ev.c.id, ev.c.date_first.label("day"), ev.c.quad_class, ev.c.goldstein)
                          .where(ev.c.date_first.is_not(None)))
    import pandas as pd

    df = pd.DataFrame(result.all(), columns=list(result.keys()))
    if df.empty:
        return []
    df["source_code"], df["target_code"] = "all", "events"
    return series_records(pair_series(df, SeriesSpec(freq="week", directed=True)))


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: Annotated[str, Path(pattern=ID)]) -> HTMLResponse:
    row = fetch_or_404(request, queries.event, event_id, "event")
    reports = []
    docs: dict[str, Any] = {}  # several reports may come from one document: read it once
    for m in row["mentions"]:
        marks = [Mark(m["start"], m["end"], "trigger", f"trigger: {row['cameo']} {row['plover'] or ''}")]
        if m["source_start"] is not None:
            marks.append(Mark(m["source_start"], m["source_end"], "source", f"source: {row['source_code'] or ''}"))
        if m["target_start"] is not None:
            marks.append(Mark(m["target_start"], m["target_end"], "target", f"target: {row['target_code'] or ''}"))
        html = mark_text(m["sentence_text"] or "", marks, m["sent_start"] or 0)
        if m["doc_id"] not in docs:
            with state(request).connect() as conn:
                docs[m["doc_id"]] = queries.document(conn, m["doc_id"])
        doc = docs[m["doc_id"]]
        quotes = [q for q in (doc or {}).get("quotes", []) if q["start"] <= m["start"] < q["end"]]
        reports.append({**m, "html": html, "quotes": quotes})
    rec = event_record({**(row["mentions"][0] if row["mentions"] else {}), **row})
    return templates.TemplateResponse(request, "event.html", {"e": rec, "row": row, "reports": reports})


@router.get("/pairs/{a}/{b}")
def pair_page(request: Request, a: Annotated[str, Path(pattern=ACTOR)], b: Annotated[str, Path(pattern=ACTOR)],
              p: Annotated[Page, Depends(page)], freq: str = "week") -> HTMLResponse:
    if freq not in ("day", "week"):
        raise HTTPException(422, "freq must be day or week")
    with state(request).connect() as conn:
        series = pair_series_records(conn, a, b, "code", freq)
    ctx = {"a": a, "b": b, "freq": freq, "series": series[-200:], "chart": _chart(series, f"{a} – {b} per {freq}"),
           **_events(request, EventFilter(pair=(a, b)), p)}
    return templates.TemplateResponse(request, "pair.html", ctx)


@router.get("/actors/{code}")
def actor_page(request: Request, code: Annotated[str, Path(pattern=ACTOR)],
               p: Annotated[Page, Depends(page)]) -> HTMLResponse:
    with state(request).connect() as conn:
        summary = queries.actor_summary(conn, code)
        partners = queries.top_pairs(conn, 20, f=EventFilter(actor=code))
    ctx = {"code": code, "summary": summary, "partners": partners, **_events(request, EventFilter(actor=code), p)}
    return templates.TemplateResponse(request, "actor.html", ctx)


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: Annotated[str, Path(pattern=ID)]) -> HTMLResponse:
    doc = fetch_or_404(request, queries.document, doc_id, "document")
    marks = [Mark(a["start"], a["end"], "actor", f"actor: {a['code'] or a['name'] or ''}") for a in doc["actors"]]
    marks += [Mark(t["start"], t["end"], "timex", f"{t['type']} {t['value']}") for t in doc["timexes"]]
    marks += [Mark(q["start"], q["end"], "quote", f"quote ({q['speaker_code'] or q['speaker_name'] or '?'})")
              for q in doc["quotes"]]
    marks += [Mark(e["start"], e["end"], "trigger", f"event {e['cameo']} {e['plover'] or ''} {e['status']}")
              for e in doc["events"]]
    return templates.TemplateResponse(request, "document.html", {"doc": doc, "html": mark_text(doc["text"], marks)})
