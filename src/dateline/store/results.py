"""What the store's queries answer with: plain, frozen values, easy to print or serialise.

The CLI turns them into tables, CSV or JSON; the REST API (issue 7) returns them as JSON.
`as_dict` gives the JSON form of any of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class Source:
    """The article a fact comes from: enough to cite it and to find it again."""

    article_id: str
    source_id: str | None
    title: str | None
    url: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """One quote with its speaker, date, place and where in its article it stands."""

    content: str
    kind: str
    speaker_name: str | None
    date: str | None
    day: str | None
    place_name: str | None
    start: int
    end: int
    cue: str | None
    confidence: float | None
    source: Source
    content_key: str = ""  # equal for the same words in any article
    speaker_key: str | None = None  # the speaker's corpus key, after resolution
    speaker_id: str | None = None  # the speaker's entity id in its record ("e1")


@dataclass(frozen=True, slots=True)
class EventResult:
    """One PLOVER event with its participants, trigger span, date and place."""

    type: str
    mode: str | None
    actor_name: str | None
    recipient_name: str | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    date: str | None
    day: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    country: str | None
    confidence: float | None
    source: Source
    actor_key: str | None = None  # corpus keys of the participants, after resolution
    recipient_key: str | None = None
    actor_id: str | None = None  # their entity ids in the event's record ("e1")
    recipient_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated quote or event of one actor; `what` is "quote" or the event type."""

    day: str | None
    what: str
    summary: str
    source: Source


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article whose text matches a search, with the matching words in context."""

    snippet: str
    source: Source


@dataclass(frozen=True, slots=True)
class PlaceResult:
    """A resolved place and how often, and in how many articles, the corpus names it."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: str | None
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class Failure:
    """An input an ingest could not store, why, and when that was."""

    input: str
    reason: str
    failed_at: datetime


class NamedEntity(NamedTuple):
    """What cross-article resolution (dateline.corpus.identity) reads of one stored entity.
    A named tuple, not a dataclass: a large store makes a million of them, and resolution
    looks each up many times (a tuple is made and hashed in C)."""

    name: str
    type: str
    role: str | None = None
    country: str | None = None
    gender: str | None = None  # "f" or "m", from the honorifics of its mentions ("Ms. X")
    article: int = 0  # which article it is of (any number, the same for one article)
    published: str | None = None  # that article's date (ISO): what tells stories apart
    placed: bool = False  # its article's places hold a place of this name ("Lorca", a town)


def as_dict(result: Any) -> dict[str, Any]:
    """The JSON-ready form of a result (datetimes as ISO 8601 text)."""
    data: dict[str, Any] = asdict(result)
    for key, value in data.items():
        if isinstance(value, datetime):
            data[key] = value.isoformat()
    return data
