"""Speed of the full Dateline pipeline against spaCy alone, on the same texts, in one run,
where the pipeline's time goes, and what each late Dateline stage adds to it.

    python benchmarks/speed.py [--repeat N] [--limit N] [--no-ablation]
    python benchmarks/speed.py --profile PATH [--limit N]

Texts: the bundled example articles, plus the news texts of ../shared/eval/quotes/dev.jsonl
when that folder is present (real articles, evaluation data, read here and never copied).
"spaCy alone" is the pinned pipeline's `nlp.pipe` over the raw texts. "Dateline" is
everything a user pays for: reading the text and its layout (ingest), the spaCy pipeline
with Dateline's stages, and building the analysis record.

Every figure is CPU time of this process (`time.process_time`), not wall-clock time: the
machine is shared, and a neighbour's job would otherwise count as ours. Each figure is the
best of N runs, after a warm-up run.

The split times every component's own call inside one run (each pipeline component wrapped,
its upstream's time taken out of it), plus ingest, spaCy's tokenizer and the record; the
rest is the glue (windows, `nlp.pipe`'s batching). A stage's share (the ablation) is the
pipeline's time with the stage against the time without it (its later stages off too).
`--profile PATH` writes a cProfile (CPU clock) of one warm run over the texts instead
(default 40: the examples and the first quote-dev articles) and prints its top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.ingest import article_from_text
from dateline.model import Article
from dateline.nlp.language import load_plain_language
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
Clock = Callable[[], float]
CLOCK: Clock = time.process_time


def corpus(limit: int) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if SHARED_QUOTES.is_file():
        with SHARED_QUOTES.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts[:limit]


def best_of(repeat: int, run: Callable[[], object], clock: Clock = CLOCK) -> float:
    run()  # warm-up: caches, lazy tables
    timings = []
    for _ in range(repeat):
        started = clock()
        run()
        timings.append(clock() - started)
    return min(timings)


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

    def run() -> None:
        articles = (article_from_text(t, str(i)) for i, t in enumerate(texts))
        for analysis in analyze_articles(articles, settings):
            to_record(analysis)

    run()  # warm-up, so the profile shows the steady state and no loading
    profiler = cProfile.Profile(CLOCK)
    profiler.runcall(run)
    profiler.dump_stats(str(path))
    stats = pstats.Stats(str(path))
    stats.sort_stats("cumulative").print_stats("dateline", 40)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="at most this many texts")
    parser.add_argument("--no-ablation", action="store_true", help="skip the stage shares")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one run here")
    args = parser.parse_args()
    settings = Settings()
    texts = corpus(args.limit or (40 if args.profile else 200))
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline(settings.model, settings.verify_model)
    if args.profile:
        profile(nlp, texts, settings, args.profile)
        return
    plain = load_plain_language(settings.model, settings.verify_model)

    def spacy_alone() -> None:
        for _ in plain.pipe(texts, batch_size=settings.batch_size):
            pass

    def dateline_run(disabled: list[str]) -> Callable[[], None]:
        def run() -> None:
            with nlp.select_pipes(disable=disabled):
                articles = (article_from_text(t, str(i)) for i, t in enumerate(texts))
                for analysis in analyze_articles(articles, settings):
                    to_record(analysis)

        return run

    spacy_seconds = best_of(args.repeat, spacy_alone)
    dateline_seconds = best_of(args.repeat, dateline_run([]))
    spacy_wps, dateline_wps = words / spacy_seconds, words / dateline_seconds
    print(f"texts: {len(texts)}  words: {words:,}  best of {args.repeat} runs, CPU time")
    print(f"{'':<22}{'seconds':>10}{'words/s':>12}")
    print(f"{'spaCy alone':<22}{spacy_seconds:>10.2f}{spacy_wps:>12,.0f}")
    print(f"{'Dateline pipeline':<22}{dateline_seconds:>10.2f}{dateline_wps:>12,.0f}")
    print(f"speed ratio (Dateline / spaCy): {dateline_wps / spacy_wps:.2f}  (target >= 0.85)")
    print_split(split(nlp, texts, settings), words)
    if not args.no_ablation:
        stages = [name for name in nlp.pipe_names if name in LATE_STAGES]
        for position, stage in enumerate(stages):
            without = best_of(args.repeat, dateline_run(stages[position:]))
            with_it = best_of(args.repeat, dateline_run(stages[position + 1 :]))
            share = (with_it - without) / without
            print(f"{stage}: adds {share:+.1%} to the pipeline's time  (target <= 15%)")
    print("command: make bench-speed  (python benchmarks/speed.py)")


if __name__ == "__main__":
    main()
