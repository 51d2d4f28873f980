"""Positions over time: who stands where on what, asked of the store.

`query_positions` answers `dateline positions`, `/api/positions` and the issue and actor
pages; `stance_changes` finds where a holder's stance on one target changed between two
dated positions, each with its evidence. Kept beside `repository.py` as plain functions over
a `Store`, as `browse.py` is, answering with frozen values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import aliased

from dateline.store.models import ArticleRow, EntityRow, PositionRow
from dateline.store.repository import (
    DEFAULT_LIMIT,
    Store,
    date_conditions,
    source_columns,
    source_of,
)
from dateline.store.results import Source


@dataclass(frozen=True, slots=True)
class PositionResult:
    """One stored position, with the words that state it and the article they are in."""

    day: str | None
    holder_name: str | None
    holder_key: str | None  # the holder's corpus key, after resolution
    stance: str
    target_key: str
    target_text: str
    cue: str
    condition: str | None
    evidence_kind: str  # "quote" or "event"
    evidence_text: str
    start: int  # where the cue stands in its article
    source: Source
    end: int = 0  # where the cue ends
    date: str | None = None  # as the record gives it (a day, or a coarser ISO value)
    holder_id: str | None = None  # the holder's entity id in its article's record ("e1")

    @property
    def holder(self) -> str:
        """Who holds it, as one name across articles: the corpus key where there is one."""
        return self.holder_key or (self.holder_name or "?").casefold()


@dataclass(frozen=True, slots=True)
class StanceChange:
    """A holder's stance on one target, changed between two dated positions."""

    holder: str
    target_key: str
    before: PositionResult
    after: PositionResult


def query_positions(
    store: Store,
    *,
    holder: str | None = None,
    target: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> list[PositionResult]:
    """Positions of a holder (part of the name, or the corpus key), on a target (its key, or
    part of its key or words), about words (in the target), between two ISO dates; in date
    order, undated last."""
    conditions: list[ColumnElement[bool]] = [*date_conditions(PositionRow.day, since, until)]
    holder_row = _holder_entity()
    if holder:
        conditions.append(
            or_(_contains(PositionRow.holder_name, holder), holder_row.corpus_key == holder)
        )
    for words in (target, about):
        if words:
            conditions.append(
                or_(
                    PositionRow.target_key == words,
                    _contains(PositionRow.target_key, words),
                    _contains(PositionRow.target_text, words),
                )
            )
    return _run(store, conditions, holder_row, limit)


def positions_of_holder(store: Store, key: str, limit: int = 200) -> list[PositionResult]:
    """The positions of one corpus participant (by key), for their page."""
    holder_row = _holder_entity()
    return _run(store, [holder_row.corpus_key == key], holder_row, limit)


def positions_on_issue(store: Store, key: str, limit: int = 2000) -> list[PositionResult]:
    """Every position on one issue (its exact key), for the issue's page."""
    return _run(store, [PositionRow.target_key == key], _holder_entity(), limit)


def _holder_entity() -> Any:
    return aliased(EntityRow)


def _run(
    store: Store, conditions: list[ColumnElement[bool]], holder_row: Any, limit: int | None
) -> list[PositionResult]:
    query = (
        select(
            PositionRow.__table__,
            holder_row.corpus_key.label("holder_key"),
            *source_columns(),
        )
        .join(ArticleRow, ArticleRow.pk == PositionRow.article_pk)
        .outerjoin(
            holder_row,
            and_(
                holder_row.article_pk == PositionRow.article_pk,
                holder_row.local_id == PositionRow.holder_local,
            ),
        )
        .where(*conditions)
        .order_by(PositionRow.day.is_(None), PositionRow.day, PositionRow.pk)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [_result(found) for found in connection.execute(query)]


def _result(found: Any) -> PositionResult:
    return PositionResult(
        day=found.day,
        holder_name=found.holder_name,
        holder_key=found.holder_key,
        stance=found.stance,
        target_key=found.target_key,
        target_text=found.target_text,
        cue=found.cue_text,
        condition=found.condition,
        evidence_kind=found.evidence_kind,
        evidence_text=found.evidence_text,
        start=found.cue_start,
        source=source_of(found),
        end=found.cue_end,
        date=found.date,
        holder_id=found.holder_local,
    )


def stance_changes(found: Iterable[PositionResult]) -> list[StanceChange]:
    """Where a holder's stance on a target differs from their stance before it, in date
    order (undated positions have no before or after, so they change nothing)."""
    last: dict[tuple[str, str], PositionResult] = {}
    changes = []
    for position in sorted((p for p in found if p.day), key=lambda p: p.day or ""):
        mark = (position.holder, position.target_key)
        before = last.get(mark)
        if before is not None and before.stance != position.stance:
            changes.append(StanceChange(mark[0], mark[1], before, position))
        last[mark] = position
    return changes


def sides(found: Iterable[PositionResult]) -> dict[str, list[str]]:
    """Who is for and who against: each holder under the stance of their latest position
    (dated ones first in date order, so an undated one never overrides a dated one)."""
    latest: dict[str, PositionResult] = {}
    for position in sorted(found, key=lambda p: (p.day is not None, p.day or "")):
        latest[position.holder] = position
    grouped: dict[str, list[str]] = {}
    for position in latest.values():
        grouped.setdefault(position.stance, []).append(position.holder_name or position.holder)
    return {stance: sorted(names) for stance, names in sorted(grouped.items())}


@dataclass(frozen=True, slots=True)
class Lane:
    """One holder's row on an issue's timeline: their positions, oldest first."""

    holder: str
    name: str
    positions: Sequence[PositionResult]


def lanes(found: Iterable[PositionResult]) -> list[Lane]:
    """The positions on an issue by holder, the holder heard first first."""
    by_holder: dict[str, list[PositionResult]] = {}
    for position in found:
        by_holder.setdefault(position.holder, []).append(position)
    return [
        Lane(holder, held[0].holder_name or holder, held)
        for holder, held in sorted(by_holder.items(), key=lambda item: item[1][0].day or "~")
    ]


def _contains(column: Any, part: str) -> ColumnElement[bool]:
    escaped = part.replace("\x00", "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped.lower()}%", escape="\\")
