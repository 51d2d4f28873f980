"""Dates the text names on the calendar: "Oct. 7, 2023", "1/5/2024", "early April",
"last May", "the summer of 1998", "the 1990s", "the 21st century". A year the text leaves
out is the one the tense puts nearest the article's date."""

from __future__ import annotations

import re
from datetime import date

from dateline.nlp.timex.calendar_math import iso_date, month_number, nearest_year
from dateline.nlp.timex.context import Context, TimeValue
from dateline.nlp.timex.quantities import spelled_year, year_number
from dateline.nlp.timex.vocabulary import (
    DECADE_WORD_RE,
    DECADE_WORDS,
    MONTH_PART_RE,
    MONTH_RE,
    ORDINAL_CENTURIES,
    ORDINAL_CENTURY_RE,
    RELATIVE_RE,
    SEASON_MONTH,
    SEASON_RE,
    SEASONS,
    SPELLED_YEAR_RE,
    WEEKDAY_RE,
    YEAR_RE,
)

# A date read into (year, month, day); the year None when the text leaves it out.
DateParts = tuple[int | None, int | None, int]


def read_full_date(phrase: str, context: Context) -> TimeValue | None:
    """ "Oct. 7, 2023", "Tuesday, May 7", "7 October 2023", "2023-10-07": one day, the
    year-less ones in the year the tense puts nearest the anchor."""
    parts = _month_first(phrase, context) or _day_first(phrase) or _iso_parts(phrase)
    if parts is None:
        return None
    year, month, day = parts
    if month is None:
        return None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return TimeValue("DATE", iso_date(year, month, day))


def _month_first(phrase: str, context: Context) -> DateParts | None:
    """ "Oct. 7, 2023", "Tuesday, May 7th", "May 7"."""
    match = re.fullmatch(
        rf"(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?",
        phrase,
    )
    if match is None:
        return None
    month, day = month_number(match[1]), int(match[2])
    if match[3]:
        return int(match[3]), month, day
    return nearest_year(month or 1, day, context.anchor, context.tense), month, day


def _day_first(phrase: str) -> DateParts | None:
    """ "7 October 2023", "Saturday, 7 Oct. 2023": the British order, always with a year."""
    match = re.fullmatch(
        rf"(?:{WEEKDAY_RE},?\s+)?(\d{{1,2}})\s+({MONTH_RE}),?\s+((?:19|20)\d\d)", phrase
    )
    if match is None:
        return None
    return int(match[3]), month_number(match[2]), int(match[1])


