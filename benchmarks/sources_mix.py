"""The source mix from a 10,000-article store: `dateline sources` and `/api/sources`, timed.

    python benchmarks/sources_mix.py [--articles 10000] [--repeat 5]

The store: the gold set's 42 articles of our own (benchmarks/data/sources_gold.jsonl) are
analysed once by the pipeline; their records are then stored again and again, each copy with
its own text (a numbered line appended, so its own id), one of ten outlets and a date in
2024, until the store holds --articles articles, with their sources (about three each), in a
fresh SQLite file. What is timed, each the median of --repeat runs, warm:
  - the mix query in process (`source_mix`), by each dimension, unfiltered and with
    --outlet, --about (full text) and --since/--until;
  - `GET /api/sources` and the `/sources` page through the app in process (ASGI, no socket);
  - `dateline sources` in process (the command: open the store, migrate-check, query, print);
  - `dateline sources` as a user runs it: a new process, Python's start-up and the
    package's imports (spaCy among them, through `dateline/__init__`) included.
Target: each under a second.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.ingest import article_from_text
from dateline.nlp.pipeline import analyze_articles
from dateline.record import to_record
from dateline.store import open_store
from dateline.store.sources import DIMENSIONS, SourceSelection, source_mix

GOLD = Path(__file__).resolve().parent / "data" / "sources_gold.jsonl"
OUTLETS = [f"news{n}.example" for n in range(10)]
COMMAND = "make bench-sources  (python benchmarks/sources_mix.py)"


def templates() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    articles = [article_from_text(r["text"], source_id=r["id"]) for r in rows]
    return [dict(to_record(a)) for a in analyze_articles(articles)]


def copy_of(record: dict[str, Any], n: int) -> dict[str, Any]:
    made = copy.deepcopy(record)
    article = made["article"]
    article["text"] = article["text"] + f"\n\nCopy {n}."
    article["id"] = "sha256:" + hashlib.sha256(article["text"].encode("utf-8")).hexdigest()
    article["url"] = f"https://{OUTLETS[n % len(OUTLETS)]}/story/{n}"
    article["source_id"] = article["url"]
    article["published"] = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
    return made


def build(db: str, articles: int) -> None:
    base = templates()
    with open_store(db) as store:
        batch: list[dict[str, Any]] = []
        for n in range(articles):
            batch.append(copy_of(base[n % len(base)], n))
            if len(batch) == 500:
                store.save_records(batch)  # type: ignore[arg-type]
                batch = []
        if batch:
            store.save_records(batch)  # type: ignore[arg-type]


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm: the first query reads the pages from disk
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def api_ms(
    db: str, repeat: int, path: str = "/api/sources", params: dict[str, str] | None = None
) -> float:
    """A GET through the app in process (httpx's ASGI transport, no socket)."""
    import asyncio

    import httpx

    from dateline.server import ServerConfig, create_app

    app = create_app(ServerConfig(db=db))

    async def ask() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            asked = {"by": "kind", "about": "police"} if params is None else params
            answer = await client.get(path, params=asked)
            assert answer.status_code == 200, answer.text

    return median_ms(lambda: asyncio.run(ask()), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "mix.db")
        began = time.perf_counter()
        build(db, args.articles)
        with open_store(db) as store:
            stored, sources = store.count("articles"), store.count("sources")
        print(f"source mix, {COMMAND}")
        print(f"  store: {stored} articles, {sources} sources "
              f"(built in {time.perf_counter() - began:.0f} s)")  # fmt: skip
        selections = {
            "all": SourceSelection(),
            "--outlet news3": SourceSelection(outlet="news3"),
            "--about police": SourceSelection(about="police"),
            "--since 2024-04 --until 2024-06": SourceSelection(since="2024-04", until="2024-06"),
        }
        with open_store(db) as store:
            for label, selection in selections.items():
                for by in DIMENSIONS:
                    ms = median_ms(
                        lambda s=selection, b=by: source_mix(store, s, by=b), args.repeat
                    )
                    print(f"  query {label:32} --by {by:9} {ms:7.1f} ms")
        print(f"  GET /api/sources?by=kind&about=police (in process) "
              f"{api_ms(db, args.repeat):7.1f} ms")  # fmt: skip
        print(f"  GET /sources (the page: five charts, all articles)  "
              f"{api_ms(db, args.repeat, '/sources', {}):7.1f} ms")  # fmt: skip
        from typer.testing import CliRunner

        from dateline.cli.main import app

        asked = ["sources", "--db", db, "--about", "police", "--format", "json"]
        ms = median_ms(lambda: CliRunner().invoke(app, asked), args.repeat)
        print(f"  dateline sources --about police (in process, opening the store) {ms:7.1f} ms")
        cli = [sys.executable, "-m", "dateline", "sources", "--db", db, "--about", "police"]
        ms = median_ms(lambda: subprocess.run(cli, check=True, capture_output=True), 3)
        print(f"  dateline sources --about police (a new process) {ms:7.1f} ms")


if __name__ == "__main__":
    main()
