"""The issue pages: every holder's stance on one issue over time, as a timeline drawn on the
server in plain SVG (no script, nothing fetched), and the list of issues the corpus holds.

A lane per holder, a mark per position at its day, coloured by stance; each mark links to the
words that state it in its article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from dateline.store.models import PositionRow
from dateline.store.positions import Lane, PositionResult, lanes, positions_on_issue, sides
from dateline.web.pages import _store, article_href, open_pages, render

router = APIRouter(include_in_schema=False, dependencies=[Depends(open_pages)])

# The chart's geometry, in SVG user units.
LABEL_WIDTH = 200
PLOT_WIDTH = 640
LANE_HEIGHT = 34
TOP = 24
MARK_RADIUS = 7


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    stance: str
    title: str
    href: str


@dataclass(frozen=True, slots=True)
class Row:
    """One holder's lane: their name, latest stance, and marks."""

    name: str
    y: float
    stance: str
    marks: list[Mark]


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    rows: list[Row]
    first: str
    last: str
    undated: int


def issue_chart(found: list[PositionResult]) -> Chart:
    """Where each dated position goes on the timeline (undated ones are listed, not drawn)."""
    held = lanes(found)
    days = sorted({_ordinal(p.day) for p in found if p.day})
    low, high = (days[0], days[-1]) if days else (0, 1)
    span = max(high - low, 1)

    def x_of(day: str) -> float:
        return LABEL_WIDTH + 12 + (_ordinal(day) - low) / span * (PLOT_WIDTH - 24)

    rows = [_row(lane, TOP + number * LANE_HEIGHT, x_of) for number, lane in enumerate(held)]
    dated = [p.day for p in found if p.day]
    return Chart(
        width=LABEL_WIDTH + PLOT_WIDTH,
        height=TOP + LANE_HEIGHT * max(len(rows), 1) + 24,
        rows=rows,
        first=min(dated) if dated else "",
        last=max(dated) if dated else "",
        undated=sum(1 for p in found if not p.day),
    )


def _row(lane: Lane, y: float, x_of: Callable[[str], float]) -> Row:
    marks = [
        Mark(
            x=x_of(p.day),
            y=y,
            stance=p.stance,
            title=f"{p.day} · {p.holder_name}: {p.stance} — “{p.evidence_text}”",
            href=article_href(p.source.article_id, p.start),
        )
        for p in lane.positions
        if p.day
    ]
    return Row(lane.name, y, lane.positions[-1].stance, marks)


def _ordinal(day: str | None) -> int:
    """A day, month or year as a day number: a month or year stands at its first day."""
    parts = (day or "1970").split("-")
    year, month, dom = (int(parts[0]), *(int(p) for p in parts[1:3]), 1, 1)[:3]
    return date(year, month, dom).toordinal()


@router.get("/issues", response_class=HTMLResponse)
def issues(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Response:
    """The issues most positions are taken on."""
    query = (
        select(PositionRow.target_key, func.count(), func.count(PositionRow.holder_name.distinct()))
        .group_by(PositionRow.target_key)
        .order_by(func.count().desc(), PositionRow.target_key)
        .limit(limit)
    )
    with _store(request).engine.connect() as connection:
        found = [tuple(row) for row in connection.execute(query)]
    return render(request, "issues.html", issues=found)


@router.get("/issues/{key:path}", response_class=HTMLResponse)
def issue(request: Request, key: str) -> Response:
    found = positions_on_issue(_store(request), key)
    if not found:
        return render(request, "message.html", 404, title="No such issue",
                      message=f"No stored position is about {key}.")  # fmt: skip
    return render(request, "issue.html", key=key, chart=issue_chart(found), positions=found,
                  sides=sides(found))  # fmt: skip
