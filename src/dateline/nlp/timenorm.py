"""Time expressions found in text and normalised to TIMEX3, anchored on the article's date.

Pure functions, no model: `find_time_expressions` finds the expressions news writes ("May 1",
"Oct. 7, 2023", "early April", "last week", "for weeks", "about a week from now", "every
Tuesday", "the year-ago quarter", "10 p.m. Wednesday"), and `normalise` gives each its TIMEX3
type and value. A value that the text does not determine is left underspecified
(`XXXX-04-29`, `PXW`) rather than guessed.

How a value is anchored (the TimeML conventions news annotation follows):
- on the article's date (the document creation time): "yesterday", "last year", weekdays;
- a year-less date takes the year that puts it nearest the anchor, unless the tense of its
  verb points the other way ("April 29" in a past-tense sentence of a May 1 story is this
  year's, "Nov. 22" in one of an October story is also this year's: a few weeks after the
  anchor is still nearer than eleven months before it);
- a weekday is the last one on or before the anchor unless the verb is in the future;
- "a year earlier" in a report about a quarter is that quarter a year before, "the following
  month" and "that day" count from the story's own dates;
- in running text "two days later" and "a week after" are found as the measure only ("two
  days", a DURATION): TimeML takes "later" and "after" for signals. Given whole,
  `normalise` still counts "two days later" from the last date the narrative gave.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"]
DateOrder = Literal["MDY", "DMY", "YMD"]
DATE_ORDERS: tuple[DateOrder, ...] = ("MDY", "DMY", "YMD")

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBERS: dict[str, int] = {"a": 1, "an": 1, "couple": 2, "a couple of": 2, "hundred": 100}
NUMBERS.update({word: n for n, word in enumerate(ONES, 1)})
NUMBERS.update({word: n for n, word in enumerate(TEENS, 10)})
NUMBERS.update({word: n for n, word in zip(range(20, 100, 10), TENS, strict=True)})
NUMBERS["a hundred"] = 100
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
UNITS = {
    "second": ("T", "S"),
    "minute": ("T", "M"),
    "hour": ("T", "H"),
    "day": ("", "D"),
    "week": ("", "W"),
    "month": ("", "M"),
    "quarter": ("", "Q"),
    "year": ("", "Y"),
    "decade": ("", "Y"),  # TimeBank writes decades and centuries in years: P20Y
    "century": ("", "Y"),
    "fortnight": ("", "W"),
}
UNIT_SIZE = {"decade": 10, "century": 100, "fortnight": 2}
# Half a unit, written in the next smaller one: "2 1/2 years" is P2Y6M.
HALVES = {"year": "6M", "day": "12H", "hour": "30M", "minute": "30S"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
DECADE_WORDS = {word[:-1] + "ies": n for n, word in zip(range(2, 10), TENS, strict=True)}
ORDINAL_CENTURIES = {
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


def _names(full: list[str], short: list[str]) -> str:
    """Full names as they are; abbreviations with their optional full stop ("Oct.")."""
    whole = "|".join(sorted(full, key=len, reverse=True))
    cut = "|".join(sorted(short, key=len, reverse=True))
    return rf"(?:(?:{whole})|(?:{cut})\.?)"


def _alternatives(words: list[str] | dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = _names(
    [calendar.month_name[n].lower() for n in range(1, 13)],
    [calendar.month_abbr[n].lower() for n in range(1, 13)] + ["sept"],
)
_WEEKDAY = _names(
    [name.lower() for name in calendar.day_name], [name.lower() for name in calendar.day_abbr]
)
_ONES, _TEENS, _TENS = _alternatives(ONES), _alternatives(TEENS), _alternatives(TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TENS})(?:[ -](?:{_ONES}))?|{_TEENS}|{_ONES}|a\s+hundred|hundred|"
    r"a\s+couple\s+of|couple|an|a)"
)
_NUMBER = rf"(?:\d+(?:\s+1/2)?|{_WORD_NUMBER})"
_QUANTITY = rf"(?:{_NUMBER}(?:[ -]and[ -]a[ -]half)?|several|a\s+few|few|many|some)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
# "Quarter" is a unit of time only in the plural after a count ("the past two quarters"):
# "a quarter of the market", "three-quarters of its food" are fractions.
_UNIT_OR_QUARTERS = rf"(?:{_UNIT}|quarters)"
_APPROX = (
    r"(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|at\s+least|"
    r"at\s+most|no\s+more\s+than|just|only|barely|up\s+to)"
)
_PART = r"(?:morning|afternoon|evening|night)"
_MONTH_PART = r"early|mid|late|(?:the\s+)?(?:end|beginning|middle|start)\s+of"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_RELATIVE = r"(?:this|last|next|past|coming|previous|following)"
_RELATIVE_WORD = r"(this|last|next|past|coming|previous|following)"
_SPELLED_YEAR = (
    rf"(?:nineteen[ -](?:(?:{_TENS})(?:[ -](?:{_ONES}))?|{_TEENS}|hundred)|"
    rf"two\s+thousand(?:\s+and\s+(?:{_ONES}))?)"
)
_YEAR = rf"(?:(?:19|20)\d\d|{_SPELLED_YEAR})"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)|noon|midnight|midday)"
_ZONE = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|local\s+time))?"
_DAY_WORD = rf"(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow)"
_MONTH_DAY = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
_ORDINAL_QUARTER = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter"
_YEAR_AGO = r"(?:year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year|comparable\s+year-ago)"
_HOLIDAY = (
    r"(?:thanksgiving(?:\s+day)?|christmas(?:\s+day|\s+eve)?|new\s+year's(?:\s+day|\s+eve)|"
    r"election\s+day|independence\s+day|the\s+fourth\s+of\s+july|halloween)"
)
# "52 years old" is an age, "a year-earlier loss" a date: neither is a duration.
_AGE = r"(?![ -]old\b)(?!-(?:earlier|ago)\b)"

# The grammar of what news writes, matched case-insensitively. At one position the first
# alternative that matches wins, so longer forms come before the forms they start with.
_EXPRESSIONS = [
    rf"{_CLOCK}{_ZONE},?\s+(?:{_DAY_WORD}|{_MONTH_DAY})",
    rf"(?:(?:early|mid|late)[ -]?)?{_PART}\s+(?:today|yesterday|tomorrow)",
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d",
    rf"(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d",
    r"(?:19|20)\d\d-[01]\d-[0-3]\d",
    r"\d{1,4}(?P<separator>[/-])\d{1,2}(?P=separator)\d{2,4}",
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?",
    rf"the\s+week\s+of\s+{_MONTH}\s+\d{{1,2}}",
    rf"(?:(?:{_MONTH_PART})[ -])?{_MONTH},?\s+(?:of\s+)?(?:last|this|next)\s+year",
    rf"(?:(?:{_MONTH_PART})[ -])?{_MONTH},?\s+{_YEAR}",
    rf"(?:{_MONTH_PART})[ -]{_MONTH}",
    rf"(?:last|this|next|this\s+past)\s+{_MONTH}",
    rf"(?:the\s+)?(?:(?:early|late|mid)[ -])?{_SEASON}\s+(?:of\s+)?{_YEAR}",
    r"(?:the\s+)?(?:(?:early|mid|late)[ -])?(?:19|20)\d0s",
    r"(?:the\s+)?(?:(?:early|mid|late)[ -])?'\d0s",
    rf"the\s+(?:(?:early|mid|late)[ -])?(?:{_alternatives(DECADE_WORDS)})",
    rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_alternatives(ORDINAL_CENTURIES)})[ -]century",
    rf"(?:the\s+)?(?:{_RELATIVE})\s+decade",
    r"(?:the\s+)?(?:first|second|last)\s+half\s+of\s+(?:19|20)\d\d",
    r"(?:the\s+)?first\s+(?:two|three)\s+quarters\s+of\s+(?:19|20)\d\d",
    rf"(?:the\s+)?year\s+{_SPELLED_YEAR}",
    rf"(?:{_APPROX}\s+)?{_QUANTITY}\s+{_UNIT}\s+(?:ago|from\s+now|earlier)",
    rf"(?:the\s+)?(?:{_RELATIVE}|first|final)\s+{_QUANTITY}\s+{_UNIT_OR_QUARTERS}",
    r"(?:earlier|later)\s+(?:in\s+)?(?:this|the)\s+(?:day|week|month|year)",
    r"(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:day|year)",
    r"(?:the\s+)?(?:coming|recent|past|last)\s+(?:(?:few|several|many)\s+)?"
    r"(?:days|weeks|months|quarters|years|decades)",
    rf"(?:the\s+)?(?:(?:early|late|mid)[ -])?{_RELATIVE}\s+"
    rf"(?:week|weekend|month|year|quarter|{_SEASON}|{_WEEKDAY})(?!'s\s+{_ORDINAL_QUARTER})",
    rf"(?:(?:later|earlier)\s+)?this\s+{_PART}",
    r"last\s+night",
    rf"next\s+year's\s+{_ORDINAL_QUARTER}",
    rf"(?:the\s+)?(?:{_YEAR_AGO}\s+|(?:19|20)\d\d\s+)?{_ORDINAL_QUARTER}s?"
    rf"(?:\s+of\s+(?:19|20)\d\d)?",
    rf"(?:the\s+)?{_YEAR_AGO}\s+(?:quarter|period)",
    r"(?:the\s+)?(?:latest|current|most\s+recent)\s+(?:quarter|period)",
    r"the\s+quarter(?!-)",
    r"the\s+(?:(?:early|late)\s+)?(?:spring|summer|winter|autumn)",
    r"the\s+(?:19|20)\d\d\s+(?:quarter|period)",
    r"(?:the\s+)?quarter\s+a\s+year\s+(?:ago|earlier)",
    r"year-(?:ago|earlier)",
    r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?:year|month|week)",
    r"(?:around\s+)?year(?:'s)?[ -]end",
    r"the\s+(?:(?:full|current|latest)\s+)?(?:fiscal\s+)?year(?!-)(?!\s+(?:before|after|ago|earlier))",
    r"fiscal\s+(?:19|20)\d\d",
    rf"{_WEEKDAY}(?:\s+{_PART})?",
    rf"(?:today|tonight|yesterday|tomorrow)(?:\s+{_PART})?(?![’']s)",
    rf"(?:every|each)\s+(?:{_WEEKDAY}|day|week|month|quarter|year|{_PART}|{_MONTH})",
    r"(?:daily|weekly|monthly|hourly)",
    r"the\s+weekend",
    r"(?:now|currently|nowadays|recently|these\s+days|the\s+(?:near\s+)?future|"
    r"the\s+(?:near|short)\s+term)",
    rf"(?:{_APPROX}\s+)?{_QUANTITY}(?:\s+more)?[ -]{_UNIT}(?:\s+and\s+a\s+half)?{_AGE}",
    rf"(?:several|many|a\s+few|recent)\s+{_UNIT_OR_QUARTERS}{_AGE}",
    rf"(?<=for\s){_UNIT}",
    _CLOCK,
    _HOLIDAY,
    rf"{_SPELLED_YEAR}(?!\s+years?\b)",
    rf"(?:(?:early|mid|late)[ -])?(?:{_MONTH})",
    r"(?:in|since|by|until|of|during|from|between|through|before|after)\s+(?:19|20)\d\d",
    r"mid-(?:19|20)\d\d",
]
# Every expression starts with a digit, an apostrophe or one of these words. Testing them
# first lets the finder skip most words of a text at the cost of one lookahead, instead of
# trying every expression of the grammar at every word.
_FIRST_WORDS = (
    [calendar.month_name[n].lower() for n in range(1, 13)]
    + [calendar.month_abbr[n].lower() for n in range(1, 13)]
    + ["sept"]
    + [name.lower() for name in calendar.day_name]
    + [name.lower() for name in calendar.day_abbr]
    + ONES
    + TEENS
    + TENS
    + list(DECADE_WORDS)
    + list(ORDINAL_CENTURIES)
    + list(UNITS)
    + [unit + "s" for unit in UNITS]
    + ["centuries", "quarters", "a", "an", "couple", "hundred", "several", "few", "many", "some"]
    + ["about", "around", "roughly", "nearly", "almost", "more", "less", "over", "at", "no"]
    + ["just", "only", "barely", "up", "the", "this", "last", "next", "past", "coming"]
    + ["previous", "following", "first", "final", "third", "fourth", "earlier", "later"]
    + ["early", "late", "mid", "end", "beginning", "middle", "start", "recent", "year-ago"]
    + ["year-earlier", "fiscal", "every", "each", "daily", "weekly", "monthly", "hourly"]
    + ["now", "currently", "nowadays", "recently", "these", "today", "tonight", "yesterday"]
    + ["tomorrow", "morning", "afternoon", "evening", "night", "noon", "midnight", "midday"]
    + ["thanksgiving", "christmas", "new", "election", "independence", "halloween"]
    + ["spring", "summer", "fall", "autumn", "winter", "in", "since", "by", "until", "of"]
    + ["during", "from", "between", "through", "before", "after", "prior-year", "comparable"]
    + ["that"]
)
_FINDER = re.compile(
    rf"\b(?=\d|'|(?:{_alternatives(sorted(set(_FIRST_WORDS)))})\b)(?:"
    + "|".join(f"(?:{e})" for e in _EXPRESSIONS)
    + r")(?!\w)",
    re.IGNORECASE,
)
# Years in a list or a range ("between 1985 and 1987", "in 1994, 1995 and 1997"): each one
# is an expression of its own.
_YEAR_RUN = re.compile(
    r"\b(?:19|20)\d\d(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through)\s+|-)"
    r"(?:19|20)\d\d)+\b"
)
_SINGLE_YEAR = re.compile(r"(?:19|20)\d\d")
# Month and weekday abbreviations that are ordinary words when they stand alone.
_AMBIGUOUS_ALONE = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
) | frozenset(["sat", "sun", "wed", "mon", "fri", "thu", "tue"])
_LEADING_PREPOSITION = re.compile(
    r"^(?:in|since|by|until|of|during|from|between|through|before|after)\s+", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class TimeValue:
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Context:
    """What a value is anchored on: the article's date, the tense of the expression's verb,
    the last full date and the last quarter the narrative named, how numeric dates read."""

    anchor: date | None
    tense: Tense = "past"
    previous: date | None = None
    quarter: str | None = None
    date_order: DateOrder = "MDY"
    after: str = ""
    story_month: str | None = None


def find_time_expressions(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """(start, end) of each time expression in text[start:end], in order, no overlaps."""
    end = len(text) if end is None else end
    found: list[tuple[int, int]] = []
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
        if piece.lower() in {"a second", "one second"}:
            continue  # "a second group": the ordinal
        if re.search(r"\b(?:may|march)$", piece):
            continue  # "this march", "next may": the words, not the months
        found.append((first, last))
    for run in _YEAR_RUN.finditer(text, start, end):
        for year in _SINGLE_YEAR.finditer(text, run.start(), run.end()):
            span = year.span()
            if not any(a < span[1] and span[0] < b for a, b in found):
                found.append(span)
    yield from sorted(found)


def _month_context(text: str, start: int, end: int) -> bool:
    """ "in May", "May 2024": a month; "may" as a verb or "March" as a march are not."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 6]
    return bool(
        re.search(r"\b(?:in|since|by|until|of|early|late|mid|last|next|this)\s*-?$", before)
        or re.match(r",?\s*(?:19|20)\d\d", after)
    )


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


