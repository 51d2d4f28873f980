"""Calendar dates as news writes them: found, and read back to the date they name."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.dates import find_dates, years_in

STYLES = [
    lambda d: f"{calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: f"{calendar.month_abbr[d.month]}. {d.day}, {d.year}",
    lambda d: f"{d.day} {calendar.month_name[d.month]} {d.year}",
    lambda d: f"{calendar.day_name[d.weekday()]}, {calendar.month_name[d.month]} {d.day}, {d.year}",
    lambda d: d.isoformat(),
]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(STYLES))
def test_a_formatted_date_reads_back_as_itself(day: date, style) -> None:  # type: ignore[no-untyped-def]
    text = f"The talks ended on {style(day)} after a week."
    found = list(find_dates(text))
    assert len(found) == 1
    assert found[0].iso() == day.isoformat()
    assert text[found[0].start : found[0].end] in text


@given(st.text(max_size=200))
def test_whatever_it_finds_is_a_valid_iso_date(text: str) -> None:
    for found in find_dates(text):
        value = found.iso(2024)
        date.fromisoformat(value)
        assert 0 <= found.start < found.end <= len(text)


def test_a_date_without_a_year_keeps_the_year_unknown() -> None:
    (found,) = find_dates("They met on April 29 in Riyadh.")
    assert found.year is None
    assert found.iso() == "XXXX-04-29"
    assert found.iso(2024) == "2024-04-29"


def test_impossible_days_are_not_dates() -> None:
    assert list(find_dates("on February 30, 2024")) == []


def test_years_mentioned() -> None:
    assert years_in("since January 2024 and its 2025 appeal, not 3000 or 1850") == [2024, 2025]
