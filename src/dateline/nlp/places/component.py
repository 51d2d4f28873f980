"""Stage 4: places, resolved offline to coordinates, and where each quote was said.

Toponyms are the article's place entities (GPE and other locations, and nationality words)
in its text blocks. Each resolves in order to: a region, sea or crossing of the project's list
or a continent; a country (or a division named like it, in a story about the division's
country); a place of the GeoNames gazetteer (town, first-order division, county), choosing
among places of one name by size (the prior), and by the text's evidence: the article's
countries, its "City, State" pairs (which fix their towns for every bare mention, and whose
states are the article's focus), the divisions and towns it names, how near each candidate
lies to the other names' candidates (`coherence`), and whether the name is the place's own.
"Northern Gaza" is Gaza. A quote was said where its
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

from dateline.model import (
    FACT_BLOCKS,
    Analysis,
    Article,
    BlockKind,
    Entity,
    EntityType,
    Place,
    Quote,
    Span,
)
from dateline.names import fold
from dateline.nlp.common.gazetteer import (
    DIVISION_FEATURES,
    City,
    KnownPlace,
    cities_named,
    country_place,
    country_population,
    division_named,
    division_of,
    local_towns,
    nation_division,
    region_named,
    spelled_like,
    transliterated,
    us_state,
    zip_listed,
)
from dateline.nlp.common.intervals import ByStart, Intervals
from dateline.nlp.common.lexicon import (
    country_of_demonym,
    country_of_name,
    country_of_territory,
    organisation,
    region_of_demonym,
)
from dateline.nlp.common.occasions import carry_forward, cue_token
from dateline.nlp.common.sentences import sentence_of
from dateline.nlp.places.coherence import Candidates, candidates
from dateline.nlp.places.demonyms import untagged_demonyms
from dateline.nlp.places.embedded import embedded_places
from dateline.nlp.places.listing import divisions_called, with_listed_divisions
from dateline.nlp.places.rivers import with_rivers
from dateline.nlp.places.textscan import Found, TextScan, state_name
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
# A town found by an alternate name in a country the article names has at least this many
# people, and the name more than three letters (see `_story_alternates`).
_STORY_ALTERNATE = 1_000
# A named country's capital outranks a namesake with less than 1/this of its people.
_CAPITAL_OVER = 50
_SHORT_NAME = 3
# How much a place called by its own name gains, and a national capital, in powers of ten.
_OWN_NAME_BONUS = 2.0
_CAPITAL_BONUS = 4.0
# How much a town of a state the article's pairs name gains, in powers of ten of people, and
# how many of the article's other towns and counties make their state its focus too.
_FOCUS = 1.0
_HOME_PLACES = 2
# How much less a district of a city the article names is named than its size says.
_DISTRICT = 1.0
# How much a place gains for each sure name of the article with a candidate near it (see
# `coherence`), in powers of ten of people, and the most support that counts.
_COHERENCE = 2.0
_MOST_SUPPORT = 3.0
# A place with this much support has a sure name of the article (one candidate) within
# 45 km of it.
_SURE_SUPPORT = 0.7
# Below this many people a town needs the article's support: its country or its neighbours.
_LONE_TOWN = 20_000
# Below this many people, a town in a country the article never names, far from its places,
# is no place where the article names other countries this many times (see `_grounded`).
_FAR_TOWN = 200_000
_FOCUSED = 5
# A town is no stray name where a namesake of another of the article's names lies this near
# it: two names a short drive apart are a local story's two towns.
_NEIGHBOUR_KM = 40.0
# The numbers of the preview's points its own name skips, below every other point's.
_SKIPPED_PREVIEW = -1_000_000
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
    # the towns and counties "City, State" pairs fix, by folded name: each bare mention of
    # the name is that place ("MOSCOW, Idaho —", then "Moscow" alone)
    fixed: Mapping[str, KnownPlace] = field(default_factory=dict)
    # the states those pairs name (GeoNames ids): the article's geographic focus
    focus: frozenset[int] = frozenset()
    # every candidate of every name, for how well a place sits among the others
    candidates: Candidates = field(default_factory=Candidates)
    # the first-order division of each entity's town or county (by entity number), and how
    # many entities' towns and counties lie in each division
    homes: Mapping[int, int] = field(default_factory=dict)
    home_counts: Mapping[int, int] = field(default_factory=dict)
    # the names (folded) the text calls a division: "the province of X", "X province"
    divisions: frozenset[str] = frozenset()
    # the number the preview's points of each name only the text scan finds carry (see
    # `_with_preview`), by folded name, and the one of the name being weighed: a name's
    # own first guess is no neighbour of its candidates
    previewed: Mapping[str, int] = field(default_factory=dict)
    skip_preview: int | None = None

    def holds(self, city: City) -> bool:
        """The place lies in a division the article names, or near one of its towns."""
        if city.region is not None and self._names(city.region):
            return city.geonameid != city.region
        return self._near(city)

    def in_home_state(self, city: City) -> bool:
        """The place lies in a state where the article's other towns and counties lie: a
        story about Frankfort, Bardstown and Campbellsville is a Kentucky story, and its
        "Paris" is Kentucky's though 150 km from each of them."""
        if city.region is None or city.geonameid == city.region:
            return False
        own = 1 if self.homes.get(self.skip) == city.region else 0
        return self.home_counts.get(city.region, 0) - own >= _HOME_PLACES

    def states(self) -> frozenset[int]:
        """The states the article is about: those its pairs name, and those where
        enough of its towns and counties lie."""
        homes = (r for r, n in self.home_counts.items() if n >= _HOME_PLACES)
        return self.focus | frozenset(homes)

    def _names(self, region: int) -> bool:
        own = 1 if region == self.skip_region else 0
        return self.regions.get(region, 0) > own

    def _near(self, city: City) -> bool:
        return self.near_point(city.lat, city.lon)

    def near_point(self, lat: float, lon: float) -> bool:
        """One of the article's towns or counties (but the skipped one) lies near."""
        band = math.degrees(_NEARBY_KM / _EARTH_KM) + 1e-9
        first = bisect_left(self.points, (lat - band,))
        for there, east, number in self.points[first:]:
            if there > lat + band:
                return False
            if number in (self.skip, self.skip_preview):
                continue
            if _km(lat, lon, there, east) <= _NEARBY_KM:
                return True
        return False


