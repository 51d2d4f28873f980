"""How well each candidate place of an article's names sits among the candidates of its
other names: the spatial evidence local news gives where it names no state.

A story about "Paris", "Lamar County", "Reno" and "Bonham" never says Texas, yet only in
Texas do towns of all four names lie within a short drive of each other. Resolving each
name alone by size sends Paris to France and Reno to Nevada, and a second pass that reads
those first guesses inherits their mistakes. So every candidate of every name is weighed
at once: a candidate gains for each other name with a candidate nearby, by how sure that
name is (a name with one candidate counts fully, a name with eight candidates an eighth),
so the countless Springfields and Franklins lend little, and a town named once in the
gazetteer anchors its neighbours. A town and a county that lie together are surer: of a
county's candidates, those with a town of the other name at their heart are few, and the
county is as sure as one over their number ("Springfield" and "Clark County" each have a
dozen places, and only in Ohio is a Springfield the seat of a Clark County). Two towns that
lie a drive apart are not: in a list of big cities, "Boston" and "Houston" both have
Pennsylvania hamlets 40 km apart. This is the "spatial minimality" of the geoparsing
literature (Leidner; Lieberman's local lexicons), in its cheapest form.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from dateline.nlp.common.gazetteer import City

# Candidates this close are read as neighbours (as `component._NEARBY_KM`).
NEARBY_KM = 150.0
# Only the most populous candidates of a name are weighed: beyond them, a name's hamlets
# add time and no evidence.
_CANDIDATES = 20
# A place this near a city of another name this big, with this many times its people, is
# read as a quarter of that city, which lends it nothing: Madrid's Salamanca district is no
# neighbour of Madrid (GeoNames keeps big cities' districts among its populated places),
# while Poland, Ohio, is still Boardman's neighbour.
_QUARTER_KM = 8.0
_QUARTER_RATIO = 10
_QUARTERED_CITY = 500_000
# A town this near a county's point (the mean of its towns) is read as lying in it.
_SEAT_KM = 40.0
# Two towns this near each other are twins ("Peru and LaSalle", "Moscow and Pullman"): of
# two names, a pair of their towns this close is rare enough to count as one over the
# number of such pairs, where towns a drive apart count one over their number.
_TWIN_KM = 15.0
_EARTH_KM = 6371.0


Point = tuple[float, float, int, float, int]


@dataclass(frozen=True, slots=True)
class Candidates:
    """Every candidate of every name an article gives, by latitude, and which names each
    place is a candidate of (by GeoNames id)."""

    # (lat, lon, name number, the name's weight, GeoNames id), by latitude
    points: tuple[Point, ...] = ()
    owners: Mapping[int, frozenset[int]] = field(default_factory=dict)
    # (name, other name): how many of the name's candidates have one of the other's in
    # them or around them (a town in a county, a county around a town)
    seats: Mapping[tuple[int, int], int] = field(default_factory=dict)
    # each candidate's people, and the candidates that are counties, by GeoNames id
    people: Mapping[int, int] = field(default_factory=dict)
    counties: frozenset[int] = frozenset()
    _known: dict[int, float] = field(default_factory=dict)

    def support(self, city: City) -> float:
        """The summed weights of the other names with a candidate within NEARBY_KM of
        `city`, each by how near its nearest candidate lies (full at the same point, none
        at NEARBY_KM): never its own name's other candidates, nor the place itself under
        another of its names."""
        cached = self._known.get(city.geonameid)
        if cached is not None:
            return cached
        own = self.owners.get(city.geonameid, frozenset())
        weights: dict[int, float] = {}
        for distance, number, weight, geonameid in self._others(city, NEARBY_KM):
            if self._quarter_of(city, distance, geonameid):
                continue
            county = (city.feature == "county") != (geonameid in self.counties)
            if distance < (_SEAT_KM if county else _TWIN_KM):
                weight = self._seat_weight(number, own, weight)
            # the nearer, the stronger: Ripley, W.Va., is the seat of West Virginia's Jackson
            # County, 80 km from Ohio's; a name's nearest candidate counts
            weights[number] = max(weights.get(number, 0.0), weight * (1.0 - distance / NEARBY_KM))
        self._known[city.geonameid] = found = sum(weights.values())
        return found

    def neighbour_km(self, city: City) -> float:
        """How far the nearest candidate of another of the article's names lies from `city`
        (NEARBY_KM where none is nearer): "Winona Lake" is read as the Indiana town where
        one of the story's "Warsaw"s lies beside it, though none is yet chosen."""
        nearest = NEARBY_KM
        for distance, _, _, geonameid in self._others(city, NEARBY_KM):
            if not self._quarter_of(city, distance, geonameid):
                nearest = min(nearest, distance)
        return nearest

    def quartered(self, city: City) -> bool:
        """The place lies at the heart of a far bigger candidate of another of the article's
        names: a district of a city the article names, near it by being part of it."""
        others = self._others(city, _QUARTER_KM)
        return any(self._quarter_of(city, distance, other) for distance, _, _, other in others)

    def _others(self, city: City, radius: float) -> Iterator[tuple[float, int, float, int]]:
        """(distance, name number, the name's weight, GeoNames id) of each candidate of the
        article's other names within `radius` km of `city`'s latitude, one sweep of the
        points by latitude: never its own name's other candidates, nor the place itself
        under another of its names."""
        own = self.owners.get(city.geonameid, frozenset())
        band = math.degrees(radius / _EARTH_KM) + 1e-9
        first = bisect_left(self.points, (city.lat - band,))
        for lat, lon, number, weight, geonameid in self.points[first:]:
            if lat > city.lat + band:
                return
            if number not in own and geonameid != city.geonameid:
                yield _km(city.lat, city.lon, lat, lon), number, weight, geonameid

    def _quarter_of(self, city: City, distance: float, other: int) -> bool:
        """The place lies at the heart of a far bigger candidate: a district of that city."""
        people = self.people.get(other, 0)
        big = people >= _QUARTERED_CITY and people >= _QUARTER_RATIO * max(city.population, 1)
        return distance < _QUARTER_KM and big

    def _seat_weight(self, other: int, own: frozenset[int], weight: float) -> float:
        """How sure the `other` name is of a town in (or a county around) a candidate of the
        `own` names: one over the number of its candidates that hold one of theirs."""
        counts = [self.seats[(other, name)] for name in own if (other, name) in self.seats]
        return max(weight, 1.0 / min(counts)) if counts else weight


