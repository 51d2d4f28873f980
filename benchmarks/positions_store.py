"""How fast `dateline positions` answers from a store of 10,000 articles.

    python benchmarks/positions_store.py [--articles 10000] [--db /tmp/positions-bench.db]

The store is filled with generated analysis records (not through the pipeline: this measures
the store's answer, not analysis), each article with three positions of invented holders on
invented issues over two years, some holders changing sides. Then each question is asked
the way `dateline positions` asks it (the query and the stance changes), in process, and once
through the command line in a fresh process (start-up and imports included). Prints each
time; the issue's floor is one second.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dateline.corpus.identity import corpus_keys
from dateline.store import open_store
from dateline.store.positions import positions_on_issue, query_positions, stance_changes

HOLDERS = [f"{first} {last}" for first in ("Ada", "Bo", "Cem", "Dag", "Eli", "Fay", "Gus", "Hal")
           for last in ("Lund", "Moe", "Noor", "Ott", "Pike", "Rask", "Sund", "Tamm", "Ulm",
                        "Vik", "Wold", "Yde", "Zorn")]  # fmt: skip
ISSUES = [f"{thing}@{town}" for thing in ("offensive", "curfew", "toll", "dam", "levy")
          for town in ("arden", "brill", "corvo", "dunmore", "elbe", "fenwick", "garda",
                       "harlow", "ivel", "jarrow")]  # fmt: skip
STANCES = ("support", "oppose", "conditional", "neutral")


def record(number: int, rng: random.Random) -> dict[str, Any]:
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    chosen = [(rng.choice(HOLDERS), rng.choice(ISSUES), rng.choice(STANCES)) for _ in range(3)]
    lines = [f"Story {number}", ""]
    entities, quotes, positions = [], [], []
    for index, (holder, issue, stance) in enumerate(chosen, 1):
        sentence = f"{holder} said on {day} that the {issue} is a matter of {stance}."
        start = len("\n".join(lines)) + 1
        lines.append(sentence)
        name_span = {"start": start, "end": start + len(holder), "text": holder}
        cue_at = start + sentence.index("said")
        cue = {"start": cue_at, "end": cue_at + 4, "text": "said"}
        target_at = start + sentence.index(issue)
        target = {"start": target_at, "end": target_at + len(issue), "text": issue}
        entities.append({"id": f"e{index}", "name": holder, "type": "PERSON", "role": None,
                         "country": None, "mentions": [name_span]})  # fmt: skip
        quotes.append({"id": f"q{index}", "kind": "indirect", "start": target_at - 4,
                       "end": start + len(sentence), "content": sentence[target_at - 4 - start:],
                       "speaker": f"e{index}", "speaker_name": holder, "speaker_mention": None,
                       "cue": cue, "date": day.isoformat(), "place": None,
                       "confidence": 0.8})  # fmt: skip
        positions.append({"id": f"pos{index}", "holder": f"e{index}", "holder_name": holder,
                          "target": {"entity": None, "text": issue, "key": issue,
                                     "span": target},
                          "stance": stance, "cue": cue, "condition": None,
                          "date": day.isoformat(), "evidence": {"quote": f"q{index}"}})  # fmt: skip
    text = "\n".join(lines) + "\n"
    return {
        "dateline": "0.1.0",
        "article": {
            "id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(),
            "source_id": f"story-{number}",
            "title": lines[0],
            "byline": [],
            "published": day.isoformat(),
            "url": None,
            "language": "en",
            "text": text,
            "headings": [],
            "captions": [],
        },
        "entities": entities,
        "quotes": quotes,
        "timexes": [],
        "places": [],
        "events": [],
        "positions": positions,
    }


def fill(db: str, articles: int) -> float:
    rng = random.Random(18)
    began = time.perf_counter()
    with open_store(db) as store:
        batch = []
        for number in range(articles):
            batch.append(record(number, rng))
            if len(batch) == 500:
                store.save_records(batch)
                batch = []
        if batch:
            store.save_records(batch)
        store.resolve_entities(corpus_keys)
    return time.perf_counter() - began


def timed(label: str, ask: Any) -> float:
    began = time.perf_counter()
    answer = ask()
    seconds = time.perf_counter() - began
    print(f"  {label}: {seconds * 1000:.0f} ms ({answer})")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/dateline-positions-bench.db")
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    print(f"filling {args.articles} articles: {fill(args.db, args.articles):.1f} s")
    holder, issue = HOLDERS[3], ISSUES[7]
    worst = 0.0
    with open_store(args.db) as store:
        print(f"{store.count('positions')} positions stored; in process:")
        town = issue.split("@")[1]
        questions = {
            f"--holder {holder!r}": lambda: _holder(store, holder),
            f"--holder {holder!r} --about {town!r}": lambda: _holder(store, holder, town),
            f"--target {issue!r}": lambda: _rows(query_positions(store, target=issue, limit=None)),
            f"issue page {issue!r}": lambda: _rows(positions_on_issue(store, issue)),
        }
        for label, ask in questions.items():
            worst = max(worst, timed(label, ask))
    command = [sys.executable, "-m", "dateline", "positions", "--target", issue, "--db", args.db,
               "--format", "csv"]  # fmt: skip
    whole = _wall(command)
    start_up = _wall([sys.executable, "-m", "dateline", "--version"])
    print(f"  `dateline positions --target {issue} --format csv`, a fresh process: {whole:.2f} s"
          f" (`dateline --version` alone: {start_up:.2f} s)")  # fmt: skip
    print(f"slowest in-process answer {worst * 1000:.0f} ms (floor: 1 s)")
    print(f"command: python benchmarks/positions_store.py --articles {args.articles}")
    return 0 if worst < 1 else 1


def _rows(found: list[Any]) -> str:
    return f"{len(found)} rows"


def _wall(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=os.environ.copy())
    return time.perf_counter() - began


def _holder(store: Any, holder: str, about: str | None = None) -> str:
    found = query_positions(store, holder=holder, about=about, limit=None)
    return f"{len(found)} rows, {len(stance_changes(found))} changes"


if __name__ == "__main__":
    sys.exit(main())
