"""Read a news page's HTML into an `Article`: main text, title, byline and metadata date.

The main-text extraction is trafilatura's, not ours: it is tuned on far more pages than we
could test. We ask it for XML rather than plain text because the XML keeps the paragraph and
heading structure, which becomes `Article.blocks` and `Article.headings`. The page's date goes
into `Article.metadata_date` only; a later stage weighs it against the text's own dateline.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import trafilatura
from htmldate import find_date
from lxml import etree

from dateline.errors import DatelineError
from dateline.ingest import evidence
from dateline.ingest.captions import anchor_key, figure_captions
from dateline.ingest.dates import local_day
from dateline.ingest.metadata import read_metadata
from dateline.model import Article, Block, BlockKind, Caption, Span


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """The trafilatura options we extract with, and whether figure captions come back.

    Chosen by 5-fold cross-validation over both extract dev sets (benchmarks/extract_cv.py):
    `favor_recall` + `fast` won on 4 of 5 held folds (whole-dev BoW F1 0.969 on dev.jsonl,
    0.941 on WCXB; trafilatura's defaults 0.955 / 0.945, `favor_recall` alone 0.963 / 0.946).
    Comments are never article text. Tables often are (results, figures): without them F1
    fell. `fast` skips the fallback extractors, which more often swapped a good extraction
    for a page-wide one than rescued a bad one. `captions` puts back the figure captions
    trafilatura drops (captions.py), at 0.001 of F1 (the gold texts leave them out).
    `deduplicate` stays off: its cache is process-wide, so once a page had been analysed a
    few times in one process its paragraphs would start to vanish.
    """

    favor_recall: bool = True
    favor_precision: bool = False
    fast: bool = True
    include_tables: bool = True
    include_comments: bool = False
    captions: bool = True
    # Fewer words than this from the fast run: trafilatura is run again with its defaults
    # (fallback extractors on), and the longer text kept unless what it adds is a listing's
    # excerpts (`_adds_teasers`). 0: never. 250 was chosen on 4 of 5 held folds over 100,
    # 250 and 500 (held-fold BoW F1 dev / WCXB: 100 0.971 / 0.946, 250 0.971 / 0.950; 500
    # costs dev 0.003): without the excerpt guard, 250 swapped a whole short post for the
    # blog page listing it, and 100 was chosen.
    short_text: int = 250
    # The fast run's text holding less than this share of the words in the page's <p>
    # elements gets the same second look: trafilatura's main extractor sometimes stops after
    # the first section of a long article (a heading or a figure it takes for the end), and
    # the defaults' fallbacks find the rest. 0: never. 0.25 was chosen on 5 of 5 held folds
    # over 0, 0.35 and 0.5 (held-fold BoW F1 WCXB 0.9511 -> 0.9526, recall 0.962 -> 0.965,
    # dev.jsonl 0.9713 unchanged; 0.5 cost dev.jsonl 0.004: a news page whose other
    # stories' summaries are paragraphs too).
    thin_share: float = 0.25


EXTRACT_OPTIONS = ExtractOptions()

# Page furniture removed before extraction. trafilatura's own extractor drops these already;
# pruning them up front keeps its last-resort baseline from returning a bare menu as the
# article when a page has no article at all (no change on the dev set). A container holding
# a paragraph of prose is kept: an unclosed tag before a <nav> makes the parser nest the
# rest of the page, article and all, inside it (6 WCXB dev pages lost their text so).
_PROSE = "not(.//p[string-length(normalize-space()) > 200])"
# Boxes that sit inside the article's container but are not the story: other stories'
# teasers, newsletter and cookie prompts. Named by a class or id that opens with the hint
# ("related-posts", "newsletter_section"; not "map-and-related", a page's main column),
# pruned like the furniture above when they hold no prose and no headline.
_BOILERPLATE_HINTS = ("related", "newsletter", "cookie", "subscribe", "read-next", "readnext")
FURNITURE_XPATH = [
    f"//nav[{_PROSE}]",
    f"//footer[{_PROSE}]",
    f"//aside[{_PROSE}]",
    f"//menu[{_PROSE}]",
    f"//*[@role='navigation'][{_PROSE}]",
    f"//*[@role='contentinfo'][{_PROSE}]",
    *(
        # the name is tested first: it is cheap, and the prose test reads the whole box
        f"//*[self::div or self::section or self::ul or self::aside]"
        f"[contains(concat(' ', @class), ' {hint}') or starts-with(@id, '{hint}')]"
        f"[{_PROSE}][not(.//h1)]"
        for hint in _BOILERPLATE_HINTS
    ),
]

# Furniture kinds named anywhere in a class or id (issue 17's sixth stop): the writer's bio
# box under the story ("author-bio", "about-the-author", the Simple Author Box plugin),
# copyright lines, cookie and consent prompts ("wt-cli-cookie-bar", "gdpr-notice"),
# newsletter and sign-up boxes ("footer-newsletter", "mc-subscribe"), notification bars and
# call-to-action or donation boxes, lists of popular or recent posts, and the links to the
# previous and next post. Chosen on the extract dev sets by the words such boxes hold that
# the gold lacks against those it keeps: related boxes named anywhere, share bars, tag
# lists, widgets, sidebars, photo credits and comment sections lost as much as they won
# there (a page's main column is often "has-sidebar", "comments-open", "tag-news").
_FURNITURE_NAME = re.compile(
    r"(?:author|writer)[-_]?(?:bio|box|info|card|profile|about|details)"
    r"|about[-_]?(?:the[-_]?)?author|saboxplugin|copyright|cookie|consent|gdpr"
    r"|newsletter|subscri|sign[-_]?up|notification[-_]?bar|promo[-_]?bar|cta[-_]?box"
    r"|donat|popular|trending|most[-_]?(?:read|viewed)|recent[-_]?posts"
    r"|post[-_]?nav|nav[-_]links|pagination|prev[-_]?next",
    re.IGNORECASE,
)
# Overlays by a whole word only ("modal", not "modality"); pruned outside the <article>.
_OVERLAY_NAME = re.compile(
    r"(?:^|[\s_-])(?:modal|popup|pop-up|overlay|lightbox)(?:[\s_-]|$)", re.IGNORECASE
)
# A class or id value in the page's source (its first quoted value; no case folding and no
# word boundary, which made this search a tenth of the extraction's time).
_CLASS_OR_ID = re.compile(r"""(?:class|id)\s*=\s*["']([^"'<>]*)""")
_BOX_TAGS = "self::div or self::section or self::aside or self::ul or self::ol or self::p"
_MAX_NAMES = 100


def furniture_xpath(html: str) -> list[str]:
    """The prune expressions for one page: FURNITURE_XPATH and the boxes its own class and
    id values name as furniture.

    The names are found in the page's source by regular expression, and the XPath tests
    the spellings found (`contains()`, or equality for overlays): trafilatura compiles
    prune expressions without the EXSLT regular-expression extension, and a case-blind
    `contains()` for every spelling of every kind made extraction four times slower.
    """
    values = {found.group(1) for found in _CLASS_OR_ID.finditer(html)}
    values = {value for value in values if "'" not in value}
    spellings = sorted({m.group(0) for v in values for m in _FURNITURE_NAME.finditer(v)})
    overlays = sorted(v for v in values if _OVERLAY_NAME.search(v))
    extra = []
    if spellings:
        named = " or ".join(
            f"contains(@class, '{s}') or contains(@id, '{s}')" for s in spellings[:_MAX_NAMES]
        )
        extra.append(
            f"//*[{_BOX_TAGS} or self::form or self::table][{named}][{_PROSE}][not(.//h1)]"
        )
    if overlays:
        named = " or ".join(f"@class='{v}' or @id='{v}'" for v in overlays[:_MAX_NAMES])
        extra.append(
            f"//*[self::div or self::section][{named}][not(ancestor::article)]"
            f"[{_PROSE}][not(.//h1)]"
        )
    return FURNITURE_XPATH + extra


BLOCK_SEPARATOR = "\n\n"
NO_TEXT_MESSAGE = (
    "no article text could be extracted from the HTML: is this a news article page? "
    "pass --input-type text to read it as plain text"
)

# Elements of trafilatura's XML that hold whole blocks: each starts a block of its own. A table
# row is one block (its cells joined by " | "), so cells are not in this set.
_BLOCK_TAGS = frozenset(
    {"p", "head", "quote", "code", "item", "list", "table", "row", "div", "main", "section"}
)
# Elements inside a block that must not glue their words to the neighbours' words.
_SPACED_INLINE = frozenset({"p", "head", "quote", "item", "list", "row", "table", "code"})

# A site name after the headline in <title>: " | Site", " - Site", " — Site", " » Site".
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—»·/]\s+\S.{0,80}")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_WORD = re.compile(r"[^\W\d_]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR_ONLY = "-01-01"
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']?canonical["']?[^>]+href=["']([^"'>\s]+)"""
    r"""|<meta[^>]+property=["']og:url["'][^>]+content=["']([^"'>\s]+)""",
    re.IGNORECASE,
)

