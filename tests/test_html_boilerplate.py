"""Boxes inside the article's container that are not the story (issue 17's fifth stop):
other stories' teasers, newsletter and cookie prompts, pruned by the class or id their
site gives them; a box of prose or a page's main column that merely names them stays.

Every page here is written for these tests: a made-up town, its harbour and its paper.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from dateline.ingest.html import FURNITURE_XPATH, article_from_html

STORY = (
    "<p>The harbour board of Lowmarsh voted on Tuesday to rebuild the north pier before the "
    "winter storms, after divers found that the timber piles had rotted through in places "
    "and that the stone facing had slipped by almost a foot since the spring survey.</p>"
    "<p>Work will start in October and close the pier to anglers until March, the board's "
    "chair said, while the ferry moves to the south quay for the season and the fish market "
    "opens an hour later each morning to let the contractors' lorries through the gate.</p>"
    "<p>The town council will pay a third of the cost from its reserves and borrow the rest, "
    "she said, and residents may see the plans at the library from Monday onwards.</p>"
)

BOXES = {
    "related": (
        '<div class="related-stories"><h3>Read this next</h3><ul>'
        '<li><a href="/a">Lifeboat crew honoured at county show</a></li>'
        '<li><a href="/b">Bakery on Quay Street changes hands</a></li></ul></div>'
    ),
    "newsletter": (
        '<div class="newsletter_signup"><p>Get the Gazette in your inbox every Friday.</p>'
        '<form><input type="email"><button>Sign me up</button></form></div>'
    ),
    "cookie": '<div id="cookie-banner"><p>This site keeps crumbs of your visit.</p></div>',
    "subscribe": '<section class="subscribe-box"><p>Become a member for a pound.</p></section>',
}


def page(box: str) -> str:
    return (
        "<html><head><title>North pier to be rebuilt</title></head><body><article>"
        f"<h1>North pier to be rebuilt</h1>{STORY}{box}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("related", "Bakery on Quay Street"),
        ("newsletter", "in your inbox every Friday"),
        ("cookie", "crumbs of your visit"),
        ("subscribe", "member for a pound"),
    ],
)
def test_a_box_named_for_boilerplate_is_not_in_the_text(name: str, words: str) -> None:
    article = article_from_html(page(BOXES[name]), name)
    assert "timber piles had rotted through" in article.text
    assert words not in article.text


def pruned(box: str) -> list[str]:
    """The elements of `page(box)` that the furniture rules prune before extraction."""
    tree = lxml_html.fromstring(page(box))
    return [
        el.get("class") or el.get("id") or el.tag for x in FURNITURE_XPATH for el in tree.xpath(x)
    ]


def test_the_boxes_are_pruned_before_extraction() -> None:
    for box in BOXES.values():
        assert pruned(box)


def test_a_box_holding_prose_is_not_pruned_whatever_its_name() -> None:
    prose = (
        "<div class='related-background'><p>The north pier was first built in 1862 for the "
        "herring fleet, when forty boats worked out of Lowmarsh, and it was last repaired "
        "after the great storm of 1953 broke its seaward end and carried away the old "
        "lighthouse that had stood there for almost a century.</p></div>"
    )
    assert pruned(prose) == []


def test_a_box_holding_the_headline_is_not_pruned() -> None:
    assert (
        pruned("<div class='related-wrap'><h1>Pier plans</h1><p>See the library.</p></div>") == []
    )


def test_a_name_that_only_ends_with_the_hint_is_no_box() -> None:
    column = "<div class='map-and-related'><p>Anglers may use the east wall meanwhile.</p></div>"
    assert pruned(column) == []
    assert pruned("<div id='page-newsletter-area'><p>Signs</p></div>") == []
