"""The analysis record (CONTRACT.md): the one JSON shape the CLI prints, the store keeps, the
API returns and every exporter starts from."""

from __future__ import annotations

from typing import Any

from dateline.model import Analysis, Party, Span
from dateline.nlp.events.lexicon import quad_of
from dateline.version import VERSION


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _party(party: Party | None) -> dict[str, Any] | None:
    """An event side as PLOVER codes it: code and sector, with the words that name it."""
    if party is None:
        return None
    return {"code": party.code, "sector": party.sector, "mention": _span(party.mention)}


def to_record(analysis: Analysis) -> dict[str, Any]:
    """The analysis record of one article."""
    article = analysis.article
    return {
        "dateline": VERSION,
        "article": {
            "id": article.id,
            "source_id": article.source_id,
            "title": article.title,
            "byline": list(article.byline),
            "byline_org": list(article.byline_org),
            "published": article.published,
            "published_from": article.published_from,
            "updated": article.updated,
            "url": article.url,
            "language": article.language,
            "text": article.text,
            "headings": [_span(h) for h in article.headings],
            "captions": [{**(_span(c.span) or {}), "credit": c.credit} for c in article.captions],
        },
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": str(e.type),
                "role": e.role,
                "country": e.country,
                "mentions": [_span(m) for m in e.mentions],
            }
            for e in analysis.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "kind": q.kind,
                "start": q.span.start,
                "end": q.span.end,
                "content": q.span.text,
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "speaker_mention": _span(q.speaker_mention),
                "cue": _span(q.cue),
                "date": q.date,
                "place": q.place,
                "confidence": q.confidence,
            }
            for q in analysis.quotes
        ],
        "timexes": [
            {
                "id": t.id,
                "start": t.span.start,
                "end": t.span.end,
                "text": t.span.text,
                "type": t.type,
                "value": t.value,
            }
            for t in analysis.timexes
        ],
        "places": [
            {
                "id": p.id,
                "start": p.span.start,
                "end": p.span.end,
                "text": p.span.text,
                "name": p.name,
                "country": p.country,
                "lat": p.lat,
                "lon": p.lon,
                "geonameid": p.geonameid,
                "feature": p.feature,
            }
            for p in analysis.places
        ],
        "events": [
            {
                "id": v.id,
                "type": v.type,
                "mode": v.mode,
                "actor": v.actor.entity if v.actor else None,
                "actor_name": v.actor.name if v.actor else None,
                "recipient": v.recipient.entity if v.recipient else None,
                "recipient_name": v.recipient.name if v.recipient else None,
                "quad": quad_of(v.type),
                "aux_mode": v.aux_mode,
                "actor_party": _party(v.actor),
                "recipient_party": _party(v.recipient),
                "trigger": _span(v.trigger),
                "sentence": {"start": v.sentence.start, "end": v.sentence.end},
                "date": v.date,
                "place": v.place,
                "confidence": v.confidence,
            }
            for v in analysis.events
        ],
    }


def failure_record(source_id: str, reason: str) -> dict[str, Any]:
    """The line a batch prints for an input it could not analyse, so the batch goes on."""
    return {"dateline": VERSION, "article": {"source_id": source_id}, "error": reason}
