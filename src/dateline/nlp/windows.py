"""Long articles in windows: cut where a reader would pause, analysed apart, merged back.

spaCy refuses a text past `nlp.max_length` (E088), and its parser's memory grows with the
length of one Doc, so an article longer than a window is cut into consecutive windows, each
ending at a paragraph break where one falls in the window's last half (else a sentence end,
else a space). Each window is an `Article` of its own whose layout (blocks, headings,
captions, the wire dateline) is the part of the whole article's layout inside it, shifted;
what holds for the whole article (its date, title, byline, URL) is given to every window.
The headline and the rest of the page furniture at the top therefore shape only the first
window. After the stages ran, `merge_windows` shifts every fact back by its window's offset
and joins the entities that name the same thing, so every offset indexes the whole text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.errors import DatelineError
from dateline.model import (
    Analysis,
    Article,
    Block,
    Caption,
    Entity,
    EntityType,
    Event,
    Party,
    Position,
    Source,
    Span,
)
from dateline.names import name_words
from dateline.nlp.sources.windows import added, combined, shifted_sources

# A window ends at the last break of these kinds in its second half, tried in this order.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")
_BREAKS = (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE)


class TextTooLongError(DatelineError):
    """An article longer than the configured hard limit in characters."""

    code = "D110"

    def __init__(self, source: str, length: int, limit: int) -> None:
        super().__init__(
            f"{source}: {length:,} characters is over the limit of {limit:,}: split it, or "
            "raise the limit with DATELINE_MAX_TEXT_CHARS"
        )


def check_length(article: Article, max_chars: int) -> None:
    """Refuse an article past the hard limit, naming it and the setting that raises it."""
    if len(article.text) > max_chars:
        raise TextTooLongError(article.source_id or "<text>", len(article.text), max_chars)


def window_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """Consecutive (start, end) windows covering `text`, none longer than `size`."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a window that must end in [low, high]: after the last break found."""
    for pattern in _BREAKS:
        ends = [match.end() for match in pattern.finditer(text, low, high)]
        if ends:
            return ends[-1]
    return high


def window_article(article: Article, start: int, end: int) -> Article:
    """The part of `article` in [start, end) as an article of its own, offsets from 0."""

    def inside(span: Span) -> bool:
        return start <= span.start and span.end <= end

    def moved(span: Span) -> Span:
        return Span(span.start - start, span.end - start, span.text)

    return replace(
        article,
        text=article.text[start:end],
        byline_spans=[moved(s) for s in article.byline_spans if inside(s)],
        contributor_spans=[moved(s) for s in article.contributor_spans if inside(s)],
        blocks=[
            Block(max(b.start, start) - start, min(b.end, end) - start, b.kind)
            for b in article.blocks
            if b.start < end and start < b.end
        ],
        headings=[moved(s) for s in article.headings if inside(s)],
        captions=[
            Caption(moved(c.span), c.credit, moved(c.credit_span) if c.credit_span else None)
            for c in article.captions
            if inside(c.span)
        ],
        dateline=moved(article.dateline)
        if article.dateline is not None and inside(article.dateline)
        else None,
    )


def merge_windows(article: Article, parts: list[tuple[int, Analysis]]) -> Analysis:
    """One analysis of `article` from the analyses of its windows, each with its offset."""
    merged = Analysis(article)
    failures = [a.failure for _, a in parts if a.failure is not None]
    if failures:
        merged.failure = failures[0]
        return merged
    known = _KnownEntities()
    sources: list[Source] = []
    for offset, part in parts:
        entity_ids = _merge_entities(merged, known, part.entities, offset)
        place_ids = {}
        for place in part.places:
            new_id = f"p{len(merged.places) + 1}"
            place_ids[place.id] = new_id
            merged.places.append(replace(place, id=new_id, span=_shift(place.span, offset)))
        for timex in part.timexes:
            new = replace(timex, id=f"t{len(merged.timexes) + 1}", span=_shift(timex.span, offset))
            merged.timexes.append(new)
        quote_ids = {q.id: f"q{len(merged.quotes) + n}" for n, q in enumerate(part.quotes, 1)}
        event_ids = {v.id: f"v{len(merged.events) + n}" for n, v in enumerate(part.events, 1)}
        sources += shifted_sources(part.sources, offset, entity_ids, quote_ids)
        for quote in part.quotes:
            merged.quotes.append(
                replace(
                    quote,
                    id=f"q{len(merged.quotes) + 1}",
                    span=_shift(quote.span, offset),
                    speaker=entity_ids.get(quote.speaker) if quote.speaker else None,
                    speaker_mention=_shift_optional(quote.speaker_mention, offset),
                    cue=_shift_optional(quote.cue, offset),
                    place=place_ids.get(quote.place) if quote.place else None,
                )
            )
        for event in part.events:
            merged.events.append(
                _shifted_event(event, len(merged.events) + 1, offset, entity_ids, place_ids)
            )
        for position in part.positions:
            merged.positions.append(
                _shifted_position(
                    position, len(merged.positions) + 1, offset, entity_ids, quote_ids, event_ids
                )
            )
    _rename_speakers(merged, known.aliases)
    merged.sources = combined(sources)
    merged.source_summary = added([a.source_summary for _, a in parts], len(merged.sources))
    return merged


