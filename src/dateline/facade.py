"""The Python API's three calls (`analyze`, `analyze_articles`, `to_record`), kept apart from
the package's `__init__` so that `import dateline.store` (every corpus command, the server)
does not load spaCy: the package names these lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.errors import DatelineError
from dateline.ingest import article_from_html_text, article_from_text
from dateline.model import Analysis, Article
from dateline.nlp.pipeline import analyze_articles as run_pipeline
from dateline.nlp.windows import check_length
from dateline.record import to_record as build_record
from dateline.record_types import AnalysisRecord
from dateline.settings import Settings


def analyze(
    text: str,
    *,
    source_id: str | None = None,
    html: bool = False,
    title: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article given as plain text (or HTML with `html=True`)."""
    reader = article_from_html_text if html else article_from_text
    article = reader(text, source_id, title=title, published=published)
    # Too long is bad input (D110), not a stage's failure (D301): raised as itself.
    check_length(article, (settings or Settings()).max_text_chars)
    analysis = next(run_pipeline([article], settings))
    if analysis.failure is not None:
        raise AnalysisError(analysis.failure)
    return analysis


class AnalysisError(DatelineError):
    """A pipeline stage failed on an article (a bug to report, not bad input)."""

    code = "D301"

    def __init__(self, failure: str) -> None:
        # The stage wrote the failure with its code already: "[D301] story.txt: …".
        super().__init__(failure.removeprefix(f"[{self.code}] "))


def to_record(analysis: Analysis) -> AnalysisRecord:
    """The analysis record of CONTRACT.md for one analysed article (a plain dict at run time;
    `AnalysisRecord` is its type for mypy)."""
    return build_record(analysis)


def analyze_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Analysis]:
    """Analyse many articles, batched through spaCy; yields one `Analysis` per article."""
    return run_pipeline(articles, settings)
