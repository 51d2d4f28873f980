"""Stage 4: places, resolved offline to coordinates, and where each quote was said.

Toponyms are the article's place entities (GPE and other locations, and nationality words)
in its text blocks. Each resolves in order to: a region, sea or crossing of the project's list
or a continent; a country (or a division named like it, in a story about the division's
country); a place of the GeoNames gazetteer (town, first-order division, county), choosing
among places of one name by size, the article's countries, the article's other places, and
whether the name is the place's own. "Northern Gaza" is Gaza. A quote was said where its
attribution says ("Speaking in Jordan, …, he said"), never guessed.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from dateline.model import FACT_BLOCKS, Analysis, BlockKind, Entity, EntityType, Place, Quote, Span
from dateline.names import fold
from dateline.nlp.common.gazetteer import (
    City,
    KnownPlace,
    cities_named,
    country_place,
    region_named,
    spelled_like,
)
from dateline.nlp.common.intervals import ByStart, Intervals
from dateline.nlp.common.lexicon import (
    country_of_demonym,
    country_of_name,
    country_of_territory,
    region_of_demonym,
)
from dateline.nlp.common.occasions import carry_forward, cue_token
from dateline.nlp.common.sentences import sentence_of
from dateline.nlp.places.demonyms import untagged_demonyms
from dateline.nlp.places.embedded import embedded_places
from dateline.nlp.places.textscan import Found, state_name, text_places
from dateline.nlp.stage import stage
from dateline.vocabulary import COMPASS_ADJECTIVES, COMPASS_POINTS, alternation

COMPONENT = "dateline_places"  # the spaCy component name (nlp.pipeline.STAGES)

_PLACE_BLOCKS = FACT_BLOCKS | {BlockKind.CAPTION}
_LOCATIVE = {"in", "at", "to"}
# A "nationality" named like a city this big is the city, mistagged.
_GROUP_CITY = 100_000
# Places an article names within this distance of each other are read as neighbours.
_NEARBY_KM = 150.0
_EARTH_KM = 6371.0  # the mean radius, as the great-circle distance takes it
_LOCAL_FEATURES = {"city", "county"}
# A place found only by an alternate name has at least this many people ("Zara" is not
# Żary); a big city goes by its initials ("NYC").
_ALTERNATE_NAME_CITY = 100_000
_BIG_CITY = 1_000_000
# Below this many people a town needs the article's support: its country or its neighbours.
_LONE_TOWN = 20_000
# How far up the parse a place may stand from the cue it locates: "Speaking at a conference in
# the capital of Riyadh, X said" climbs seven heads.
_MAX_HOPS = 8
# "Northern Gaza", "North-east Syria": the place is the name without its part.
_DIRECTION = re.compile(
    rf"^(?:{alternation(COMPASS_ADJECTIVES | COMPASS_POINTS)})\s+", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """What else an article names: first-order divisions (by GeoNames id) and the points of
    its towns and counties. "Red Oak" in a story that names Iowa is Red Oak, Iowa.

    The article's places are kept once for all its entities, and each entity's neighbourhood
    is all of them but its own (`skip`): building one per entity would be quadratic in the
    number of places. Towns are sorted by latitude, so only those within the distance north
    or south of a city are measured (no two points are nearer than their latitudes differ).
    """

    # how many of the article's entities resolved to each division, by GeoNames id
    regions: Mapping[int, int] = field(default_factory=dict)
    # (lat, lon, entity number) of the towns and counties, by latitude
    points: tuple[tuple[float, float, int], ...] = ()
    skip: int = -1
    skip_region: int | None = None

    def holds(self, city: City) -> bool:
        """The place lies in a division the article names, or near one of its towns."""
        if city.region is not None and self._names(city.region):
            return city.geonameid != city.region
        return self._near(city)

    def _names(self, region: int) -> bool:
        own = 1 if region == self.skip_region else 0
        return self.regions.get(region, 0) > own

    def _near(self, city: City) -> bool:
        band = math.degrees(_NEARBY_KM / _EARTH_KM) + 1e-9
        first = bisect_left(self.points, (city.lat - band,))
        for lat, lon, number in self.points[first:]:
            if lat > city.lat + band:
                return False
            if number != self.skip and _km(city.lat, city.lon, lat, lon) <= _NEARBY_KM:
                return True
        return False


@stage(COMPONENT)
def find_places(doc: Doc, analysis: Analysis) -> None:
    """Every place mention with its coordinates, then each quote's place. Names are resolved
    twice: the second time each name knows the places the first time found for the others."""
    context = _context_countries(analysis)
    entities = [e for e in analysis.entities if _may_be_place(e)]
    first = [_resolve_entity(e, context, Neighbourhood()) for e in entities]
    everything = _neighbourhood(first)
    places: list[Place] = []
    second: list[KnownPlace | None] = []
    for number, entity in enumerate(entities):
        own = first[number]
        nearby = replace(
            everything,
            skip=number,
            skip_region=own.geonameid if own and own.feature == "region" else None,
        )
        known = _resolve_entity(entity, context, nearby)
        second.append(known)
        if known is not None:
            places.extend(_mentions_of(entity, known, analysis, context, nearby))
            _learn_country(entity, known)
    places.extend(_embedded(analysis, places, context))
    # The text's other names are read among the entities' settled places, not their first
    # guesses: a first "Hall County" in Nebraska would draw the next one there.
    places = _with_text_places(doc, analysis, places, context, _neighbourhood(second))
    places.extend(_demonym_places(doc, analysis, places))
    places.sort(key=lambda p: p.span.start)
    for number, place in enumerate(places, 1):
        place.id = f"p{number}"
    analysis.places = places
    _place_quotes(doc, analysis)


def _may_be_place(entity: Entity) -> bool:
    """A place, a nationality, or a body that stands for a continent ("the EU")."""
    if entity.type in (EntityType.GPE, EntityType.OTHER, EntityType.NORP):
        return True
    if entity.type is not EntityType.ORG:
        return False
    known = region_named(entity.name)
    return known is not None and known.feature == "continent"


def _embedded(analysis: Analysis, found: list[Place], context: Counter[str]) -> list[Place]:
    """The places organisations' names lead with ("the Suffolk Times"), where no place is."""
    places: list[Place] = []
    for span, known in embedded_places(analysis.entities, lambda n: resolve(n, context)):
        block = analysis.article.block_at(span.start)
        if block is None or block.kind not in _PLACE_BLOCKS:
            continue
        if any(p.span.start < span.end and span.start < p.span.end for p in found + places):
            continue
        places.append(
            Place(
                "",
                span,
                known.name,
                known.country,
                known.lat,
                known.lon,
                known.geonameid,
                known.feature,
            )
        )
    return places


