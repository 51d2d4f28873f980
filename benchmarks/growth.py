"""How the pipeline's time grows with the length of one article, on generated texts of three
kinds (`benchmarks/growth_texts.py`): ordinary prose with names, quotes and dates; a wall of
mixed quotation marks; one paragraph with no punctuation.

    python benchmarks/growth.py [--sizes 10000,100000,1000000] [--kinds prose,marks,run_on]

For each kind it prints the time of each size (reading the layout, the whole pipeline and
the record, the model loaded beforehand) and the growth exponent fitted to them: the slope
of log(time) against log(length), 1.0 for linear time, 2.0 for quadratic. The target is
1.2 or less. Every figure is of one run: the point is the slope, not the last decimal.
"""

from __future__ import annotations

import argparse
import math
import sys
import time

from benchmarks.growth_texts import KINDS, generate

from dateline.ingest import article_from_text
from dateline.nlp.pipeline import analyze_articles, load_pipeline
from dateline.record import to_record
from dateline.settings import Settings

TARGET = 1.2


def seconds(text: str, settings: Settings) -> float:
    """The time to analyse one article of `text`, from reading it to its record."""
    started = time.perf_counter()
    article = article_from_text(text, "growth")
    analysis = next(analyze_articles([article], settings))
    if analysis.failure is not None:
        raise SystemExit(f"the pipeline failed on a generated text: {analysis.failure}")
    to_record(analysis)
    return time.perf_counter() - started


def exponent(sizes: list[int], times: list[float]) -> float:
    """The least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="lengths in characters")
    parser.add_argument("--kinds", default=",".join(KINDS), help="which kinds of text")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")
    settings = Settings(max_text_chars=max(sizes) * 2)
    load_pipeline(settings.model, settings.verify_model)
    seconds(generate("prose", 2_000), settings)  # warm-up: lazy tables, caches
    print(f"command: python benchmarks/{' '.join(sys.argv[0].split('/')[-1:] + sys.argv[1:])}")
    print(f"window: {settings.window_chars:,} characters; target exponent <= {TARGET}")
    worst = 0.0
    for kind in kinds:
        times = []
        for size in sizes:
            text = generate(kind, size)
            times.append(seconds(text, settings))
            print(f"  {kind:8} {len(text):>10,} chars  {times[-1]:8.2f} s", flush=True)
        slope = exponent(sizes, times) if len(sizes) > 1 else float("nan")
        worst = max(worst, slope)
        verdict = "ok" if slope <= TARGET else "OVER TARGET"
        print(f"{kind:8} growth exponent {slope:.2f} ({verdict})", flush=True)
    print(f"worst growth exponent: {worst:.2f}")


if __name__ == "__main__":
    main()