@stage(COMPONENT)
def find_places(doc: Doc, analysis: Analysis) -> None:
    """Every place mention with its coordinates, then each quote's place. Names are resolved
    twice: the second time each name knows the places the first time found for the others."""
    context = _context_countries(analysis)
    entities = [e for e in analysis.entities if _may_be_place(e)]
    names = [e.name for e in entities if e.type is not EntityType.NORP]
    scan = TextScan.of(doc, analysis)  # read once; resolved in the preview and at the end
    pinned = replace(
        _pinned(scan.paired()),
        candidates=_candidates_of(names),
        divisions=_named_divisions(analysis.article),
    )
    first = [_resolve_entity(e, context, pinned) for e in entities]
    pinned = _with_preview(scan, entities, first, context, pinned, names)
    everything = _neighbourhood(first, pinned)
    places: list[Place] = []
    second: list[KnownPlace | None] = []
    for number, entity in enumerate(entities):
        own = first[number]
        nearby = replace(
            everything,
            skip=number,
            skip_region=own.geonameid if own and own.feature == "region" else None,
            skip_preview=everything.previewed.get(fold(entity.name)),
        )
        known = _areal(entity, _resolve_entity(entity, context, nearby), analysis, context, nearby)
        second.append(known)
        _settle_country(entity, known)
        if known is not None:
            places.extend(_mentions_of(entity, known, analysis, context, nearby))
    # The text's other names, and the places bodies' names open with, are read among the
    # entities' settled places, not their first guesses: a first "Hall County" in Nebraska
    # would draw the next one there, and "the Portland council" beside South Portland and
    # Westbrook is Maine's.
    settled = _neighbourhood(second, pinned)
    context = _context_countries(analysis)  # with the countries the places settled
    places.extend(_embedded(analysis, places, context, settled))
    places = _with_text_places(scan, places, context, settled)
    places.extend(_demonym_places(doc, analysis, places))
    places.sort(key=lambda p: p.span.start)
    places = with_rivers(with_listed_divisions(places, analysis.article.text, pinned.fixed), doc)
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


def _embedded(
    analysis: Analysis, found: list[Place], context: Counter[str], nearby: Neighbourhood
) -> list[Place]:
    """The places organisations' names lead with ("the Suffolk Times"), where no place is."""
    places: list[Place] = []

    def resolver(name: str) -> KnownPlace | None:
        return resolve(name, context, _skipping(nearby, name))

    for span, known in embedded_places(_bodies(analysis), resolver):
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


def _bodies(analysis: Analysis) -> list[Entity]:
    """The entities whose names may open with a place. A club is named after its town
    ("Norwich City"), and GeoWebNews counts no place there, as for the sides of a match
    result; nor does it in a union of states the organisation list knows: "the African
    Union" is no place in Africa, "the European Commission" none in Europe."""
    return [e for e in analysis.entities if e.type_from != "club" and not _union(e)]


def _union(entity: Entity) -> bool:
    """A body of many states by the organisation list: no country of its own."""
    known = organisation(entity.name)
    return known is not None and known.country is None and known.sector == "IGO"


def _demonym_places(doc: Doc, analysis: Analysis, found: list[Place]) -> list[Place]:
    """The countries of the nationality words the tagger left untyped ("Danish firms")."""
    return [
        Place("", span, k.name, k.country, k.lat, k.lon, k.geonameid, k.feature)
        for span, k in untagged_demonyms(doc, analysis, [p.span for p in found])
    ]


