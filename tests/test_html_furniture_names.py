"""Furniture named anywhere in a box's class or id (issue 17's sixth stop): the writer's bio
under the story, copyright lines, cookie and consent prompts, newsletter boxes, notification
bars and calls to give, lists of popular posts, links to the next post, and pop-ups laid
over the page. Each is pruned before extraction when it holds no prose and no headline.

Every page here is written for these tests: a made-up valley, its railway and its paper.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from dateline.ingest.html import article_from_html, furniture_xpath

STORY = (
    "<p>The Dunmere valley railway will run steam trains again from May, its trust said on "
    "Friday, after volunteers spent four winters relaying the track between the old goods "
    "shed and the viaduct and rebuilding the signal box that a flood had undermined.</p>"
    "<p>Trains will leave the lower station every hour at weekends, the trust's secretary "
    "said, and on weekdays in the school holidays, with a carriage kept for bicycles and a "
    "tea room opening in the restored waiting hall on the up platform by midsummer.</p>"
    "<p>Tickets will cost the same as the bus fare to the head of the valley, she added, so "
    "that families who walk up the fell can ride back down without a second thought.</p>"
)

BOXES = {
    "bio": (
        '<div class="post-author-bio"><img src="/m.jpg"><p>Mara Lund writes about the '
        "valley's trains and trails for the Courier.</p></div>"
    ),
    "about": (
        '<section id="about_the_author"><p>Mara has ridden every line north of here.</p></section>'
    ),
    "copyright": '<p class="site-copyright">All words owned by the Dunmere Courier 2026.</p>',
    "consent": '<div class="wt-cli-consent-bar"><p>We keep a note of your visits.</p></div>',
    "newsletter": '<div class="footer-newsletter-box"><p>Mail me the weekly timetable.</p></div>',
    "notification": '<div class="top-notification-bar"><p>Road works on the fell lane.</p></div>',
    "donate": '<div class="article-donate-box"><p>Keep the Courier free: give a pound.</p></div>',
    "popular": (
        '<ul class="widget-popular-list"><li><a href="/a">Sheep show returns</a></li>'
        '<li><a href="/b">Mill pond frozen</a></li></ul>'
    ),
    "postnav": (
        '<div class="post-navigation"><a href="/p">Older: Viaduct repainted</a>'
        '<a href="/n">Newer: Goods shed to open</a></div>'
    ),
}


def page(box: str, after: str = "") -> str:
    return (
        "<html><head><title>Steam returns to Dunmere</title></head><body><article>"
        f"<h1>Steam returns to Dunmere</h1>{STORY}{box}</article>{after}</body></html>"
    )


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bio", "writes about the valley"),
        ("about", "every line north"),
        ("copyright", "All words owned"),
        ("consent", "note of your visits"),
        ("newsletter", "weekly timetable"),
        ("notification", "Road works"),
        ("donate", "give a pound"),
        ("popular", "Mill pond frozen"),
        ("postnav", "Viaduct repainted"),
    ],
)
def test_a_box_named_as_furniture_anywhere_is_not_in_the_text(name: str, words: str) -> None:
    article = article_from_html(page(BOXES[name]), name)
    assert "relaying the track" in article.text
    assert words not in article.text


def pruned(html: str) -> list[str]:
    """The elements of `html` that the furniture rules prune before extraction."""
    tree = lxml_html.fromstring(html)
    return [
        el.get("class") or el.get("id") or el.tag
        for x in furniture_xpath(html)
        for el in tree.xpath(x)
    ]


def test_every_box_is_pruned_before_extraction() -> None:
    for box in BOXES.values():
        assert pruned(page(box))


def test_a_named_box_holding_prose_stays() -> None:
    bio = (
        "<div class='author-info-wrap'><p>The signal box at the viaduct was built in 1891 "
        "by the valley company, and its lever frame, thirty levers long, is the last of its "
        "kind still in place on any line in the county, which is why the trust rebuilt it "
        "rather than fitting the electric panel that the engineers had first drawn up.</p></div>"
    )
    assert pruned(page(bio)) == []


def test_a_pop_up_over_the_page_is_pruned_but_not_one_inside_the_story() -> None:
    overlay = "<div class='signup-modal'><p>Join the Courier's friends.</p></div>"
    assert "signup-modal" in pruned(page("", after=overlay))
    article = article_from_html(page("", after=overlay), "overlay")
    assert "Courier's friends" not in article.text
    gallery = "<div class='photo-lightbox'><p>The viaduct in snow.</p></div>"
    assert pruned(page(gallery)) == []


def test_a_word_that_only_contains_an_overlay_name_is_no_overlay() -> None:
    assert pruned(page("", after="<div class='modality-notes'><p>Rail, bus.</p></div>")) == []


def test_a_name_with_a_quote_in_it_does_not_break_the_expression() -> None:
    assert "consent-it's" in pruned(page('<div class="consent-it\'s"><p>Crumbs.</p></div>'))
