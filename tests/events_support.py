"""Helpers for the event coder tests: a tiny gazetteer in place of the actor resolver, so that the
tests exercise the coder alone."""

from __future__ import annotations

import re

from grotius.coding.events import code_events
from grotius.datamodel import Actor, Event, PubDate

# a tiny gazetteer, so that these tests exercise the coder alone, not the actor resolver
PLACES = {
    "Rusland": "RUS",
    "Oekraïne": "UKR",
    "Polen": "POL",
    "Frankrijk": "FRA",
    "Duitsland": "DEU",
    "China": "CHN",
    "Japan": "JPN",
    "Iran": "IRN",
    "Israël": "ISR",
    "Turkije": "TUR",
    "Navo": "NATO",
    "Griekenland": "GRC",
    "Moldavië": "MDA",
    "Noord-Korea": "PRK",
    "Ierland": "IRL",
    "Oman": "OMN",
    "Europese Unie": "EU",
}


def actors_in(text: str) -> list[Actor]:
    out = []
    for name, code in PLACES.items():
        for m in re.finditer(rf"\b{name}\b", text):
            org = code if code in ("NATO", "EU") else None
            out.append(Actor(name, m.start(), m.end(), None if org else code, org, None, name, code))
    return sorted(out, key=lambda a: a.start)


def code(nlp, text: str, published: str = "2022-03-01") -> list[Event]:
    doc = nlp(text)
    return code_events(doc, actors_in(text), [], [], PubDate.parse(published), "t")
