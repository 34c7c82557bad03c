"""Grotius: political event data from dated news articles, Dutch first."""

from __future__ import annotations

from grotius.annotate.pipeline import load
from grotius.datamodel import Actor, Document, Event, EventDate, Provenance, PubDate, Quote, Timex

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The store pulls in SQLAlchemy and pandas: import it on first use, not with ``import grotius``.
    if name == "Store":
        from grotius.store import Store

        return Store
    raise AttributeError(f"module 'grotius' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Document",
    "Event",
    "EventDate",
    "Provenance",
    "PubDate",
    "Quote",
    "Store",
    "Timex",
    "load",
    "__version__",
]
