"""Speed of the full Dateline pipeline against spaCy alone, on the same texts, in one run,
where the pipeline's time goes, and what each late Dateline stage adds to it.

    python benchmarks/speed.py [--repeat N] [--limit N] [--split-runs N] [--no-ablation]
    python benchmarks/speed.py --profile PATH [--limit N]

Texts: the bundled example articles, plus the news texts of ../shared/eval/quotes/dev.jsonl
when that folder is present (real articles, evaluation data, read here and never copied).
"Dateline" is everything a user pays for: reading the text and its layout (ingest), the
spaCy pipeline with Dateline's stages, and building the analysis record. It is measured
against two baselines, both `nlp.pipe` over the raw texts: "spaCy alone, Dateline's spaCy
speed-ups" is the same spaCy pipeline with the same changes to spaCy's own components that
Dateline's pipeline has (`speed_up_spacy`), so the ratio against it (the target's) measures
Dateline's own stages; "spaCy alone, stock" is spaCy as shipped.

Every figure is CPU time of this process (`time.process_time`), not wall-clock time: the
machine is shared, and a neighbour's job would otherwise count as ours. The configurations
run interleaved (one round runs each once, N rounds after a warm-up round), so that a drift
in load falls on all of them alike; the best and the median of the N are shown, and each
ratio also round by round (median, lowest to highest).

The split times every component's own call inside one run (each pipeline component wrapped,
its upstream's time taken out of it), plus ingest, spaCy's tokenizer and the record; the
rest is the glue (windows, `nlp.pipe`'s batching); with `--split-runs N`, the median of N.
It is the figure of a stage's share to trust. The ablation runs the pipeline up to each late
stage and up to the one before, in the same interleaved rounds, and shows what the stage
adds (median of the rounds, lowest to highest): a check on the split, noisier by nature.
`--profile PATH` writes a cProfile (CPU clock) of one warm run over the texts instead
(default 40: the examples and the first quote-dev articles) and prints its top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.ingest import article_from_text
from dateline.model import Article
from dateline.nlp.language import load_plain_language, load_sped_up_language
from dateline.nlp.pipeline import analyze_articles, load_pipeline
from dateline.record import to_record
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_QUOTES = ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"
# Stages measured one by one: those after entity resolution, each one's own cost.
LATE_STAGES = (
    "dateline_quotes",
    "dateline_sources",
    "dateline_times",
    "dateline_places",
    "dateline_events",
    "dateline_positions",
)
# The three configurations of the headline, on the same texts.
SAME_SPACY = "spaCy, same speed-ups"  # the like-for-like baseline: the target's
STOCK_SPACY = "spaCy, stock"
DATELINE = "Dateline pipeline"
Clock = Callable[[], float]
CLOCK: Clock = time.process_time


def corpus(limit: int) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if SHARED_QUOTES.is_file():
        with SHARED_QUOTES.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts[:limit]


class _Feed:
    """The stream a component reads, counting the time spent fetching from upstream, which
    a generator pipeline would otherwise charge to the component that asked."""

    def __init__(self, docs: Iterable[Doc], clock: Clock) -> None:
        self._docs = iter(docs)
        self._clock = clock
        self.seconds = 0.0

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> Doc:
        started = self._clock()
        try:
            return next(self._docs)
        finally:
            self.seconds += self._clock() - started


class TimedComponent:
    """A pipeline component (or the tokenizer) that adds its own CPU time to `seconds`."""

    def __init__(self, proc: Callable[..., Any], clock: Clock = CLOCK) -> None:
        self.proc = proc
        self.clock = clock
        self.seconds = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started = self.clock()
        try:
            return self.proc(*args, **kwargs)
        finally:
            self.seconds += self.clock() - started

    def pipe(self, docs: Iterable[Doc], **kwargs: Any) -> Iterator[Doc]:
        if not hasattr(self.proc, "pipe"):
            kwargs.pop("batch_size", None)
            for doc in docs:
                yield self(doc, **kwargs)
            return
        feed = _Feed(docs, self.clock)
        out = iter(self.proc.pipe(feed, **kwargs))
        while True:
            started, fed = self.clock(), feed.seconds
            try:
                doc = next(out)
            except StopIteration:
                return
            finally:
                self.seconds += self.clock() - started - (feed.seconds - fed)
            yield doc


@contextmanager
def timed_pipeline(nlp: Language, clock: Clock = CLOCK) -> Iterator[dict[str, TimedComponent]]:
    """Every component of `nlp`, and its tokenizer (as "tokenizer"), timed while inside."""
    components = list(nlp._components)
    tokenizer = nlp.tokenizer
    timers = {name: TimedComponent(proc, clock) for name, proc in components}
    timers["tokenizer"] = TimedComponent(tokenizer, clock)
    nlp._components = [(name, timers[name]) for name, _ in components]
    nlp.tokenizer = timers["tokenizer"]  # type: ignore[assignment]
    try:
        yield timers
    finally:
        nlp._components = components
        nlp.tokenizer = tokenizer


def split(
    nlp: Language, texts: list[str], settings: Settings, clock: Clock = CLOCK
) -> dict[str, float]:
    """CPU seconds of one run of the whole pipeline, by part: "ingest" (the text and its
    layout read), "tokenizer", each component by name, "record", "other" and "total"."""
    ingest = TimedComponent(article_from_text, clock)
    record = TimedComponent(to_record, clock)
    with timed_pipeline(nlp, clock) as timers:
        started = clock()
        articles: Iterator[Article] = (ingest(t, str(i)) for i, t in enumerate(texts))
        for analysis in analyze_articles(articles, settings):
            record(analysis)
        total = clock() - started
    parts = {"ingest": ingest.seconds, "record": record.seconds}
    parts |= {name: timer.seconds for name, timer in timers.items()}
    parts["other"] = total - sum(parts.values())
    parts["total"] = total
    return parts


def print_split(parts: dict[str, float], words: int) -> None:
    total = parts["total"]
    print(f"split of one run, CPU seconds ({words / total:,.0f} words/s):")
    for name, seconds in parts.items():
        print(f"  {name:<24}{seconds:>8.2f}{seconds / total:>8.1%}")


def profile(nlp: Language, texts: list[str], settings: Settings, path: Path) -> None:
    """A cProfile of one warm run (CPU clock) into `path`, its top functions printed."""
    run = _dateline_run(nlp, texts, settings, [])
    run()  # warm-up, so the profile shows the steady state and no loading
    profiler = cProfile.Profile(CLOCK)
    profiler.runcall(run)
    profiler.dump_stats(str(path))
    stats = pstats.Stats(str(path))
    stats.sort_stats("cumulative").print_stats("dateline", 40)
    stats.sort_stats("tottime").print_stats(25)


def interleaved(
    runs: dict[str, Callable[[], object]], repeat: int, clock: Clock = CLOCK
) -> dict[str, list[float]]:
    """CPU seconds of each run, `repeat` times over, in rounds that run every configuration
    once (ABAB…, the order turned by one each round), after one warm-up round: a drift in
    the machine's load, or in what a neighbour leaves in the shared caches, then falls on
    every configuration alike instead of on whichever ran last. A full garbage collection
    before each run keeps one run's garbage from being charged to the next."""
    names = list(runs)
    for name in names:
        runs[name]()  # warm-up: caches, lazy tables
    timings: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(repeat):
        turn = round_ % len(names) if names else 0
        for name in names[turn:] + names[:turn]:
            gc.collect()
            started = clock()
            runs[name]()
            timings[name].append(clock() - started)
    return timings


