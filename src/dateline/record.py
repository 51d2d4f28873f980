"""The analysis record (CONTRACT.md): the one JSON shape the CLI prints, the store keeps, the
API returns and every exporter starts from, built from an `Analysis` (its types, which the
consumers name, are in `dateline.record_types`)."""

from __future__ import annotations

import re
from typing import cast

from dateline.model import (
    Analysis,
    Article,
    Caption,
    Entity,
    Event,
    Party,
    Place,
    Position,
    Quote,
    Source,
    SourceSummary,
    Span,
    Timex,
)
from dateline.nlp.events.lexicon import quad_of
from dateline.record_types import (
    AnalysisRecord,
    ArticleRecord,
    CaptionRecord,
    EntityRecord,
    EntityTypeName,
    EventRecord,
    FailureRecord,
    PartyRecord,
    PlaceRecord,
    PloverType,
    PositionEvidenceRecord,
    PositionRecord,
    QuoteKind,
    QuoteRecord,
    SourceKind,
    SourceRecord,
    SourceSummaryRecord,
    SpanRecord,
    StanceName,
    TimexRecord,
    TimexType,
)
from dateline.version import VERSION


def _span(span: Span) -> SpanRecord:
    return {"start": span.start, "end": span.end, "text": span.text}


def _optional_span(span: Span | None) -> SpanRecord | None:
    return None if span is None else _span(span)


def _caption(caption: Caption) -> CaptionRecord:
    span = caption.span
    return {"start": span.start, "end": span.end, "text": span.text, "credit": caption.credit}


def _party(party: Party | None) -> PartyRecord | None:
    """An event side as PLOVER codes it: code and sector, with the words that name it."""
    if party is None:
        return None
    return {
        "code": party.code,
        "code_source": party.code_source,
        "sector": party.sector,
        "sector_source": party.sector_source,
        "mention": _span(party.mention),
    }


def to_record(analysis: Analysis) -> AnalysisRecord:
    """The analysis record of one article."""
    return {
        "dateline": VERSION,
        "article": _article(analysis.article),
        "entities": [_entity(e) for e in analysis.entities],
        "quotes": [_quote(q) for q in analysis.quotes],
        "timexes": [_timex(t) for t in analysis.timexes],
        "places": [_place(p) for p in analysis.places],
        "events": [_event(v) for v in analysis.events],
        "positions": [_position(p) for p in analysis.positions],
        "sources": [_source(s) for s in analysis.sources],
        "source_summary": _source_summary(analysis.source_summary or SourceSummary()),
    }


def failure_record(source_id: str, reason: str) -> FailureRecord:
    """The line a batch prints for an input it could not analyse, so the batch goes on; its
    `code` is the one the reason opens with ("[Dnnn] …"), as CONTRACT.md shows it."""
    code = _ERROR_CODE.match(reason)
    return {
        "dateline": VERSION,
        "article": {"source_id": source_id},
        "error": reason,
        "code": code.group(1) if code else None,
    }


_ERROR_CODE = re.compile(r"^\[(D\d{3})\]")


def _article(article: Article) -> ArticleRecord:
    return {
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
        "captions": [_caption(c) for c in article.captions],
    }


# The model keeps kinds and types as plain strings; the stages only ever set the schema's
# values (the record test validates records against the schema), so these casts only name them.


def _entity(entity: Entity) -> EntityRecord:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": cast(EntityTypeName, str(entity.type)),
        "role": entity.role,
        "country": entity.country,
        "type_from": entity.type_from,
        "country_source": entity.country_source,
        # Identity across articles is the store's: null here, set in exported and served
        # records (`dateline export --to jsonl`, `GET /api/articles/{id}`).
        "corpus_key": None,
        "mentions": [_span(m) for m in entity.mentions],
    }


def _quote(quote: Quote) -> QuoteRecord:
    return {
        "id": quote.id,
        "kind": cast(QuoteKind, quote.kind),
        "start": quote.span.start,
        "end": quote.span.end,
        "content": quote.span.text,
        "speaker": quote.speaker,
        "speaker_name": quote.speaker_name,
        "speaker_mention": _optional_span(quote.speaker_mention),
        "cue": _optional_span(quote.cue),
        "date": quote.date,
        "place": quote.place,
        "confidence": quote.confidence,
    }


def _timex(timex: Timex) -> TimexRecord:
    return {
        "id": timex.id,
        "start": timex.span.start,
        "end": timex.span.end,
        "text": timex.span.text,
        "type": cast(TimexType, timex.type),
        "value": timex.value,
    }


def _place(place: Place) -> PlaceRecord:
    return {
        "id": place.id,
        "start": place.span.start,
        "end": place.span.end,
        "text": place.span.text,
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "feature": place.feature,
    }


def _event(event: Event) -> EventRecord:
    actor, recipient = event.actor, event.recipient
    return {
        "id": event.id,
        "type": cast(PloverType, event.type),
        "mode": event.mode,
        "actor": actor.entity if actor else None,
        "actor_name": actor.name if actor else None,
        "recipient": recipient.entity if recipient else None,
        "recipient_name": recipient.name if recipient else None,
        "quad": quad_of(event.type),
        "aux_mode": event.aux_mode,
        "actor_party": _party(actor),
        "recipient_party": _party(recipient),
        "trigger": _span(event.trigger),
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "date": event.date,
        "place": event.place,
        "confidence": event.confidence,
    }


def _position(position: Position) -> PositionRecord:
    target = position.target
    evidence: PositionEvidenceRecord = (
        {"quote": position.quote} if position.quote else {"event": position.event or ""}
    )
    return {
        "id": position.id,
        "holder": position.holder,
        "holder_name": position.holder_name,
        "target": {
            "entity": target.entity,
            "text": target.span.text,
            "key": target.key,
            "span": _span(target.span),
        },
        "stance": cast(StanceName, position.stance),
        "cue": _span(position.cue),
        "condition": position.condition,
        "date": position.date,
        "evidence": evidence,
    }


def _source(source: Source) -> SourceRecord:
    return {
        "id": source.id,
        "name": source.name,
        "entity": source.entity,
        "mention": _optional_span(source.mention),
        "kind": cast(SourceKind, source.kind),
        "kind_from": source.kind_from,
        "anonymity": "unnamed" if source.anonymity == "unnamed" else "named",
        "anonymity_cue": _optional_span(source.anonymity_cue),
        "country": source.country,
        "country_source": source.country_source,
        "gender": "female"
        if source.gender == "female"
        else "male"
        if source.gender == "male"
        else "unknown",
        "gender_evidence": _optional_span(source.gender_evidence),
        "quotes": list(source.quotes),
        "direct": source.direct,
        "reported": source.reported,
    }


def _source_summary(summary: SourceSummary) -> SourceSummaryRecord:
    return {
        "attributed_sentence_share": round(summary.attributed_sentence_share, 4),
        "direct_share": round(summary.direct_share, 4),
        "unnamed_claims": summary.unnamed_claims,
        "sources": summary.sources,
    }
