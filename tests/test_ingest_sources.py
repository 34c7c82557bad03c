"""SOURCE expansion: every input kind, every bad input as one clear error naming file and line."""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from grotius.datamodel import Document
from grotius.errors import InputError
from grotius.ingest.sources import count_files, expand, sniff

ARTICLE = "date 2021-12-30\nRusland dreigde Oekraïne met een breuk in de relaties.\n"
HTML = """<html><head><title>Poetin dreigt</title><meta name="author" content="Jan Jansen">
<meta property="article:published_time" content="2021-12-30"></head><body><nav>menu</nav><article>
<h1>Poetin dreigt</h1><p>Vladimir Poetin heeft donderdag gedreigd met een breuk in de betrekkingen met de
Verenigde Staten als er nieuwe sancties komen.</p><p>Joe Biden zei dat hij de dreiging serieus neemt.</p>
</article><footer>copyright</footer></body></html>"""


def items(*sources: str | Path, stdin: bytes | None = None, fetch: bool = True) -> list[Document | InputError]:
    return list(expand([str(s) for s in sources], stdin=io.BytesIO(stdin or b""), fetch_pages=fetch))


def errors(found: list[Document | InputError]) -> list[str]:
    return [str(e) for e in found if isinstance(e, InputError)]


def test_folder_recursive_skips_hidden(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(ARTICLE)
    (tmp_path / "y.txt").write_text(ARTICLE.replace("Rusland", "Nederland"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "z.txt").write_text("garbage")
    (tmp_path / "README.md").write_text("# about these articles")
    found = items(tmp_path)
    assert [d.source for d in found] == [str(tmp_path / "a" / "x.txt"), str(tmp_path / "y.txt")]
    assert count_files([str(tmp_path)]) == 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt:1: empty file"),
        ("blank.txt", b"  \n\n", "blank.txt:1: empty file"),
        ("binary.bin", b"\x00\x01\x02\x03PK", "binary.bin: binary file, not text"),
        ("nodate.txt", b"Rusland dreigde.", "nodate.txt:1: missing date line"),
        ("baddate.txt", b"\n\ndate 2021-02-30 tekst", "baddate.txt:3: day is out of range"),
        ("onlydate.txt", b"date 2021-12\n", "onlydate.txt:1: no text after the date line"),
        ("broken.html", b"<html><body><div", "broken.html: broken HTML or no article text"),
        ("notfeed.rss", b"dit is geen feed", "notfeed.rss: not an RSS/Atom feed"),
        ("truncated.rss", b"<rss><channel><item>", "truncated.rss#entry1: feed entry has no text"),
        ("bad.csv", b"id,date,body\n1,2021,x\n", "bad.csv:1: CSV has no 'text' column"),
    ],
)
def test_bad_file_gives_one_clear_error(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE)
    found = items(tmp_path / name, tmp_path / "good.txt")
    errs = errors(found)
    assert len(errs) == 1 and errs[0].startswith(str(tmp_path / name)) and message in errs[0], errs
    assert "\n" not in errs[0]
    assert isinstance(found[-1], Document)


def test_missing_path(tmp_path):
    assert errors(items(tmp_path / "nope.txt")) == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8 BOM"),
        (ARTICLE.encode("utf-16"), "utf-16 BOM"),
        (ARTICLE.encode("cp1252"), "latin-1"),
    ],
)
def test_encodings(tmp_path, encoded, label):
    (tmp_path / "a.txt").write_bytes(encoded)
    (doc,) = items(tmp_path / "a.txt")
    assert isinstance(doc, Document), label
    assert doc.text == "Rusland dreigde Oekraïne met een breuk in de relaties."
    assert str(doc.published) == "2021-12-30"


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"id": "a1", "date": "2021-12-30", "text": "Rusland dreigde.", "title": "T", "url": "https://nos.nl/1",'
        ' "source": "NOS", "lang": "nl"}\n'
        "\n"
        "{not json\n"
        '{"id": "a2", "text": ""}\n'
        '["a list"]\n'
        '{"id": "a3", "date": "gisteren", "text": "x"}\n'
        '{"id": "a4", "text": "Zonder datum."}\n'
    )
    found = items(path)
    assert errors(found) == [
        f"{path}:3: not JSON: Expecting property name enclosed in double quotes (column 2)",
        f"{path}:4: record has no 'text'",
        f"{path}:5: record is not a JSON object",
        f"{path}:6: bad 'date': not a date YYYY, YYYY-MM or YYYY-MM-DD: 'gisteren'",
    ]
    docs = [d for d in found if isinstance(d, Document)]
    assert [d.meta["record_id"] for d in docs] == ["a1", "a4"]
    assert (docs[0].title, docs[0].url, docs[0].source, docs[0].line) == ("T", "https://nos.nl/1", "NOS", 1)
    assert docs[1].published is None


