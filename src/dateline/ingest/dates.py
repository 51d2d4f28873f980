"""Calendar dates as news writes them ("May 1, 2024", "Oct. 7", "Tuesday, 3 June 2025").

Shared by ingestion (datelines, captions, "Updated:" lines) and the publication-date stage.
A date without a year keeps the year unknown (`year is None`) instead of guessing it: the
caller decides from context, and writes `XXXX` when nothing tells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from dateline.errors import DatelineError
from dateline.vocabulary import MONTHS

_MONTH = (
    r"(?P<month>"
    + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    + r")\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "May 1, 2024", "Oct. 7 2023", "May 1" / "1 May 2024", "1 May" / "2024-05-01"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A day of the calendar as written; `year` is None when the text leaves it out."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    def iso(self, year: int | None = None) -> str:
        """ISO 8601, or TIMEX3's `XXXX-MM-DD` when the year is unknown."""
        known = self.year or year
        head = f"{known:04d}" if known else "XXXX"
        return f"{head}-{self.month:02d}-{self.day:02d}"


def _month_number(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS[token.lower().rstrip(".")]


def find_dates(text: str) -> Iterator[CalendarDate]:
    """Every calendar date in `text`, in order, without overlaps; invalid days are skipped."""
    taken: list[tuple[int, int]] = []
    found: list[CalendarDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            year = int(match["year"]) if match["year"] else None
            month, day = _month_number(match["month"]), int(match["day"])
            try:
                date(year or 2000, month, day)
            except ValueError:
                continue
            taken.append((start, end))
            found.append(CalendarDate(start, end, year, month, day))
    yield from sorted(found, key=lambda d: d.start)


def years_in(text: str) -> list[int]:
    """Four-digit years of this and the last century mentioned in `text`."""
    return [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]


# The day a URL gives ("/2024/05/01/", "/2024-05-01/"): written by the site in its own time.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|-|$)")
# The widest offsets of real time zones, in hours from UTC.
WEST_HOURS, EAST_HOURS = 12, 14


def local_day(published: str | None, url: str | None) -> str | None:
    """A UTC timestamp ("2024-05-02T03:10:00+00:00") read as the day of the page's address
    ("/2024/05/01/") when the two are a day apart and a real time zone explains it.

    Sites often give metadata in UTC while the article went out late in the evening of its
    own day: that day is the one the site printed and filed it under. The time is left out,
    because the page does not say in which zone its day was.
    """
    if published is None or url is None or not published.endswith("+00:00"):
        return published
    found = _URL_DAY.search(url)
    if found is None:
        return published
    try:
        stamp = datetime.fromisoformat(published)
        day = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return published
    gap = (day - stamp.date()).days
    hour = stamp.hour + stamp.minute / 60
    if (gap == -1 and hour < WEST_HOURS) or (gap == 1 and hour >= 24 - EAST_HOURS):
        return day.isoformat()
    return published


class BadDateError(DatelineError):
    """A date given by a person or a feed (`published`, `--since`) that is not an ISO date."""

    code = "D109"

    def __init__(self, source: str, value: str) -> None:
        super().__init__(
            f"{source}: {value!r} is not an ISO 8601 date: give YYYY-MM-DD, YYYY-MM or YYYY "
            "(e.g. 2024-05-01, 2024-05, 2024)"
        )
        self.value = value


_PARTIAL_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def parse_iso_date(value: str | None, source: str = "date") -> str | None:
    """`value` as the ISO date it means (`2024`, `2024-05`, `2024-05-01`), or BadDateError.

    Dates are compared as strings in the store, which is right only for real ISO dates:
    "notadate" or "03/01/2024" would sort among them and match filters by accident. A full
    timestamp ("2024-05-01T09:30:00Z") keeps its day, the precision the record has.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    match = _PARTIAL_ISO.fullmatch(text)
    if match is None:
        try:
            return datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            raise BadDateError(source, value) from None
    year, month, day = match["year"], match["month"], match["day"]
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise BadDateError(source, value) from None
    return text