def spread(values: list[float]) -> tuple[float, float, float]:
    """The median, lowest and highest of some figures."""
    return statistics.median(values), min(values), max(values)


def shares(with_it: list[float], without: list[float]) -> list[float]:
    """What a stage adds to the time, round by round: each round's runs with and without it
    taken together, so that one round's load does not meet another's."""
    return [(w - o) / o for w, o in zip(with_it, without, strict=True)]


def median_split(splits: list[dict[str, float]]) -> dict[str, float]:
    """The median of each part over several split runs."""
    return {name: statistics.median(s[name] for s in splits) for name in splits[0]}


def print_headline(timings: dict[str, list[float]], words: int, repeat: int) -> None:
    print(f"{'':<22}{'best s':>8}{'median s':>10}{'words/s':>10}  (best of {repeat}, CPU)")
    for name, seconds in timings.items():
        best, median = min(seconds), statistics.median(seconds)
        print(f"{name:<22}{best:>8.2f}{median:>10.2f}{words / best:>10,.0f}")
    dateline = timings[DATELINE]
    for baseline in (SAME_SPACY, STOCK_SPACY):
        # words/s over words/s on the same texts: the baseline's time over the pipeline's
        ratios = [b / d for b, d in zip(timings[baseline], dateline, strict=True)]
        mid, low, high = spread(ratios)
        best = min(timings[baseline]) / min(dateline)
        print(
            f"speed ratio (Dateline / {baseline}): {best:.2f} best of each; "
            f"by round median {mid:.2f} ({low:.2f}-{high:.2f})"
            + ("  (target >= 0.85)" if baseline == SAME_SPACY else "")
        )


