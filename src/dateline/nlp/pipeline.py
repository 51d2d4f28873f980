"""The pipeline: spaCy's own components with Dateline's stages around them.

Each stage is a registered spaCy component that reads the document model kept on the Doc
(`doc._.dateline`, an `Analysis`) and adds its facts to it. Articles go through `nlp.pipe`,
so spaCy batches them; the model is loaded once per process (`load_language`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from dateline.model import Analysis, Article
from dateline.nlp import blocks, entities, events, places, quotes, times  # noqa: F401
from dateline.nlp.language import load_language
from dateline.settings import Settings

if not Doc.has_extension("dateline"):
    Doc.set_extension("dateline", default=None)

# (component name, where it goes): blocks before spaCy parses, the fact stages after NER.
STAGES: list[tuple[str, dict[str, object]]] = [
    ("dateline_blocks", {"first": True}),
    ("dateline_entities", {"last": True}),
    ("dateline_quotes", {"last": True}),
    ("dateline_times", {"last": True}),
    ("dateline_places", {"last": True}),
    ("dateline_events", {"last": True}),
]


def add_dateline_stages(nlp: Language) -> None:
    """Add every Dateline stage to a loaded spaCy pipeline (once)."""
    for name, position in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, **position)  # type: ignore[arg-type]


def analyze_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Analysis]:
    """Run the pipeline over articles, in order, batched by spaCy."""
    settings = settings or Settings()
    nlp = load_language(settings.model, settings.verify_model)

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
