"""A time expression's TIMEX3 type and value, anchored on the article's date.

`normalise` tries the rules in a fixed order and takes the first that reads the phrase. A
value the text does not determine is left underspecified (`XXXX-04-29`, `PXW`) rather than
guessed. How a value is anchored (the TimeML conventions news annotation follows):
- on the article's date (the document creation time): "yesterday", "last year", weekdays;
- a year-less date takes the year that puts it nearest the anchor, unless the tense of its
  verb points the other way ("April 29" in a past-tense sentence of a May 1 story is this
  year's, "Nov. 22" in one of an October story is also this year's: a few weeks after the
  anchor is still nearer than eleven months before it);
- a weekday is the last one on or before the anchor unless the verb is in the future;
- "a year earlier" in a report about a quarter is that quarter a year before, "the following
  month" and "that day" count from the story's own dates;
- "two days later", given whole, counts from the last date the narrative gave.
"""

from __future__ import annotations

import re
from datetime import date

from dateline.nlp.timex.calendar_dates import (
    read_decade,
    read_full_date,
    read_month,
    read_numeric_date,
    read_relative_month,
    read_season,
    read_week_of,
    read_year,
)
from dateline.nlp.timex.context import Context, DateOrder, Rule, Tense, TimeValue
from dateline.nlp.timex.durations import read_duration, read_plural_span, read_set
from dateline.nlp.timex.holidays import read_holiday
from dateline.nlp.timex.quarters import (
    read_half,
    read_quarter,
    read_report_period,
    read_year_ago_period,
)
from dateline.nlp.timex.relative import (
    read_calendar_unit,
    read_named_day,
    read_part_of_today,
    read_reference,
    read_relative_offset,
    read_that_period,
    read_weekday,
    read_weekend,
    read_within_period,
)
from dateline.nlp.timex.vocabulary import CLOCK_RE, ZONE_RE


def normalise(
    text: str,
    anchor: date | None,
    tense: Tense = "past",
    previous: date | None = None,
    *,
    quarter: str | None = None,
    date_order: DateOrder = "MDY",
    after: str = "",
    story_month: str | None = None,
) -> TimeValue | None:
    """TIMEX3 type and value of one expression; None when it is no time expression.

    `after` is the text that follows it: "the year" is a duration in "the year ended
    March 31" and a date in "for the year". `story_month` ("1998-03") is the month of the
    last date the narrative named, which "the following month" follows."""
    phrase = " ".join(text.lower().replace("’", "'").split()).rstrip(",")
    phrase = re.sub(r"^(?:the|on|in|since|by|until|of|during|from|through)\s+", "", phrase)
    context = Context(anchor, tense, previous, quarter, date_order, after, story_month)
    for rule in _RULES:
        found = rule(phrase, context)
        if found is not None:
            return found
    return None


def read_clock(phrase: str, context: Context) -> TimeValue | None:
    """A time of day, alone ("3:30 p.m.") or with its day ("10 p.m. Wednesday"). It lives
    here, not among the other rules, because its day is an expression of its own, read by
    `normalise`."""
    match = re.fullmatch(rf"({CLOCK_RE}){ZONE_RE},?(?:\s+(.+))?", phrase, re.IGNORECASE)
    if match is None:
        return None
    clock = _clock_value(match[1])
    if clock is None:
        return None
    day = "XXXX-XX-XX" if context.anchor is None else context.anchor.isoformat()
    if match[2]:
        found = normalise(match[2], context.anchor, context.tense, date_order=context.date_order)
        if (
            found is None
            or found.type != "DATE"
            or not re.fullmatch(r"[\dX]{4}-\d\d-\d\d", found.value)
        ):
            return None
        day = found.value
    return TimeValue("TIME", day + clock)


def _clock_value(text: str) -> str | None:
    """ "10 p.m." is T22:00, "noon" T12:00, "midnight" T24:00."""
    if text in {"noon", "midday"}:
        return "T12:00"
    if text == "midnight":
        return "T24:00"
    match = re.fullmatch(r"(\d{1,2})(?::(\d\d))?\s*(a\.m\.?|p\.m\.?|am|pm)", text)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if match[3].startswith("p") else 0)
    return f"T{hour:02d}:{minute:02d}"


# The first rule that reads a phrase gives its value. Most read forms no other rule reads;
# where two can ("earlier this month" is a calendar unit and a period within it, "the next
# several months" a plural span and a duration), the one listed first wins.
_RULES: list[Rule] = [
    read_clock,
    read_full_date,
    read_numeric_date,
    read_week_of,
    read_month,
    read_relative_month,
    read_season,
    read_year,
    read_decade,
    read_relative_offset,
    read_year_ago_period,
    read_calendar_unit,
    read_quarter,
    read_half,
    read_report_period,
    read_plural_span,
    read_duration,
    read_named_day,
    read_part_of_today,
    read_within_period,
    read_weekend,
    read_that_period,
    read_weekday,
    read_set,
    read_holiday,
    read_reference,
]
