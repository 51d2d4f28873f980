"""Dateline: news articles as data — who said what, who did what to whom, when and where.

The Python API in three calls:

    >>> import dateline
    >>> analysis = dateline.analyze("GENEVA, March 3 — ...")      # one text
    >>> record = dateline.to_record(analysis)                       # the CONTRACT.md record
    >>> for analysis in dateline.analyze_articles(articles): ...    # many, batched
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from dateline.version import VERSION

if TYPE_CHECKING:  # what the lazy names are, for type checkers
    from dateline.facade import AnalysisError, analyze, analyze_articles, to_record
    from dateline.model import Analysis, Article
    from dateline.record_types import AnalysisRecord
    from dateline.settings import Settings

__version__ = VERSION

# Each public name and the module that defines it. They are imported on first use: the
# pipeline (spaCy) costs seconds to import, and a corpus query or `--help` needs none of it.
_LAZY = {
    "Analysis": "dateline.model",
    "AnalysisError": "dateline.facade",
    "AnalysisRecord": "dateline.record_types",
    "Article": "dateline.model",
    "Settings": "dateline.settings",
    "analyze": "dateline.facade",
    "analyze_articles": "dateline.facade",
    "to_record": "dateline.facade",
}


def __getattr__(name: str) -> Any:
    """The public names, imported when first asked for (PEP 562)."""
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # asked once
        return value
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "AnalysisError",
    "AnalysisRecord",
    "Article",
    "Settings",
    "__version__",
    "analyze",
    "analyze_articles",
    "to_record",
]