def _iso_parts(phrase: str) -> DateParts | None:
    """ "2023-10-07"."""
    match = re.fullmatch(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", phrase)
    if match is None:
        return None
    return int(match[1]), int(match[2]), int(match[3])


def read_numeric_date(phrase: str, context: Context) -> TimeValue | None:
    """ "1/5/2024" read in the configured order: MDY (US) 2024-01-05, DMY 2024-05-01;
    YMD reads "2024/5/1". Two-digit years are of this century up to the anchor's + 10."""
    match = re.fullmatch(r"(\d{1,4})([/-])(\d{1,2})\2(\d{1,4})", phrase)
    if match is None:
        return None
    first, second, third = match[1], match[3], match[4]
    if context.date_order == "YMD":
        year_text, month, day = first, int(second), int(third)
    elif context.date_order == "DMY":
        day, month, year_text = int(first), int(second), third
    else:
        month, day, year_text = int(first), int(second), third
    if len(year_text) == 2:
        pivot = (context.anchor.year if context.anchor else 2000) % 100 + 10
        year = (2000 if int(year_text) <= pivot else 1900) + int(year_text)
    elif len(year_text) == 4:
        year = int(year_text)
    else:
        return None
    if not 1000 <= year <= 2999:
        return None
    try:
        return TimeValue("DATE", date(year, month, day).isoformat())
    except ValueError:
        return None


def read_week_of(phrase: str, context: Context) -> TimeValue | None:
    """ "the week of May 6": the ISO week that day is in."""
    match = re.fullmatch(rf"week of ({MONTH_RE})\s+(\d{{1,2}})", phrase)
    if match is None:
        return None
    found = read_full_date(f"{match[1]} {match[2]}", context)
    if found is None or not found.value[:4].isdigit():
        return None
    year, week, _ = date.fromisoformat(found.value).isocalendar()
    return TimeValue("DATE", f"{year}-W{week:02d}")


def read_month(phrase: str, context: Context) -> TimeValue | None:
    """A month: "early April", "March 2022", "the end of May last year", "June of
    nineteen ninety"; without a year, the one the tense puts nearest the anchor."""
    match = re.fullmatch(
        rf"(?:(?:{MONTH_PART_RE})[ -])?({MONTH_RE})"
        rf"(?:,?\s+(?:of\s+)?({YEAR_RE}|(?:last|this|next) year))?",
        phrase,
    )
    if match is None:
        return None
    month = month_number(match[1])
    if month is None:
        return None
    if match[2] and match[2].endswith(" year"):
        if context.anchor is None:
            return TimeValue("DATE", iso_date(None, month))
        step = {"last": -1, "this": 0, "next": 1}[match[2].split()[0]]
        return TimeValue("DATE", iso_date(context.anchor.year + step, month))
    year = (
        year_number(match[2])
        if match[2]
        else nearest_year(month, None, context.anchor, context.tense)
    )
    return TimeValue("DATE", iso_date(year, month))


def read_relative_month(phrase: str, context: Context) -> TimeValue | None:
    """ "last May" is the last May before the anchor, "next May" the first after it."""
    match = re.fullmatch(rf"(last|this|next|this past)\s+({MONTH_RE})", phrase)
    if match is None:
        return None
    month = month_number(match[2])
    if month is None:
        return None
    if context.anchor is None:
        return TimeValue("DATE", iso_date(None, month))
    year = context.anchor.year
    if match[1] in {"last", "this past"}:
        year -= 1 if month >= context.anchor.month else 0
    elif match[1] == "next":
        year += 1 if month <= context.anchor.month else 0
    return TimeValue("DATE", iso_date(year, month))


def read_season(phrase: str, context: Context) -> TimeValue | None:
    """ "the summer of 1998" is 1998-SU; "winter" alone falls in the year the tense puts
    nearest the anchor ("last winter" is a calendar unit, read in relative.py)."""
    match = re.fullmatch(
        rf"(?:(?:early|late|mid)[ -])?({SEASON_RE})(?:\s+(?:of\s+)?({YEAR_RE}))?", phrase
    )
    if match is None:
        return None
    code = SEASONS[match[1]]
    if match[2] is None:
        year = nearest_year(SEASON_MONTH[code], None, context.anchor, context.tense)
        return TimeValue("DATE", f"{year or 'XXXX'}-{code}")
    year = year_number(match[2])
    return TimeValue("DATE", f"{year}-{code}") if year else None


def read_year(phrase: str, context: Context) -> TimeValue | None:
    """A year in digits ("mid-2019", "fiscal 2024") or in words ("nineteen ninety-six")."""
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?((?:19|20)\d\d)", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(r"fiscal ((?:19|20)\d\d)", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(rf"(?:year )?({SPELLED_YEAR_RE})", phrase)
    if match:
        year = spelled_year(match[1])
        return TimeValue("DATE", str(year)) if year else None
    return None


def read_decade(phrase: str, context: Context) -> TimeValue | None:
    """Decades and centuries, written as TimeML does: "the 1990s" and "the nineties" are
    199, "the last decade" counts from the anchor, "the 21st century" is 20."""
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?((?:19|20)\d)0s", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?'(\d)0s", phrase)
    if match:
        return TimeValue("DATE", f"19{match[1]}")
    match = re.fullmatch(rf"(?:(?:early|mid|late)[ -])?({DECADE_WORD_RE})", phrase)
    if match:
        return TimeValue("DATE", f"19{DECADE_WORDS[match[1]]}")
    match = re.fullmatch(rf"({RELATIVE_RE}) decade", phrase)
    if match and context.anchor is not None:
        step = {"this": 0, "next": 1, "coming": 1, "following": 1}.get(match[1], -1)
        return TimeValue("DATE", str(context.anchor.year // 10 + step))
    match = re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)[ -]century|({ORDINAL_CENTURY_RE})[ -]century",
        phrase,
    )
    if match:
        number = int(match[1]) if match[1] else ORDINAL_CENTURIES[match[2]]
        return TimeValue("DATE", f"{number - 1:02d}")
    return None
