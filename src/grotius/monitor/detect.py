"""Escalation detection: each pair against its own trailing baseline.

Per period the signal is the pair's number of conflict events (quad class 3 or 4). Two rules run
side by side on the robust z-score ``z = (x - centre) / scale`` of the trailing window (centre: its
winsorised mean; scale: its winsorised standard deviation, at least a Poisson one):

- a *jump* rule: ``z >= z_threshold`` in one period (a sudden burst);
- a one-sided *CUSUM* of the z-scores, ``S = max(0, S + min(z, z_clip) - k)``, alarm at ``S >= h``
  (a sustained smaller rise).

An alarm becomes an alert only with minimum support (conflict events and distinct reporting
documents in the periods that drove it; a jump must remain one without the events of its biggest
single document), so that one article does not raise an alarm; after an
alert the pair is quiet for ``cooldown`` periods. docs/monitor.md gives the reasoning and numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from grotius.monitor.series import DEFAULT_SPEC, SeriesSpec, events_frame, with_pairs

MAD_TO_SD = 1.4826  # the MAD of a normal distribution times this is its standard deviation


@dataclass(frozen=True)
class DetectorConfig:
    window: int = 56  # trailing periods in the baseline (the current one excluded)
    min_history: int = 14  # periods of history before a pair can alert (and at most window)
    z_threshold: float = 6.0
    cusum_k: float = 0.5  # allowance: drift below half a scale unit is ignored
    cusum_h: float = 8.0
    z_clip: float = 3.0  # one huge period cannot carry the CUSUM alone (the jump rule covers it)
    min_scale: float = 1.0  # scale floor: sqrt(max(median, min_scale)), a Poisson standard deviation
    min_events: int = 3  # conflict events in the driving periods
    min_documents: int = 2  # distinct reporting documents in the driving periods
    cooldown: int = 7  # periods without new alerts for the pair after one
    max_events: int = 20  # events named per alert (most negative Goldstein first)

    @classmethod
    def for_freq(cls, freq: str, **overrides: Any) -> DetectorConfig:
        """Defaults by period: a week-based baseline is half a year."""
        base: dict[str, Any] = {} if freq == "day" else {"window": 26, "min_history": 8, "cooldown": 2}
        return cls(**{**base, **overrides})


@dataclass
class Alert:
    a: str
    b: str
    level: str
    freq: str
    directed: bool
    period: str  # first day of the period that raised the alert
    since: str  # first day of the periods that drove it (CUSUM: where the rise began)
    rule: str  # "jump" or "cusum"
    value: int  # conflict events in the alert period
    baseline: float  # winsorised mean of the trailing window
    scale: float
    z: float
    cusum: float
    n_events: int
    n_documents: int
    events: list[str] = field(default_factory=list)  # ids of the events that drove it

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


def _window_stats(w: np.ndarray, cfg: DetectorConfig) -> tuple[np.ndarray, np.ndarray]:
    """Centre and scale of each row of ``w`` (trailing windows). Winsorised at median + 3 robust
    sd first, so that an earlier burst does not inflate the baseline; the winsorised mean (not the
    median) is the centre because counts are skewed: a median of 0 under a mean of 0.5 would make
    every quiet series drift upwards in the CUSUM."""
    med = np.median(w, axis=1, keepdims=True)
    mad = np.median(np.abs(w - med), axis=1, keepdims=True)
    cap = med + 3 * np.maximum(MAD_TO_SD * mad, np.sqrt(np.maximum(med, cfg.min_scale)))
    wz = np.minimum(w, cap)
    centre = wz.mean(axis=1)
    # Scale: the winsorised spread, never below a Poisson standard deviation (sqrt of the mean).
    scale = np.maximum(wz.std(axis=1), np.sqrt(np.maximum(centre, cfg.min_scale)))
    return centre, scale


def robust_scores(x: np.ndarray, cfg: DetectorConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Trailing centre, scale and z per period (NaN before ``min_history``)."""
    n = len(x)
    centre = np.full(n, np.nan)
    scale = np.full(n, np.nan)
    # Periods with a short history (min_history <= t < window): one at a time.
    for t in range(cfg.min_history, min(cfg.window, n)):
        c, s = _window_stats(x[None, :t], cfg)
        centre[t], scale[t] = c[0], s[0]
    if n > cfg.window:
        windows = np.lib.stride_tricks.sliding_window_view(x, cfg.window)[: n - cfg.window]
        c, s = _window_stats(windows, cfg)
        centre[cfg.window:], scale[cfg.window:] = c, s
    return centre, scale, (x - centre) / scale