def _demonym_places(doc: Doc, analysis: Analysis, found: list[Place]) -> list[Place]:
    """The countries of the nationality words the tagger left untyped ("Danish firms")."""
    return [
        Place("", span, k.name, k.country, k.lat, k.lon, k.geonameid, k.feature)
        for span, k in untagged_demonyms(doc, analysis, [p.span for p in found])
    ]


def _with_text_places(
    doc: Doc,
    analysis: Analysis,
    places: list[Place],
    context: Counter[str],
    nearby: Neighbourhood,
) -> list[Place]:
    """The places the entity reading missed, each read among the places it found ("Hall
    County" near Gainesville is Georgia's); a "City, State" pair replaces its reading."""
    spans = [p.span for p in places]
    found = text_places(doc, analysis, spans, lambda n: resolve(n, context, nearby))
    replaced = [f.span for f in found if f.overrides]
    kept = [
        p
        for p in places
        if not any(s.start < p.span.end and p.span.start < s.end for s in replaced)
    ]
    _add_place_entities(analysis, found)
    for item in found:
        known = item.place
        kept.append(
            Place(
                "",
                item.span,
                known.name,
                known.country,
                known.lat,
                known.lon,
                known.geonameid,
                known.feature,
            )
        )
    return kept


def _add_place_entities(analysis: Analysis, found: list[Found]) -> None:
    """A place the text scan found where no entity stands is an entity too, typed by the
    gazetteer: "A judge in Cardiff", missed by the tagger, still names the city, and a later
    reader of the entities (a quote's or an event's place, the corpus) should see it. One
    entity per name; a span an entity already covers stays that entity's."""
    _retype_paired(analysis, [f for f in found if f.overrides])
    taken = [(m.start, m.end) for e in analysis.entities for m in e.mentions]
    by_name: dict[str, Entity] = {}
    number = len(analysis.entities)
    for item in found:
        span = item.span
        if any(s < span.end and span.start < e for s, e in taken):
            continue
        entity = by_name.get(fold(span.text))
        if entity is None:
            number += 1
            entity = Entity(
                id=f"e{number}",
                name=span.text,
                type=EntityType.GPE,
                country=item.place.country,
                country_source="gazetteer" if item.place.country else None,
                type_from="gazetteer",
            )
            by_name[fold(span.text)] = entity
            analysis.entities.append(entity)
        entity.mentions.append(span)
        taken.append((span.start, span.end))


