"""Regenerate the generated parts of the knowledge base.

- ``countries.yaml`` from pycountry (ISO 3166-1 alpha-3 codes, English names, Dutch names from
  pycountry's locale data);
- ``people_phoenix.yaml`` from the PETRARCH/Phoenix actor dictionaries in
  ``../shared/data/cameo-dictionaries`` (people with dated roles that overlap 2000 or later, for the
  countries the project tracks, plus heads of international organisations).

Hand-written files (``people.yaml``, ``organisations.yaml``, ``sectors.yaml``) are not touched.

    python -m grotius.kb.build [--shared ../shared/data] [--out src/grotius/kb]
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

KB_DIR = Path(__file__).resolve().parent
# Countries whose people the issue asks for: G20, EU members, and the conflict/Gulf/home states.
_TRACKED_TEXT = """ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA
AUT BEL BGR HRV CYP CZE DNK EST FIN GRC HUN IRL LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE
UKR BLR IRN ISR PSE BHR KWT OMN QAT ARE YEM IRQ SYR EGY JOR LBN"""
TRACKED = set(_TRACKED_TEXT.split())
SINCE = date(2000, 1, 1)
# The dictionaries date from 2014-01-30: an open-ended role there only says "still held then".
SOURCE_DATE = "2014-01-30"
# Alias words that carry a title or a relation rather than a name: titles are matched separately.
_TITLE_WORDS = {
    "PRESIDENT",
    "MINISTER",
    "PRIME",
    "AMBASSADOR",
    "SECRETARY",
    "GENERAL",
    "MR",
    "MR.",
    "MRS",
    "MS",
    "DR",
    "DR.",
    "CHANCELLOR",
    "KING",
    "QUEEN",
    "PRINCE",
    "SHEIKH",
    "EMIR",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "ADMINISTRATION",
    "GOVERNMENT",
    "LEADER",
    "SPEAKER",
    "SENATOR",
    "GOVERNOR",
    "CHAIRMAN",
    "PREMIER",
    "DEPUTY",
    "VICE",
    "FORMER",
    "THE",
    "OF",
    "RUSSIAN",
    "AMERICAN",
    "U.S.",
    "REGIME",
    "MAYOR",
    "COLONEL",
    "CAPTAIN",
    "LIEUTENANT",
    "MAJOR",
    "ADMIRAL",
    "MARSHAL",
    "JUDGE",
    "CHIEF",
}
_CODE = re.compile(r"\[([A-Z]{3,15})(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\]")


def _date(text: str) -> date:
    """Phoenix dates are YYMMDD (two-digit years) or YYYYMMDD."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        text = f"{year}{text[2:]}"
    y, m, d = int(text[:4]), int(text[4:6]), int(text[6:8])
    m = min(max(m, 1), 12)  # the source has a few typos (month 13, day 31 in 30-day months)
    try:
        return date(y, m, max(d, 1))
    except ValueError:
        return date(y, m, 28)


def _roles(line: str) -> list[dict[str, Any]]:
    out = []
    for code, start, end in _CODE.findall(line):
        if not start:
            continue  # undated codes are not roles
        role: dict[str, Any] = {"code": code}
        if start.startswith(">"):
            role["from"] = _date(start[1:]).isoformat()
            role["to"] = SOURCE_DATE
            role["open"] = True
        elif start.startswith("<"):
            role["to"] = _date(start[1:]).isoformat()
        else:
            role["from"] = _date(start).isoformat()
            if end:
                role["to"] = _date(end).isoformat()
            else:
                role["to"], role["open"] = SOURCE_DATE, True
        out.append(role)
    return out


def _name(raw: str) -> str | None:
    words = [w for w in raw.strip().strip("+").split("#")[0].strip().strip("_").split("_") if w]
    if not words or any(ch.isdigit() for ch in raw):
        return None
    if any(p.upper() in _TITLE_WORDS for w in words for p in w.split("-")):
        return None
    return " ".join(w if w.isupper() and len(w) <= 2 and w.endswith(".") else w.capitalize() for w in words)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _relevant(roles: list[dict[str, Any]]) -> bool:
    for r in roles:
        code = r["code"]
        if code[:3] not in TRACKED and not code.startswith("IGO"):
            continue
        if code[3:6] not in {"GOV", "MIL"} and not code.startswith("IGO"):
            continue
        if "to" not in r or date.fromisoformat(r["to"]) >= SINCE:
            return True
    return False


