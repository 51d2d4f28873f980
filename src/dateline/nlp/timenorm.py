"""Time expressions found in text and normalised to TIMEX3, anchored on the article's date.

Pure functions, no model: `find_time_expressions` finds the expressions news writes ("May 1",
"Oct. 7, 2023", "early April", "last week", "for weeks", "about a week from now", "every
Tuesday"), and `normalise` gives each its TIMEX3 type and value. A value that the text does
not determine is left underspecified (`XXXX-04-29`, `PXW`) rather than guessed; a year-less
date takes the year that puts it nearest the anchor in the direction of the sentence's tense
("April 29" in a past-tense sentence of a May 1, 2024 story is 2024-04-29).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"]

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "couple": 2,
}
VAGUE = {"several", "few", "many", "some", "a few", "a couple of", "couple of"}
UNITS = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "month": ("", "M"),
    "year": ("", "Y"),
    "decade": ("", "DE"),
    "century": ("", "CE"),
    "fortnight": ("", "W"),
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _names(full: list[str], short: list[str]) -> str:
    """Full names as they are; abbreviations with their optional full stop ("Oct.")."""
    whole = "|".join(sorted(full, key=len, reverse=True))
    cut = "|".join(sorted(short, key=len, reverse=True))
    return rf"(?:(?:{whole})|(?:{cut})\.?)"


_MONTH = _names(
    [calendar.month_name[n].lower() for n in range(1, 13)],
    [calendar.month_abbr[n].lower() for n in range(1, 13)] + ["sept"],
)
_WEEKDAY = _names(
    [name.lower() for name in calendar.day_name], [name.lower() for name in calendar.day_abbr]
)
_NUMBER = r"(?:\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_QUANTITY = rf"(?:{_NUMBER}(?:[ -]and[ -]a[ -]half)?|several|a few|a couple of|few|many)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
_APPROX = r"(?:about|around|roughly|nearly|almost|some|more than|less than|over|at least)"
_PART = r"(?:morning|afternoon|evening|night)"
_MONTH_PART = r"early|mid|late|(?:the )?(?:end|beginning|middle) of"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_RELATIVE = r"(?:this|last|next|past|coming|previous|following)"
_DIRECTION = r"ago|from now|later|earlier|before|after"

# The grammar of what news writes, longest forms first; matched case-insensitively.
_EXPRESSIONS = [
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d",
    rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d",
    r"(?:19|20)\d\d-[01]\d-[0-3]\d",
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"(?:{_MONTH_PART})[ -]{_MONTH}(?:,?\s+(?:19|20)\d\d)?",
    rf"{_MONTH},?\s+(?:19|20)\d\d",
    r"(?:(?:early|mid|late)[ -])?(?:19|20)\d0s",
    rf"(?:{_APPROX}\s+)?{_QUANTITY}\s+{_UNIT}\s+(?:ago|from now|later|earlier|before|after)",
    rf"(?:the\s+)?(?:{_RELATIVE})\s+{_QUANTITY}\s+{_UNIT}",
    r"(?:earlier|later)\s+this\s+(?:week|month|year)",
    rf"{_RELATIVE}\s+(?:week|weekend|month|year|quarter|{_SEASON}|{_WEEKDAY})",
    rf"{_WEEKDAY}(?:\s+{_PART})?",
    rf"(?:today|tonight|yesterday|tomorrow)(?:\s+{_PART})?",
    rf"(?:every|each)\s+(?:{_WEEKDAY}|day|week|month|year|{_PART})",
    r"(?:daily|weekly|monthly|annually|yearly)",
    r"(?:the\s+)?(?:first|second|third|fourth)[ -]quarter(?:\s+of\s+(?:19|20)\d\d)?",
    r"the\s+(?:latest\s+|most\s+recent\s+)?quarter\b",
    r"the\s+weekend\b",
    r"(?:now|currently|nowadays|recently|previously|formerly|soon|the\s+future|the\s+past)\b",
    rf"(?:{_APPROX}\s+)?{_QUANTITY}[ -]{_UNIT}(?!-old)",
    rf"(?:several|many|a few|recent)\s+{_UNIT}",
    rf"(?<=for\s){_UNIT}",
    r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
    rf"(?:(?:early|mid|late)[ -])?(?:{_MONTH})\b",
    r"(?:in|since|by|until|of|during)\s+(?:19|20)\d\d\b",
    r"(?:mid-)(?:19|20)\d\d\b",
]
_FINDER = re.compile(r"\b(?:" + "|".join(f"(?:{e})" for e in _EXPRESSIONS) + r")", re.IGNORECASE)
# Month abbreviations that are ordinary words when they stand alone.
_AMBIGUOUS_ALONE = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "sat",
        "sun",
        "wed",
        "mon",
        "fri",
        "thu",
        "tue",
    ]
)
_LEADING_PREPOSITION = re.compile(r"^(?:in|since|by|until|of|during)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeValue:
    type: str
    value: str


def find_time_expressions(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """(start, end) of each time expression in text[start:end], longest first, no overlaps."""
    end = len(text) if end is None else end
    for match in _FINDER.finditer(text, start, end):
        first, last = match.span()
        piece = text[first:last]
        lead = _LEADING_PREPOSITION.match(piece)
        if lead:
            first += lead.end()
            piece = text[first:last]
        if piece.lower().rstrip(".") in _AMBIGUOUS_ALONE and not piece.endswith("."):
            continue  # "Sun", "Mon", "Jan" alone are names far more often than dates
        if piece.lower().rstrip(".") in {"may", "march"} and not _month_context(text, first, last):
            continue
        yield first, last


def _month_context(text: str, start: int, end: int) -> bool:
    """ "in May", "May 2024": a month; "may" as a verb or "March" as a march are not."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 6]
    return bool(
        re.search(r"\b(?:in|since|by|until|of|early|late|mid|last|next|this)\s*-?$", before)
        or re.match(r",?\s*(?:19|20)\d\d", after)
    )


