"""The speed benchmark's CPU split: each pipeline component is charged its own time only,
not the time its upstream components spend producing the documents it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import spacy
from benchmarks.speed import (
    TimedComponent,
    interleaved,
    median_split,
    parse_args,
    shares,
    spread,
    timed_pipeline,
)
from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.language import TokenMemoMatcher, load_plain_language, load_sped_up_language
from dateline.nlp.pipeline import load_pipeline
from dateline.settings import Settings


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


def test_configurations_run_interleaved_and_turn_each_round() -> None:
    order: list[str] = []
    clock = _FakeClock()

    def run(name: str, seconds: float) -> Callable[[], None]:
        def go() -> None:
            order.append(name)
            clock.now += seconds

        return go

    timings = interleaved({"a": run("a", 1.0), "b": run("b", 2.0)}, repeat=3, clock=clock)
    # one warm-up round, then rounds ABAB…, the first one turned by one each round
    assert order == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert timings == {"a": [1.0, 1.0, 1.0], "b": [2.0, 2.0, 2.0]}


def test_a_stage_share_is_taken_round_by_round() -> None:
    # round 2 ran under load for both configurations: its share is still 10 %
    added = shares(with_it=[1.1, 2.2, 1.1], without=[1.0, 2.0, 1.0])
    assert [round(a, 6) for a in added] == [0.1, 0.1, 0.1]
    assert spread([0.3, 0.1, 0.2]) == (0.2, 0.1, 0.3)


def test_the_split_of_several_runs_is_each_parts_median() -> None:
    runs = [{"ner": 1.0, "total": 3.0}, {"ner": 3.0, "total": 5.0}, {"ner": 2.0, "total": 9.0}]
    assert median_split(runs) == {"ner": 2.0, "total": 5.0}


def test_the_options_parse() -> None:
    args = parse_args(["--repeat", "3", "--limit", "80", "--split-runs", "2", "--no-ablation"])
    assert (args.repeat, args.limit, args.split_runs, args.no_ablation) == (3, 80, 2, True)
    assert parse_args([]).split_runs == 1


def test_the_like_for_like_baseline_has_the_pipelines_spacy_speed_ups() -> None:
    settings = Settings()
    baseline = load_sped_up_language(settings.model, settings.verify_model)
    pipeline = load_pipeline(settings.model, settings.verify_model)
    stock = load_plain_language(settings.model, settings.verify_model)
    kind = type(pipeline.get_pipe("attribute_ruler").matcher)  # type: ignore[attr-defined]
    assert kind is TokenMemoMatcher
    assert type(baseline.get_pipe("attribute_ruler").matcher) is kind  # type: ignore[attr-defined]
    assert type(stock.get_pipe("attribute_ruler").matcher) is not kind  # type: ignore[attr-defined]
    assert [n for n in pipeline.pipe_names if not n.startswith("dateline_")] == baseline.pipe_names
