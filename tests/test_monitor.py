"""Escalation monitor on synthetic series with known change points, and on event frames."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from grotius.monitor import DetectorConfig, SeriesSpec, detect, pair_series
from grotius.monitor.detect import detect_series


def test_step_change_fires_within_two_periods() -> None:
    rng = np.random.default_rng(3)
    x = rng.poisson(np.r_[np.full(200, 3.0), np.full(20, 15.0)])
    hits = [h["t"] for h in detect_series(x, x, DetectorConfig())]
    assert hits and 200 <= hits[0] <= 202


def test_stationary_two_years_at_most_one_false_alarm() -> None:
    rng = np.random.default_rng(11)
    for rate in (0.5, 3.0, 10.0):
        x = rng.poisson(np.full(730, rate))
        assert len(detect_series(x, x, DetectorConfig())) <= 1


def test_weekly_defaults_catch_a_step() -> None:
    rng = np.random.default_rng(5)
    x = rng.poisson(np.r_[np.full(60, 10.0), np.full(8, 40.0)])
    hits = [h["t"] for h in detect_series(x, x, DetectorConfig.for_freq("week"))]
    assert hits and 60 <= hits[0] <= 62


def _frame(days: int, burst_day: int, burst: int, docs_in_burst: int) -> pd.DataFrame:
    """One RUS->UKR threat every other day, then ``burst`` threats on ``burst_day`` from
    ``docs_in_burst`` documents; plus quiet cooperation NLD->UKR."""
    rows = []
    start = date(2022, 1, 1)
    for d in range(days):
        day = start + timedelta(days=d)
        if d % 2 == 0:
            rows.append((f"e{d}", day, "RUSGOV", "UKRGOV", 3, -5.8, f"d{d}"))
        rows.append((f"c{d}", day, "NLDGOV", "UKRGOV", 1, 3.5, f"d{d}"))
    for i in range(burst):
        rows.append((f"b{i}", start + timedelta(days=burst_day), "UKRGOV", "RUSGOV", 4, -10.0,
                     f"burst{i % docs_in_burst}"))
    return pd.DataFrame(rows, columns=["id", "day", "source_code", "target_code", "quad_class", "goldstein",
                                       "first_doc_id"])


def test_alert_names_the_events_that_drove_it() -> None:
    alerts = detect(_frame(100, 90, 8, 4))
    assert len(alerts) == 1
    a = alerts[0]
    assert (a.a, a.b, a.period, a.rule) == ("RUSGOV", "UKRGOV", "2022-04-01", "jump")
    # The burst and the usual threat of that day (from its own document).
    assert set(a.events) == {f"b{i}" for i in range(8)} | {"e90"} and a.n_documents == 5
    # Directed: the burst is UKR -> RUS, its own series.
    assert detect(_frame(100, 90, 8, 4), SeriesSpec(directed=True))[0].a == "UKRGOV"


def test_one_article_does_not_raise_an_alarm() -> None:
    assert detect(_frame(100, 90, 8, 1)) == []


def test_since_keeps_later_alerts_only() -> None:
    assert detect(_frame(100, 90, 8, 4), since=date(2022, 4, 2)) == []


def test_series_counts_and_shares() -> None:
    s = pair_series(_frame(10, 4, 2, 2), SeriesSpec(freq="week"))
    rus = s[(s.a == "RUSGOV") & (s.b == "UKRGOV")]
    assert list(rus.columns[:4]) == ["a", "b", "period", "events"]
    assert rus["events"].sum() == 5 + 2 and rus["q4"].sum() == 2
    first = rus.iloc[0]
    assert first["material_conflict_share"] == round(first["q4"] / first["events"], 3)
    assert first["goldstein_sum"] == round(-5.8 * first["q3"] - 10 * first["q4"], 3)
    by_country = pair_series(_frame(10, 4, 2, 2).assign(source_country="RUS", target_country="UKR"),
                             SeriesSpec(level="country", directed=True))
    assert set(zip(by_country.a, by_country.b, strict=True)) == {("RUS", "UKR")}