def _with_text_places(
    scan: TextScan,
    places: list[Place],
    context: Counter[str],
    nearby: Neighbourhood,
) -> list[Place]:
    """The places the entity reading missed, each read among the places it found ("Hall
    County" near Gainesville is Georgia's); a "City, State" pair replaces its reading."""
    spans = [p.span for p in places]
    found = scan.places(spans, lambda n: resolve(n, context, _skipping(nearby, n)))
    replaced = [f.span for f in found if f.overrides]
    kept = [
        p
        for p in places
        if not any(s.start < p.span.end and p.span.start < s.end for s in replaced)
    ]
    _add_place_entities(scan.analysis, found)
    seen = {(p.span.start, p.span.end) for p in kept}
    for item in found:
        known = item.place
        # "DUBLIN, Ohio": the dateline's pair is also a pair of the text; one place a span
        if (item.span.start, item.span.end) in seen:
            continue
        seen.add((item.span.start, item.span.end))
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


def _skipping(nearby: Neighbourhood, name: str) -> Neighbourhood:
    """The neighbourhood less the preview's first guess of `name` itself."""
    number = nearby.previewed.get(fold(name))
    return nearby if number is None else replace(nearby, skip_preview=number)


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


_NATURAL = frozenset({"river", "lake", "mountain", "sea", "ocean", "strait", "canal"})


def _retype_paired(analysis: Analysis, paired: list[Found]) -> None:
    """ "DUBLIN, Ohio —", "Paris, Texas": a name read in a town-and-state pair is a place,
    whatever the tagger called it, and its country is the pair's (not France's, nor the
    Dublin an actor dictionary knows), where the article names it nowhere else."""
    for entity in analysis.entities:
        pairs = [_pair_over(m, paired) for m in entity.mentions]
        if not pairs or any(p is None for p in pairs):
            continue
        # a river, lake or mountain is a place that is no political unit
        natural = all(p is not None and p.place.feature in _NATURAL for p in pairs)
        kind = EntityType.OTHER if natural else EntityType.GPE
        if entity.type is not kind:
            entity.type, entity.type_from = kind, "gazetteer"
        country = next((p.place.country for p in pairs if p is not None), None)
        if country is not None:
            entity.country, entity.country_source = country, "gazetteer"


def _pair_over(mention: Span, paired: list[Found]) -> Found | None:
    return next(
        (f for f in paired if f.span.start < mention.end and mention.start < f.span.end), None
    )


def _settle_country(entity: Entity, known: KnownPlace | None) -> None:
    """ "Darfur" names no country by itself, but the gazetteer places it in Sudan: a place
    (a GPE, or a name spaCy left untyped that the gazetteer knows) whose country only the
    gazetteer gives takes it, so later stages (events) can use it. The entity stage's
    gazetteer country is the biggest place of the name's, read without the story: the place
    the story settles on replaces it ("Legazpi" among Philippine towns is not Spain's), and
    a name the story settles on no place of keeps no country from the gazetteer ("Samar",
    an island the gazetteer lacks, is not the Ukrainian town's)."""
    if entity.type is EntityType.NORP:
        return
    from_gazetteer = entity.country is None or entity.country_source == "gazetteer"
    if not from_gazetteer:
        return
    if known is None:
        if entity.country_source == "gazetteer" and entity.type is EntityType.GPE:
            entity.country, entity.country_source = None, None
        return
    if known.country:
        entity.country, entity.country_source = known.country, "gazetteer"


def _resolve_entity(
    entity: Entity, context: Counter[str], nearby: Neighbourhood
) -> KnownPlace | None:
    if entity.type is EntityType.NORP:
        return _group_place(entity.name, entity.country, context, nearby)
    # "Md" (the tagger leaves the period out): a state's abbreviation tagged a place, and
    # "N.Y." the state, never the city of its name.
    name = state_name(entity.name) if entity.type is EntityType.GPE else None
    state = us_state(name) if name else None
    if state is not None:
        return _known(state)
    return resolve(name or entity.name, _without(entity, context), nearby)


# "eastern Washington", "southern Punjab": a compass adjective the name does not hold.
_AREAL = re.compile(rf"\b(?:{alternation(COMPASS_ADJECTIVES)})\s+$")


def _areal(
    entity: Entity,
    known: KnownPlace | None,
    analysis: Analysis,
    context: Counter[str],
    nearby: Neighbourhood,
) -> KnownPlace | None:
    """ "A dry wind out of eastern Washington": a name the text gives a part of by a
    lower-case compass adjective is an area, a state or province, never the city of the
    name, where the name has a division: not the capital, but the state."""
    if known is None or known.feature != "city" or entity.type is EntityType.NORP:
        return known
    text = analysis.article.text
    if not any(_AREAL.search(text, max(0, m.start - 20), m.start) for m in entity.mentions):
        return known
    divisions = [c for c in cities_named(entity.name) if c.feature == "region" and c.by_name]
    if not divisions:
        return known
    return _known(max(divisions, key=lambda c: _city_score(c, context, nearby)))


