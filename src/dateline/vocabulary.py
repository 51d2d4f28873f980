"""The words every layer shares, and the reader of the project's word files.

Knowledge written once: the months (ingest reads datelines with them, the time stage
normalises with them), the news agencies (credit lines and bylines in ingest, photographers
in the entity stage), the points of the compass (the entity and place stages and the
gazetteer), and the titles that stand before a name (the entity stage, name keys in the store
and the corpus). Word lists live in data files beside the code that reads them, in the `data/`
folder of a package, each opening with a header that says what it is for and where it came
from: `word_list` reads a `.txt` (one entry a line, `#` for comments), `word_rows` a `.csv`
(`#` lines, then a header row), `word_table` a `.json` (whose `"_about"` is the header). Each
file is read once per process.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

_TRAILING_COMMENT = re.compile(r"\s+#.*$")


def _read(package: str, name: str) -> str:
    """The text of `name` in the `data/` folder of `package` (importlib.resources, so the
    files are found in a wheel or a zip as well as in a source tree)."""
    return resources.files(package).joinpath("data").joinpath(name).read_text("utf-8")


def _content_lines(text: str) -> Iterator[str]:
    """The lines that are not comments or blank, each without a trailing `# comment`."""
    for raw in text.splitlines():
        line = _TRAILING_COMMENT.sub("", raw).strip()
        if line and not line.startswith("#"):
            yield line


@cache
def word_list(package: str, name: str) -> tuple[str, ...]:
    """The entries of a word file, in file order, as written (case kept)."""
    return tuple(_content_lines(_read(package, name)))


@cache
def word_set(package: str, name: str) -> frozenset[str]:
    """The entries of a word file, for membership tests."""
    return frozenset(word_list(package, name))


@cache
def word_rows(package: str, name: str) -> tuple[Mapping[str, str], ...]:
    """The rows of a CSV word file by its header's column names (empty cells are "")."""
    return tuple(
        MappingProxyType(dict(row)) for row in csv.DictReader(_content_lines(_read(package, name)))
    )


@cache
def word_table(package: str, name: str) -> Mapping[str, Any]:
    """A JSON word file without its `"_about"` header, read only (it is shared)."""
    table: dict[str, Any] = json.loads(_read(package, name))
    table.pop("_about", None)
    return MappingProxyType(table)


def alternation(words: Iterator[str] | tuple[str, ...] | frozenset[str]) -> str:
    """Regular-expression source matching any of the words literally, longest first so that
    no word stops short at a prefix of another ("EPA-EFE" before "EPA")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# The months and weekdays: English names from the standard library, lower case. "Sept." is the
# one abbreviation news adds to the calendar's three-letter ones.
MONTH_NAMES: tuple[str, ...] = tuple(calendar.month_name[n].lower() for n in range(1, 13))
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    *(calendar.month_abbr[n].lower() for n in range(1, 13)),
    "sept",
)


def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for number in range(1, 13):
        months[MONTH_NAMES[number - 1]] = number
        months[MONTH_ABBREVIATIONS[number - 1]] = number
    months["sept"] = 9
    return months


MONTHS: Mapping[str, int] = MappingProxyType(_months())
WEEKDAY_NAMES: tuple[str, ...] = tuple(name.lower() for name in calendar.day_name)
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = tuple(name.lower() for name in calendar.day_abbr)
WEEKDAYS: Mapping[str, int] = MappingProxyType(
    {
        **{name: number for number, name in enumerate(WEEKDAY_NAMES)},
        **{name: number for number, name in enumerate(WEEKDAY_ABBREVIATIONS)},
    }
)

# News and photo agencies, as each writes its name ("AFP", "Reuters", "Getty Images").
NEWS_AGENCIES: tuple[str, ...] = word_list("dateline", "news_agencies.txt")

# The compass around a place name: points ("north of Kyiv", "the centre of Lviv") and the
# adjectives of the parts they name ("northern Gaza", "central Java").
_COMPASS = word_rows("dateline", "compass.csv")
COMPASS_POINTS = frozenset(row["word"] for row in _COMPASS if row["kind"] == "point")
COMPASS_ADJECTIVES = frozenset(row["word"] for row in _COMPASS if row["kind"] == "adjective")


@dataclass(frozen=True, slots=True)
class Title:
    """A title that stands before a name: its kind, the sex it tells ("f", "m" or None), and
    whether it is a short form news may write with a full stop ("Mr.", "Gen.")."""

    word: str
    kind: str
    sex: str | None
    short: bool


TITLES: tuple[Title, ...] = tuple(
    Title(row["word"], row["kind"], row["sex"] or None, row["short"] == "yes")
    for row in word_rows("dateline", "honorifics.csv")
)
# Every title, of any kind: what a name is compared without ("President Roe" is "Roe").
HONORIFICS = frozenset(title.word for title in TITLES)
# The titles said of anyone, whatever their office: "Mr", "Ms", "Dr", "Sir".
COURTESY_TITLES = frozenset(title.word for title in TITLES if title.kind == "courtesy")
# The short words Title Case leaves in lower case: "Talks Resume After a Pause".
TITLE_SMALL_WORDS = word_set("dateline", "title_small_words.txt")