def parse_phoenix(path: Path) -> list[dict[str, Any]]:
    """People blocks of a Phoenix ``.actors`` file: names and aliases followed by dated codes."""
    people: list[dict[str, Any]] = []
    names: list[str] = []
    roles: list[dict[str, Any]] = []
    in_codes = False

    def flush() -> None:
        clean = [n for n in (_name(x) for x in names) if n]
        if clean and roles and _relevant(roles):
            people.append({"name": clean[0], "aliases": sorted(set(clean[1:]) - {clean[0]}), "roles": list(roles)})

    for raw in path.read_text(encoding="utf8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):  # a code line closes the block of names above it
            roles.extend(_roles(line))
            in_codes = True
            continue
        if in_codes:
            flush()
            names, roles, in_codes = [], [], False
        names.append(line.split("[")[0].split("#")[0].strip())
        if "[" in line:  # codes on the same line (International file style)
            roles.extend(_roles(line))
            in_codes = True
    flush()
    return people


def build_people(shared: Path) -> list[dict[str, Any]]:
    base = shared / "cameo-dictionaries"
    merged: dict[str, dict[str, Any]] = {}
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for p in parse_phoenix(base / fname):
            pid = _slug(p["name"])
            if pid in merged:  # the same person listed twice: union of aliases and roles
                merged[pid]["aliases"] = sorted(set(merged[pid]["aliases"]) | set(p["aliases"]))
                merged[pid]["roles"] += [r for r in p["roles"] if r not in merged[pid]["roles"]]
            else:
                merged[pid] = {"id": pid, **p}
    return sorted(merged.values(), key=lambda p: p["id"])


# The short English names news use where ISO's are formal ("Russian Federation").
_SHORT_EN = {
    "RUS": "Russia",
    "SYR": "Syria",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "PSE": "Palestine",
    "COD": "DR Congo",
    "COG": "Congo",
    "BRN": "Brunei",
    "CPV": "Cape Verde",
    "TUR": "Turkey",
}


# States news treat as countries that ISO 3166-1 lacks; codes as PLOVER assigns them (its manual:
# Kosovo "does not have an ISO code; we use KOS").
_NON_ISO = [
    {
        "id": "KOS",
        "iso2": "XK",
        "name": "Kosovo",
        "names": {"en": ["Kosovo", "Republic of Kosovo"], "nl": ["Kosovo", "Republiek Kosovo"]},
    }
]


def build_countries() -> list[dict[str, Any]]:
    import pycountry

    nl = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
    out = []
    for c in pycountry.countries:
        en = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        en = [n for n in dict.fromkeys(x for x in en if x)]
        # Inverted forms ("Korea, Republic of") are catalogue entries, not names a text uses.
        canonical = _SHORT_EN.get(c.alpha_3) or next((n for n in en if "," not in n), en[0].split(",")[0])
        en = list(dict.fromkeys([canonical, *en]))
        nl_names = [n for n in dict.fromkeys(nl.gettext(x) for x in en) if "," not in n]
        out.append(
            {
                "id": c.alpha_3,
                "iso2": c.alpha_2,
                "name": canonical,
                "names": {"en": [n for n in en if "," not in n], "nl": nl_names},
            }
        )
    return sorted(out + _NON_ISO, key=lambda c: c["id"])


def _dump(path: Path, header: str, data: Any) -> None:
    with path.open("w", encoding="utf8") as fh:
        fh.write(header)
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=120)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=KB_DIR.parents[3] / "shared" / "data")
    ap.add_argument("--out", type=Path, default=KB_DIR)
    args = ap.parse_args(argv)
    gen = "# GENERATED by `python -m grotius.kb.build` from {}; do not edit, extend people.yaml instead.\n"
    _dump(args.out / "countries.yaml", gen.format("pycountry (ISO 3166-1, Dutch locale)"), build_countries())
    phoenix = args.shared / "cameo-dictionaries"
    if not phoenix.is_dir():
        print(f"{phoenix}: not found, people_phoenix.yaml left as it is", file=sys.stderr)
        return 1
    _dump(
        args.out / "people_phoenix.yaml",
        gen.format("the Phoenix actor dictionaries (MIT, Open Event Data Alliance)"),
        build_people(args.shared),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
