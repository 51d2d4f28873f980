"""The pipeline: spaCy's own components with Dateline's stages around them.

Each stage is a registered spaCy component that reads the document model kept on the Doc
(`doc._.dateline`, an `Analysis`) and adds its facts to it. Articles go through `nlp.pipe`,
so spaCy batches them; the model is loaded once per process (`load_pipeline`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from dateline.model import Analysis, Article
from dateline.nlp.entities import component as entities
from dateline.nlp.events import component as events
from dateline.nlp.language import read_spacy_pipeline
from dateline.nlp.layout import blocks
from dateline.nlp.places import component as places
from dateline.nlp.quotes import component as quotes
from dateline.nlp.timex import component as times
from dateline.settings import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)

if not Doc.has_extension("dateline"):
    Doc.set_extension("dateline", default=None)

# (component name, where it goes): blocks before spaCy parses, the fact stages after NER.
STAGES: list[tuple[str, dict[str, object]]] = [
    (blocks.COMPONENT, {"first": True}),
    (entities.COMPONENT, {"last": True}),
    (quotes.COMPONENT, {"last": True}),
    (times.COMPONENT, {"last": True}),
    (places.COMPONENT, {"last": True}),
    (events.COMPONENT, {"last": True}),
]


def add_dateline_stages(nlp: Language) -> None:
    """Add every Dateline stage to a loaded spaCy pipeline (once)."""
    for name, position in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, **position)  # type: ignore[arg-type]


@cache
def load_pipeline(model: str = DEFAULT_MODEL, verify: bool = True) -> Language:
    """The spaCy pipeline named `model` with Dateline's stages added; loaded once per process."""
    nlp = read_spacy_pipeline(model, verify)
    add_dateline_stages(nlp)
    log.debug("loaded spaCy pipeline %s with stages %s", model, nlp.pipe_names)
    return nlp


def analyze_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Analysis]:
    """Run the pipeline over articles, in order, batched by spaCy."""
    settings = settings or Settings()
    nlp = load_pipeline(settings.model, settings.verify_model)

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.dateline = Analysis(article)
            doc._.date_order = settings.date_order
            yield doc

    for doc in nlp.pipe(docs(), batch_size=settings.batch_size):
        analysis: Analysis = doc._.dateline
        doc._.dateline = None
        yield analysis
