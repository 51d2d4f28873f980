"""How a Dateline stage becomes a spaCy component that never loses an article.

A stage is a function `(doc, analysis) -> None` that adds facts to the analysis. Registered
with `@stage("name")`, it runs only on documents that carry an analysis, and an exception in
it is logged and recorded on that article (`analysis.failure`) instead of ending the batch:
spaCy would otherwise drop the document or stop the whole `nlp.pipe`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from dateline.model import Analysis, Article

log = logging.getLogger(__name__)

StageFunction = Callable[[Doc, Analysis], None]


def stage(name: str) -> Callable[[StageFunction], StageFunction]:
    """Register `function` as the spaCy component `name`."""

    def register(function: StageFunction) -> StageFunction:
        def component(doc: Doc) -> Doc:
            analysis: Analysis | None = doc._.dateline
            if analysis is None or analysis.failure is not None or not is_english(analysis.article):
                return doc
            try:
                function(doc, analysis)
            except Exception as error:  # one article's failure must not end the batch
                log.exception("stage %s failed on %s", name, analysis.article.source_id)
                analysis.failure = (
                    f"[D301] {analysis.article.source_id}: the {name} stage failed "
                    f"({type(error).__name__}: {error}); please report it with this input"
                )
            return doc

        Language.component(name, func=component)
        return function

    return register


def is_english(article: Article) -> bool:
    """The stages read English only: an article in another language keeps its metadata and
    text and gets no facts, rather than wrong ones."""
    return article.language in {None, "en"}


def article_text(doc: Doc) -> str:
    """The article's text, which the Doc was made from. `doc.text` would rebuild it from the
    tokens on every call; stages slice it often."""
    analysis: Analysis | None = doc._.dateline
    return analysis.article.text if analysis is not None else doc.text
