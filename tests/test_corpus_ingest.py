"""`dateline ingest`'s reading and storing: every kind of input, idempotent, resumable."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.sample_corpus import generate, write

from dateline.ingest.jsonl import InputFailure
from dateline.ingest.sources import count_inputs, read_inputs
from dateline.model import Article
from dateline.scale import InProcessRunner
from dateline.scale.ingestion import ingest
from dateline.settings import Settings
from dateline.store import Store, open_store

from .corpus_inputs import feed_file, html_page, jsonl_file, text_file, warc_file


def _mixed_folder(folder: Path) -> Path:
    inputs = folder / "inputs"
    (inputs / "deeper").mkdir(parents=True)
    text_file(inputs, 0)
    (inputs / "deeper" / "page.html").write_text(html_page(1), encoding="utf-8")
    jsonl_file(inputs, [2])
    feed_file(inputs, [3])
    warc_file(inputs / "deeper", [4])
    (inputs / "notes.md").write_text("not an input", encoding="utf-8")
    (inputs / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    return inputs


def test_every_kind_of_input_is_read(tmp_path: Path, settings: Settings) -> None:
    inputs = _mixed_folder(tmp_path)
    items = list(read_inputs([str(inputs)], settings))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert sorted(a.source_id or "" for a in articles) == sorted(
        [
            str(inputs / "article0.txt"),
            str(inputs / "deeper" / "page.html"),
            "line2",
            "https://news.example/3",
            "https://archive.example/story/4",
        ]
    )
    assert [f.source_id for f in failures] == [str(inputs / "broken.txt")]
    from_feed = next(a for a in articles if a.source_id == "https://news.example/3")
    assert from_feed.title == "Orchard Harvest Falls Short"
    assert from_feed.url == "https://news.example/3"
    assert "Apple growers in the Vale of Ashby" in from_feed.text
    assert count_inputs([str(inputs)]) == 6


def test_urls_are_refused_without_a_fetcher(settings: Settings) -> None:
    items = list(read_inputs(["https://news.example/feed"], settings))
    assert isinstance(items[0], InputFailure) and "[D106]" in items[0].reason


def test_urls_go_through_the_fetcher_given(settings: Settings, tmp_path: Path) -> None:
    feed = feed_file(tmp_path, [0, 1]).read_bytes()
    pages = {f"https://news.example/{n}": html_page(n).encode() for n in (0, 1)}

    def fetch(url: str) -> bytes:
        return feed if url.endswith("/rss") else pages[url]

    items = list(read_inputs(["https://news.example/rss"], settings, fetch))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.source_id for a in articles] == ["https://news.example/0", "https://news.example/1"]
    assert [a.published for a in articles] == ["2024-03-04", "2024-03-04"]


def _ingest(sources: list[str], store: Store, settings: Settings, **options: object) -> object:
    return ingest(sources, store, InProcessRunner(settings), settings, shard_size=2, **options)  # type: ignore[arg-type]


def test_ingesting_twice_stores_nothing_twice(
    tmp_path: Path, settings: Settings, store: Store
) -> None:
    inputs = _mixed_folder(tmp_path)
    first = _ingest([str(inputs)], store, settings)
    assert (first.stored, first.skipped, first.failed) == (5, 0, 1)  # type: ignore[attr-defined]
    again = _ingest([str(inputs), str(inputs / "article0.txt")], store, settings)
    assert (again.stored, again.skipped, again.failed) == (0, 6, 1)  # type: ignore[attr-defined]
    assert store.count("articles") == 5
    assert [f.input for f in store.failures()] == [str(inputs / "broken.txt")]
    quotes = store.query_quotes(speaker="Hartley")
    assert [q.content for q in quotes] == [
        "The bridge will be safe for school buses by the autumn,"
    ]


def test_reanalyze_stores_every_article_anew(
    tmp_path: Path, settings: Settings, store: Store
) -> None:
    source = str(jsonl_file(tmp_path, [0, 1, 2]))
    _ingest([source], store, settings)
    quotes_before = store.count("quotes")
    counts = _ingest([source], store, settings, reanalyze=True)
    assert counts.stored == 3  # type: ignore[attr-defined]
    assert store.count("articles") == 3 and store.count("quotes") == quotes_before


def test_a_killed_ingest_resumes_and_stores_each_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write(generate(48, seed=3), corpus)
    db = tmp_path / "killed.db"
    command = [
        sys.executable, "-m", "dateline", "--verbose", "ingest", str(corpus),
        "--db", str(db), "--shard-size", "4",
    ]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    for line in process.stderr:
        if "stored a shard" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    with open_store(str(db)) as store:
        stored_before = store.count("articles")
    assert 0 < stored_before < 48
    rerun = subprocess.run(command[:3] + command[4:], capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored {stored_before}" in rerun.stderr
    with open_store(str(db)) as store:
        assert store.count("articles") == 48
        for record in store.records():
            found = store.query_quotes(limit=None)
            assert sum(q.source.article_id == record["article"]["id"] for q in found) == len(
                record["quotes"]
            )
    lines = [json.loads(line) for line in corpus.read_text().splitlines()]
    assert len({line["text"] for line in lines}) == 48


@pytest.mark.parametrize("kind", ["text", "html"])
def test_a_single_file_ingests(kind: str, tmp_path: Path, settings: Settings, store: Store) -> None:
    if kind == "text":
        source = text_file(tmp_path, 3)
    else:
        source = tmp_path / "page.html"
        source.write_text(html_page(3), encoding="utf-8")
    counts = _ingest([str(source)], store, settings)
    assert counts.stored == 1  # type: ignore[attr-defined]
    assert store.search("frost")[0].source.source_id == str(source)
