"""Time expressions: found, typed and normalised to TIMEX3 against the article's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from dateline.nlp.timenorm import find_time_expressions, normalise

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


def test_two_days_later_counts_from_the_narrative() -> None:
    found = normalise("two days later", ANCHOR, "past", previous=date(2024, 3, 10))
    assert found is not None and found.value == "2024-03-12"


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


FORMATS = [
    lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    lambda d: d.isoformat(),
]


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(FORMATS))
def test_a_formatted_date_normalises_to_itself(day: date, style) -> None:  # type: ignore[no-untyped-def]
    assert _value(style(day)) == day.isoformat()


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(["past", "present", "future"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz 0123456789,.-", max_size=30)
    | st.sampled_from(
        [
            "May 31",
            "February 29",
            "last week",
            "Sunday night",
            "a year ago",
            "the next two decades",
            "tomorrow",
            "mid-April",
            "June 2021",
        ]
    ),
)
def test_every_emitted_date_is_valid_iso(anchor: date, tense: str, text: str) -> None:
    found = normalise(text, anchor, tense)  # type: ignore[arg-type]
    if found is None or found.type != "DATE":
        return
    value = found.value
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        date.fromisoformat(value)
    elif re.fullmatch(r"\d{4}-\d\d", value):
        assert 1 <= int(value[5:]) <= 12
    elif re.fullmatch(r"\d{4}-W\d\d(-WE)?", value):
        assert 1 <= int(value[6:8]) <= 53
    else:
        assert re.fullmatch(r"\d{3,4}|\d{4}-(SP|SU|FA|WI|Q[1-4])|[A-Z_]+_REF|XXXX.*", value), value
    assert anchor - timedelta(days=36600) < anchor


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
