"""Analysing a posted article: in the bounded pool of worker processes (`service.pool`), with
a time limit, or, with `analysis_workers=0`, in this process one at a time, since the
pipeline is one loaded spaCy model shared by every request."""

from __future__ import annotations

import threading
from typing import Any

from pydantic import BaseModel, Field

import dateline
from dateline.errors import DatelineError
from dateline.record_types import AnalysisRecord
from dateline.service.config import ServerConfig
from dateline.service.pool import (
    AnalysisTimeoutError,
    PoolFullError,
    WorkerFailedError,
    shared_pool,
)
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


def analyse(article: ArticleIn, config: ServerConfig) -> AnalysisRecord:
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
    job = {
        "text": content,
        "source_id": article.source_id or "api",
        "html": article.html is not None,
        "title": article.title,
        "published": article.published,
    }
    if config.analysis_workers <= 0:
        return _analyse_here(job, config.settings)
    pool = shared_pool(config.settings, config.analysis_workers, config.analysis_timeout)
    try:
        outcome = pool.analyse(job)
    except PoolFullError as error:
        raise ProblemError(
            503, "Service unavailable",
            f"all {pool.workers} analysis workers are busy: send it again in a moment",
        ) from error  # fmt: skip
    except AnalysisTimeoutError as error:
        raise ProblemError(
            504, "Gateway timeout",
            f"the analysis took longer than {pool.timeout:g} s and was stopped: send a "
            "shorter article, or raise the limit (DATELINE_API_ANALYSIS_TIMEOUT)",
        ) from error  # fmt: skip
    except WorkerFailedError as error:
        raise ProblemError(503, "Service unavailable", str(error)) from error
    if outcome.record is None:
        raise ProblemError(422, "Unprocessable content", outcome.reason or "cannot analyse it")
    return outcome.record


def _analyse_here(job: dict[str, Any], settings: Settings) -> AnalysisRecord:
    try:
        with _pipeline_lock:
            analysis = dateline.analyze(settings=settings, **job)
    except DatelineError as error:
        raise ProblemError(422, "Unprocessable content", error.reason) from error
    return dateline.to_record(analysis)