def _retype_paired(analysis: Analysis, paired: list[Found]) -> None:
    """ "DUBLIN, Ohio —", "Paris, Texas": a name read in a town-and-state pair is a place,
    whatever the tagger called it, and its country is the pair's (not France's, nor the
    Dublin an actor dictionary knows), where the article names it nowhere else."""
    for entity in analysis.entities:
        pairs = [_pair_over(m, paired) for m in entity.mentions]
        if not pairs or any(p is None for p in pairs):
            continue
        if entity.type is not EntityType.GPE:
            entity.type, entity.type_from = EntityType.GPE, "gazetteer"
        country = next((p.place.country for p in pairs if p is not None), None)
        if country is not None:
            entity.country, entity.country_source = country, "gazetteer"


def _pair_over(mention: Span, paired: list[Found]) -> Found | None:
    return next(
        (f for f in paired if f.span.start < mention.end and mention.start < f.span.end), None
    )


def _learn_country(entity: Entity, known: KnownPlace) -> None:
    """ "Darfur" names no country by itself, but the gazetteer places it in Sudan: a place
    (a GPE, or a name spaCy left untyped that the gazetteer knows) whose country only the
    gazetteer gives takes it, so later stages (events) can use it."""
    if entity.country is None and entity.type is not EntityType.NORP and known.country:
        entity.country, entity.country_source = known.country, "gazetteer"


def _resolve_entity(
    entity: Entity, context: Counter[str], nearby: Neighbourhood
) -> KnownPlace | None:
    if entity.type is EntityType.NORP:
        return _group_place(entity.name, entity.country)
    # "Md" (the tagger leaves the period out): a state's abbreviation tagged a place.
    name = state_name(entity.name) if entity.type is EntityType.GPE else None
    return resolve(name or entity.name, _without(entity, context), nearby)


def _without(entity: Entity, context: Counter[str]) -> Counter[str]:
    """The article's countries less the entity's own votes: "Georgia" alone does not make a
    story Georgian."""
    others = context.copy()
    if entity.country:
        others[entity.country] -= len(entity.mentions)
    return +others


def _neighbourhood(found: list[KnownPlace | None]) -> Neighbourhood:
    """The divisions and local places resolved for every entity."""
    regions = Counter(p.geonameid for p in found if p and p.feature == "region" and p.geonameid)
    points = sorted(
        (p.lat, p.lon, number)
        for number, p in enumerate(found)
        if p and p.feature in _LOCAL_FEATURES
    )
    return Neighbourhood(regions, tuple(points))


