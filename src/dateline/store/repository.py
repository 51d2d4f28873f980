"""The store: analysis records kept in SQLite (default) or PostgreSQL, and the questions the
CLI and the REST API ask of them.

    with open_store("dateline.db") as store:            # or "postgresql://user@host/db"
        store.save_records(records)                      # one transaction per batch
        for quote in store.query_quotes(speaker="Lindqvist", about="cables"):
            ...

Writes are made by one `Store` at a time (the ingest's writer); reads may come from anywhere.
Every query answers with the plain values of `dateline.store.results`.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import aliased

from dateline.errors import DatelineError
from dateline.ingest.dates import parse_iso_date
from dateline.record_types import AnalysisRecord
from dateline.store import rows
from dateline.store.models import (
    ArticleRow,
    EntityRow,
    EventRow,
    FailureRow,
    IdentityOverrideRow,
    MentionRow,
    PlaceRow,
    PositionRow,
    QuoteRow,
    SourceQuoteRow,
    SourceRow,
    TimeRow,
)
from dateline.store.overrides import MERGE, SPLIT, Override, Overrides, split_key
from dateline.store.results import (
    EventResult,
    Failure,
    NamedEntity,
    PlaceResult,
    QuoteResult,
    SearchHit,
    Source,
    TimelineEntry,
)
from dateline.version import VERSION


class QuoteSelector(Protocol):
    """What picks quotes beyond the quote's own columns (a bar of the source mix,
    `dateline.store.sources.SourceBar`): a condition on `quotes`."""

    def quote_condition(self, dialect: str) -> ColumnElement[bool]: ...


# Cross-article resolution: every stored entity's name and facts to its corpus key.
KeyResolver = Callable[[Iterable[NamedEntity]], dict[NamedEntity, str]]

log = logging.getLogger(__name__)

DEFAULT_DB = "dateline.db"
DEFAULT_LIMIT = 100
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(DatelineError):
    """The store cannot be opened or used (bad URL, missing driver, server down)."""

    code = "D401"


class IdentityError(DatelineError):
    """A correction of identities names a key or an article the store does not hold."""

    code = "D403"


@dataclass(frozen=True, slots=True)
class SaveSummary:
    """What one `save_records` call did; `article_ids` are those of the articles stored."""

    stored: int = 0
    skipped: int = 0
    failures: int = 0
    article_ids: tuple[str, ...] = ()


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from what a user gives: a URL, or a path to an SQLite file."""
    db = db or DEFAULT_DB
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def open_store(db: str | None = None, *, create: bool = True) -> Store:
    """The store at `db` (a path or URL; default ./dateline.db), its schema migrated to the
    newest version. `create=False` refuses an SQLite file that does not exist yet."""
    url = database_url(db)
    if not create and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"{path}: no store here yet; run `dateline ingest` first")
    try:
        engine = _engine(url)
        migrate(engine)
    except (ArgumentError, NoSuchModuleError, OperationalError, ImportError) as error:
        raise StoreError(f"cannot open the store {_safe(url)}: {error}") from error
    return Store(engine)


_SQLITE_TIMEOUT_SECONDS = 60