def test_csv_records(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('id,date,text,title\nc1,2022-01-03,"Nederland steunt Oekraïne,\nmet wapens.",Steun\n'
                    "c2,2022-01-04,,Leeg\n")
    found = items(path)
    (doc,) = [d for d in found if isinstance(d, Document)]
    assert doc.text == "Nederland steunt Oekraïne,\nmet wapens." and doc.title == "Steun" and doc.line == 3
    assert errors(found) == [f"{path}:4: record has no 'text'"]


def test_html_page_with_metadata(tmp_path):
    (tmp_path / "p.html").write_text(HTML)
    (doc,) = items(tmp_path / "p.html")
    assert isinstance(doc, Document)
    assert "Vladimir Poetin heeft donderdag gedreigd" in doc.text and "copyright" not in doc.text
    assert (doc.title, str(doc.published), doc.meta["author"]) == ("Poetin dreigt", "2021-12-30", "Jan Jansen")


def test_stdin_sniffs_the_format():
    (doc,) = items("-", stdin=ARTICLE.encode())
    assert doc.source == "<stdin>" and str(doc.published) == "2021-12-30"
    found = items("-", stdin=b'{"id": "s1", "date": "2022", "text": "Tekst."}\nnope\n')
    assert isinstance(found[0], Document) and errors(found) == ["<stdin>:2: not JSON: Expecting value (column 1)"]
    assert sniff(HTML.encode()) == "html" and sniff(b"<?xml version='1.0'?><rss version='2.0'>") == "feed"


@contextmanager
def http_server(root: Path):
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def feed_xml(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Nieuws</title>
<item><title>Poetin dreigt</title><link>{base}/p.html</link><pubDate>Thu, 30 Dec 2021 20:00:00 GMT</pubDate>
<description>Kort.</description></item>
<item><title>Weg</title><link>{base}/missing.html</link><pubDate>Fri, 31 Dec 2021 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Nederland steunt Oekra&#239;ne met wapens.&lt;/p&gt;</description></item>
<item><title>Leeg</title><link>{base}/missing2.html</link></item>
</channel></rss>"""


def test_rss_feed_fetches_pages_and_falls_back_to_the_summary(tmp_path):
    (tmp_path / "p.html").write_text(HTML)
    with http_server(tmp_path) as base:
        (tmp_path / "feed.rss").write_text(feed_xml(base))
        found = items(tmp_path / "feed.rss")
        via_url = items(f"{base}/feed.rss")
    docs = [d for d in found if isinstance(d, Document)]
    assert "Vladimir Poetin heeft donderdag gedreigd" in docs[0].text and docs[0].url == f"{base}/p.html"
    assert docs[1].text == "Nederland steunt Oekraïne met wapens." and str(docs[1].published) == "2021-12-31"
    assert errors(found) == [f"{tmp_path / 'feed.rss'}#entry3: feed entry has no text and its page could not be read"]
    assert [type(x) for x in via_url] == [type(x) for x in found]


def test_atom_feed_without_fetching(tmp_path):
    (tmp_path / "a.atom").write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>N</title>
<entry><title>A</title><link href="http://127.0.0.1:9/x"/><updated>2022-02-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;China sprak met Amerika.&lt;/p&gt;</content></entry></feed>""")
    (doc,) = items(tmp_path / "a.atom", fetch=False)
    assert doc.text == "China sprak met Amerika." and str(doc.published) == "2022-02-01" and doc.title == "A"


def test_unreachable_url():
    (err,) = items("http://127.0.0.1:9/nothing.html")
    assert isinstance(err, InputError) and str(err).startswith("http://127.0.0.1:9/nothing.html: cannot fetch")