# --------------------------------------------------------------------------- arithmetic


def _year_for(month: int, day: int | None, anchor: date | None, tense: Tense) -> int | None:
    """The year that puts a year-less date nearest the anchor, unless the tense points the
    other way by more than a few weeks ("Nov. 22" said in the past tense in late October is
    still this year's; "Oct. 23" said in the past tense in May is last year's)."""
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
    slack = timedelta(days=45 if day else 60)
    nearest = min(candidates, key=lambda c: abs((c - anchor).days))
    if tense == "past" and nearest > anchor + slack:
        before = [c for c in candidates if c <= anchor + slack]
        return max(before).year if before else nearest.year
    if tense == "future" and nearest < anchor - slack:
        after = [c for c in candidates if c >= anchor - slack]
        return min(after).year if after else nearest.year
    return nearest.year


def _iso(year: int | None, month: int, day: int | None = None) -> str:
    head = f"{year:04d}" if year else "XXXX"
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").lower())


def _quantity(words: str) -> float | None:
    """The number a quantity writes: "3", "2 1/2", "twenty four", "a couple of", "two and
    a half"; None for vague ones ("several")."""
    words = " ".join(words.replace("-", " ").split())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words.endswith(" 1/2"):
        words, half = words[:-4], 0.5
    if words.isdigit():
        return int(words) + half
    if words in NUMBERS:
        return NUMBERS[words] + half
    parts = words.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def _spelled_year(words: str) -> int | None:
    """ "nineteen ninety-six" is 1996, "two thousand" 2000."""
    words = " ".join(words.replace("-", " ").split())
    if words.startswith("nineteen "):
        rest = words[len("nineteen ") :]
        if rest == "hundred":
            return 1900
        number = _quantity(rest)
        return 1900 + int(number) if number is not None and number < 100 else None
    if words.startswith("two thousand"):
        rest = words[len("two thousand") :].strip()
        if not rest:
            return 2000
        number = NUMBERS.get(rest.removeprefix("and ").strip())
        return 2000 + number if number is not None else None
    return None


