"""Exports of the store: JSONL records, flat CSV and Parquet (one row per quote, event or
position), GeoJSON of places and located events, and PLOVER event records.

Every export starts from the store's query results, so the filters mean what they mean for
`dateline quotes`, `dateline events` and `dateline positions`: speaker and about select
quotes, type and actor select events, place and dates apply to both. A position is stated by
a quote or an event, so speaker and actor select its holder and about its target; it has no
type or place of its own, so those filters leave positions out.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from dateline.errors import DatelineError
from dateline.export.plover import PloverEvent, plover_events
from dateline.record_types import AnalysisRecord
from dateline.store import EventResult, QuoteResult, Store
from dateline.store.positions import PositionResult, query_positions

# `who_id` and `recipient_id` are the participants' entity ids in their article's record
# ("e1"); `who_key` and `recipient_key` their corpus keys, the same in every article.
FLAT_COLUMNS = [
    "fact", "article_id", "source_id", "title", "url", "published", "day", "date",
    "kind", "who", "who_id", "who_key", "recipient", "recipient_id", "recipient_key",
    "text", "start", "end", "cue", "place", "lat", "lon", "country", "confidence",
]  # fmt: skip


class ExportError(DatelineError):
    """An export cannot be written (a missing optional library, no file for binary output)."""

    code = "D601"


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of an export; None means "any"."""

    speaker: str | None = None
    about: str | None = None
    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None

    @property
    def wants_quotes(self) -> bool:
        return not (self.type or self.actor)

    @property
    def wants_events(self) -> bool:
        return not (self.speaker or self.about)

    @property
    def wants_positions(self) -> bool:
        return not (self.type or self.place or (self.speaker and self.actor))

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in self.__slots__)


def quotes(store: Store, filters: Filters) -> list[QuoteResult]:
    if not filters.wants_quotes:
        return []
    return store.query_quotes(
        speaker=filters.speaker,
        about=filters.about,
        since=filters.since,
        until=filters.until,
        place=filters.place,
        limit=None,
    )


def events(store: Store, filters: Filters) -> list[EventResult]:
    if not filters.wants_events:
        return []
    return store.query_events(
        type=filters.type,
        actor=filters.actor,
        place=filters.place,
        since=filters.since,
        until=filters.until,
        limit=None,
    )


def positions(store: Store, filters: Filters) -> list[PositionResult]:
    if not filters.wants_positions:
        return []
    return query_positions(
        store,
        holder=filters.speaker or filters.actor,
        about=filters.about,
        since=filters.since,
        until=filters.until,
        limit=None,
    )


