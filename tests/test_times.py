"""Time expressions: found, typed and normalised to TIMEX3 against the article's date."""

from __future__ import annotations

import calendar
import itertools
import re
from datetime import date
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dateline
from dateline.nlp.timex import finder
from dateline.nlp.timex.context import DateOrder, TimeValue
from dateline.nlp.timex.finder import find_time_expressions
from dateline.nlp.timex.normaliser import normalise
from dateline.settings import DATE_ORDERS, Settings, SettingsError

ANCHOR = date(2024, 5, 1)  # a Wednesday


def _value(text: str, tense: str = "past", anchor: date | None = ANCHOR) -> str | None:
    found = normalise(text, anchor, tense)  # type: ignore[arg-type]
    return found.value if found else None


def test_absolute_and_year_less_dates() -> None:
    assert _value("Oct. 7, 2023") == "2023-10-07"
    assert _value("April 29") == "2024-04-29"
    assert _value("May 3", tense="future") == "2024-05-03"
    assert _value("December 30") == "2023-12-30"  # past tense: the last one before the anchor
    assert _value("May 3", anchor=None) == "XXXX-05-03"


def test_fuzzy_months_years_and_decades() -> None:
    assert _value("early April") == "2024-04"
    assert _value("March 2022") == "2022-03"
    assert _value("2019") == "2019"
    assert _value("the 1990s") == "199"


def test_relative_expressions() -> None:
    assert _value("yesterday") == "2024-04-30"
    assert _value("Monday") == "2024-04-29"
    assert _value("Friday", tense="future") == "2024-05-03"
    assert _value("last week") == "2024-W17"
    assert _value("next month") == "2024-06"
    assert _value("last year") == "2023"
    assert _value("this spring") == "2024-SP"
    assert _value("about a week from now") == "2024-05-08"
    assert _value("three days ago") == "2024-04-28"


def test_a_weekday_is_the_last_one_unless_the_verb_looks_ahead() -> None:
    assert _value("Wednesday", tense="present") == "2024-05-01"  # the anchor's own day
    assert _value("Thursday", tense="present") == "2024-04-25"
    assert _value("Thursday", tense="future") == "2024-05-02"
    assert _value("next Wednesday") == "2024-05-08"
    assert _value("last Wednesday") == "2024-04-24"
    assert _value("Friday night") == "2024-04-26"  # dated to the day, as TimeBank does


def test_a_year_less_date_is_the_nearest_unless_the_tense_says_otherwise() -> None:
    autumn = date(2023, 10, 26)
    assert _value("Nov. 22", anchor=autumn) == "2023-11-22"  # weeks ahead, past tense: still
    assert _value("Jan. 2", tense="present", anchor=autumn) == "2024-01-02"
    assert _value("Aug. 20", tense="future", anchor=autumn) == "2024-08-20"
    assert _value("Oct. 20", anchor=date(2024, 5, 6)) == "2023-10-20"


def test_relative_months_seasons_and_years() -> None:
    assert _value("last May") == "2023-05"
    assert _value("last April") == "2024-04"
    assert _value("next March") == "2025-03"
    assert _value("July last year") == "2023-07"
    assert _value("the summer of 2019") == "2019-SU"
    assert _value("the past year") == "2023"
    assert _value("earlier this year") == "2024"
    assert _value("nineteen eighty-four") == "1984"
    assert _value("the year two thousand") == "2000"
    assert _value("the seventies") == "197"
    assert _value("the 19th century") == "18"


def test_quarters_and_the_periods_of_an_earnings_report() -> None:
    autumn = date(2023, 10, 26)
    assert _value("the third quarter", anchor=autumn) == "2023-Q3"
    assert _value("the quarter", anchor=autumn) == "2023-Q3"  # the one that ended last
    assert _value("the current quarter", anchor=autumn) == "2023-Q4"
    assert _value("the 2022 fourth quarter", anchor=autumn) == "2022-Q4"
    assert _value("next year's first quarter", anchor=autumn) == "2024-Q1"
    # "a year earlier" in a report about a quarter is that quarter a year before
    reported = normalise("a year earlier", autumn, quarter="2023-Q3")
    assert reported is not None and reported.value == "2022-Q3"
    assert _value("a year earlier", anchor=autumn) == "2022"
    assert _value("the year-ago quarter", anchor=autumn) == "2022-Q3"
    ended = normalise("the year", autumn, after=" ended March 31")
    assert ended is not None and (ended.type, ended.value) == ("DURATION", "P1Y")
    assert _value("the year", anchor=autumn) == "2023"


