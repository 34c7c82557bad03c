"""Alerts straight from a store: load its dated events, run the detector."""

from __future__ import annotations

from datetime import date

from grotius.monitor.detect import Alert, DetectorConfig, detect
from grotius.monitor.series import DEFAULT_SPEC, SeriesSpec, load_events
from grotius.store import Store


def alerts_for_store(store: Store, spec: SeriesSpec = DEFAULT_SPEC, since: date | None = None,
                     cfg: DetectorConfig | None = None) -> list[Alert]:
    with store.read() as conn:
        frame = load_events(conn)  # all of it: the baseline before ``since`` matters
    return detect(frame, spec, cfg, since=since)
