"""The analysis record's shape (CONTRACT.md, `analysis.schema.json`) as `TypedDict`s.

The record is plain JSON everywhere it goes (printed, stored, served), so it stays a dict at
run time; these types only let mypy check the field names and value types every consumer
reads. They follow the schema field for field: a key the schema requires is a required key
here, any other is `NotRequired`, since a record read back from the store or a file may come
from a version that did not write it. A few keys go beyond the schema (marked below); the
record test lists them, so a new one is a decision, not an accident.

This module imports nothing of Dateline's, so the store and the adapters can name the record
without importing the pipeline that `dateline.record` builds it from. It has no
`from __future__ import annotations`, unlike the rest: Python 3.11 reads `NotRequired` only
from evaluated annotations, and the record test reads the required keys at run time.
"""

from typing import Literal, NotRequired, TypedDict

EntityTypeName = Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"]
QuoteKind = Literal["direct", "partial", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


class SpanRecord(TypedDict):
    """Where a fact came from: `text == article["text"][start:end]`."""

    start: int
    end: int
    text: str


class CaptionRecord(TypedDict):
    """A photo caption's span and the photo credit it ends with."""

    start: int
    end: int
    text: str
    credit: NotRequired[str | None]  # beyond the schema (CONTRACT.md's example has it)


class ArticleRecord(TypedDict):
    """The article: its text (what every offset indexes) and what is known about it."""

    id: str
    source_id: str | None
    title: str | None
    byline: list[str]
    byline_org: NotRequired[list[str]]  # outlets and agencies credited (beyond the schema)
    published: str | None
    published_from: NotRequired[str | None]
    updated: NotRequired[str | None]  # the page's modified date, ISO 8601 (beyond the schema)
    url: NotRequired[str | None]
    language: NotRequired[str | None]
    text: str
    headings: NotRequired[list[SpanRecord]]
    captions: NotRequired[list[CaptionRecord]]


class EntityRecord(TypedDict):
    """One participant, its mentions resolved together."""

    id: str
    name: str
    type: EntityTypeName
    role: NotRequired[str | None]
    country: NotRequired[str | None]
    type_from: NotRequired[str | None]  # the evidence that decided the type (beyond the schema)
    country_source: NotRequired[str | None]  # text, gazetteer, dictionary or inference
    # The corpus key (beyond the schema): the same participant's in every article, given by
    # the store's cross-article resolution to exported and served records, never by analysis.
    corpus_key: NotRequired[str | None]
    mentions: list[SpanRecord]


class QuoteRecord(TypedDict):
    """Who said what: the quoted (or reported) words, their speaker, cue, date and place."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    content: str
    speaker: str | None
    speaker_name: str | None
    speaker_mention: NotRequired[SpanRecord | None]
    cue: NotRequired[SpanRecord | None]
    date: NotRequired[str | None]
    place: NotRequired[str | None]
    confidence: NotRequired[float | None]


class TimexRecord(TypedDict):
    """A time expression and its TIMEX3 value (None when the text does not pin it)."""

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None


class PlaceRecord(TypedDict):
    """A place named in the text and where it is."""

    id: str
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: NotRequired[int | None]
    feature: NotRequired[str | None]


class SentenceRecord(TypedDict, total=False):
    """An event's sentence: offsets only, since the text is the article's (the schema
    requires neither key)."""

    start: int
    end: int


class PartyRecord(TypedDict):
    """One side of an event as PLOVER codes it (beyond the schema)."""

    code: str | None
    code_source: NotRequired[str | None]  # where the code came from, as Entity.country_source
    sector: str | None
    sector_source: NotRequired[str | None]  # text, dictionary or inference
    mention: SpanRecord


class EventRecord(TypedDict):
    """Who did what to whom: a PLOVER event with its trigger, sentence, date and place."""

    id: str
    type: PloverType
    mode: NotRequired[str | None]
    actor: str | None
    actor_name: NotRequired[str | None]
    recipient: str | None
    recipient_name: NotRequired[str | None]
    quad: NotRequired[str]  # beyond the schema, as the next three
    aux_mode: NotRequired[str | None]
    actor_party: NotRequired[PartyRecord | None]
    recipient_party: NotRequired[PartyRecord | None]
    trigger: SpanRecord
    sentence: NotRequired[SentenceRecord]
    date: str | None
    place: str | None
    confidence: NotRequired[float | None]


StanceName = Literal["support", "oppose", "conditional", "neutral"]


class PositionTargetRecord(TypedDict):
    """What a position is about: an entity (its id), or an issue, by its key across articles."""

    entity: str | None
    text: str
    key: str
    span: SpanRecord


class PositionEvidenceRecord(TypedDict, total=False):
    """The quote or the event that states a position: one of the two keys."""

    quote: str
    event: str


class PositionRecord(TypedDict):
    """Who stands where on what, and when (beyond the schema, as the record's `positions`)."""

    id: str
    holder: str | None
    holder_name: str | None
    target: PositionTargetRecord
    stance: StanceName
    cue: SpanRecord
    condition: str | None
    date: str | None
    evidence: PositionEvidenceRecord


SourceKind = Literal[
    "government",
    "military_police",
    "international_body",
    "party_politician",
    "armed_group",
    "expert_academic",
    "ngo_civil_society",
    "business",
    "media",
    "citizen_witness",
    "unknown",
]


class SourceRecord(TypedDict):
    """One voice the article rests on (README, "Source profiles"): who, what kind, named or
    not, from where, of which gender where the text says it, and the quotes it gives."""

    id: str
    name: str | None
    entity: str | None
    mention: SpanRecord | None
    kind: SourceKind
    kind_from: str
    anonymity: Literal["named", "unnamed"]
    anonymity_cue: SpanRecord | None
    country: str | None
    country_source: str | None
    gender: Literal["female", "male", "unknown"]
    gender_evidence: SpanRecord | None
    quotes: list[str]
    direct: int
    reported: int


class SourceSummaryRecord(TypedDict):
    """How much of the article rests on attribution, and on unnamed sources."""

    attributed_sentence_share: float
    direct_share: float
    unnamed_claims: int
    sources: int


class AnalysisRecord(TypedDict):
    """The analysis record of one article: what the CLI prints, the store keeps, the API
    returns and every exporter starts from."""

    dateline: str
    article: ArticleRecord
    entities: list[EntityRecord]
    quotes: list[QuoteRecord]
    timexes: list[TimexRecord]
    places: list[PlaceRecord]
    events: list[EventRecord]
    positions: NotRequired[list[PositionRecord]]  # beyond the schema: the positions stage
    # Records stored by versions before the source stage have neither.
    sources: NotRequired[list[SourceRecord]]
    source_summary: NotRequired[SourceSummaryRecord]


class FailureArticle(TypedDict):
    """What a failure line says of its input: enough to join it back."""

    source_id: str
    language: NotRequired[str | None]


class FailureRecord(TypedDict):
    """The line written for an input that could not be analysed (`analysis-error.schema.json`),
    in the place its record would have taken."""

    dateline: NotRequired[str]
    article: FailureArticle
    error: str
    code: NotRequired[str | None]