def test_times_of_day_with_their_day() -> None:
    assert normalise("10 p.m. Tuesday", ANCHOR) == TimeValue("TIME", "2024-04-30T22:00")
    assert _value("noon Thursday", tense="future") == "2024-05-02T12:00"
    assert _value("5 p.m. EST, May 9") == "2024-05-09T17:00"
    assert _value("this morning") == "2024-05-01TMO"
    assert _value("last night") == "2024-04-30TNI"
    assert _value("midnight") == "2024-05-01T24:00"


def test_holidays() -> None:
    assert _value("Thanksgiving Day", anchor=date(2024, 12, 2)) == "2024-11-28"
    assert _value("Christmas", tense="future") == "2024-12-25"
    assert _value("Election Day", tense="future") == "2024-11-05"


def test_measures_of_time() -> None:
    assert _value("2 1/2 years") == "P2Y6M"
    assert _value("five and a half hours") == "PT5H30M"
    assert _value("a minute and a half") == "PT1M30S"
    assert _value("twenty four hours") == "PT24H"
    assert _value("two decades") == "P20Y"
    assert _value("the past two quarters") == "P2Q"
    assert _value("recent weeks") == "PXW"
    assert _value("several years ago") == "PAST_REF"


def test_what_news_writes_around_numbers_is_found_as_timexes_or_not() -> None:
    text = (
        "The mayor, 52 years old, said sales fell a year-earlier and rose three days later. "
        "Between 1985 and 1987, and in 1994, 1995 and 1997, it grew; a quarter of it stayed. "
        "Today's harbor is busy, and today it was quiet."
    )
    found = [text[a:b] for a, b in find_time_expressions(text)]
    assert found == ["year-earlier", "three days", "1985", "1987", "1994", "1995", "1997", "today"]


def test_a_numeric_date_reads_by_the_date_order_setting() -> None:
    assert normalise("1/5/2024", ANCHOR) == TimeValue("DATE", "2024-01-05")
    assert normalise("1/5/2024", ANCHOR, date_order="DMY") == TimeValue("DATE", "2024-05-01")
    assert normalise("2024/5/1", ANCHOR, date_order="YMD") == TimeValue("DATE", "2024-05-01")
    assert normalise("13/5/2024", ANCHOR) is None  # no 13th month in MDY
    assert normalise("3/4/98", ANCHOR, date_order="DMY") == TimeValue("DATE", "1998-04-03")


def test_the_date_order_setting_comes_from_the_environment() -> None:
    assert Settings().date_order == "MDY"
    assert Settings.from_env({"DATELINE_DATE_ORDER": "dmy"}).date_order == "DMY"
    with pytest.raises(SettingsError, match=r"\[D002\].*DATELINE_DATE_ORDER"):
        Settings.from_env({"DATELINE_DATE_ORDER": "MD"})
    assert set(DATE_ORDERS) == set(get_args(DateOrder))


def test_a_bad_date_order_ends_the_command_with_its_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from dateline.cli import app

    story = tmp_path / "story.txt"
    story.write_text("Harbor Reopens\n\nThe harbor reopened on 4/6/2024.\n", "utf-8")
    result = CliRunner().invoke(app, ["analyze", str(story)], env={"DATELINE_DATE_ORDER": "MD"})
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert "[D002]" in result.stderr and "DATELINE_DATE_ORDER" in result.stderr


def test_the_pipeline_reads_numeric_dates_in_the_configured_order() -> None:
    text = "Harbor Reopens\n\nThe harbor reopened on 4/6/2024 after the storm, officials said.\n"
    by_order = {}
    for order in ("MDY", "DMY"):
        analysis = dateline.analyze(text, settings=Settings(date_order=order))
        by_order[order] = {t.span.text: t.value for t in analysis.timexes}["4/6/2024"]
    assert by_order == {"MDY": "2024-04-06", "DMY": "2024-06-04"}


def test_two_days_later_counts_from_the_narrative() -> None:
    found = normalise("two days later", ANCHOR, "past", previous=date(2024, 3, 10))
    assert found is not None and found.value == "2024-03-12"


def test_the_following_month_and_that_year_follow_the_narrative() -> None:
    told = normalise("the following month", ANCHOR, story_month="2019-11")
    assert told is not None and told.value == "2019-12"
    assert _value("next month") == "2024-06"  # "next" is the article's, not the story's
    that_year = normalise("later that year", ANCHOR, story_month="2016-06")
    assert that_year is not None and that_year.value == "2016"
    that_day = normalise("that day", ANCHOR, previous=date(2016, 6, 3))
    assert that_day is not None and that_day.value == "2016-06-03"
    assert normalise("that day", ANCHOR) is None  # no day told of: no date


