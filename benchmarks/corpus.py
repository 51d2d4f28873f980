"""Corpus ingest at scale: articles per second with 1 and 2 local workers and a Dask
LocalCluster of 2, peak memory as the corpus grows, and quote search over a million quotes.

    python benchmarks/corpus.py [--articles N] [--memory 1000,10000] [--quotes 1000000]

Articles come from the generated sample corpus (benchmarks.sample_corpus). Each speed run
ingests the same N articles into a fresh SQLite store through `dateline.scale.ingestion`,
the code path of `dateline ingest`, timed from after a warm-up shard per worker (model
loading and cluster start-up are not counted) to the last commit.
Memory: one in-process ingest of the largest --memory figure, the peak RSS (VmHWM) read
when each figure is reached. Search: a store of --quotes generated quotes written straight
into the tables (the FTS5 index kept by its triggers), then `Store.query_quotes(about=...)`
for 50 words of the made-up vocabulary; the median and 95th percentile time.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.sample_corpus import generate, write
from sqlalchemy import insert

from dateline.ingest import article_from_text
from dateline.scale import DaskRunner, InProcessRunner, LocalRunner, Runner
from dateline.scale.ingestion import IngestCounts, ingest
from dateline.settings import Settings
from dateline.store import open_store
from dateline.store.models import ArticleRow, QuoteRow
from dateline.store.rows import content_key


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed_ingest(
    corpus: Path, folder: Path, name: str, runner: Runner, settings: Settings
) -> float:
    """Articles/s of one ingest, after a warm-up shard per worker has loaded the models."""
    warm = [article_from_text("Officials met in Geneva on Monday, a spokesman said.", "warm")]
    for _ in runner.run(iter([warm, warm])):
        pass
    started = time.perf_counter()
    with open_store(str(folder / f"{name}.db")) as store:
        try:
            counts = ingest([str(corpus)], store, runner, settings, shard_size=32)
        finally:
            runner.close()
    seconds = time.perf_counter() - started
    assert counts.failed == 0, counts
    return counts.stored / seconds


def speed(articles: int, folder: Path, settings: Settings) -> None:
    corpus = folder / "speed.jsonl"
    write(generate(articles, seed=11), corpus)
    one = timed_ingest(corpus, folder, "one", InProcessRunner(settings), settings)
    two = timed_ingest(corpus, folder, "two", LocalRunner(settings, 2), settings)
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        dask = timed_ingest(corpus, folder, "dask", DaskRunner(settings, client), settings)
    print(f"ingest of {articles} generated articles into SQLite (models loaded before timing):")
    print(f"  1 worker            {one:7.1f} articles/s")
    print(f"  2 local workers     {two:7.1f} articles/s   speed-up {two / one:.2f}")
    print(f"  Dask LocalCluster 2 {dask:7.1f} articles/s   speed-up {dask / one:.2f}")


def memory(marks: list[int], folder: Path, settings: Settings) -> None:
    corpus = folder / "memory.jsonl"
    write(generate(max(marks), seed=13), corpus)
    seen: dict[int, float] = {}

    def note(counts: IngestCounts) -> None:
        for mark in marks:
            if mark not in seen and counts.stored >= mark:
                seen[mark] = peak_rss_mb()

    with open_store(str(folder / "memory.db")) as store:
        ingest([str(corpus)], store, InProcessRunner(settings), settings, progress=note)
    print("peak RSS of an in-process ingest (one worker):")
    for mark in marks:
        print(f"  after {mark:>6,} articles  {seen.get(mark, float('nan')):7.1f} MB")
    if len(marks) > 1 and all(m in seen for m in marks):
        growth = seen[max(marks)] / seen[min(marks)] - 1
        print(f"  growth {growth:+.1%} from {min(marks):,} to {max(marks):,} articles")


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """Made-up words from syllables, most common first: quotes draw them by Zipf's law, as
    words of real text fall, so a search word matches a realistic share of quotes."""
    syllables = ["ka", "lo", "mi", "ra", "te", "vo", "su", "ne", "dar", "pel", "gri", "tho"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def search(quotes: int, folder: Path) -> None:
    rng = random.Random(5)
    words = vocabulary(5000, rng)
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))
    per_article = 10
    started = time.perf_counter()
    with open_store(str(folder / "search.db")) as store:
        with store.engine.begin() as connection:
            for first in range(0, quotes // per_article, 5000):
                last = min(first + 5000, quotes // per_article)
                pks = connection.execute(
                    insert(ArticleRow).returning(ArticleRow.pk, sort_by_parameter_order=True),
                    [_article(n) for n in range(first, last)],
                ).scalars()
                rows = [
                    _quote(pk, rng.choices(words, cum_weights=cumulative, k=12), rng)
                    for pk in pks
                    for _ in range(per_article)
                ]
                connection.execute(insert(QuoteRow), rows)
        built = time.perf_counter() - started
        timings, hits = [], []
        for word in rng.sample(words[20:2000], 50):
            began = time.perf_counter()
            store.query_quotes(about=word, limit=20)
            timings.append((time.perf_counter() - began) * 1000)
            hits.append(len(store.query_quotes(about=word, limit=None)))
        stored = store.count("quotes")
    timings.sort()
    print(
        f"quote search, {stored:,} quotes in SQLite (built in {built:.0f} s), 50 words "
        f"of Zipf ranks 20-2000 (median {statistics.median(hits):,.0f} matching quotes), limit 20:"
    )
    print(
        f"  median {statistics.median(timings):.1f} ms   "
        f"p95 {timings[int(0.95 * len(timings)) - 1]:.1f} ms   max {timings[-1]:.1f} ms"
    )


def _article(n: int) -> dict[str, Any]:
    return {
        "id": f"sha256:{n:064x}",
        "source_id": f"gen{n}",
        "title": None,
        "url": None,
        "published": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "language": "en",
        "text": "",
        "record": {},
        "dateline_version": "bench",
        "stored_at": datetime.now(UTC),
    }


def _quote(article_pk: int, words: list[str], rng: random.Random) -> dict[str, Any]:
    content = " ".join(words).capitalize()
    return {
        "article_pk": article_pk,
        "local_id": "q1",
        "kind": "direct",
        "span_start": 0,
        "span_end": len(content),
        "content": content,
        "speaker_local": None,
        "speaker_name": f"Speaker {rng.randrange(5000)}",
        "cue_start": None,
        "cue_end": None,
        "cue_text": None,
        "date": None,
        "day": f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "place_local": None,
        "place_name": None,
        "confidence": 0.9,
        "content_key": content_key(content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per speed run")
    parser.add_argument("--memory", default="1000,10000", help="article counts to read RSS at")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes in the search store")
    parser.add_argument("--skip", default="", help="comma-separated: speed,memory,search")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    settings = Settings()
    print(f"$ python benchmarks/corpus.py {' '.join(sys.argv[1:])}".rstrip())
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        folder = Path(tmp)
        if "speed" not in skip:
            speed(args.articles, folder, settings)
        if "memory" not in skip:
            memory(sorted(int(m) for m in args.memory.split(",")), folder, settings)
        if "search" not in skip:
            search(args.quotes, folder)


if __name__ == "__main__":
    main()
