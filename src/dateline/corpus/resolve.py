"""Who is who across articles: one stable key for every form of a participant's name.

Within an article the pipeline has already joined "Foreign Minister Anneli Korhonen", "Ms.
Korhonen" and "she" into one entity named by its fullest form. Across articles the same
person may be named only "Korhonen" in one story and in full in another. Here:

- honorifics and titles are taken off ("Ms.", "Dr.", "Foreign Minister"), case and accents
  folded, so "Ms. Korhonen" and "KORHONEN" are the same name;
- a name of two or more words is its own key ("person:anneli-korhonen");
- a one-word name after "Mr." or "Ms." is a person's, whatever type the tagger gave it;
- a surname alone joins the one full name in the corpus that ends with it; when several do,
  the one whose honorifics agree ("Ms." and "Mr." are told apart), then the one with the same
  role or country; when none or still several, it stays on its own rather than guess.

Keys are built from names only, so the same corpus always gets the same keys (stable ids).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.store.results import EventResult, QuoteResult, Source

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "gen", "general", "col", "colonel", "capt", "captain", "sen", "senator", "rep",
    "gov", "governor", "president", "minister", "secretary", "chancellor", "premier",
    "ambassador", "mayor", "king", "queen", "prince", "princess", "sheikh", "judge",
}  # fmt: skip
# Words that start a title before the office itself ("Foreign Minister").
_ROLE_WORDS = {"foreign", "defence", "defense", "prime", "deputy", "vice", "interior", "trade",
               "finance", "energy", "health", "transport", "chief", "state", "home"}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """What resolution reads of one stored entity."""

    name: str
    type: str
    role: str | None = None
    country: str | None = None
    gender: str | None = None  # "f" or "m", from the honorifics of its mentions ("Ms. X")


def name_words(name: str) -> list[str]:
    """The words of a name, folded (case, accents, possessive), titles and honorifics off."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = [w.removesuffix("'s").removesuffix("’s") for w in _WORD.findall(folded)]
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in _ROLE_WORDS):
        words = words[1:]
    return words


def corpus_keys(entities: Iterable[NamedEntity]) -> dict[NamedEntity, str]:
    """The corpus key of each entity (equal keys: the same participant)."""
    entities = list(dict.fromkeys(entities))
    full_names = _full_names(entities)
    keys: dict[NamedEntity, str] = {}
    for entity in entities:
        words = name_words(entity.name)
        if not _is_person(entity) or len(words) != 1:
            keys[entity] = _key(entity.type, words or [entity.name.casefold()])
            continue
        match = _full_name_for(words[0], entity, full_names)
        keys[entity] = _key("PERSON", match.split() if match else words)
    return keys


def _is_person(entity: NamedEntity) -> bool:
    """A PERSON, or a name the tagger typed otherwise that an honorific marks as a person
    ("said Ms. Reyes" with "Reyes" tagged as an organisation)."""
    return entity.type == "PERSON" or entity.gender is not None


def _full_names(entities: list[NamedEntity]) -> dict[str, dict[str, set[str]]]:
    """surname -> full name -> the countries and roles seen with it."""
    by_surname: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entity in entities:
        words = name_words(entity.name)
        if entity.type == "PERSON" and len(words) >= 2:
            by_surname[words[-1]][" ".join(words)].update(_facts(entity))
    return by_surname


def _full_name_for(
    surname: str, entity: NamedEntity, full_names: dict[str, dict[str, set[str]]]
) -> str | None:
    candidates = full_names.get(surname, {})
    if len(candidates) == 1:
        return next(iter(candidates))
    if entity.gender:
        gendered = {n: seen for n, seen in candidates.items() if f"g:{entity.gender}" in seen}
        if len(gendered) == 1:
            return next(iter(gendered))
    facts = _facts(entity) - {f"g:{entity.gender}"}
    fitting = [name for name, seen in candidates.items() if facts and facts & seen]
    return fitting[0] if len(fitting) == 1 else None


def _facts(entity: NamedEntity) -> set[str]:
    """What tells namesakes apart: gender by honorific, role, country."""
    facts = {f"g:{entity.gender}"} if entity.gender else set()
    return facts | {f for f in (entity.country, (entity.role or "").casefold()) if f}


def _key(type_: str, words: list[str]) -> str:
    return f"{type_.lower()}:{'-'.join(words)}"


@dataclass(frozen=True, slots=True)
class MergedQuote:
    """One statement carried by one or more articles: its words once, all its sources."""

    content: str
    speaker_key: str | None
    speaker_names: tuple[str, ...]
    day: str | None
    sources: tuple[Source, ...]


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
    )


def merge_events(events: Iterable[EventResult]) -> list[MergedEvent]:
    """Reports of the same type, actors, day and place are one event."""
    groups: dict[tuple[str | None, ...], list[EventResult]] = defaultdict(list)
    for event in events:
        key = (
            event.type,
            event.actor_key or _folded(event.actor_name),
            event.recipient_key or _folded(event.recipient_name),
            event.day,
            _folded(event.place_name),
        )
        groups[key].append(event)
    return [
        MergedEvent(
            type=key[0] or "",
            actor_key=key[1],
            recipient_key=key[2],
            day=key[3],
            place_name=group[0].place_name,
            reports=tuple(group),
        )
        for key, group in groups.items()
    ]


def _folded(name: str | None) -> str | None:
    return " ".join(name_words(name)) or None if name else None
