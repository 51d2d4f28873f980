"""Tests of reading a news page's HTML into an Article (dateline.ingest.html).

Every page here is written for these tests: a made-up town, council and newspaper.
"""

from __future__ import annotations

import pytest

from dateline.errors import DatelineError
from dateline.ingest.html import MalformedHtmlError, _htmldate, article_from_html
from dateline.ingest.metadata import split_authors
from dateline.model import Article, BlockKind

PIER_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour town votes to rebuild its old pier | The Coastal Ledger</title>
  <meta property="og:title" content="Harbour town votes to rebuild its old pier">
  <meta name="author" content="By Maria Okafor and Tomas Lindqvist">
  <meta property="article:published_time" content="2023-09-14T08:30:00+00:00">
  <link rel="canonical" href="https://ledger.example.com/2023/09/14/pier-vote">
</head>
<body>
  <div class="cookie-banner" id="cookie-consent">
    <p>We use cookies to improve your experience. Accept all cookies or manage preferences.</p>
    <button>Accept</button>
  </div>
  <header>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local politics</a></li>
    <li><a href="/sport">Sport section</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Harbour town votes to rebuild its old pier</h1>
      <p>The council of Port Averly voted seven to two on Wednesday evening to rebuild the
      wooden pier that storms wrecked last winter, ending a year of argument over its future.</p>
      <p>Mayor Helen Brandt said the new pier would be built of concrete and steel and should
      open to walkers and anglers by the summer of 2025.</p>
      <h2>Cost and funding</h2>
      <p>The work is expected to cost about 4.2 million euros, most of it from a regional
      harbour fund, with the rest raised through a small levy on moorings.</p>
      <p>Two councillors voted against the plan, saying the levy would fall hardest on the
      small fishing boats that still work from the harbour every morning.</p>
      <h2>What happens next</h2>
      <p>Engineers will survey the sea bed in October, and the old timber will be cleared
      before the winter storms arrive, the council said in a statement.</p>
    </article>
  </main>
  <footer>
    <p>Copyright 2023 The Coastal Ledger. All rights reserved. Write to the letters page.</p>
    <a href="/privacy">Privacy policy</a>
  </footer>
</body>
</html>
"""

# No og:title, so the page title is <title> with the site's name after the headline.
LIBRARY_PAGE = """<html><head>
<title>Library reopens after flood repairs - Averly Evening Post</title>
<meta name="author" content="Jun Park, Staff Writer">
</head><body>
<article>
<h1>Library reopens after flood repairs</h1>
<p>The public library on Quay Street reopened on Monday after eight months of repairs to the
ground floor, which the river flooded in January.</p>
<p>Readers queued from early morning, and the children's corner was full within an hour of
the doors opening, staff said.</p>
<p>The repairs were paid for by the county insurance scheme and a collection among
residents that raised more than twelve thousand euros.</p>
<ul>
<li>New shelving that stands on raised feet</li>
<li>A pump room under the reading hall</li>
</ul>
</article>
</body></html>
"""


@pytest.fixture(scope="module")
def pier() -> Article:
    return article_from_html(PIER_PAGE, "pier-1")


def block_texts(article: Article, kind: BlockKind | None = None) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks if kind is None or b.kind == kind]


# ---------------------------------------------------------------- metadata


def test_metadata_title_byline_date_url(pier: Article) -> None:
    assert pier.source_id == "pier-1"
    assert pier.title == "Harbour town votes to rebuild its old pier"
    assert pier.byline == ["Maria Okafor", "Tomas Lindqvist"]
    assert pier.metadata_date == "2023-09-14T08:30:00+00:00"  # the page gives time and zone
    assert pier.url == "https://ledger.example.com/2023/09/14/pier-vote"


def test_metadata_date_is_not_the_published_date(pier: Article) -> None:
    """A later stage decides `published` (and from what); the page only gives a hint."""
    assert pier.published is None
    assert pier.published_from is None


def test_url_argument_wins_over_canonical() -> None:
    article = article_from_html(PIER_PAGE, None, url="https://mirror.example.org/pier")
    assert article.url == "https://mirror.example.org/pier"
    assert article.source_id is None


def test_title_drops_site_name_when_the_headline_shows_it() -> None:
    article = article_from_html(LIBRARY_PAGE, "lib")
    assert article.title == "Library reopens after flood repairs"
    assert article.blocks[0].kind == BlockKind.TITLE


def test_byline_role_dropped() -> None:
    article = article_from_html(LIBRARY_PAGE, "lib")
    assert article.byline == ["Jun Park"]


def test_page_without_date_or_author() -> None:
    html = LIBRARY_PAGE.replace('<meta name="author" content="Jun Park, Staff Writer">', "")
    article = article_from_html(html, "lib")
    assert article.byline == []
    assert article.metadata_date is None


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("By Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("Ann Lee; Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("Ann Lee, Bo Chan & Cy Dunn", ["Ann Lee", "Bo Chan", "Cy Dunn"]),
        ("Ann Lee; Staff", ["Ann Lee"]),
        ("Ann Lee; ANN LEE", ["Ann Lee"]),
        ("Reuters", []),
        ("Last Updated January 7", []),
        ("Analysis by Bo Chan", ["Bo Chan"]),
        ("Ann Lee http example org ann", ["Ann Lee"]),
        ("", []),
        (None, []),
    ],
)
def test_split_authors(raw: str | None, names: list[str]) -> None:
    assert split_authors(raw) == names


def test_split_authors_restores_the_page_spelling() -> None:
    """trafilatura writes "Ann B. Lee" as "Ann B Lee"; the page's own form is kept."""
    html = '<meta name="author" content="Ann B. Lee">'
    assert split_authors("Ann B Lee", html) == ["Ann B. Lee"]


