"""Escalation monitoring: event series per actor pair and alerts when a pair departs from its own
trailing baseline (method and parameters in docs/monitor.md)."""

from __future__ import annotations

from grotius.monitor.detect import Alert, DetectorConfig, detect
from grotius.monitor.series import SeriesSpec, load_events, pair_series
from grotius.monitor.watch import alerts_for_store

__all__ = ["Alert", "DetectorConfig", "SeriesSpec", "alerts_for_store", "detect", "load_events", "pair_series"]