def _without(entity: Entity, context: Counter[str]) -> Counter[str]:
    """The article's countries less the entity's own votes: "Georgia" alone does not make a
    story Georgian."""
    others = context.copy()
    if entity.country:
        others[entity.country] -= len(entity.mentions)
    return +others


def _neighbourhood(found: list[KnownPlace | None], pinned: Neighbourhood) -> Neighbourhood:
    """The divisions and local places resolved for every entity, with those `pinned`."""
    regions = Counter(p.geonameid for p in found if p and p.feature == "region" and p.geonameid)
    regions.update(pinned.regions)
    points = sorted(
        [
            *pinned.points,
            *(
                (p.lat, p.lon, number)
                for number, p in enumerate(found)
                if p and p.feature in _LOCAL_FEATURES
            ),
        ]
    )
    homes = {
        number: region
        for number, p in enumerate(found)
        if p and p.feature in _LOCAL_FEATURES and (region := division_of(p)) is not None
    }
    return replace(
        pinned,
        regions=regions,
        points=tuple(points),
        homes=homes,
        home_counts=Counter(homes.values()),
    )


def _candidates_of(names: list[str]) -> Candidates:
    """The towns and counties each place name of the article may be, for the spatial
    evidence among them."""
    distinct = {fold(n): n for n in names}
    return candidates(
        [
            spelled
            for c in cities_named(name)
            if c.feature in _LOCAL_FEATURES
            and (spelled := _as_spelled(c, name)).by_name
            and _plausible(c, name)
        ]
        for name in distinct.values()
    )


def _with_preview(
    scan: TextScan,
    entities: list[Entity],
    first: list[KnownPlace | None],
    context: Counter[str],
    pinned: Neighbourhood,
    names: list[str],
) -> Neighbourhood:
    """The names only the text scan finds, read once among the entities' first guesses,
    join the evidence before the entities are read again: in "Jackson County said the
    bridge between Ripley and Ravenswood", the tagger knows only the county, and the towns
    place it in West Virginia. Their points are numbered below the pairs', so no entity's
    `skip` leaves them out."""
    spans = [
        m for entity, known in zip(entities, first, strict=True) if known for m in entity.mentions
    ]
    nearby = _neighbourhood(first, pinned)
    preview = scan.places(spans, lambda n: resolve(n, context, nearby))
    found = [
        (f.span, f.place, f.overrides)
        for f in preview
        if _scan_only(f, spans, pinned) and f.place.feature in _LOCAL_FEATURES
    ]
    # and the places bodies' names open with: "the Warsaw school board and the Kosciusko
    # County council" name Indiana's town and its county, though neither is an entity place
    bodies = embedded_places(_bodies(scan.analysis), lambda n: resolve(n, context, nearby))
    found += [
        (span, known, True)
        for span, known in bodies
        if known.feature in _LOCAL_FEATURES and not _overlaps(span, spans)
    ]
    if not found:
        return pinned
    # A name the scan reads over the tagger's person or body was guessed here with nothing
    # of its own kind beside it: its every point carries one number, which its own reading
    # skips, so that guess lends it nothing. A name the tagger saw nothing in keeps its
    # first guess as a neighbour (skipping that too sent Colchester, in a British soldier's
    # story, to Vermont).
    numbers: dict[str, int] = {}
    points: list[tuple[float, float, int]] = []
    for n, (span, place, skipped) in enumerate(found):
        number = -10_000 - n
        if skipped:
            number = numbers.setdefault(fold(span.text), _SKIPPED_PREVIEW - len(numbers))
        points.append((place.lat, place.lon, number))
    return replace(
        pinned,
        points=tuple(sorted([*pinned.points, *points])),
        candidates=_candidates_of([*names, *(span.text for span, _, _ in found)]),
        previewed=numbers,
    )


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(s.start < span.end and span.start < s.end for s in spans)


def _scan_only(found: Found, spans: list[Span], pinned: Neighbourhood) -> bool:
    """The text scan's place is a name no entity's place holds, and no pair's: "between
    Franklin and Columbia", both of which the tagger called people, weigh each other."""
    if found.overrides and fold(found.span.text) in pinned.fixed:
        return False
    return not _overlaps(found.span, spans)


