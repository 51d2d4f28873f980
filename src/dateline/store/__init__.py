"""The corpus store: analysis records in SQLite or PostgreSQL, and the queries over them.

An adapter around the core: it reads analysis records (CONTRACT.md) and never the pipeline,
and the core never imports it. The CLI and the REST API use it through `open_store` and the
`Store` it returns.
"""

from dateline.store.repository import (
    DEFAULT_DB,
    SaveSummary,
    Store,
    StoreError,
    database_url,
    open_store,
    write_transaction,
)
from dateline.store.results import (
    EventResult,
    Failure,
    PlaceResult,
    QuoteResult,
    SearchHit,
    Source,
    TimelineEntry,
    as_dict,
)

__all__ = [
    "DEFAULT_DB",
    "EventResult",
    "Failure",
    "PlaceResult",
    "QuoteResult",
    "SaveSummary",
    "SearchHit",
    "Source",
    "Store",
    "StoreError",
    "TimelineEntry",
    "as_dict",
    "database_url",
    "open_store",
    "write_transaction",
]
