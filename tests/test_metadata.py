"""The page's title, byline and dates from its own evidence (dateline.ingest.metadata).

Every page here is written for these tests: made-up towns, people and newspapers.
"""

from __future__ import annotations

import pytest

from dateline.ingest.metadata import iso_date, read_metadata, split_byline, strip_site

BODY = """<p>The ferry between Lowmarsh and the island of Penhallow will run twice a day from
June, the harbour board said on Tuesday after a long dispute over the timetable.</p>"""


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}<article>{BODY}</article></body></html>"


# ---------------------------------------------------------------- title


def test_title_from_the_headline_element_when_metadata_agrees() -> None:
    html = page(
        "<title>Ferry to run twice daily | Lowmarsh Gazette</title>"
        '<meta property="og:site_name" content="Lowmarsh Gazette">',
        "<h1>Ferry to run twice daily</h1>",
    )
    assert read_metadata(html, None).title == "Ferry to run twice daily"


def test_title_from_og_title_when_no_headline_element() -> None:
    html = page('<meta property="og:title" content="Island ferry timetable agreed">')
    assert read_metadata(html, None).title == "Island ferry timetable agreed"


def test_title_from_json_ld_headline() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Board settles ferry dispute"}'
    html = page(f'<script type="application/ld+json">{ld}</script>')
    assert read_metadata(html, None).title == "Board settles ferry dispute"


@pytest.mark.parametrize(
    "title",
    [
        "Ferry timetable agreed | Lowmarsh Gazette",
        "Lowmarsh Gazette - Ferry timetable agreed",
        "Ferry timetable agreed – News – Lowmarsh Gazette",
    ],
)
def test_site_name_stripped_from_title_either_side(title: str) -> None:
    html = page(f"<title>{title}</title>", "")
    html = html.replace("<head>", '<head><meta property="og:site_name" content="Lowmarsh Gazette">')
    assert read_metadata(html, None).title in {
        "Ferry timetable agreed",
        "Ferry timetable agreed – News",
    }


def test_site_name_learnt_from_the_domain() -> None:
    assert strip_site("Ferry timetable agreed - Gazette", {"gazette"}) == "Ferry timetable agreed"
    html = page("<title>Ferry timetable agreed | Marshpost</title>")
    assert read_metadata(html, "https://www.marshpost.example/ferry").title == (
        "Ferry timetable agreed"
    )


