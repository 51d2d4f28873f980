"""A long article's source profile from its windows' (see `nlp/windows.py`): each window's
sources shifted to the whole text, the same voice in two windows made one source, and the
summary's counts added up."""

from __future__ import annotations

from dataclasses import replace

from dateline.model import Source, SourceSummary, Span


def _shift(span: Span | None, offset: int) -> Span | None:
    return None if span is None else Span(span.start + offset, span.end + offset, span.text)


def shifted_sources(
    sources: list[Source], offset: int, entity_ids: dict[str, str], quote_ids: dict[str, str]
) -> list[Source]:
    """One window's sources in the whole article's offsets and ids."""
    return [
        replace(
            source,
            entity=entity_ids.get(source.entity) if source.entity else None,
            mention=_shift(source.mention, offset),
            anonymity_cue=_shift(source.anonymity_cue, offset),
            gender_evidence=_shift(source.gender_evidence, offset),
            quotes=[quote_ids[q] for q in source.quotes if q in quote_ids],
        )
        for source in sources
    ]


def _key(source: Source) -> tuple[str, ...]:
    if source.entity is not None:
        return ("entity", source.entity)
    cue = source.anonymity_cue.text.lower() if source.anonymity_cue else ""
    return ("phrase", (source.name or "").lower(), source.anonymity, cue, source.kind)


def combined(sources: list[Source]) -> list[Source]:
    """The windows' sources with the same entity (or the same phrase) made one, numbered
    anew in order of first appearance."""
    by_key: dict[tuple[str, ...], Source] = {}
    for source in sources:
        key = _key(source)
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = replace(source, quotes=list(source.quotes))
            continue
        kept.quotes += [q for q in source.quotes if q not in kept.quotes]
        kept.direct += source.direct
        kept.reported += source.reported
        if kept.gender != source.gender:
            if kept.gender == "unknown":
                kept.gender, kept.gender_evidence = source.gender, source.gender_evidence
            elif source.gender != "unknown":  # the windows disagree: the text does not say
                kept.gender, kept.gender_evidence = "unknown", None
    return [replace(s, id=f"s{n}") for n, s in enumerate(by_key.values(), 1)]


def added(summaries: list[SourceSummary | None], sources: int) -> SourceSummary:
    total = SourceSummary(sources=sources)
    for part in summaries:
        if part is None:
            continue
        total.body_sentences += part.body_sentences
        total.attributed_sentences += part.attributed_sentences
        total.quotes += part.quotes
        total.direct_quotes += part.direct_quotes
        total.unnamed_claims += part.unnamed_claims
    return total
