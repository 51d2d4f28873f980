"""What the query filters select among the facts of analysis records, without a store.

`dateline quotes FILE... --speaker X` must mean what `dateline quotes --speaker X` means on
the store, so the filters are read here as pure functions over records (CONTRACT.md), with
the store's own reading of a record (`dateline.store.rows`) and the meaning
`Store.query_quotes` and `Store.query_events` give each flag; the CLI, the API or an
exporter can apply them to whatever records they hold:

- speaker, actor, place: any part of the name, in any case ("nair" finds "Priya Nair"): a
  quote's `speaker_name`, an event's `actor_name` or `recipient_name`, the name of the
  place a fact refers to;
- about: every word of it among the quoted words, as the store's full-text search finds
  them (SQLite FTS5 with the porter tokenizer, here in memory, so "cable" finds "cables");
- since, until: ISO dates (2024, 2024-04, 2024-04-01) against the fact's day, its own date
  or else its article's; `until` includes the whole day, month or year it names, and a fact
  with no calendar day is left out once either is given;
- type: one of PLOVER's 16 types, in any case.

A value no fact could ever match (`since="yesterday"`, `type="ASSALT"`, `about="?!"`) is
refused with a FilterError, so that a slip of the keyboard is not read as "nothing found".
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from dateline.corpus.identity import corpus_keys
from dateline.errors import DatelineError
from dateline.ingest.dates import BadDateError, parse_iso_date
from dateline.nlp.events.lexicon import ontology
from dateline.record_types import AnalysisRecord
from dateline.store.results import EventResult, NamedEntity, QuoteResult, Source
from dateline.store.rows import entity_rows, event_rows, quote_rows

Record = Mapping[str, Any]  # an analysis record, as read from JSON or the store
Fact = dict[str, Any]
_R = TypeVar("_R", QuoteResult, EventResult)

_TERM = re.compile(r"\w+")  # the words of `about`, as the store's full-text query takes them


class FilterError(DatelineError):
    """A filter value that no fact could match: not an ISO date, not a PLOVER type, no word."""

    code = "D402"


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """The filters of `dateline quotes`; None means "any"."""

    speaker: str | None = None
    about: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None

    def __post_init__(self) -> None:
        _check_dates(self.since, self.until)
        if self.about is not None and not _TERM.findall(self.about):
            # Punctuation alone is no text filter, as on the store (issue 13).
            object.__setattr__(self, "about", None)

    @property
    def any(self) -> bool:
        return any((self.speaker, self.about, self.since, self.until, self.place))


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters of `dateline events`; None means "any"."""

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        _check_dates(self.since, self.until)
        types = list(ontology()["types"])
        if self.type and self.type.upper() not in types:
            raise FilterError(
                f"event type {self.type!r} is not a PLOVER type: use one of {', '.join(types)}"
            )

    @property
    def any(self) -> bool:
        return any((self.type, self.actor, self.place, self.since, self.until))


def _check_dates(since: str | None, until: str | None) -> None:
    """A year, month or day, read by the one ISO date parser (`ingest.dates`); a timestamp is
    refused here, since the filters compare days."""
    for name, value in (("since", since), ("until", until)):
        if value and not _is_iso_day(value):
            raise FilterError(
                f"{name} {value!r} is not an ISO date: give a year, month or day, "
                "e.g. 2024, 2024-04 or 2024-04-01"
            )


def _is_iso_day(value: str) -> bool:
    try:
        return parse_iso_date(value) == value
    except BadDateError:
        return False


# -- selecting ---------------------------------------------------------------------------


def select_quotes(record: Record, filters: QuoteFilters) -> list[Fact]:
    """The quotes of `record` the filters keep, in the record's order."""
    quotes: list[Fact] = list(record.get("quotes", []))
    if not filters.any:
        return quotes
    rows = quote_rows(_as_record(record), 0)
    about = _holding_words(filters.about, [row["content"] for row in rows])
    return [
        quote
        for number, (quote, row) in enumerate(zip(quotes, rows, strict=True))
        if (about is None or number in about)
        and _has(filters.speaker, row["speaker_name"])
        and _has(filters.place, row["place_name"])
        and _within(row["day"], filters.since, filters.until)
    ]


def select_events(record: Record, filters: EventFilters) -> list[Fact]:
    """The events of `record` the filters keep, in the record's order."""
    events: list[Fact] = list(record.get("events", []))
    if not filters.any:
        return events
    rows = event_rows(_as_record(record), 0)
    return [
        event
        for event, row in zip(events, rows, strict=True)
        if (not filters.type or row["type"] == filters.type.upper())
        and _has(filters.actor, row["actor_name"], row["recipient_name"])
        and _has(filters.place, row["place_name"])
        and _within(row["day"], filters.since, filters.until)
    ]


def narrowed(
    record: Record,
    quotes: QuoteFilters | None = None,
    events: EventFilters | None = None,
) -> dict[str, Any]:
    """A copy of `record` holding only the quotes and events the filters keep (all of a kind
    whose filters are not given), everything else as it was."""
    copy = dict(record)
    if quotes is not None:
        copy["quotes"] = select_quotes(record, quotes)
    if events is not None:
        copy["events"] = select_events(record, events)
    return copy


def _has(part: str | None, *names: str | None) -> bool:
    """No filter, or `part` (any case) inside one of the names: the store's `LIKE %part%`."""
    if not part:
        return True
    folded = part.casefold()
    return any(folded in name.casefold() for name in names if name)


