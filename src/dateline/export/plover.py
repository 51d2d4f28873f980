"""PLOVER JSON: each event of an analysis record in the field names of the PLOVER manual.

PLOVER (github.com/openeventdata/PLOVER) records one event per JSON object: `id`, `date`,
`event` and `mode` (lists, as the manual has them), `actor` and `recipient` (lists of entity
objects with `code`, `sector` and `entity_text`), `event_text`, `event_loc` (a resolved
place), `quad_code`, and the source `text`. PLOVER needs a full date: where the text gives
none for the event itself, the story's date stands in, as event datasets built on PLOVER
do; `date_resolution` says which.
"""

from __future__ import annotations

from typing import TypedDict

from dateline.ontology import QUAD_CODES
from dateline.record_types import (
    AnalysisRecord,
    ArticleRecord,
    EntityRecord,
    EventRecord,
    PartyRecord,
    PlaceRecord,
    PloverType,
)


class PloverActor(TypedDict):
    """One side of a PLOVER event: the words, the name, its code and sector."""

    entity_text: str | None
    entity_name: str | None
    code: str | None
    sector: str | None
    identifier_text: str | None
    office: str | None


class PloverLocation(TypedDict):
    """Where a PLOVER event happened: the words, the place resolved, and where it is."""

    extracted_place: str
    resolved_place: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    feature_class: str | None


class PloverSource(TypedDict):
    """The article a PLOVER event came from."""

    source_id: str | None
    title: str | None


class PloverEvent(TypedDict):
    """One event in the field names of the PLOVER manual."""

    id: str
    date: str | None
    date_resolution: str
    event: list[PloverType]
    mode: list[str]
    aux_mode: str | None
    quad_code: int | None
    actor: list[PloverActor]
    recipient: list[PloverActor]
    event_text: list[str]
    event_loc: PloverLocation | None
    text: str
    link: str | None
    text_info: PloverSource
    coder: str
    confidence: float | None


def plover_events(record: AnalysisRecord) -> list[PloverEvent]:
    """The events of one analysis record as PLOVER event objects."""
    article = record["article"]
    entities = {e["id"]: e for e in record.get("entities", [])}
    places = {p["id"]: p for p in record.get("places", [])}
    return [_event(article, event, entities, places) for event in record.get("events", [])]


def _event(
    article: ArticleRecord,
    event: EventRecord,
    entities: dict[str, EntityRecord],
    places: dict[str, PlaceRecord],
) -> PloverEvent:
    date, resolution = _date(event.get("date"), article.get("published"))
    sentence = event["sentence"]
    mode = event.get("mode")
    return {
        "id": f"{article['id']}#{event['id']}",
        "date": date,
        "date_resolution": resolution,
        "event": [event["type"]],
        "mode": [mode] if mode else [],
        "aux_mode": event.get("aux_mode"),
        "quad_code": QUAD_CODES.get(event.get("quad") or ""),
        "actor": _side(
            event.get("actor_party"), event.get("actor_name"), event.get("actor"), entities
        ),
        "recipient": _side(
            event.get("recipient_party"),
            event.get("recipient_name"),
            event.get("recipient"),
            entities,
        ),
        "event_text": [event["trigger"]["text"]],
        "event_loc": _location(places.get(event.get("place") or "")),
        "text": article["text"][sentence["start"] : sentence["end"]],
        "link": article.get("url"),
        "text_info": {"source_id": article.get("source_id"), "title": article.get("title")},
        "coder": "dateline",
        "confidence": event.get("confidence"),
    }


def _date(own: str | None, published: str | None) -> tuple[str | None, str]:
    """A full date for PLOVER, and where it came from ("event" or "story")."""
    if own and len(own) == 10 and own[:4].isdigit():
        return own, "event"
    if published and len(published) == 10 and published[:4].isdigit():
        return published, "story"
    return None, "none"


def _side(
    party: PartyRecord | None,
    name: str | None,
    local: str | None,
    entities: dict[str, EntityRecord],
) -> list[PloverActor]:
    """An event side (actor or recipient) as PLOVER's list of at most one actor."""
    if party is None and name is None:
        return []
    entity = entities.get(local or "")
    mention = party.get("mention") if party else None
    return [
        {
            "entity_text": (mention.get("text") if mention else None) or name,
            "entity_name": name,
            "code": party.get("code") if party else None,
            "sector": party.get("sector") if party else None,
            "identifier_text": entity.get("name") if entity else None,
            "office": entity.get("role") if entity else None,
        }
    ]


def _location(place: PlaceRecord | None) -> PloverLocation | None:
    if place is None:
        return None
    return {
        "extracted_place": place["text"],
        "resolved_place": place["name"],
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country"),
        "feature_class": place.get("feature"),
    }
