"""Holidays of fixed rule ("Thanksgiving", "Christmas Eve", "Election Day"), dated in the
year the tense puts nearest the article's date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateline.nlp.timex.calendar_math import nearest_year
from dateline.nlp.timex.context import Context, TimeValue

# The day of each holiday in a given year.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    "christmas": lambda year: date(year, 12, 25),
    "christmas eve": lambda year: date(year, 12, 24),
    "new year's day": lambda year: date(year, 1, 1),
    "new year's eve": lambda year: date(year, 12, 31),
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + timedelta(days=1),
    "independence day": lambda year: date(year, 7, 4),
    "fourth of july": lambda year: date(year, 7, 4),
    "halloween": lambda year: date(year, 10, 31),
}


def read_holiday(phrase: str, context: Context) -> TimeValue | None:
    """A holiday, in the year the tense puts nearest the anchor."""
    name = (
        phrase.removesuffix(" day")
        if phrase.startswith(("thanksgiving", "christmas day"))
        else phrase
    )
    if name not in _HOLIDAYS:
        return None
    anchor = context.anchor
    if anchor is None:
        return TimeValue("DATE", "XXXX")
    day = _HOLIDAYS[name](anchor.year)
    year = nearest_year(day.month, day.day, anchor, context.tense) or anchor.year
    return TimeValue("DATE", _HOLIDAYS[name](year).isoformat())


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth weekday (Monday 0) of a month: the fourth Thursday of November."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
