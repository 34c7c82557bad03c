"""Escalation detector on synthetic series with known change points: detection delay and false
alarms, for the default daily and weekly settings.

    .venv/bin/python benchmarks/monitor_detection.py [--runs 200] [--seed 7]

Stationary series: 2 years (730 days / 104 weeks) of Poisson (and overdispersed negative binomial)
conflict counts at several base rates; every alarm is false. Step series: the same base, then from
a known period on the rate rises by a factor; the delay is periods from the change to the first
alarm at or after it (misses: no alarm within 30 periods). Each event is its own document, so
support never blocks an alarm here. Writes results/monitor_detection.json and .md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from grotius.monitor.detect import DetectorConfig, detect_series

RESULTS = Path(__file__).resolve().parent / "results"
HORIZON = {"day": 730, "week": 104}
CHANGE = {"day": 400, "week": 60}
RATES = {"day": [0.5, 2.0, 5.0, 20.0], "week": [3.0, 10.0, 35.0]}
FACTORS = [2.0, 3.0, 5.0]


def counts(rng: np.random.Generator, rate: np.ndarray, overdispersed: bool) -> np.ndarray:
    if not overdispersed:
        return rng.poisson(rate)
    # Negative binomial with variance = mean + mean^2 / 4 (news attention comes in waves).
    size = 4.0
    return rng.poisson(rng.gamma(size, rate / size))


def run(runs: int, seed: int) -> dict[str, object]:
    rng = np.random.default_rng(seed)
    out: dict[str, object] = {"runs": runs, "seed": seed, "stationary": [], "step": []}
    for freq in ("day", "week"):
        cfg = DetectorConfig.for_freq(freq)
        n = HORIZON[freq]
        for rate in RATES[freq]:
            for od in (False, True):
                alarms = []
                for _ in range(runs):
                    x = counts(rng, np.full(n, rate), od)
                    alarms.append(len(detect_series(x, x, cfg)))
                out["stationary"].append({  # type: ignore[union-attr]
                    "freq": freq, "rate": rate, "overdispersed": od, "periods": n,
                    "mean_false_alarms": float(np.mean(alarms)), "max_false_alarms": int(np.max(alarms)),
                    "share_runs_over_1": float(np.mean(np.array(alarms) > 1))})
            for factor in FACTORS:
                delays, misses = [], 0
                c = CHANGE[freq]
                for _ in range(runs):
                    r = np.full(c + 30, rate)
                    r[c:] *= factor
                    x = counts(rng, r, False)
                    hits = [h["t"] - c for h in detect_series(x, x, cfg) if h["t"] >= c]
                    if hits:
                        delays.append(hits[0])
                    else:
                        misses += 1
                d = np.array(delays) if delays else np.array([np.nan])
                out["step"].append({  # type: ignore[union-attr]
                    "freq": freq, "rate": rate, "factor": factor, "median_delay": float(np.nanmedian(d)),
                    "p90_delay": float(np.nanpercentile(d, 90)),
                    "share_within_2": float(np.sum(d <= 2) / runs),
                    "missed": misses / runs})
    return out


def markdown(res: dict[str, object]) -> str:
    lines = ["# Escalation detector on synthetic series", "",
             f"`.venv/bin/python benchmarks/monitor_detection.py --runs {res['runs']} --seed {res['seed']}`", "",
             "## Stationary 2 years (false alarms per series)", "",
             "| freq | rate/period | overdispersed | mean | max | share of runs with >1 |", "|---|---|---|---|---|---|"]
    for r in res["stationary"]:  # type: ignore[attr-defined]
        lines.append(f"| {r['freq']} | {r['rate']} | {r['overdispersed']} | {r['mean_false_alarms']:.2f} | "
                     f"{r['max_false_alarms']} | {r['share_runs_over_1']:.3f} |")
    lines += ["", "## Step change (delay in periods after the change)", "",
              "| freq | rate | factor | median delay | p90 delay | share detected within 2 | missed (30 periods) |",
              "|---|---|---|---|---|---|---|"]
    for r in res["step"]:  # type: ignore[attr-defined]
        lines.append(f"| {r['freq']} | {r['rate']} | x{r['factor']} | {r['median_delay']:.0f} | {r['p90_delay']:.0f} | "
                     f"{r['share_within_2']:.2f} | {r['missed']:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    res = run(args.runs, args.seed)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "monitor_detection.json").write_text(json.dumps(res, indent=1) + "\n")
    (RESULTS / "monitor_detection.md").write_text(markdown(res))
    print(markdown(res))


if __name__ == "__main__":
    main()
