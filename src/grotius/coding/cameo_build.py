"""Regenerate ``cameo_codebook.json`` from the shared CAMEO codebook and the PLOVER mapping.

    .venv/bin/python -m grotius.coding.cameo_build [../shared/data]

Run it when the shared sources change; the JSON it writes is committed, so that coding needs no
shared data at run time.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("cameo_codebook.json")
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def quad_class(root: str) -> int:
    """GDELT convention: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
    conflict, 14-20 material conflict."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_plover(path: Path) -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = {}
    for line in path.read_text(encoding="utf8").splitlines():
        m = _PLOVER_LINE.match(line.strip())
        if m:
            mode = (m.group(3) or "").strip() or None
            context = (m.group(4) or "").strip() or None
            out[m.group(1)] = {"event": m.group(2), "mode": mode, "context": context}
    return out


def build(shared: Path) -> dict[str, dict]:
    plover = read_plover(shared / "plover" / "CAMEO2PLOVER-2021.txt")
    codes: dict[str, dict] = {}
    with open(shared / "cameo-codebook" / "icews_cameo-codes.utf8.csv", encoding="utf8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            root = code[:2]
            # PLOVER is given per code; codes it omits inherit from the nearest listed parent.
            mapped = next((plover[code[:n]] for n in range(len(code), 1, -1) if code[:n] in plover), None)
            codes[code] = {
                "name": row["name"].strip(),
                "goldstein": float(row["goldstein"]),
                "root": root,
                "quad_class": quad_class(root),
                "plover": mapped["event"] if mapped else None,
                "plover_mode": mapped["mode"] if mapped else None,
            }
    return dict(sorted(codes.items()))


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else Path(__file__).resolve().parents[4] / "shared" / "data"
    codes = build(shared)
    OUT.write_text(json.dumps(codes, ensure_ascii=False, indent=0) + "\n", encoding="utf8")
    print(f"wrote {len(codes)} codes to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
