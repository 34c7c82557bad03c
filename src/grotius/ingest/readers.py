"""Readers for the dated-article format and JSONL records.

A dated article is ``[whitespace] date YYYY[-MM[-DD]] body...``: the body may start on the same
line as the date or on the next one. Offsets in every output record are into the body text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from grotius.datamodel import Document, PubDate
from grotius.errors import InputError

_HEADER = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(?:\r?\n)?", re.IGNORECASE)
_BOM = "\ufeff"


def decode_bytes(data: bytes, source: str) -> str:
    """Decode text whatever its common encoding: UTF-8 (with or without BOM), UTF-16 with BOM,
    else Latin-1/Windows-1252. Binary data (NUL bytes outside UTF-16) is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_dated_article(raw: str, source: str = "<text>", lang: str = "nl") -> Document:
    raw = raw.lstrip(_BOM)
    if not raw.strip():
        raise InputError(source, "empty file", line=1)
    m = _HEADER.match(raw)
    if not m:
        line = raw.count("\n", 0, len(raw) - len(raw.lstrip())) + 1
        raise InputError(source, "missing date line: expected 'date YYYY[-MM[-DD]]' before the text", line=line)
    line = raw.count("\n", 0, m.start(1)) + 1
    try:
        published = PubDate.parse(m.group(1))
    except ValueError as exc:
        raise InputError(source, str(exc), line=line) from None
    body = raw[m.end():].strip()
    if not body:
        raise InputError(source, "no text after the date line", line=line)
    return Document(text=body, published=published, lang=lang, source=source)


def read_dated_article(path: Path, lang: str = "nl") -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return parse_dated_article(decode_bytes(data, str(path)), str(path), lang)


def record_to_document(rec: object, source: str, line: int, default_lang: str = "nl") -> Document:
    if not isinstance(rec, dict):
        raise InputError(source, "record is not a JSON object", line=line)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "record has no 'text'", line=line)
    published = None
    if rec.get("date") not in (None, ""):
        try:
            published = PubDate.parse(str(rec["date"])[:10])
        except ValueError as exc:
            raise InputError(source, f"bad 'date': {exc}", line=line) from None
    doc = Document(
        text=text,
        published=published,
        lang=str(rec.get("lang") or default_lang),
        source=str(rec.get("source") or source),
        title=rec.get("title"),
        url=rec.get("url"),
        line=line,
    )
    if rec.get("id") not in (None, ""):
        doc.meta["record_id"] = str(rec["id"])
    return doc


def iter_jsonl(path: Path | str, lines: Iterator[str] | None = None) -> Iterator[tuple[int, dict | InputError]]:
    """Yield (line number, parsed object or the InputError for that line); blank lines are skipped
    so that one bad line never stops the rest."""
    source = str(path)
    if lines is None:
        text = decode_bytes(Path(path).read_bytes(), source)
        lines = iter(text.splitlines())
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, InputError(source, f"not JSON: {exc.msg} (column {exc.colno})", line=n)