def normalise(
    text: str, anchor: date | None, tense: Tense = "past", previous: date | None = None
) -> TimeValue | None:
    """TIMEX3 type and value of one expression; None when it is no time expression."""
    phrase = " ".join(text.lower().replace("’", "'").split())
    phrase = re.sub(r"^(?:the|on|in|since|by|until|of|during)\s+", "", phrase)
    for rule in _RULES:
        found = rule(phrase, anchor, tense, previous)
        if found is not None:
            return found
    return None


def _year_for(month: int, day: int | None, anchor: date | None, tense: Tense) -> int | None:
    """The year that puts a year-less date nearest the anchor, on the side the tense says."""
    if anchor is None:
        return None
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day or 15))
        except ValueError:
            continue
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c <= anchor + timedelta(days=1 if day else 31)]
        if before:
            return max(before).year
    if tense == "future":
        after = [c for c in candidates if c >= anchor - timedelta(days=0 if day else 31)]
        if after:
            return min(after).year
    return min(candidates, key=lambda c: abs((c - anchor).days)).year


def _iso(year: int | None, month: int, day: int | None = None) -> str:
    head = f"{year:04d}" if year else "XXXX"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").lower())


def _full_date(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:{_WEEKDAY},?\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?",
        phrase,
    )
    if match:
        month, day = _month_number(match[1]), int(match[2])
        year = int(match[3]) if match[3] else _year_for(month or 1, day, anchor, tense)
    else:
        match = re.fullmatch(
            rf"(?:{_WEEKDAY},?\s+)?(\d{{1,2}})\s+({_MONTH}),?\s+((?:19|20)\d\d)", phrase
        )
        if match is None:
            match = re.fullmatch(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)", phrase)
            if match is None:
                return None
            year, month, day = int(match[1]), int(match[2]), int(match[3])
        else:
            day, month, year = int(match[1]), _month_number(match[2]), int(match[3])
    if month is None:
        return None
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    return TimeValue("DATE", _iso(year, month, day))


def _month(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?:{_MONTH_PART})[ -])?({_MONTH})(?:,?\s+((?:19|20)\d\d))?",
        phrase,
    )
    if match is None:
        return None
    month = _month_number(match[1])
    if month is None:
        return None
    year = int(match[2]) if match[2] else _year_for(month, None, anchor, tense)
    return TimeValue("DATE", _iso(year, month))