def _pinned(pairs: list[Found]) -> Neighbourhood:
    """What the article's "City, State" pairs settle before any name is weighed: their
    towns (for every other mention of the name), their states (the article's focus, and
    divisions it names) and their towns' points (neighbours of the other names). A pair's
    point is numbered below every entity's, so no entity's `skip` leaves it out."""
    towns = [f for f in pairs if f.place.feature in _LOCAL_FEATURES]
    states = [f.place.geonameid for f in pairs if f.place.feature == "region"]
    fixed: dict[str, KnownPlace] = {}
    for item in towns:
        fixed.setdefault(fold(item.span.text), item.place)
    points = tuple(sorted((f.place.lat, f.place.lon, -2 - n) for n, f in enumerate(towns)))
    return Neighbourhood(
        regions=Counter(s for s in states if s is not None),
        points=points,
        fixed=fixed,
        focus=frozenset(s for s in states if s is not None),
    )


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
        # a division the story's countries already chose stays: "the Savanes region" of a
        # Togolese story is Togo's, not the most populous division of the name
        if entity.type is not EntityType.NORP and own.feature not in DIVISION_FEATURES:
            own = _division_before_its_word(mention, analysis) or own
        span = _without_division_word(mention, analysis)
        places.append(
            Place("", span, own.name, own.country, own.lat, own.lon, own.geonameid, own.feature)
        )
    return places


# A division's kind after its name: "Idlib province", "Rajasthan state".
_DIVISION_TAIL = re.compile(
    r"\s+(?:province|region|district|governorate|oblast|state|department|prefecture)$"
)


_DIVISION_AFTER = re.compile(r"\s+(province|region|governorate|oblast|state)\b(?!\s+[A-Z])")


def _division_before_its_word(mention: Span, analysis: Analysis) -> KnownPlace | None:
    """ "in the Kharkiv region", "Idlib province": a name the text calls a division is the
    division, not the city of its name (the text scan reads the same where no entity is)."""
    after = _DIVISION_AFTER.match(analysis.article.text, mention.end)
    if after is None:
        return None
    division = division_named(mention.text, after.group(1))
    return _known(division) if division is not None else None


def _without_division_word(mention: Span, analysis: Analysis) -> Span:
    """The place's span without the lower-case word for its kind that the tagger took in
    ("Quezon province"): the name is the toponym, the word is only what it is, as the
    annotation of news marks it."""
    tail = _DIVISION_TAIL.search(mention.text)
    if tail is None or tail.start() == 0:
        return mention
    return analysis.article.span(mention.start, mention.start + tail.start())


def _context_countries(analysis: Analysis) -> Counter[str]:
    """How often the article names each country, directly or through its people and bodies.
    A country inferred from the article's own places (an official's, `country_source`
    "inference") is no more evidence for them: counted, a brand tagged as a town ("Zara")
    would lend its namesake's country to a person and take it back. Nor is a country the
    gazetteer gave a name no place of its could bear: "MoD", the Ministry of Defence,
    is Modesto only among airport codes, and four of them made a British soldier's story
    American enough to send his Colchester to Vermont."""
    counts: Counter[str] = Counter()
    for entity in analysis.entities:
        if entity.country and entity.country_source != "inference" and _bears(entity):
            counts[entity.country] += len(entity.mentions)
    return counts


def _bears(entity: Entity) -> bool:
    """The entity's country stands on more than a gazetteer look-up its name cannot bear:
    the text gave it, or the name is a country's, a region's or a plausible place's."""
    if entity.country_source != "gazetteer":
        return True
    name = entity.name.strip()
    if country_of_name(name) or region_named(name) or state_name(name):
        return True
    return any(_plausible(c, name) for c in cities_named(name))


def resolve(
    name: str, context: Counter[str], nearby: Neighbourhood | None = None
) -> KnownPlace | None:
    """The place `name` most likely names in an article about the `context` countries that
    names the `nearby` places. A name a "City, State" pair of the article fixed is that
    place wherever it stands alone (one sense of a name in one story)."""
    nearby = nearby or Neighbourhood()
    fixed = nearby.fixed.get(fold(name.strip()))
    if fixed is not None:
        return fixed
    state = _state_of_focus(name.strip(), nearby)
    if state is not None:
        return state
    whole = _resolve_exactly(name.strip(), context, nearby)
    if whole is not None:
        return whole
    part = _DIRECTION.sub("", name.strip())
    if part == name.strip():
        return None
    # "Eastern Samar" is a province GeoNames keeps as "Eastern Samar Province": the division
    # with the compass word in its own name, before any Samar without it
    division = division_named(name.strip(), "province")
    if division is not None:
        return _known(division)
    found = _resolve_exactly(part, context, nearby)
    return found if found is not None and _fits(found, context, nearby) else None


