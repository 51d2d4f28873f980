"""A page the fast extraction finds little on gets a second look with trafilatura's defaults
(dateline.ingest.html): a list of short sections where the main extractor stops early.

The two trafilatura runs are replaced here by canned XML, so that each case tests the
decision (when to look again, which text to keep) and not trafilatura's own heuristics.
Every text is written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.ingest import html as html_module
from dateline.ingest.html import EXTRACT_OPTIONS, ExtractOptions, article_from_html

PAGE = "<html><body><article><p>Ten good paths around Fernmoor.</p></article></body></html>"
FIRST = "<doc><main><p>The Ridge Walk climbs from the old mill to the beacon.</p></main></doc>"
WHOLE = (
    "<doc><main><p>The Ridge Walk climbs from the old mill to the beacon.</p>"
    "<p>The Tarn Loop circles the water in an easy hour, with benches on the north shore.</p>"
    "<p>The Quarry Path is steep at first and then runs level along the old tramway.</p>"
    "</main></doc>"
)


def fake_runs(
    monkeypatch: pytest.MonkeyPatch, fast: str | None, slow: str | None
) -> list[ExtractOptions]:
    """Answer the fast run with `fast` and the defaults run with `slow`; return the calls."""
    calls: list[ExtractOptions] = []

    def extract(page: str, url: str | None, options: ExtractOptions) -> str | None:
        calls.append(options)
        return fast if options.fast else slow

    monkeypatch.setattr(html_module, "_extract", extract)
    return calls


def test_a_short_fast_text_is_replaced_by_the_longer_default_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_runs(monkeypatch, FIRST, WHOLE)
    article = article_from_html(PAGE, "paths", None)
    assert "Tarn Loop" in article.text and "Quarry Path" in article.text
    assert [c.fast for c in calls] == [True, False]
    assert not calls[1].favor_recall


def test_the_fast_text_stays_when_the_second_look_finds_no_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_runs(monkeypatch, WHOLE, FIRST)
    assert "Tarn Loop" in article_from_html(PAGE, "paths", None).text
    fake_runs(monkeypatch, FIRST, None)
    assert "Ridge Walk" in article_from_html(PAGE, "paths", None).text


def test_a_long_enough_fast_text_gets_no_second_look(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_runs(monkeypatch, WHOLE, FIRST)
    article_from_html(PAGE, "paths", None, options=replace(EXTRACT_OPTIONS, short_text=10))
    assert [c.fast for c in calls] == [True]


def test_the_second_look_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = fake_runs(monkeypatch, FIRST, WHOLE)
    article = article_from_html(PAGE, "paths", None, options=replace(EXTRACT_OPTIONS, short_text=0))
    assert "Tarn Loop" not in article.text
    assert len(calls) == 1


# A whole short post; the second look adds the openings of the blog's other posts.
POST = (
    "<doc><main><p>The Tarn Loop circles the water in an easy hour, with benches on the "
    "north shore.</p></main></doc>"
)
LISTING = (
    "<doc><main><p>The Tarn Loop circles the water in an easy hour, with benches on the "
    "north shore.</p>"
    "<p>Our autumn walk began in fog at the mill, and by the time we reached the beacon the "
    "whole valley had opened below us like …</p>"
    "<p>Nobody warned us about the stiles on the Quarry Path, which come every few hundred "
    "metres and test the knees of the party [...]</p>"
    "<p>Winter on the ridge is another country, with the wind from the north and the tarn "
    "frozen at its edges so that the ducks Read more</p></main></doc>"
)


def test_a_listing_of_other_posts_does_not_replace_a_short_post(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_runs(monkeypatch, POST, LISTING)
    article = article_from_html(PAGE, "paths", None)
    assert "Tarn Loop" in article.text
    assert "autumn walk" not in article.text and "stiles" not in article.text


def test_one_paragraph_that_trails_off_does_not_stop_the_longer_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    longer = WHOLE.replace("old tramway.</p>", "old tramway, and then …</p>")
    fake_runs(monkeypatch, FIRST, longer)
    assert "Quarry Path" in article_from_html(PAGE, "paths", None).text


# A long page whose paragraphs the fast run reads only the start of (issue 17's sixth stop).
LONG_PAGE = (
    "<html><body><article>"
    + "".join(
        f"<p>Stage {n} of the Fernmoor round crosses the moor by the cairns and the old "
        "peat road, and walkers should carry water for the whole of it.</p>"
        for n in range(12)
    )
    + "</article></body></html>"
)


def test_a_fast_text_thin_beside_the_pages_paragraphs_gets_a_second_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_runs(monkeypatch, WHOLE, FIRST + WHOLE.replace("Ridge", "Fell"))
    options = replace(EXTRACT_OPTIONS, short_text=10, thin_share=0.5)
    article_from_html(LONG_PAGE, "round", None, options=options)
    assert [c.fast for c in calls] == [True, False]


def test_a_fast_text_near_the_pages_paragraphs_gets_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_runs(monkeypatch, WHOLE, FIRST)
    options = replace(EXTRACT_OPTIONS, short_text=10, thin_share=0.5)
    article_from_html(PAGE, "paths", None, options=options)
    assert [c.fast for c in calls] == [True]


def test_the_paragraph_words_leave_out_scripts() -> None:
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(
        "<html><body><p>Four words stand here.<script>var a = 1;</script></p></body></html>"
    )
    assert html_module.prose_words(tree) == 4
