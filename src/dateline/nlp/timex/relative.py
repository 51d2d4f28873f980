"""Times counted from the article's date or from the story's own dates: "three days ago",
"last week", "yesterday", "this morning", "Friday", "the weekend", "earlier this year",
"that day", and the unanchored "now" and "recently"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.nlp.timex.calendar_math import at_precision, quarter_years_back, shift
from dateline.nlp.timex.context import Context, TimeValue
from dateline.nlp.timex.quantities import quantity, unit_name
from dateline.nlp.timex.vocabulary import (
    APPROX_RE,
    PART_RE,
    PARTS_OF_DAY,
    QUANTITY_RE,
    RELATIVE_WORD_RE,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    WEEKDAY_RE,
)
from dateline.vocabulary import WEEKDAYS


def read_relative_offset(phrase: str, context: Context) -> TimeValue | None:
    """ "three days ago", "a year earlier", "about a week from now": a point, at the unit's
    precision; "a year earlier" in a report about a quarter is that quarter a year before."""
    match = re.fullmatch(
        rf"(?:{APPROX_RE}\s+)?({QUANTITY_RE})\s+({UNIT_RE})\s+"
        r"(ago|from now|later|earlier|before|after)",
        phrase,
    )
    if match is None:
        return None
    amount, unit, direction = quantity(match[1]), unit_name(match[2]), match[3]
    if amount is None:
        return TimeValue("DATE", "PAST_REF" if direction in {"ago", "earlier"} else "FUTURE_REF")
    base = (
        context.anchor if direction in {"ago", "from now"} else (context.previous or context.anchor)
    )
    sign = -1 if direction in {"ago", "earlier", "before"} else 1
    if unit == "year" and sign < 0 and context.quarter and amount == int(amount):
        return TimeValue("DATE", quarter_years_back(context.quarter, int(amount)))
    if base is None or amount != int(amount):
        return TimeValue("DATE", "XXXX")
    moment, precision = shift(base, unit, sign * int(amount))
    return TimeValue("DATE", at_precision(moment, precision))


def read_calendar_unit(phrase: str, context: Context) -> TimeValue | None:
    """ "last week", "this quarter", "next summer", "the following month": the calendar
    unit a step from the anchor, or from the month the story told of."""
    match = re.fullmatch(
        rf"(?:(?:earlier|later|early|late|mid)[ -])?{RELATIVE_WORD_RE}\s+"
        rf"(week|weekend|month|year|quarter|{SEASON_RE})",
        phrase,
    )
    if match is None:
        return None
    which, unit = match[1], match[2]
    step = {"this": 0, "coming": 1, "next": 1, "following": 1}.get(which, -1)
    anchor = context.anchor
    if which in {"following", "previous"} and context.story_month is not None:
        # "the following month" follows the month the story told of, not the article's
        anchor = date.fromisoformat(context.story_month + "-01")
    if anchor is None:
        return TimeValue("DATE", "XXXX")
    return TimeValue("DATE", _calendar_unit_value(anchor, unit, step))


def _calendar_unit_value(anchor: date, unit: str, step: int) -> str:
    """The week, weekend, month, quarter, year or season `step` units from the anchor's."""
    if unit in {"week", "weekend"}:
        moment = anchor + timedelta(weeks=step)
        year, week, _ = moment.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        moment, _ = shift(anchor, "month", step)
        return moment.isoformat()[:7]
    if unit == "quarter":
        quarter = (anchor.month - 1) // 3 + step
        year = anchor.year + quarter // 4
        return f"{year}-Q{quarter % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + step}"
    return f"{anchor.year + step}-{SEASONS[unit]}"


