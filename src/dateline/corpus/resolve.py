"""One statement carried by many outlets, one event reported many times: the merges of
the corpus's facts, over the corpus keys that `dateline.corpus.identity` gives their
participants.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.names import name_words
from dateline.ontology import RECIPROCAL_TYPES  # "A met B" and "B met A": one meeting
from dateline.store.results import EventResult, QuoteResult, Source


@dataclass(frozen=True, slots=True)
class MergedQuote:
    """One statement carried by one or more articles: its words once, all its sources."""

    content: str
    speaker_key: str | None
    speaker_names: tuple[str, ...]
    day: str | None
    sources: tuple[Source, ...]
    reports: tuple[QuoteResult, ...] = ()  # each article's quote, for its span


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One event reported by one or more articles: who did what to whom, when, where."""

    type: str
    actor_key: str | None
    recipient_key: str | None
    day: str | None
    place_name: str | None
    reports: tuple[EventResult, ...]


# Quotes this long are one statement whoever they are attributed to: outlets misattribute
# more often than two people say the same eight words. Shorter ones ("No comment") also
# need the same speaker.
LONG_QUOTE_WORDS = 8


def merge_quotes(quotes: Iterable[QuoteResult]) -> list[MergedQuote]:
    """The same words are one quote, however many articles carry them (short quotes only
    with the same speaker); the speaker most articles give is the merged quote's."""
    groups: dict[tuple[str, str | None], list[QuoteResult]] = defaultdict(list)
    for quote in quotes:
        long = len(quote.content.split()) >= LONG_QUOTE_WORDS
        speaker = None if long else quote.speaker_key or _folded(quote.speaker_name)
        groups[(quote.content_key, speaker)].append(quote)
    return [_merged_quote(group) for group in groups.values()]


def _merged_quote(group: list[QuoteResult]) -> MergedQuote:
    speakers = Counter(q.speaker_key for q in group if q.speaker_key)
    return MergedQuote(
        content=max((q.content for q in group), key=len),
        speaker_key=speakers.most_common(1)[0][0] if speakers else None,
        speaker_names=tuple(sorted({q.speaker_name for q in group if q.speaker_name})),
        day=min((q.day for q in group if q.day), default=None),
        sources=tuple(dict.fromkeys(q.source for q in group)),
        reports=tuple(group),
    )


@dataclass(slots=True)
class _Story:
    """What the reports of one event say together, while they are gathered."""

    type: str
    actor: str | None
    recipient: str | None
    day: str | None
    place: str | None
    reports: list[EventResult]

    def fits(self, event: EventResult) -> int | None:
        """How many details the event shares with the story, or None if one contradicts it
        or they share no party. A detail a report leaves out contradicts nothing: reports
        that omit the recipient, the place or the exact day still tell the same event."""
        if event.type != self.type:
            return None
        sides = _sides_agree(self.type, (self.actor, self.recipient), _parties(event))
        day = _days_agree(self.day, event.day)
        place = _agree(self.place, _folded(event.place_name))
        if sides is None or day is None or place is None:
            return None
        return sides + day + place

    def add(self, event: EventResult) -> None:
        actor, recipient = _parties(event)
        if self.type in RECIPROCAL_TYPES and actor in {self.recipient} - {None}:
            actor, recipient = recipient, actor  # told the other way round
        self.actor = self.actor or actor
        self.recipient = self.recipient or recipient
        if event.day and (not self.day or len(event.day) > len(self.day)):
            self.day = event.day
        self.place = self.place or _folded(event.place_name)
        self.reports.append(event)


def merge_events(events: Iterable[EventResult]) -> list[MergedEvent]:
    """Reports of the same type, parties, day and place are one event; a report that leaves
    a detail out (no recipient, no place, only the month) joins the one event it fits, and
    stays on its own when it fits several rather than guess. Fuller reports are gathered
    first, so they set the details the others are held to."""
    stories: list[_Story] = []
    for event in sorted(events, key=_detail_count, reverse=True):
        scored = [(score, story) for story in stories if (score := story.fits(event)) is not None]
        best = max((score for score, _ in scored), default=None)
        fitting = [story for score, story in scored if score == best]
        if len(fitting) == 1:
            fitting[0].add(event)
            continue
        actor, recipient = _parties(event)
        story = _Story(event.type, actor, recipient, event.day, _folded(event.place_name), [])
        story.add(event)
        stories.append(story)
    return [
        MergedEvent(
            type=story.type,
            actor_key=story.actor,
            recipient_key=story.recipient,
            day=story.day,
            place_name=next((r.place_name for r in story.reports if r.place_name), None),
            reports=tuple(story.reports),
        )
        for story in stories
    ]


def _parties(event: EventResult) -> tuple[str | None, str | None]:
    return (
        event.actor_key or _folded(event.actor_name),
        event.recipient_key or _folded(event.recipient_name),
    )


def _detail_count(event: EventResult) -> int:
    details = [*_parties(event), event.place_name]
    return sum(1 for d in details if d) + len(event.day or "")


def _sides_agree(
    event_type: str, story: tuple[str | None, str | None], event: tuple[str | None, str | None]
) -> int | None:
    """How many parties two reports share, or None if they name different ones or none in
    common. Sides of a reciprocal event may be named either way round."""
    if event_type in RECIPROCAL_TYPES:
        ours, theirs = {p for p in story if p}, {p for p in event if p}
        shared = len(ours & theirs)
        return shared if shared and len(ours | theirs) <= 2 else None
    actor, recipient = _agree(story[0], event[0]), _agree(story[1], event[1])
    if actor is None or recipient is None or not story[0] or story[0] != event[0]:
        return None  # the one who acted must be named, and the same, in both
    return actor + recipient


def _days_agree(ours: str | None, theirs: str | None) -> int | None:
    """1 for the same day, 0 when one report gives less ("2024-05" and "2024-05-03"), None
    when they differ."""
    if not ours or not theirs:
        return 0
    if ours == theirs:
        return 1
    return 0 if ours.startswith(theirs) or theirs.startswith(ours) else None


def _agree(ours: str | None, theirs: str | None) -> int | None:
    """1 for the same detail, 0 when one report leaves it out, None when they differ."""
    if not ours or not theirs:
        return 0
    return 1 if ours == theirs else None


def _folded(name: str | None) -> str | None:
    return " ".join(name_words(name)) or None if name else None