def _state_of_focus(name: str, nearby: Neighbourhood) -> KnownPlace | None:
    """ "Farmers across Washington" in a story filed from "SPOKANE, Wash." is the state, not
    the capital; "New York would pay" beside Utica and Rome is the state, not the city: a
    name of a state the article is about (its pairs name it, or two of its towns lie in
    it) is that state, unless a city of the name lies near the article's towns (a Long
    Island story's "New York")."""
    states = nearby.states()
    if not states:
        return None
    division = next((d for d in divisions_called(name) if d.geonameid in states), None)
    if division is None:
        return None
    # by any name it bears: New York City is "New York" only by an alternate name
    cities = (c for c in cities_named(name) if c.feature == "city" and _plausible(c, name))
    if any(nearby.near_point(c.lat, c.lon) for c in cities):
        return None
    return _known(division)


def _fits(place: KnownPlace, context: Counter[str], nearby: Neighbourhood) -> bool:
    """ "Northern Gaza" is Gaza, but "West Midlands" in a story of Birmingham and Coventry
    is not Zimbabwe's Midlands: the place a name holds after its compass word lies in a
    country the article names, or near its other places, or the article names no country.
    A country is no namesake of anything: "Western Cambodia" is Cambodia."""
    if place.feature in ("country", "continent") or place.country is None:
        return True
    if not context or context.get(place.country, 0) > 0:
        return True
    return nearby.near_point(place.lat, place.lon)


def _resolve_exactly(name: str, context: Counter[str], nearby: Neighbourhood) -> KnownPlace | None:
    """ "South Africa" is a country before "Africa" is anything: the full name first."""
    region = region_named(name) or _division_of_territory(name)
    if region is not None and not _city_over_feature(name, region):
        return region
    code = country_of_name(name)
    if code is not None:
        return (
            _namesake_division(name, code, context)
            or _focus_town(name, code, context, nearby)
            or country_place(code)
        )
    cities = [_as_spelled(c, name) for c in cities_named(name) if _plausible(c, name)]
    cities = cities or _story_alternates(name, context)
    people = country_of_demonym(name)
    if people is not None and not any(c.population >= _GROUP_CITY for c in cities):
        # "1.5 billion Canadian dollars" is Canada's, not Canadian, Texas (a pair fixes that)
        return country_place(people)
    cities += _local_towns(name, cities, nearby)
    if cities:
        unsure = _unsure_capitals(cities, nearby)

        def score(city: City) -> float:
            fame = _CAPITAL_BONUS - _OWN_NAME_BONUS if city.geonameid in unsure else 0.0
            return _city_score(city, context, nearby) - fame

        best = max(cities, key=score)
        named = (
            [c for c in cities if c.feature == "region"] if fold(name) in nearby.divisions else []
        )
        if named:  # "the province of Limón": the province, near its towns or not
            best = max(named, key=score)
        elif best.feature == "region":
            best = _town_of_division(best, cities) or best
        best = _named_capital(best, cities, context)
        if context.get(best.country or "", 0) > 0:  # grounded by its country (`_grounded`)
            return _known(best)
        home = _division_of_focus(name, context)
        if home is not None:
            return home
        if _grounded(best, context, nearby):
            return _known(best)
        # "from Athol" filed from Osborne, Kan.: not the Massachusetts town, far from all
        # the story names, but the hamlet of the story's state
        local = [c for c in cities if zip_listed(c.geonameid)]
        return _known(max(local, key=lambda c: _city_score(c, context, nearby))) if local else None
    territory = country_of_territory(name)
    return country_place(territory) if territory else _division_of_focus(name, context)


def _unsure_capitals(cities: list[City], nearby: Neighbourhood) -> frozenset[int]:
    """The national capitals among a name's places whose fame counts for no more than their
    own name, because a namesake sits among the article's other places and they do not:
    "the Warsaw school board and the Kosciusko County council" name Indiana's Warsaw, the
    county's seat, not Poland's capital. A namesake sits there when a name the article
    gives with one candidate (a sure name) lies near it."""
    support = nearby.candidates.support
    if not any(c.capital for c in cities):
        return frozenset()
    if max((support(c) for c in cities if not c.capital), default=0.0) < _SURE_SUPPORT:
        return frozenset()
    return frozenset(c.geonameid for c in cities if c.capital and support(c) == 0.0)


def _division_of_focus(name: str, context: Counter[str]) -> KnownPlace | None:
    """ "Ferries to Samar", "floods in Laguna" in a Philippine story: GeoNames keeps these
    provinces as "Samar Province", "Laguna Province", and the towns by the bare name lie in
    Ukraine and California. A division of the name in the country the article names most
    is the place, where no town of the name lies in a country the article names."""
    division = division_named(name, "province")
    if division is None or not context or not spelled_like(division, name):
        return None
    top = max(context.values())
    return _known(division) if context.get(division.country or "", 0) == top else None


def _city_over_feature(name: str, feature: KnownPlace) -> bool:
    """ "trains from Zaporizhzhia to Dnipro": a river, lake or sea the project's list knows by
    a short name (the name without "River") is, by that short name, the big city of the very
    name where there is one; the text names the river by its word ("the Dnipro River")."""
    if feature.feature not in _NATURAL or name.split()[-1].lower() in _NATURAL:
        return False
    return any(
        c.by_name and c.feature == "city" and c.population >= _ALTERNATE_NAME_CITY
        for c in cities_named(name)
    )