logger = logging.getLogger(__name__)


class MalformedHtmlError(DatelineError):
    """The HTML is empty, unreadable, or holds no article text trafilatura can find."""

    code = "D104"


@dataclass(frozen=True, slots=True)
class _RawBlock:
    """One block of extracted text before offsets are assigned."""

    text: str
    kind: BlockKind


def article_from_html(
    html: str,
    source_id: str | None,
    url: str | None = None,
    *,
    options: ExtractOptions = EXTRACT_OPTIONS,
) -> Article:
    """Extract the article a news page holds: its text, title, byline and metadata date.

    Raises MalformedHtmlError when the page is empty, not HTML, or has no article text, with a
    message saying what to try instead, rather than handing back an empty article that every
    later stage would silently find nothing in.
    """
    _check_input(html)
    tree = evidence.parse(html)
    prose = prose_words(tree) if tree is not None and options.thin_share else 0
    raw_blocks = list(_blocks_from_xml(_run_trafilatura(html, url, options, prose)))
    if not any(_WORD.search(raw.text) for raw in raw_blocks):
        raise MalformedHtmlError(NO_TEXT_MESSAGE)
    if tree is not None and options.captions:
        raw_blocks = _with_captions(raw_blocks, figure_captions(tree))
    meta = read_metadata(html, url, tree)
    raw_blocks, title = _mark_title(raw_blocks, meta.title)
    article = _assemble(raw_blocks)
    article.captions = [
        Caption(article.span(block.start, block.end))
        for block in article.blocks
        if block.kind == BlockKind.CAPTION
    ]
    article.source_id = source_id
    article.title = title
    article.url = url or _canonical_url(html)
    article.byline = meta.authors
    article.byline_org = meta.organisations
    article.metadata_date = local_day(meta.published, article.url) or _htmldate(html, url)
    article.updated = meta.updated
    return article


