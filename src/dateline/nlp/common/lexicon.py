"""Word lists the entity stage reads: countries and their demonyms, organisations, role nouns.

Countries, their other names and demonyms come from the `countryinfo` package (its country
files, MIT licence) with ISO codes checked against `pycountry` (ISO 3166); a few forms news
uses that those lists lack ("U.S.", "Gazan") are added from the project's own lists in
`nlp/common/data/`. Organisations and role nouns are the project's own lists in
`dateline/data/`. Everything is built once per process, lazily.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry

from dateline.vocabulary import word_list, word_rows, word_table


def _pairs(name: str, key: str, value: str) -> dict[str, str]:
    return {row[key]: row[value] for row in word_rows("dateline.nlp.common", name)}


# Forms of country names and demonyms that news writes and the packages do not list.
_EXTRA_NAMES = _pairs("country_names.csv", "name", "country")
# Territories that are not countries but lie wholly in one, for their country code only.
_TERRITORIES = _pairs("territories.csv", "territory", "country")
_EXTRA_DEMONYMS = _pairs("demonyms.csv", "demonym", "country")
# Adjectives of a continent or world region, and the region's name in the gazetteer.
_REGION_DEMONYMS = _pairs("region_demonyms.csv", "demonym", "region")


@cache
def _countryinfo_files() -> list[dict[str, object]]:
    folder = resources.files("countryinfo").joinpath("data")
    rows = []
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            rows.append(json.loads(entry.read_text("utf-8")))
    return rows


@cache
def _country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(name -> alpha-3, demonym -> alpha-3), all keys lower case."""
    names: dict[str, str] = {}
    demonyms: dict[str, tuple[int, str]] = {}
    for country in pycountry.countries:
        names[country.name.lower()] = country.alpha_3
        for attribute in ("common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.lower()] = country.alpha_3
    for row in _countryinfo_files():
        iso = row.get("ISO")
        code = iso.get("alpha3") if isinstance(iso, dict) else None
        if not isinstance(code, str) or pycountry.countries.get(alpha_3=code) is None:
            continue
        names.setdefault(str(row.get("name", "")).lower(), code)
        spellings = row.get("altSpellings")
        for spelling in spellings if isinstance(spellings, list) else []:
            if isinstance(spelling, str) and len(spelling) > 3:
                names.setdefault(spelling.lower(), code)
        demonym = row.get("demonym")
        population = row.get("population")
        size = population if isinstance(population, int) else 0
        if isinstance(demonym, str) and demonym:
            # "American" is the demonym of several territories: the most populous one wins.
            key = demonym.lower()
            if key not in demonyms or demonyms[key][0] < size:
                demonyms[key] = (size, code)
    names.update(_EXTRA_NAMES)
    demonym_codes = {k: v[1] for k, v in demonyms.items()}
    demonym_codes.update(_EXTRA_DEMONYMS)
    return names, demonym_codes


def country_rows() -> list[tuple[str, str, float, float]]:
    """(alpha-3, name, lat, lon) of every country countryinfo gives a centre point for."""
    rows = []
    for row in _countryinfo_files():
        iso, point = row.get("ISO"), row.get("latlng")
        code = iso.get("alpha3") if isinstance(iso, dict) else None
        if isinstance(code, str) and isinstance(point, list) and len(point) == 2:
            rows.append((code, str(row.get("name", code)), float(point[0]), float(point[1])))
    return rows


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


@cache
def country_words() -> frozenset[str]:
    """Every word of every country's names, lower case: where a missed country may start."""
    names, _ = _country_tables()
    return frozenset(word for name in names for word in name.split())


def country_of_name(text: str) -> str | None:
    """ISO alpha-3 of a country named `text` ("Israel", "the United States", "U.S.")."""
    names, _ = _country_tables()
    key = _key(text)
    return names.get(key) or names.get(key.removeprefix("the "))


def country_of_territory(text: str) -> str | None:
    """ISO alpha-3 of the country a named territory lies in ("the Gaza Strip": PSE)."""
    return _TERRITORIES.get(_key(text).removeprefix("the "))


def country_of_demonym(text: str) -> str | None:
    """ISO alpha-3 of a nationality word ("Israeli", "Saudi Arabian", "Gazan")."""
    _, demonyms = _country_tables()
    return demonyms.get(_key(text))


def region_of_demonym(text: str) -> str | None:
    """The continent or world region a word for its people names ("European": Europe)."""
    return _REGION_DEMONYMS.get(_key(text))


def country_of_word(text: str) -> str | None:
    """A country named or implied by `text`, as a name, a territory or a nationality word."""
    return country_of_name(text) or country_of_territory(text) or country_of_demonym(text)


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    country: str | None
    sector: str


@cache
def _organisations() -> dict[str, Organisation]:
    table = word_table("dateline", "organisations.json")["organisations"]
    return {_key(name): Organisation(name, code, sector) for name, (code, sector) in table.items()}


def organisation_names() -> list[str]:
    """Every name the organisation list holds, as written there ("Al-Shabaab", "UNHCR")."""
    return [known.name for known in _organisations().values()]


def organisation(text: str) -> Organisation | None:
    """A known organisation named by `text` ("the State Department", "Hamas"), or None."""
    key = _key(text).removeprefix("the ")
    return _organisations().get(key)


@cache
def role_nouns() -> frozenset[str]:
    """Head nouns of titles and roles, lower case."""
    return frozenset(noun.lower() for noun in word_list("dateline", "role_nouns.txt"))


def is_role_noun(word: str) -> bool:
    return word.lower() in _ROLE_NOUNS


_ROLE_NOUNS = role_nouns()


@cache
def country_name(code: str) -> str | None:
    """A country's short English name ("Russia", "Palestine"), as countryinfo has it."""
    names = {alpha3: name for alpha3, name, _, _ in country_rows()}
    if code in names:
        return names[code]
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name).split(",")[0]
