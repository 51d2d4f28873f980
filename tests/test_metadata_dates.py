"""The page's publication date against the dates that belong to something else: teasers of
other stories, the last edit, and the day a UTC timestamp falls on (dateline.ingest).

Kept apart from test_metadata.py (titles and bylines) so that the two can change at once.
Every page here is written for these tests: made-up towns, people and newspapers.
"""

from __future__ import annotations

import pytest

from dateline.ingest.dates import local_day
from dateline.ingest.html import article_from_html
from dateline.ingest.metadata import read_metadata

STORY = """<p>The lifeboat crew at Carrick Sands launched twice on Sunday to bring in two
kayakers blown out past the breakwater, the station's coxswain said afterwards.</p>
<p>Both were back on the slipway within the hour and neither needed a doctor, she said.</p>"""


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_date_in_a_card_of_other_stories_is_not_the_articles() -> None:
    body = (
        '<div class="story-cards"><div class="card-meta">'
        '<time datetime="2021-02-03">3 Feb</time></div></div>'
        f'<div class="entry-meta"><time datetime="2023-07-14">14 July</time></div>{STORY}'
    )
    assert read_metadata(page(body), None).published == "2023-07-14"


def test_a_date_inside_a_link_to_another_page_is_a_teaser() -> None:
    body = (
        '<div class="next-up"><a href="/lifeboat-open-day"><span>Open day</span>'
        '<time datetime="2020-05-01">1 May</time></a></div>'
        f"{STORY}"
    )
    assert read_metadata(page(body), None).published is None


def test_a_time_named_for_the_last_edit_is_not_the_published_date() -> None:
    body = (
        '<div class="field--name-changed"><time datetime="2024-01-09">9 Jan</time></div>'
        f'<div class="posted"><time datetime="2022-11-30">30 Nov</time></div>{STORY}'
    )
    assert read_metadata(page(body), None).published == "2022-11-30"


def test_the_marked_published_date_counts_even_inside_a_link() -> None:
    body = (
        '<a href="/archive/2022"><span itemprop="datePublished" content="2022-06-02">'
        f"2 June</span></a>{STORY}"
    )
    assert read_metadata(page(body), None).published == "2022-06-02"


@pytest.mark.parametrize(
    ("published", "url", "day"),
    [
        # filed late in the evening west of Greenwich: the address keeps the local day
        ("2025-04-11T02:30:00+00:00", "https://carrick.example/2025/04/10/crew", "2025-04-10"),
        # early morning east of Greenwich, still the evening before in UTC
        ("2025-04-10T21:00:00+00:00", "https://carrick.example/2025-04-11/crew", "2025-04-11"),
        # no zone on earth is 14 hours behind: the timestamp stands
        ("2025-04-11T15:00:00+00:00", "https://carrick.example/2025/04/10/crew", None),
        # the page gave its own zone: kept as it is
        ("2025-04-11T02:30:00-04:00", "https://carrick.example/2025/04/10/crew", None),
        # the address names another day altogether (an archive folder)
        ("2025-04-11T02:30:00+00:00", "https://carrick.example/2024/01/01/crew", None),
        ("2025-04-11T02:30:00+00:00", "https://carrick.example/news/crew", None),
        ("2025-04-11", "https://carrick.example/2025/04/10/crew", None),
    ],
)
def test_a_utc_timestamp_takes_the_day_of_the_pages_address(
    published: str, url: str, day: str | None
) -> None:
    assert local_day(published, url) == (day or published)


def test_the_article_keeps_the_local_day_and_the_updated_stamp_apart() -> None:
    head = (
        '<meta property="article:published_time" content="2025-04-11T02:30:00Z">'
        '<meta property="article:modified_time" content="2025-04-12T08:00:00Z">'
    )
    body = f"<article><h1>Two kayakers brought in</h1>{STORY}</article>"
    url = "https://carrick.example/2025/04/10/crew"
    article = article_from_html(page(body, head), "lifeboat", url)
    assert article.metadata_date == "2025-04-10"
    assert article.updated == "2025-04-12T08:00:00+00:00"
