"""The periods earnings reports speak of: "the third quarter", "the first half of 1998",
"the year-ago quarter", "the latest period". A quarter the text leaves undated is the one
that ended last before the report, or the one the narrative named."""

from __future__ import annotations

import re

from dateline.nlp.timex.calendar_math import last_quarter, quarter_of, quarter_years_back
from dateline.nlp.timex.context import Context, TimeValue
from dateline.nlp.timex.vocabulary import ORDINAL_QUARTER_RE, ORDINALS, YEAR_AGO_RE


def read_year_ago_period(phrase: str, context: Context) -> TimeValue | None:
    """ "year-earlier", "the year-ago quarter", "the year-ago third quarter", "the quarter a
    year ago": the quarter the narrative reports on (or the anchor's year), a year back."""
    match = re.fullmatch(
        rf"(?:{YEAR_AGO_RE})(?:\s+(?:({ORDINAL_QUARTER_RE})|quarter|period))?"
        r"|quarter a year (?:ago|earlier)",
        phrase,
    )
    if match is None:
        return None
    if context.anchor is None:
        return TimeValue("DATE", "XXXX")
    if match[1]:
        number = ORDINALS.get(match[1].split("-")[0].split()[0]) or int(match[1][0])
        return TimeValue("DATE", f"{context.anchor.year - 1}-Q{number}")
    if context.quarter:
        return TimeValue("DATE", quarter_years_back(context.quarter, 1))
    if "quarter" in phrase or "period" in phrase:
        return TimeValue("DATE", quarter_years_back(last_quarter(context.anchor), 1))
    return TimeValue("DATE", str(context.anchor.year - 1))


def read_quarter(phrase: str, context: Context) -> TimeValue | None:
    """ "the third quarter", "the 1998 first quarter", "next year's second quarter"; an
    undated one not yet reached this year is last year's unless the verb looks ahead, and
    "third quarters" (plural) is every third quarter."""
    match = re.fullmatch(
        r"(?:((?:19|20)\d\d) |next year's )?(first|second|third|fourth|1st|2nd|3rd|4th)"
        r"[ -]quarter(s)?"
        r"(?: of ((?:19|20)\d\d))?",
        phrase,
    )
    if match is None:
        return None
    number = ORDINALS.get(match[2]) or int(match[2][0])
    if match[3]:
        return TimeValue("SET", f"XXXX-Q{number}")
    year_text = match[1] or match[4]
    if year_text:
        return TimeValue("DATE", f"{year_text}-Q{number}")
    anchor = context.anchor
    if anchor is None:
        return TimeValue("DATE", f"XXXX-Q{number}")
    if phrase.startswith("next year's"):
        return TimeValue("DATE", f"{anchor.year + 1}-Q{number}")
    _, current = quarter_of(anchor)
    year = anchor.year - 1 if context.tense != "future" and number > current else anchor.year
    return TimeValue("DATE", f"{year}-Q{number}")


def read_half(phrase: str, context: Context) -> TimeValue | None:
    """ "the first half of 1998" is 1998-H1, as are its "first two quarters"; TIMEX3 has
    no value for three quarters of a year."""
    match = re.fullmatch(
        r"(first|second|last) half of ((?:19|20)\d\d)"
        r"|first (two|three) quarters of ((?:19|20)\d\d)",
        phrase,
    )
    if match is None:
        return None
    if match[1]:
        return TimeValue("DATE", f"{match[2]}-H{1 if match[1] == 'first' else 2}")
    if match[3] == "two":
        return TimeValue("DATE", f"{match[4]}-H1")
    return None


def read_report_period(phrase: str, context: Context) -> TimeValue | None:
    """ "the quarter", "the latest period" in an earnings report: the quarter the narrative
    named, else the one that ended last; "the current quarter" is the anchor's own."""
    anchor = context.anchor
    if anchor is None:
        return None
    if phrase == "current quarter":
        year, number = quarter_of(anchor)
        return TimeValue("DATE", f"{year}-Q{number}")
    if phrase in {
        "quarter",
        "latest quarter",
        "most recent quarter",
        "latest period",
        "current period",
    }:
        return TimeValue("DATE", context.quarter or last_quarter(anchor))
    match = re.fullmatch(r"((?:19|20)\d\d) (quarter|period)", phrase)
    if match:
        quarter = context.quarter or last_quarter(anchor)
        return TimeValue("DATE", match[1] + quarter[4:])
    return None
