"""Grotius: political event data from dated news articles, Dutch first."""

from __future__ import annotations

from grotius.annotate.pipeline import load
from grotius.datamodel import Actor, Document, Event, EventDate, Provenance, PubDate, Quote, Timex

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Document",
    "Event",
    "EventDate",
    "Provenance",
    "PubDate",
    "Quote",
    "Timex",
    "load",
    "__version__",
]
