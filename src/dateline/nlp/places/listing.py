"""Names the text lists together are of one kind: in "plates from Massachusetts,
Connecticut and Quebec" or "crews from Oregon, Washington and Idaho" the name among states
is a state or province, not the city the name's size alone would choose (Québec City,
the capital). A list is read from the places already resolved, so it costs one pass over
them and a look-up only for a city listed among divisions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from dateline.model import Place
from dateline.names import fold
from dateline.nlp.common.gazetteer import (
    City,
    KnownPlace,
    cities_named,
    division_of,
    us_state,
)

# What joins the members of a list: a comma, "and", "or", or a comma and either.
_JOINT = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)")
# A comma alone between a town and its state is the pair "Washington, Pa.", no list.
_PAIR_JOINT = re.compile(r"\s*,\s*")
_DIVISION = "region"
_TOWN_FEATURES = frozenset({"city"})


def with_listed_divisions(
    places: list[Place], text: str, fixed: Mapping[str, KnownPlace]
) -> list[Place]:
    """`places` (in text order) with each town a list names among first-order divisions
    read as the division of its name in their country. A town a "City, State" pair names
    ("Ohio and Washington, Pa.", or the dateline "WASHINGTON, Pa." before a bare mention)
    keeps its town: the pair is evidence the list is not."""
    out = list(places)
    for run in _runs(out, text):
        states = {n for n in run if _pairs_with_previous(out, n, text)}
        units = [n for n in run if n not in states]
        paired = {n - 1 for n in states}
        for number in units:
            if number in paired:
                continue
            others = [out[n] for n in units if n != number]
            division = _division_among(out[number], others, fixed)
            if division is not None:
                out[number] = replace(
                    out[number],
                    name=division.name,
                    country=division.country,
                    lat=division.lat,
                    lon=division.lon,
                    geonameid=division.geonameid,
                    feature=division.feature,
                )
    return out


def _runs(places: list[Place], text: str) -> list[list[int]]:
    """The runs of places (by index) each joined to the next by a list's joint."""
    runs: list[list[int]] = []
    for number, place in enumerate(places):
        before = places[number - 1] if number else None
        if before is not None and _JOINT.fullmatch(text, before.span.end, place.span.start):
            runs[-1].append(number)
        else:
            runs.append([number])
    return [run for run in runs if len(run) > 1]


def _pairs_with_previous(places: list[Place], number: int, text: str) -> bool:
    """The place is the state of the town before it ("Washington, Pa."): part of that
    town's name, no member of the list."""
    if number == 0 or places[number].feature != _DIVISION:
        return False
    town = places[number - 1]
    if town.feature not in _TOWN_FEATURES | {"county"} or town.geonameid is None:
        return False
    if not _PAIR_JOINT.fullmatch(text, town.span.end, places[number].span.start):
        return False
    lat, lon = town.lat or 0.0, town.lon or 0.0
    known = KnownPlace(town.name, town.country, lat, lon, town.geonameid, town.feature)
    return division_of(known) == places[number].geonameid


def _division_among(
    place: Place, others: list[Place], fixed: Mapping[str, KnownPlace]
) -> City | None:
    """The division a listed town's name also names, where every other member of its list
    is a division; none where a pair of the
    article fixed the town."""
    if place.feature not in _TOWN_FEATURES or not others:
        return None
    if any(o.feature != _DIVISION for o in others) or fold(place.span.text) in fixed:
        return None
    countries = Counter(o.country for o in others)
    divisions = divisions_called(place.span.text)
    # a division of the others' country first; a neighbour's ("Quebec" among New England
    # states) where it has none of the name
    return max(divisions, key=lambda c: (countries[c.country], c.population), default=None)


def divisions_called(name: str) -> list[City]:
    """The first-order divisions called `name` by their own name; a US state indexed only
    as "X State" ("New York") too."""
    found = [c for c in cities_named(name) if c.feature == _DIVISION and c.by_name]
    state = us_state(name)
    if state is not None and all(c.geonameid != state.geonameid for c in found):
        found.append(state)
    return found
