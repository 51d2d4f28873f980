"""The layout of web-copied text: which lines are headline, byline, caption, heading, body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import article_from_text
from dateline.ingest.webtext import byline_names, read_layout
from dateline.model import FACT_BLOCKS, Article, BlockKind

PAGE = (
    "Mayor Quits After Flood Inquiry Finds Warnings Ignored\n"
    "\n"
    "“We were told, and we did nothing,” the inquiry chair wrote in her final report.\n"
    "Mayor Quits After Flood Inquiry Finds Warnings Ignored\n"
    "Residents clear mud from a street in Valencia, Spain, on Nov. 3, 2024. "
    "Pablo Ruiz/AFP via Getty Images\n"
    "Lucia Ferrer\n"
    "Updated:\n"
    "1:42\n"
    "\n"
    "The mayor of a flooded town resigned on Monday after an inquiry found that warnings had "
    "been ignored for hours before the river burst its banks.\n"
    "\n"
    "Warnings Went Unheeded\n"
    "\n"
    "The report said that officials received three alerts before midnight.\n"
)


def _kinds(article: Article) -> list[tuple[BlockKind, str]]:
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


def test_web_page_furniture_is_recognised() -> None:
    article = article_from_text(PAGE, "page.txt")
    kinds = [kind for kind, _ in _kinds(article)]
    assert kinds == [
        BlockKind.TITLE,
        BlockKind.STANDFIRST,
        BlockKind.REPEATED_TITLE,
        BlockKind.CAPTION,
        BlockKind.BYLINE,
        BlockKind.BOILERPLATE,
        BlockKind.BOILERPLATE,
        BlockKind.BODY,
        BlockKind.HEADING,
        BlockKind.BODY,
    ]
    assert article.title == "Mayor Quits After Flood Inquiry Finds Warnings Ignored"
    assert article.byline == ["Lucia Ferrer"]
    assert [h.text for h in article.headings] == ["Warnings Went Unheeded"]
    assert article.captions[0].credit == "Pablo Ruiz/AFP via Getty Images"
    assert article.published == "2024-11-03"
    assert article.published_from == "caption"


def test_offsets_index_the_input_exactly() -> None:
    article = article_from_text(PAGE, "page.txt")
    assert article.text == PAGE
    for block in article.blocks:
        assert (
            article.text[block.start : block.end].strip() == article.text[block.start : block.end]
        )
    for span in [*article.headings, *article.byline_spans, *(c.span for c in article.captions)]:
        assert article.text[span.start : span.end] == span.text


def test_wire_story_with_dateline_and_hard_wrapped_paragraphs() -> None:
    text = (
        "Ceasefire Talks Resume in Cairo\n\n"
        "By Omar Haddad and Ellen Brooks\n\n"
        "CAIRO, June 4 (Reuters) — Negotiators returned to Cairo on Wednesday for a\n"
        "new round of talks, two officials said, as fighting continued in the\n"
        "south of the country.\n\n"
        "The talks follow a pause that began in May 2025.\n"
    )
    article = article_from_text(text, "wire.txt")
    body = [t for k, t in _kinds(article) if k == BlockKind.BODY]
    assert body[0].startswith("CAIRO, June 4") and body[0].endswith("south of the country.")
    assert article.byline == ["Omar Haddad", "Ellen Brooks"]
    assert article.dateline is not None and article.dateline.text.startswith(
        "CAIRO, June 4 (Reuters) —"
    )
    assert (article.published, article.published_from) == ("2025-06-04", "dateline")


def test_a_dateline_without_any_year_stays_underspecified() -> None:
    text = "Talks Resume\n\nGENEVA, March 3 — Negotiators met again on Tuesday, officials said.\n"
    article = article_from_text(text, "wire.txt")
    assert (article.published, article.published_from) == ("XXXX-03-03", "dateline")


def test_given_date_is_used_when_the_text_has_none() -> None:
    article = article_from_text(
        "Officials met on Tuesday and agreed to meet again.", "x", published="2024-02-02"
    )
    assert (article.published, article.published_from) == ("2024-02-02", "given")


def test_inferred_from_the_latest_reported_date() -> None:
    text = (
        "Rivals Sign Truce\n\nThe two sides signed a truce on March 2, 2025, "
        "after talks that began "
        "on Jan. 10, 2025, the mediators said.\n"
    )
    article = article_from_text(text, "x")
    assert (article.published, article.published_from) == ("2025-03-02", "inferred")


def test_byline_forms() -> None:
    assert [n for _, n in byline_names("By Jane Roe and John Doe")] == ["Jane Roe", "John Doe"]
    assert [n for _, n in byline_names("Jane Roe | The Daily Ledger")] == ["Jane Roe"]
    assert [n for _, n in byline_names("BY ANA DE LA CRUZ")] == ["ANA DE LA CRUZ"]
    assert byline_names("The talks collapsed, officials said") == []


def test_a_two_word_dateline_before_prose_is_no_byline() -> None:
    text = (
        "PORT LOUIS — The ferry strike ended on Friday after the union and the owners "
        "agreed on pay.\n\nSailors went back to work."
    )
    article = article_from_text(text, "x")
    assert article.blocks[0].kind is BlockKind.BODY and not article.byline
    assert article.dateline is not None and article.dateline.text.startswith("PORT LOUIS")


def test_a_dateline_s_country_may_hold_of_and_the() -> None:
    text = (
        "Road reopens\n\nBUKAVU, Democratic Republic of the Congo (AP) - Traders crossed "
        "the bridge to Rwanda on Monday for the first time in a week.\n\nMarkets reopened."
    )
    article = article_from_text(text, "x")
    assert article.dateline is not None
    assert article.dateline.text.startswith("BUKAVU, Democratic Republic of the Congo (AP)")


def test_a_single_paragraph_is_body_not_title() -> None:
    article = article_from_text("The talks collapsed on Monday, officials said.", "x")
    assert [b.kind for b in article.blocks] == [BlockKind.BODY]
    assert article.title is None


lines = st.lists(
    st.one_of(
        st.sampled_from(["Updated:", "0:00", "By Jane Roe", "Advertisement", "", "A Heading Here"]),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_blocks_tile_the_text_in_order(parts: list[str]) -> None:
    text = "\n".join(parts)
    article = read_layout(Article(text=text))
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(text)
        piece = text[block.start : block.end]
        assert piece == piece.strip() and piece
        previous_end = block.end
    covered = {i for b in article.blocks for i in range(b.start, b.end)}
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
    assert sum(b.kind == BlockKind.TITLE for b in article.blocks) <= 1
    assert all(b.kind in set(BlockKind) for b in article.blocks)
    assert set(BlockKind) >= FACT_BLOCKS


def test_a_dateline_on_a_line_of_its_own_opens_the_body_and_is_no_title() -> None:
    text = (
        "LIMA, June 12, 2023 (Andina) --\n"
        "\n"
        "Peru's congress approved a new mining law on Tuesday after a long debate.\n"
    )
    article = article_from_text(text, "wire.txt")
    assert article.title is None
    assert [kind for kind, _ in _kinds(article)] == [BlockKind.BODY, BlockKind.BODY]
    assert article.dateline is not None
    assert article.dateline.text == "LIMA, June 12, 2023 (Andina) --"
    assert article.published == "2023-06-12"