def test_split_authors_keeps_name_before_role_when_page_shows_it() -> None:
    html = '<a class="author">Bo Chan</a><span class="role">Travel Editor</span>'
    assert split_authors("Bo Chan Travel Editor", html) == ["Bo Chan"]
    assert split_authors("Bo Chan Travel Editor", "") == []


# ---------------------------------------------------------------- blocks, headings, offsets


def test_headings_become_heading_blocks_and_spans(pier: Article) -> None:
    assert block_texts(pier, BlockKind.HEADING) == ["Cost and funding", "What happens next"]
    assert [h.text for h in pier.headings] == ["Cost and funding", "What happens next"]


def test_headline_is_a_title_block_not_a_heading(pier: Article) -> None:
    assert pier.blocks[0].kind == BlockKind.TITLE
    assert block_texts(pier)[0] == pier.title
    assert all(h.text != pier.title for h in pier.headings)


def test_paragraphs_are_body_blocks(pier: Article) -> None:
    body = block_texts(pier, BlockKind.BODY)
    assert len(body) == 5
    assert body[0].startswith("The council of Port Averly voted seven to two")
    assert body[-1].endswith("the council said in a statement.")


def test_offsets_index_the_text_exactly(pier: Article) -> None:
    for span in pier.headings:
        assert pier.text[span.start : span.end] == span.text
    texts = block_texts(pier)
    assert "\n\n".join(texts) == pier.text
    for block, following in zip(pier.blocks, pier.blocks[1:], strict=False):
        assert pier.text[block.end : following.start] == "\n\n"
    assert pier.blocks[0].start == 0
    assert pier.blocks[-1].end == len(pier.text)


def test_whitespace_inside_paragraphs_is_collapsed(pier: Article) -> None:
    assert "rebuild the wooden pier" in pier.text
    assert "  " not in pier.text


def test_list_items_are_blocks_of_their_own() -> None:
    article = article_from_html(LIBRARY_PAGE, "lib")
    texts = block_texts(article, BlockKind.BODY)
    assert "New shelving that stands on raised feet" in texts
    assert "A pump room under the reading hall" in texts


# ---------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    "furniture",
    ["cookies", "Accept", "Local politics", "Sport section", "Copyright", "Privacy policy"],
)
def test_boilerplate_is_not_in_the_text(pier: Article, furniture: str) -> None:
    assert furniture not in pier.text


# ---------------------------------------------------------------- malformed input


