"""Speed of the full Dateline pipeline against spaCy alone, on the same texts, in one run,
and what each late Dateline stage adds to the pipeline's time.

    python benchmarks/speed.py [--repeat N] [--limit N]

Texts: the bundled example articles, plus the news texts of ../shared/eval/quotes/dev.jsonl
when that folder is present (real articles, evaluation data, read here and never copied).
"spaCy alone" is the pinned pipeline's `nlp.pipe` over the raw texts. "Dateline" is
everything a user pays for: reading the layout, the spaCy pipeline with Dateline's stages,
and building the analysis record. A stage's share is the pipeline's time with the stage
against the time without it (its later stages off too). Each figure is the best of N runs,
after a warm-up run.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from dateline.ingest import article_from_text
from dateline.nlp.language import load_plain_language
from dateline.nlp.pipeline import analyze_articles, load_pipeline
from dateline.record import to_record
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_QUOTES = ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"
# Stages measured one by one: those after entity resolution, each one's own cost.
LATE_STAGES = (
    "dateline_quotes",
    "dateline_times",
    "dateline_places",
    "dateline_events",
    "dateline_positions",
)


def corpus(limit: int) -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if SHARED_QUOTES.is_file():
        with SHARED_QUOTES.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts[:limit]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    run()  # warm-up: caches, lazy tables
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--limit", type=int, default=200, help="at most this many texts")
    args = parser.parse_args()
    settings = Settings()
    texts = corpus(args.limit)
    words = sum(len(t.split()) for t in texts)
    plain = load_plain_language(settings.model, settings.verify_model)
    nlp = load_pipeline(settings.model, settings.verify_model)

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
    print(f"texts: {len(texts)}  words: {words:,}  best of {args.repeat} runs")
    print(f"{'':<22}{'seconds':>10}{'words/s':>12}")
    print(f"{'spaCy alone':<22}{spacy_seconds:>10.2f}{spacy_wps:>12,.0f}")
    print(f"{'Dateline pipeline':<22}{dateline_seconds:>10.2f}{dateline_wps:>12,.0f}")
    print(f"speed ratio (Dateline / spaCy): {dateline_wps / spacy_wps:.2f}  (target >= 0.85)")
    stages = [name for name in nlp.pipe_names if name in LATE_STAGES]
    for position, stage in enumerate(stages):
        without = best_of(args.repeat, dateline_run(stages[position:]))
        with_it = best_of(args.repeat, dateline_run(stages[position + 1 :]))
        share = (with_it - without) / without
        print(f"{stage}: adds {share:+.1%} to the pipeline's time  (target <= 15%)")
    print("command: make bench-speed  (python benchmarks/speed.py)")


if __name__ == "__main__":
    main()
