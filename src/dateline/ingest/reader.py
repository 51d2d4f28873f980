"""One input (a file, or standard input) to `Article`s: plain text copied from the web, an
HTML page, or a JSONL corpus.

`read_source` is the entry point: it detects the kind of input (from the file name and
the content; `input_type` overrides), reads it, and yields an `Article` per article or an
`InputFailure` per input it had to refuse, so one bad article never stops a batch.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from dateline.errors import DatelineError
from dateline.ingest.dates import parse_iso_date
from dateline.ingest.decoding import BadInputError, decode, detect_language, normalise_text
from dateline.ingest.html import EXTRACT_OPTIONS, ExtractOptions, article_from_html
from dateline.ingest.jsonl import InputFailure, JsonlItem, read_jsonl
from dateline.ingest.kinds import InputType
from dateline.ingest.published import decide_published
from dateline.ingest.webtext import read_layout
from dateline.model import Article
from dateline.settings import Settings

STDIN = "-"
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|article|h[1-6]|br|section|main)\b[^>]*>", re.IGNORECASE
)


def detect_type(name: str, text: str) -> InputType:
    """The kind of input, from its extension first, then from what its content looks like."""
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return InputType.HTML
    if suffix in {".jsonl", ".ndjson"}:
        return InputType.JSONL
    head = text.lstrip()[:2000]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return InputType.HTML
    if head.startswith("{") and head.split("\n", 1)[0].rstrip().endswith("}"):
        return InputType.JSONL
    return InputType.TEXT


def article_from_text(
    text: str,
    source_id: str | None = None,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Article:
    """An article from plain text: its layout read, its publication date decided."""
    source = source_id or "<text>"
    text = normalise_text(text, source)
    article = Article(
        text=text,
        source_id=source_id,
        title=title,
        url=url,
        given_date=parse_iso_date(published, source),
        language=detect_language(text),
    )
    read_layout(article)
    return decide_published(article)


def article_from_html_text(
    html: str,
    source_id: str | None = None,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    options: ExtractOptions = EXTRACT_OPTIONS,
) -> Article:
    """An article from an HTML page: main text and metadata through trafilatura.

    `options` are trafilatura's settings; only the cross-validation benchmark changes them.
    """
    source = source_id or "<html>"
    article = article_from_html(normalise_text(html, source), source_id, url, options=options)
    article.language = detect_language(article.text)
    if title and not article.title:
        article.title = title
    article.given_date = parse_iso_date(published, source)
    return decide_published(article)


def read_source(
    source: str,
    settings: Settings,
    input_type: InputType = InputType.AUTO,
) -> Iterator[Article | InputFailure]:
    """Every article in `source` (a path, or "-" for standard input)."""
    # A corpus may be far larger than one article: its lines are held to the limit instead.
    corpus = input_type == InputType.JSONL or _is_corpus_name(source)
    try:
        data = _read_bytes(source, settings, corpus)
        limit = None if corpus else settings.max_text_bytes
        text = decode(data, source, settings.encoding, limit)
    except DatelineError as err:
        yield InputFailure(source, str(err))
        return
    kind = detect_type(source, text) if input_type == InputType.AUTO else input_type
    if kind == InputType.JSONL:
        yield from _read_corpus(text, source, settings.max_text_bytes)
        return
    reader = article_from_html_text if kind == InputType.HTML else article_from_text
    try:
        yield reader(text, source)
    except DatelineError as err:
        yield InputFailure(source, str(err))


def _read_bytes(source: str, settings: Settings, corpus: bool) -> bytes:
    if source == STDIN:
        # One byte past the limit is enough to refuse a single article that is too large.
        return (
            sys.stdin.buffer.read()
            if corpus
            else sys.stdin.buffer.read(settings.max_text_bytes + 1)
        )
    path = Path(source)
    if not path.exists():
        raise BadInputError(source, "no such file")
    if path.is_dir():
        raise BadInputError(source, "is a folder: give the files in it (e.g. folder/*.txt)")
    size = path.stat().st_size
    if size > settings.max_text_bytes and not corpus:
        raise BadInputError(
            source,
            f"{size:,} bytes is over the limit of {settings.max_text_bytes:,}: split it, or raise "
            "the limit with --max-bytes / DATELINE_MAX_TEXT_BYTES",
        )
    return path.read_bytes()


def _is_corpus_name(source: str) -> bool:
    return Path(source).suffix.lower() in {".jsonl", ".ndjson"}


def _read_corpus(text: str, source: str, max_bytes: int) -> Iterator[Article | InputFailure]:
    for item in read_jsonl(text, source):
        if isinstance(item, InputFailure):
            yield item
            continue
        size = len((item.text or item.html or "").encode("utf-8"))
        if size > max_bytes:
            yield InputFailure(
                item.source_id,
                str(
                    BadInputError(
                        item.source_id, f"{size:,} bytes is over the limit of {max_bytes:,}"
                    )
                ),
            )
            continue
        try:
            yield article_from_item(item)
        except DatelineError as err:
            yield InputFailure(item.source_id, str(err))


def article_from_item(item: JsonlItem) -> Article:
    if item.text is not None:
        return article_from_text(
            item.text, item.source_id, title=item.title, published=item.published, url=item.url
        )
    assert item.html is not None
    return article_from_html_text(
        item.html, item.source_id, title=item.title, published=item.published, url=item.url
    )