@pytest.mark.parametrize(
    ("html", "hint"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("<html><<<", "no article text"),
        ("<html><body></body></html>", "no article text"),
        ("<html><head><script>var a = 1;</script></head></html>", "no article text"),
        ("just a sentence of plain text, no markup", "--input-type text"),
        ("\x00\x01\x02binary<\x03\x04", "binary"),
    ],
)
def test_malformed_html_raises_readable_error(html: str, hint: str) -> None:
    with pytest.raises(MalformedHtmlError) as caught:
        article_from_html(html, "bad")
    message = str(caught.value)
    assert message.startswith("[D104]")
    assert hint in message
    assert isinstance(caught.value, DatelineError)


def test_page_with_only_a_menu_is_refused() -> None:
    html = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World news</a></li><li><a href='/about'>About us</a></li>"
        "</ul></nav><footer>Contact</footer></body></html>"
    )
    with pytest.raises(MalformedHtmlError, match="news article page"):
        article_from_html(html, "menu")


def test_garbage_never_escapes_as_a_raw_exception() -> None:
    junk = [
        "<" * 5000,
        "<div>" * 2000,
        "<p>\ud800 lone surrogate</p>",
        "".join(chr(c) for c in range(1, 600)),
        PIER_PAGE[: len(PIER_PAGE) // 3],
        PIER_PAGE[len(PIER_PAGE) // 2 :],
    ]
    for html in junk:
        try:
            article = article_from_html(html, "junk")
        except MalformedHtmlError:
            continue
        for block in article.blocks:
            assert article.text[block.start : block.end].strip()


def test_error_code() -> None:
    assert MalformedHtmlError.code == "D104"


def test_unclosed_tags_still_extract() -> None:
    html = (
        "<html><body><article><h1>Ferry strike ends<p>Ferry crews in Port Averly returned "
        "to work on Friday after a four-day strike over rotas, their union said, and the "
        "morning crossing left on time.<p>Talks on pay will resume next month, the operator "
        "said in a short statement to passengers waiting at the quay."
    )
    article = article_from_html(html, "unclosed")
    assert "Ferry crews in Port Averly returned to work on Friday" in article.text
    assert "Talks on pay will resume next month" in article.text


def test_a_copyright_year_alone_is_no_publication_day() -> None:
    """htmldate answers 1 January of the year it finds in "© 2020"; that day is no date."""
    page = (
        "<html><head><title>Ferry</title></head><body><article><p>The ferry between Lowmarsh"
        " and Penhallow will run twice a day.</p></article>"
        "<footer>© 2020 Lowmarsh Gazette</footer></body></html>"
    )
    assert _htmldate(page, None) is None
    dated = page.replace("<article>", '<article><p class="date">Posted 12 March 2021</p>')
    assert _htmldate(dated, None) == "2021-03-12"


def test_figure_caption_becomes_a_caption_block_where_the_picture_stood() -> None:
    figure = (
        '<figure><img src="/photos/pier.jpg" alt="">'
        "<figcaption>The wrecked pier at Port Averly after the January storm.</figcaption>"
        "</figure>"
    )
    page = PIER_PAGE.replace("<h2>Cost and funding</h2>", figure + "<h2>Cost and funding</h2>")
    article = article_from_html(page, "pier", url="https://ledger.example.com/2023/09/14/pier")
    kinds = [block.kind for block in article.blocks]
    assert BlockKind.CAPTION in kinds
    caption = article.blocks[kinds.index(BlockKind.CAPTION)]
    assert article.text[caption.start : caption.end] == (
        "The wrecked pier at Port Averly after the January storm."
    )
    # after the paragraph the figure follows, before the section heading
    assert kinds[kinds.index(BlockKind.CAPTION) + 1] is BlockKind.HEADING
    assert [c.span.text for c in article.captions] == [article.text[caption.start : caption.end]]


def test_picture_without_a_caption_adds_no_block() -> None:
    figure = '<figure><img src="/photos/pier.jpg" alt="The pier"></figure>'
    page = PIER_PAGE.replace("<h2>Cost and funding</h2>", figure + "<h2>Cost and funding</h2>")
    article = article_from_html(page, "pier")
    assert BlockKind.CAPTION not in {block.kind for block in article.blocks}
    assert article.text == article_from_html(PIER_PAGE, "pier").text