def _check_input(html: str) -> None:
    """Refuse input that cannot be a page before trafilatura sees it, with a clear reason."""
    if not isinstance(html, str):
        raise MalformedHtmlError(
            f"expected the HTML as text, got {type(html).__name__}: decode the file first"
        )
    if not html.strip():
        raise MalformedHtmlError("the HTML is empty: check the file or the download")
    if "<" not in html:
        raise MalformedHtmlError(
            "the input has no HTML tags: pass --input-type text to read it as plain text"
        )
    if "\x00" in html:
        raise MalformedHtmlError(
            "the input holds NUL bytes, so it is binary data rather than HTML: check the file"
        )


def prose_words(tree: etree._Element) -> int:
    """How many words the page's <p> elements hold: what a complete extraction of an
    article page comes near (menus, cards and footers are seldom paragraphs)."""
    return sum(len(str(text).split()) for text in _PARAGRAPH_TEXT(tree))


_PARAGRAPH_TEXT = etree.XPath("//p//text()[not(ancestor::script or ancestor::style)]")


def _run_trafilatura(html: str, url: str | None, options: ExtractOptions, prose: int = 0) -> str:
    """Trafilatura's XML main text with its metadata, or MalformedHtmlError.

    The chosen options skip trafilatura's fallback extractors (`fast`), which on the dev set
    more often swapped a good extraction for a page-wide one than rescued a bad one; but when
    trafilatura's own extractor finds nothing (short or unusual pages) the fallbacks are the
    better answer than an error, so we run them then.
    """
    document = _extract(html, url, options)
    if not document and options.fast:
        document = _extract(html, url, replace(options, fast=False))
    elif document and options.fast and _thin(_word_count(document), options, prose):
        document = _longer(document, _extract(html, url, _SLOW))
    if not document:
        raise MalformedHtmlError(NO_TEXT_MESSAGE)
    return document


# The second look at a page the fast run found little on: trafilatura's own defaults. A
# list, a product table or a page of short sections is where its main extractor stops after
# the first part and the fallbacks find the rest (on the 39 WCXB dev pages under 250 words,
# recall 0.45 -> 0.86 for precision 0.85 -> 0.81).
_SLOW = ExtractOptions(favor_recall=False, fast=False)
_TAG = re.compile(r"<[^>]+>")


