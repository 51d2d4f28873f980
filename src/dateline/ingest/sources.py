"""Everything `dateline ingest` accepts, read into articles: files, folders (recursively),
JSONL corpora, RSS/Atom feeds, WARC archives, and URLs of pages or feeds.

Reading never stops at a bad input: each yields an `InputFailure` with its reason and the
rest goes on. URLs are read only through a `fetch` function the caller hands in (the CLI's,
with its timeouts and size limits); without one a URL is refused, so library code and
servers never reach out to the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from dateline.errors import DatelineError
from dateline.ingest.feeds import looks_like_feed, read_feed
from dateline.ingest.jsonl import InputFailure, JsonlItem
from dateline.ingest.kinds import InputType
from dateline.ingest.reader import article_from_item, read_source
from dateline.ingest.warc import is_warc_name, read_warc
from dateline.model import Article
from dateline.settings import Settings

Fetch = Callable[[str], bytes]
_URL = re.compile(r"^https?://", re.IGNORECASE)
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
INPUT_SUFFIXES = {".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", *FEED_SUFFIXES}


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def read_inputs(
    sources: list[str],
    settings: Settings,
    fetch: Fetch | None = None,
    input_type: InputType = InputType.AUTO,
) -> Iterator[Article | InputFailure]:
    """The articles of every source, in order, and a failure for each bad one; `input_type`
    says what plain files are (text, HTML, JSONL) where their name and content do not."""
    for source in sources:
        yield from _read_one(source, settings, fetch, input_type)


def input_files(folder: Path) -> list[Path]:
    """The files in a folder (and below) that ingest reads, in a stable order."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not path.name.startswith(".")
        and (path.suffix.lower() in INPUT_SUFFIXES or is_warc_name(path.name))
    )


def count_inputs(sources: list[str]) -> int | None:
    """About how many articles the sources hold, for a progress bar's ETA; None when a source
    cannot be counted without fetching it."""
    total = 0
    for source in sources:
        if is_url(source):
            return None
        path = Path(source)
        files = input_files(path) if path.is_dir() else [path]
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    try:
        if is_warc_name(path.name):
            with path.open("rb") as stream:
                return sum(1 for item in read_warc(stream, str(path), 1 << 30))
        if path.suffix.lower() in {".jsonl", ".ndjson"}:
            with path.open("rb") as lines:
                return sum(1 for line in lines if line.strip())
        if path.suffix.lower() in FEED_SUFFIXES:
            return sum(1 for _ in read_feed(path.read_bytes(), str(path)))
    except OSError:
        return 1
    return 1


def _read_one(
    source: str, settings: Settings, fetch: Fetch | None, input_type: InputType = InputType.AUTO
) -> Iterator[Article | InputFailure]:
    if is_url(source):
        yield from _read_url(source, settings, fetch)
        return
    path = Path(source)
    if path.is_dir():
        files = input_files(path)
        if not files:
            yield InputFailure(source, f"[D105] {source}: no articles in this folder")
        for file in files:
            yield from _read_one(str(file), settings, fetch, input_type)
        return
    if is_warc_name(source) and path.is_file():
        with path.open("rb") as stream:
            yield from _articles(read_warc(stream, source, settings.max_text_bytes))
        return
    if path.suffix.lower() in FEED_SUFFIXES and path.is_file():
        yield from _read_feed(path.read_bytes(), source, settings, fetch)
        return
    yield from read_source(source, settings, input_type)


def _read_url(
    source: str, settings: Settings, fetch: Fetch | None
) -> Iterator[Article | InputFailure]:
    if fetch is None:
        yield InputFailure(source, f"[D106] {source}: URLs are fetched only from the command line")
        return
    try:
        data = fetch(source)
    except DatelineError as error:
        yield InputFailure(source, str(error))
        return
    if looks_like_feed(data):
        yield from _read_feed(data, source, settings, fetch)
        return
    if data[:4] == b"WARC" or (data[:2] == b"\x1f\x8b" and is_warc_name(source)):
        import io

        yield from _articles(read_warc(io.BytesIO(data), source, settings.max_text_bytes))
        return
    html = data.decode("utf-8", errors="replace")
    item = JsonlItem(source, text=None, html=html, url=source, title=None, published=None)
    yield from _articles(iter([item]))


def _read_feed(
    data: bytes, source: str, settings: Settings, fetch: Fetch | None
) -> Iterator[Article | InputFailure]:
    for entry in read_feed(data, source):
        if isinstance(entry, InputFailure):
            yield entry
        elif entry.thin and entry.link and fetch is not None:
            yield from _read_linked_page(entry.item, entry.link, fetch)
        else:
            yield from _articles(iter([entry.item]))


def _read_linked_page(item: JsonlItem, link: str, fetch: Fetch) -> Iterator[Article | InputFailure]:
    """The page a feed entry links to, with the entry's title and date."""
    try:
        html = fetch(link).decode("utf-8", errors="replace")
    except DatelineError as error:
        yield InputFailure(link, str(error))
        return
    yield from _articles(iter([replace(item, html=html)]))


def _articles(items: Iterator[JsonlItem | InputFailure]) -> Iterator[Article | InputFailure]:
    for item in items:
        if isinstance(item, InputFailure):
            yield item
            continue
        try:
            yield article_from_item(item)
        except DatelineError as error:
            yield InputFailure(item.source_id, str(error))
