"""The corpus's source mix: whose voices the stored coverage rests on.

Counts and shares of the stored sources (nlp/sources) by kind, country, anonymity, gender or
outlet, for an outlet, a period (the article's date) and a topic (full-text search over the
articles), with the most-quoted sources; and the condition that lists the quotes behind one
bar. Every answer is one or two GROUP BY queries over the `sources` table and its indexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select, text

from dateline.errors import DatelineError
from dateline.store.models import ArticleRow, QuoteRow, SourceQuoteRow, SourceRow
from dateline.store.repository import Store, _contains, _fts5_query, _terms, date_conditions

DIMENSIONS = ("kind", "country", "anonymity", "gender", "outlet")
TOP = 10


class SourceDimensionError(DatelineError):
    """A `by` the mix does not count by."""

    code = "D411"

    def __init__(self, by: str) -> None:
        super().__init__(f"cannot count sources by {by!r}: use one of {', '.join(DIMENSIONS)}")


@dataclass(frozen=True, slots=True)
class SourceSelection:
    """Which stored articles' sources: an outlet (part of its site's name), a topic (words
    the article holds), a period (the article's date, ISO)."""

    outlet: str | None = None
    about: str | None = None
    since: str | None = None
    until: str | None = None

    def conditions(self, dialect: str) -> list[ColumnElement[bool]]:
        found = [*date_conditions(SourceRow.day, self.since, self.until)]
        if self.outlet:
            found.append(_contains(SourceRow.outlet, self.outlet))
        if self.about and _terms(self.about):
            found.append(SourceRow.article_pk.in_(_articles_about(self.about, dialect)))
        return found


def _articles_about(words: str, dialect: str) -> Any:
    """The pks of the articles whose title or text holds every word (the store's index)."""
    if dialect == "postgresql":
        document = func.to_tsvector(
            "english", func.coalesce(ArticleRow.title, "") + " " + ArticleRow.text
        )
        query = func.plainto_tsquery("english", " ".join(_terms(words)))
        return select(ArticleRow.pk).where(document.bool_op("@@")(query))
    matching = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :about")
    return matching.bindparams(about=_fts5_query(words)).columns(rowid=ArticleRow.pk.type)


@dataclass(frozen=True, slots=True)
class SourceBar:
    """One bar of the mix (sources whose `by` is `value`, in the selection): the quotes
    those sources give, as a condition the store's quote query takes."""

    by: str
    value: str | None
    selection: SourceSelection = SourceSelection()

    def __post_init__(self) -> None:
        if self.by not in DIMENSIONS:
            raise SourceDimensionError(self.by)

    def quote_condition(self, dialect: str) -> ColumnElement[bool]:
        column = getattr(SourceRow, self.by)
        matches = column.is_(None) if self.value in (None, "") else column == self.value
        return exists(
            select(SourceQuoteRow.pk)
            .join(SourceRow, SourceRow.pk == SourceQuoteRow.source_pk)
            .where(
                SourceQuoteRow.article_pk == QuoteRow.article_pk,
                SourceQuoteRow.quote_local == QuoteRow.local_id,
                and_(matches, *self.selection.conditions(dialect)),
            )
        )


@dataclass(frozen=True, slots=True)
class SourceShare:
    """One bar: the sources with this value, the claims they make, and their shares."""

    value: str | None
    sources: int
    claims: int
    share: float
    claim_share: float


@dataclass(frozen=True, slots=True)
class TopSource:
    """One of the most-quoted sources: its name (or the words that stand for it)."""

    label: str
    kind: str
    anonymity: str
    country: str | None
    claims: int
    articles: int


@dataclass(frozen=True, slots=True)
class SourceMix:
    by: str
    articles: int
    sources: int
    claims: int
    shares: list[SourceShare]
    top: list[TopSource]


def source_mix(
    store: Store, selection: SourceSelection, by: str = "kind", top: int = TOP
) -> SourceMix:
    """Counts and shares of the selection's sources by `by`, largest first, and its `top`
    most-quoted named sources (none asked, no query for them)."""
    if by not in DIMENSIONS:
        raise SourceDimensionError(by)
    where = selection.conditions(store.dialect)
    column = getattr(SourceRow, by)
    claims = func.sum(SourceRow.direct + SourceRow.reported)
    grouped = (
        select(column, func.count(), claims)
        .where(*where)
        .group_by(column)
        .order_by(func.count().desc(), column)
    )
    totals = select(func.count(), claims, func.count(SourceRow.article_pk.distinct())).where(*where)
    most = (
        select(
            SourceRow.label,
            SourceRow.kind,
            SourceRow.anonymity,
            func.max(SourceRow.country),
            claims,
            func.count(SourceRow.article_pk.distinct()),
        )
        .where(*where, SourceRow.anonymity == "named")
        .group_by(SourceRow.label, SourceRow.kind, SourceRow.anonymity)
        .order_by(claims.desc(), SourceRow.label)
        .limit(top)
    )
    with store.engine.connect() as connection:
        count, claimed, articles = connection.execute(totals).one()
        rows = connection.execute(grouped).all()
        leaders = connection.execute(most).all() if top else []
    count, claimed = int(count or 0), int(claimed or 0)
    shares = [
        SourceShare(
            value,
            int(n),
            int(c or 0),
            round(n / count, 4) if count else 0.0,
            round((c or 0) / claimed, 4) if claimed else 0.0,
        )
        for value, n, c in rows
    ]
    return SourceMix(
        by,
        int(articles or 0),
        count,
        claimed,
        shares,
        [TopSource(r[0], r[1], r[2], r[3], int(r[4] or 0), int(r[5])) for r in leaders],
    )
