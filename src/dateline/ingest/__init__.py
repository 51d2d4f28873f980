"""Sources to `Article`s: plain text copied from the web, HTML pages, feeds, WARC archives,
JSONL corpora, URLs and standard input. One bad input never stops a batch: it becomes an
`InputFailure` with its reason.

- reader.py: one file or stdin, its kind detected (`read_source`, `article_from_text`, …);
- sources.py: many inputs: folders, URLs, feeds, WARC (`read_inputs`);
- decoding.py: bytes to checked, normalised text; html.py, webtext.py: layout and metadata;
- jsonl.py, feeds.py, warc.py, fetch.py: the container formats and fetching URLs;
- dates.py, published.py: dates written in the text, and the publication date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.ingest.kinds import InputType
from dateline.lazy import lazy_names

if TYPE_CHECKING:  # what the lazy names are, for type checkers
    from dateline.ingest.decoding import BadInputError
    from dateline.ingest.jsonl import InputFailure
    from dateline.ingest.reader import (
        article_from_html_text,
        article_from_item,
        article_from_text,
        detect_type,
        read_source,
    )

# Each public name and the module that defines it, imported on first use: the readers load
# trafilatura and the language detector, which a store query (it only parses dates with
# `ingest.dates`) never needs.
_LAZY = {
    "BadInputError": "dateline.ingest.decoding",
    "InputFailure": "dateline.ingest.jsonl",
    "article_from_html_text": "dateline.ingest.reader",
    "article_from_item": "dateline.ingest.reader",
    "article_from_text": "dateline.ingest.reader",
    "detect_type": "dateline.ingest.reader",
    "read_source": "dateline.ingest.reader",
}

__getattr__ = lazy_names(__name__, _LAZY)

__all__ = [
    "BadInputError",
    "InputFailure",
    "InputType",
    "article_from_html_text",
    "article_from_item",
    "article_from_text",
    "detect_type",
    "read_source",
]
