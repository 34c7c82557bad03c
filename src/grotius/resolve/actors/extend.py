"""Users' own actors: read a CSV or YAML file of people with dated roles, validate it against the
KB (unknown country codes, bad dates, overlapping roles, duplicate aliases), and install it in the
user's KB folder, which ``load_kb`` reads after the bundled files.

CSV columns: ``id,name,aliases,code,from,to,title`` (aliases separated by ``;``; one row per
role, rows with the same id belong to one person). YAML: a list of records shaped like
``kb/people.yaml``.
"""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from grotius.errors import InputError
from grotius.resolve.actors.normalize import norm, split_words
from grotius.resolve.actors.yamlines import LINE, read_yaml

USER_DIR_ENV = "GROTIUS_KB_DIR"
CSV_COLUMNS = ["id", "name", "aliases", "code", "from", "to", "title"]


def user_dir() -> Path:
    default = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "grotius" / "kb"
    return Path(os.environ.get(USER_DIR_ENV, default))


def _read_csv(path: Path) -> list[dict[str, Any]]:
    try:
        fh = path.open(encoding="utf8", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    people: dict[str, dict[str, Any]] = {}
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("id", "name", "code") if c not in (reader.fieldnames or [])]
        if missing:
            expected = ",".join(CSV_COLUMNS)
            raise InputError(str(path), f"missing CSV column(s) {', '.join(missing)}; expected {expected}", 1)
        for row in reader:
            line = reader.line_num
            pid = (row.get("id") or "").strip()
            if not pid:
                raise InputError(str(path), "row without id", line)
            rec = people.setdefault(
                pid, {"id": pid, "name": (row.get("name") or "").strip(), "aliases": [], "roles": [], LINE: line}
            )
            rec["aliases"] += [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
            role = {"code": (row.get("code") or "").strip(), LINE: line}
            for key in ("from", "to", "title"):
                if (row.get(key) or "").strip():
                    role[key] = row[key].strip()
            rec["roles"].append(role)
    return list(people.values())


def read_user_file(path: Path) -> list[dict[str, Any]]:
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    if path.suffix.lower() not in {".yaml", ".yml"}:
        raise InputError(str(path), "expected a .csv, .yaml or .yml file")
    data = read_yaml(path)
    if not isinstance(data, list):
        raise InputError(str(path), "expected a list of people")
    return data


def _day(value: Any, source: str, line: int | None) -> date | None:
    if value in (None, ""):
        return None
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise InputError(source, f"not a date YYYY-MM-DD: {value!r}", line) from None


def validate(records: list[dict[str, Any]], source: str, kb: Any) -> None:
    """Raise ``InputError`` (file and line) on the first problem."""
    aliases: dict[tuple[str, ...], str] = {}
    for rec in records:
        line = rec.get(LINE)
        if not isinstance(rec, dict) or not rec.get("id") or not rec.get("name"):
            raise InputError(source, "each person needs an id and a name", line)
        pid = str(rec["id"])
        spans: list[tuple[str, str, date, date, int | None]] = []
        for role in rec.get("roles") or []:
            rline = role.get(LINE, line)
            code = str(role.get("code") or "")
            if len(code) < 3:
                raise InputError(source, f"{pid}: role without a CAMEO code", rline)
            if code[:3] not in kb.countries and code not in kb.org_by_code and not code.startswith("IGO"):
                raise InputError(source, f"{pid}: unknown country code {code[:3]!r} in {code!r}", rline)
            start = _day(role.get("from"), source, rline) or date.min
            end = _day(role.get("to"), source, rline) or date.max
            if end < start:
                raise InputError(source, f"{pid}: role {code} ends before it starts", rline)
            title = str(role.get("title") or "")
            for c2, t2, s2, e2, l2 in spans:
                if c2 == code and t2 == title and start <= e2 and s2 <= end:
                    raise InputError(source, f"{pid}: role {code} {title} overlaps the one on line {l2}", rline)
            spans.append((code, title, start, end, rline))
        for alias in [rec["name"], *(rec.get("aliases") or [])]:
            key = tuple(norm(w) for w in split_words(str(alias)))
            owner = aliases.get(key)
            if owner is not None and owner != pid:
                raise InputError(source, f"{pid}: alias {alias!r} is already used by {owner}", line)
            aliases[key] = pid
            known = {t.person for t, _ in kb.aliases.get(key, ()) if t.person}
            if len(split_words(str(alias))) > 1 and known and pid not in known:
                raise InputError(source, f"{pid}: alias {alias!r} already names {sorted(known)[0]} in the KB", line)


def load_user_file(path: Path, kb: Any) -> list[dict[str, Any]]:
    records = read_user_file(path)
    validate(records, str(path), kb)
    return records


def install(path: Path, kb: Any) -> Path:
    """Validate ``path`` and write it as YAML into the user's KB folder; returns the written file."""
    records = load_user_file(path, kb)
    clean = [{k: v for k, v in r.items() if k != LINE} for r in records]
    for r in clean:
        r["roles"] = [
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in role.items() if k != LINE}
            for role in r.get("roles") or []
        ]
    out = user_dir() / f"{path.stem}.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf8") as fh:
        fh.write(f"# installed by `grotius kb add {path.name}`\n")
        yaml.safe_dump(clean, fh, allow_unicode=True, sort_keys=False)
    return out