def _rename_speakers(merged: Analysis, aliases: dict[str, set[str]]) -> None:
    """A speaker, actor or recipient named as its window's entity was takes the name of the
    merged entity ("Hedda Lindgren" in one window, "Councillor Hedda Lindgren" whole)."""
    names = {entity.id: entity.name for entity in merged.entities}
    for quote in merged.quotes:
        if quote.speaker is not None and quote.speaker_name in aliases[quote.speaker]:
            quote.speaker_name = names[quote.speaker]
    for event in merged.events:
        for party in (event.actor, event.recipient):
            if (
                party is not None
                and party.entity is not None
                and party.name in aliases[party.entity]
            ):
                party.name = names[party.entity]


def _merge_entities(
    merged: Analysis,
    known: _KnownEntities,
    entities: list[Entity],
    offset: int,
) -> dict[str, str]:
    """Add a window's entities, joining one already seen that names the same thing;
    returns the window's entity ids mapped to the merged ones."""
    ids: dict[str, str] = {}
    for entity in entities:
        mentions = [_shift(m, offset) for m in entity.mentions]
        same = known.find(entity)
        if same is None:
            same = replace(entity, id=f"e{len(merged.entities) + 1}", mentions=mentions)
            known.add(same)
            merged.entities.append(same)
        else:
            same.mentions.extend(mentions)
            # named by its longest form, as the entities stage names one within a window
            if len(entity.name) > len(same.name):
                same.name = entity.name
            same.role = same.role or entity.role
            same.country = same.country or entity.country
        ids[entity.id] = same.id
        known.aliases.setdefault(same.id, set()).add(entity.name)
    return ids


class _KnownEntities:
    """The merged entities, found by type and name key; a person also by a name that ends
    the other's ("Hedda Lindgren" and "Councillor Hedda Lindgren"), when only one fits."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], Entity] = {}
        self._people: dict[str, list[tuple[list[str], Entity]]] = {}
        # the names each merged entity had in its windows, by merged id
        self.aliases: dict[str, set[str]] = {}

    def add(self, entity: Entity) -> None:
        words = name_words(entity.name)
        self._by_key.setdefault((str(entity.type), " ".join(words)), entity)
        if entity.type is EntityType.PERSON and len(words) > 1:
            self._people.setdefault(words[-1], []).append((words, entity))

    def find(self, entity: Entity) -> Entity | None:
        words = name_words(entity.name)
        same = self._by_key.get((str(entity.type), " ".join(words)))
        if same is not None or entity.type is not EntityType.PERSON or len(words) < 2:
            return same
        fits = [
            known
            for theirs, known in self._people.get(words[-1], [])
            if _ends(theirs, words) or _ends(words, theirs)
        ]
        return fits[0] if len({id(f) for f in fits}) == 1 else None


def _ends(longer: list[str], shorter: list[str]) -> bool:
    return len(shorter) <= len(longer) and longer[len(longer) - len(shorter) :] == shorter


def _shifted_event(
    event: Event, number: int, offset: int, entities: dict[str, str], places: dict[str, str]
) -> Event:
    return replace(
        event,
        id=f"v{number}",
        trigger=_shift(event.trigger, offset),
        sentence=_shift(event.sentence, offset),
        actor=_shifted_party(event.actor, offset, entities),
        recipient=_shifted_party(event.recipient, offset, entities),
        place=places.get(event.place) if event.place else None,
    )


def _shifted_position(
    position: Position,
    number: int,
    offset: int,
    entities: dict[str, str],
    quotes: dict[str, str],
    events: dict[str, str],
) -> Position:
    """A window's position in the whole article: its spans moved, its ids the merged ones."""
    target = position.target
    return replace(
        position,
        id=f"pos{number}",
        holder=entities.get(position.holder) if position.holder else None,
        target=replace(
            target,
            span=_shift(target.span, offset),
            entity=entities.get(target.entity) if target.entity else None,
        ),
        cue=_shift(position.cue, offset),
        quote=quotes.get(position.quote) if position.quote else None,
        event=events.get(position.event) if position.event else None,
    )


def _shifted_party(party: Party | None, offset: int, entities: dict[str, str]) -> Party | None:
    if party is None:
        return None
    entity = entities.get(party.entity) if party.entity else None
    return replace(party, entity=entity, mention=_shift(party.mention, offset))


def _shift(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset, span.text) if offset else span


def _shift_optional(span: Span | None, offset: int) -> Span | None:
    return _shift(span, offset) if span is not None else None
