"""One shard of articles through the pipeline, into an output: the unit every runner runs.

Framework-free on purpose: the same function runs in this process, in a local worker process
or on a Dask worker, and a cluster scheduler of any other kind could call it as well.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from dateline.model import Article
from dateline.nlp.pipeline import analyze_articles
from dateline.record import failure_record, to_record
from dateline.record_types import AnalysisRecord, FailureRecord
from dateline.settings import Settings


class ShardOutput(Protocol):
    """Where a shard's results go: each analysis record, and each article that failed."""

    def record(self, record: AnalysisRecord) -> None: ...

    def failure(self, source_id: str, reason: str) -> None: ...


@dataclass(slots=True)
class ListOutput:
    """Results kept in memory, to be sent back to the writer (what the runners use)."""

    records: list[AnalysisRecord] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def record(self, record: AnalysisRecord) -> None:
        self.records.append(record)

    def failure(self, source_id: str, reason: str) -> None:
        self.failures.append((source_id, reason))


class JsonlOutput:
    """Results appended to a JSONL file, one analysis record (or failure record) a line: for
    cluster jobs that write to shared storage and load the files afterwards."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def record(self, record: AnalysisRecord) -> None:
        self._write(record)

    def failure(self, source_id: str, reason: str) -> None:
        self._write(failure_record(source_id, reason))

    def _write(self, line: AnalysisRecord | FailureRecord) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What a shard gave back: records to store and (source id, reason) failures."""

    records: list[AnalysisRecord]
    failures: list[tuple[str, str]]


def process_shard(
    inputs: Iterable[Article], output: ShardOutput, settings: Settings | None = None
) -> int:
    """Analyse the articles (model loaded once per process, batched by `nlp.pipe`) and hand
    each record or failure to `output`; returns how many articles were analysed."""
    done = 0
    for analysis in analyze_articles(inputs, settings):
        done += 1
        if analysis.failure is None:
            output.record(to_record(analysis))
        else:
            output.failure(str(analysis.article.source_id), analysis.failure)
    return done


def analyse_shard(articles: list[Article], settings: Settings | None = None) -> ShardResult:
    """`process_shard` into memory: what runners submit to worker processes and clusters."""
    output = ListOutput()
    process_shard(articles, output, settings)
    return ShardResult(output.records, output.failures)
