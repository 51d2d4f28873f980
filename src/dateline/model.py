"""The document model: one `Article` and the facts the pipeline stages add to it.

Every fact carries the character span it came from. Offsets are Python `str` indices into
`Article.text`, end exclusive (CONTRACT.md), so a reader can always go back to the words.
The model is plain dataclasses: the core stages fill it, the adapters (CLI, store, API)
only read it, and `dateline.record` turns it into the public analysis record.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of `Article.text`: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class BlockKind(StrEnum):
    """What a block (a line or paragraph) of an article is, as a reader sees the page.

    Only BODY and STANDFIRST blocks hold sentences that later stages read as reported facts;
    the rest is page furniture whose words must never become quotes or events.
    """

    TITLE = "title"
    REPEATED_TITLE = "repeated_title"
    STANDFIRST = "standfirst"
    CAPTION = "caption"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"
    CREDITS = "credits"
    HEADING = "heading"
    BODY = "body"


FACT_BLOCKS = frozenset({BlockKind.BODY, BlockKind.STANDFIRST})


@dataclass(frozen=True, slots=True)
class Block:
    """One line or paragraph of the article and what kind of text it is."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption, with the photo credit the caption ends with, if any."""

    span: Span
    credit: str | None = None
    credit_span: Span | None = None


@dataclass(slots=True)
class Article:
    """The text of one article and what is known about it before language analysis."""

    text: str
    source_id: str | None = None
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    byline_org: list[str] = field(default_factory=list)
    byline_spans: list[Span] = field(default_factory=list)
    contributor_spans: list[Span] = field(default_factory=list)
    published: str | None = None
    published_from: str | None = None
    url: str | None = None
    language: str | None = "en"
    blocks: list[Block] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    dateline: Span | None = None
    metadata_date: str | None = None
    updated: str | None = None
    given_date: str | None = None

    @property
    def id(self) -> str:
        """Same text, same id, everywhere (CONTRACT.md)."""
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def block_at(self, offset: int) -> Block | None:
        """The block holding character `offset`, or None for the blank lines between blocks."""
        position = bisect_right(self.blocks, offset, key=lambda block: block.start) - 1
        if position >= 0 and offset < self.blocks[position].end:
            return self.blocks[position]
        return None

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    NORP = "NORP"
    OTHER = "OTHER"


@dataclass(slots=True)
class Entity:
    """One participant of the article (a person, organisation, place or group), all its
    mentions resolved together and named by its longest form."""

    id: str
    name: str
    type: EntityType
    role: str | None = None
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)
    # Which evidence decided `type`: "ner", "title", "organisation context", "gazetteer",
    # "place word" (nlp/entities/evidence.py).
    type_from: str | None = None
    # Where the country came from: "text" (a nationality, title or name the article gives),
    # "gazetteer" (the place it names), "dictionary" (an office-holder table or actor
    # dictionary entry valid on the article's date) or "inference" (an office holder the text
    # gives no country, taken to serve the country the story is about; never a profession).
    country_source: str | None = None


@dataclass(slots=True)
class Quote:
    id: str
    kind: str
    span: Span
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    date: str | None = None
    place: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Timex:
    id: str
    span: Span
    type: str
    value: str | None


@dataclass(slots=True)
class Place:
    id: str
    span: Span
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str | None = None


@dataclass(slots=True)
class Party:
    """One side of an event: the entity where the text names one, the name, the words that
    say it, and its PLOVER actor code (a country or IGO, NGO …) and sector (GOV, MIL …)."""

    entity: str | None
    name: str | None
    mention: Span
    code: str | None = None
    sector: str | None = None
    # Where the code's country came from (Entity.country_source; "gazetteer" for a place),
    # or, for a body above states (IGO, NGO …), where its sector did.
    code_source: str | None = None
    # Where the sector came from: "text" (a title or party noun), "dictionary" (Phoenix
    # agents, a known organisation) or "inference" (a coder's "authorities").
    sector_source: str | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER event: who did what to whom, with its trigger words and sentence. `aux_mode`
    is PLOVER's auxiliary mode (negation, future, hypothetical) where the text gives one."""

    id: str
    type: str
    trigger: Span
    sentence: Span
    mode: str | None = None
    actor: Party | None = None
    recipient: Party | None = None
    aux_mode: str | None = None
    date: str | None = None
    place: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class PositionTarget:
    """What a position is about: an entity where the words name one, else an issue, its words
    in the article and the key that joins the same issue across articles ("offensive@rafah")."""

    span: Span
    key: str
    entity: str | None = None


@dataclass(slots=True)
class Position:
    """Who stands where on what, and when: a holder's stance on a target, read from the cue
    words of one quote or event (`quote` or `event`, the id of the one that states it)."""

    id: str
    holder: str | None
    holder_name: str | None
    target: PositionTarget
    stance: str
    cue: Span
    condition: str | None = None
    date: str | None = None
    quote: str | None = None
    event: str | None = None


@dataclass(slots=True)
class Source:
    """One voice the article rests on: a person, body or unnamed phrase the article quotes or
    paraphrases, with the quotes it gives and what the text says of it (nlp/sources)."""

    id: str
    name: str | None
    entity: str | None
    mention: Span | None
    kind: str
    kind_from: str
    anonymity: str
    anonymity_cue: Span | None = None
    country: str | None = None
    country_source: str | None = None
    gender: str = "unknown"
    gender_evidence: Span | None = None
    quotes: list[str] = field(default_factory=list)
    direct: int = 0
    reported: int = 0


@dataclass(slots=True)
class SourceSummary:
    """How much of the article rests on attribution: counts, so that windows of a long
    article add up; the record gives the shares."""

    body_sentences: int = 0
    attributed_sentences: int = 0
    quotes: int = 0
    direct_quotes: int = 0
    unnamed_claims: int = 0
    sources: int = 0

    @property
    def attributed_sentence_share(self) -> float:
        return self.attributed_sentences / self.body_sentences if self.body_sentences else 0.0

    @property
    def direct_share(self) -> float:
        return self.direct_quotes / self.quotes if self.quotes else 0.0


@dataclass(slots=True)
class Analysis:
    """An article with every fact the pipeline found in it: what the record is made from."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    source_summary: SourceSummary | None = None
    # Set when a stage failed on this article: the batch goes on, the article is reported.
    failure: str | None = None
