"""The publication timestamp told in the zone the page prints its own time in
(`shown.in_printed_zone`), and the time of day a header prints (`shown.printed_clock`).

Every page here is written for these tests: made-up towns, people and newspapers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.metadata import read_metadata
from dateline.ingest.shown import ShownDate, in_printed_zone, printed_clock

STORY = """<p>Snowplows from Ellery County worked through the night to reopen the pass road
after drifts closed it to trucks for the second time this week, the county engineer said.</p>
<p>Crews expect to keep one lane open until the wind drops on Thursday.</p>"""


def page(head: str, header: str) -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Ellery pass reopens after drifts</h1>"
        f"{header}{STORY}</article></body></html>"
    )


UTC_STAMP = '<meta property="article:published_time" content="2025-03-03T02:15:00Z">'


def test_an_evening_story_keeps_the_day_and_zone_its_header_prints() -> None:
    header = '<p class="dateline">Published: 8:15 PM CST March 2, 2025</p>'
    published = read_metadata(page(UTC_STAMP, header), None).published
    assert published == "2025-03-02T20:15:00-06:00"


def test_the_time_may_be_printed_in_the_element_after_the_date() -> None:
    header = (
        '<div class="when"><time datetime="2025-03-03T02:15:00Z"><span>March 2, 2025</span>'
        "<span>9:15 p.m. EST</span></time></div>"
    )
    assert read_metadata(page("", header), None).published == "2025-03-02T21:15:00-05:00"


def test_a_printed_time_of_another_moment_leaves_the_stamp_as_it_is() -> None:
    # 6:40 PM is no whole quarter hour from 02:15 UTC: the line dates something else
    header = "<p>March 2, 2025 6:40 PM</p>"
    published = read_metadata(page(UTC_STAMP, header), None).published
    assert published == "2025-03-03T02:15:00+00:00"


def test_a_header_without_a_time_leaves_the_stamp_as_it_is() -> None:
    header = "<p>By Nell Harrow | March 3, 2025</p>"
    published = read_metadata(page(UTC_STAMP, header), None).published
    assert published == "2025-03-03T02:15:00+00:00"


def test_an_update_time_never_moves_the_published_stamp() -> None:
    shown = ShownDate("2025-03-02", edited=True, clock=20 * 60 + 15)
    assert in_printed_zone("2025-03-03T02:15:00+00:00", shown) == "2025-03-03T02:15:00+00:00"


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("Posted 11:18pm", 23 * 60 + 18),
        ("12:05 a.m. ET", 5),
        ("12:40 p.m.", 12 * 60 + 40),
        ("updated 19:30 GMT", 19 * 60 + 30),
        ("version 0.17 and 3.5 km", None),
        ("Route 12", None),
    ],
)
def test_the_time_of_day_a_header_prints(line: str, minutes: int | None) -> None:
    assert printed_clock(line) == minutes


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31)),
    st.integers(min_value=-12 * 4, max_value=14 * 4),
)
def test_the_moment_never_changes_only_the_zone_it_is_told_in(
    when: datetime, quarters: int
) -> None:
    utc = when.replace(second=0, microsecond=0, tzinfo=UTC)
    local = utc.astimezone(timezone(timedelta(minutes=15 * quarters)))
    shown = ShownDate(local.date().isoformat(), edited=False, clock=local.hour * 60 + local.minute)
    told = in_printed_zone(utc.isoformat(), shown)
    assert datetime.fromisoformat(told) == utc
    assert told[:10] == local.date().isoformat()


def test_a_mastheads_date_of_today_is_not_the_storys() -> None:
    body = (
        '<div class="masthead"><p id="todays-date">Monday, June 9, 2025</p>'
        "<h1>Quarry Lane bridge to close for repairs</h1></div>"
        "<p>Harlow Works Department, 2 June 2025</p>"
        f"{STORY}"
    )
    published = read_metadata(f"<html><body>{body}</body></html>", None).published
    assert published == "2025-06-02"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By the Ridgeway Courier desk 21.05.2025", "2025-05-21"),
        ("By Odile Brand 05/21/2025", "2025-05-21"),
        ("By Odile Brand 07.07.2025", "2025-07-07"),
        ("By Odile Brand 03/04/2025", None),  # March 4 or 3 April: the page does not say
    ],
)
def test_a_header_date_in_figures_when_day_and_month_are_plain(line: str, day: str | None) -> None:
    body = f"<article><h1>Ridgeway fair returns to the green</h1><p>{line}</p>{STORY}</article>"
    assert read_metadata(f"<html><body>{body}</body></html>", None).published == day


def test_figures_in_a_longer_line_are_what_it_reports_not_the_date() -> None:
    line = "The fare table was agreed by the board and holds until <b>01/23/2026</b> at least."
    body = f"<article><h1>Ridgeway bus fares</h1><p>{line}</p>{STORY}</article>"
    assert read_metadata(f"<html><body>{body}</body></html>", None).published is None


UPDATE_STAMP = '<meta property="article:published_time" content="2025-03-04T20:40:00Z">'


@pytest.mark.parametrize(
    "lines",
    [
        "<p>Updated 3:40 p.m. ET March 4, 2025 | Published 11:05 a.m. ET March 3, 2025</p>",
        "<p>Published: March 3, 2025</p><p>Updated: March 4, 2025</p>",
        "<p>Updated 3:40 PM EST, Tue March 4, 2025</p>"
        "<p>Published 11:05 AM EST, Mon March 3, 2025</p>",
    ],
)
@pytest.mark.parametrize("head", ["", UPDATE_STAMP])
def test_a_published_and_updated_pair_gives_the_published_day(lines: str, head: str) -> None:
    # with the metadata's stamp on the day the page calls the update, the label wins too
    assert read_metadata(page(head, lines), None).published == "2025-03-03"


def test_a_metadata_stamp_the_page_does_not_call_the_update_stays() -> None:
    lines = "<p>Published: March 3, 2025</p><p>Crews were called on March 4, 2025.</p>"
    assert read_metadata(page(UPDATE_STAMP, lines), None).published == "2025-03-04T20:40:00+00:00"