def detect_series(x: np.ndarray, docs: np.ndarray, cfg: DetectorConfig,
                  top: np.ndarray | None = None) -> list[dict[str, Any]]:
    """Alarms on one series ``x`` (conflict events per period) with ``docs`` (distinct documents
    per period) and ``top`` (events of the period's most prolific document): dicts with the period
    index ``t``, ``start`` (first driving period) and scores."""
    med, scale, z = robust_scores(x.astype(float), cfg)
    # Leave-one-document-out: a jump must still be a jump without its biggest single source.
    z_loo = z if top is None else (x - top - med) / scale
    out: list[dict[str, Any]] = []
    s, run_start, quiet_until = 0.0, 0, -1
    for t in range(cfg.min_history, len(x)):
        prev = s
        s = max(0.0, s + min(z[t], cfg.z_clip) - cfg.cusum_k)
        if prev == 0.0 and s > 0.0:
            run_start = t
        if t <= quiet_until:
            s = 0.0
            continue
        rule = "jump" if z_loo[t] >= cfg.z_threshold else "cusum" if s >= cfg.cusum_h else None
        if rule is None:
            continue
        start = t if rule == "jump" else run_start
        n_events = int(x[start:t + 1].sum())
        n_docs = int(docs[start:t + 1].sum())
        if n_events < cfg.min_events or n_docs < cfg.min_documents:
            continue  # not enough support yet: the CUSUM keeps its state and may alert later
        out.append({"t": t, "start": start, "rule": rule, "value": int(x[t]), "baseline": float(med[t]),
                    "scale": float(scale[t]), "z": float(z[t]), "cusum": float(s)})
        s, quiet_until = 0.0, t + cfg.cooldown
    return out


def detect(events: pd.DataFrame, spec: SeriesSpec = DEFAULT_SPEC, cfg: DetectorConfig | None = None,
           since: Any = None, end: Any = None) -> list[Alert]:
    """Alerts for every pair in an event frame (see ``series.events_frame``), newest first.
    ``since`` keeps alerts from that day on (the baseline still uses earlier data)."""
    cfg = cfg or DetectorConfig.for_freq(spec.freq)
    df = with_pairs(events_frame(events), spec)
    df = df[df["quad_class"].isin((3, 4))]
    if df.empty:
        return []
    step = "D" if spec.freq == "day" else "W-MON"
    last = df["period"].max() if end is None else max(df["period"].max(), pd.Timestamp(end))
    # Every pair is measured from the store's first period: a pair that was silent has a baseline of 0.
    first_all = with_pairs(events_frame(events), spec)["period"].min()
    periods = pd.date_range(first_all, last, freq=step)
    since_ts = pd.Timestamp(since) if since is not None else None
    alerts: list[Alert] = []
    for (a, b), grp in df.groupby(["a", "b"], sort=True):
        if len(grp) < cfg.min_events:
            continue
        per = grp.groupby("period")
        x = per.size().reindex(periods, fill_value=0).to_numpy()
        # Support: distinct first reports, or more when one event was reported by several documents.
        docs = np.maximum(per["first_doc_id"].nunique(dropna=False), per["n_docs"].max()).reindex(
            periods, fill_value=0).to_numpy()
        top = grp.groupby(["period", "first_doc_id"], dropna=False).size().groupby(level=0).max().reindex(
            periods, fill_value=0).to_numpy()
        for hit in detect_series(x, docs, cfg, top):
            period = periods[hit["t"]]
            if since_ts is not None and period < since_ts:
                continue
            lo, hi = periods[hit["start"]], period
            driving = grp[(grp["period"] >= lo) & (grp["period"] <= hi)].sort_values(["goldstein", "id"])
            alerts.append(Alert(
                str(a), str(b), spec.level, spec.freq, spec.directed, period.date().isoformat(),
                lo.date().isoformat(), hit["rule"], hit["value"], round(hit["baseline"], 3), round(hit["scale"], 3),
                round(hit["z"], 3), round(hit["cusum"], 3), len(driving),
                int(max(driving["first_doc_id"].nunique(dropna=False), driving["n_docs"].max())),
                [str(i) for i in driving["id"].head(cfg.max_events)]))
    alerts.sort(key=lambda al: (al.period, al.z), reverse=True)
    return alerts
