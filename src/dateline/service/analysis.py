"""Analysing a posted article: one at a time per process, since the pipeline is one loaded
spaCy model shared by every request."""

from __future__ import annotations

import threading

from pydantic import BaseModel, Field

import dateline
from dateline.errors import DatelineError
from dateline.record_types import AnalysisRecord
from dateline.service.problems import ProblemError
from dateline.settings import Settings

_pipeline_lock = threading.Lock()


class ArticleIn(BaseModel):
    """An article to analyse: its text, or its HTML page (never a URL: the server fetches
    nothing), with what the text may not say."""

    text: str | None = Field(default=None, description="The article as plain text.")
    html: str | None = Field(
        default=None, description="The article's HTML page; its main text is used."
    )
    title: str | None = None
    published: str | None = Field(
        default=None, description="ISO date, when the text does not give it."
    )
    source_id: str | None = Field(
        default=None, description="Your id for it, returned as source_id."
    )


def analyse(article: ArticleIn, settings: Settings) -> AnalysisRecord:
    """The analysis record (CONTRACT.md) of a posted article."""
    given = [field for field in ("text", "html") if getattr(article, field) is not None]
    if len(given) != 1:
        raise ProblemError(
            422, "Unprocessable content", "give the article as exactly one of `text` or `html`"
        )
    content = article.text if article.text is not None else article.html
    assert content is not None
    if not content.strip():
        raise ProblemError(422, "Unprocessable content", f"`{given[0]}` is empty: nothing to read")
    try:
        with _pipeline_lock:
            analysis = dateline.analyze(
                content,
                source_id=article.source_id or "api",
                html=article.html is not None,
                title=article.title,
                published=article.published,
                settings=settings,
            )
    except DatelineError as error:
        raise ProblemError(422, "Unprocessable content", error.reason) from error
    return dateline.to_record(analysis)
