"""A post's date line that names its writer after the date ("Posted on <date> by <name>").

Every page here is written for these tests: made-up towns, people and blogs.
"""

from __future__ import annotations

import pytest

from dateline.ingest.metadata import read_metadata

POST = """<p>The frost came early to the allotments on Mill Lane this year, and the last of the
runner beans went black overnight before anyone had picked them.</p>
<p>Next spring the committee will try fleece tunnels along the south fence.</p>"""


def post(meta_line: str) -> str:
    return (
        "<html><body><article><h2>Frost on the allotments</h2>"
        f'<p class="post-meta">{meta_line}</p>{POST}</article></body></html>'
    )


@pytest.mark.parametrize(
    "line",
    [
        "Posted on October 3, 2025 by Perpetua Onslow · <a href='#c'>2 comments</a>",
        "Posted on 3 October 2025 by Perpetua Onslow",
        "Published October 3, 2025 by Perpetua Onslow | Allotment diary",
    ],
)
def test_the_writer_named_after_the_posts_date(line: str) -> None:
    assert read_metadata(post(line), None).authors == ["Perpetua Onslow"]


@pytest.mark.parametrize(
    "line",
    [
        "Posted in Vegetables by the Allotment Society",  # no date: a category line
        "posted on tuesday by the gate",  # prose, no name
    ],
)
def test_a_line_without_a_date_or_a_name_names_no_writer(line: str) -> None:
    assert read_metadata(post(line), None).authors == []
