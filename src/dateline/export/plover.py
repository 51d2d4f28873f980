"""PLOVER JSON: each event of an analysis record in the field names of the PLOVER manual.

PLOVER (github.com/openeventdata/PLOVER) records one event per JSON object: `id`, `date`,
`event` and `mode` (lists, as the manual has them), `actor` and `recipient` (lists of entity
objects with `code`, `sector` and `entity_text`), `event_text`, `event_loc` (a resolved
place), `quad_code`, and the source `text`. PLOVER needs a full date: where the text gives
none for the event itself, the story's date stands in, as event datasets built on PLOVER
do; `date_resolution` says which.
"""

from __future__ import annotations

from typing import Any

from dateline.ontology import QUAD_CODES


def plover_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of one analysis record as PLOVER event objects."""
    article = record["article"]
    entities = {e["id"]: e for e in record.get("entities", [])}
    places = {p["id"]: p for p in record.get("places", [])}
    return [_event(article, event, entities, places) for event in record.get("events", [])]


def _event(
    article: dict[str, Any],
    event: dict[str, Any],
    entities: dict[str, dict[str, Any]],
    places: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    date, resolution = _date(event.get("date"), article.get("published"))
    sentence = event["sentence"]
    return {
        "id": f"{article['id']}#{event['id']}",
        "date": date,
        "date_resolution": resolution,
        "event": [event["type"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "aux_mode": event.get("aux_mode"),
        "quad_code": QUAD_CODES.get(event.get("quad") or ""),
        "actor": _side(event, "actor", entities),
        "recipient": _side(event, "recipient", entities),
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
    event: dict[str, Any], key: str, entities: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    party = event.get(f"{key}_party")
    name = event.get(f"{key}_name")
    if party is None and name is None:
        return []
    entity = entities.get(event.get(key) or "", {})
    mention = (party or {}).get("mention") or {}
    return [
        {
            "entity_text": mention.get("text") or name,
            "entity_name": name,
            "code": (party or {}).get("code"),
            "sector": (party or {}).get("sector"),
            "identifier_text": entity.get("name"),
            "office": entity.get("role"),
        }
    ]


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
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
