"""Kept candidates to event records: one event per source-target pair, with CAMEO, PLOVER,
Goldstein, status, date and provenance.
"""

from __future__ import annotations

from grotius.coding.cameo import lookup
from grotius.coding.events.candidates import Candidate
from grotius.coding.events.dating import event_date
from grotius.datamodel import Actor, Event, Provenance, PubDate, Timex


def _same(a: Actor, b: Actor) -> bool:
    if a is b:
        return True
    key_a, key_b = (a.code or a.country or a.org), (b.code or b.country or b.org)
    if a.name is None and b.name is None:
        # two unnamed mentions the setting coded alike ("de Boliviaanse regering ... met de gemeenten"):
        # the same party only when worded alike
        return bool(key_a) and key_a == key_b and a.text.lower() == b.text.lower()
    return bool(key_a) and key_a == key_b and a.name == b.name


def explain_merge(kept: Event, line: str) -> None:
    """Record on the kept event's explanation path why a duplicate of it is no event of its own:
    the path is the free-form "why" that ``grotius explain`` prints, so the record keeps its keys."""
    if kept.provenance is not None:
        kept.provenance.detail.setdefault("path", []).append(line)


def _emit(
    c: Candidate,
    timexes: list[Timex],
    published: PubDate | None,
    doc_id: str,
    one_way_codes: frozenset[str] = frozenset(),
) -> list[Event]:
    info = lookup(c.cameo)
    tok = c.match.token
    date = event_date(tok, c.sent, timexes, published)
    sources = [a for a, _ in c.args.sources]
    targets = [a for a, _ in c.args.targets]
    own = {a.org or a.country for a in sources}
    if any((b.org or b.country) not in own for b in targets):
        # "zet de Duitse ambassadeur het land uit": beside another party, the source's own is no target
        targets = [b for b in targets if (b.org or b.country) not in own]
    pairs: list[tuple[Actor, Actor | None]] = []
    if c.match.pattern.symmetric and not targets and len(sources) > 1:
        pairs = [(a, b) for a in sources for b in sources if a is not b and not _same(a, b)]
    else:
        pairs = [(a, b) for a in sources for b in (targets or [None]) if b is None or not _same(a, b)]
        reciprocal = any(how.startswith(("prep:", "obj:")) for _, how in c.args.targets)
        # not once the code left the entry's root: an intent or refusal of a meeting is one party's
        own_root = info.root == c.match.pattern.cameo[:2] or c.future
        # CAMEO 045: "the source is always the mediator and adversaries are the targets"
        one_way = c.cameo in one_way_codes
        if c.match.pattern.mutual and info.root != "12" and own_root and reciprocal and not one_way:
            pairs += [(b, a) for a, b in pairs if b is not None]  # "overlegde met Y", "ontmoette Y"
    coded: list[tuple[Actor, Actor | None, str]] = [(a, b, c.cameo) for a, b in pairs]
    conv = c.match.pattern.converse
    if conv and c.cameo == c.match.pattern.cameo and c.status.status != "negated":
        # "X bezocht Y" is Y's hosting of X too (CAMEO codes both: 042 and 043)
        coded += [(b, a, conv) for a, b in pairs if b is not None]
    out = []
    seen: dict[tuple, Event] = {}
    for src, tgt, code in coded:
        key = (src.org or src.country, tgt and (tgt.org or tgt.country), code)
        if key in seen:  # two mentions of one party ("Maduro ... zijn regime"): one event per party pair
            explain_merge(
                seen[key],
                f"also {src.text} -> {tgt.text if tgt is not None else '-'} (code {code}), merged: "
                "one event per party pair of a trigger",
            )
            continue
        info = lookup(code)
        path = list(c.path) + ([f"converse {code} of {c.cameo}"] if code != c.cameo else [])
        prov = Provenance(
            doc_id,
            c.sent_i,
            tok.idx,
            tok.idx + len(tok.text),
            c.match.pattern.rule,
            {"path": path, "entry": c.match.pattern.id, "code_name": info.name},
        )
        ev = Event(
            trigger=tok.text,
            start=tok.idx,
            end=tok.idx + len(tok.text),
            sentence=c.sent_i,
            source=src,
            target=tgt,
            cameo=code,
            cameo_root=info.root,
            plover=info.plover,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            status=c.status.status,  # type: ignore[arg-type]
            date=date,
            rule=c.match.pattern.rule,
            reported_by=c.reported_by,
            provenance=prov,
        )
        seen[key] = ev
        out.append(ev)
    return out
