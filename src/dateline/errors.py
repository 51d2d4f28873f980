"""The one base of Dateline's exceptions, and the catalogue of its error codes.

Every error carries a code ("[D101]") and says what was wrong and what to do, so that a
person reading it at the command line can act on it. Each module defines the small exception
classes it raises; the codes they and the failure messages carry are all listed once in
`CODES` below, each with what it means and the modules that raise it, and each names one
error only. The README's "Error codes" table is this catalogue; `tests/test_errors.py` checks
that every code written in the source is here, in the modules named, and in the README.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """What an error code means, and the modules that raise or record it."""

    meaning: str
    raised_by: tuple[str, ...]


# The hundreds follow the layers: 0 settings, 1 ingest, 2 the model, 3 the pipeline, 4 the
# store, 5 the API, 6 exports, 7 the runners.
CODES: Mapping[str, ErrorCode] = MappingProxyType(
    {
        "D000": ErrorCode("an error raised without a code of its own (a bug to report)", ()),
        "D002": ErrorCode(
            "a setting (a DATELINE_* variable or an option) has a value Dateline cannot use",
            ("dateline.settings",),
        ),
        "D101": ErrorCode(
            "an input is not a readable English news article: empty, binary, not in its "
            "encoding, too large or not English",
            ("dateline.ingest.decoding", "dateline.ingest.warc"),
        ),
        "D102": ErrorCode(
            'a JSONL line is not a JSON object with a "text" or "html" string',
            ("dateline.ingest.jsonl",),
        ),
        "D103": ErrorCode(
            "a feed is not readable RSS or Atom, or an entry has neither content nor a link",
            ("dateline.ingest.feeds",),
        ),
        "D104": ErrorCode(
            "an HTML page is empty, unreadable, or holds no article text",
            ("dateline.ingest.html",),
        ),
        "D105": ErrorCode("a folder holds no articles", ("dateline.ingest.sources",)),
        "D106": ErrorCode(
            "a URL was given where only the command line fetches", ("dateline.ingest.sources",)
        ),
        "D107": ErrorCode(
            "a URL could not be fetched: a network or HTTP error, too large, not http(s)",
            ("dateline.ingest.fetch",),
        ),
        "D108": ErrorCode("a WARC archive cannot be read", ("dateline.ingest.warc",)),
        "D109": ErrorCode(
            "a date (an article's published date, or a --since/--until filter) is not an "
            "ISO 8601 date such as 2024, 2024-05 or 2024-05-01",
            ("dateline.ingest.dates",),
        ),
        "D110": ErrorCode(
            "an article has more characters than the hard limit (DATELINE_MAX_TEXT_CHARS)",
            ("dateline.nlp.windows", "dateline.facade", "dateline.settings"),
        ),
        "D201": ErrorCode(
            "the spaCy pipeline is missing or is not the one the project pins",
            ("dateline.nlp.language",),
        ),
        "D301": ErrorCode(
            "a pipeline stage failed on an article (a bug to report, with the input)",
            ("dateline.nlp.stage", "dateline.facade"),
        ),
        "D401": ErrorCode(
            "the store cannot be opened or used: a bad URL, a missing driver, a server down",
            ("dateline.store.repository",),
        ),
        "D402": ErrorCode(
            "a query filter has a value no fact could match (a date that is not ISO, an "
            "event type that is not PLOVER's)",
            ("dateline.corpus.filters",),
        ),
        "D403": ErrorCode(
            "a correction of identities (`dateline entities merge` or `split`) names a corpus "
            "key or an article the store does not hold",
            ("dateline.store.repository",),
        ),
        "D411": ErrorCode(
            "the source mix cannot count by what was asked: --by takes kind, country, "
            "anonymity, gender or outlet",
            ("dateline.store.sources",),
        ),
        "D416": ErrorCode(
            "a positions question names neither whose positions (a holder) nor on what (a target)",
            ("dateline.cli.positions",),
        ),
        "D501": ErrorCode(
            "an API token cannot be made or removed as asked", ("dateline.api.tokens",)
        ),
        "D601": ErrorCode(
            "an export cannot be written: an optional library is missing, or binary output "
            "has no file",
            ("dateline.export.records",),
        ),
        "D701": ErrorCode(
            "a runner cannot start: Dask is not installed, or its scheduler is unreachable",
            ("dateline.scale.runners",),
        ),
    }
)


class DatelineError(Exception):
    """Base of every error Dateline raises on purpose."""

    code = "D000"

    def __init_subclass__(cls) -> None:
        """A code missing from the catalogue fails at import, not when the error is raised."""
        super().__init_subclass__()
        if cls.code not in CODES:
            raise TypeError(f"{cls.__name__}: error code {cls.code} is not in dateline.errors")

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.reason = message