def _as_spelled(city: City, name: str) -> City:
    """ "Zaporizhzhia" is a spelling of Zaporizhzhya, the city of 700,000 that GeoNames keeps
    under the other transliteration, and as much its own name as the village of 600 that
    GeoNames spells so: a transliteration counts as the place's own name."""
    if city.by_name or not transliterated(city, name):
        return city
    return replace(city, by_name=True)


def _local_towns(name: str, cities: list[City], nearby: Neighbourhood) -> list[City]:
    """The ZIP list's towns of `name` in the states the article is about, where GeoNames
    has no place of the name there: "Athol" in a story filed from Smith Center, Kan., may
    be the Kansas village of 40 people, weighed (at no size) against the Massachusetts
    town. A state's name stays the state."""
    states = nearby.states()
    if not states or any(c.feature == "region" for c in cities):
        return []
    held = {c.region for c in cities}
    return [c for c in local_towns(name) if c.region in states and c.region not in held]


def _town_of_division(division: City, cities: list[City]) -> City | None:
    """ "buses from Alajuela and Heredia": a division named like a town in it (its
    capital, mostly) is the town, unless the text calls the name a division ("the province
    of Alajuela", "Puntarenas province"): a town is named more often than its province, and
    the province's people mostly by the province's word."""
    towns = [
        c for c in cities if c.feature == "city" and c.by_name and c.region == division.geonameid
    ]
    return max(towns, key=lambda c: c.population) if towns else None


_DIVISION_WORDS = r"(?:[Pp]rovince|[Ss]tate|[Rr]egion|[Gg]overnorate|[Pp]refecture|[Oo]blast)"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_DIVISION_CUE = re.compile(
    rf"\b{_DIVISION_WORDS}s?\s+of\s+(?P<after>{_NAME})|(?P<before>{_NAME})\s+{_DIVISION_WORDS}\b"
)


# "Quebec City", "Oklahoma City": a name the text gives its city's word to.
_CITY_OF_NAME = re.compile(rf"\b(?P<name>{_NAME})\s+City\b")


def _named_divisions(article: Article) -> frozenset[str]:
    """The names the text calls a division ("the province of X", "X State"), folded, with
    every tail of a run caught with the word before it ("In Puntarenas province"); and the
    names whose town the text calls "X City": beside "Quebec City", "Quebec" alone is the
    province, as "New York" beside "New York City" is the state."""
    names: set[str] = set()
    for block in article.blocks:
        if block.kind not in _PLACE_BLOCKS:
            continue
        for match in _DIVISION_CUE.finditer(article.text, block.start, block.end):
            words = (match["after"] or match["before"]).rstrip(".").split()
            names.update(fold(" ".join(words[k:])) for k in range(len(words)))
        for match in _CITY_OF_NAME.finditer(article.text, block.start, block.end):
            names.add(fold(match["name"]))
    return frozenset(names)


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


def _focus_town(
    name: str, country: str, context: Counter[str], nearby: Neighbourhood
) -> KnownPlace | None:
    """ "Lebanon" in a story filed from "SALEM, Ore." (or one about a town "in southwest
    Ohio") that names nothing else of Lebanon's is that state's town of the name: a town by
    that very name in a state the article's pairs or its other names give, or among its
    other towns and counties ("Lebanon, the county seat" of a story about Marion County and
    Bardstown is Kentucky's), where the country has no support of its own, and where the
    town's evidence outweighs the country's size, weighed as a place called by its own
    name: "exports to China" in a story filed from Augusta, Maine, stay China's, not the
    Maine town's."""
    if context.get(country, 0) > 0:
        return None
    towns = [c for c in cities_named(name) if c.by_name and c.feature == "city" and nearby.holds(c)]
    if not towns:
        return None
    town = max(towns, key=lambda c: _city_score(c, context, nearby))
    weight = math.log10(max(country_population(country), 1)) + _OWN_NAME_BONUS
    if nearby.candidates.support(town) >= _SURE_SUPPORT:
        # a sure name beside the town: "the Mexico council and Audrain County commissioners"
        weight -= _OWN_NAME_BONUS
    return _known(town) if _city_score(town, context, nearby) > weight else None


def _grounded(city: City, context: Counter[str], nearby: Neighbourhood) -> bool:
    """A small town far from everything else the article names, in a country it never
    names, is more likely a person's or a brand's name ("Zara") than a place. In a story
    whose places lie in other countries the article names again and again, so is a
    middling town: "Samar" among a dozen Philippine towns is the island the gazetteer
    lacks, not the Ukrainian town of 70,000 that has its name."""
    if city.feature != "city" or city.population >= _FAR_TOWN:
        return True
    if context.get(city.country or "", 0) > 0 or nearby.holds(city):
        return True
    if nearby.candidates.neighbour_km(city) < _NEIGHBOUR_KM:
        return True
    return city.population >= _LONE_TOWN and max(context.values(), default=0) < _FOCUSED


