"""The attribute ruler of Dateline's pipeline matches its one-token patterns once per kind of
token (`nlp.language.TokenMemoMatcher`): the annotations must be spaCy's own, token for
token, its longer patterns ("gon na", "let 's") included; so must its shortened `match` and
`set_annotations` (`nlp.language.RulerShortcuts`)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dateline.nlp.language import (
    TokenMemoMatcher,
    load_plain_language,
    memoise_attribute_ruler,
    read_spacy_pipeline,
    shorten_ruler_calls,
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


def test_the_rulers_shortcuts_annotate_as_spacys_own() -> None:
    settings = Settings()
    plain = load_plain_language(settings.model, settings.verify_model)
    shortened = read_spacy_pipeline(settings.model, settings.verify_model)
    shorten_ruler_calls(shortened)
    ruler = shortened.get_pipe("attribute_ruler")
    assert "match" in vars(ruler) and "set_annotations" in vars(ruler)
    for text in TEXTS + TEXTS:
        assert _annotations(shortened(text)) == _annotations(plain(text))


def test_the_shortcuts_keep_index_order_and_spacys_error() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    # two rules on the same token: the later one wins, as in spaCy's own
    ruler.add([[{"LOWER": "quay"}]], {"TAG": "NN"})
    ruler.add([[{"LOWER": "quay"}]], {"TAG": "NNP"})
    ruler.add([[{"LOWER": "old"}, {"LOWER": "pier"}]], {"TAG": "JJ"}, index=-2)
    shorten_ruler_calls(nlp)
    doc = nlp("the old pier by the quay")
    assert [t.tag_ for t in doc] == ["", "JJ", "", "", "", "NNP"]
    ruler.add([[{"LOWER": "harbour"}]], {"TAG": "NN"}, index=3)  # past the match's end
    with pytest.raises(ValueError, match="E1001"):
        nlp("the harbour")