def _year_number(text: str) -> int | None:
    return int(text) if text.isdigit() else _spelled_year(text)


def _unit(word: str) -> str:
    word = word.rstrip("s")
    return "century" if word.startswith("centur") else word


def _shift(anchor: date, unit: str, amount: int) -> tuple[date, str]:
    """The anchor moved by `amount` units, and the precision its value should have."""
    if unit in {"day", "hour", "minute", "second"}:
        return anchor + timedelta(days=amount if unit == "day" else 0), "day"
    if unit in {"week", "fortnight"}:
        return anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)), "day"
    if unit in {"month", "quarter"}:
        month_index = anchor.month - 1 + amount * (3 if unit == "quarter" else 1)
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


def _quarter_of(moment: date) -> tuple[int, int]:
    return moment.year, (moment.month - 1) // 3 + 1


def _last_quarter(anchor: date) -> str:
    """The quarter a report of this date is about: the one that ended last."""
    year, number = _quarter_of(anchor)
    return f"{year - 1}-Q4" if number == 1 else f"{year}-Q{number - 1}"


def _quarter_years_back(quarter: str, years: int) -> str:
    return f"{int(quarter[:4]) - years}{quarter[4:]}"


def _duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT3H, P2Y6M, PXW; decades and centuries in years."""
    time_part, letter = UNITS[unit]
    if amount is None:
        return f"P{time_part}X{letter}"
    whole = int(amount)
    if amount == whole:
        return f"P{time_part}{whole * UNIT_SIZE.get(unit, 1)}{letter}"
    if unit in HALVES:
        lead = f"{whole}{letter}" if whole else ""
        rest = HALVES[unit]
        if unit == "day":
            return f"P{lead}T{rest}"
        return f"P{time_part}{lead}{rest}"
    return f"P{time_part}{amount * UNIT_SIZE.get(unit, 1):g}{letter}"


# --------------------------------------------------------------------------- rules

Rule = Callable[[str, Context], TimeValue | None]


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


def _clock(phrase: str, context: Context) -> TimeValue | None:
    """A time of day, alone ("3:30 p.m.") or with its day ("10 p.m. Wednesday")."""
    match = re.fullmatch(rf"({_CLOCK}){_ZONE},?(?:\s+(.+))?", phrase, re.IGNORECASE)
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


def _full_date(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:{_WEEKDAY},?\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?",
        phrase,
    )
    year: int | None
    if match:
        month, day = _month_number(match[1]), int(match[2])
        year = (
            int(match[3]) if match[3] else _year_for(month or 1, day, context.anchor, context.tense)
        )
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


def _numeric_date(phrase: str, context: Context) -> TimeValue | None:
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


def _week_of(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(rf"week of ({_MONTH})\s+(\d{{1,2}})", phrase)
    if match is None:
        return None
    found = _full_date(f"{match[1]} {match[2]}", context)
    if found is None or not found.value[:4].isdigit():
        return None
    year, week, _ = date.fromisoformat(found.value).isocalendar()
    return TimeValue("DATE", f"{year}-W{week:02d}")


def _month(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?:{_MONTH_PART})[ -])?({_MONTH})"
        rf"(?:,?\s+(?:of\s+)?({_YEAR}|(?:last|this|next) year))?",
        phrase,
    )
    if match is None:
        return None
    month = _month_number(match[1])
    if month is None:
        return None
    if match[2] and match[2].endswith(" year"):
        if context.anchor is None:
            return TimeValue("DATE", _iso(None, month))
        step = {"last": -1, "this": 0, "next": 1}[match[2].split()[0]]
        return TimeValue("DATE", _iso(context.anchor.year + step, month))
    year = (
        _year_number(match[2])
        if match[2]
        else _year_for(month, None, context.anchor, context.tense)
    )
    return TimeValue("DATE", _iso(year, month))


def _relative_month(phrase: str, context: Context) -> TimeValue | None:
    """ "last May" is the last May before the anchor, "next May" the first after it."""
    match = re.fullmatch(rf"(last|this|next|this past)\s+({_MONTH})", phrase)
    if match is None:
        return None
    month = _month_number(match[2])
    if month is None:
        return None
    if context.anchor is None:
        return TimeValue("DATE", _iso(None, month))
    year = context.anchor.year
    if match[1] in {"last", "this past"}:
        year -= 1 if month >= context.anchor.month else 0
    elif match[1] == "next":
        year += 1 if month <= context.anchor.month else 0
    return TimeValue("DATE", _iso(year, month))


def _season(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?:early|late|mid)[ -])?({_SEASON})(?:\s+(?:of\s+)?({_YEAR}))?", phrase
    )
    if match is None:
        return None
    code = SEASONS[match[1]]
    if match[2] is None:
        year = _year_for(SEASON_MONTH[code], None, context.anchor, context.tense)
        return TimeValue("DATE", f"{year or 'XXXX'}-{code}")
    year = _year_number(match[2])
    return TimeValue("DATE", f"{year}-{code}") if year else None


def _year(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?((?:19|20)\d\d)", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(r"fiscal ((?:19|20)\d\d)", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(rf"(?:year )?({_SPELLED_YEAR})", phrase)
    if match:
        year = _spelled_year(match[1])
        return TimeValue("DATE", str(year)) if year else None
    return None


def _decade(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?((?:19|20)\d)0s", phrase)
    if match:
        return TimeValue("DATE", match[1])
    match = re.fullmatch(r"(?:(?:early|mid|late)[ -])?'(\d)0s", phrase)
    if match:
        return TimeValue("DATE", f"19{match[1]}")
    match = re.fullmatch(rf"(?:(?:early|mid|late)[ -])?({_alternatives(DECADE_WORDS)})", phrase)
    if match:
        return TimeValue("DATE", f"19{DECADE_WORDS[match[1]]}")
    match = re.fullmatch(rf"({_RELATIVE}) decade", phrase)
    if match and context.anchor is not None:
        step = {"this": 0, "next": 1, "coming": 1, "following": 1}.get(match[1], -1)
        return TimeValue("DATE", str(context.anchor.year // 10 + step))
    match = re.fullmatch(
        rf"(\d{{1,2}})(?:st|nd|rd|th)[ -]century|({_alternatives(ORDINAL_CENTURIES)})[ -]century",
        phrase,
    )
    if match:
        number = int(match[1]) if match[1] else ORDINAL_CENTURIES[match[2]]
        return TimeValue("DATE", f"{number - 1:02d}")
    return None


def _relative_offset(phrase: str, context: Context) -> TimeValue | None:
    """ "three days ago", "a year earlier", "about a week from now": a point, at the unit's
    precision; "a year earlier" in a report about a quarter is that quarter a year before."""
    match = re.fullmatch(
        rf"(?:{_APPROX}\s+)?({_QUANTITY})\s+({_UNIT})\s+(ago|from now|later|earlier|before|after)",
        phrase,
    )
    if match is None:
        return None
    amount, unit, direction = _quantity(match[1]), _unit(match[2]), match[3]
    if amount is None:
        return TimeValue("DATE", "PAST_REF" if direction in {"ago", "earlier"} else "FUTURE_REF")
    base = (
        context.anchor if direction in {"ago", "from now"} else (context.previous or context.anchor)
    )
    sign = -1 if direction in {"ago", "earlier", "before"} else 1
    if unit == "year" and sign < 0 and context.quarter and amount == int(amount):
        return TimeValue("DATE", _quarter_years_back(context.quarter, int(amount)))
    if base is None or amount != int(amount):
        return TimeValue("DATE", "XXXX")
    moment, precision = _shift(base, unit, sign * int(amount))
    return TimeValue("DATE", _format(moment, precision))


def _year_ago_period(phrase: str, context: Context) -> TimeValue | None:
    """ "year-earlier", "the year-ago quarter", "the year-ago third quarter", "the quarter a
    year ago": the quarter the narrative reports on (or the anchor's year), a year back."""
    match = re.fullmatch(
        rf"(?:{_YEAR_AGO})(?:\s+(?:({_ORDINAL_QUARTER})|quarter|period))?"
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
        return TimeValue("DATE", _quarter_years_back(context.quarter, 1))
    if "quarter" in phrase or "period" in phrase:
        return TimeValue("DATE", _quarter_years_back(_last_quarter(context.anchor), 1))
    return TimeValue("DATE", str(context.anchor.year - 1))


def _plural_span(phrase: str, context: Context) -> TimeValue | None:
    """ "recent weeks", "the past few months", "coming quarters": a stretch of unknown
    length."""
    match = re.fullmatch(
        r"(?:coming|recent|past|last|next)(?: (?:few|several|many))? "
        r"(days|weeks|months|quarters|years|decades)",
        phrase,
    )
    if match is None:
        return None
    return TimeValue("DURATION", _duration(None, _unit(match[1])))


def _duration_rule(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?:{_RELATIVE}|first|final)\s+)?(?:{_APPROX}\s+)?({_QUANTITY})(?:\s+more)?"
        rf"[ -]({_UNIT_OR_QUARTERS})"
        r"( and a half)?",
        phrase,
    )
    if match is None:
        match = re.fullmatch(rf"(?:(several|many|a few|recent)\s+)?({_UNIT_OR_QUARTERS})", phrase)
        if match is None or not match[2].endswith("s"):
            return None
        return TimeValue("DURATION", _duration(None, _unit(match[2])))
    amount = _quantity(match[1] + (match[3] or ""))
    return TimeValue("DURATION", _duration(amount, _unit(match[2])))


