"""Ingestion: files, bytes and corpora to `Article`s, and bad input refused with a reason.

Every input here is written for this file (no shared or third-party text).
"""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest import (
    BadInputError,
    InputFailure,
    InputType,
    article_from_text,
    detect_type,
    read_source,
)
from dateline.ingest.decoding import normalise_text
from dateline.model import FACT_BLOCKS, Article, BlockKind
from dateline.settings import Settings

HEADLINE = "Millbrook Council Votes to Rebuild Old Stone Bridge"
BODY = (
    "The town council of Millbrook voted on Tuesday night to rebuild the old stone bridge over "
    "the river, after residents had complained for years that the crossing was no longer safe "
    "for school buses.\n\n"
    "The mayor said the work would start as soon as the engineers had finished their survey, "
    "and that the road would stay open to cyclists while the builders were on site.\n\n"
    "Some shop owners on the high street worried that the closure would keep their customers "
    "away, but most of the people who spoke at the meeting were in favour of the plan.\n"
)
ARTICLE = f"{HEADLINE}\n\n{BODY}"

GERMAN = (
    "Der Gemeinderat der kleinen Stadt hat am Abend beschlossen, die alte Steinbrücke über den "
    "Fluss neu zu bauen. Viele Bewohner hatten sich seit Jahren beschwert, dass die Brücke für "
    "Schulbusse nicht mehr sicher sei. Der Bürgermeister sagte, die Arbeiten würden beginnen, "
    "sobald die Ingenieure ihre Untersuchung abgeschlossen hätten. Einige Ladenbesitzer "
    "fürchten, dass ihre Kunden während der Bauzeit ausbleiben werden, doch die meisten Redner "
    "auf der Versammlung unterstützten den Plan.\n"
)

