"""The <time> and the printed date of the story's own header against a teaser box set
before the story (`metadata._header_time`, `shown.header_date`).

Every page here is written for these tests: made-up towns, people and newspapers.
"""

from __future__ import annotations

import pytest

from dateline.ingest.metadata import read_metadata

STORY = """<p>The harbour board at Wexley agreed on Monday night to dredge the inner basin
before the sailing season, after two fishing boats grounded there at low water in April.</p>
<p>Work starts in the last week of June and should take about a month.</p>"""

TEASERS = [
    '<div class="headlines"><p><a href="/fair">Wexley fair moves to the quay</a></p>'
    '<p><time datetime="2024-05-28">May 28, 2024</time></p></div>',
    '<ul class="most-read"><li><a href="/fair">Wexley fair moves to the quay</a>'
    '<time datetime="2024-05-28">May 28, 2024</time></li></ul>',
]
HEADER = (
    '<article><h1>Harbour board votes to dredge inner basin</h1><div class="meta">'
    '<time datetime="2024-06-03T21:30:00+01:00">3 June 2024</time></div>'
    f"{STORY}</article>"
)


@pytest.mark.parametrize("teaser", TEASERS)
@pytest.mark.parametrize("before", [True, False])
def test_the_storys_header_time_wins_over_a_teasers(teaser: str, before: bool) -> None:
    body = teaser + HEADER if before else HEADER + teaser
    published = read_metadata(f"<html><body>{body}</body></html>", None).published
    assert published == "2024-06-03T21:30:00+01:00"


def test_without_an_article_the_time_nearest_the_headline_wins() -> None:
    body = (
        f"{TEASERS[0]}\n<div class='story'><h1>Harbour board votes to dredge inner basin</h1>\n"
        '<p class="when"><time datetime="2024-06-03">3 June 2024</time></p>\n'
        f"{STORY}</div>"
    )
    assert read_metadata(f"<html><body>{body}</body></html>", None).published == "2024-06-03"


def test_a_kicker_date_inside_the_article_before_the_headline_still_counts() -> None:
    body = (
        f"{TEASERS[0]}<article><p class='kicker'>Harbour | 3 June 2024</p>"
        f"<h1>Harbour board votes to dredge inner basin</h1>{STORY}</article>"
    )
    assert read_metadata(f"<html><body>{body}</body></html>", None).published == "2024-06-03"