def _thin(words: int, options: ExtractOptions, prose: int) -> bool:
    """Whether the fast run's text is short, or a small share of the page's paragraphs."""
    return words < options.short_text or words < options.thin_share * prose


def _word_count(xml: str) -> int:
    return len(_TAG.sub(" ", xml).split())


def _longer(first: str, second: str | None) -> str:
    """The fast run's text unless the second run found more words, and not teasers of
    other stories: a complete short post on a blog's page comes back from the fallback
    extractors with the excerpts of the posts listed under it."""
    if second is None or _word_count(second) <= _word_count(first):
        return first
    if _adds_teasers(first, second):
        return first
    return second


# A paragraph cut off where a listing stops quoting a story: "…", "[...]", "Read more".
_TEASER_END = re.compile(
    r"(?:…|\.\.\.|\[(?:…|\.\.\.)\]|read more|continue reading)\W*$", re.IGNORECASE
)
# Paragraphs shorter than this are captions, labels and menu lines, not excerpts.
_TEASER_WORDS = 15


def _adds_teasers(first: str, second: str) -> bool:
    """Whether a third or more (and at least two) of the paragraphs `second` adds to
    `first` end as a listing's excerpts do. An article's own paragraphs rarely trail off;
    a list of other posts' openings always does."""
    kept = {raw.text for raw in _blocks_from_xml(first)}
    added = [
        raw.text
        for raw in _blocks_from_xml(second)
        if raw.text not in kept and len(raw.text.split()) >= _TEASER_WORDS
    ]
    teasers = sum(1 for text in added if _TEASER_END.search(text))
    return teasers >= 2 and 3 * teasers >= len(added)


def _extract(html: str, url: str | None, options: ExtractOptions) -> str | None:
    """One trafilatura run; its exceptions on odd markup become one readable error.

    trafilatura logs and returns None on most bad input, but lxml and its own heuristics can
    still raise on junk. Whatever a third-party parser raises on a page, the user should get
    a message naming the page's fault, never a traceback, so every exception is caught here.
    """
    try:
        return trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_formatting=False,
            prune_xpath=furniture_xpath(html),
            favor_recall=options.favor_recall,
            favor_precision=options.favor_precision,
            fast=options.fast,
            include_tables=options.include_tables,
            include_comments=options.include_comments,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception as err:
        logger.debug("trafilatura failed: %r", err)
        raise MalformedHtmlError(
            f"the HTML could not be parsed ({err.__class__.__name__}): "
            "check that the file is a complete web page"
        ) from err


def _blocks_from_xml(xml: str) -> Iterator[_RawBlock]:
    """The text blocks of trafilatura's XML <main>, in reading order."""
    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    except etree.XMLSyntaxError:
        return
    if root is None:
        return
    main = root.find("main") if root.tag != "main" else root
    if main is None:
        return
    yield from _walk(main)


def _walk(element: etree._Element) -> Iterator[_RawBlock]:
    """Blocks under `element` in reading order.

    An element without nested blocks (or a table row) is one block. One that nests blocks (an
    item with a sub-list, a quote of paragraphs, the <main> itself) gives its own loose words as
    blocks between its nested blocks, so no extracted word is lost.
    """
    kind = BlockKind.HEADING if element.tag == "head" else BlockKind.BODY
    if element.tag == "row" or not any(child.tag in _BLOCK_TAGS for child in element):
        yield from _raw_block(_inline_text(element), kind)
        return
    pending = [_flat(element.text)]
    for child in element:
        if child.tag in _BLOCK_TAGS:
            yield from _raw_block("".join(pending), kind)
            pending = []
            yield from _walk(child)
        else:
            pending.append(_inline_child(child))
        pending.append(_flat(child.tail))
    yield from _raw_block("".join(pending), kind)


def _with_captions(blocks: list[_RawBlock], captions: list[tuple[str, str]]) -> list[_RawBlock]:
    """`blocks` with each figure's caption after the block ending with its anchor (the
    paragraph before the figure); a caption whose paragraph trafilatura left out, or that
    the text already holds, is left out too."""
    if not captions:
        return blocks
    keys = [anchor_key(block.text) for block in blocks]
    after: dict[int, list[str]] = {}
    for anchor, caption in captions:
        at = next((i for i, key in enumerate(keys) if key.endswith(anchor)), None)
        if at is not None and not any(anchor_key(caption) in key for key in keys):
            after.setdefault(at, []).append(caption)
    out: list[_RawBlock] = []
    for index, block in enumerate(blocks):
        out.append(block)
        out.extend(
            raw
            for caption in after.get(index, [])
            for raw in _raw_block(caption, BlockKind.CAPTION)
        )
    return out