def test_durations_sets_and_times() -> None:
    assert normalise("weeks", ANCHOR) is not None
    assert (normalise("weeks", ANCHOR).type, normalise("weeks", ANCHOR).value) == (  # type: ignore[union-attr]
        "DURATION",
        "PXW",
    )
    assert _value("two years") == "P2Y"
    assert _value("the past three months") == "P3M"
    assert _value("every Tuesday") == "XXXX-WXX-2"
    assert _value("weekly") == "P1W"
    assert _value("3:30 p.m.") == "2024-05-01T15:30"


def test_expressions_are_found_in_running_text() -> None:
    text = (
        "On April 27, officials met for weeks of talks. In early April the convoy was hit, "
        "and the pier will be ready about a week from now, they said on Tuesday."
    )
    found = [text[a:b] for a, b in find_time_expressions(text)]
    assert found == ["April 27", "weeks", "early April", "about a week from now", "Tuesday"]


def test_may_the_verb_is_no_month() -> None:
    text = "The talks may resume, and he may march on the capital."
    assert list(find_time_expressions(text)) == []


NEWS_STYLES = [
    lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{calendar.month_abbr[d.month]}. {d.day}, {d.year}",
    lambda d: f"{calendar.day_name[d.weekday()]}, {calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    lambda d: f"{calendar.day_abbr[d.weekday()]} {d.day} {calendar.month_abbr[d.month]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.month}/{d.day}/{d.year}",
]


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(NEWS_STYLES)
)
def test_a_formatted_date_normalises_to_itself(day: date, style) -> None:  # type: ignore[no-untyped-def]
    assert _value(style(day)) == day.isoformat()


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(NEWS_STYLES)
)
def test_a_formatted_date_is_found_whole_in_running_text(day: date, style) -> None:  # type: ignore[no-untyped-def]
    written = style(day)
    text = f"The port reopened on {written} after a storm."
    found = [text[a:b] for a, b in find_time_expressions(text)]
    assert found == [written]


@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["MDY", "DMY", "YMD"]),
    st.sampled_from(["/", "-"]),
)
def test_a_numeric_date_reads_back_in_its_order(day: date, order: str, separator: str) -> None:
    parts = {"MDY": (day.month, day.day, day.year), "DMY": (day.day, day.month, day.year)}
    first, second, third = parts.get(order, (day.year, day.month, day.day))
    written = f"{first}{separator}{second}{separator}{third}"
    found = normalise(written, ANCHOR, date_order=order)  # type: ignore[arg-type]
    assert found is not None and found.value == day.isoformat()


# What a TIMEX3 value may look like, by type (TimeML 1.2.1 and the TempEval-3 data).
_DAY = r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)"
_VALUE_SHAPES = {
    "DATE": re.compile(
        r"\d{2,4}|\d{4}-\d\d(?:-\d\d)?|\d{4}-W\d\d(?:-WE)?|\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])"
        rf"|(?:PRESENT|PAST|FUTURE)_REF|XXXX(?:-\d\d(?:-\d\d)?|-WXX-[1-7]|-Q[1-4])?|{_DAY}"
    ),
    "TIME": re.compile(rf"{_DAY}T(?:\d\d:\d\d|MO|AF|EV|NI)"),
    "DURATION": re.compile(r"P(?:(?:\d+|X)[YMWDQ])*(?:T(?:(?:\d+|X)[HMS])+)?"),
    "SET": re.compile(
        r"P(?:T?1[YMWDHQ])|XXXX-(?:WXX-[1-7]|\d\d|Q[1-4])|XXXX-XX-XXT(?:MO|AF|EV|NI)"
    ),
}


def _check_value(found_type: str, value: str) -> None:
    """The value has its type's shape, and every calendar part of it exists."""
    assert _VALUE_SHAPES[found_type].fullmatch(value), (found_type, value)
    if re.match(r"\d{4}-\d\d-\d\d", value):
        date.fromisoformat(value[:10])
    elif re.match(r"\d{4}-\d\d", value):
        assert 1 <= int(value[5:7]) <= 12, value
    elif re.match(r"\d{4}-W\d\d", value):
        date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    if "T" in value and ":" in value:
        hour, minute = value.split("T")[1].split(":")
        assert 0 <= int(hour) <= 24 and 0 <= int(minute) <= 59, value