def _engine(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    # isolation_level=None: the driver begins no transaction of its own, so the "begin"
    # hook below says how each one begins, and DDL runs inside it (SQLAlchemy's recipe).
    engine = create_engine(
        url, connect_args={"timeout": _SQLITE_TIMEOUT_SECONDS, "isolation_level": None}
    )

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(connection: Any, _record: Any) -> None:
        # WAL: readers never block the writer; foreign_keys: deleting an article deletes
        # its facts; NORMAL sync is safe under WAL and much faster per commit.
        cursor = connection.cursor()
        _set_wal(cursor)
        for pragma in ("foreign_keys=ON", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Connection) -> None:
        # A writer takes the write lock when it begins, not at its first write: two ingests
        # then queue, each reading what the other committed, instead of one failing with
        # "database is locked" or a UNIQUE error on an article the other just stored.
        writes = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _set_wal(cursor: Any) -> None:
    """Switch a store to WAL. The switch needs the database to itself, and SQLite answers
    "database is locked" at once, without its busy timeout, while another process is opening
    or writing the same new store: so wait and try again, as the busy timeout would."""
    deadline = time.monotonic() + _SQLITE_TIMEOUT_SECONDS
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


_WRITE = "dateline_write"
# Any fixed number: every Dateline process migrating a PostgreSQL store takes this lock.
_MIGRATION_LOCK = 0x0DA7E11E


def write_transaction(engine: Engine) -> Any:
    """A transaction that writes: on SQLite it holds the write lock from its start."""
    return engine.execution_options(**{_WRITE: True}).begin()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision shipped with this package."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Two processes opening a new store at once must not both create its tables: SQLite's
    # write lock (taken at BEGIN) or PostgreSQL's advisory lock makes the second wait, and
    # then find the schema at its newest revision.
    with write_transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


class Store:
    """The repository over one database. Create it with `open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # -- writing -------------------------------------------------------------------------

    def save_record(self, record: AnalysisRecord, *, replace: bool = False) -> bool:
        """Store one analysis record; False when its article was already stored (and
        `replace` was not asked for)."""
        return self.save_records([record], replace=replace).stored == 1

    def save_records(
        self,
        records: Iterable[AnalysisRecord],
        *,
        failures: Iterable[tuple[str, str]] = (),
        replace: bool = False,
    ) -> SaveSummary:
        """Store records and `(input, reason)` failures in ONE transaction: after a crash
        either all of them are in the store or none is, so an ingest can resume safely.

        An article already stored is skipped, or with `replace` stored anew with its facts.
        Storing an input successfully clears the failures recorded for it before.
        """
        stored: list[str] = []
        skipped = 0
        failures = list(failures)
        with write_transaction(self.engine) as connection:
            for record in records:
                if self._save(connection, record, replace):
                    stored.append(record["article"]["id"])
                else:
                    skipped += 1
            for source, reason in failures:
                self._record_failure(connection, source, reason)
        return SaveSummary(
            stored=len(stored),
            skipped=skipped,
            failures=len(failures),
            article_ids=tuple(stored),
        )

    def record_failure(self, source: str, reason: str) -> None:
        """Note that `source` could not be stored, and why (the latest reason replaces any
        earlier one for the same input)."""
        with write_transaction(self.engine) as connection:
            self._record_failure(connection, source, reason)

    def _save(self, connection: Connection, record: AnalysisRecord, replace: bool) -> bool:
        article_id = record["article"]["id"]
        existing = connection.scalar(select(ArticleRow.pk).where(ArticleRow.id == article_id))
        if existing is not None:
            if not replace:
                return False
            connection.execute(delete(ArticleRow).where(ArticleRow.pk == existing))
        # Another writer may store the same text between the look and the insert (on
        # PostgreSQL, which has no write lock to queue on): then it is "already stored".
        article_pk = connection.scalar(
            self._insert_new(ArticleRow).returning(ArticleRow.pk),
            rows.article_row(record, str(record.get("dateline", VERSION))),
        )
        if article_pk is None:
            return False
        entity_pks = self._insert_entities(connection, record, article_pk)
        self._insert_sources(connection, record, article_pk)
        for model, built in (
            (MentionRow, list(rows.mention_rows(record, article_pk, entity_pks))),
            (QuoteRow, rows.quote_rows(record, article_pk)),
            (EventRow, rows.event_rows(record, article_pk)),
            (PlaceRow, rows.place_rows(record, article_pk)),
            (TimeRow, rows.time_rows(record, article_pk)),
            (PositionRow, rows.position_rows(record, article_pk)),
        ):
            if built:
                connection.execute(insert(model), built)
        source_id = record["article"].get("source_id")
        if source_id:
            connection.execute(delete(FailureRow).where(FailureRow.input == source_id))
        return True

    def _insert_new(self, model: Any) -> Any:
        """An INSERT that skips a row whose unique id is taken, in this store's dialect."""
        if self.dialect == "postgresql":
            return postgresql_insert(model).on_conflict_do_nothing()
        return sqlite_insert(model).on_conflict_do_nothing()

    def _insert_entities(
        self, connection: Connection, record: AnalysisRecord, article_pk: int
    ) -> dict[str, int]:
        built = rows.entity_rows(record, article_pk)
        if not built:
            return {}
        returned = connection.execute(
            insert(EntityRow).returning(
                EntityRow.pk, EntityRow.local_id, sort_by_parameter_order=True
            ),
            built,
        )
        return {local_id: pk for pk, local_id in returned}

    def _insert_sources(
        self, connection: Connection, record: AnalysisRecord, article_pk: int
    ) -> None:
        built = rows.source_rows(record, article_pk)
        if not built:
            return
        returned = connection.execute(
            insert(SourceRow).returning(
                SourceRow.pk, SourceRow.local_id, sort_by_parameter_order=True
            ),
            built,
        )
        links = rows.source_quote_rows(record, article_pk, {local: pk for pk, local in returned})
        if links:
            connection.execute(insert(SourceQuoteRow), links)

    def _record_failure(self, connection: Connection, source: str, reason: str) -> None:
        connection.execute(delete(FailureRow).where(FailureRow.input == source))
        connection.execute(
            insert(FailureRow).values(input=source, reason=reason, failed_at=datetime.now(UTC))
        )

    def resolve_entities(self, corpus_keys: KeyResolver) -> int:
        """Give every stored entity the corpus key `corpus_keys` gives it (the resolver is
        `dateline.corpus.identity.corpus_keys`, which the store does not import), so the
        same participant has the same key in every article, the analyst's overrides
        applied over it; returns how many keys changed.

        Keys are recomputed over the whole corpus, since a full name stored later can settle
        who an earlier bare surname was; `resolve_articles` resolves a few new articles
        without reading the rest.
        """
        with write_transaction(self.engine) as connection:
            found = connection.execute(_entities_query()).all()
            return self._write_keys(connection, found, found, corpus_keys)

    def resolve_articles(self, article_ids: Sequence[str], corpus_keys: KeyResolver) -> int:
        """Give the entities of these (newly stored) articles their corpus keys, read against
        only the part of the corpus that can bear on them: the entities that share a
        person's surname with theirs, and every entity of the articles of those surnames
        published within the story window (`STORY_WINDOW_DAYS`) or undated. Keys already
        given elsewhere are left as they are; returns how many keys were set."""
        with write_transaction(self.engine) as connection:
            new = connection.execute(
                _entities_query().where(ArticleRow.id.in_(list(article_ids)))
            ).all()
            if not new:
                return 0
            context = self._neighbourhood(connection, new)
            return self._write_keys(connection, [*context, *new], new, corpus_keys)

    def _neighbourhood(self, connection: Connection, new: Sequence[Any]) -> list[Any]:
        """The stored entities that may bear on the identities of `new`'s (see
        `resolve_articles`); `new`'s own left out."""
        own = {row.article_pk for row in new}
        surnames = {row.surname for row in new if row.surname}
        people = {row.surname for row in new if row.surname and _is_person(row)}
        people |= set(
            connection.scalars(
                select(EntityRow.surname)
                .where(
                    EntityRow.surname.in_(surnames - people),
                    or_(EntityRow.type == "PERSON", EntityRow.gender.is_not(None)),
                )
                .distinct()
            )
        )
        names = {row.name for row in new if len(row.name.split()) > 1}
        namesakes = _entities_query().where(
            or_(EntityRow.surname.in_(people), EntityRow.name.in_(names)),
            EntityRow.article_pk.not_in(own),
        )
        found = {row.pk: row for row in connection.execute(namesakes)}
        articles = select(EntityRow.article_pk).where(EntityRow.surname.in_(people))
        window = _story_window([row.published for row in new])
        if window is not None:
            articles = articles.join(ArticleRow, ArticleRow.pk == EntityRow.article_pk).where(
                or_(ArticleRow.published.is_(None), ArticleRow.published.between(*window))
            )
        story = _entities_query().where(
            EntityRow.article_pk.in_(articles.distinct().scalar_subquery()),
            EntityRow.article_pk.not_in(own),
        )
        found.update((row.pk, row) for row in connection.execute(story))
        return list(found.values())

    def _write_keys(
        self,
        connection: Connection,
        read: Sequence[Any],
        written: Sequence[Any],
        corpus_keys: KeyResolver,
    ) -> int:
        """Resolve the entities `read`, and store the keys of those `written` (overrides
        applied) where they changed."""
        named = {row.pk: _named(row) for row in read}
        keys = corpus_keys(list(named.values()))
        overrides = self._overrides(connection)
        changed = []
        for row in written:
            key = keys[named[row.pk]]
            if overrides:
                key = overrides.apply(key, row.article_id)
            if row.corpus_key != key:
                changed.append({"entity_pk": row.pk, "key": key})
        if changed:
            connection.execute(
                update(EntityRow)
                .where(EntityRow.pk == bindparam("entity_pk"))
                .values(corpus_key=bindparam("key")),
                changed,
            )
        return len(changed)

    # -- the analyst's corrections of identities ----------------------------------------

    def _overrides(self, connection: Connection) -> Overrides:
        query = select(
            IdentityOverrideRow.kind,
            IdentityOverrideRow.key,
            IdentityOverrideRow.target,
            IdentityOverrideRow.article_id,
        ).order_by(IdentityOverrideRow.pk)
        return Overrides([Override(*found) for found in connection.execute(query)])

    def overrides(self) -> list[Override]:
        """Every correction of identities, in the order made."""
        with self.engine.connect() as connection:
            return [o for found in self._overrides(connection).by_key.values() for _, o in found]

    def merge_identities(self, key: str, into: str) -> int:
        """Make `key` the same participant as `into` from now on (kept as an override that
        every later resolution applies again); returns how many entities changed key."""
        for wanted in (key, into):
            if not self._key_exists(wanted):
                raise IdentityError(
                    f"no stored entity has the corpus key {wanted!r}: see `dateline entities`"
                )
        if key == into:
            raise IdentityError(f"{key!r} is merged into itself: give two different keys")
        with write_transaction(self.engine) as connection:
            self._add_override(connection, Override(MERGE, key, target=into))
            result = connection.execute(
                update(EntityRow).where(EntityRow.corpus_key == key).values(corpus_key=into)
            )
        return int(result.rowcount or 0)

    def split_identity(self, key: str, article_id: str) -> str:
        """Give `key`'s entities in one article a key of their own (kept as an override);
        returns the new key."""
        with write_transaction(self.engine) as connection:
            article_pk = connection.scalar(select(ArticleRow.pk).where(ArticleRow.id == article_id))
            if article_pk is None:
                raise IdentityError(
                    f"no stored article has the id {article_id!r}: give the sha256:… id that "
                    "`dateline entities --name` lists"
                )
            where = and_(EntityRow.article_pk == article_pk, EntityRow.corpus_key == key)
            if connection.scalar(select(func.count()).where(where)) == 0:
                raise IdentityError(
                    f"the article {article_id} has no entity with the key {key!r}: "
                    "see `dateline entities` for the keys of its participants"
                )
            self._add_override(connection, Override(SPLIT, key, article_id=article_id))
            new_key = split_key(key, article_id)
            connection.execute(update(EntityRow).where(where).values(corpus_key=new_key))
        return new_key

    def _key_exists(self, key: str) -> bool:
        with self.engine.connect() as connection:
            found = connection.scalar(select(EntityRow.pk).where(EntityRow.corpus_key == key))
        return found is not None

    def _add_override(self, connection: Connection, override: Override) -> None:
        connection.execute(
            insert(IdentityOverrideRow).values(
                kind=override.kind,
                key=override.key,
                target=override.target,
                article_id=override.article_id,
                made_at=datetime.now(UTC),
            )
        )

    # -- reading -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.stored_ids([article_id]))

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are already stored (one query per 500 ids)."""
        found: set[str] = set()
        with self.engine.connect() as connection:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start : start + 500])
                found.update(
                    connection.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(chunk)))
                )
        return found

    def corpus_keys_of(self, article_ids: Sequence[str]) -> dict[str, dict[str, str]]:
        """The corpus key of each entity of these articles: article id -> local id ("e1")
        -> key (500 articles a query)."""
        found: dict[str, dict[str, str]] = {}
        with self.engine.connect() as connection:
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start : start + 500])
                query = (
                    select(ArticleRow.id, EntityRow.local_id, EntityRow.corpus_key)
                    .join(ArticleRow, ArticleRow.pk == EntityRow.article_pk)
                    .where(ArticleRow.id.in_(chunk), EntityRow.corpus_key.is_not(None))
                )
                for article_id, local_id, key in connection.execute(query):
                    found.setdefault(article_id, {})[local_id] = key
        return found

    def count(self, what: str = "articles") -> int:
        """How many rows a table holds: articles, quotes, events, entities, places, failures."""
        models = {
            "articles": ArticleRow,
            "quotes": QuoteRow,
            "events": EventRow,
            "entities": EntityRow,
            "places": PlaceRow,
            "positions": PositionRow,
            "failures": FailureRow,
            "sources": SourceRow,
        }
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(models[what])) or 0)

    def record(self, article_id: str) -> AnalysisRecord | None:
        """The analysis record of one stored article, as it was produced."""
        with self.engine.connect() as connection:
            found = connection.scalar(select(ArticleRow.record).where(ArticleRow.id == article_id))
        return found.copy() if found is not None else None

    def records(self, article_ids: Iterable[str] | None = None) -> Iterator[AnalysisRecord]:
        """Every stored record in the order they were stored, or those of `article_ids` in
        the order given (fetched 500 at a time: databases cap the parameters of a query)."""
        with self.engine.connect() as connection:
            if article_ids is None:
                query = select(ArticleRow.record).order_by(ArticleRow.pk)
                for found in connection.execute(query.execution_options(yield_per=200)).scalars():
                    yield found.copy()
                return
            wanted = list(dict.fromkeys(article_ids))
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                keyed = select(ArticleRow.id, ArticleRow.record).where(ArticleRow.id.in_(chunk))
                by_id = {found.id: found.record for found in connection.execute(keyed)}
                yield from (by_id[i].copy() for i in chunk if i in by_id)

    def query_quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        limit: int | None = DEFAULT_LIMIT,
        given_by: QuoteSelector | None = None,
    ) -> list[QuoteResult]:
        """Quotes by a speaker (any part of the name, any case), about words (full-text search
        over the quoted words), said between two ISO dates (the quote's date, else its
        article's; `until` includes the whole day or month it names), at a place; oldest
        first; `given_by` keeps those the sources of one bar of the source mix give."""
        conditions: list[ColumnElement[bool]] = [*date_conditions(QuoteRow.day, since, until)]
        if speaker:
            conditions.append(_contains(QuoteRow.speaker_name, speaker))
        if place:
            conditions.append(_contains(QuoteRow.place_name, place))
        if about and _terms(about):  # punctuation alone is no words to look for
            conditions.append(self._quote_text_matches(about))
        if given_by is not None:  # a bar of the source mix: the quotes its sources give
            conditions.append(given_by.quote_condition(self.dialect))
        speaker_row = aliased(EntityRow)
        query = (
            select(
                QuoteRow.__table__,
                speaker_row.corpus_key.label("speaker_key"),
                *source_columns(),
            )
            .join(ArticleRow, ArticleRow.pk == QuoteRow.article_pk)
            .outerjoin(
                speaker_row,
                and_(
                    speaker_row.article_pk == QuoteRow.article_pk,
                    speaker_row.local_id == QuoteRow.speaker_local,
                ),
            )
            .where(*conditions)
            .order_by(QuoteRow.day.is_(None), QuoteRow.day, QuoteRow.pk)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [_quote_result(found) for found in connection.execute(query)]

    def query_events(
        self,
        *,
        type: str | None = None,
        place: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = DEFAULT_LIMIT,
    ) -> list[EventResult]:
        """Events of a PLOVER type, at a place, with an actor or recipient (any part of the
        name), between two ISO dates; oldest first."""
        conditions: list[ColumnElement[bool]] = [*date_conditions(EventRow.day, since, until)]
        if type:
            conditions.append(EventRow.type == type.replace("\x00", "").upper())
        if place:
            conditions.append(_contains(EventRow.place_name, place))
        if actor:
            conditions.append(
                or_(
                    _contains(EventRow.actor_name, actor), _contains(EventRow.recipient_name, actor)
                )
            )
        query = self._events_query().where(*conditions).limit(limit)
        with self.engine.connect() as connection:
            return [_event_result(found) for found in connection.execute(query)]

    def _events_query(self) -> Select[Any]:
        actor, recipient = aliased(EntityRow), aliased(EntityRow)
        return (
            select(
                EventRow.__table__,
                PlaceRow.lat,
                PlaceRow.lon,
                PlaceRow.geonameid,
                PlaceRow.country,
                actor.corpus_key.label("actor_key"),
                recipient.corpus_key.label("recipient_key"),
                *source_columns(),
            )
            .join(ArticleRow, ArticleRow.pk == EventRow.article_pk)
            .outerjoin(
                actor,
                and_(
                    actor.article_pk == EventRow.article_pk, actor.local_id == EventRow.actor_local
                ),
            )
            .outerjoin(
                recipient,
                and_(
                    recipient.article_pk == EventRow.article_pk,
                    recipient.local_id == EventRow.recipient_local,
                ),
            )
            .outerjoin(
                PlaceRow,
                and_(
                    PlaceRow.article_pk == EventRow.article_pk,
                    PlaceRow.local_id == EventRow.place_local,
                ),
            )
            .order_by(EventRow.day.is_(None), EventRow.day, EventRow.pk)
        )

    def timeline(self, actor: str, *, limit: int | None = None) -> list[TimelineEntry]:
        """What one actor said and did, dated, in order, each with its source; undated
        entries last."""
        entries = [
            TimelineEntry(q.day, "quote", q.content, q.source)
            for q in self.query_quotes(speaker=actor, limit=None)
        ]
        for v in self.query_events(actor=actor, limit=None):
            role = f"{v.actor_name or '?'} → {v.recipient_name or '?'}"
            entries.append(TimelineEntry(v.day, v.type, f"{role}: {v.trigger}", v.source))
        entries.sort(key=lambda entry: (entry.day is None, entry.day or ""))
        return entries[:limit] if limit else entries

    def search(self, words: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text matches `words` (full-text search), best first."""
        if not _terms(words):
            return []
        if self.dialect == "postgresql":
            sql = text(
                "SELECT ts_headline('english', a.text, q, "
                "'MaxWords=24, MinWords=8, StartSel=[, StopSel=]') AS snippet, "
                "a.id, a.source_id, a.title, a.url, a.published "
                "FROM articles a, plainto_tsquery('english', :words) q "
                "WHERE to_tsvector('english', coalesce(a.title, '') || ' ' || a.text) @@ q "
                "ORDER BY ts_rank(to_tsvector('english', coalesce(a.title, '') || ' ' || a.text),"
                " q) DESC LIMIT :limit"
            )
            params: dict[str, Any] = {"words": " ".join(_terms(words)), "limit": limit}
        else:
            sql = text(
                "SELECT snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, "
                "a.id, a.source_id, a.title, a.url, a.published "
                "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
                "WHERE articles_fts MATCH :words ORDER BY rank LIMIT :limit"
            )
            params = {"words": _fts5_query(words), "limit": limit}
        with self.engine.connect() as connection:
            return [
                SearchHit(found.snippet, Source(*found[1:]))
                for found in connection.execute(sql, params)
            ]

    def places(self) -> list[PlaceResult]:
        """Every resolved place (with coordinates), how often and in how many articles."""
        query = (
            select(
                PlaceRow.name,
                PlaceRow.country,
                PlaceRow.lat,
                PlaceRow.lon,
                PlaceRow.geonameid,
                PlaceRow.feature,
                func.count(),
                func.count(PlaceRow.article_pk.distinct()),
            )
            .where(PlaceRow.lat.is_not(None), PlaceRow.lon.is_not(None))
            .group_by(
                PlaceRow.name,
                PlaceRow.country,
                PlaceRow.lat,
                PlaceRow.lon,
                PlaceRow.geonameid,
                PlaceRow.feature,
            )
            .order_by(PlaceRow.name)
        )
        with self.engine.connect() as connection:
            return [PlaceResult(*found) for found in connection.execute(query)]

    def failures(self) -> list[Failure]:
        """The inputs that could not be stored, the latest first."""
        query = select(FailureRow.input, FailureRow.reason, FailureRow.failed_at).order_by(
            FailureRow.failed_at.desc(), FailureRow.pk.desc()
        )
        with self.engine.connect() as connection:
            return [Failure(*found) for found in connection.execute(query)]

    def _quote_text_matches(self, words: str) -> ColumnElement[bool]:
        if self.dialect == "postgresql":
            return func.to_tsvector("english", QuoteRow.content).bool_op("@@")(
                func.plainto_tsquery("english", " ".join(_terms(words)))
            )
        matching = text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :about").bindparams(
            about=_fts5_query(words)
        )
        return QuoteRow.pk.in_(matching.columns(rowid=QuoteRow.pk.type).subquery().select())


# Articles published this many days before or after a new one may tell its story (what
# `resolve_articles` reads); the resolver's own window is no wider.
STORY_WINDOW_DAYS = 7


def _entities_query() -> Select[Any]:
    """The entities with what resolution reads of them and their article."""
    return select(
        EntityRow.pk,
        EntityRow.article_pk,
        EntityRow.name,
        EntityRow.type,
        EntityRow.role,
        EntityRow.country,
        EntityRow.gender,
        EntityRow.corpus_key,
        EntityRow.surname,
        ArticleRow.id.label("article_id"),
        ArticleRow.published,
        EntityRow.placed,
    ).join(ArticleRow, ArticleRow.pk == EntityRow.article_pk)


def _is_person(row: Any) -> bool:
    return bool(row.type == "PERSON" or row.gender)


def _story_window(published: list[str | None]) -> tuple[str, str] | None:
    """The published dates (ISO text) a story of articles of these dates may span, or None
    when one of them is undated (its story may be of any date)."""
    days = []
    for value in published:
        try:
            days.append(date.fromisoformat((value or "")[:10]))
        except ValueError:
            return None
    margin = timedelta(days=STORY_WINDOW_DAYS)
    return (min(days) - margin).isoformat(), (max(days) + margin).isoformat() + "~"


def _named(row: Any) -> NamedEntity:
    """What resolution reads of one stored entity, its article's date included (by
    position in `_entities_query`: a million rows read faster so)."""
    return NamedEntity(row[2], row[3], row[4], row[5], row[6], row[1], row[10], bool(row[11]))


def source_columns() -> tuple[Any, ...]:
    """The article columns a fact's `Source` is read from (`source_of`)."""
    return (
        ArticleRow.id,
        ArticleRow.source_id,
        ArticleRow.title,
        ArticleRow.url,
        ArticleRow.published,
    )


def source_of(found: Any) -> Source:
    """The article a fact came from, out of a row selected with `source_columns()`."""
    return Source(found.id, found.source_id, found.title, found.url, found.published)


def _quote_result(found: Any) -> QuoteResult:
    quote = found  # one row: the quote's columns and its source's
    return QuoteResult(
        content=quote.content,
        kind=quote.kind,
        speaker_name=quote.speaker_name,
        date=quote.date,
        day=quote.day,
        place_name=quote.place_name,
        start=quote.span_start,
        end=quote.span_end,
        cue=quote.cue_text,
        confidence=quote.confidence,
        source=source_of(found),
        content_key=quote.content_key,
        speaker_key=found.speaker_key,
        speaker_id=quote.speaker_local,
    )


def _event_result(found: Any) -> EventResult:
    v = found  # one row: the event's columns, its place's and its source's
    return EventResult(
        type=v.type,
        mode=v.mode,
        actor_name=v.actor_name,
        recipient_name=v.recipient_name,
        trigger=v.trigger_text,
        trigger_start=v.trigger_start,
        trigger_end=v.trigger_end,
        sentence_start=v.sentence_start,
        sentence_end=v.sentence_end,
        date=v.date,
        day=v.day,
        place_name=v.place_name,
        lat=found.lat,
        lon=found.lon,
        geonameid=found.geonameid,
        country=found.country,
        confidence=v.confidence,
        source=source_of(found),
        actor_key=found.actor_key,
        recipient_key=found.recipient_key,
        actor_id=v.actor_local,
        recipient_id=v.recipient_local,
    )


def _contains(column: Any, part: str) -> ColumnElement[bool]:
    # PostgreSQL refuses a NUL in any string; no stored name holds one either.
    escaped = part.replace("\x00", "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped.lower()}%", escape="\\")


def date_conditions(column: Any, since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """Conditions on an ISO date column. Dates compare as strings, which is right only for
    ISO dates, so anything else is refused (BadDateError) rather than matched by accident."""
    since = parse_iso_date(since, "since")
    until = parse_iso_date(until, "until")
    conditions = []
    if since:
        conditions.append(column >= since)
    if until:
        # "~" sorts after every digit and "-": `until=2024-04` keeps all of April.
        conditions.append(column <= until + "~")
    return conditions


_TERM = re.compile(r"\w+")


def _terms(words: str) -> list[str]:
    """The words of a user's search, as the full-text indexes see words: quotes, operators
    ("*", "^", "NEAR(") and emoji are not words, so no input can be a malformed query."""
    return _TERM.findall(words)


def _fts5_query(words: str) -> str:
    """User words as an FTS5 query: every word must occur, none read as an operator."""
    return " ".join(f'"{term}"' for term in _terms(words))
