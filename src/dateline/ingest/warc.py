"""WARC archives (`.warc`, `.warc.gz`): each archived HTML response an input item.

warcio reads the records as a stream, so an archive of any size is read in constant memory.
Only `response` records whose HTTP status is 200 and whose content is HTML are articles;
requests, metadata, redirects and images are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from dateline.ingest.jsonl import InputFailure, JsonlItem

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def read_warc(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[JsonlItem | InputFailure]:
    """The HTML pages archived in a WARC stream, each with its URL as source id and url."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if not _is_html_page(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or source
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield InputFailure(uri, f"[D101] {uri}: over the limit of {max_bytes:,} bytes")
                continue
            charset = _charset(record.http_headers.get_header("Content-Type") or "")
            html = body.decode(charset, errors="replace")
            yield JsonlItem(uri, text=None, html=html, url=uri, title=None, published=None)
    except ArchiveLoadFailed as error:
        yield InputFailure(source, f"[D108] {source}: not a readable WARC archive ({error})")


def _is_html_page(record: object) -> bool:
    if getattr(record, "rec_type", None) != "response":
        return False
    headers = getattr(record, "http_headers", None)
    if headers is None or headers.get_statuscode() != "200":
        return False
    return "html" in (headers.get_header("Content-Type") or "").lower()


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            import codecs

            try:
                return codecs.lookup(value.strip("\"'")).name
            except LookupError:
                break
    return "utf-8"
