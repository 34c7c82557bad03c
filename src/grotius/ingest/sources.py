"""Expand ``grotius ingest`` SOURCE arguments into Documents, one bad input never stopping the rest.

A SOURCE is a dated-article file, a folder (read recursively), a JSONL or CSV file of records
(``id, date, text`` and optional ``title, url, source, lang``), an HTML page (main text, title,
date and author by trafilatura), an RSS/Atom feed (feedparser; the article pages behind it are
fetched when reachable), an http(s) URL of a page or a feed, or ``-`` for standard input.
Each yielded item is a Document or the InputError that replaces it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import re
import sys
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from grotius.datamodel import Document, PubDate
from grotius.errors import InputError
from grotius.ingest.readers import decode_bytes, iter_jsonl, parse_dated_article, record_to_document

Item = Document | InputError
RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
MARKUP_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".rss": "feed", ".atom": "feed", ".xml": "feed"}
# What a folder contributes: article-like files only, so that a README or a licence beside the
# articles is not an input error. A file named on the command line is always read.
FOLDER_SUFFIXES = {".txt", "", *RECORD_SUFFIXES, *MARKUP_SUFFIXES}
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
FETCH_TIMEOUT = 20.0
USER_AGENT = "grotius-ingest/0.1 (+https://example.invalid/grotius)"
MIN_WORDS = 3  # an HTML page with fewer words of main text has no article in it


def expand(sources: Sequence[str], stdin: BinaryIO | None = None, fetch_pages: bool = True) -> Iterator[Item]:
    for source in sources:
        if source == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from from_bytes(data, "<stdin>", kind=None, fetch_pages=fetch_pages)
        elif _is_url(source):
            try:
                data = fetch(source)
            except InputError as exc:
                yield exc
                continue
            yield from from_bytes(data, source, kind=None, url=source, fetch_pages=fetch_pages)
        else:
            path = Path(source)
            if path.is_dir():
                for file in folder_files(path):
                    yield from from_path(file, fetch_pages)
            elif path.exists():
                yield from from_path(path, fetch_pages)
            else:
                yield InputError(source, "no such file or directory")


def count_files(sources: Sequence[str]) -> int | None:
    """How many files the sources name (for the progress bar's ETA); None when a stream or URL
    makes the total unknowable in advance."""
    total = 0
    for source in sources:
        path = Path(source)
        if source == "-" or _is_url(source):
            return None
        files = folder_files(path) if path.is_dir() else [path]
        if any(f.suffix.lower() in RECORD_SUFFIXES or f.suffix.lower() in (".rss", ".atom", ".xml") for f in files):
            return None
        total += len(files)
    return total


def folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES and not _hidden(p, folder))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = FETCH_TIMEOUT) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # http(s) only, checked by the callers
            return resp.read()
    except (OSError, ValueError) as exc:
        raise InputError(url, f"cannot fetch: {getattr(exc, 'reason', None) or exc}") from None


def from_path(path: Path, fetch_pages: bool = True) -> Iterator[Item]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    kind = RECORD_SUFFIXES.get(suffix) or MARKUP_SUFFIXES.get(suffix)
    yield from from_bytes(data, source, kind=kind, fetch_pages=fetch_pages)


def sniff(data: bytes) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        return "feed" if _FEED.search(data[:4096]) else "html"
    return "article"


def from_bytes(
    data: bytes, source: str, kind: str | None, url: str | None = None, fetch_pages: bool = True
) -> Iterator[Item]:
    kind = kind or sniff(data)
    try:
        if kind == "html":
            yield html_document(data, source, url)
        elif kind == "feed":
            yield from feed_documents(data, source, fetch_pages)
        else:
            text = decode_bytes(data, source)
            if kind == "jsonl":
                yield from jsonl_documents(text, source)
            elif kind == "csv":
                yield from csv_documents(text, source)
            else:
                yield parse_dated_article(text, source)
    except InputError as exc:
        yield exc


def jsonl_documents(text: str, source: str) -> Iterator[Item]:
    for n, rec in iter_jsonl(source, iter(text.splitlines())):
        if isinstance(rec, InputError):
            yield rec
            continue
        try:
            yield record_to_document(rec, source, n)
        except InputError as exc:
            yield exc


def csv_documents(text: str, source: str) -> Iterator[Item]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))  # csv reads its own line ends
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        yield InputError(source, f"bad CSV header: {exc}", line=1)
        return
    if not fields or "text" not in fields:
        yield InputError(source, "CSV has no 'text' column (expected id,date,text[,title,url,source,lang])", line=1)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(source, f"bad CSV: {exc}", line=reader.line_num)
            continue
        rec = {k: v for k, v in row.items() if k is not None and v not in (None, "")}
        try:
            yield record_to_document(rec, source, reader.line_num)
        except InputError as exc:
            yield exc


def html_document(data: bytes, source: str, url: str | None = None, fallback_date: PubDate | None = None) -> Document:
    import trafilatura

    # trafilatura and htmldate log parse trouble as ERROR lines; the user gets our one line instead.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    try:
        text = decode_bytes(data, source)
        found = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False)
    except InputError:
        raise
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise InputError(source, f"broken HTML: {exc}") from None
    if found is None or not found.text or len(found.text.split()) < MIN_WORDS:
        raise InputError(source, "broken HTML or no article text in the page")
    published = fallback_date
    if found.date:
        with contextlib.suppress(ValueError):
            published = PubDate.parse(found.date[:10])
    doc = Document(text=found.text.strip(), published=published, source=source, title=found.title,
                   url=url or found.url)
    if found.author:
        doc.meta["author"] = found.author
    return doc


def _entry_date(entry: object) -> PubDate | None:
    parsed = getattr(entry, "published_parsed", None) or getattr(entry, "updated_parsed", None)
    if not parsed:
        return None
    return PubDate(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


def feed_documents(data: bytes, source: str, fetch_pages: bool = True) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        raise InputError(source, f"not an RSS/Atom feed, or a feed without entries{reason}")
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{source}#entry{n}"
        link = entry.get("link")
        published = _entry_date(entry)
        if fetch_pages and link and _is_url(link):
            try:
                doc = html_document(fetch(link), link, url=link, fallback_date=published)
                doc.title = doc.title or entry.get("title")
                yield doc
                continue
            except InputError:
                pass  # the page is unreachable or empty: fall back to the text in the feed
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _strip_markup(body)
        if not text:
            yield InputError(where, "feed entry has no text and its page could not be read")
            continue
        yield Document(text=text, published=published, source=source, title=entry.get("title"), url=link)


def _strip_markup(html: str) -> str:
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except Exception:  # unparseable fragment: treat as no text
        return ""
