"""A stage that fails on one article records the failure on it and lets the batch go on."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import dateline.nlp.pipeline  # noqa: F401  (registers the doc extension)
from dateline.model import Analysis, Article
from dateline.nlp.stage import stage


@stage("test_stage_that_fails_on_short_texts")
def _fails_on_short_texts(doc: Doc, analysis: Analysis) -> None:
    if len(doc) < 5:
        raise ValueError("too short for this stage")
    analysis.entities = []


def _run(texts: list[str]) -> list[Analysis]:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_stage_that_fails_on_short_texts")
    docs = []
    for number, text in enumerate(texts):
        doc = nlp.make_doc(text)
        doc._.dateline = Analysis(Article(text=text, source_id=f"a{number}"))
        docs.append(doc)
    return [doc._.dateline for doc in nlp.pipe(docs)]


def test_the_failure_is_recorded_and_the_batch_goes_on() -> None:
    analyses = _run(["A long enough article about talks.", "Too short.", "Another long one here."])
    assert [a.article.source_id for a in analyses] == ["a0", "a1", "a2"]
    assert analyses[0].failure is None and analyses[2].failure is None
    failure = analyses[1].failure
    assert failure is not None
    assert failure.startswith("[D301] a1:") and "too short for this stage" in failure
