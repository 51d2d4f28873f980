"""Places named inside the names of bodies: "the Zimbabwe Tourism Authority", "the Beverly Hills
Police Department", "the Georgian Parliament".

A reader of "the Suffolk Times" knows where the paper is, and GeoWebNews-style annotation counts
the place word inside an organisation's name as a (non-locational) toponym. The organisation
stays an organisation; only its leading words become a place, and only where they are a
country, a nationality, a first-order division, a county, or a city sure enough to stand
alone: a big one, or one named in more than one word. "Union Water Resources" or "Best
Directing" lead with a word that is a town somewhere, but the word is an ordinary one. Further
into the name only a country is read ("Air Zimbabwe", "the Development Bank of Kenya").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dateline.model import Entity, EntityType, Span
from dateline.nlp.common.gazetteer import (
    KnownPlace,
    cities_named,
    country_place,
    region_named,
    us_state,
)
from dateline.nlp.common.lexicon import country_of_demonym, country_of_name, region_of_demonym

# A single-word city leading an organisation's name must be at least this big to be read as
# the city ("Aberdeen Asset Management"); smaller one-word towns are too often common words.
_EMBEDDED_CITY = 100_000
_STANDALONE = {"country", "region", "county"}

Resolver = Callable[[str], KnownPlace | None]


def embedded_places(entities: list[Entity], resolve: Resolver) -> list[tuple[Span, KnownPlace]]:
    """The place each organisation mention leads with, and the span of its words."""
    found: list[tuple[Span, KnownPlace]] = []
    for entity in entities:
        if entity.type is not EntityType.ORG:
            continue
        for mention in entity.mentions:
            hit = _leading_place(mention, resolve)
            inner = ([hit] if hit is not None else []) + _inner_countries(mention, hit)
            found.extend(_as_whole(mention, inner))
    return found


# A state's university stands for the state it serves, and GeoWebNews-style annotation
# marks its whole name as the place ("Colorado State University", "the University of
# Oregon"); other bodies keep only their place's words ("Maryland State Police", "the
# Georgian Ministry of Defence"). Central banks, embassies and foreign ministries are marked
# whole too on the dev set, but each in one fold only: no held fold vouches for them.
_WHOLE = re.compile(r"^(?:.+ State University|University of .+)$")


def _as_whole(mention: Span, inner: list[tuple[Span, KnownPlace]]) -> list[tuple[Span, KnownPlace]]:
    """The one place inside a university's name, as the whole name; else the places as
    found."""
    if len(inner) != 1 or not _WHOLE.match(_without_possessive(mention.text)):
        return inner
    text = _without_possessive(mention.text)
    return [(Span(mention.start, mention.start + len(text), text), inner[0][1])]


def _inner_countries(
    mention: Span, leading: tuple[Span, KnownPlace] | None
) -> list[tuple[Span, KnownPlace]]:
    """ "Air Zimbabwe", "the Development Bank of Kenya": a country named further into an
    organisation's name is a place too. Only a country: a city or a state inside a name is
    too often a part of the name ("the University of Oregon" is marked whole, or not)."""
    words = [(m.start(), m.group()) for m in re.finditer(r"[^\s]+", mention.text)]
    found: list[tuple[Span, KnownPlace]] = []
    after = leading[0].end - mention.start if leading is not None else 1
    for index, (offset, _) in enumerate(words):
        if offset < after or index == 0:
            continue
        for size in (3, 2, 1):
            part = words[index : index + size]
            if len(part) < size or (size == len(words)):
                continue
            end = part[-1][0] + len(part[-1][1])
            text = _without_possessive(mention.text[offset:end].rstrip(".,;:"))
            code = country_of_name(text) if text[:1].isupper() else None
            known = country_place(code) if code else None
            if known is not None:
                start = mention.start + offset
                found.append((Span(start, start + len(text), text), known))
                after = end
                break
    return found


def _leading_place(mention: Span, resolve: Resolver) -> tuple[Span, KnownPlace] | None:
    """The longest run of leading words (not the whole name) that names a place."""
    words = mention.text.split(" ")
    for size in range(len(words) - 1, 0, -1):
        if words[size - 1].lower() == "state":
            continue  # "Colorado State" is no place's name; "Colorado" is
        prefix = _without_possessive(" ".join(words[:size]))
        if not prefix or not prefix[0].isupper():
            continue
        known = _state_of_institution(prefix, words[size]) or standalone_place(prefix, resolve)
        if known is not None:
            span = Span(mention.start, mention.start + len(prefix), prefix)
            return span, known
    return None


def _state_of_institution(prefix: str, after: str) -> KnownPlace | None:
    """ "Colorado State University", "Washington State Police": the US state whose name
    comes before "State" is the state the institution belongs to, not a city of the name
    (GeoWebNews-style annotation counts it as a non-locational toponym)."""
    if after.lower() != "state":
        return None
    state = us_state(prefix)
    if state is None:
        return None
    return KnownPlace(state.name, state.country, state.lat, state.lon, state.geonameid, "region")


def _without_possessive(words: str) -> str:
    """ "Kenya's" is Kenya; "Texas" keeps its last letter (a strip of the characters "'s"
    would read "Texa")."""
    for suffix in ("'s", "’s", "'", "’"):
        if words.endswith(suffix):
            return words.removesuffix(suffix)
    return words


def standalone_place(prefix: str, resolve: Resolver) -> KnownPlace | None:
    """A country, a nationality ("Philippine Sports Commission"), or a place sure enough to
    be read as the place while it opens a longer name."""
    demonym = country_of_demonym(prefix)
    if demonym is not None and country_of_name(prefix) is None:
        return country_place(demonym)
    # "the European Commission", "the African Union": a continent's people's word opening
    # a body's name names the continent
    region = region_of_demonym(prefix)
    if region is not None and country_of_name(prefix) is None:
        continent = region_named(region)
        if continent is not None and continent.feature == "continent":
            return continent
    known = resolve(prefix)
    if known is None:
        return None
    if known.feature in _STANDALONE or known.feature == "continent":
        return known
    if known.feature != "city":
        return None
    return known if " " in prefix or _population(known) >= _EMBEDDED_CITY else None


def _population(known: KnownPlace) -> int:
    people = [c.population for c in cities_named(known.name) if c.geonameid == known.geonameid]
    return max(people, default=0)
