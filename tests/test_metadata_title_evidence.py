"""Title evidence weighed per page (issue 17's fifth stop): headlines set in two lines,
descriptions in the headline's place, typography the sources disagree on, a site signed by
its initials.

Every page here is written for these tests: made-up towns, clubs and newspapers.
"""

from __future__ import annotations

from dateline.ingest import evidence
from dateline.ingest.metadata import read_metadata

BODY = """<p>The rowing club of Lowmarsh will hold its first winter regatta on the estuary in
January, its captain said on Monday after the harbour board agreed to close the channel.</p>"""


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}{BODY}</article></body></html>"


def test_a_line_break_in_the_headline_reads_as_a_space() -> None:
    tree = evidence.parse(page(body="<h1>Winter regatta<br>What rowers need to know</h1>"))
    assert tree is not None
    assert evidence.headlines(tree) == ["Winter regatta What rowers need to know"]
    assert evidence.headline_lines(tree) == [["Winter regatta", "What rowers need to know"]]


def test_a_child_glued_to_the_headline_starts_a_line() -> None:
    html = page(body="<h1>The Estuary Regatta<span class=sub>Lowmarsh Rows in Winter</span></h1>")
    tree = evidence.parse(html)
    assert tree is not None
    assert evidence.headline_lines(tree) == [["The Estuary Regatta", "Lowmarsh Rows in Winter"]]


def test_an_inline_word_inside_the_headline_stays_on_its_line() -> None:
    tree = evidence.parse(page(body="<h1>Rowers <em>brave</em> the estuary</h1>"))
    assert tree is not None
    assert evidence.headline_lines(tree) == [["Rowers brave the estuary"]]


def test_a_headline_in_two_lines_gives_way_to_the_metadata_title() -> None:
    html = page(
        '<meta property="og:title" content="Winter regatta on the estuary: entries open">'
        "<title>Winter regatta on the estuary: entries open</title>",
        "<h1>Winter regatta 2026<br>Your guide to the estuary races</h1>",
    )
    assert read_metadata(html, None).title == "Winter regatta on the estuary: entries open"


def test_a_headline_in_two_lines_the_metadata_matches_stays() -> None:
    html = page(
        '<meta property="og:title" content="Winter regatta Your guide to the races">',
        "<h1>Winter regatta<br>Your guide to the races</h1>",
    )
    assert read_metadata(html, None).title == "Winter regatta Your guide to the races"


def test_a_description_in_the_headline_element_gives_way() -> None:
    prose = (
        "Find out which boats row in the winter regatta on the Lowmarsh estuary. We explain "
        "the course, the tides and the rules so that every crew and every visitor knows "
        "what to expect on the day."
    )
    html = page(
        '<meta property="og:title" content="Winter regatta: the course and the crews">',
        f"<h1>{prose}</h1>",
    )
    assert read_metadata(html, None).title == "Winter regatta: the course and the crews"


def test_a_long_headline_of_one_sentence_stays() -> None:
    head = (
        "Lowmarsh rowers, harbour pilots and the island ferry crews share the estuary for "
        "the first winter regatta since the channel was dredged and the old bridge was "
        "closed to traffic"
    )
    meta = '<meta property="og:title" content="Rowers and ferry crews share the estuary">'
    html = page(meta, f"<h1>{head}</h1>")
    assert read_metadata(html, None).title == head


def test_the_spelling_most_sources_agree_on_wins() -> None:
    html = page(
        '<meta property="og:title" content="The Captain\'s Guide to the Regatta">'
        "<title>The Captain's Guide to the Regatta | Lowmarsh Rowing</title>"
        '<meta property="og:site_name" content="Lowmarsh Rowing">',
        "<h1>The Captain\u2019s Guide to the Regatta</h1>",
    )
    assert read_metadata(html, None).title == "The Captain's Guide to the Regatta"


def test_on_a_tie_in_spelling_the_headline_keeps_its_own() -> None:
    html = page(
        '<meta property="og:title" content="The Captain\'s Guide to the Regatta">',
        "<h1>The Captain\u2019s Guide to the Regatta</h1>",
    )
    assert read_metadata(html, None).title == "The Captain\u2019s Guide to the Regatta"


def test_dashes_are_no_spelling_vote() -> None:
    html = page(
        '<meta property="og:title" content="Regatta day - the results">'
        "<title>Regatta day - the results</title>",
        "<h1>Regatta day \u2013 the results</h1>",
    )
    assert read_metadata(html, None).title == "Regatta day \u2013 the results"


def test_a_site_signed_by_its_initials_is_stripped() -> None:
    html = page(
        '<meta property="og:site_name" content="Lowmarsh Rowing Club">'
        "<title>Winter regatta entries open | LRC</title>"
    )
    assert read_metadata(html, None).title == "Winter regatta entries open"


def test_a_two_word_site_gives_no_initials() -> None:
    html = page(
        '<meta property="og:site_name" content="Lowmarsh Rowing">'
        "<title>Winter regatta entries open | LR</title>"
    )
    assert read_metadata(html, None).title == "Winter regatta entries open | LR"
