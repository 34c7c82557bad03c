"""How much of 2000-now the KB's dated roles cover, for the countries and titles issue 3 asks for.

    .venv/bin/python benchmarks/actors_kb_coverage.py [--below 0.9]

For every country (G20, EU members, Russia, Ukraine, Belarus, Iran, Israel, Palestine, the Gulf
states, Turkey, the Netherlands, Belgium) and title (head of state, head of government, foreign and
defence minister) prints the share of days from 2000-01-01 to today held by someone in the KB, and
lists the pairs below ``--below``. Countries whose head of state is a monarch or whose head of
government is the president have gaps by nature (a title the KB does not need to fill).
"""

from __future__ import annotations

import argparse
from datetime import date

from grotius.resolve.actors.kb import load_kb

G20 = [
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "KOR",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "TUR",
    "GBR",
    "USA",
]
EU = [
    "AUT",
    "BEL",
    "BGR",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "DEU",
    "GRC",
    "HUN",
    "IRL",
    "ITA",
    "LVA",
    "LTU",
    "LUX",
    "MLT",
    "NLD",
    "POL",
    "PRT",
    "ROU",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
]
OTHERS = ["UKR", "BLR", "IRN", "ISR", "PSE", "BHR", "KWT", "OMN", "QAT", "ARE"]
TITLES = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister"]


def coverage(kb: object, country: str, title: str, first: date, last: date) -> float:
    days = set()
    for _, role in kb.titles.get((country, title), ()):  # type: ignore[attr-defined]
        lo, hi = max(first, role.start or date.min), min(last, role.end or date.max)
        days.update(range(lo.toordinal(), hi.toordinal() + 1))
    return len(days) / (last.toordinal() - first.toordinal() + 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--below", type=float, default=0.9)
    args = ap.parse_args()
    kb = load_kb("nl")
    first, last = date(2000, 1, 1), date.today()
    countries = list(dict.fromkeys(G20 + EU + OTHERS))
    shares = {(c, t): coverage(kb, c, t, first, last) for c in countries for t in TITLES}
    for t in TITLES:
        mean = sum(shares[c, t] for c in countries) / len(countries)
        print(f"{t}: mean coverage {mean:.2f} over {len(countries)} countries")
    low = sorted((v, c, t) for (c, t), v in shares.items() if v < args.below)
    print(f"{len(low)} of {len(shares)} country/title pairs below {args.below}:")
    for v, c, t in low:
        print(f"  {c} {t}: {v:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
