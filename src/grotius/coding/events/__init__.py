"""The event coder: who did what to whom, from a parsed document, its actors, time expressions
and quotes, driven by the pattern data of ``lang/<lang>/events*.yaml``.

``code_events`` (``coder``) runs, per sentence: trigger matching (``triggers``), one candidate per
trigger with its arguments (``arguments``), status (``status``) and refined code (``candidates``),
the sentence-level decisions (``decisions``): light verbs, absorbed complements ("dreigen ... op te
blazen" is one threat), carrier promotion ("maakte duidelijk dat ... hard zouden optreden als ..." is
a threat); then one event per source-target pair, dated (``dating``) and explained (``emit``)."""

from __future__ import annotations

from grotius.coding.events.candidates import sentence_spans
from grotius.coding.events.coder import code_events

__all__ = ["code_events", "sentence_spans"]
