"""How the events stage uses the learned classifier (`classifier.py`), and whether it does.

Two wirings were built and measured by five-fold CV on both events dev sets
(`benchmarks/events_classifier_cv.py`, README "Events"):

* `fallback`: a sentence of the body where the rules coded nothing, that the classifier is
  sure reports an event (P(NONE) < threshold), gets a trigger at its main verb, typed by the
  classifier; its actor and recipient are found as for any trigger.
* `filter`: the events of a sentence the classifier is sure reports none (P(NONE) >=
  threshold) are dropped.

Neither raised the held-fold figures on both sets (the rules are better than a classifier
trained on a thousand of our own sentences, and the two mostly fail on the same sentences),
so the wiring is `off` by default: `use("fallback", 0.1)` turns one on for a process, which
the benchmark and the tests do. Off, the classifier is never loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Analysis
from dateline.nlp.common.speakers import MentionIndex
from dateline.nlp.events.classifier import NONE, scores
from dateline.nlp.events.lexicon import Sense
from dateline.nlp.events.triggers import Trigger

WIRINGS = ("off", "fallback", "filter")
# What a main verb's modality makes of a sentence the classifier types: an act announced
# for later keeps PLOVER's future coding, one that is negated or only possible is no event.
_MODAL_POSSIBLE = frozenset({"could", "might", "may", "would", "should", "must"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_CONFIDENCE = 0.5  # below every rule trigger's (0.8): the classifier's guess, not a reading


@dataclass(slots=True)
class _Choice:
    wiring: str = "off"
    threshold: float = 0.1


_CHOICE = _Choice()


def use(wiring: str, threshold: float | None = None) -> None:
    """Switch the learned wiring for this process ("off", "fallback" or "filter")."""
    if wiring not in WIRINGS:
        raise ValueError(f"event classifier wiring {wiring!r}: use one of {', '.join(WIRINGS)}")
    _CHOICE.wiring = wiring
    if threshold is not None:
        _CHOICE.threshold = threshold


def wiring() -> str:
    """The wiring in use ("off" unless `use` changed it)."""
    return _CHOICE.wiring


def fact_sentences(doc: Doc, analysis: Analysis, index: MentionIndex) -> list[TokenSpan]:
    """The sentences events may be read from: body or standfirst, not inside a quote."""
    out = []
    for sentence in doc.sents:
        block = analysis.article.block_at(sentence.start_char)
        if block is None or block.kind not in FACT_BLOCKS:
            continue
        if not index.inside_quote(sentence.root.idx):
            out.append(sentence)
    return out


def fallback_triggers(sentences: list[TokenSpan], coded: set[int]) -> list[Trigger]:
    """Triggers for the sentences the rules coded nothing in (start tokens in `coded`) that
    the classifier is sure report an event."""
    if _CHOICE.wiring != "fallback":
        return []
    todo = [s for s in sentences if s.start not in coded and _main_verb(s) is not None]
    triggers = []
    for sentence, cats in zip(todo, scores(todo), strict=True):
        verb = _main_verb(sentence)
        if verb is None or cats.get(NONE, 1.0) >= _CHOICE.threshold:
            continue
        if _negated_or_possible(verb):
            continue
        best = max((k for k in cats if k != NONE), key=lambda k: cats[k])
        aux = "future" if any(c.lower_ in {"will", "shall"} for c in verb.children) else None
        triggers.append(Trigger(verb, Sense(best), aux_mode=aux, confidence=_CONFIDENCE))
    return triggers


def no_event_sentences(sentences: list[TokenSpan], coded: set[int]) -> set[int]:
    """Start tokens of coded sentences the classifier is sure report no event."""
    if _CHOICE.wiring != "filter":
        return set()
    todo = [s for s in sentences if s.start in coded]
    return {
        s.start
        for s, cats in zip(todo, scores(todo), strict=True)
        if cats.get(NONE, 0.0) >= _CHOICE.threshold
    }


def _main_verb(sentence: TokenSpan) -> Token | None:
    root = sentence.root
    return root if root.pos_ in {"VERB", "AUX"} else None


def _negated_or_possible(verb: Token) -> bool:
    """ "did not attack", "could attack", "if they attack": nothing the sentence says happened."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in _MODAL_POSSIBLE):
            return True
        if child.dep_ == "mark" and child.lower_ in _CONDITIONAL:
            return True
    return False
