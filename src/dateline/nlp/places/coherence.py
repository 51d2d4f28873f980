"""How well each candidate place of an article's names sits among the candidates of its
other names: the spatial evidence local news gives where it names no state.

A story about "Paris", "Lamar County", "Reno" and "Bonham" never says Texas, yet only in
Texas do towns of all four names lie within a short drive of each other. Resolving each
name alone by size sends Paris to France and Reno to Nevada, and a second pass that reads
those first guesses inherits their mistakes. So every candidate of every name is weighed
at once: a candidate gains for each other name with a candidate nearby, by how sure that
name is (a name with one candidate counts fully, a name with eight candidates an eighth),
so the countless Springfields and Franklins lend little, and a town named once in the
gazetteer anchors its neighbours. This is the "spatial minimality" of the geoparsing
literature (Leidner; Lieberman's local lexicons), in its cheapest form.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dateline.nlp.common.gazetteer import City

# Candidates this close are read as neighbours (as `component._NEARBY_KM`).
NEARBY_KM = 150.0
# Only the most populous candidates of a name are weighed: beyond them, a name's hamlets
# add time and no evidence.
_CANDIDATES = 20
_EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Candidates:
    """Every candidate of every name an article gives, by latitude, and which names each
    place is a candidate of (by GeoNames id)."""

    # (lat, lon, name number, the name's weight, GeoNames id), by latitude
    points: tuple[tuple[float, float, int, float, int], ...] = ()
    owners: Mapping[int, frozenset[int]] = field(default_factory=dict)
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
        band = math.degrees(NEARBY_KM / _EARTH_KM) + 1e-9
        weights: dict[int, float] = {}
        first = bisect_left(self.points, (city.lat - band,))
        for lat, lon, number, weight, geonameid in self.points[first:]:
            if lat > city.lat + band:
                break
            if number in own or geonameid == city.geonameid:
                continue
            # the nearer, the stronger: Ripley, W.Va., is the seat of West Virginia's Jackson
            # County, 80 km from Ohio's; a name's nearest candidate counts
            closeness = 1.0 - _km(city.lat, city.lon, lat, lon) / NEARBY_KM
            if closeness > weights.get(number, 0.0) / weight:
                weights[number] = weight * closeness
        self._known[city.geonameid] = found = sum(weights.values())
        return found


def candidates(names: Iterable[list[City]]) -> Candidates:
    """The candidates of each name (its most populous ones), weighted one over their
    number: a name with one candidate is sure of its place, one with twenty is not."""
    lists = [sorted(c, key=lambda c: -c.population)[:_CANDIDATES] for c in names]
    lists = [c for c in lists if c]
    points = sorted(
        (city.lat, city.lon, number, 1.0 / len(cities), city.geonameid)
        for number, cities in enumerate(lists)
        for city in cities
    )
    owners: dict[int, set[int]] = {}
    for number, cities in enumerate(lists):
        for city in cities:
            owners.setdefault(city.geonameid, set()).add(number)
    return Candidates(tuple(points), {k: frozenset(v) for k, v in owners.items()})


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
