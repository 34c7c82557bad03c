"""Query parameters shared by the API and the pages, validated up front: anything malformed is a
422 with a message naming the parameter, before a query is built."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from grotius.datamodel import PubDate
from grotius.serve.queries import EventFilter

STATUSES = ("asserted", "reported", "planned", "conditional", "hypothetical", "negated", "questioned")
STATUSES_OR_EMPTY = (*STATUSES, "")  # HTML forms send empty fields
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
# Empty values mean "no filter" (what an HTML form sends for an empty field).
# Printable text only: NUL and other control characters would upset PostgreSQL and serve no search.
TEXT = r"^[^\x00-\x1f\x7f]*$"
CODE = r"^[A-Za-z0-9]{1,24}$"
ACTOR = r"^[^\x00-\x1f\x7f,]{0,80}$"  # a code prefix or an exact name
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


def unprocessable(param: str, message: str) -> HTTPException:
    """The same shape as FastAPI's own validation errors."""
    return HTTPException(422, detail=[{"loc": ["query", param], "msg": message, "type": "value_error"}])


def parse_date(param: str, value: str | None, last: bool) -> date | None:
    """``since=2021-12`` starts on 1 December; ``until=2021-12`` ends on 31 December."""
    if value is None or value == "":
        return None
    try:
        pub = PubDate.parse(value)
    except ValueError as exc:
        raise unprocessable(param, str(exc)) from None
    return pub.last_day if last else pub.first_day


def parse_pair(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise unprocessable("pair", "pair must be two actors separated by a comma, e.g. RUS,USA")
    return parts[0], parts[1]


def event_filter(
    actor: Annotated[str | None, Query(pattern=ACTOR, description="actor code prefix (RUS) or exact name")] = None,
    source: Annotated[str | None, Query(pattern=ACTOR, description="source actor code prefix or name")] = None,
    target: Annotated[str | None, Query(pattern=ACTOR, description="target actor code prefix or name")] = None,
    pair: Annotated[str | None, Query(max_length=161, pattern=TEXT, description="A,B: events between A and B")] = None,
    country: Annotated[str | None, Query(pattern=r"^([A-Za-z]{3})?$", description="ISO alpha-3")] = None,
    cameo: Annotated[str | None, Query(pattern=r"^(\d{2,4})?$", description="CAMEO code prefix")] = None,
    plover: Annotated[str | None, Query(pattern=r"^([A-Za-z_]{2,24})?$", description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    status: Annotated[Literal[STATUSES_OR_EMPTY] | None, Query(description="a report with this status")] = None,  # type: ignore[valid-type]
    since: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=TEXT, description="words in trigger or actors")] = None,
) -> EventFilter:
    return EventFilter(
        actor=actor or None, source=source or None, target=target or None, pair=parse_pair(pair),
        country=country or None, cameo=cameo or None, plover=plover or None, quad_class=quad_class,
        status=status or None, since=parse_date("since", since, last=False),
        until=parse_date("until", until, last=True),
        q=q.strip() or None if q else None,
    )


@dataclass
class Page:
    limit: int
    offset: int


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page:
    return Page(limit, offset)
