"""The speaker's own side: first-person plural words inside a direct quote.

The actor resolver reads `we` without its quote (the article's own people, in the sector of
civilians); inside `‘We gedragen ons ...’, zei Poetin` the word stands for the side the speaker
speaks for, so it takes the speaker's country, organisation and sector.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from grotius.coding.quotes.lexicon import lexicon
from grotius.datamodel import Actor, Quote


def speakers_side(actors: list[Actor], quotes: Iterable[Quote], lang: str = "nl") -> list[Actor]:
    """``actors`` with every first-person plural mention inside a direct quote whose speaker is
    placed (a country or an organisation) re-read as the speaker's side; the others unchanged."""
    own = lexicon(lang).own_voice
    direct = [(q, q.speaker) for q in quotes if q.direct and q.speaker and (q.speaker.country or q.speaker.org)]
    if not own or not direct:
        return actors
    out: list[Actor] = []
    for a in actors:
        entry_id = own.get(a.text.lower())
        # the innermost quote, as nested quotes have their own speakers
        inside = [(q, s) for q, s in direct if q.start <= a.start and a.end <= q.end] if entry_id else []
        if not inside:
            out.append(a)
            continue
        sp = min(inside, key=lambda qs: qs[0].end - qs[0].start)[1]
        out.append(
            replace(
                a,
                country=sp.country,
                org=sp.org,
                sector=sp.sector,
                name=None,
                code=sp.code,
                entry=f"{lang}/reporting.yaml#{entry_id}",
                via="quote-speaker",
            )
        )
    return out