def ablation(
    nlp: Language, texts: list[str], settings: Settings, repeat: int
) -> dict[str, list[float]]:
    """Round by round, what each late stage adds to the pipeline's time: the pipeline up to
    the stage against the pipeline up to the one before (a stage's later stages are off in
    both, since they may read what it found), every configuration in the same rounds."""
    stages = [name for name in nlp.pipe_names if name in LATE_STAGES]
    runs = {
        f"up to {stages[k - 1] if k else 'entities'}": _dateline_run(
            nlp, texts, settings, stages[k:]
        )
        for k in range(len(stages) + 1)
    }
    timings = list(interleaved(runs, repeat).values())
    return {stage: shares(timings[k + 1], timings[k]) for k, stage in enumerate(stages)}


def _dateline_run(
    nlp: Language, texts: list[str], settings: Settings, disabled: list[str]
) -> Callable[[], None]:
    def run() -> None:
        with nlp.select_pipes(disable=disabled):
            articles = (article_from_text(t, str(i)) for i, t in enumerate(texts))
            for analysis in analyze_articles(articles, settings):
                to_record(analysis)

    return run


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="rounds of every configuration")
    parser.add_argument("--limit", type=int, default=None, help="at most this many texts")
    parser.add_argument("--no-ablation", action="store_true", help="skip the stage shares")
    parser.add_argument(
        "--split-runs", type=int, default=1, help="split runs, the median of each part shown"
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile of one run here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    settings = Settings()
    texts = corpus(args.limit or (40 if args.profile else 200))
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline(settings.model, settings.verify_model)
    if args.profile:
        profile(nlp, texts, settings, args.profile)
        return
    stock = load_plain_language(settings.model, settings.verify_model)
    same = load_sped_up_language(settings.model, settings.verify_model)

    def spacy_alone(plain: Language) -> Callable[[], None]:
        def run() -> None:
            for _ in plain.pipe(texts, batch_size=settings.batch_size):
                pass

        return run

    runs = {
        SAME_SPACY: spacy_alone(same),
        STOCK_SPACY: spacy_alone(stock),
        DATELINE: _dateline_run(nlp, texts, settings, []),
    }
    print(f"texts: {len(texts)}  words: {words:,}  {args.repeat} interleaved rounds, CPU time")
    print_headline(interleaved(runs, args.repeat), words, args.repeat)
    split(nlp, texts, settings)  # warm-up of the timers' own path
    splits = [split(nlp, texts, settings) for _ in range(max(1, args.split_runs))]
    print_split(median_split(splits), words)
    if not args.no_ablation:
        print(f"ablation, {args.repeat} interleaved rounds: median (lowest to highest)")
        for stage, added in ablation(nlp, texts, settings, args.repeat).items():
            mid, low, high = spread(added)
            print(f"  {stage:<22} adds {mid:+.1%} ({low:+.1%} to {high:+.1%})  (target <= 15%)")
    print("command: make bench-speed  (python benchmarks/speed.py)")


if __name__ == "__main__":
    main()