def _within(day: str | None, since: str | None, until: str | None) -> bool:
    """The store's date test: days compare as text, and "~" sorts after every digit and
    "-", so `until=2024-04` keeps all of April."""
    if since and (day is None or day < since):
        return False
    return not (until and (day is None or day > until + "~"))


def _holding_words(words: str | None, texts: Sequence[str]) -> set[int] | None:
    """The positions of the texts holding every word of `words` (None: no words asked for).

    The store searches with SQLite FTS5 and the `porter unicode61` tokenizer; asking the
    same engine, in memory, gives files the same stemming, case and accent folding, where a
    re-implementation would drift from it.
    """
    if words is None:
        return None
    query = " ".join(f'"{term}"' for term in _TERM.findall(words))
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("CREATE VIRTUAL TABLE texts USING fts5(body, tokenize='porter unicode61')")
        db.executemany(
            "INSERT INTO texts(rowid, body) VALUES (?, ?)",
            ((number + 1, text) for number, text in enumerate(texts)),
        )
        found = db.execute("SELECT rowid FROM texts WHERE texts MATCH ?", (query,))
        return {rowid - 1 for (rowid,) in found}


# -- the store's answers, from records -----------------------------------------------------


def corpus_keys_of(records: Sequence[Record]) -> list[dict[str, str]]:
    """Each record's entities' corpus keys by local id ("e1"), resolved across all the
    records together, as `dateline ingest` resolves a store: so merging the facts of files
    joins the same participants as merging the store's."""
    named = [
        [
            (row["local_id"], _named(row, number, record["article"].get("published")))
            for row in entity_rows(_as_record(record), 0)
        ]
        for number, record in enumerate(records)
    ]
    keys = corpus_keys(entity for entities in named for _, entity in entities)
    return [{local: keys[entity] for local, entity in entities} for entities in named]


def _as_record(record: Record) -> AnalysisRecord:
    """The record as the store's row builders take it: records read back from JSON lines or
    the store are plain mappings with the same keys."""
    return cast(AnalysisRecord, record)


def _named(row: Mapping[str, Any], article: int, published: str | None) -> NamedEntity:
    return NamedEntity(
        row["name"],
        row["type"],
        row["role"],
        row["country"],
        row["gender"],
        article,
        published,
        row["placed"],
    )


def quote_results(record: Record, keys: Mapping[str, str] | None = None) -> list[QuoteResult]:
    """The record's quotes as `Store.query_quotes` answers them, `keys` giving the corpus
    key of each entity by local id (see `corpus_keys_of`)."""
    source, keys = _source(record), keys or {}
    return [
        QuoteResult(
            content=row["content"],
            kind=row["kind"],
            speaker_name=row["speaker_name"],
            date=row["date"],
            day=row["day"],
            place_name=row["place_name"],
            start=row["span_start"],
            end=row["span_end"],
            cue=row["cue_text"],
            confidence=row["confidence"],
            source=source,
            content_key=row["content_key"],
            speaker_key=keys.get(row["speaker_local"] or ""),
            speaker_id=row["speaker_local"],
        )
        for row in quote_rows(_as_record(record), 0)
    ]


def event_results(record: Record, keys: Mapping[str, str] | None = None) -> list[EventResult]:
    """The record's events as `Store.query_events` answers them (with the coordinates of
    their places), `keys` as for `quote_results`."""
    source, keys = _source(record), keys or {}
    places = {p["id"]: p for p in record.get("places", [])}
    results = []
    for row in event_rows(_as_record(record), 0):
        place = places.get(row["place_local"] or "", {})
        results.append(
            EventResult(
                type=row["type"],
                mode=row["mode"],
                actor_name=row["actor_name"],
                recipient_name=row["recipient_name"],
                trigger=row["trigger_text"],
                trigger_start=row["trigger_start"],
                trigger_end=row["trigger_end"],
                sentence_start=row["sentence_start"],
                sentence_end=row["sentence_end"],
                date=row["date"],
                day=row["day"],
                place_name=row["place_name"],
                lat=place.get("lat"),
                lon=place.get("lon"),
                geonameid=place.get("geonameid"),
                country=place.get("country"),
                confidence=row["confidence"],
                source=source,
                actor_key=keys.get(row["actor_local"] or ""),
                recipient_key=keys.get(row["recipient_local"] or ""),
                actor_id=row["actor_local"],
                recipient_id=row["recipient_local"],
            )
        )
    return results


def _source(record: Record) -> Source:
    article = record["article"]
    return Source(
        article["id"],
        article.get("source_id"),
        article.get("title"),
        article.get("url"),
        article.get("published"),
    )


def results_of(
    records: Iterable[Record], quotes: QuoteFilters | None, events: EventFilters | None
) -> tuple[list[QuoteResult], list[EventResult]]:
    """The kept quotes and events of many records, with corpus keys resolved across them,
    oldest first and undated last: what a store holding these records would answer, ready
    for `merge_quotes` and `merge_events`. None leaves that kind of fact out."""
    every = [narrowed(record, quotes, events) for record in records]
    found_quotes: list[QuoteResult] = []
    found_events: list[EventResult] = []
    for record, keys in zip(every, corpus_keys_of(every), strict=True):
        if quotes is not None:
            found_quotes += quote_results(record, keys)
        if events is not None:
            found_events += event_results(record, keys)
    return _oldest_first(found_quotes), _oldest_first(found_events)


def _oldest_first(results: list[_R]) -> list[_R]:
    """The store's order: by day, undated last, otherwise as stored (a stable sort)."""
    return sorted(results, key=lambda result: (result.day is None, result.day or ""))
