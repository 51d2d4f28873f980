"""Dateline: news articles as data — who said what, who did what to whom, when and where.

The Python API in three calls:

    >>> import dateline
    >>> analysis = dateline.analyze("GENEVA, March 3 — ...")      # one text
    >>> record = dateline.to_record(analysis)                       # the CONTRACT.md record
    >>> for analysis in dateline.analyze_articles(articles): ...    # many, batched
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.lazy import lazy_names
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

__getattr__ = lazy_names(__name__, _LAZY)

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
