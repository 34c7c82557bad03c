"""Per-pair event series: counts by quad class, Goldstein sum and mean, share of material conflict,
per day or week, for directed or undirected pairs of actor codes or countries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import numpy as np
import pandas as pd
from sqlalchemy import Connection, func, select

from grotius.store.schema import event_mentions, events

Level = Literal["code", "country"]
Freq = Literal["day", "week"]
SERIES_COLUMNS = ["a", "b", "period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean",
                  "material_conflict_share", "conflict"]


@dataclass(frozen=True)
class SeriesSpec:
    """Which series: actor ``level`` (CAMEO code or country), ``freq`` and direction."""

    level: Level = "code"
    freq: Freq = "day"
    directed: bool = False

    def __post_init__(self) -> None:
        if self.level not in ("code", "country"):
            raise ValueError(f"level must be 'code' or 'country', not {self.level!r}")
        if self.freq not in ("day", "week"):
            raise ValueError(f"freq must be 'day' or 'week', not {self.freq!r}")


DEFAULT_SPEC = SeriesSpec()


def load_events(conn: Connection, since: date | None = None, until: date | None = None) -> pd.DataFrame:
    """One row per event with a calendar date and both actors: what the series are made of.
    ``n_docs`` counts the documents that report the event (support for alerts)."""
    e = events
    docs = (select(event_mentions.c.event_id, func.count(event_mentions.c.doc_id.distinct()).label("n_docs"))
            .group_by(event_mentions.c.event_id).subquery())
    q = (select(e.c.id, e.c.date_first.label("day"), e.c.source_code, e.c.target_code, e.c.source_country,
                e.c.target_country, e.c.quad_class, e.c.goldstein, e.c.cameo, e.c.first_doc_id, docs.c.n_docs)
         .join(docs, docs.c.event_id == e.c.id)
         .where(e.c.date_first.is_not(None), e.c.target_code.is_not(None) | e.c.target_country.is_not(None)))
    if since is not None:
        q = q.where(e.c.date_first >= since)
    if until is not None:
        q = q.where(e.c.date_first <= until)
    result = conn.execute(q)
    return events_frame(pd.DataFrame(result.all(), columns=list(result.keys())))


def events_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Normalise an event frame (from the store or built by a test/benchmark) to the columns used
    here: ``id, day, source_code, target_code, source_country, target_country, quad_class, goldstein``."""
    df = df.copy()
    for col in ("source_country", "target_country", "first_doc_id"):
        if col not in df:
            df[col] = None
    if "n_docs" not in df:
        df["n_docs"] = 1
    df["day"] = pd.to_datetime(df["day"])
    return df


def _keys(df: pd.DataFrame, spec: SeriesSpec) -> tuple[pd.Series, pd.Series]:
    a, b = df[f"source_{spec.level}"], df[f"target_{spec.level}"]
    if spec.directed:
        return a, b
    # Undirected: the pair is the same whoever acts; order the two names.
    swap = a.astype(str) > b.astype(str)
    return a.where(~swap, b), b.where(~swap, a)


def period_start(days: pd.Series, freq: Freq) -> pd.Series:
    """Weeks start on Monday (ISO weeks)."""
    if freq == "day":
        return days.dt.normalize()
    return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()


def with_pairs(df: pd.DataFrame, spec: SeriesSpec) -> pd.DataFrame:
    """The frame with ``a``, ``b`` (the pair) and ``period``; events lacking an actor at the level dropped,
    as are self-pairs (RUS acting on RUS is not a relation between two parties)."""
    out = df.copy()
    out["a"], out["b"] = _keys(out, spec)
    out = out[out["a"].notna() & out["b"].notna() & (out["a"] != out["b"])]
    out["period"] = period_start(out["day"], spec.freq)
    return out


def pair_series(df: pd.DataFrame, spec: SeriesSpec = DEFAULT_SPEC, fill: bool = True,
                pairs: list[tuple[str, str]] | None = None, end: Any = None) -> pd.DataFrame:
    """Series rows ``SERIES_COLUMNS`` per pair and period. With ``fill``, every pair gets every
    period from the store's first to last (or ``end``), zeros where nothing happened: a quiet day is
    data for the baseline."""
    df = with_pairs(events_frame(df) if "n_docs" not in df else df, spec)
    if pairs is not None:
        wanted = set(pairs) if spec.directed else {tuple(sorted(p)) for p in pairs}
        df = df[[(a, b) in wanted for a, b in zip(df["a"], df["b"], strict=True)]]
    if df.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    for q in (1, 2, 3, 4):
        df[f"q{q}"] = (df["quad_class"] == q).astype(int)
    df["conflict"] = df["q3"] + df["q4"]
    g = df.groupby(["a", "b", "period"], sort=True)
    out = g.agg(events=("id", "size"), q1=("q1", "sum"), q2=("q2", "sum"), q3=("q3", "sum"), q4=("q4", "sum"),
                goldstein_sum=("goldstein", "sum"), conflict=("conflict", "sum"))
    if fill:
        step = "D" if spec.freq == "day" else "W-MON"
        last = df["period"].max() if end is None else max(df["period"].max(), pd.Timestamp(end))
        periods = pd.date_range(df["period"].min(), last, freq=step)
        index = pd.MultiIndex.from_tuples(
            [(a, b, p) for a, b in out.index.droplevel("period").unique() for p in periods], names=["a", "b", "period"])
        out = out.reindex(index, fill_value=0)
    out = out.reset_index()
    n = out["events"].replace(0, np.nan)
    out["goldstein_mean"] = (out["goldstein_sum"] / n).round(3)
    out["material_conflict_share"] = (out["q4"] / n).round(3)
    out["goldstein_sum"] = out["goldstein_sum"].round(3)
    return out[SERIES_COLUMNS]


def series_records(series: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: dates as ISO strings, NaN as null."""
    recs = []
    for row in series.itertuples(index=False):
        rec = row._asdict()
        rec["period"] = rec["period"].date().isoformat()
        for k, v in rec.items():
            if isinstance(v, float) and np.isnan(v):
                rec[k] = None
            elif isinstance(v, np.integer):
                rec[k] = int(v)
            elif isinstance(v, np.floating):
                rec[k] = float(v)
        recs.append(rec)
    return recs
