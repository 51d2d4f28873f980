"""`dateline ingest`: sources read into articles, new ones analysed in shards, every result
written by ONE writer, a transaction per shard.

Why it is safe to kill at any moment and run again: an article is stored with all its facts
in the same transaction as the rest of its shard, so the store holds whole shards only; a
rerun skips every article already stored (by id, the SHA-256 of its text) and analyses only
the rest. `reanalyze` stores every article anew instead. At the end the new articles'
entities are resolved: against the part of the corpus that bears on them when they are few
beside it (`Store.resolve_articles`), else the whole corpus again (`Store.resolve_entities`),
so new names also settle who older ones were.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dateline.corpus.identity import corpus_keys
from dateline.ingest.jsonl import InputFailure
from dateline.ingest.kinds import InputType
from dateline.ingest.sources import Fetch, read_inputs
from dateline.model import Article
from dateline.scale.runners import Runner, Shard
from dateline.settings import Settings
from dateline.store import Store

log = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestCounts:
    """How an ingest is going: read, stored, skipped (already stored), failed."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.stored + self.skipped + self.failed


Progress = Callable[[IngestCounts], None]


def ingest(
    sources: list[str],
    store: Store,
    runner: Runner,
    settings: Settings,
    *,
    shard_size: int = 32,
    reanalyze: bool = False,
    fetch: Fetch | None = None,
    progress: Progress | None = None,
    input_type: InputType = InputType.AUTO,
) -> IngestCounts:
    """Read, analyse and store every article of `sources`; returns the counts."""
    counts = IngestCounts()
    pending_failures: list[tuple[str, str]] = []

    def report() -> None:
        if progress is not None:
            progress(counts)

    def shards() -> Iterator[Shard]:
        items = read_inputs(sources, settings, fetch, input_type)
        for batch in _batches(items, shard_size):
            articles = _new_articles(batch, store, reanalyze, seen, counts, pending_failures)
            report()
            if articles:
                yield articles

    seen: set[str] = set()
    stored: list[str] = []
    for result in runner.run(shards()):
        failures, pending_failures[:] = [*pending_failures, *result.failures], []
        summary = store.save_records(result.records, failures=failures, replace=reanalyze)
        counts.stored += summary.stored
        stored += summary.article_ids
        counts.skipped += summary.skipped
        counts.failed += len(result.failures)
        log.info("stored a shard: %d articles, %d failures", summary.stored, len(failures))
        report()
    if pending_failures:
        store.save_records([], failures=pending_failures)
    if stored:
        resolve(store, stored)
    report()
    return counts


# An ingest that stores fewer articles than this share of the store's resolves only
# theirs: a few new articles cannot settle much of a large corpus, and reading all of it
# for each would make adding one article as slow as resolving everything.
INCREMENTAL_SHARE = 0.1


def resolve(store: Store, article_ids: list[str]) -> None:
    """Corpus keys for newly stored articles (see the module's docstring)."""
    if len(article_ids) < INCREMENTAL_SHARE * store.count():
        store.resolve_articles(article_ids, corpus_keys)
    else:
        store.resolve_entities(corpus_keys)


def _batches(
    items: Iterator[Article | InputFailure], size: int
) -> Iterator[list[Article | InputFailure]]:
    batch: list[Article | InputFailure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _new_articles(
    batch: list[Article | InputFailure],
    store: Store,
    reanalyze: bool,
    seen: set[str],
    counts: IngestCounts,
    failures: list[tuple[str, str]],
) -> list[Article]:
    """The batch's articles still to analyse; failures noted, already-stored ones counted."""
    articles = [item for item in batch if isinstance(item, Article)]
    for item in batch:
        if isinstance(item, InputFailure):
            failures.append((item.source_id, item.reason))
            counts.failed += 1
    counts.read += len(articles)
    stored = set() if reanalyze else store.stored_ids([a.id for a in articles])
    fresh = []
    for article in articles:
        if article.id in stored or article.id in seen:
            counts.skipped += 1
            continue
        seen.add(article.id)
        fresh.append(article)
    return fresh
