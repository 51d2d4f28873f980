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


# ---------------------------------------------------------------- the date under the headline


def dated_page(meta_date: str | None, header: str, story: str = STORY) -> str:
    head = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    body = f"<article><h1>Two kayakers brought in off Carrick Sands</h1>{header}{story}</article>"
    return page(body, head)


def test_the_printed_date_wins_over_a_metadata_date_the_page_never_shows() -> None:
    html = dated_page("2016-02-01T10:00:00Z", '<p class="meta">By Ros Penna · 9 June 2023</p>')
    assert read_metadata(html, None).published == "2023-06-09"


def test_a_printed_date_labelled_as_the_last_edit_leaves_the_published_one() -> None:
    html = dated_page(
        "2016-02-01T10:00:00Z",
        '<div class="meta"><p>Updated</p><span>:</span><span>9 June 2023</span></div>',
    )
    assert read_metadata(html, None).published == "2016-02-01T10:00:00+00:00"
    glued = dated_page("2016-02-01T10:00:00Z", "<p>By Ros PennaLast updated on June 9, 2023</p>")
    assert read_metadata(glued, None).published == "2016-02-01T10:00:00+00:00"


def test_a_metadata_date_the_page_shows_stays_the_published_one() -> None:
    story = f"{STORY}<p>First published on 1 February 2016.</p>"
    html = dated_page("2016-02-01T10:00:00Z", "<p>9 June 2023</p>", story)
    assert read_metadata(html, None).published == "2016-02-01T10:00:00+00:00"
    figures = dated_page("2016-02-01", "<p>9 June 2023</p>", f"{STORY}<p>Posted 2/1/2016</p>")
    assert read_metadata(figures, None).published == "2016-02-01"


def test_a_printed_day_a_time_zone_away_agrees_with_the_timestamp() -> None:
    html = dated_page("2023-06-10T01:30:00Z", "<p>By Ros Penna, June 9, 2023</p>")
    assert read_metadata(html, None).published == "2023-06-10T01:30:00+00:00"


def test_a_page_without_metadata_takes_the_date_under_its_headline() -> None:
    html = dated_page(None, "<span>Ros Penna</span><span>June 9th, 2023</span>")
    assert read_metadata(html, None).published == "2023-06-09"


def test_a_date_in_the_storys_own_sentences_is_no_header_date() -> None:
    story = (
        "<p>The crew had last been called out on 2 March 2021, when a trawler lost power in a "
        "gale off the point and drifted towards the rocks until the tide turned.</p>" + STORY
    )
    assert read_metadata(dated_page(None, "", story), None).published is None


def test_a_printed_day_no_time_zone_explains_wins_over_the_timestamp() -> None:
    # 22:30 UTC on the 10th is the 10th or the 11th wherever the reader is, never the 9th.
    html = dated_page("2023-06-10T22:30:00Z", "<p>By Ros Penna, June 9, 2023</p>")
    assert read_metadata(html, None).published == "2023-06-09"


def test_a_republished_story_keeps_the_day_it_was_first_published() -> None:
    story = (
        f"{STORY}<p>This guide was originally published on 4 March 2019 at 9am and is "
        "checked by the station each spring, when the tide tables change.</p>"
    )
    html = dated_page("2023-06-09T10:00:00Z", "", story)
    assert read_metadata(html, None).published == "2019-03-04"


def test_a_first_publication_date_in_a_sidebar_is_another_storys() -> None:
    side = '<div class="related-stories"><p>Originally published on 4 March 2019</p></div>'
    html = dated_page("2023-06-09T10:00:00Z", "", STORY).replace("</article>", f"</article>{side}")
    assert read_metadata(html, None).published == "2023-06-09T10:00:00+00:00"


def test_a_page_without_metadata_takes_a_date_labelled_published() -> None:
    story = f"{STORY}<p>Published August 3, 2025</p>"
    assert read_metadata(dated_page(None, "", story), None).published == "2025-08-03"


def test_a_date_a_sentence_says_something_was_published_on_is_not_the_pages() -> None:
    story = (
        "<p>The harbour report published on 2 May 2021 found that the breakwater needed new "
        "stone along its whole length before the winter storms came in.</p>" + STORY
    )
    assert read_metadata(dated_page(None, "", story), None).published is None


def test_a_page_without_metadata_takes_its_only_date_even_labelled_as_an_edit() -> None:
    html = dated_page(None, '<p class="meta">Last updated: Dec 12, 2025</p>')
    meta = read_metadata(html, None)
    assert meta.published == "2025-12-12"
    assert meta.updated is None


@pytest.mark.parametrize(
    "script",
    [
        '\n<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2022-04-05T08:00:00Z"}\n]]>\n',
        '//<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2022-04-05T08:00:00Z"}\n//]]>',
        '{"@type": "NewsArticle", "keywords": ["boats", "tides", ], '
        '"datePublished": "2022-04-05T08:00:00Z",}',
        '{"@type": "WebSite", "name": "Carrick Herald"}\n'
        '{"@type": "NewsArticle", "datePublished": "2022-04-05T08:00:00Z"}',
    ],
    ids=["cdata", "commented-cdata", "trailing-commas", "two-objects"],
)
def test_linked_data_a_template_wrapped_or_left_loose_still_dates_the_page(script: str) -> None:
    head = f'<script type="application/ld+json">{script}</script>'
    assert read_metadata(page(STORY, head), None).published == "2022-04-05T08:00:00+00:00"


# ---------------------------------------------------------------- issue 17's fifth stop


def test_a_marked_date_in_a_card_of_suggested_stories_is_another_storys() -> None:
    card = (
        '<div class="suggested-stories"><a class="suggested__link" href="/regatta">'
        '<div class="card"><span itemprop="datePublished" content="2024-03-13T12:00:00Z">'
        "Mar 13, 2024</span></div></a></div>"
    )
    html = dated_page(None, "<p>By Ros Penna · 2 May 2023</p>", STORY + card)
    assert read_metadata(html, None).published == "2023-05-02"


def test_a_published_label_wins_over_a_metadata_date_the_page_never_shows() -> None:
    # under the story, too far from the headline to be its header's date
    story = f"{STORY}{STORY}<p>Published 13 August 2023</p>"
    html = dated_page("2023-11-29T12:00:00-05:00", "", story)
    assert read_metadata(html, None).published == "2023-08-13"


def test_a_published_label_leaves_a_metadata_date_the_page_shows() -> None:
    story = f"{STORY}{STORY}<p>Published 13 August 2023</p><p>Filed 29 November 2023</p>"
    html = dated_page("2023-11-29T12:00:00-05:00", "", story)
    assert read_metadata(html, None).published == "2023-11-29T12:00:00-05:00"


def test_share_links_between_headline_and_date_do_not_use_up_the_header() -> None:
    shares = "".join(
        f'<li><a href="/share/{n}"><span class="sr-only">Share this story on {n}</span></a></li>'
        for n in ("Mastodon", "Bluesky", "email", "the forum", "a postcard", "the noticeboard")
    )
    standfirst = (
        "<p>Two kayakers blown past the breakwater were brought back to the slipway within "
        "the hour by a crew that had launched once already that morning.</p>"
    )
    meta = f'{standfirst}<ul class="links">{shares}</ul><span>Updated 9 June 2023</span>'
    html = dated_page(None, meta)
    assert read_metadata(html, None).published == "2023-06-09"
