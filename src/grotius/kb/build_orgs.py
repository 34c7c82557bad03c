"""Generate ``organisations_phoenix.yaml``: companies and national armed groups of the PETRARCH/Phoenix
actor dictionaries in ``../shared/data/cameo-dictionaries`` (MIT), as facts with their country.

- companies (``Phoenix.International.actors.txt``, codes ``MNC<country>...``): the country's business
  sector (CAMEO codes a company as ``<country>BUS``);
- national non-state groups (``Phoenix.MilNonState.actors.txt``, codes ``<country><sector>``, e.g.
  ``TURREB``): the country's sector.

Names become aliases in title case (``CATHAY_GENERAL_BANCORP_`` -> ``Cathay General Bancorp``), also
without a legal suffix (``Corp``, ``Inc``, ``Ltd``, ...). Because Dutch news is matched
case-insensitively after a capital, aliases that could be something else are left out: one-word
names of four letters or fewer, one-word names that occur in lower case in Dutch text (EventDNA
and CoNLL-2002: ``Target``, ``Vale``), names the hand-written KB or the gazetteer already knows (the
curated reading wins), and names that two sources give different countries.

    python -m grotius.kb.build_orgs [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

from grotius.resolve.actors.kb import compile_kb
from grotius.resolve.actors.normalize import norm, split_words

KB_DIR = Path(__file__).resolve().parent
OUT = KB_DIR / "organisations_phoenix.yaml"
_ENTRY = re.compile(r"^([A-Z0-9][^\s\[#]*)\s*(?:#[^\[]*)?\[([A-Z]{3,15})")
_SYN = re.compile(r"^\+([A-Z0-9][^\s\[#]*)")
_LEGAL = {
    "CORP", "CORP.", "CORPORATION", "INC", "INC.", "CO", "CO.", "COMPANY", "LTD", "LTD.", "LIMITED",
    "PLC", "GROUP", "HOLDINGS", "HOLDING", "AG", "SA", "S.A.", "NV", "N.V.", "BV", "AB", "ASA", "SPA",
    "LLC", "LP", "L.P.", "BERHAD", "BHD", "OYJ", "SE", "THE",
}  # fmt: skip
# Phoenix sectors that name a national group's kind; anything else is left to the hand-written KB.
_GROUP_SECTORS = {"REB", "OPP", "INS", "SEP", "PTY", "MIL", "CRM", "ACT", "LAB", "NGO", "RAD"}


def _title(word: str) -> str:
    return word if any(c.isdigit() for c in word) else word[:1] + word[1:].lower()


def _names(raw: str) -> list[str]:
    words = [w for w in raw.strip("_").replace("_", " ").split() if w]
    if not words or any(c in raw for c in "()/&"):
        return []
    full = [_title(w) for w in words]
    core = full
    while len(core) > 1 and core[-1].upper() in _LEGAL:
        core = core[:-1]
    while len(core) > 1 and core[0].upper() == "THE":
        core = core[1:]
    return list(dict.fromkeys([" ".join(full), " ".join(core)]))


def _entries(path: Path, mnc: bool) -> list[tuple[str, str, list[str]]]:
    """(country, sector, names) per dictionary entry with a country code."""
    out: list[tuple[str, str, list[str]]] = []
    current: tuple[str, str, list[str]] | None = None
    for line in path.read_text(encoding="utf8", errors="replace").splitlines():
        syn = _SYN.match(line)
        if syn and current is not None:
            current[2].extend(_names(syn.group(1)))
            continue
        m = _ENTRY.match(line)
        if not m:
            current = None if not line.strip() else current
            continue
        code = m.group(2)
        if mnc:
            if not code.startswith("MNC") or len(code) < 6:
                current = None
                continue
            country, sector = code[3:6], "BUS"
        else:
            country, sector = code[:3], code[3:6]
            if sector not in _GROUP_SECTORS:
                current = None
                continue
        current = (country, sector, _names(m.group(1)))
        out.append(current)
    return out


def _lower_words(shared: Path) -> set[str]:
    """Words seen in lower case in Dutch text: a one-word name among them is a common word."""
    seen: set[str] = set()
    for f in (shared / "eventdna" / "docs").glob("*/dnaf.json"):
        seen.update(w for w in json.loads(f.read_text(encoding="utf8"))["doc"]["token_string"].split() if w.islower())
    for line in (shared / "conll2002-ned" / "ned.train").read_text(encoding="latin-1").splitlines():
        w = line.split(" ", 1)[0]
        if w.islower():
            seen.add(w)
    return {norm(w) for w in seen}


def build(shared: Path) -> list[dict[str, object]]:
    kb = compile_kb("nl")
    lower = _lower_words(shared)
    phoenix = shared / "cameo-dictionaries"
    entries = _entries(phoenix / "Phoenix.International.actors.txt", mnc=True)
    entries += _entries(phoenix / "Phoenix.MilNonState.actors.txt", mnc=False)
    by_key: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    for country, sector, names in entries:
        for name in names:
            by_key.setdefault(tuple(norm(w) for w in split_words(name) if w != "-"), set()).add((country, sector))
    records: list[dict[str, object]] = []
    ids: set[str] = set()
    for country, sector, names in entries:
        if country not in kb.countries:
            continue
        keep = []
        for name in names:
            key = tuple(norm(w) for w in split_words(name) if w != "-")
            if not key or key in kb.aliases or len(by_key.get(key, ())) > 1:
                continue  # known to the curated KB, or two countries for one name
            if len(key) == 1 and (len(key[0]) <= 4 or kb.place(name) is not None):
                continue
            if all(w in lower for w in key) or any(c.isdigit() for c in name):
                continue  # Dutch words ("Target", "De Kracht") or a date ("May 15")
            keep.append(name)
        if not keep:
            continue
        oid = "phx-" + re.sub(r"[^a-z0-9]+", "-", norm(keep[0])).strip("-")
        if oid in ids:
            continue
        ids.add(oid)
        records.append({"id": oid, "name": keep[0], "country": country, "sector": sector, "aliases": keep[1:]})
    return records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=KB_DIR.parents[3] / "shared" / "data")
    args = ap.parse_args(argv)
    OUT.write_text("", encoding="utf8")  # the generated file must not count as the curated KB
    records = build(args.shared)
    header = (
        "# GENERATED by `python -m grotius.kb.build_orgs` from the Phoenix actor dictionaries (MIT, Open\n"
        "# Event Data Alliance): companies (MNC codes) and national non-state groups, with their country;\n"
        "# do not edit, extend organisations_companies.yaml / organisations_national.yaml instead.\n"
    )
    lines = [yaml.safe_dump(r, default_flow_style=True, allow_unicode=True, width=10_000).strip() for r in records]
    body = "".join(f"- {line}\n" for line in lines)
    OUT.write_text(header + body, encoding="utf8")
    print(f"{len(records)} organisations -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
