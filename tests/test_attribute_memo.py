"""The attribute ruler of Dateline's pipeline matches its one-token patterns once per kind of
token (`nlp.language.TokenMemoMatcher`): the annotations must be spaCy's own, token for
token, its longer patterns ("gon na", "let 's") included."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dateline.nlp.language import (
    TokenMemoMatcher,
    load_plain_language,
    memoise_attribute_ruler,
    read_spacy_pipeline,
)
from dateline.settings import Settings

TEXTS = [
    "Y'all gon na see the new pier, ai n't it grand? There is a queue; c'm on, let's go.",
    "The harbour master gets the keys at dawn and got ta open the gates before the ferry docks.",
    "Ines Marr said the board had been told twice. It was, she said, a long wait.",
    "The board said the pier stays shut.",  # the same kinds of token again, from the table
]


def _annotations(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_memoised_ruler_annotates_as_spacys_own() -> None:
    settings = Settings()
    plain = load_plain_language(settings.model, settings.verify_model)
    memoised = read_spacy_pipeline(settings.model, settings.verify_model)
    memoise_attribute_ruler(memoised)
    assert isinstance(memoised.get_pipe("attribute_ruler").matcher, TokenMemoMatcher)
    for text in TEXTS + TEXTS:
        assert _annotations(memoised(text)) == _annotations(plain(text))


def test_a_ruler_whose_patterns_read_more_than_the_token_keeps_spacys_matcher() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "pier", "OP": "+"}]], {"TAG": "NN"})
    memoise_attribute_ruler(nlp)
    assert not isinstance(ruler.matcher, TokenMemoMatcher)
