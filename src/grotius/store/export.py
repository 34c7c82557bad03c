"""Exports of the event table: CSV, JSON Lines, Parquet, a GDELT-style event table, PLOVER JSON.

Every format writes one row per *event* (merged across articles), with GDELT's NumMentions,
NumSources and NumArticles; JSONL and PLOVER also list every mention (the provenance)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

import pandas as pd
from sqlalchemy import func, select

from grotius.store.schema import ACTOR_FIELDS, documents, sentences
from grotius.store.store import Store

ROLE_ACTOR = ("text", "start", "end", "country", "org", "sector", "name", "code")

# GDELT 2.0 event table, in its column order (http://data.gdeltproject.org/documentation/).
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]


def _text_out(out: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _clean(value: Any) -> Any:
    """DataFrame cells hold NaN/NA/NaT for SQL NULL; exports want None (JSON null, empty cell)."""
    if value is None or isinstance(value, list | dict | tuple):
        return value
    return None if pd.isna(value) else value


def _actor(row: dict[str, Any], mention: dict[str, Any], role: str) -> dict[str, Any] | None:
    if _clean(row.get(f"{role}_text")) is None and _clean(row.get(f"{role}_code")) is None:
        return None
    rec = {f: _clean(row.get(f"{role}_{f}")) for f in ACTOR_FIELDS}
    rec["start"], rec["end"] = _clean(mention.get(f"{role}_start")), _clean(mention.get(f"{role}_end"))
    return {k: rec[k] for k in ROLE_ACTOR}


def _mentions_by_event(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for rec in store.mentions().to_dict("records"):
        out.setdefault(rec["event_id"], []).append(rec)
    return out


def event_records(store: Store, **filters: Any) -> Iterator[dict[str, Any]]:
    """EVENT records of docs/interfaces.md (first report), plus id, doc_id, counts and mentions."""
    mentions = _mentions_by_event(store)
    for row in store.events(**filters).to_dict("records"):
        ms = mentions.get(row["id"], [])
        first = next((m for m in ms if m["doc_id"] == row["first_doc_id"]), ms[0] if ms else {})
        yield {
            "id": row["id"],
            "doc_id": row["first_doc_id"],
            "trigger": row["trigger"], "start": row["start"], "end": row["end"], "sentence": row["sentence"],
            "source": _actor(row, first, "source"), "target": _actor(row, first, "target"),
            "cameo": row["cameo"], "cameo_root": row["cameo_root"], "plover": _clean(row["plover"]),
            "quad_class": row["quad_class"], "goldstein": row["goldstein"], "status": row["status"],
            "date": {"value": row["date"], "basis": row["date_basis"]},
            "rule": row["rule"],
            "num_mentions": row["num_mentions"], "num_sources": row["num_sources"],
            "num_articles": row["num_articles"], "source_url": _clean(row["source_url"]),
            "mentions": [
                {k: _clean(m[k]) for k in ("doc_id", "sentence", "start", "end", "trigger", "status", "rule",
                                           "url", "outlet", "published", "near_duplicate_of")}
                for m in ms
            ],
        }


def write_jsonl(store: Store, out: BinaryIO, **filters: Any) -> int:
    text = _text_out(out)
    n = 0
    for rec in event_records(store, **filters):
        text.write(json.dumps(rec, ensure_ascii=False, default=_json_default) + "\n")
        n += 1
    text.detach()
    return n


def write_csv(store: Store, out: BinaryIO, **filters: Any) -> int:
    df = store.events(**filters)
    text = _text_out(out)
    df.to_csv(text, index=False)
    text.detach()
    return len(df)


def write_parquet(store: Store, out: BinaryIO, **filters: Any) -> int:
    df = store.events(**filters)
    buf = io.BytesIO()  # pyarrow needs a seekable file; stdout is not
    df.to_parquet(buf, index=False)
    out.write(buf.getvalue())
    return len(df)


def _gdelt_row(row: dict[str, Any]) -> dict[str, Any]:
    day: date | None = row["date_first"] if row["date_first"] is not None else None
    if day is None and row["published"]:
        day = date(int(row["published"][:4]), 1, 1)
    rec: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
    rec.update({
        "GLOBALEVENTID": int(row["id"][:15], 16),  # GDELT ids are integers; stable across exports
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else "",
        "IsRootEvent": int(row["sentence"] == 0),  # GDELT: reported in the lead
        "EventCode": row["cameo"], "EventBaseCode": row["cameo"][:3], "EventRootCode": row["cameo_root"],
        "QuadClass": row["quad_class"], "GoldsteinScale": row["goldstein"],
        "NumMentions": row["num_mentions"], "NumSources": row["num_sources"], "NumArticles": row["num_articles"],
        "DATEADDED": row["added_at"].strftime("%Y%m%d%H%M%S") if row["added_at"] is not None else "",
        "SOURCEURL": _clean(row["source_url"]) or _clean(row["outlet"]) or "",
    })
    for n, role in ((1, "source"), (2, "target")):
        name = _clean(row[f"{role}_name"]) or _clean(row[f"{role}_text"])
        rec.update({
            f"Actor{n}Code": _clean(row[f"{role}_code"]) or "",
            f"Actor{n}Name": name.upper() if name else "",  # GDELT writes actor names in capitals
            f"Actor{n}CountryCode": _clean(row[f"{role}_country"]) or "",
            f"Actor{n}KnownGroupCode": _clean(row[f"{role}_org"]) or "",
            f"Actor{n}Type1Code": _clean(row[f"{role}_sector"]) or "",
        })
    return rec


def write_gdelt(store: Store, out: BinaryIO, **filters: Any) -> int:
    """Tab-separated like GDELT's files, with a header line of GDELT's column names."""
    df = store.events(**filters)
    table = pd.DataFrame([_gdelt_row(r) for r in df.to_dict("records")], columns=GDELT_COLUMNS)
    text = _text_out(out)
    table.to_csv(text, sep="\t", index=False, lineterminator="\n")
    text.detach()
    return len(table)


def _sentence_texts(store: Store, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The text of (document, sentence) pairs, cut in SQL so that whole articles stay in the database."""
    out: dict[tuple[str, int], str] = {}
    s = sentences
    q = select(s.c.doc_id, s.c.idx, func.substr(documents.c.text, s.c.start + 1, s.c.end - s.c.start)).join(
        documents, documents.c.id == s.c.doc_id)
    wanted = set(keys)
    with store.read() as conn:
        for doc_ids in _chunk(sorted({k[0] for k in keys})):
            for doc_id, idx, text in conn.execute(q.where(s.c.doc_id.in_(doc_ids))):
                if (doc_id, idx) in wanted:
                    out[(doc_id, idx)] = text
    return out