def _mentions_of(
    entity: Entity,
    known: KnownPlace,
    analysis: Analysis,
    context: Counter[str],
    nearby: Neighbourhood,
) -> list[Place]:
    """A place for each of the entity's mentions in a block that states facts. A mention
    worded otherwise than the entity is resolved by its own words when they name a place:
    "England" among mentions of Britain is England."""
    places = []
    for mention in entity.mentions:
        block = analysis.article.block_at(mention.start)
        if block is None or block.kind not in _PLACE_BLOCKS:
            continue
        if entity.type is EntityType.NORP and _names_people(mention.text):
            continue
        own = known
        if entity.type is not EntityType.NORP and fold(mention.text) != fold(entity.name):
            own = resolve(mention.text, _without(entity, context), nearby) or known
        places.append(
            Place("", mention, own.name, own.country, own.lat, own.lon, own.geonameid, own.feature)
        )
    return places


def _context_countries(analysis: Analysis) -> Counter[str]:
    """How often the article names each country, directly or through its people and bodies.
    A country inferred from the article's own places (an official's, `country_source`
    "inference") is no more evidence for them: counted, a brand tagged as a town ("Zara")
    would lend its namesake's country to a person and take it back."""
    counts: Counter[str] = Counter()
    for entity in analysis.entities:
        if entity.country and entity.country_source != "inference":
            counts[entity.country] += len(entity.mentions)
    return counts


def resolve(
    name: str, context: Counter[str], nearby: Neighbourhood | None = None
) -> KnownPlace | None:
    """The place `name` most likely names in an article about the `context` countries that
    names the `nearby` places."""
    for candidate in dict.fromkeys([name.strip(), _DIRECTION.sub("", name.strip())]):
        found = _resolve_exactly(candidate, context, nearby or Neighbourhood())
        if found is not None:
            return found
    return None


def _resolve_exactly(name: str, context: Counter[str], nearby: Neighbourhood) -> KnownPlace | None:
    """ "South Africa" is a country before "Africa" is anything: the full name first."""
    region = region_named(name) or _division_of_territory(name)
    if region is not None:
        return region
    code = country_of_name(name)
    if code is not None:
        return _namesake_division(name, code, context) or country_place(code)
    cities = [c for c in cities_named(name) if _plausible(c, name)]
    if cities:
        best = max(cities, key=lambda c: _city_score(c, context, nearby))
        return _known(best) if _grounded(best, context, nearby) else None
    territory = country_of_territory(name)
    return country_place(territory) if territory else None


def _namesake_division(name: str, country: str, context: Counter[str]) -> KnownPlace | None:
    """A division named like a country ("Georgia" the state), in a story about the
    division's country that names the other country nowhere else."""
    if context.get(country, 0) > 0 or not context:
        return None
    top = max(context.values())
    for place in cities_named(name):
        if (
            place.feature == "region"
            and place.by_name
            and place.country != country
            and context.get(place.country or "", 0) == top
        ):
            return _known(place)
    return None


def _grounded(city: City, context: Counter[str], nearby: Neighbourhood) -> bool:
    """A small town far from everything else the article names, in a country it never
    names, is more likely a person's or a brand's name ("Zara") than a place."""
    if city.feature != "city" or city.population >= _LONE_TOWN:
        return True
    return context.get(city.country or "", 0) > 0 or nearby.holds(city)


def _plausible(city: City, name: str) -> bool:
    """A place found only by an alternate name must be big enough for the name to stand for
    it: alternate names hold airport codes ("MOD" is Modesto) and old or foreign names of
    small towns that are also people's names. Three letters or fewer stand for a big city
    only in capitals ("NYC"). A spelling of the place's own name ("Lokichogio") is its name."""
    if spelled_like(city, name):
        return True
    if len(name.replace(".", "").strip()) <= 3:
        return name.isupper() and city.population >= _BIG_CITY
    return city.population >= _ALTERNATE_NAME_CITY