PHRASES = [
    "May 31",
    "February 29",
    "last week",
    "Sunday night",
    "a year ago",
    "a year earlier",
    "the next two decades",
    "tomorrow",
    "mid-April",
    "June 2021",
    "the weekend",
    "Thanksgiving",
    "the year-ago quarter",
    "third quarter",
    "10 p.m. Wednesday",
    "noon Friday",
    "2 1/2 years",
    "31/2/2024",
    "13/13/2024",
    "nineteen ninety-six",
    "the eighties",
    "21st century",
    "last night",
    "the quarter",
    "recent weeks",
    "six weeks ago",
    "the year",
    "every month",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_phrase_the_grammar_knows_is_found_whole_in_a_sentence(phrase: str) -> None:
    text = f"They met {phrase} again, officials said."
    assert [text[a:b] for a, b in find_time_expressions(text)] == [phrase]


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(["past", "present", "future"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz 0123456789,.-/:", max_size=30)
    | st.sampled_from(PHRASES),
    st.sampled_from([None, "2024-Q3", "1999-Q1"]),
    st.sampled_from(["MDY", "DMY", "YMD"]),
)
def test_every_emitted_value_is_valid_timex3(
    anchor: date, tense: str, text: str, quarter: str | None, order: str
) -> None:
    found = normalise(text, anchor, tense, quarter=quarter, date_order=order)  # type: ignore[arg-type]
    if found is not None:
        _check_value(found.type, found.value)


@given(st.text(max_size=120) | st.sampled_from(PHRASES))
def test_every_expression_found_in_any_text_is_a_span_of_it(text: str) -> None:
    spans = list(find_time_expressions(text))
    assert spans == sorted(spans)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert end <= next_start  # no two overlap


def test_times_in_an_article_and_the_date_a_quote_was_said(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Ports Reopen\n\nThe minister spoke on Monday, June 2, 2025.\n\n"
        "“The ships will sail about a week from now,” harbor chief Lina Moss said on May 30.\n",
    )
    values = {t.span.text: t.value for t in analysis.timexes}
    assert values["Monday, June 2, 2025"] == "2025-06-02"
    assert values["May 30"] == "2025-05-30"
    assert values["about a week from now"] == "2025-06-06"  # a week from the day she said it
    quote = next(q for q in analysis.quotes if "ships will sail" in q.span.text)
    assert quote.date == "2025-05-30"


def test_an_earnings_story_anchors_its_periods_on_the_quarter_it_reports(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Harbor Freight Posts Gain\n\n"
        "Harbor Freight Lines said its profit rose 12% in the third quarter, from $40 million a "
        "year earlier. For the year ended June 30, revenue was $1.2 billion. The company said "
        "its ships could sail again as soon as Tuesday. Sales of the barges introduced in April "
        "were strong.\n",
        published="2023-10-26",
    )
    values = {t.span.text: (t.type, t.value) for t in analysis.timexes}
    assert values["the third quarter"] == ("DATE", "2023-Q3")
    assert values["a year earlier"] == ("DATE", "2022-Q3")
    assert values["the year"] == ("DURATION", "P1Y")
    assert values["Tuesday"] == ("DATE", "2023-10-31")  # "as soon as": still to come
    assert values["April"] == ("DATE", "2023-04")  # "introduced in April": a past participle


def _every_grammar_match(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The grammar tried at every position, as `re.finditer` does: what the finder's
    candidate positions must reproduce."""
    found = []
    for match in finder._FINDER.finditer(text, start, end):
        first, last = match.span()
        lead = finder._LEADING_PREPOSITION.match(text[first:last])
        first += lead.end() if lead else 0
        if not finder._is_false_alarm(text, first, last):
            found.append((first, last))
    return found


_PIECES = [
    "the", "of", "in", "late", "March", "may", "Ftuesday", "ſunday", "Über", "prior-year",
    "year-earlier", "quarter", "'90s", "'til", "Jo's", "3", "2019", "10:30", "p.m.", "a.m.",
    "ago", "harbour", "reopened", ",", ".", "-", "\n", "  ",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 5), st.integers(0, 5))
def test_the_finder_tries_the_grammar_only_where_it_can_match(
    pieces: list[str], cut_start: int, cut_end: int
) -> None:
    text = " ".join(pieces)
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    start = min(start, end)
    assert list(finder._grammar_matches(text, start, end)) == _every_grammar_match(text, start, end)


def test_the_finder_finds_the_same_expressions_in_a_written_paragraph() -> None:
    text = (
        "The ferry reopened in late March, two weeks after the storm of '98 was recalled; "
        "on ſunday at 10 p.m. the harbour master, Über-careful, said the prior-year "
        "figures of the year-earlier quarter may not hold until 2027."
    )
    assert list(finder._grammar_matches(text, 0, len(text))) == _every_grammar_match(
        text, 0, len(text)
    )
    assert (text.index("late March"), text.index("late March") + 10) in _every_grammar_match(
        text, 0, len(text)
    )
