"""Sources to `Article`s: plain text copied from the web, HTML pages, feeds, WARC archives,
JSONL corpora, URLs and standard input. One bad input never stops a batch: it becomes an
`InputFailure` with its reason.

- reader.py: one file or stdin, its kind detected (`read_source`, `article_from_text`, …);
- sources.py: many inputs: folders, URLs, feeds, WARC (`read_inputs`);
- decoding.py: bytes to checked, normalised text; html.py, webtext.py: layout and metadata;
- jsonl.py, feeds.py, warc.py, fetch.py: the container formats and fetching URLs;
- dates.py, published.py: dates written in the text, and the publication date.
"""

from dateline.ingest.decoding import BadInputError
from dateline.ingest.jsonl import InputFailure
from dateline.ingest.reader import (
    InputType,
    article_from_html_text,
    article_from_item,
    article_from_text,
    detect_type,
    read_source,
)

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
