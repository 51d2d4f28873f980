"""Accuracy floors on the dev sets of ../shared/eval (skipped where absent).

Like trafilatura's gold-set gate: a change that makes a stage measurably worse fails the
suite. The floors sit a little under the figures the README reports, so noise does not fail
a build; the benchmarks print the figures themselves.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from itertools import islice
from pathlib import Path
from types import ModuleType

import pytest

from dateline.ingest import article_from_text
from dateline.ingest.metadata import read_metadata
from dateline.nlp.pipeline import analyze_articles
from dateline.record import to_record

from .conftest import SHARED

EVAL = SHARED / "eval"
EVENT_FLOORS = {"type_f1": 0.85, "dyad_dir_f1": 0.63}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dateline_eval_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(gold: Path, out: Path) -> None:
    lines = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line]
    articles = [article_from_text(item["text"], item["id"]) for item in lines]
    with out.open("w", encoding="utf-8") as handle:
        for analysis in analyze_articles(articles):
            handle.write(json.dumps(to_record(analysis)) + "\n")


@pytest.mark.skipif(not (EVAL / "events" / "dev.jsonl").is_file(), reason="no events dev set")
def test_event_coding_keeps_its_floors(tmp_path: Path) -> None:
    gold = EVAL / "events" / "dev.jsonl"
    predicted = tmp_path / "events.jsonl"
    _predict(gold, predicted)
    _, headline = _scorer().score_events(str(gold), str(predicted))
    for figure, floor in EVENT_FLOORS.items():
        assert headline[figure] >= floor, (figure, headline[figure])


WCXB_DEV = EVAL / "extract" / "wcxb_dev.jsonl.gz"
# Page metadata alone (no trafilatura, no htmldate) on the first 100 WCXB dev pages: 0.81
# title, 0.74 author, 0.70 date when these floors were set.
METADATA_FLOORS = {"title": 0.77, "author": 0.70, "date": 0.66}


@pytest.mark.skipif(not WCXB_DEV.is_file(), reason="no WCXB extract dev set")
def test_page_metadata_keeps_its_floors() -> None:
    scorer = _scorer()
    right: dict[str, list[bool]] = {field: [] for field in METADATA_FLOORS}
    with gzip.open(WCXB_DEV, "rt", encoding="utf-8") as lines:
        for line in islice(lines, 100):
            page = json.loads(line)
            meta = read_metadata(page["html"], page.get("url"))
            art = {"title": meta.title, "byline": meta.authors, "published": meta.published}
            for field, ok in scorer.metadata_checks(page, art).items():
                right[field].append(ok)
    for field, floor in METADATA_FLOORS.items():
        accuracy = sum(right[field]) / len(right[field])
        assert accuracy >= floor, (field, accuracy)