def _named_day(phrase: str, context: Context) -> TimeValue | None:
    """ "yesterday", "tomorrow morning", "mid-afternoon yesterday", "tonight"."""
    match = re.fullmatch(
        rf"(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{_PART}))?"
        rf"|(?:(?:early|mid|late)[ -]?)?(?P<part_first>{_PART})"
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


def _part_of_today(phrase: str, context: Context) -> TimeValue | None:
    """ "this morning", "later this afternoon", "last night": parts of the article's day."""
    match = re.fullmatch(rf"(?:(?:later|earlier) )?this ({_PART})|last (night)", phrase)
    if match is None:
        return None
    if context.anchor is None:
        return TimeValue("TIME", "XXXX-XX-XXT" + PARTS_OF_DAY[match[1] or match[2]])
    day = context.anchor - timedelta(days=1 if match[2] else 0)
    return TimeValue("TIME", day.isoformat() + "T" + PARTS_OF_DAY[match[1] or match[2]])


def _weekday(phrase: str, context: Context) -> TimeValue | None:
    """A weekday is the last one on or before the anchor (news reports what happened), the
    next one when the verb is in the future or the text says "next"."""
    match = re.fullmatch(
        rf"(?:(?:early|late|mid)[ -])?(?:(last|this|next|coming|past|previous|following)\s+)?"
        rf"({_WEEKDAY})(?:\s+({_PART}))?",
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


def _calendar_unit(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:(?:earlier|later|early|late|mid)[ -])?{_RELATIVE_WORD}\s+"
        rf"(week|weekend|month|year|quarter|{_SEASON})",
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


def _within_period(phrase: str, context: Context) -> TimeValue | None:
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


def _that_period(phrase: str, context: Context) -> TimeValue | None:
    """ "that day", "later that year": the day or year the narrative last named; without one,
    "that day" is no date ("on a bad day, redemptions that day rise")."""
    match = re.fullmatch(r"(?:(?:earlier|later) )?that (?:same )?(day|year)", phrase)
    if match is None:
        return None
    if match[1] == "day":
        return TimeValue("DATE", context.previous.isoformat()) if context.previous else None
    return TimeValue("DATE", context.story_month[:4]) if context.story_month else None


def _set(phrase: str, context: Context) -> TimeValue | None:
    match = re.fullmatch(
        rf"(?:every|each)\s+({_WEEKDAY}|day|week|month|quarter|year|{_PART}|{_MONTH})", phrase
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


def _quarter(phrase: str, context: Context) -> TimeValue | None:
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
    _, current = _quarter_of(anchor)
    year = anchor.year - 1 if context.tense != "future" and number > current else anchor.year
    return TimeValue("DATE", f"{year}-Q{number}")


def _half(phrase: str, context: Context) -> TimeValue | None:
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


def _report_period(phrase: str, context: Context) -> TimeValue | None:
    """ "the quarter", "the latest period" in an earnings report: the quarter the narrative
    named, else the one that ended last; "the current quarter" is the anchor's own."""
    anchor = context.anchor
    if anchor is None:
        return None
    if phrase == "current quarter":
        year, number = _quarter_of(anchor)
        return TimeValue("DATE", f"{year}-Q{number}")
    if phrase in {
        "quarter",
        "latest quarter",
        "most recent quarter",
        "latest period",
        "current period",
    }:
        return TimeValue("DATE", context.quarter or _last_quarter(anchor))
    match = re.fullmatch(r"((?:19|20)\d\d) (quarter|period)", phrase)
    if match:
        quarter = context.quarter or _last_quarter(anchor)
        return TimeValue("DATE", match[1] + quarter[4:])
    return None


def _weekend(phrase: str, context: Context) -> TimeValue | None:
    """ "the weekend" in a past-tense sentence is the last one, else the coming one; an ISO
    week ends on Sunday, so the weekend before a Monday is the previous week's."""
    if phrase != "weekend" or context.anchor is None:
        return None
    anchor = context.anchor
    if context.tense != "future" and anchor.weekday() < 5:
        anchor -= timedelta(weeks=1)
    year, week, _ = anchor.isocalendar()
    return TimeValue("DATE", f"{year}-W{week:02d}-WE")


def _holiday(phrase: str, context: Context) -> TimeValue | None:
    """Holidays of fixed rule, in the year the tense puts nearest the anchor."""
    rules: dict[str, Callable[[int], date]] = {
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
    name = (
        phrase.removesuffix(" day")
        if phrase.startswith(("thanksgiving", "christmas day"))
        else phrase
    )
    if name not in rules:
        return None
    anchor = context.anchor
    if anchor is None:
        return TimeValue("DATE", "XXXX")
    day = rules[name](anchor.year)
    year = _year_for(day.month, day.day, anchor, context.tense) or anchor.year
    return TimeValue("DATE", rules[name](year).isoformat())


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _reference(phrase: str, context: Context) -> TimeValue | None:
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


_RULES: list[Rule] = [
    _clock,
    _full_date,
    _numeric_date,
    _week_of,
    _month,
    _relative_month,
    _season,
    _year,
    _decade,
    _relative_offset,
    _year_ago_period,
    _calendar_unit,
    _quarter,
    _half,
    _report_period,
    _plural_span,
    _duration_rule,
    _named_day,
    _part_of_today,
    _within_period,
    _weekend,
    _that_period,
    _weekday,
    _set,
    _holiday,
    _reference,
]
