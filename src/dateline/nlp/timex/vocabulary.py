"""The words of time, as lookup tables and as regular-expression pieces.

The finder matches whole expressions with the pieces; the rules re-read the parts of a
found expression with the same pieces and look the words up in the tables, so both agree
on what "Sept.", "twenty-four" or "fortnight" mean. The pieces are pattern source, not
compiled patterns (suffix `_RE`), because they are spliced into larger patterns. The names of
the months and weekdays are `dateline.vocabulary`'s, which ingestion reads datelines with.
"""

from __future__ import annotations

from dateline.vocabulary import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)

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


def alternatives(words: list[str] | dict[str, int]) -> str:
    """The words as one alternation, longest first so that no word stops short at a prefix."""
    return "|".join(sorted(words, key=len, reverse=True))


MONTH_RE = _names(list(MONTH_NAMES), list(MONTH_ABBREVIATIONS))
WEEKDAY_RE = _names(list(WEEKDAY_NAMES), list(WEEKDAY_ABBREVIATIONS))
ONES_RE, TEENS_RE, TENS_RE = alternatives(ONES), alternatives(TEENS), alternatives(TENS)
WORD_NUMBER_RE = (
    rf"(?:(?:{TENS_RE})(?:[ -](?:{ONES_RE}))?|{TEENS_RE}|{ONES_RE}|a\s+hundred|hundred|"
    r"a\s+couple\s+of|couple|an|a)"
)
NUMBER_RE = rf"(?:\d+(?:\s+1/2)?|{WORD_NUMBER_RE})"
QUANTITY_RE = rf"(?:{NUMBER_RE}(?:[ -]and[ -]a[ -]half)?|several|a\s+few|few|many|some)"
UNIT_RE = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
# "Quarter" is a unit of time only in the plural after a count ("the past two quarters"):
# "a quarter of the market", "three-quarters of its food" are fractions.
UNIT_OR_QUARTERS_RE = rf"(?:{UNIT_RE}|quarters)"
APPROX_RE = (
    r"(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|at\s+least|"
    r"at\s+most|no\s+more\s+than|just|only|barely|up\s+to)"
)
PART_RE = r"(?:morning|afternoon|evening|night)"
MONTH_PART_RE = r"early|mid|late|(?:the\s+)?(?:end|beginning|middle|start)\s+of"
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
RELATIVE_RE = r"(?:this|last|next|past|coming|previous|following)"
RELATIVE_WORD_RE = r"(this|last|next|past|coming|previous|following)"  # the same, captured
SPELLED_YEAR_RE = (
    rf"(?:nineteen[ -](?:(?:{TENS_RE})(?:[ -](?:{ONES_RE}))?|{TEENS_RE}|hundred)|"
    rf"two\s+thousand(?:\s+and\s+(?:{ONES_RE}))?)"
)
YEAR_RE = rf"(?:(?:19|20)\d\d|{SPELLED_YEAR_RE})"
CLOCK_RE = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?!\w)|noon|midnight|midday)"
ZONE_RE = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|local\s+time))?"
ORDINAL_QUARTER_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter"
YEAR_AGO_RE = (
    r"(?:year-ago|year-earlier|year\s+ago|year\s+earlier|prior-year|comparable\s+year-ago)"
)
DECADE_WORD_RE = alternatives(DECADE_WORDS)
ORDINAL_CENTURY_RE = alternatives(ORDINAL_CENTURIES)
