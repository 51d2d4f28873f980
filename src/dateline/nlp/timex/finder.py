"""Which spans of a text are time expressions: the grammar of what news writes.

Pure pattern matching, no model: "May 1", "Oct. 7, 2023", "early April", "last week", "for
weeks", "about a week from now", "every Tuesday", "the year-ago quarter", "10 p.m.
Wednesday". What each span means is the normaliser's business; the finder only decides where
expressions start and end, and drops the words that look like dates but are not ("Sun",
"may" as a verb, "a second group"). In running text "two days later" is found as the
measure only ("two days"): TimeML takes "later" and "after" for signals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dateline.nlp.common.intervals import SpanSet
from dateline.nlp.timex.vocabulary import (
    APPROX_RE,
    CLOCK_RE,
    DECADE_WORD_RE,
    DECADE_WORDS,
    MONTH_PART_RE,
    MONTH_RE,
    ONES,
    ORDINAL_CENTURIES,
    ORDINAL_CENTURY_RE,
    ORDINAL_QUARTER_RE,
    PART_RE,
    QUANTITY_RE,
    RELATIVE_RE,
    SEASON_RE,
    SPELLED_YEAR_RE,
    TEENS,
    TENS,
    UNIT_OR_QUARTERS_RE,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    YEAR_AGO_RE,
    YEAR_RE,
    ZONE_RE,
    alternatives,
)
from dateline.vocabulary import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
)

_DAY_WORD = rf"(?:{WEEKDAY_RE}|today|tonight|yesterday|tomorrow)"
_MONTH_DAY = rf"{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
_HOLIDAY = (
    r"(?:thanksgiving(?:\s+day)?|christmas(?:\s+day|\s+eve)?|new\s+year's(?:\s+day|\s+eve)|"
    r"election\s+day|independence\s+day|the\s+fourth\s+of\s+july|halloween)"
)
# "52 years old" is an age, "a year-earlier loss" a date: neither is a duration.
_AGE = r"(?![ -]old\b)(?!-(?:earlier|ago)\b)"

# The grammar of what news writes, matched case-insensitively. At one position the first
# alternative that matches wins, so longer forms come before the forms they start with.
_EXPRESSIONS = [
    rf"{CLOCK_RE}{ZONE_RE},?\s+(?:{_DAY_WORD}|{_MONTH_DAY})",
    rf"(?:(?:early|mid|late)[ -]?)?{PART_RE}\s+(?:today|yesterday|tomorrow)",
    rf"(?:{WEEKDAY_RE},?\s+)?{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d",
    rf"(?:{WEEKDAY_RE},?\s+)?\d{{1,2}}\s+{MONTH_RE},?\s+(?:19|20)\d\d",
    r"(?:19|20)\d\d-[01]\d-[0-3]\d",
    r"\d{1,4}(?P<separator>[/-])\d{1,2}(?P=separator)\d{2,4}",
    rf"(?:{WEEKDAY_RE},?\s+)?{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?",
    rf"the\s+week\s+of\s+{MONTH_RE}\s+\d{{1,2}}",
    rf"(?:(?:{MONTH_PART_RE})[ -])?{MONTH_RE},?\s+(?:of\s+)?(?:last|this|next)\s+year",
    rf"(?:(?:{MONTH_PART_RE})[ -])?{MONTH_RE},?\s+{YEAR_RE}",
    rf"(?:{MONTH_PART_RE})[ -]{MONTH_RE}",
    rf"(?:last|this|next|this\s+past)\s+{MONTH_RE}",
    rf"(?:the\s+)?(?:(?:early|late|mid)[ -])?{SEASON_RE}\s+(?:of\s+)?{YEAR_RE}",
    r"(?:the\s+)?(?:(?:early|mid|late)[ -])?(?:19|20)\d0s",
    r"(?:the\s+)?(?:(?:early|mid|late)[ -])?'\d0s",
    rf"the\s+(?:(?:early|mid|late)[ -])?(?:{DECADE_WORD_RE})",
    rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_CENTURY_RE})[ -]century",
    rf"(?:the\s+)?(?:{RELATIVE_RE})\s+decade",
    r"(?:the\s+)?(?:first|second|last)\s+half\s+of\s+(?:19|20)\d\d",
    r"(?:the\s+)?first\s+(?:two|three)\s+quarters\s+of\s+(?:19|20)\d\d",
    rf"(?:the\s+)?year\s+{SPELLED_YEAR_RE}",
    rf"(?:{APPROX_RE}\s+)?{QUANTITY_RE}\s+{UNIT_RE}\s+(?:ago|from\s+now|earlier)",
    rf"(?:the\s+)?(?:{RELATIVE_RE}|first|final)\s+{QUANTITY_RE}\s+{UNIT_OR_QUARTERS_RE}",
    r"(?:earlier|later)\s+(?:in\s+)?(?:this|the)\s+(?:day|week|month|year)",
    r"(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?:day|year)",
    r"(?:the\s+)?(?:coming|recent|past|last)\s+(?:(?:few|several|many)\s+)?"
    r"(?:days|weeks|months|quarters|years|decades)",
    rf"(?:the\s+)?(?:(?:early|late|mid)[ -])?{RELATIVE_RE}\s+"
    rf"(?:week|weekend|month|year|quarter|{SEASON_RE}|{WEEKDAY_RE})(?!'s\s+{ORDINAL_QUARTER_RE})",
    rf"(?:(?:later|earlier)\s+)?this\s+{PART_RE}",
    r"last\s+night",
    rf"next\s+year's\s+{ORDINAL_QUARTER_RE}",
    rf"(?:the\s+)?(?:{YEAR_AGO_RE}\s+|(?:19|20)\d\d\s+)?{ORDINAL_QUARTER_RE}s?"
    rf"(?:\s+of\s+(?:19|20)\d\d)?",
    rf"(?:the\s+)?{YEAR_AGO_RE}\s+(?:quarter|period)",
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
    rf"{WEEKDAY_RE}(?:\s+{PART_RE})?",
    rf"(?:today|tonight|yesterday|tomorrow)(?:\s+{PART_RE})?(?![’']s)",
    rf"(?:every|each)\s+(?:{WEEKDAY_RE}|day|week|month|quarter|year|{PART_RE}|{MONTH_RE})",
    r"(?:daily|weekly|monthly|hourly)",
    r"the\s+weekend",
    r"(?:now|currently|nowadays|recently|these\s+days|the\s+(?:near\s+)?future|"
    r"the\s+(?:near|short)\s+term)",
    rf"(?:{APPROX_RE}\s+)?{QUANTITY_RE}(?:\s+more)?[ -]{UNIT_RE}(?:\s+and\s+a\s+half)?{_AGE}",
    rf"(?:several|many|a\s+few|recent)\s+{UNIT_OR_QUARTERS_RE}{_AGE}",
    rf"(?<=for\s){UNIT_RE}",
    CLOCK_RE,
    _HOLIDAY,
    rf"{SPELLED_YEAR_RE}(?!\s+years?\b)",
    rf"(?:(?:early|mid|late)[ -])?(?:{MONTH_RE})",
    r"(?:in|since|by|until|of|during|from|between|through|before|after)\s+(?:19|20)\d\d",
    r"mid-(?:19|20)\d\d",
]
# Every expression starts with a digit, an apostrophe or one of these words. Testing them
# first lets the finder skip most words of a text at the cost of one lookahead, instead of
# trying every expression of the grammar at every word.
_FIRST_WORDS = (
    [*MONTH_NAMES, *MONTH_ABBREVIATIONS, *WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS]
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
    rf"\b(?=\d|'|(?:{alternatives(sorted(set(_FIRST_WORDS)))})\b)(?:"
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
# Month and weekday abbreviations that are ordinary words when they stand alone ("may" is
# read by its context instead, as "march" is).
_AMBIGUOUS_ALONE = frozenset(MONTH_ABBREVIATIONS + WEEKDAY_ABBREVIATIONS) - {"may"}
_LEADING_PREPOSITION = re.compile(
    r"^(?:in|since|by|until|of|during|from|between|through|before|after)\s+", re.IGNORECASE
)


def find_time_expressions(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """(start, end) of each time expression in text[start:end], in order, no overlaps."""
    end = len(text) if end is None else end
    found = list(_grammar_matches(text, start, end))
    taken = SpanSet(found)
    for span in _listed_years(text, start, end):
        if not taken.overlaps(*span):
            found.append(span)
            taken.add(*span)
    yield from sorted(found)


def _grammar_matches(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The grammar's matches, without a leading preposition, less the false alarms.

    The same matches as `_FINDER.finditer`, found faster: the grammar is tried only where
    an expression can start (`_candidates`), each time from where the last match ended, as
    `finditer` goes on, rather than at every word boundary of the text, where a failed
    attempt still tries the 200 first words one by one."""
    resume = start
    for position in _candidates(text, start, end):
        if position < resume:
            continue
        match = _FINDER.match(text, position, end)
        if match is None:
            continue
        first, last = match.span()
        resume = last
        lead = _LEADING_PREPOSITION.match(text[first:last])
        if lead:
            first += lead.end()
        if not _is_false_alarm(text, first, last):
            yield first, last


