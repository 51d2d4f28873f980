"""A stage that fails on one article records the failure on it and lets the batch go on;
the tests' own analysis fixtures do not let such a failure pass unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import dateline.nlp.pipeline  # noqa: F401  (registers the doc extension)
from dateline.ingest import article_from_text
from dateline.model import Analysis, Article
from dateline.nlp.pipeline import analyze_articles
from dateline.nlp.quotes import component as quote_stage
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


# A quote in the headline only: "nothing is quoted from headlines" holds of it, rightly, but
# it also holds when the quote stage died on the article.
HEADLINE_QUOTE = (
    '"Not in My Harbour," Say Kelso Fishers\n\n'
    "Fishers in Kelso Bay said on Monday that they would fight the plan for a new marina.\n"
)


def test_the_analysis_fixtures_fail_the_test_when_a_stage_failed(  # type: ignore[no-untyped-def]
    analyse_file, analyse_text, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the quote marks could not be read")

    monkeypatch.setattr(quote_stage, "find_quoted_spans", broken)
    [raw] = analyze_articles([article_from_text(HEADLINE_QUOTE, "kelso")])
    assert raw.failure is not None and raw.quotes == []  # the trap: "no quote", for no reason
    story = tmp_path / "kelso.txt"
    story.write_text(HEADLINE_QUOTE, encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="the dateline_quotes stage failed"):
        analyse_file(story)
    with pytest.raises(pytest.fail.Exception, match="the quote marks could not be read"):
        analyse_text(HEADLINE_QUOTE)
    monkeypatch.undo()  # the failure was not cached: the same file now analyses
    analysis = analyse_file(story)
    assert analysis.failure is None
    assert all(q.span.start > HEADLINE_QUOTE.index("\n") for q in analysis.quotes)