HTML_TITLE = "Harbour Ferry Service Returns After Long Repairs"
HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{HTML_TITLE}</title></head>
<body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
<h1>{HTML_TITLE}</h1>
<p>The small ferry that links the two halves of the harbour town of Eastwick returned to
service on Monday morning, after the engine room was rebuilt by a team of local mechanics
over the winter.</p>
<p>Passengers queued along the quay well before the first crossing, and the captain, Martha
Quayle, said she had never seen so many people waiting for the boat. "We missed them as much
as they missed us," she told the crowd from the deck.</p>
<p>The council paid for most of the repairs, but the owners of the boat also raised money from
the shops and cafes that depend on the visitors who cross the water each summer.</p>
<p>A spokesman for the council said that the timetable would be the same as before, with a
crossing every half an hour from early morning until late in the evening, and that tickets
would not cost more this year.</p>
<p>Some residents had feared that the ferry would never sail again, and many of them said they
were relieved that the town would not be cut in two for another season.</p>
</article>
<footer>Copyright Eastwick Gazette. All rights reserved.</footer>
</body></html>
"""

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
# Control characters other than tab, newline and carriage return, with a few letters between.
CONTROL_JUNK = bytes(c for c in range(1, 32) if c not in (9, 10, 13)) * 4 + b"abc\x1b[0m\x07" * 5


def read_all(path: Path, settings: Settings | None = None, **kwargs: InputType) -> list:
    return list(read_source(str(path), settings or Settings(), **kwargs))


def only_failure(path: Path, settings: Settings | None = None) -> InputFailure:
    items = read_all(path, settings)
    assert len(items) == 1, items
    failure = items[0]
    assert isinstance(failure, InputFailure), failure
    assert failure.source_id == str(path)
    assert str(path) in failure.reason
    return failure


def only_article(path: Path, settings: Settings | None = None, **kwargs: InputType) -> Article:
    items = read_all(path, settings, **kwargs)
    assert len(items) == 1, items
    article = items[0]
    assert isinstance(article, Article), article
    return article


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


# --- bad files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t\n\r\n   \n", "is empty"),
        ("image.txt", PNG_HEADER, "looks binary (it holds NUL bytes)"),
        ("junk.txt", CONTROL_JUNK, "looks binary (many control characters"),
    ],
    ids=["empty", "whitespace-only", "binary", "control-junk"],
)
def test_unreadable_files_are_refused_with_their_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    failure = only_failure(write(tmp_path, name, data))
    assert reason in failure.reason
    assert failure.reason.startswith("[D101] ")


def test_bad_input_error_says_what_it_refused() -> None:
    with pytest.raises(BadInputError) as caught:
        article_from_text("   \n  ", "pasted")
    assert caught.value.source == "pasted"
    assert "is empty" in caught.value.reason
    assert str(caught.value).startswith("[D101] pasted: is empty")


LATIN1_TEXT = (
    "The new café on Market Street opened its doors this week, and the owner said that the "
    "queue outside was longer than she had ever hoped for on a first morning in the town.\n"
)


def test_latin1_file_is_refused_as_utf8_with_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", LATIN1_TEXT.encode("latin-1"))
    failure = only_failure(path)
    assert "is not valid utf-8" in failure.reason
    assert "0xe9" in failure.reason
    assert "--encoding" in failure.reason


def test_latin1_file_reads_with_its_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", LATIN1_TEXT.encode("latin-1"))
    article = only_article(path, Settings(encoding="latin-1"))
    assert "café" in article.text
    assert article.text == LATIN1_TEXT


def test_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", ARTICLE)
    failure = only_failure(path, Settings(encoding="no-such-codec"))
    assert "unknown encoding 'no-such-codec'" in failure.reason


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    path = write(tmp_path, "story.txt", data)
    failure = only_failure(path, Settings(max_text_bytes=len(data) - 1))
    assert f"{len(data):,} bytes is over the limit of {len(data) - 1:,}" in failure.reason
    assert "--max-bytes" in failure.reason
    # The limit itself is allowed.
    assert only_article(path, Settings(max_text_bytes=len(data))).text == ARTICLE


def test_standard_input_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ARTICLE.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_source("-", Settings(max_text_bytes=100)))
    assert len(items) == 1
    assert isinstance(items[0], InputFailure)
    assert "over the limit of 100" in items[0].reason


def test_standard_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    [article] = read_source("-", Settings())
    assert isinstance(article, Article)
    assert article.text == ARTICLE
    assert article.source_id == "-"


def test_missing_file(tmp_path: Path) -> None:
    failure = only_failure(tmp_path / "nowhere.txt")
    assert "no such file" in failure.reason


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    failure = only_failure(folder)
    assert "is a folder" in failure.reason


def test_non_english_article_is_read_with_its_language(tmp_path: Path) -> None:
    # Another language is no bad input: the article is kept, marked with its language,
    # and the English stages leave it without facts (issue 13 row 13).
    assert len(GERMAN.split()) >= 60
    [article] = read_all(write(tmp_path, "bericht.txt", GERMAN))
    assert isinstance(article, Article) and article.language == "de"


def test_short_text_is_not_language_checked() -> None:
    # Too few words to judge the language: a short English note is not refused for that.
    article = article_from_text("Brief update: talks resume.", "note")
    assert article.text == "Brief update: talks resume."


# --- the text is the file's text -----------------------------------------------------------

RAW_WITH_FURNITURE = (
    "\ufeffTide Mill Reopens\tto  Visitors\r\n"
    "\r\n"
    "  The “old” tide mill on the estuary reopened on Saturday,  after a restoration that took "
    "three years and cost the village trust more than it had ‘planned’ to spend.\r\n"
    "\r\n"
    "Volunteers\tguided the first visitors through the mill house, and a miller showed them how "
    "the wheel is turned by the water that the tide leaves behind in the pond.  \r\n"
    "A lone carriage return\rstays where it is, and so does a trailing line of spaces.\n"
    "   \r\n"
)


def test_bom_and_crlf_are_the_only_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "mill.txt", RAW_WITH_FURNITURE.encode("utf-8"))
    article = only_article(path)
    expected = RAW_WITH_FURNITURE[1:].replace("\r\n", "\n")
    assert article.text == expected
    assert len(article.text) == len(RAW_WITH_FURNITURE) - 1 - RAW_WITH_FURNITURE.count("\r\n")
    assert "\r\n" not in article.text and "\ufeff" not in article.text
    for kept in ("\tto  Visitors", "“old”", "‘planned’", "guided", "return\rstays", "pond.  \n"):
        assert kept in article.text
    # The same from a string, without a file.
    assert article_from_text(RAW_WITH_FURNITURE, "mill").text == expected


def test_block_offsets_index_the_text(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "mill.txt", RAW_WITH_FURNITURE.encode("utf-8")))
    assert article.title == "Tide Mill Reopens\tto  Visitors"
    assert article.blocks
    for block in article.blocks:
        piece = article.text[block.start : block.end]
        assert piece == piece.strip() and piece


# --- detection -----------------------------------------------------------------------------

JSONL_TEXT = json.dumps({"id": "x1", "text": ARTICLE}) + "\n"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("story.html", "Plain words, no tags.", InputType.HTML),
        ("STORY.HTM", "Plain words, no tags.", InputType.HTML),
        ("corpus.jsonl", "Plain words, no braces.", InputType.JSONL),
        ("story.txt", ARTICLE, InputType.TEXT),
        ("saved-page.txt", HTML_PAGE, InputType.HTML),
        (
            "fragment.txt",
            "<p>One</p><p>Two</p><p>Three</p><div>Four</div><p>Five</p>",
            InputType.HTML,
        ),
        ("corpus", JSONL_TEXT, InputType.JSONL),
        ("notes", ARTICLE, InputType.TEXT),
        ("brace.txt", "{not a json line\nsecond line}", InputType.TEXT),
    ],
)
def test_detect_type(name: str, content: str, kind: InputType) -> None:
    assert detect_type(name, content) == kind


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "saved-page.txt", HTML_PAGE))
    assert "<p>" not in article.text
    assert article.title == HTML_TITLE
    assert "Martha\nQuayle" not in article.text and "Martha Quayle" in article.text


def test_input_type_text_reads_html_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "saved-page.html", HTML_PAGE)
    article = only_article(path, input_type=InputType.TEXT)
    assert article.text == HTML_PAGE


def test_jsonl_content_without_extension_is_a_corpus(tmp_path: Path) -> None:
    [article] = read_all(write(tmp_path, "corpus", JSONL_TEXT))
    assert isinstance(article, Article)
    assert article.source_id == "x1"
    assert article.text == ARTICLE


# --- JSONL corpora -------------------------------------------------------------------------


def test_jsonl_corpus_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": BODY,
                "title": "Bridge vote in Millbrook",
                "published": "2021-06-01",
                "url": "https://example.org/bridge",
                "section": "local",
            }
        ),
        '{"id": "a2", "text": "the line stops here',
        "[1, 2, 3]",
        json.dumps({"id": "a4", "body": "no text field"}),
        json.dumps({"id": "a5", "html": HTML_PAGE, "published": "2020-02-02"}),
        "",
        json.dumps({"id": 6, "text": ARTICLE}),
    ]
    path = write(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")
    where = str(path)
    items = read_all(path)
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputFailure",
        "InputFailure",
        "InputFailure",
        "Article",
        "Article",
    ]
    first, broken, array, no_text, page, last = items

    assert first.source_id == "a1"
    assert first.text == BODY
    assert first.title == "Bridge vote in Millbrook"  # the text has no headline of its own
    assert first.url == "https://example.org/bridge"
    assert (first.published, first.published_from) == ("2021-06-01", "given")

    assert broken.source_id == f"{where}:2"
    assert f"{where}:2: not a JSON line" in broken.reason
    assert array.source_id == f"{where}:3"
    assert "must be a JSON object, not list" in array.reason
    # An object that has an id keeps it, so the failure joins back to its input.
    assert no_text.source_id == "a4"
    assert f"{where}:4" in no_text.reason
    assert 'no "text" or "html"' in no_text.reason

    assert page.source_id == "a5"
    assert page.title == HTML_TITLE
    assert "Martha Quayle" in page.text and "<p>" not in page.text
    assert (page.published, page.published_from) == ("2020-02-02", "given")

    assert last.source_id == "6"
    assert last.text == ARTICLE
    assert last.title == HEADLINE


def test_jsonl_given_title_and_the_texts_own_headline(tmp_path: Path) -> None:
    lines = [
        # The given title is the text's headline: the line is the title, not a fact.
        json.dumps({"id": "same", "text": ARTICLE, "title": HEADLINE}),
        # A different given title wins, but the headline is still never read as body text.
        json.dumps({"id": "other", "text": ARTICLE, "title": "Bridge to be rebuilt"}),
    ]
    same, other = read_all(write(tmp_path, "titles.jsonl", "\n".join(lines)))
    assert same.title == HEADLINE
    assert same.blocks[0].kind == BlockKind.TITLE
    assert other.title == "Bridge to be rebuilt"
    assert other.blocks[0].kind not in FACT_BLOCKS
    for article in (same, other):
        fact_text = " ".join(
            article.text[b.start : b.end] for b in article.blocks if b.kind in FACT_BLOCKS
        )
        assert HEADLINE not in fact_text


def test_jsonl_own_dateline_beats_given_date_but_takes_its_year(tmp_path: Path) -> None:
    text = "MILLBROOK, March 3 (Reuters) — " + BODY
    line = json.dumps({"id": "d", "text": text, "published": "2021-06-01"})
    [article] = read_all(write(tmp_path, "dated.jsonl", line))
    assert (article.published, article.published_from) == ("2021-03-03", "dateline")


def test_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    big = BODY * 40
    lines = [
        json.dumps({"id": "small-1", "text": ARTICLE}),
        json.dumps({"id": "big", "text": big}),
        json.dumps({"id": "german", "text": GERMAN}),
        json.dumps({"id": "small-2", "text": BODY}),
    ]
    path = write(tmp_path, "corpus.jsonl", "\n".join(lines))
    limit = 2_000
    # The corpus as a whole may be larger than one article may be.
    assert path.stat().st_size > limit > len(ARTICLE.encode("utf-8"))
    items = read_all(path, Settings(max_text_bytes=limit))
    assert [i.source_id for i in items] == ["small-1", "big", "german", "small-2"]
    assert [isinstance(i, Article) for i in items] == [True, False, True, True]
    size = len(big.encode("utf-8"))
    assert f"big: {size:,} bytes is over the limit of {limit:,}" in items[1].reason
    assert isinstance(items[2], Article) and items[2].language == "de"


def test_empty_jsonl_corpus_is_refused(tmp_path: Path) -> None:
    # An empty .jsonl file is refused like any empty file, not silently skipped.
    failure = only_failure(write(tmp_path, "corpus.jsonl", "\n\n"))
    assert "is empty" in failure.reason


# --- the normaliser, as a property ---------------------------------------------------------

_LINE_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
_LINE = st.text(_LINE_CHARS | st.sampled_from(["\t", " ", "\u00a0", "“", "’"]), max_size=30)


@given(
    bom=st.booleans(),
    lines=st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\r\n"])), min_size=1, max_size=8),
)
def test_normalise_text_drops_only_bom_and_cr(bom: bool, lines: list[tuple[str, str]]) -> None:
    raw = ("\ufeff" if bom else "") + "".join(line + end for line, end in lines)
    expected = "".join(line + "\n" for line, _ in lines)
    if not expected.strip():
        with pytest.raises(BadInputError):
            normalise_text(raw, "prop")
        return
    assert normalise_text(raw, "prop") == expected


@given(st.text().filter(lambda t: t.strip() and "\x00" not in t))
def test_normalise_text_either_refuses_or_changes_only_bom_and_crlf(text: str) -> None:
    try:
        result = normalise_text(text, "prop")
    except BadInputError as err:
        assert err.source == "prop"
        if not text.removeprefix("\ufeff").strip():
            assert "is empty" in err.reason
        else:
            assert "looks binary" in err.reason
            assert sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in text) > 3
        return
    assert result == text.removeprefix("\ufeff").replace("\r\n", "\n")
