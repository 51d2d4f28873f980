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
so the wiring is `off` by default. A run turns one on with `Settings.event_classifier`
(`dateline analyze --event-classifier fallback`, `DATELINE_EVENT_CLASSIFIER`), which the
pipeline puts on each Doc; in-process callers (the tests) may set the process's wiring with
`use("fallback", 0.1)`, which a run's setting overrides. Off, the classifier is never loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from dateline.model import FACT_BLOCKS, Analysis
from dateline.nlp.common.speakers import MentionIndex
from dateline.nlp.events.classifier import NONE, scores
from dateline.nlp.events.lexicon import Sense
from dateline.nlp.events.triggers import Trigger
from dateline.settings import EVENT_CLASSIFIER_WIRINGS

WIRINGS = EVENT_CLASSIFIER_WIRINGS
# The thresholds measured on held folds (README "Events"): the fallback codes a sentence
# whose P(NONE) is below 0.1, the filter vetoes one whose P(NONE) is 0.9 or more.
DEFAULT_THRESHOLDS = {"off": 0.1, "fallback": 0.1, "filter": 0.9}
# What a main verb's modality makes of a sentence the classifier types: an act announced
# for later keeps PLOVER's future coding, one that is negated or only possible is no event.
_MODAL_POSSIBLE = frozenset({"could", "might", "may", "would", "should", "must"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_CONFIDENCE = 0.5  # below every rule trigger's (0.8): the classifier's guess, not a reading


@dataclass(frozen=True, slots=True)
class Choice:
    """A wiring and the classifier's P(NONE) threshold it decides by."""

    wiring: str = "off"
    threshold: float = 0.1


@dataclass(slots=True)
class _Process:
    choice: Choice


_PROCESS = _Process(Choice())

# What the pipeline puts on each Doc from the run's Settings: (wiring, threshold or None).
if not Doc.has_extension("event_classifier"):
    Doc.set_extension("event_classifier", default=None)


def use(wiring: str, threshold: float | None = None) -> None:
    """Switch the learned wiring for this process ("off", "fallback" or "filter"); without a
    threshold, the wiring's measured one."""
    if wiring not in WIRINGS:
        raise ValueError(f"event classifier wiring {wiring!r}: use one of {', '.join(WIRINGS)}")
    chosen = DEFAULT_THRESHOLDS[wiring] if threshold is None else threshold
    _PROCESS.choice = Choice(wiring, chosen)


def wiring() -> str:
    """The process's wiring ("off" unless `use` changed it)."""
    return _PROCESS.choice.wiring


def choice_for(doc: Doc) -> Choice:
    """The wiring for one Doc: the run's setting where it turned one on, else the process's."""
    chosen: tuple[str, float | None] | None = doc._.event_classifier
    if chosen is None or chosen[0] == "off":
        return _PROCESS.choice
    name, threshold = chosen
    default = Choice(name, DEFAULT_THRESHOLDS[name])
    return default if threshold is None else replace(default, threshold=threshold)


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


def fallback_triggers(sentences: list[TokenSpan], coded: set[int], choice: Choice) -> list[Trigger]:
    """Triggers for the sentences the rules coded nothing in (start tokens in `coded`) that
    the classifier is sure report an event."""
    if choice.wiring != "fallback":
        return []
    todo = [s for s in sentences if s.start not in coded and _main_verb(s) is not None]
    triggers = []
    for sentence, cats in zip(todo, scores(todo), strict=True):
        verb = _main_verb(sentence)
        if verb is None or cats.get(NONE, 1.0) >= choice.threshold:
            continue
        if _negated_or_possible(verb):
            continue
        best = max((k for k in cats if k != NONE), key=lambda k: cats[k])
        aux = "future" if any(c.lower_ in {"will", "shall"} for c in verb.children) else None
        triggers.append(Trigger(verb, Sense(best), aux_mode=aux, confidence=_CONFIDENCE))
    return triggers


def no_event_sentences(sentences: list[TokenSpan], coded: set[int], choice: Choice) -> set[int]:
    """Start tokens of coded sentences the classifier is sure report no event."""
    if choice.wiring != "filter":
        return set()
    todo = [s for s in sentences if s.start in coded]
    return {
        s.start
        for s, cats in zip(todo, scores(todo), strict=True)
        if cats.get(NONE, 0.0) >= choice.threshold
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
