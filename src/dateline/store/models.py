"""The store's tables: each analysis record kept whole and as facts that can be queried.

`articles` holds the record as it was produced (CONTRACT.md) plus the columns queries filter
on; every fact table (entities, mentions, quotes, events, places, times) keeps the source span
it came from, so any answer can be traced back to the words of its article. `failures` lists
the inputs an ingest could not store, and why.

The schema is created and changed only by the Alembic migrations beside this module; these
models describe it for queries (a test checks the two agree).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dateline.record_types import AnalysisRecord


class Base(DeclarativeBase):
    pass


ARTICLE_FK = "articles.pk"


def _article_pk() -> Mapped[int]:
    return mapped_column(ForeignKey(ARTICLE_FK, ondelete="CASCADE"), index=True)


class ArticleRow(Base):
    """One analysed article: its record whole, and what queries filter and show."""

    __tablename__ = "articles"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(80), unique=True)  # sha256:… of the text
    source_id: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[AnalysisRecord] = mapped_column(JSON)
    dateline_version: Mapped[str] = mapped_column(String(32))
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EntityRow(Base):
    """A participant of one article; `corpus_key` joins the same one across articles."""

    __tablename__ = "entities"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3))
    gender: Mapped[str | None] = mapped_column(String(1))  # "f"/"m" from "Ms."/"Mr." before it
    corpus_key: Mapped[str | None] = mapped_column(String(200), index=True)
    surname: Mapped[str | None] = mapped_column(String(100), index=True)  # names.surname
    placed: Mapped[bool] = mapped_column(Boolean, default=False)  # its article has a place so named


class IdentityOverrideRow(Base):
    """An analyst's correction of an identity, kept apart from the entities so that it
    outlives re-analysis and re-resolution: "merge" folds `key` into `target`; "split"
    gives `key`'s entities in the article `article_id` a key of their own."""

    __tablename__ = "identity_overrides"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(200), index=True)
    target: Mapped[str | None] = mapped_column(String(200))
    article_id: Mapped[str | None] = mapped_column(String(80))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MentionRow(Base):
    """One place in the text where an entity is named or referred to."""

    __tablename__ = "mentions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_pk: Mapped[int] = mapped_column(
        ForeignKey("entities.pk", ondelete="CASCADE"), index=True
    )
    article_pk: Mapped[int] = _article_pk()
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    span_text: Mapped[str] = mapped_column(Text)


class QuoteRow(Base):
    """One quote. `day` is the quote's date, else its article's: what date filters read.
    `content_key` is the same for the same words in any article (cross-article merging)."""

    __tablename__ = "quotes"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    speaker_local: Mapped[str | None] = mapped_column(String(16))
    speaker_name: Mapped[str | None] = mapped_column(Text, index=True)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32))
    day: Mapped[str | None] = mapped_column(String(32), index=True)
    place_local: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    content_key: Mapped[str] = mapped_column(String(64), index=True)


class EventRow(Base):
    """One PLOVER event: who did what to whom, its trigger and sentence spans, when, where."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_day", "type", "day"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(Text)
    actor_local: Mapped[str | None] = mapped_column(String(16))
    actor_name: Mapped[str | None] = mapped_column(Text, index=True)
    recipient_local: Mapped[str | None] = mapped_column(String(16))
    recipient_name: Mapped[str | None] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(32))
    day: Mapped[str | None] = mapped_column(String(32), index=True)
    place_local: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)


class PlaceRow(Base):
    """One place named in an article, resolved to coordinates where possible."""

    __tablename__ = "places"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    span_text: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(3))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    feature: Mapped[str | None] = mapped_column(String(32))


class TimeRow(Base):
    """One TIMEX3 expression and its normalised value."""

    __tablename__ = "times"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    span_text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str | None] = mapped_column(String(64))


class PositionRow(Base):
    """One position: who stands where on what, when, and the quote or event that says so.
    `target_key` joins the same issue across articles; `evidence_text` keeps the words that
    state it (the quote, or the event's sentence), so an answer needs no other table."""

    __tablename__ = "positions"
    __table_args__ = (Index("ix_positions_target_key_day", "target_key", "day"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    holder_local: Mapped[str | None] = mapped_column(String(16))
    holder_name: Mapped[str | None] = mapped_column(Text, index=True)
    target_entity_local: Mapped[str | None] = mapped_column(String(16))
    target_text: Mapped[str] = mapped_column(Text)
    target_key: Mapped[str] = mapped_column(String(200))
    target_start: Mapped[int] = mapped_column(Integer)
    target_end: Mapped[int] = mapped_column(Integer)
    stance: Mapped[str] = mapped_column(String(16))
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    cue_text: Mapped[str] = mapped_column(Text)
    condition: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32))
    day: Mapped[str | None] = mapped_column(String(32), index=True)
    evidence_kind: Mapped[str] = mapped_column(String(8))  # "quote" or "event"
    evidence_local: Mapped[str] = mapped_column(String(16))
    evidence_text: Mapped[str] = mapped_column(Text)


class SourceRow(Base):
    """One source of one article (nlp/sources): what the corpus's source mix counts. `label`
    is its name, else the words that stand for it ("a senior official"); `outlet` the
    article's site and `day` its date, what the mix filters on."""

    __tablename__ = "sources"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_pk: Mapped[int] = _article_pk()
    local_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str] = mapped_column(Text, index=True)
    entity_local: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32), index=True)
    kind_from: Mapped[str] = mapped_column(Text)
    anonymity: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(3))
    gender: Mapped[str] = mapped_column(String(16))
    direct: Mapped[int] = mapped_column(Integer)
    reported: Mapped[int] = mapped_column(Integer)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    day: Mapped[str | None] = mapped_column(String(32), index=True)


class SourceQuoteRow(Base):
    """Which quote of its article a source gives (a quote may have two: its speaker and the
    body it came through)."""

    __tablename__ = "source_quotes"
    __table_args__ = (
        Index("ix_source_quotes_article_pk_quote_local", "article_pk", "quote_local"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_pk: Mapped[int] = mapped_column(ForeignKey("sources.pk", ondelete="CASCADE"), index=True)
    article_pk: Mapped[int] = mapped_column(ForeignKey(ARTICLE_FK, ondelete="CASCADE"))
    quote_local: Mapped[str] = mapped_column(String(16))


class FailureRow(Base):
    """An input an ingest could not store: which, why, when. One row per input (the latest)."""

    __tablename__ = "failures"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    input: Mapped[str] = mapped_column(Text, index=True)
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