def _named_capital(best: City, cities: list[City], context: Counter[str]) -> City:
    """ "Its regional office in San Jose", in a story of the Darien Gap that names Costa
    Rica: a national capital of a country the article names is the name's place before a
    namesake of a fiftieth its people, however near that village lies to the story's other
    places (Panama's San José of 4,000). A town of a size to be named for itself keeps the
    name ("London" in a story of London, Ont., that names Britain)."""
    if best.capital:
        return best
    capitals = [
        c
        for c in cities
        if c.capital
        and c.by_name
        and context.get(c.country or "", 0) > 0
        and c.population > _CAPITAL_OVER * max(best.population, 1)
    ]
    return max(capitals, key=lambda c: c.population) if capitals else best


def _story_alternates(name: str, context: Counter[str]) -> list[City]:
    """ "the exclave of Nakhchivan", "our house in Stepanakert": GeoNames keeps Naxçıvan and
    Khankendi under their local names, the English ones only as alternates, and an alternate
    name alone stands only for a big city (`_plausible`). Where no place bears the name and
    the town lies in a country the article names, the alternate is the name wire copy gives
    the places of the country it covers; a town that small is no old name of another's.
    One word only: GeoNames' longer alternates are mostly a town's name with a word for its
    kind ("Kasba Bonli", the town of Bonli), which annotators who look a place up by name in
    GeoNames do not find, so GeoWebNews marks such a place with no id and scores it false
    (the one dev article that met this rule so lost four points of precision)."""
    if not context or len(name) <= _SHORT_NAME or len(name.split()) > 1:
        return []
    return [
        c
        for c in cities_named(name)
        if c.feature in _LOCAL_FEATURES
        and context.get(c.country or "", 0) > 0
        and c.population >= _STORY_ALTERNATE
    ]


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
    division = nation_division(name)
    return _known(division) if division is not None else None


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


def _group_place(
    name: str, country: str | None, context: Counter[str], nearby: Neighbourhood
) -> KnownPlace | None:
    """ "Russian troops": a nationality word points at its country, "European leaders" at
    the continent (GeoWebNews counts these as non-locational toponyms). A "group" named like
    a big city, or like a town among the article's other places, is that place, mistagged
    ("officials in Tunis"; "drivers from Cornwall" in a story from Lebanon, Pa.), ranked as
    any town is."""
    if country:
        return country_place(country)
    region = region_of_demonym(name)
    if region is not None:
        return region_named(region)
    cities = [
        c
        for c in cities_named(name)
        if c.by_name and (c.population >= _GROUP_CITY or nearby.holds(c))
    ]
    return _known(max(cities, key=lambda c: _city_score(c, context, nearby))) if cities else None


def _city_score(city: City, context: Counter[str], nearby: Neighbourhood) -> float:
    """Big cities are named more often, and so are cities of the countries the article is
    about, up to a hundredfold: "Toronto" in an American story is still Ontario's, not the
    Ohio village's. A national capital is named a hundredfold beyond its size ("Washington"
    is the capital before the state), a place called by its own name a hundredfold before
    one called so by an alternate or former name ("Salisbury" is not Harare), and a place
    among the article's other places some thirtyfold. A town of a state the article's
    "City, State" pairs name (its dateline's above all) is named ten times more again: "Lima"
    in a story filed from "MARION, Ohio" is Ohio's Lima, not Peru's capital. And a place
    gains up to a hundredfold for each sure name of the article with a candidate near it
    (the nearer the more, three names at most): "Paris" beside "Bonham" and "Lamar County"
    is the Texan town. A district of a city the article names (GeoNames keeps big cities'
    districts among its places) is near it only by being part of it, and is named ten times
    less than a town of its own: "Salamanca" beside "Madrid" is the Castilian city, not the
    Madrid district. Population is the prior; each of these is text evidence that can
    outweigh it."""
    share = context.get(city.country or "", 0) / max(1, max(context.values(), default=1))
    bonus = (_CAPITAL_BONUS if city.capital else _OWN_NAME_BONUS) if city.by_name else 0.0
    quarter = nearby.candidates.quartered(city)
    local = 1.5 if nearby.holds(city) and not quarter else 0.0
    home = city.region in nearby.focus and city.geonameid != city.region
    focus = _FOCUS if home or nearby.in_home_state(city) else 0.0
    together = _COHERENCE * min(nearby.candidates.support(city), _MOST_SUPPORT)
    size = math.log10(max(city.population, 1)) - (_DISTRICT if quarter else 0.0)
    return size + 2 * share + bonus + local + focus + together


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