def flat_rows(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    """One flat row per quote, then per event, then per position, all with the columns of
    FLAT_COLUMNS. A position's `kind` is its stance, `who` its holder, `recipient` its target
    (the target's key in `recipient_key`), `text` the quote or sentence that states it and
    `cue` the words that do."""
    for q in quotes(store, filters):
        yield _flat(
            q.source,
            fact="quote",
            day=q.day,
            date=q.date,
            kind=q.kind,
            who=q.speaker_name,
            who_id=q.speaker_id,
            who_key=q.speaker_key,
            recipient=None,
            recipient_id=None,
            recipient_key=None,
            text=q.content,
            start=q.start,
            end=q.end,
            cue=q.cue,
            place=q.place_name,
            lat=None,
            lon=None,
            country=None,
            confidence=q.confidence,
        )
    for v in events(store, filters):
        yield _flat(
            v.source,
            fact="event",
            day=v.day,
            date=v.date,
            kind=v.type,
            who=v.actor_name,
            who_id=v.actor_id,
            who_key=v.actor_key,
            recipient=v.recipient_name,
            recipient_id=v.recipient_id,
            recipient_key=v.recipient_key,
            text=v.trigger,
            start=v.trigger_start,
            end=v.trigger_end,
            cue=None,
            place=v.place_name,
            lat=v.lat,
            lon=v.lon,
            country=v.country,
            confidence=v.confidence,
        )
    for p in positions(store, filters):
        yield _flat(
            p.source,
            fact="position",
            day=p.day,
            date=p.date,
            kind=p.stance,
            who=p.holder_name,
            who_id=p.holder_id,
            who_key=p.holder_key,
            recipient=p.target_text,
            recipient_id=None,
            recipient_key=p.target_key,
            text=p.evidence_text,
            start=p.start,
            end=p.end,
            cue=p.cue,
            place=None,
            lat=None,
            lon=None,
            country=None,
            confidence=None,
        )


def _flat(source: Any, **fields: Any) -> dict[str, Any]:
    row = {
        "article_id": source.article_id,
        "source_id": source.source_id,
        "title": source.title,
        "url": source.url,
        "published": source.published,
        **fields,
    }
    return {column: row[column] for column in FLAT_COLUMNS}


def write_jsonl(store: Store, filters: Filters, out: IO[str]) -> int:
    """The analysis records of the articles (all of them, or those with a matching quote,
    event or position), one per line; returns how many."""
    ids: list[str] | None = None
    if filters.any:
        ids = sorted(
            {q.source.article_id for q in quotes(store, filters)}
            | {v.source.article_id for v in events(store, filters)}
            | {p.source.article_id for p in positions(store, filters)}
        )
    written = 0
    for record in with_corpus_keys(store, store.records(ids)):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written


def with_corpus_keys(
    store: Store, records: Iterable[AnalysisRecord], batch: int = 500
) -> Iterator[AnalysisRecord]:
    """The records, each entity with its corpus key (`corpus_key`) beside its id: what
    joins the same participant across the exported articles."""
    pending: list[AnalysisRecord] = []
    for record in records:
        pending.append(record)
        if len(pending) >= batch:
            yield from _keyed(store, pending)
            pending = []
    yield from _keyed(store, pending)


def _keyed(store: Store, records: list[AnalysisRecord]) -> Iterator[AnalysisRecord]:
    keys = store.corpus_keys_of([r["article"]["id"] for r in records])
    for record in records:
        found = keys.get(record["article"]["id"], {})
        for entity in record.get("entities", []):
            entity["corpus_key"] = found.get(entity["id"])
        yield record


def write_csv(store: Store, filters: Filters, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for row in flat_rows(store, filters):
        writer.writerow(row)
        written += 1
    return written


def write_parquet(store: Store, filters: Filters, path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ExportError("Parquet needs pyarrow: pip install 'dateline[parquet]'") from error
    types = {"start": pa.int64(), "end": pa.int64(), "lat": pa.float64(), "lon": pa.float64()}
    types["confidence"] = pa.float64()
    schema = pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    rows = list(flat_rows(store, filters))
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)


def geojson(store: Store, filters: Filters) -> dict[str, Any]:
    """A FeatureCollection: each resolved place (with its counts) and each located event."""
    features = [
        _point(
            p.lon,
            p.lat,
            kind="place",
            name=p.name,
            country=p.country,
            geonameid=p.geonameid,
            feature=p.feature,
            mentions=p.mentions,
            articles=p.articles,
        )
        for p in store.places()
        if not filters.place or filters.place.lower() in p.name.lower()
    ]
    for v in events(store, filters):
        if v.lat is None or v.lon is None:
            continue
        features.append(
            _point(
                v.lon,
                v.lat,
                kind="event",
                type=v.type,
                actor=v.actor_name,
                recipient=v.recipient_name,
                date=v.date or v.day,
                place=v.place_name,
                trigger=v.trigger,
                article_id=v.source.article_id,
                source_id=v.source.source_id,
            )
        )
    return {"type": "FeatureCollection", "features": features}


def _point(lon: float, lat: float, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def plover(store: Store, filters: Filters) -> Iterator[PloverEvent]:
    """The selected events as PLOVER records (`dateline.export.plover`, the manual's field names),
    one per event, made from the stored analysis records."""
    found = events(store, filters)
    wanted = {(v.source.article_id, v.trigger_start, v.type) for v in found}
    for record in store.records(v.source.article_id for v in found):
        article_id = record["article"]["id"]
        for event, line in zip(record.get("events", []), plover_events(record), strict=True):
            if (article_id, event["trigger"]["start"], event["type"]) in wanted:
                yield line