# Where a match may start: a word, a digit or an apostrophe (the grammar's lookahead). A
# word counts when it (before any hyphen) is a first word; one with letters past ASCII is
# always tried, since the grammar's case-blind matching folds some ("ſ" is "s") that
# `str.lower` keeps.
_RUN = re.compile(r"\w+")
_APOSTROPHE = re.compile("'")
_FIRST_HEADS = frozenset(word.split("-")[0] for word in _FIRST_WORDS)


def _candidates(text: str, start: int, end: int) -> list[int]:
    """Every position in [start, end) where the grammar could match, in order (a few more:
    `_FINDER` still decides)."""
    heads = _FIRST_HEADS
    words = [
        run.start()
        for run in _RUN.finditer(text, start, end)
        # each run's text taken once: this is a Python step per word of the article
        if (word := run.group()).lower() in heads or word[0] in "0123456789" or not word.isascii()
    ]
    marks = [mark.start() for mark in _APOSTROPHE.finditer(text, start, end)]
    return sorted(words + marks) if marks else words


def _is_false_alarm(text: str, first: int, last: int) -> bool:
    """A match that is an ordinary word rather than a date."""
    piece = text[first:last]
    word = piece.lower().rstrip(".")
    if word in _AMBIGUOUS_ALONE and not piece.endswith("."):
        return True  # "Sun", "Mon", "Jan" alone are names far more often than dates
    if word in {"may", "march"} and not _month_context(text, first, last):
        return True
    if piece.lower() in {"a second", "one second"}:
        return True  # "a second group": the ordinal
    return bool(re.search(r"\b(?:may|march)$", piece))  # "this march", "next may": the words


def _listed_years(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Each year of a list or a range of years."""
    for run in _YEAR_RUN.finditer(text, start, end):
        for year in _SINGLE_YEAR.finditer(text, run.start(), run.end()):
            yield year.span()


def _month_context(text: str, start: int, end: int) -> bool:
    """ "in May", "May 2024": a month; "may" as a verb or "March" as a march are not."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 6]
    return bool(
        re.search(r"\b(?:in|since|by|until|of|early|late|mid|last|next|this)\s*-?$", before)
        or re.match(r",?\s*(?:19|20)\d\d", after)
    )
