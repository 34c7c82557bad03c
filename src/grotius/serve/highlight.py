"""Text with annotations marked, as safe HTML. Annotations may nest or overlap (an actor inside a
quote inside a sentence), so the text is cut at every boundary and each piece carries the classes
of all annotations covering it."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # css class suffix: actor, source, target, trigger, quote, timex, event
    title: str = ""


def mark_text(text: str, marks: list[Mark], offset: int = 0) -> Markup:
    """``text`` (which starts at character ``offset`` of the document) with ``marks`` (document
    offsets) as ``<span class="m m-KIND" title=...>``; marks outside the text are clipped."""
    cuts = {0, len(text)}
    spans = []
    for m in marks:
        s, e = max(m.start - offset, 0), min(m.end - offset, len(text))
        if s < e:
            spans.append((s, e, m))
            cuts.update((s, e))
    points = sorted(cuts)
    out: list[str] = []
    for a, b in zip(points, points[1:], strict=False):
        piece = escape(text[a:b])
        active = [m for s, e, m in spans if s <= a and b <= e]
        if not active:
            out.append(str(piece))
            continue
        classes = " ".join(sorted({f"m-{m.kind}" for m in active}))
        title = "; ".join(dict.fromkeys(m.title for m in active if m.title))
        out.append(f'<span class="m {classes}" title="{escape(title)}">{piece}</span>')
    return Markup("".join(out).replace("\n", "<br>\n"))
