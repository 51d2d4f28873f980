"""How long and how often: durations ("for three weeks" P3W, "recent months" PXM, "two and
a half years" P2Y6M) and sets ("every Tuesday", "daily")."""

from __future__ import annotations

import re

from dateline.nlp.timex.context import Context, TimeValue
from dateline.nlp.timex.quantities import duration_value, quantity, unit_name
from dateline.nlp.timex.vocabulary import (
    APPROX_RE,
    MONTH_RE,
    PART_RE,
    PARTS_OF_DAY,
    QUANTITY_RE,
    RELATIVE_RE,
    UNIT_OR_QUARTERS_RE,
    UNITS,
    WEEKDAY_RE,
)
from dateline.vocabulary import MONTHS, WEEKDAYS


def read_plural_span(phrase: str, context: Context) -> TimeValue | None:
    """ "recent weeks", "the past few months", "coming quarters": a stretch of unknown
    length."""
    match = re.fullmatch(
        r"(?:coming|recent|past|last|next)(?: (?:few|several|many))? "
        r"(days|weeks|months|quarters|years|decades)",
        phrase,
    )
    if match is None:
        return None
    return TimeValue("DURATION", duration_value(None, unit_name(match[1])))


def read_duration(phrase: str, context: Context) -> TimeValue | None:
    """A counted or vague length: "three weeks", "2 1/2 years", "the past two quarters",
    "several months" (PXM)."""
    match = re.fullmatch(
        rf"(?:(?:{RELATIVE_RE}|first|final)\s+)?(?:{APPROX_RE}\s+)?({QUANTITY_RE})(?:\s+more)?"
        rf"[ -]({UNIT_OR_QUARTERS_RE})"
        r"( and a half)?",
        phrase,
    )
    if match is None:
        match = re.fullmatch(rf"(?:(several|many|a few|recent)\s+)?({UNIT_OR_QUARTERS_RE})", phrase)
        if match is None or not match[2].endswith("s"):
            return None
        return TimeValue("DURATION", duration_value(None, unit_name(match[2])))
    amount = quantity(match[1] + (match[3] or ""))
    return TimeValue("DURATION", duration_value(amount, unit_name(match[2])))


def read_set(phrase: str, context: Context) -> TimeValue | None:
    """How often: "every Tuesday", "each morning", "every May", "daily"."""
    match = re.fullmatch(
        rf"(?:every|each)\s+({WEEKDAY_RE}|day|week|month|quarter|year|{PART_RE}|{MONTH_RE})", phrase
    )
    if match:
        word = match[1].rstrip(".")
        if word in UNITS:
            return TimeValue("SET", f"P1{UNITS[word][1]}")
        if word in WEEKDAYS:
            return TimeValue("SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}")
        if word in PARTS_OF_DAY:
            return TimeValue("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}")
        if word in MONTHS:
            return TimeValue("SET", f"XXXX-{MONTHS[word]:02d}")
        return None
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H"}
    if phrase in adverbs:
        return TimeValue("SET", adverbs[phrase])
    return None