def read_named_day(phrase: str, context: Context) -> TimeValue | None:
    """ "yesterday", "tomorrow morning", "mid-afternoon yesterday", "tonight"."""
    match = re.fullmatch(
        rf"(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{PART_RE}))?"
        rf"|(?:(?:early|mid|late)[ -]?)?(?P<part_first>{PART_RE})"
        r" (?P<word_last>today|yesterday|tomorrow)",
        phrase,
    )
    if match is None:
        return None
    word = match["word"] or match["word_last"]
    part = match["part"] or match["part_first"]
    if context.anchor is None:
        return TimeValue("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    value = (context.anchor + timedelta(days=offset)).isoformat()
    part = "night" if word == "tonight" else part
    if part:
        return TimeValue("TIME", value + "T" + PARTS_OF_DAY[part])
    return TimeValue("DATE", value)


def read_part_of_today(phrase: str, context: Context) -> TimeValue | None:
    """ "this morning", "later this afternoon", "last night": parts of the article's day."""
    match = re.fullmatch(rf"(?:(?:later|earlier) )?this ({PART_RE})|last (night)", phrase)
    if match is None:
        return None
    if context.anchor is None:
        return TimeValue("TIME", "XXXX-XX-XXT" + PARTS_OF_DAY[match[1] or match[2]])
    day = context.anchor - timedelta(days=1 if match[2] else 0)
    return TimeValue("TIME", day.isoformat() + "T" + PARTS_OF_DAY[match[1] or match[2]])


def read_within_period(phrase: str, context: Context) -> TimeValue | None:
    """ "earlier this year", "later in the day", "the end of the month", "year-end": the
    period the anchor is in."""
    match = re.fullmatch(
        r"(?:(?:earlier|later) (?:in )?(?:this|the)|(?:end|beginning|start|middle) of (?:the|this))"
        r" (day|week|month|year)"
        r"|(?:around )?year(?:'s)?[ -]end|(?:(?:full|current|latest) )?(?:fiscal )?year",
        phrase,
    )
    anchor = context.anchor
    if match is None or anchor is None:
        return None
    unit = match[1] or "year"
    if re.fullmatch(r"(?:fiscal )?year", phrase) and re.match(r"\s+end(?:ed|ing)\b", context.after):
        return TimeValue("DURATION", "P1Y")
    if unit == "day":
        return TimeValue("DATE", anchor.isoformat())
    if unit == "week":
        year, week, _ = anchor.isocalendar()
        return TimeValue("DATE", f"{year}-W{week:02d}")
    if unit == "month":
        return TimeValue("DATE", anchor.isoformat()[:7])
    return TimeValue("DATE", str(anchor.year))


def read_weekend(phrase: str, context: Context) -> TimeValue | None:
    """ "the weekend" in a past-tense sentence is the last one, else the coming one; an ISO
    week ends on Sunday, so the weekend before a Monday is the previous week's."""
    if phrase != "weekend" or context.anchor is None:
        return None
    anchor = context.anchor
    if context.tense != "future" and anchor.weekday() < 5:
        anchor -= timedelta(weeks=1)
    year, week, _ = anchor.isocalendar()
    return TimeValue("DATE", f"{year}-W{week:02d}-WE")


def read_that_period(phrase: str, context: Context) -> TimeValue | None:
    """ "that day", "later that year": the day or year the narrative last named; without one,
    "that day" is no date ("on a bad day, redemptions that day rise")."""
    match = re.fullmatch(r"(?:(?:earlier|later) )?that (?:same )?(day|year)", phrase)
    if match is None:
        return None
    if match[1] == "day":
        return TimeValue("DATE", context.previous.isoformat()) if context.previous else None
    return TimeValue("DATE", context.story_month[:4]) if context.story_month else None


def read_weekday(phrase: str, context: Context) -> TimeValue | None:
    """A weekday is the last one on or before the anchor (news reports what happened), the
    next one when the verb is in the future or the text says "next"."""
    match = re.fullmatch(
        rf"(?:(?:early|late|mid)[ -])?(?:(last|this|next|coming|past|previous|following)\s+)?"
        rf"({WEEKDAY_RE})(?:\s+({PART_RE}))?",
        phrase,
    )
    if match is None:
        return None
    weekday = WEEKDAYS[match[2].rstrip(".")]
    anchor = context.anchor
    if anchor is None:
        value = f"XXXX-WXX-{weekday + 1}"
    else:
        direction = match[1] or ""
        if direction in {"next", "coming", "following"} or (
            not direction and context.tense == "future"
        ):
            days = (weekday - anchor.weekday()) % 7 or 7
        elif direction in {"last", "past", "previous"}:
            days = -((anchor.weekday() - weekday) % 7 or 7)
        elif direction == "this":
            days = weekday - anchor.weekday()
        else:
            days = -((anchor.weekday() - weekday) % 7)
        value = (anchor + timedelta(days=days)).isoformat()
    return TimeValue("DATE", value)  # "Friday night" too: TimeBank dates it to the day


def read_reference(phrase: str, context: Context) -> TimeValue | None:
    """The present, past and future as news refers to them without a date."""
    values = {
        "now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "nowadays": "PRESENT_REF",
        "these days": "PRESENT_REF",
        "recently": "PAST_REF",
        "future": "FUTURE_REF",
        "near future": "FUTURE_REF",
        "near term": "FUTURE_REF",
        "short term": "FUTURE_REF",
    }
    return TimeValue("DATE", values[phrase]) if phrase in values else None
