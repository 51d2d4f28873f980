"""Questions the web pages and the REST API ask that the CLI does not: the stored articles a
page at a time, and who a corpus participant is (their names, roles, countries).

Kept beside `repository.py` as plain functions over a `Store`, so the repository stays as the
corpus work left it; each answers with plain frozen values, like `dateline.store.results`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from dateline.names import name_words
from dateline.store.models import ArticleRow, EntityRow, MentionRow
from dateline.store.repository import Store, date_conditions
from dateline.store.results import Source


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One stored article in a listing; `position` orders the listing (for cursors)."""

    position: int
    source: Source
    stored_at: str


@dataclass(frozen=True, slots=True)
class Participant:
    """Everything the corpus says of one participant (one corpus key): the forms of their
    name, their roles and countries, most frequent first, and how often they appear."""

    key: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    countries: list[str]
    mentions: int
    articles: int


def list_articles(
    store: Store,
    *,
    after: int = 0,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
) -> list[ArticleEntry]:
    """Stored articles in the order they were stored, those after position `after` (a page
    ends at the last position it shows: the next page starts after it), published between
    two ISO dates when asked."""
    query = (
        select(
            ArticleRow.pk,
            ArticleRow.id,
            ArticleRow.source_id,
            ArticleRow.title,
            ArticleRow.url,
            ArticleRow.published,
            ArticleRow.stored_at,
        )
        .where(ArticleRow.pk > after)
        .order_by(ArticleRow.pk)
        .limit(limit)
    )
    query = query.where(*date_conditions(ArticleRow.published, since, until))
    with store.engine.connect() as connection:
        return [
            ArticleEntry(
                position=found.pk,
                source=Source(found.id, found.source_id, found.title, found.url, found.published),
                stored_at=found.stored_at.isoformat() if found.stored_at else "",
            )
            for found in connection.execute(query)
        ]


def entity_keys(store: Store, article_id: str) -> dict[str, str]:
    """The corpus key of each entity of one stored article, by its local id ("e1")."""
    query = (
        select(EntityRow.local_id, EntityRow.corpus_key)
        .join(ArticleRow, ArticleRow.pk == EntityRow.article_pk)
        .where(ArticleRow.id == article_id, EntityRow.corpus_key.is_not(None))
    )
    with store.engine.connect() as connection:
        return {local_id: key for local_id, key in connection.execute(query)}


def participant(store: Store, key: str) -> Participant | None:
    """Who the participant with this corpus key is, or None when no entity has the key."""
    query = select(
        EntityRow.pk, EntityRow.article_pk, EntityRow.name, EntityRow.type, EntityRow.role,
        EntityRow.country,
    ).where(EntityRow.corpus_key == key).order_by(EntityRow.pk)  # fmt: skip
    with store.engine.connect() as connection:
        found = connection.execute(query).all()
        if not found:
            return None
        mentions = connection.scalar(
            select(func.count()).where(MentionRow.entity_pk.in_([row.pk for row in found]))
        )
    names = Counter(row.name for row in found)
    # The fullest form of the name itself, without a title before it ("Juha Korhonen", not
    # "Mayor Juha Korhonen" nor "Korhonen").
    longest_first = sorted(
        names,
        key=lambda name: (-len(name_words(name)), len(name.split()), -names[name], name),
    )
    return Participant(
        key=key,
        name=longest_first[0],
        type=Counter(row.type for row in found).most_common(1)[0][0],
        aliases=[name for name, _ in names.most_common()],
        roles=_distinct_folded(r.role for r in found if r.role),
        countries=[c for c, _ in Counter(r.country for r in found if r.country).most_common()],
        mentions=int(mentions or 0),
        articles=len({row.article_pk for row in found}),
    )


def _distinct_folded(values: Iterable[str]) -> list[str]:
    """Values most frequent first, one per case-folded form ("Port Minister", "port
    minister"), each in its most frequent spelling."""
    counts = Counter(values)
    chosen: dict[str, str] = {}
    for value, _ in counts.most_common():
        chosen.setdefault(value.casefold(), value)
    return list(chosen.values())


def find_participant_key(store: Store, name: str) -> str | None:
    """The corpus key of the participant a name most likely means: an entity of exactly that
    name (any case) first, else one whose name contains it; the most frequent key wins."""
    folded = name.strip().casefold()
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    for condition in (
        func.lower(EntityRow.name) == folded,
        func.lower(EntityRow.name).like(f"%{escaped}%", escape="\\"),
    ):
        query = (
            select(EntityRow.corpus_key, func.count().label("n"))
            .where(condition, EntityRow.corpus_key.is_not(None))
            .group_by(EntityRow.corpus_key)
            .order_by(func.count().desc(), EntityRow.corpus_key)
            .limit(1)
        )
        with store.engine.connect() as connection:
            found = connection.execute(query).first()
        if found is not None:
            return str(found.corpus_key)
    return None


@dataclass(frozen=True, slots=True)
class ParticipantEntry:
    """A dated quote or event of one participant, with the span it came from, so a page can
    link each line to its sentence. `what` is "quote" or the event type."""

    day: str | None
    what: str
    summary: str
    role: str  # "speaker", "actor" or "recipient"
    start: int
    end: int
    source: Source


