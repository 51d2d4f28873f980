"""Inputs of every kind `dateline ingest` reads, written by the tests themselves."""

from __future__ import annotations

import io
import json
from pathlib import Path

ARTICLES = [
    (
        "Bridge Repairs Begin in Millbrook",
        "Work on the old stone bridge in Millbrook began on Monday, the town council said. "
        '"The bridge will be safe for school buses by the autumn," said Ellen Hartley, the '
        "mayor of Millbrook. Engineers expect the repairs to take four months.",
    ),
    (
        "Library Reopens After Flood",
        "The public library in Dunmere reopened on Saturday after a flood closed it for six "
        'weeks. "We lost hundreds of books, but not our readers," said Priya Nair, the head '
        "librarian. Volunteers dried and catalogued the surviving collection.",
    ),
    (
        "Ferry Service Cut for Winter",
        "The ferry between Oban and the island of Kerrera will run twice a day this winter, "
        'the operator said on Friday. "Fewer crossings is the price of keeping the route '
        "open,\" said Callum Reid, the operator's manager.",
    ),
    (
        "Orchard Harvest Falls Short",
        "Apple growers in the Vale of Ashby picked a third fewer apples this year after a late "
        'frost, the growers association said on Tuesday. "Nobody here remembers a spring '
        'like it," said Tom Ellery, who has farmed in the valley for forty years.',
    ),
    (
        "Tram Line Extension Approved",
        "City planners in Norrhaven approved a tram extension to the harbour district on "
        'Wednesday. "Ten thousand people will be a short ride from work," said Ingrid Solberg, '
        "the city's transport chief. Construction is due to start next spring.",
    ),
]


def text_file(folder: Path, number: int) -> Path:
    title, body = ARTICLES[number]
    path = folder / f"article{number}.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def html_page(number: int) -> str:
    title, body = ARTICLES[number]
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p></article></body></html>"
    )


def feed_file(folder: Path, numbers: list[int]) -> Path:
    items = "".join(
        f"<item><title>{ARTICLES[n][0]}</title><link>https://news.example/{n}</link>"
        f"<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{ARTICLES[n][1]}</p>]]></description></item>"
        for n in numbers
    )
    path = folder / "news.rss"
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>'
        f"{items}</channel></rss>",
        encoding="utf-8",
    )
    return path


def warc_file(folder: Path, numbers: list[int]) -> Path:
    """A gzipped WARC with an HTML response per article, plus a request and an image that
    must be passed over."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = folder / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in numbers:
            uri = f"https://archive.example/story/{n}"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = io.BytesIO(html_page(n).encode("utf-8"))
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=body, http_headers=headers)
            )
            request = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://archive.example/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG"),
                http_headers=image,
            )
        )
    return path


def jsonl_file(folder: Path, numbers: list[int], name: str = "corpus.jsonl") -> Path:
    path = folder / name
    with path.open("w", encoding="utf-8") as lines:
        for n in numbers:
            title, body = ARTICLES[n]
            lines.write(json.dumps({"id": f"line{n}", "text": f"{title}\n\n{body}\n"}) + "\n")
    return path