def test_title_is_never_the_site_name_alone() -> None:
    html = page(
        '<meta property="og:site_name" content="Lowmarsh Gazette">'
        '<meta property="og:title" content="Ferry timetable agreed">',
        '<div class="masthead"><h1>Lowmarsh Gazette</h1></div>',
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed"


def test_headline_in_a_related_stories_box_is_not_the_title() -> None:
    html = page(
        '<meta property="og:title" content="Ferry timetable agreed">',
        '<div class="related-stories"><h1>Bridge repairs delayed again</h1></div>',
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed"


def test_section_named_by_the_address_is_stripped_from_the_title() -> None:
    html = page("<title>Ferry timetable agreed | Opinion</title>")
    url = "https://lowmarsh.example/opinion/2024/05/ferry-timetable-agreed"
    assert read_metadata(html, url).title == "Ferry timetable agreed"


def test_section_from_article_section_is_stripped_from_the_title() -> None:
    html = page(
        '<meta property="article:section" content="Harbours">'
        "<title>Ferry timetable agreed | Harbours</title>"
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed"


def test_the_story_slug_is_no_section() -> None:
    """The address's last part spells the headline; it must not strip the headline."""
    html = page("<title>Marshpost | Ferry timetable agreed</title>")
    url = "https://news.example/ferry-timetable-agreed"
    assert read_metadata(html, url).title == "Marshpost | Ferry timetable agreed"


def test_domain_with_a_word_added_still_names_the_site() -> None:
    html = page("<title>Ferry timetable agreed | Marshpost</title>")
    assert read_metadata(html, "https://www.getmarshpost.example/f").title == (
        "Ferry timetable agreed"
    )


@pytest.mark.parametrize(
    "headline",
    [
        "Mar 4 2025 Ferry timetable agreed",
        "Blog: Ferry timetable agreed",
        "Ferry timetable agreed (marshpost.example)",
    ],
)
def test_headline_with_furniture_around_the_metadata_title_gives_way(headline: str) -> None:
    html = page(
        '<meta property="og:title" content="Ferry timetable agreed">', f"<h1>{headline}</h1>"
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed"


def test_headline_that_goes_on_in_words_stays() -> None:
    """SEO titles are cut short; the headline that continues them is the whole title."""
    html = page(
        '<meta property="og:title" content="Ferry timetable agreed after">',
        "<h1>Ferry timetable agreed after long talks</h1>",
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed after long talks"


def test_several_headline_elements_and_agreeing_metadata_give_the_metadata_title() -> None:
    html = page(
        '<meta property="og:title" content="Ferry timetable agreed">'
        "<title>Ferry timetable agreed</title>",
        "<h1>Latest from the harbour</h1><h1>Island news</h1>",
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed"


# ---------------------------------------------------------------- byline


def test_byline_from_json_ld_people_with_outlet_apart() -> None:
    ld = (
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ines Valcourt"},'
        ' {"@type": "Person", "name": "Dara Quill"}, {"@type": "Organization",'
        ' "name": "Lowmarsh Gazette"}]}'
    )
    meta = read_metadata(page(f'<script type="application/ld+json">{ld}</script>'), None)
    assert meta.authors == ["Ines Valcourt", "Dara Quill"]
    assert meta.organisations == ["Lowmarsh Gazette"]


def test_byline_from_json_ld_reference_to_a_person_in_the_graph() -> None:
    ld = (
        '{"@graph": [{"@type": "Article", "author": {"@id": "#p1"}},'
        ' {"@type": "Person", "@id": "#p1", "name": "Oren Ashby"}]}'
    )
    html = page(f'<script type="application/ld+json">{ld}</script>')
    assert read_metadata(html, None).authors == ["Oren Ashby"]


def test_byline_from_meta_author() -> None:
    html = page('<meta name="author" content="Petra Noone">')
    assert read_metadata(html, None).authors == ["Petra Noone"]


def test_byline_from_rel_author_link() -> None:
    html = page("", '<p class="meta"><a rel="author" href="/staff/lin">Lin Harrow</a></p>')
    assert read_metadata(html, None).authors == ["Lin Harrow"]


def test_byline_from_a_by_line_and_a_written_by_label() -> None:
    assert read_metadata(page("", "<p>By Colm Ferris</p>"), None).authors == ["Colm Ferris"]
    labelled = "<div><span>Written by</span><span>Aster Boyle</span></div>"
    assert read_metadata(page("", labelled), None).authors == ["Aster Boyle"]


def test_byline_that_is_a_sentence_is_rejected() -> None:
    html = page('<meta name="author" content="The harbour board and the ferry company met">')
    assert read_metadata(html, None).authors == []


def test_byline_that_is_the_first_words_of_the_story_is_rejected() -> None:
    """A byline element holding the lede's opening ("The Lowmarsh, Penhallow boards")."""
    assert split_byline("The Lowmarsh, Penhallow harbour boards") == ([], [])


@pytest.mark.parametrize("value", ["Staff", "Contributor", "March 4, 2024", "Updated 10:32"])
def test_byline_that_is_not_a_name_is_rejected(value: str) -> None:
    assert split_byline(value) == ([], [])


def test_news_agency_goes_to_the_outlets() -> None:
    assert split_byline("By Rhea Lusk and Reuters") == (["Rhea Lusk"], ["Reuters"])
    assert split_byline("Associated Press") == ([], ["Associated Press"])


def test_credentials_stay_with_the_name() -> None:
    assert split_byline("Mira Stohl, MD, PhD") == (["Mira Stohl, MD, PhD"], [])
    # a registration with its level stays too, and a second person is still apart
    assert split_byline("Oska Wynn, E-RYT 500") == (["Oska Wynn, E-RYT 500"], [])
    assert split_byline("Oska Wynn, Bea Tull") == (["Oska Wynn", "Bea Tull"], [])


@pytest.mark.parametrize(
    ("value", "people"),
    [
        ("ByNola Brisk", ["Nola Brisk"]),  # "By" styled apart, the space lost
        ("“Tamsin Yeo”", ["Tamsin Yeo"]),
        ("Idris Pell •", ["Idris Pell"]),
        ("Idris PellMarch 3, 2025", ["Idris Pell"]),
        ("Idris Pell 3 March 2025", ["Idris Pell"]),
        ("Mar. 3, 2025 · Idris Pell · 4 min read", ["Idris Pell"]),
        ("Idris Pell on behalf of the ferry users' group", ["Idris Pell"]),
        ("Idris Pell in Penhallow", ["Idris Pell"]),
        ("Orla Venn, Ph.D.", ["Orla Venn, Ph.D."]),
        ("Posts by Orla Venn", ["Orla Venn"]),
        ("Written By", []),
        ("Learn More", []),
        ("Co-founder", []),
    ],
)
def test_byline_parts_cleaned_of_what_is_not_the_name(value: str, people: list[str]) -> None:
    assert split_byline(value)[0] == people


def test_name_and_role_in_one_line_keep_the_name_the_page_shows_alone() -> None:
    html = '<div class="author"><span>Wren Dallow</span><span>Harbour Pilot</span></div>'
    assert split_byline("Wren Dallow Harbour Pilot", html) == (["Wren Dallow"], [])


def test_byline_from_twitter_card_label_and_data() -> None:
    html = page(
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Ysolde Marr">'
        '<meta name="twitter:label2" content="Est. reading time">'
        '<meta name="twitter:data2" content="4 minutes">'
    )
    assert read_metadata(html, None).authors == ["Ysolde Marr"]


def test_byline_from_a_link_to_the_writers_page() -> None:
    body = '<p class="meta">Story: <a href="/authors/cass-lowry/">Cass Lowry</a></p>'
    assert read_metadata(page("", body), None).authors == ["Cass Lowry"]


def test_author_box_with_a_biography_gives_its_name_line() -> None:
    bio = "Bram Tully has covered the harbour and its ferries for the Gazette since 2009. " * 2
    body = (
        f'<div class="author-box"><div class="author-box__name">Bram Tully</div><p>{bio}</p></div>'
    )
    assert read_metadata(page("", body), None).authors == ["Bram Tully"]


def test_author_name_in_the_element_after_a_label() -> None:
    body = "<div><h3>Author</h3><p>Effie Corran</p></div>"
    assert read_metadata(page("", body), None).authors == ["Effie Corran"]
    body = "<div><strong>Contributors:</strong> Effie Corran</div>"
    assert read_metadata(page("", body), None).authors == ["Effie Corran"]


def test_a_by_line_in_prose_is_no_byline() -> None:
    body = "<p>by integrating both timetables the board saved a crossing a day</p>"
    assert read_metadata(page("", body), None).authors == []


def test_byline_in_the_articles_own_footer_counts() -> None:
    body = (
        f"<article>{BODY}<footer>Posted by "
        '<a rel="author" href="/u/kit">Kit Faraday</a></footer></article>'
    )
    html = f"<html><head></head><body>{body}</body></html>"
    assert read_metadata(html, None).authors == ["Kit Faraday"]


def test_byline_in_a_page_builders_widget_counts_but_not_in_a_sidebar_widget() -> None:
    inside = '<div class="builder-widget-wrap"><span class="byline">Noor Haskett</span></div>'
    assert read_metadata(page("", inside), None).authors == ["Noor Haskett"]
    sidebar = '<div class="widget widget_recent"><span class="byline">Noor Haskett</span></div>'
    assert read_metadata(page("", sidebar), None).authors == []


def test_a_layout_class_naming_a_sidebar_area_is_no_sidebar() -> None:
    body = '<div class="md:[grid-area:sidebar]"><p>Written by</p><p>Rosa Imrie</p></div>'
    assert read_metadata(page("", body), None).authors == ["Rosa Imrie"]


def test_a_nav_that_holds_the_article_is_no_furniture() -> None:
    """An unclosed tag before it made the parser nest the whole page inside the <nav>."""
    long_body = "<p>" + "The harbour board met the ferry company on Tuesday. " * 6 + "</p>"
    body = f'<nav><a href="/">Home</a><p class="byline">By Tove Arran</p>{long_body}</nav>'
    assert read_metadata(page("", body), None).authors == ["Tove Arran"]
    menu = '<nav><p class="byline">By Tove Arran</p></nav>'
    assert read_metadata(page("", menu), None).authors == []


def test_site_named_for_its_owner_gives_the_byline() -> None:
    html = page('<meta property="og:site_name" content="Alma Ritter\'s blog">')
    assert read_metadata(html, None).authors == ["Alma Ritter"]
    html = page('<meta property="og:site_name" content="Harbour Dental">')
    assert read_metadata(html, None).authors == []


# ---------------------------------------------------------------- dates


def test_date_from_json_ld_with_zone_and_modified_apart() -> None:
    ld = (
        '{"@type": "NewsArticle", "datePublished": "2024-03-05T07:15:00+01:00",'
        ' "dateModified": "2024-03-06T09:00:00Z"}'
    )
    meta = read_metadata(page(f'<script type="application/ld+json">{ld}</script>'), None)
    assert meta.published == "2024-03-05T07:15:00+01:00"
    assert meta.updated == "2024-03-06T09:00:00+00:00"


def test_date_from_article_published_time() -> None:
    html = page('<meta property="article:published_time" content="2023-11-20">')
    assert read_metadata(html, None).published == "2023-11-20"


def test_date_from_time_in_the_article_header_not_the_sidebar() -> None:
    body = (
        '<aside><time datetime="2019-01-02">2 Jan</time></aside>'
        '<header><time datetime="2022-08-09T10:00:00-04:00">9 Aug</time></header>'
    )
    assert read_metadata(page("", body), None).published == "2022-08-09T10:00:00-04:00"


def test_date_only_in_a_sidebar_is_not_taken() -> None:
    body = '<div class="sidebar"><time datetime="2019-01-02">2 Jan</time></div>'
    assert read_metadata(page("", body), None).published is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-05-01", "2024-05-01"),
        ("2024-05-01T08:30:00", "2024-05-01"),
        ("2024-05-01T08:30+0200", "2024-05-01T08:30:00+02:00"),
        ("yesterday", None),
        ("2024-13-01", None),
    ],
)
def test_iso_date(raw: str, iso: str | None) -> None:
    assert iso_date(raw) == iso


# ---------------------------------------------------------------- byline: desks and users


@pytest.mark.parametrize(
    "value", ["Lowmarsh Gazette Staff", "The Penhallow Team", "Team Penhallow", "Harbour Desk"]
)
def test_a_named_desk_or_team_signs_the_story(value: str) -> None:
    assert split_byline(value) == ([value], [])


@pytest.mark.parametrize("value", ["Staff", "Our Editors", "Staff Writer", "team"])
def test_a_desk_without_a_name_is_no_byline(value: str) -> None:
    assert split_byline(value) == ([], [])


def test_user_names_count_only_in_fields_made_for_the_author() -> None:
    assert split_byline("petranoone", structured=True) == (["petranoone"], [])
    assert split_byline("petra noone", structured=True) == (["petra noone"], [])
    assert split_byline("petranoone") == ([], [])
    for value in ("site_admin", "3f9a2c-77b1", "petra@lowmarsh.example"):
        assert split_byline(value, structured=True) == ([], [])


def test_a_person_on_the_page_beats_a_user_name_in_the_metadata() -> None:
    html = page(
        '<meta name="author" content="webdesk.admin2">', '<p class="byline">By Una Pryce</p>'
    )
    assert read_metadata(html, None).authors == ["Una Pryce"]
    html = page('<meta name="author" content="unapryce">', '<p class="byline">By Una Pryce</p>')
    assert read_metadata(html, None).authors == ["Una Pryce"]


def test_credits_of_others_are_no_byline() -> None:
    assert split_byline("Fact checked by Hal Merrow") == ([], [])
    assert split_byline("By Una Pryce | Photos by Hal Merrow") == (["Una Pryce"], [])
    assert split_byline("\ue08a Una Pryce") == (["Una Pryce"], [])


# ---------------------------------------------------------------- issue 17, third stop


def test_a_headline_element_sharing_no_word_with_the_metadata_is_a_box_heading() -> None:
    html = page(
        '<meta property="og:title" content="Harbour board buys two electric tugs">',
        "<h1>Latest from the quay</h1>",
    )
    assert read_metadata(html, None).title == "Harbour board buys two electric tugs"


def test_a_headline_element_close_to_the_metadata_still_wins() -> None:
    html = page(
        '<meta property="og:title" content="Harbour board buys electric tugs">',
        "<h1>Harbour board buys two electric tugs for Lowmarsh</h1>",
    )
    assert read_metadata(html, None).title == "Harbour board buys two electric tugs for Lowmarsh"


def test_a_post_line_glued_to_the_headline_is_left_out() -> None:
    html = page(
        '<meta property="og:title" content="Tide tables for the spring">',
        "<h1>Tide tables for the spring Posted on May 2, 2025 by quaykeeper</h1>",
    )
    assert read_metadata(html, None).title == "Tide tables for the spring"


def test_a_headline_in_capitals_gives_way_to_the_metadata() -> None:
    html = page(
        '<meta property="og:title" content="Best Rain Coats for Coastal Walks">',
        "<h1>BEST RAIN COATS FOR WALKS ON THE COAST</h1>",
    )
    assert read_metadata(html, None).title == "Best Rain Coats for Coastal Walks"


def test_the_story_headline_after_the_blog_name_headline() -> None:
    html = page(
        "<title>Mending old nets - Penhallow Rope Works</title>",
        "<h1>Notes from the loft</h1><h1>Mending old nets</h1>",
    )
    assert read_metadata(html, None).title == "Mending old nets"


def test_the_site_label_before_a_colon_is_taken_off() -> None:
    html = page(
        '<meta property="og:title" content="Quaywright Blog: Caulking a dinghy">',
        "<h1>Caulking a dinghy</h1><h1>Tools</h1><h1>Steps</h1>",
    )
    assert read_metadata(html, "https://quaywright.example/blog/caulking").title == (
        "Caulking a dinghy"
    )
    # a label that is not the site's name stays: many headlines open with one
    html = page('<meta property="og:title" content="Analysis: Caulking a dinghy">')
    assert read_metadata(html, "https://quaywright.example/x").title == (
        "Analysis: Caulking a dinghy"
    )


def test_a_credit_in_brackets_after_the_headline() -> None:
    html = page(
        "<title>The knot that holds (Ivo Tarrant)</title>",
        "<h1>Ivo Tarrant's rope pages:</h1><h1>The knot that holds</h1>",
    )
    assert read_metadata(html, None).title == "The knot that holds"


def test_a_title_escaped_twice_or_misdecoded_is_repaired() -> None:
    ld = '{"@type": "BlogPosting", "headline": "Nets &amp;#8230; and more nets"}'
    html = page(f'<script type="application/ld+json">{ld}</script>')
    assert read_metadata(html, None).title == "Nets … and more nets"
    garbled = "Ivo’s knots".encode().decode("latin-1")
    html = page(f'<meta property="og:title" content="{garbled}">')
    assert read_metadata(html, None).title == "Ivo’s knots"
    html = page('<meta property="og:title" content="How strong is a bowline？">')
    assert read_metadata(html, None).title == "How strong is a bowline?"


def test_citation_authors_turned_the_usual_way_round() -> None:
    html = page(
        '<meta name="citation_author" content="Tarrant, Ivo">'
        '<meta name="citation_author" content="Merrow, Hal">'
    )
    assert read_metadata(html, None).authors == ["Ivo Tarrant", "Hal Merrow"]


def test_a_longer_byline_naming_the_same_writer_gives_every_writer() -> None:
    ld = '{"@type": "Article", "author": {"@type": "Person", "name": "Una Pryce"}}'
    html = page(
        f'<script type="application/ld+json">{ld}</script>',
        '<a rel="author" href="/u/1">Dr Una Pryce</a>, <a rel="author" href="/u/2">Hal Merrow</a>',
    )
    assert read_metadata(html, None).authors == ["Dr Una Pryce", "Hal Merrow"]
    # a longer name is not the same writer: "Una Pryce Harbourmaster" is a name and a role
    html = page(
        f'<script type="application/ld+json">{ld}</script>',
        '<a rel="author" href="/u/1">Una Pryce Harbourmaster</a>, <a rel="author">Hal Merrow</a>',
    )
    assert read_metadata(html, None).authors == ["Una Pryce"]


def test_a_byline_in_a_camel_case_author_box() -> None:
    html = page("", '<div class="postAuthorBox"><span>Hal Merrow</span></div>')
    assert read_metadata(html, None).authors == ["Hal Merrow"]


def test_a_label_heading_names_the_writer_in_the_next_element() -> None:
    html = page("", "<h2>Article by</h2><div>Hal Merrow</div>")
    assert read_metadata(html, None).authors == ["Hal Merrow"]


def test_the_main_part_is_no_furniture_whatever_its_wrapper_is_called() -> None:
    html = (
        '<html><body><div class="sticky-footer-layout"><main><h1>Mending old nets</h1>'
        f'<p class="byline">By Hal Merrow</p>{BODY}</main></div></body></html>'
    )
    meta = read_metadata(html, None)
    assert (meta.title, meta.authors) == ("Mending old nets", ["Hal Merrow"])
    # an <aside> of teasers stays furniture, articles and all
    html = page("", '<aside><article><p class="byline">By Ivo Tarrant</p></article></aside>')
    assert read_metadata(html, None).authors == []


@pytest.mark.parametrize(
    "value", ["Lowmarsh Heart Foundation", "Penhallow Clinic", "Harbour Today"]
)
def test_bodies_and_outlets_by_their_last_word_sign_as_outlets(value: str) -> None:
    assert split_byline(value) == ([], [value])


def test_an_outlet_in_the_json_ld_author_gives_way_to_the_page_byline() -> None:
    ld = '{"@type": "Article", "author": {"@type": "Person", "name": "Lowmarsh Heart Foundation"}}'
    html = page(
        f'<script type="application/ld+json">{ld}</script>', '<p class="byline">By Una Pryce</p>'
    )
    meta = read_metadata(html, None)
    assert (meta.authors, meta.organisations) == (["Una Pryce"], ["Lowmarsh Heart Foundation"])


def test_the_day_beside_a_byline_is_no_name() -> None:
    assert split_byline("Sat, 20 Dec, 2025 - 06:36") == ([], [])
    assert split_byline("Una Pryce, Tue") == (["Una Pryce"], [])


def test_the_word_before_a_date_after_a_byline_goes_with_the_date() -> None:
    assert split_byline("Posted by Ivo at March 3, 2025 09:10 PM") == (["Ivo"], [])
    assert split_byline("By Una Pryce on 4 May 2025") == (["Una Pryce"], [])


def test_the_site_address_before_a_title_without_a_mark() -> None:
    html = page("<title>quaylog.example Mending old nets</title>")
    assert read_metadata(html, "https://www.quaylog.example/2025/nets").title == (
        "Mending old nets"
    )
    # a site's name (not its address) may open a real headline
    html = page(
        '<meta property="og:site_name" content="Quay Log">'
        '<meta property="og:title" content="Quay Log opens a rope museum">'
    )
    assert read_metadata(html, None).title == "Quay Log opens a rope museum"


def test_a_byline_the_reader_sees_beats_an_author_field_naming_nobody_shown() -> None:
    html = page('<meta name="author" content="Wes Oakhill">', '<p class="byline">By Una Pryce</p>')
    assert read_metadata(html, None).authors == ["Una Pryce"]
    # the field's writer named on the page too: the field stands
    html = page(
        '<meta name="author" content="Wes Oakhill">',
        '<p class="byline">By Una Pryce</p><p>Wes Oakhill edits the quay pages.</p>',
    )
    assert read_metadata(html, None).authors == ["Wes Oakhill"]
    # no byline on the page: the field stands
    html = page('<meta name="author" content="Wes Oakhill">')
    assert read_metadata(html, None).authors == ["Wes Oakhill"]


def test_a_columnist_is_a_role() -> None:
    assert split_byline("By Una Pryce, Quay Columnist") == (["Una Pryce"], [])


def test_the_first_words_of_the_site_name_are_the_site() -> None:
    html = page(
        '<meta property="og:site_name" content="Penhallow Rope Works Company">'
        "<title>Splicing a three-strand line | Penhallow Rope Works</title>"
    )
    assert read_metadata(html, None).title == "Splicing a three-strand line"


def test_outlets_come_from_the_sources_read_not_from_every_byline_on_the_page() -> None:
    ld = '{"@type": "Article", "author": {"@type": "Person", "name": "Una Pryce"}}'
    html = page(
        f'<script type="application/ld+json">{ld}</script>',
        '<p class="byline">By Una Pryce</p><div class="author-note">Quay Media</div>',
    )
    meta = read_metadata(html, None)
    assert (meta.authors, meta.organisations) == (["Una Pryce"], [])


# ---------------------------------------------------------------- issue 17, fourth stop


def test_a_logo_drawn_in_the_site_headline_is_no_headline_text() -> None:
    logo = (
        "<!-- Generator: Vector Studio 9.1 export -->"
        "<svg><title>Lowmarsh Gazette logo</title><path d='M0 0'/></svg>"
    )
    html = page(
        "<title>Ferry to run twice daily from June, the board says | Lowmarsh Gazette</title>",
        f"<h1 class='logo'><a href='/'>{logo}</a></h1><h1>Ferry to run twice daily</h1>",
    )
    html = html.replace("<head>", '<head><meta property="og:site_name" content="Lowmarsh Gazette">')
    assert read_metadata(html, None).title == "Ferry to run twice daily"


def test_a_metadata_title_cut_off_gives_way_to_the_whole_one() -> None:
    whole = "Ferry to run twice daily from June as the harbour board ends its row with the crews"
    cut = whole[: whole.index(" with")]
    ld = f'{{"@type": "NewsArticle", "headline": "{cut}"}}'
    html = page(
        f'<script type="application/ld+json">{ld}</script>'
        f'<meta property="og:title" content="{whole} - Lowmarsh Gazette">'
        '<meta property="og:site_name" content="Lowmarsh Gazette">'
    )
    assert read_metadata(html, None).title == whole


def test_a_short_metadata_title_that_another_goes_on_from_is_no_cut() -> None:
    html = page(
        '<meta property="og:title" content="Ferry timetable agreed">'
        "<title>Ferry timetable agreed after talks</title>"
    )
    assert read_metadata(html, None).title == "Ferry timetable agreed"


def test_a_part_after_the_headline_opening_with_the_site_name_is_the_site() -> None:
    html = page(
        "<title>Ferry to run twice daily | Island Life | Marshpost Harbour Edition</title>",
        "<h1>Ferry to run twice daily | Island Life | Marshpost Harbour Edition</h1>",
    )
    url = "https://news.marshpost.example/island-life/ferry-twice-daily"
    assert read_metadata(html, url).title == "Ferry to run twice daily"
    # a headline opening with the site's name keeps it
    assert strip_site("Marshpost wins press award", {"marshpost"}) == "Marshpost wins press award"


def test_byline_in_the_posts_footer_named_footer_by_its_class_counts() -> None:
    body = (
        f'<article>{BODY}<footer class="entry-footer"><p class="entry-meta">'
        '<span class="entry-author-name">Wren</span></p></footer></article>'
    )
    assert read_metadata(f"<html><body>{body}</body></html>", None).authors == ["Wren"]


@pytest.mark.parametrize(
    "line",
    [
        "<p>This post was written by Ivo Penrose, head of timetables at the harbour board.</p>",
        "<p><em>This article was written by <a href='/team'>Ivo Penrose, MBE</a>, "
        "head of timetables.</em></p>",
    ],
)
def test_a_credit_line_in_words_names_the_writer(line: str) -> None:
    authors = read_metadata(page("", line), None).authors
    assert authors in (["Ivo Penrose"], ["Ivo Penrose, MBE"])


def test_a_credit_sentence_about_someone_else_is_no_byline() -> None:
    body = "<p>The timetable was written by hand on the harbour office wall.</p>"
    assert read_metadata(page("", body), None).authors == []


def test_a_box_named_for_the_newsletter_that_holds_the_story_is_no_furniture() -> None:
    story = "<p>" + "The harbour board met the ferry company on Tuesday. " * 6 + "</p>"
    body = f'<div class="newsletter-issue"><p class="byline">by Hale Morrow</p>{story}</div>'
    assert read_metadata(page("", body), None).authors == ["Hale Morrow"]
    comments = f'<div class="comments"><p class="byline">by Hale Morrow</p>{story}</div>'
    assert read_metadata(page("", comments), None).authors == []


def test_an_author_card_in_the_sidebar_names_the_writer_when_the_article_does_not() -> None:
    card = "<aside class='post-side'><div><h4>Author</h4><p>Juno Castell</p></div></aside>"
    assert read_metadata(page("", card), None).authors == ["Juno Castell"]
    # an article byline wins, and a box of other stories names other writers
    byline = "<p class='byline'>By Esme Farrant</p>"
    assert read_metadata(page("", byline + card), None).authors == ["Esme Farrant"]
    related = "<aside class='related-posts'><div><h4>Author</h4><p>Juno Castell</p></div></aside>"
    assert read_metadata(page("", related), None).authors == []


def test_a_name_cut_to_its_initial_gives_way_to_the_whole_name() -> None:
    body = "<div class='author-name'>Tamsin R.</div><p class='byline'>By Tamsin Rowe</p>"
    assert read_metadata(page("", body), None).authors == ["Tamsin Rowe"]


def test_a_user_name_the_site_links_to_the_writers_page_is_the_byline() -> None:
    linked = '<span class="author vcard"><a href="/author/wrenmoss/">wrenmoss</a></span>'
    assert read_metadata(page("", linked), None).authors == ["wrenmoss"]
    two_words = '<a href="/author/quay-cycles/"><h4 class="author-box__name">quay cycles</h4></a>'
    assert read_metadata(page("", two_words), None).authors == ["quay cycles"]
    # in an element that only says byline, a lower-case word is no name
    hinted = '<span class="byline">wrenmoss</span>'
    assert read_metadata(page("", hinted), None).authors == []
    # and a person named in full on the page wins over the account
    named = linked + "<p class='byline'>By Wren Moss</p>"
    assert read_metadata(page("", named), None).authors == ["Wren Moss"]


def test_dublin_core_contributors_list_every_author_the_creator_field_cuts() -> None:
    head = (
        '<meta name="DC.Creator" content="Aino Varga">'
        '<meta name="DC.Contributor" content="Aino Varga">'
        '<meta name="DC.Contributor" content="Teo Lindqvist">'
        '<meta name="DC.Contributor" content="Mira Holt">'
    )
    assert read_metadata(page(head), None).authors == ["Aino Varga", "Teo Lindqvist", "Mira Holt"]


def test_the_link_to_the_writers_other_pieces_names_the_writer() -> None:
    body = "<div class='card'><button><span>All articles by Oona Petrie</span></button></div>"
    assert read_metadata(page("", body), None).authors == ["Oona Petrie"]
    box = "<div class='related'><a href='/p'>More stories by Oona Petrie</a></div>"
    assert read_metadata(page("", box), None).authors == []


def test_the_address_decides_between_a_headline_and_a_metadata_title_that_differ() -> None:
    html = page(
        '<meta property="og:title" content="Harbour board agrees new ferry timetable">',
        "<h1>New ferry timetable brings Penhallow closer</h1>",
    )
    filed = "https://marshpost.example/news/harbour-board-agrees-new-ferry-timetable"
    assert read_metadata(html, filed).title == "Harbour board agrees new ferry timetable"
    # an address that spells neither, or none, leaves the headline the reader sees
    assert read_metadata(html, "https://marshpost.example/news/story-48151").title == (
        "New ferry timetable brings Penhallow closer"
    )
    assert read_metadata(html, None).title == "New ferry timetable brings Penhallow closer"


def test_a_subtitle_after_a_colon_is_part_of_the_headline() -> None:
    html = page(
        "<title>Ferry timetable agreed | Lowmarsh Gazette</title>",
        "<h1>Ferry timetable agreed: what changes in June</h1>",
    )
    html = html.replace("<head>", '<head><meta property="og:site_name" content="Lowmarsh Gazette">')
    assert read_metadata(html, None).title == "Ferry timetable agreed: what changes in June"
    furniture = html.replace(": what changes in June", " – Lowmarsh Gazette")
    assert read_metadata(furniture, None).title == "Ferry timetable agreed"


def test_a_part_after_the_headline_spelt_from_the_address_is_the_site() -> None:
    html = page("<title>Why we row before dawn | Rowing Blog</title>")
    url = "https://blog.harbour-rowing.example/2025/why-we-row"
    assert read_metadata(html, url).title == "Why we row before dawn"
    # a part with a word the address lacks stays
    other = page("<title>Why we row before dawn | Rowing Diaries</title>")
    assert read_metadata(other, url).title == "Why we row before dawn | Rowing Diaries"


def test_one_headline_printed_twice_is_one_headline() -> None:
    """Pages print the headline once for wide screens and once for phones."""
    html = page(
        '<meta property="og:title" content="How the new ferry timetable works">'
        "<title>How the new ferry timetable works</title>",
        "<h1>The new ferry timetable explained</h1><h1>The new ferry timetable explained</h1>",
    )
    assert read_metadata(html, None).title == "The new ferry timetable explained"


def test_a_user_name_on_the_posts_date_line_is_the_byline() -> None:
    line = "<div class='post-date'><span>3 May 2025</span> <p>by wrenmoss</p></div>"
    assert read_metadata(page("", line), None).authors == ["wrenmoss"]
    # the same words in prose, or a date line's capitalised name, read as before
    prose = "<p>Timetables were drawn</p><p>by hand</p>"
    assert read_metadata(page("", prose), None).authors == []
    named = "<div class='entry-meta'>3 May 2025 <span>by Wren Moss</span></div>"
    assert read_metadata(page("", named), None).authors == ["Wren Moss"]


def test_a_headline_whose_encoding_lost_characters_gives_way_to_the_metadata() -> None:
    html = page(
        '<meta property="og:title" content="Ferry timetable: the harbour board\'s plan">',
        "<h1>Ferry timetable? the harbour board? plan</h1>",
    )
    assert read_metadata(html, None).title == "Ferry timetable: the harbour board's plan"
    # a question the headline asks is no lost character
    asked = page(
        '<meta property="og:title" content="Will the ferry run twice a day from June">',
        "<h1>Will the ferry run twice a day? Board to decide</h1>",
    )
    assert read_metadata(asked, None).title == "Will the ferry run twice a day? Board to decide"
