"""One `process_shard`, run here, in local worker processes and on a real Dask cluster; the
store is written by the one caller, whatever the runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.ingest import article_from_text
from dateline.scale import DaskRunner, JsonlOutput, LocalRunner, process_shard
from dateline.scale.ingestion import ingest
from dateline.settings import Settings
from dateline.store import Store

from .corpus_inputs import ARTICLES, jsonl_file


def test_process_shard_writes_a_record_per_article_in_order(
    tmp_path: Path, settings: Settings
) -> None:
    articles = [article_from_text(f"{t}\n\n{b}\n", f"a{n}") for n, (t, b) in enumerate(ARTICLES)]
    output = tmp_path / "shard.jsonl"
    assert process_shard(articles, JsonlOutput(output), settings) == len(ARTICLES)
    lines = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert [line["article"]["source_id"] for line in lines] == [f"a{n}" for n in range(5)]
    assert "Ellen Hartley" in {q["speaker_name"] for q in lines[0]["quotes"]}


def _ingest_with(runner: object, tmp_path: Path, store: Store, settings: Settings) -> None:
    source = str(jsonl_file(tmp_path, [0, 1, 2, 3, 4]))
    try:
        counts = ingest([source], store, runner, settings, shard_size=2)  # type: ignore[arg-type]
    finally:
        runner.close()  # type: ignore[attr-defined]
    assert (counts.stored, counts.failed) == (5, 0)
    assert store.count("articles") == 5
    assert [q.speaker_name for q in store.query_quotes(about="readers")] == ["Priya Nair"]


def test_two_local_workers(tmp_path: Path, settings: Settings, store: Store) -> None:
    _ingest_with(LocalRunner(settings, 2), tmp_path, store, settings)


def test_a_dask_local_cluster(tmp_path: Path, settings: Settings, store: Store) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        _ingest_with(DaskRunner(settings, client), tmp_path, store, settings)