def candidates(names: Iterable[list[City]]) -> Candidates:
    """The candidates of each name (its most populous ones), weighted one over their
    number: a name with one candidate is sure of its place, one with twenty is not."""
    lists = [sorted(c, key=lambda c: -c.population)[:_CANDIDATES] for c in names]
    lists = [c for c in lists if c]
    points = tuple(
        sorted(
            (city.lat, city.lon, number, 1.0 / len(cities), city.geonameid)
            for number, cities in enumerate(lists)
            for city in cities
        )
    )
    owners: dict[int, set[int]] = {}
    for number, cities in enumerate(lists):
        for city in cities:
            owners.setdefault(city.geonameid, set()).add(number)
    counties = frozenset(c.geonameid for cities in lists for c in cities if c.feature == "county")
    return Candidates(
        points,
        {k: frozenset(v) for k, v in owners.items()},
        _seats(points, counties),
        {city.geonameid: city.population for cities in lists for city in cities},
        counties,
    )


def _seats(points: tuple[Point, ...], counties: frozenset[int]) -> dict[tuple[int, int], int]:
    """For each two names, how many candidates of the first lie within _SEAT_KM of a
    candidate of the second, one a county and the other a town, or within _TWIN_KM, both
    towns or both counties: one sweep by latitude."""
    band = math.degrees(_SEAT_KM / _EARTH_KM) + 1e-9
    near: dict[tuple[int, int], set[int]] = {}
    for i, (lat, lon, number, _, geonameid) in enumerate(points):
        for there, east, other, _, other_id in points[i + 1 :]:
            if there > lat + band:
                break
            if other == number:
                continue
            limit = _SEAT_KM if (geonameid in counties) != (other_id in counties) else _TWIN_KM
            if _km(lat, lon, there, east) < limit:
                near.setdefault((number, other), set()).add(geonameid)
                near.setdefault((other, number), set()).add(other_id)
    return {pair: len(ids) for pair, ids in near.items()}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
