"""Direct quotations found from quotation marks alone, on the raw text.

Scanning characters (not tokens) keeps this independent of tokenizer and sentence-splitter errors,
and lets one quotation span sentences and paragraphs. Typographic conventions handled:
‘…’, “…”, „…” / „…“, «…», ‚…‘, '…', "…", the newspaper typewriter form ,,…'' (two commas, two
apostrophes, also closed by " or ”), nested quotes (only the outer one is reported), apostrophes
inside words (zo’n, ’s avonds), and a quote continued over a paragraph break by re-opening the next
paragraph with the same mark and no closing mark before the break.
"""

from __future__ import annotations

from dataclasses import dataclass

from grotius.coding.quotes.lexicon import grammar

# opening mark -> closing marks that may end it
PAIRS: dict[str, frozenset[str]] = {
    "‘": frozenset({"’", "'"}),
    "“": frozenset({"”", '"', "“"}),
    "„": frozenset({"”", "“", '"'}),
    "«": frozenset({"»"}),
    "‚": frozenset({"‘", "’"}),
    "'": frozenset({"'", "’"}),
    '"': frozenset({'"', "”"}),
}
CLOSERS = frozenset(c for cs in PAIRS.values() for c in cs)
# the letters after an apostrophe that make an elision, not a quote ('t, 'n, 's, 'k in Dutch, and their
# typographic forms) are the `elisions` of lang/<lang>/quotes-grammar.yaml
MAX_QUOTE_CHARS = 3000  # longer "quotes" are unbalanced marks, not speech


@dataclass(frozen=True)
class MarkedQuote:
    open: int  # char offset of the opening mark
    close: int  # char offset of the closing mark (== end of paragraph when never closed)
    start: int  # content start (after the mark, whitespace trimmed)
    end: int  # content end (exclusive, trailing comma and whitespace trimmed)
    closed: bool  # False when the paragraph ended first


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int, elisions: frozenset[str]) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if _is_word(prev):
        return False  # zo’n, Chavez'
    if text[i] in "'’‘" and nxt.lower() in elisions:
        after = text[i + 2] if i + 2 < len(text) else " "
        if not _is_word(after) or after == "-":  # 's avonds, 't is, 's-Hertogenbosch
            return False
    return True


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isspace():
        return False
    return not _is_word(nxt)  # zo’n: a letter on both sides is an apostrophe


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _typewriter_marks(text: str) -> str:
    """The text with ,,X as „X and X'' as X” (same length, so offsets hold): Dutch newspapers
    type the low and high double quote as two commas and two apostrophes."""
    chars = list(text)
    n = len(text)
    for i in range(n - 1):
        pair = text[i : i + 2]
        if pair == ",,":
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 2] if i + 2 < n else " "
            if not _is_word(prev) and not nxt.isspace() and nxt != ",":
                chars[i], chars[i + 1] = " ", "„"  # the mark on the char next to the content
        elif pair in ("''", "’’"):
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 2] if i + 2 < n else " "
            if not prev.isspace() and not _is_word(nxt):
                chars[i], chars[i + 1] = "”", " "
    return "".join(chars)


def find_marked_quotes(text: str, lang: str = "nl") -> list[MarkedQuote]:
    """Outermost quotations delimited by quotation marks, in text order."""
    elisions = grammar(lang).elisions
    text = _typewriter_marks(text)
    out: list[MarkedQuote] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in PAIRS or not _can_open(text, i, elisions):
            i += 1
            continue
        found = _scan_from(text, i, elisions)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.close + 1
    return out


def _mismatched_close(text: str, i: int, top: str, elisions: frozenset[str]) -> bool:
    """A straight mark of the other kind closing a quote after its final punctuation (`"Onze harten
    ... getroffen,' schreef ze`): a typing slip newspapers make; used only when the proper mark never
    comes (the first such mark at the outer level)."""
    ch = text[i]
    return (
        ch in "'\""
        and top in "'\""
        and ch != top
        and i > 0
        and text[i - 1] in ",.!?"
        and _can_close(text, i)
        and not _can_open(text, i, elisions)
    )


def _scan_from(text: str, open_at: int, elisions: frozenset[str]) -> MarkedQuote | None:
    slips: list[int] = []
    found = _scan_proper(text, open_at, slips, elisions)
    if slips and (found is None or not found.closed):
        # the proper mark never came: the quote ends at the mismatched one
        s, e = _trim(text, open_at + 1, slips[0])
        if e > s:
            return MarkedQuote(open_at, slips[0], s, e, closed=True)
    return found


def _scan_proper(text: str, open_at: int, slips: list[int], elisions: frozenset[str]) -> MarkedQuote | None:
    stack: list[str] = [text[open_at]]
    i, n = open_at + 1, len(text)
    while i < n and i - open_at <= MAX_QUOTE_CHARS:
        ch = text[i]
        if len(stack) == 1 and not slips and _mismatched_close(text, i, stack[0], elisions):
            slips.append(i)
        if ch == "\n":
            # paragraph break inside a quote: continued only if the next paragraph re-opens it
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] == stack[0] and len(stack) == 1:
                i = j + 1
                continue
            if len(stack) == 1 and i - open_at > 1:
                s, e = _trim(text, open_at + 1, i)
                # an unclosed quote is kept only when it looks like speech, not a stray apostrophe
                if e - s >= 20 and text[open_at] not in "'":
                    return MarkedQuote(open_at, i, s, e, closed=False)
            return None
        top = stack[-1]
        if ch in PAIRS[top] and _can_close(text, i):
            stack.pop()
            if not stack:
                s, e = _trim(text, open_at + 1, i)
                return MarkedQuote(open_at, i, s, e, closed=True) if e > s else None
        elif ch in PAIRS and ch not in CLOSERS and _can_open(text, i, elisions):
            stack.append(ch)  # nested quotation
        elif ch in PAIRS and ch in CLOSERS and ch != top and _can_open(text, i, elisions) and ch in "'\"":
            stack.append(ch)  # nested straight quotes inside typographic ones
        i += 1
    return None
