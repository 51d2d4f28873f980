"""The Phoenix actor dictionaries: who a name is, by country and sector, on a given day.

PETRARCH2's Phoenix dictionaries (MIT licence; origin and commit in
`nlp/events/data/SOURCES.json`, converted by `scripts/convert_petrarch.py`) list some 34,000
names of states, their office holders with the dates they served, international bodies and
armed groups. They end in the mid-2010s; Dateline's own office-holder table
(`data/office_holders.csv`) is asked first and covers the terms after them. Read once per
process, on first use.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class DictionaryCode:
    """One dated code of a dictionary actor: its country (None for a body above states),
    its sector, and the days it held (None where open)."""

    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@cache
def _actors() -> dict[str, tuple[DictionaryCode, ...]]:
    raw = resources.files("dateline.data").joinpath("phoenix_actors.json.gz").read_bytes()
    table: dict[str, list[list[str | None]]] = json.loads(gzip.decompress(raw))
    return {name: tuple(DictionaryCode(*code) for code in codes) for name, codes in table.items()}


def actor_key(name: str) -> str:
    """How the dictionary spells a name: lower case, single spaces."""
    return " ".join(name.lower().split())


def dictionary_actor(name: str, day: str | None = None) -> DictionaryCode | None:
    """The code a name has on `day` (ISO date), or None when the dictionary does not know it
    or does not settle its country.

    With a day, the codes dated to include it win, then the undated ones; a name whose codes
    disagree on the country (two namesakes, or a career across states) is left undecided.
    Without a day, only a name whose every code gives one country is coded, and its sector is
    left open, since the dates would have chosen it.
    """
    codes = _actors().get(actor_key(name))
    if not codes:
        return None
    if day is not None:
        dated = [c for c in codes if (c.start or c.end) and c.holds_on(day[:10])]
        undated = [c for c in codes if not (c.start or c.end)]
        for pool in (dated, undated):
            if pool and len({c.country for c in pool}) == 1:
                return pool[0]
        return None
    countries = {c.country for c in codes}
    if len(countries) != 1:
        return None
    sectors = {c.sector for c in codes}
    return DictionaryCode(codes[0].country, codes[0].sector if len(sectors) == 1 else None)