def _year(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?((?:19|20)\d\d)", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?((?:19|20)\d)0s", phrase)
    if match:
        return TimeValue("DATE", match[1])
    return None


def _quantity(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    if word.replace("-", " ").endswith("and a half"):
        return None
    return NUMBERS.get(word)


def _unit(word: str) -> str:
    word = word.rstrip("s")
    return "century" if word.startswith("centur") else word


def _shift(anchor: date, unit: str, amount: int) -> tuple[date, str]:
    """The anchor moved by `amount` units, and the precision its value should have."""
    if unit in {"day", "hour", "minute", "second"}:
        return anchor + timedelta(days=amount if unit == "day" else 0), "day"
    if unit in {"week", "fortnight"}:
        return anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)), "day"
    if unit == "month":
        month_index = anchor.month - 1 + amount
        year, month = anchor.year + month_index // 12, month_index % 12 + 1
        return date(year, month, min(anchor.day, 28)), "month"
    years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
    return date(anchor.year + years, anchor.month, min(anchor.day, 28)), "year"


def _format(moment: date, precision: str) -> str:
    if precision == "day":
        return moment.isoformat()
    if precision == "month":
        return moment.isoformat()[:7]
    return f"{moment.year:04d}"


def _relative_offset(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:{_APPROX}\s+)?({_NUMBER}|a|an)\s+({_UNIT})\s+({_DIRECTION})",
        phrase,
    )
    if match is None:
        return None
    amount, unit, direction = _quantity(match[1]), _unit(match[2]), match[3]
    base = anchor if direction in {"ago", "from now"} else (previous or anchor)
    if amount is None or base is None:
        return TimeValue("DATE", "XXXX")
    sign = -1 if direction in {"ago", "earlier", "before"} else 1
    moment, precision = _shift(base, unit, sign * amount)
    return TimeValue("DATE", _format(moment, precision))


def _duration(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?:the\s+)?{_RELATIVE}\s+)?(?:{_APPROX}\s+)?({_QUANTITY})[ -]({_UNIT})",
        phrase,
    )
    if match is None:
        match = re.fullmatch(rf"(?:(several|many|a few|recent)\s+)?({_UNIT})", phrase)
        if match is None or not match[2].endswith("s"):
            return None
        if match[1] == "recent":
            return TimeValue("DATE", "PAST_REF")
        amount_text = "X"
    else:
        amount = _quantity(match[1])
        amount_text = str(amount) if amount is not None else "X"
    time_part, letter = UNITS[_unit(match[2])]
    return TimeValue("DURATION", f"P{time_part}{amount_text}{letter}")


def _named_day(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(rf"(today|tonight|yesterday|tomorrow)(?:\s+({_PART}))?", phrase)
    if match is None:
        return None
    if anchor is None:
        return TimeValue("DATE", "PRESENT_REF" if match[1] == "today" else "XXXX-XX-XX")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match[1]]
    value = (anchor + timedelta(days=offset)).isoformat()
    part = "night" if match[1] == "tonight" else match[2]
    if part:
        return TimeValue("TIME", value + "T" + PARTS_OF_DAY[part])
    return TimeValue("DATE", value)


def _weekday(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(last|this|next|coming|past)\s+)?({_WEEKDAY})(?:\s+({_PART}))?", phrase
    )
    if match is None:
        return None
    weekday = WEEKDAYS[match[2].rstrip(".")]
    if anchor is None:
        value = f"XXXX-WXX-{weekday + 1}"
    else:
        direction = match[1] or ""
        if direction in {"next", "coming"} or (not direction and tense == "future"):
            days = (weekday - anchor.weekday()) % 7 or 7
        elif direction == "last" or (not direction and tense == "past"):
            days = -((anchor.weekday() - weekday) % 7)
        else:
            days = weekday - anchor.weekday()
        value = (anchor + timedelta(days=days)).isoformat()
    if match[3]:
        return TimeValue("TIME", value + "T" + PARTS_OF_DAY[match[3]])
    return TimeValue("DATE", value)


