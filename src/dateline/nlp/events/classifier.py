"""A learned second opinion on a sentence: which PLOVER type it reports, or none (issue 14).

The events stage's rules read verbs and their arguments; they do not weigh the sentence as a
whole ("the striker scored twice" has a trigger and no event). This classifier does: a spaCy
`textcat` (bag of words and bigrams, exclusive classes) trained by
`scripts/train_event_classifier.py` only on the project's own sentences
(`data/training/`, CC0), never on evaluation text. It is stored in `data/event_classifier/`
and read once per process, on first use, so an analysis that codes no events never pays.

Its input is the sentence as the pipeline already parsed it, reduced to what generalises from
a thousand training sentences: lower-cased lemmas, and a name replaced by its entity label
(a GPE is a GPE, whichever state it is), so "Peru shelled" and "Kenya shelled" are one
phrasing. Training and run time both call `features`, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Token

NONE = "NONE"  # the class of a sentence that reports no event
# Entity labels that stand for their names: who and how many vary, the phrasing does not.
_PLACEHOLDERS = frozenset({"GPE", "NORP", "PERSON", "ORG", "CARDINAL", "DATE", "MONEY"})


def model_dir() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("dateline.nlp.events").joinpath("data", "event_classifier")))


def features(tokens: Iterable[Token]) -> str:
    """The classifier's view of a sentence: lemmas and entity labels, punctuation dropped."""
    words = []
    for token in tokens:
        if token.is_punct or token.is_space:
            continue
        label = token.ent_type_
        words.append(label if label in _PLACEHOLDERS else token.lemma_.lower())
    return " ".join(words)


@cache
def _model() -> Language:
    return spacy.load(model_dir())


def scores(sentences: Iterable[Iterable[Token]]) -> list[dict[str, float]]:
    """Per sentence, the probability of each PLOVER type and of NONE (they sum to one)."""
    nlp = _model()
    return [dict(doc.cats) for doc in nlp.pipe(features(s) for s in sentences)]


def none_probability(sentence: Iterable[Token]) -> float:
    """How sure the classifier is that the sentence reports no event."""
    return scores([sentence])[0].get(NONE, 0.0)
