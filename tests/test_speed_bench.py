"""The speed benchmark's CPU split: each pipeline component is charged its own time only,
not the time its upstream components spend producing the documents it reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from benchmarks.speed import TimedComponent, timed_pipeline
from spacy.language import Language
from spacy.tokens import Doc


class _FakeClock:
    """A clock that moves only when a component says it worked."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


CLOCK = _FakeClock()


@Language.component("speed_test_slow_call")
def _slow_call(doc: Doc) -> Doc:
    CLOCK.now += 1.0  # one "second" per document
    return doc


class _BatchedStage:
    """A component with its own `pipe` that reads its stream in batches, as spaCy's do."""

    def __call__(self, doc: Doc) -> Doc:
        CLOCK.now += 0.5
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 2) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == batch_size:
                yield from (self(d) for d in batch)
                batch = []
        yield from (self(d) for d in batch)


@Language.factory("speed_test_batched")
def _batched(nlp: Language, name: str) -> _BatchedStage:
    return _BatchedStage()


def test_each_component_is_charged_its_own_time() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("speed_test_slow_call")
    nlp.add_pipe("speed_test_batched")
    with timed_pipeline(nlp, CLOCK) as timers:
        docs = list(nlp.pipe(["One text here.", "A second.", "And a third one."], batch_size=2))
    assert len(docs) == 3
    assert timers["speed_test_slow_call"].seconds == 3.0
    assert timers["speed_test_batched"].seconds == 1.5
    assert timers["tokenizer"].seconds == 0.0
    # the pipeline is given back as it was
    assert not isinstance(nlp.get_pipe("speed_test_batched"), TimedComponent)
    assert not isinstance(nlp.tokenizer, TimedComponent)