def _calendar_unit(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(earlier|later)\s+)?(this|last|next|past|coming|previous|following)\s+(week|weekend|month|year|quarter|{_SEASON})",
        phrase,
    )
    if match is None:
        return None
    which, unit = match[2], match[3]
    step = {"this": 0, "coming": 1, "next": 1, "following": 1}.get(which, -1)
    if anchor is None:
        return TimeValue("DATE", "XXXX")
    if unit in {"week", "weekend"}:
        moment = anchor + timedelta(weeks=step)
        year, week, _ = moment.isocalendar()
        return TimeValue("DATE", f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else ""))
    if unit == "month":
        moment, _ = _shift(anchor, "month", step)
        return TimeValue("DATE", moment.isoformat()[:7])
    if unit == "quarter":
        quarter = (anchor.month - 1) // 3 + step
        year = anchor.year + quarter // 4
        return TimeValue("DATE", f"{year}-Q{quarter % 4 + 1}")
    if unit == "year":
        return TimeValue("DATE", f"{anchor.year + step}")
    return TimeValue("DATE", f"{anchor.year + step}-{SEASONS[unit]}")


def _set(phrase: str, anchor: date | None, tense: Tense, previous: date | None) -> TimeValue | None:
    match = re.fullmatch(rf"(?:every|each)\s+({_WEEKDAY}|day|week|month|year|{_PART})", phrase)
    if match:
        word = match[1].rstrip(".")
        if word in WEEKDAYS:
            return TimeValue("SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}")
        if word in PARTS_OF_DAY:
            return TimeValue("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}")
        return TimeValue("SET", f"P1{UNITS[word][1]}")
    adverbs = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
    }
    if phrase in adverbs:
        return TimeValue("SET", adverbs[phrase])
    return None


def _clock(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(r"(\d{1,2})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am|pm)", phrase)
    if match is None:
        return None
    hour, minute = int(match[1]) % 12, int(match[2] or 0)
    if match[3].startswith("p"):
        hour += 12
    day = anchor.isoformat() if anchor else "XXXX-XX-XX"
    return TimeValue("TIME", f"{day}T{hour:02d}:{minute:02d}")


def _quarter(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    match = re.fullmatch(
        r"(first|second|third|fourth)[ -]quarter(?:\s+of\s+((?:19|20)\d\d))?", phrase
    )
    if match is None:
        return None
    number = ["first", "second", "third", "fourth"].index(match[1]) + 1
    if match[2]:
        return TimeValue("DATE", f"{match[2]}-Q{number}")
    if anchor is None:
        return TimeValue("DATE", f"XXXX-Q{number}")
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year - 1 if tense == "past" and number > current else anchor.year
    return TimeValue("DATE", f"{year}-Q{number}")


def _reference(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    """The present, past and future as news refers to them without a date."""
    values = {
        "now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "nowadays": "PRESENT_REF",
        "recently": "PAST_REF",
        "previously": "PAST_REF",
        "formerly": "PAST_REF",
        "past": "PAST_REF",
        "soon": "FUTURE_REF",
        "future": "FUTURE_REF",
    }
    return TimeValue("DATE", values[phrase]) if phrase in values else None


def _this_quarter_or_weekend(
    phrase: str, anchor: date | None, tense: Tense, previous: date | None
) -> TimeValue | None:
    """ "the quarter" in an earnings report is the one just ended; "the weekend" this week's."""
    if anchor is None or phrase not in {
        "quarter",
        "latest quarter",
        "most recent quarter",
        "weekend",
    }:
        return None
    if phrase == "weekend":
        year, week, _ = anchor.isocalendar()
        return TimeValue("DATE", f"{year}-W{week:02d}-WE")
    quarter = (anchor.month - 1) // 3 + (0 if tense == "past" else 1)
    year = anchor.year - (1 if quarter == 0 else 0)
    return TimeValue("DATE", f"{year}-Q{quarter or 4}")


_RULES = [
    _full_date,
    _month,
    _year,
    _relative_offset,
    _calendar_unit,
    _quarter,
    _duration,
    _named_day,
    _this_quarter_or_weekend,
    _weekday,
    _set,
    _clock,
    _reference,
]