def participant_timeline(store: Store, found: Participant) -> list[ParticipantEntry]:
    """What one participant said and did, oldest first, undated last: the store's quote and
    event queries by each form of their name, kept where the speaker or a participant has
    their corpus key (so a namesake's words are left out)."""
    entries: dict[tuple[str, str, int], ParticipantEntry] = {}
    for alias in found.aliases:
        for q in store.query_quotes(speaker=alias, limit=None):
            if q.speaker_key == found.key:
                entries[(q.source.article_id, "q", q.start)] = ParticipantEntry(
                    q.day, "quote", q.content, "speaker", q.start, q.end, q.source
                )
        for v in store.query_events(actor=alias, limit=None):
            role = "actor" if v.actor_key == found.key else "recipient"
            if found.key not in (v.actor_key, v.recipient_key):
                continue
            summary = f"{v.actor_name or '?'} {v.trigger} {v.recipient_name or ''}".strip()
            entries[(v.source.article_id, "v", v.trigger_start)] = ParticipantEntry(
                v.day, v.type, summary, role, v.sentence_start, v.sentence_end, v.source
            )
    return sorted(entries.values(), key=lambda e: (e.day is None, e.day or "", e.what))


def place_points(store: Store) -> dict[str, tuple[float, float]]:
    """Where each resolved place name of the corpus is, as (lon, lat): the position it is
    named at most often, for facts that carry a place's name only (quotes)."""
    points: dict[str, tuple[float, float]] = {}
    for found in sorted(store.places(), key=lambda p: -p.mentions):
        points.setdefault(found.name, (found.lon, found.lat))
    return points


@dataclass(frozen=True, slots=True)
class RoleOverTime:
    """A role a participant is given, and the dates of the first and last article that give
    it (ISO, None when undated): "Defence Minister" until May, "Prime Minister" since."""

    role: str
    first: str | None
    last: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """One identity of the corpus (one corpus key): the forms of its name, most frequent
    first, its roles over time, its countries, and in how many articles it appears."""

    key: str
    name: str
    type: str
    aliases: list[str]
    roles: list[RoleOverTime]
    countries: list[str]
    articles: int


def corpus_entities(
    store: Store, *, name: str | None = None, type: str | None = None, limit: int | None = 100
) -> list[CorpusEntity]:
    """The corpus's identities, those appearing in most articles first: those with a form
    of the name containing `name` (any case), of the type `type` (as resolution decided
    it: the key's prefix, "PERSON" for `person:…`)."""
    rows = select(
        EntityRow.corpus_key, EntityRow.name, EntityRow.role, EntityRow.country,
        EntityRow.article_pk, ArticleRow.published,
    ).join(ArticleRow, ArticleRow.pk == EntityRow.article_pk).where(
        EntityRow.corpus_key.is_not(None)
    )  # fmt: skip
    if type:
        rows = rows.where(
            EntityRow.corpus_key.startswith(f"{type.strip().lower()}:", autoescape=True)
        )
    if name and name.strip():
        escaped = name.strip().casefold().replace("\\", "\\\\").replace("%", "\\%")
        escaped = escaped.replace("_", "\\_")
        named = select(EntityRow.corpus_key).where(
            func.lower(EntityRow.name).like(f"%{escaped}%", escape="\\")
        )
        rows = rows.where(EntityRow.corpus_key.in_(named.scalar_subquery()))
    by_key: dict[str, list[Any]] = {}
    with store.engine.connect() as connection:
        for found in connection.execute(rows):
            by_key.setdefault(found.corpus_key, []).append(found)
    listed = sorted(
        by_key.items(), key=lambda item: (-len({r.article_pk for r in item[1]}), item[0])
    )
    return [_corpus_entity(key, found) for key, found in listed[:limit]]


def _corpus_entity(key: str, found: list[Any]) -> CorpusEntity:
    names = Counter(row.name for row in found)
    longest_first = sorted(names, key=lambda n: (-len(name_words(n)), len(n.split()), -names[n], n))
    return CorpusEntity(
        key=key,
        name=longest_first[0],
        type=key.split(":", 1)[0].upper(),
        aliases=[n for n, _ in names.most_common()],
        roles=_roles_over_time(found),
        countries=[c for c, _ in Counter(r.country for r in found if r.country).most_common()],
        articles=len({row.article_pk for row in found}),
    )


def _roles_over_time(found: list[Any]) -> list[RoleOverTime]:
    """Each role (one per case-folded form), in the order it was first given."""
    spans: dict[str, list[Any]] = {}
    for row in found:
        if row.role:
            spans.setdefault(row.role.casefold(), []).append(row)
    roles = []
    for rows in spans.values():
        dates = sorted(r.published for r in rows if r.published)
        spelling = Counter(r.role for r in rows).most_common(1)[0][0]
        articles = len({r.article_pk for r in rows})
        roles.append(
            RoleOverTime(
                spelling, dates[0] if dates else None, dates[-1] if dates else None, articles
            )
        )
    return sorted(roles, key=lambda r: (r.first is None, r.first or "", r.role))
