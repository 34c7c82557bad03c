"""The article's setting: the country of actors the text names without one (``de autoriteiten``,
an unknown ``Jan Peeters``, ``de Iraanse wetenschapper Ahmadreza Djalali``).

Evidence, strongest first: a nationality adjective in the mention's own noun phrase, a country or
capital named as a location in the same sentence (``in Potsdam``), and else the one country the
article names most often. Mentions with a country or organisation of their own are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc

from grotius.resolve.actors.kb import KnowledgeBase
from grotius.resolve.actors.matcher import Mention
from grotius.resolve.actors.normalize import norm

# Mentions that may take their country from the setting; pronouns take their antecedent's instead.
_FILLED = {"nominal", "title", "ner-PER", "ner-ORG", "ner-PROPN"}
# Mentions that count as the article naming a country.
_EVIDENCE = {"country", "capital", "adjective", "demonym", "person", "metonym", "title", "nominal", "city", "org"}


def _np_adjective(m: Mention, adjectives: list[Mention], doc: Doc) -> str | None:
    """``de Iraanse wetenschapper Djalali``: an adjective attached to the mention's head noun or to
    the noun the mention stands in apposition to."""
    span = set(range(m.t0, m.t1))
    root = min((doc[i] for i in span), key=lambda t: 0 if t.head.i not in span or t.head is t else 1)
    heads = span | ({root.head.i} if root.dep_.split(":")[0] in {"appos", "flat", "nmod", "compound"} else set())
    if m.t0 > 0 and doc[m.t0 - 1].pos_ == "NOUN":  # the noun right before the name, whatever the parse says
        heads.add(m.t0 - 1)
    for a in adjectives:
        if doc[a.t0].head.i in heads and doc[a.t0].head.i != a.t0:
            return a.country
    return None


def _dominant(mentions: list[Mention]) -> str | None:
    counts = Counter(m.country for m in mentions if m.country and m.kind in _EVIDENCE)
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None  # no country or a tie: no setting
    return top[0][0]


# Top-level domains of the home countries of Dutch-language news.
_TLD = {"be": "BEL", "nl": "NLD", "lu": "LUX", "de": "DEU", "fr": "FRA", "uk": "GBR"}


def source_country(kb: KnowledgeBase, meta: dict[str, Any] | None = None, source: str | None = None,
                   url: str | None = None) -> str | None:
    """The country of a document's outlet: ``meta["country"]`` (an ISO alpha-3 or alpha-2 code), else
    a national news medium of the KB named by the source (``De Standaard``, ``nos.nl``), else the
    web address's country domain. Used only for actors that no cue in the text places."""
    code = str((meta or {}).get("country") or "").upper()
    if code in kb.countries:
        return code
    if len(code) == 2:
        found = next((c for c, rec in kb.countries.items() if str(rec.get("iso2", "")).upper() == code), None)
        if found:
            return found
    for text in (source, url):
        if not text:
            continue
        words = [w for w in re.split(r"[^\w&]+", norm(text)) if w]
        for n in (3, 2, 1):
            for k in range(len(words) - n + 1):
                for t, _ in kb.aliases.get(tuple(words[k:k + n]), ()):
                    if t.kind == "org" and t.sector == "MED" and t.country:
                        return t.country
        host = re.match(r"(?:\w+://)?([^/\s:]+)", text)
        if host and "." in host.group(1):
            tld = _TLD.get(host.group(1).rsplit(".", 1)[-1].lower())
            if tld:
                return tld
    return None


def fill_from_setting(mentions: list[Mention], doc: Doc, kb: KnowledgeBase, sent_of: list[int],
                      default: str | None = None) -> None:
    """Give a country to actor mentions that have neither country nor organisation; ``default`` (the
    outlet's country) when the article itself names no country."""
    # Nationality adjectives, alone or opening a merged phrase ("de Iraanse wetenschapper"): t0 is the adjective.
    adjectives = [m for m in mentions if m.country and (m.kind == "adjective" and not m.parts
                                                         or m.parts[:1] == ["adjective"])]
    located: dict[int, str] = {}  # sentence start -> country named there as a location
    for m in mentions:
        if (m.kind in {"country", "capital", "city"} and m.country and m.t0 > 0
                and norm(doc[m.t0 - 1].text) in kb.locative):
            located.setdefault(sent_of[m.t0], m.country)
    dominant = _dominant(mentions) or default
    for m in mentions:
        if m.country or m.org or m.kind not in _FILLED:
            continue
        country = _np_adjective(m, adjectives, doc) or located.get(sent_of[m.t0]) or dominant
        if country:
            m.country = country
            m.code = f"{country}{m.sector or ''}"
