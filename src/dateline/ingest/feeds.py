"""RSS and Atom feeds: each entry an input item, its HTML content analysed as a page.

feedparser reads every flavour of feed (RSS 0.9x-2.0, Atom, RDF) and tolerates the broken
ones. An entry gives its full content (`content:encoded`, Atom `content`) or only a summary;
`thin` tells which, so a caller that may fetch pages (the CLI, never a server) can fetch the
entry's link instead of analysing a two-line teaser.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dateline.ingest.jsonl import InputFailure, JsonlItem

_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)
_TAGS = re.compile(r"<[^>]+>")
# Below this many characters of text, an entry's content is a teaser, not the article.
THIN_ENTRY_CHARS = 400


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry, its content as HTML, and whether that content is only a teaser."""

    item: JsonlItem
    link: str | None
    thin: bool


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_START.match(data[:4096]))


def read_feed(data: bytes, source: str) -> Iterator[FeedEntry | InputFailure]:
    """The entries of a feed document (`source` names it in failures and source ids)."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception", "not a feed")
        yield InputFailure(source, f"[D103] {source}: not a readable RSS/Atom feed ({reason})")
        return
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry(entry, f"{source}#{number}")


def _entry(entry: Any, where: str) -> FeedEntry | InputFailure:
    html = _content(entry)
    link = entry.get("link") or None
    if not html and not link:
        return InputFailure(where, f"[D103] {where}: the entry has neither content nor a link")
    item = JsonlItem(
        source_id=link or entry.get("id") or where,
        text=None,
        html=_as_page(entry.get("title"), html),
        url=link,
        title=entry.get("title") or None,
        published=_published(entry),
    )
    return FeedEntry(item, link, thin=len(_TAGS.sub("", html)) < THIN_ENTRY_CHARS)


def _content(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def _as_page(title: str | None, html: str) -> str:
    """The entry as a small HTML page, so it goes through the same extraction as any page."""
    heading = f"<h1>{title}</h1>" if title else ""
    return f"<html><body><article>{heading}{html}</article></body></html>"


def _published(entry: Any) -> str | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
