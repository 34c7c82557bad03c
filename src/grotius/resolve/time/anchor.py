"""The reference date an article's expressions are resolved against, at whatever precision it has."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from grotius.datamodel import PubDate
from grotius.resolve.time import dates

_ISO = re.compile(
    r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$"
)


@dataclass(frozen=True)
class Anchor:
    """A reference point: ``2021-12`` covers the whole of December (``lo``..``hi``), a day or a
    date-time is exact. ``clock`` is set only when the anchor had a time of day."""

    lo: date
    hi: date
    precision: str  # "year" | "month" | "day"
    clock: time | None = None

    @classmethod
    def parse(cls, value: str | PubDate | date | datetime | Anchor | None) -> Anchor | None:
        if value is None or isinstance(value, Anchor):
            return value
        if isinstance(value, datetime):
            return cls(value.date(), value.date(), "day", value.time())
        if isinstance(value, date):
            return cls(value, value, "day")
        if isinstance(value, PubDate):
            return cls(value.first_day, value.last_day, value.precision)
        m = _ISO.match(str(value))
        if not m:
            raise ValueError(f"not an ISO date or date-time (YYYY, YYYY-MM, YYYY-MM-DD[THH:MM[:SS]]): {value!r}")
        y, mo, d, hh, mi, ss = (int(g) if g else None for g in m.groups())
        if d is not None:
            day = date(y, mo, d)  # type: ignore[arg-type]
            clock = time(hh, mi or 0, ss or 0) if hh is not None else None
            return cls(day, day, "day", clock)
        if mo is not None:
            if not 1 <= mo <= 12:
                raise ValueError(f"month out of range: {value!r}")
            return cls(date(y, mo, 1), date(y, mo, dates.month_days(y, mo)), "month")  # type: ignore[arg-type]
        return cls(date(y, 1, 1), date(y, 12, 31), "year")  # type: ignore[arg-type]

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    @property
    def day(self) -> date:
        """A single representative day (the exact one, else the middle of the span)."""
        return self.lo + (self.hi - self.lo) / 2

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.day, self.clock or time(0, 0))

    def value(self) -> str:
        """The anchor's own TIMEX3 value at its own precision."""
        if self.precision == "day":
            return dates.fmt_day(self.lo)
        if self.precision == "month":
            return dates.fmt_month(self.lo)
        return f"{self.lo.year:04d}"