def _raw_block(text: str, kind: BlockKind) -> Iterator[_RawBlock]:
    cleaned = _clean(text)
    if cleaned:
        yield _RawBlock(cleaned, kind)


def _inline_text(element: etree._Element) -> str:
    """The words of one block, without its tail."""
    parts = [_flat(element.text)]
    for child in element:
        parts.append(_inline_child(child))
        parts.append(_flat(child.tail))
    return "".join(parts)


def _inline_child(child: etree._Element) -> str:
    """One element inside a block: <lb/> a line break, a cell after " | ", nested blocks
    spaced off, formatting (<hi>, <ref>) as its bare words."""
    if not isinstance(child.tag, str):
        return ""
    if child.tag == "lb":
        return "\n"
    if child.tag == "cell":
        return " | " + _inline_text(child) + " "
    if child.tag in _SPACED_INLINE:
        return " " + _inline_text(child) + " "
    return _inline_text(child)


def _flat(text: str | None) -> str:
    """Text or tail with its newlines as spaces: in trafilatura's XML they are only the
    pretty-printer's indentation between rows, cells and items; real breaks are <lb/>."""
    return text.replace("\n", " ") if text else ""


def _clean(text: str | None) -> str:
    """Whitespace collapsed within lines, blank lines dropped, table pipes tidied."""
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    lines = (line.strip(" |") if line.startswith("|") else line for line in lines)
    return "\n".join(line for line in lines if line)


def _mark_title(blocks: list[_RawBlock], title: str | None) -> tuple[list[_RawBlock], str | None]:
    """Mark the first block TITLE when it is the page title, so that later stages do not read
    the headline as a reported fact or a section heading.

    The <title> often adds the site's name ("Storm hits coast | The Daily"); when the first
    block is the title without that suffix, the block is the headline as the reader sees it,
    so it becomes the article's title too.
    """
    if not title or not blocks:
        return blocks, title
    first, rest = blocks[0], blocks[1:]
    headline, page_title = _comparable(first.text), _comparable(title)
    if headline == page_title:
        return [_RawBlock(first.text, BlockKind.TITLE), *rest], title
    suffix = page_title[len(headline) :]
    if page_title.startswith(headline) and _TITLE_SUFFIX.fullmatch(suffix):
        return [_RawBlock(first.text, BlockKind.TITLE), *rest], first.text
    return blocks, title


def _comparable(text: str) -> str:
    """Text as compared for title matching: case, spacing, quote styles and ellipses ignored."""
    return " ".join(text.translate(_QUOTES).replace("…", "...").split()).casefold()


def _assemble(raw_blocks: list[_RawBlock]) -> Article:
    """Join the blocks with blank lines and record each block's offsets in the joined text."""
    pieces: list[str] = []
    blocks: list[Block] = []
    headings: list[Span] = []
    offset = 0
    for raw in raw_blocks:
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        start, end = offset, offset + len(raw.text)
        pieces.append(raw.text)
        blocks.append(Block(start, end, raw.kind))
        if raw.kind is BlockKind.HEADING:
            headings.append(Span(start, end, raw.text))
        offset = end
    return Article(text="".join(pieces), blocks=blocks, headings=headings)


def _htmldate(html: str, url: str | None) -> str | None:
    """htmldate's best guess at the publication day, for pages whose metadata gives none.

    A missing date is only a missing hint (later stages have the text's own dateline), so a
    failure inside htmldate, whatever it is, yields None rather than losing the article.
    When htmldate finds only a year (a copyright line, "© 2020") it answers 1 January of
    it: that is no publication day, so it is dropped (4 of 165 WCXB dev pages, none right).
    """
    try:
        found = find_date(html, original_date=True, url=url)
    except Exception as err:
        logger.debug("htmldate failed: %r", err)
        return None
    if not found or not _ISO_DAY.match(found) or found[4:10] == _YEAR_ONLY:
        return None
    return found[:10]


def _canonical_url(html: str) -> str | None:
    """The page's own address (<link rel=canonical>, og:url) when none was given."""
    found = _CANONICAL.search(html)
    return (found.group(1) or found.group(2)) if found else None
