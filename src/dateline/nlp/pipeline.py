"""The pipeline: spaCy's own components with Dateline's stages around them.

Each stage is a registered spaCy component that reads the document model kept on the Doc
(`doc._.dateline`, an `Analysis`) and adds its facts to it. Articles go through `nlp.pipe`,
so spaCy batches them; the model is loaded once per process (`load_pipeline`). An article
longer than a window goes through as several Docs, one per window (`nlp.windows`), and comes
out as one `Analysis`; one past the hard limit comes out with its failure, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from dateline.model import Analysis, Article
from dateline.nlp.entities import component as entities
from dateline.nlp.events import component as events
from dateline.nlp.events import headlines
from dateline.nlp.language import read_spacy_pipeline, speed_up_spacy
from dateline.nlp.layout import blocks
from dateline.nlp.places import component as places
from dateline.nlp.positions import component as positions
from dateline.nlp.quotes import component as quotes
from dateline.nlp.sources import component as sources
from dateline.nlp.stage import is_english
from dateline.nlp.timex import component as times
from dateline.nlp.windows import (
    TextTooLongError,
    check_length,
    merge_windows,
    window_article,
    window_bounds,
)
from dateline.settings import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)

if not Doc.has_extension("dateline"):
    Doc.set_extension("dateline", default=None)
if not Doc.has_extension("dateline_window"):
    Doc.set_extension("dateline_window", default=None)

# (component name, where it goes): blocks before spaCy parses, the fact stages after NER.
STAGES: list[tuple[str, dict[str, object]]] = [
    (blocks.COMPONENT, {"first": True}),
    (entities.COMPONENT, {"last": True}),
    (quotes.COMPONENT, {"last": True}),
    (sources.COMPONENT, {"last": True}),
    (times.COMPONENT, {"last": True}),
    (places.COMPONENT, {"last": True}),
    (events.COMPONENT, {"last": True}),
    (positions.COMPONENT, {"last": True}),  # reads the quotes, entities and events
]


def add_dateline_stages(nlp: Language) -> None:
    """Add every Dateline stage to a loaded spaCy pipeline (once)."""
    for name, position in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, **position)  # type: ignore[arg-type]
    headlines.attach(nlp)  # the event stage parses title-case lines with its components


@cache
def load_pipeline(model: str = DEFAULT_MODEL, verify: bool = True) -> Language:
    """The spaCy pipeline named `model` with Dateline's stages added; loaded once per process."""
    nlp = read_spacy_pipeline(model, verify)
    speed_up_spacy(nlp)
    add_dateline_stages(nlp)
    log.debug("loaded spaCy pipeline %s with stages %s", model, nlp.pipe_names)
    return nlp


@dataclass(frozen=True, slots=True)
class _Window:
    """Which article a Doc is a window of, where the window starts, and whether it is the
    article's last: what joins the windows' analyses back into one."""

    article: Article
    offset: int
    last: bool


def analyze_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Analysis]:
    """Run the pipeline over articles, in order, batched by spaCy; one `Analysis` each."""
    settings = settings or Settings()
    nlp = load_pipeline(settings.model, settings.verify_model)
    size = min(settings.window_chars, nlp.max_length)

    def docs() -> Iterator[Doc]:
        for article in articles:
            yield from _window_docs(nlp, article, settings, size)

    parts: list[tuple[int, Analysis]] = []
    for doc in nlp.pipe(docs(), batch_size=settings.batch_size):
        window: _Window = doc._.dateline_window
        parts.append((window.offset, doc._.dateline))
        doc._.dateline = doc._.dateline_window = None
        if window.last:
            yield parts[0][1] if len(parts) == 1 else merge_windows(window.article, parts)
            parts = []


def _unread_doc(nlp: Language, analysis: Analysis) -> Doc:
    """An empty Doc that carries an article's analysis past the stages, as its only window."""
    doc = nlp.make_doc("")
    doc._.dateline = analysis
    doc._.dateline_window = _Window(analysis.article, 0, last=True)
    return doc


def _window_docs(nlp: Language, article: Article, settings: Settings, size: int) -> Iterator[Doc]:
    """The Docs of one article: one per window, or one empty Doc when no stage reads it (too
    long: it carries its failure; another language: spaCy is spared its text)."""
    try:
        check_length(article, settings.max_text_chars)
    except TextTooLongError as error:
        yield _unread_doc(nlp, Analysis(article, failure=str(error)))
        return
    if not is_english(article):
        yield _unread_doc(nlp, Analysis(article))
        return
    bounds = window_bounds(article.text, size)
    for start, end in bounds:
        part = article if len(bounds) == 1 else window_article(article, start, end)
        doc = nlp.make_doc(part.text)
        doc._.dateline = Analysis(part)
        doc._.date_order = settings.date_order
        if settings.event_classifier != "off":  # else the process's wiring (learned.use)
            doc._.event_classifier = (
                settings.event_classifier,
                settings.event_classifier_threshold,
            )
        doc._.dateline_window = _Window(article, start, last=end == len(article.text))
        yield doc
