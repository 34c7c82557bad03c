"""Database rows to the JSON records of docs/interfaces.md (EVENT with nested actors)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from grotius.store.schema import ACTOR_FIELDS


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    rec = {f: row.get(f"{role}_{f}") for f in ACTOR_FIELDS}
    if all(v is None for v in rec.values()):
        return None
    start, end = row.get(f"{role}_start"), row.get(f"{role}_end")
    if start is not None:
        rec["start"], rec["end"] = start, end
    return rec


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    rec = {
        "id": row["id"], "doc_id": row.get("first_doc_id"),
        "trigger": row.get("trigger"), "start": row.get("start"), "end": row.get("end"),
        "sentence": row.get("sentence"),
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "cameo": row["cameo"], "cameo_root": row["cameo_root"], "plover": row["plover"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"], "status": row.get("status"),
        "date": {"value": row["date"], "basis": row.get("date_basis")}, "rule": row.get("rule"),
        "num_mentions": row.get("num_mentions"), "num_articles": row.get("num_articles"),
    }
    if row.get("reported_by_code") or row.get("reported_by_name"):
        rec["reported_by"] = {"code": row.get("reported_by_code"), "name": row.get("reported_by_name")}
    return rec


def jsonable(value: Any) -> Any:
    """Dates and nested rows as JSON."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value