def _division_of_territory(name: str) -> KnownPlace | None:
    """A territory that GeoNames keeps as a first-order division ("England", "Scotland"):
    the division, though the word lists treat it as its country."""
    territory = country_of_territory(name)
    if territory is None:
        return None
    regions = [c for c in cities_named(name) if c.feature == "region" and c.country == territory]
    return _known(regions[0]) if regions else None


def _known(city: City) -> KnownPlace:
    return KnownPlace(city.name, city.country, city.lat, city.lon, city.geonameid, city.feature)


def _names_people(text: str) -> bool:
    """ "Saudis", "Europeans": a plural of a nationality names people, not their place."""
    singular = text.strip().removesuffix("s")
    return (
        singular != text.strip()
        and country_of_name(text) is None
        and bool(country_of_demonym(singular) or region_of_demonym(singular))
    )


def _group_place(name: str, country: str | None) -> KnownPlace | None:
    """ "Russian troops": a nationality word points at its country, "European leaders" at
    the continent (GeoWebNews counts these as non-locational toponyms). A "group" named like
    a big city is the city, mistagged ("officials in Tunis")."""
    if country:
        return country_place(country)
    region = region_of_demonym(name)
    if region is not None:
        return region_named(region)
    cities = [c for c in cities_named(name) if c.by_name and c.population >= _GROUP_CITY]
    return _known(cities[0]) if cities else None


def _city_score(city: City, context: Counter[str], nearby: Neighbourhood) -> float:
    """Big cities are named more often, and so are cities of the countries the article is
    about, up to a hundredfold: "Toronto" in an American story is still Ontario's, not the
    Ohio village's. A national capital is named a hundredfold beyond its size ("Washington"
    is the capital before the state), a place called by its own name a hundredfold before
    one called so by an alternate or former name ("Salisbury" is not Harare), and a place
    among the article's other places some thirtyfold."""
    share = context.get(city.country or "", 0) / max(1, max(context.values(), default=1))
    bonus = (4.0 if city.capital else 2.0) if city.by_name else 0.0
    local = 1.5 if nearby.holds(city) else 0.0
    return math.log10(max(city.population, 1)) + 2 * share + bonus + local


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _place_quotes(doc: Doc, analysis: Analysis) -> None:
    """A quote was said at the place its attribution gives ("speaking in Jordan", "during a
    visit to Riyadh"): a place after "in", "at" or "to" whose phrase hangs from the cue."""
    places = ByStart(analysis.places, lambda p: p.span.start)
    quoted = Intervals((q.span.start, q.span.end + 1) for q in analysis.quotes)
    for quote in analysis.quotes:
        cue = cue_token(doc, quote)
        if cue is None or quote.cue is None:
            continue
        sentence = sentence_of(cue)
        candidates = [
            p
            for p in places.within(sentence.start_char, sentence.end_char)
            if not quoted.overlaps(p.span.start, p.span.start + 1) and _locates(doc, p, cue, quote)
        ]
        if candidates:
            cue_start = quote.cue.start
            quote.place = min(candidates, key=lambda p: abs(p.span.start - cue_start)).id
    carry_forward(analysis, "place")


def _locates(doc: Doc, place: Place, cue: Token, quote: Quote) -> bool:
    """The place's phrase hangs from the cue through a locative preposition ("in Jordan",
    "a visit to Riyadh", "a conference in the capital of Riyadh")."""
    tokens = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if tokens is None:
        return False
    current, locative = tokens.root, False
    for _ in range(_MAX_HOPS):
        if current.i == cue.i:
            return locative
        if current.head.i == current.i or quote.span.start <= current.idx < quote.span.end:
            return False
        current = current.head
        locative = locative or (current.dep_ == "prep" and current.lower_ in _LOCATIVE)
    return False