def _chunk(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def write_plover(store: Store, out: BinaryIO, **filters: Any) -> int:
    """A JSON array of PLOVER-style records (the shape of PLOVER's gold-standard records:
    id, date, event, mode, context, source/target lists of {actorText, code, sector}, eventText, text)."""
    records = list(event_records(store, **filters))
    texts = _sentence_texts(store, [(r["doc_id"], r["sentence"]) for r in records])

    def actors(a: dict[str, Any] | None) -> list[dict[str, Any]]:
        if a is None:
            return []
        return [{"actorText": a["text"], "code": a["code"], "country": a["country"], "sector": a["sector"],
                 "org": a["org"], "name": a["name"]}]

    plover = [
        {
            "id": r["id"], "date": r["date"]["value"], "event": r["plover"], "mode": None, "context": None,
            "source": actors(r["source"]), "target": actors(r["target"]), "eventText": r["trigger"],
            "text": texts.get((r["doc_id"], r["sentence"])), "cameo": r["cameo"], "goldstein": r["goldstein"],
            "quadClass": r["quad_class"], "status": r["status"], "docId": r["doc_id"], "url": r["source_url"],
            "numMentions": r["num_mentions"], "numSources": r["num_sources"], "numArticles": r["num_articles"],
        }
        for r in records
    ]
    text = _text_out(out)
    json.dump(plover, text, ensure_ascii=False, indent=1, default=_json_default)
    text.write("\n")
    text.detach()
    return len(plover)


WRITERS: dict[str, Callable[..., int]] = {
    "csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet, "gdelt": write_gdelt, "plover": write_plover,
}
