"""The records every stage exchanges: small typed dataclasses with JSON-ready ``to_record``.

Field names follow the JSON contracts in docs/interfaces (ACTOR, TIMEX, EVENT, QUOTE), so that
``to_record()`` is exactly what ``grotius code --jsonl`` prints.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["year", "month", "day"]
_PUBDATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PubDate:
    """A publication date at the precision the source gives: ``2021-12`` is some day in December."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PubDate:
        m = _PUBDATE.match(text.strip())
        if not m:
            raise ValueError(f"not a date YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range in {text!r}")
        if day is not None:
            date(year, month, day)  # raises ValueError for 2021-02-30
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def content_id(text: str, published: PubDate | None = None) -> str:
    """Stable document id: a hash of the normalised text and its date (the same story re-dated
    is another document)."""
    norm = unicodedata.normalize("NFC", text).strip()
    norm = re.sub(r"[ \t]+", " ", norm)
    h = hashlib.sha256(f"{published or ''}\n{norm}".encode())
    return h.hexdigest()[:20]


@dataclass
class Document:
    text: str
    published: PubDate | None = None
    lang: str = "nl"
    source: str | None = None  # file path or URL it was read from
    title: str | None = None
    url: str | None = None
    id: str = ""
    line: int | None = None  # line of a JSONL/CSV source the record came from
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text, self.published)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": str(self.published) if self.published else None,
            "date_precision": self.published.precision if self.published else None,
            "lang": self.lang,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "text": self.text,
        }


@dataclass
class Provenance:
    """Where a record came from and which data entry produced it: the answer to "why?"."""

    doc_id: str
    sentence: int
    start: int
    end: int
    rule: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Actor:
    text: str
    start: int
    end: int
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    name: str | None = None
    code: str | None = None
    entry: str | None = None  # knowledge-base entry id that resolved it
    via: str | None = None  # how: "alias", "ner", "coref", ...

    def to_record(self) -> dict[str, Any]:
        rec = {k: getattr(self, k) for k in ("text", "start", "end", "country", "org", "sector", "name", "code")}
        rec["entry"] = self.entry
        return rec


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    rule: str | None = None
    timex: str | None = None  # the value as the text says it, no anchor applied (XXXX-10-02, T08:40)

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                               "value": self.value, "rule": self.rule}
        if self.timex is not None:
            rec["timex"] = self.timex
        return rec


@dataclass
class EventDate:
    value: str
    basis: Literal["text", "publication"]
    timex: Timex | None = None

    def to_record(self) -> dict[str, Any]:
        return {"value": self.value, "basis": self.basis}


Status = Literal["asserted", "reported", "planned", "conditional", "hypothetical", "negated", "questioned"]


@dataclass
class Event:
    trigger: str
    start: int
    end: int
    sentence: int
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str | None
    quad_class: int
    goldstein: float
    status: Status
    date: EventDate
    rule: str
    reported_by: Actor | None = None
    provenance: Provenance | None = None

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "trigger": self.trigger, "start": self.start, "end": self.end, "sentence": self.sentence,
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "cameo": self.cameo, "cameo_root": self.cameo_root, "plover": self.plover,
            "quad_class": self.quad_class, "goldstein": self.goldstein, "status": self.status,
            "date": self.date.to_record(), "rule": self.rule,
        }
        if self.reported_by is not None:
            rec["reported_by"] = self.reported_by.to_record()
        if self.provenance is not None:
            rec["provenance"] = asdict(self.provenance)
        return rec


@dataclass
class Quote:
    speaker: Actor | None
    start: int
    end: int
    text: str
    direct: bool
    reported_by: Actor | None = None
    rule: str | None = None

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {
            "speaker": self.speaker.to_record() if self.speaker else None,
            "quote": {"start": self.start, "end": self.end, "text": self.text},
            "direct": self.direct,
            "rule": self.rule,
        }
        if self.reported_by is not None:
            rec["reported_by"] = self.reported_by.to_record()
        return rec


@dataclass
class CodedArticle:
    """Everything Grotius found in one document: the unit the store, exports and ``grotius code``
    work on."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) char offsets

    def to_record(self) -> dict[str, Any]:
        """One line of ``grotius code --jsonl``: the record id the caller gave, else the content id."""
        return {
            "id": self.document.meta.get("record_id", self.document.id),
            "events": [e.to_record() for e in self.events],
            "quotes": [q.to_record() for q in self.quotes],
            "timexes": [t.to_record() for t in self.timexes],
            "actors": [a.to_record() for a in self.actors],
        }
