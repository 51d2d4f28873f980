"""Accuracy floors per stage on small slices of the dev sets of ../shared/eval (skipped where
the sets are absent).

Like trafilatura's gold-set gate: a change that makes a stage measurably worse fails the
suite. Each gate takes a fixed slice of a dev set, makes its input lines with score.py's own
`input_line` (no gold reaches Dateline), reads them with `dateline.ingest` and analyses them
in one batch as `dateline analyze IN.jsonl` does, then scores the records with score.py's
scorer for the set. A stage that fails on a document fails the gate (conftest.succeeded)
rather than scoring it as empty.

A slice is every k-th document of the dev file, from the first: the files are sorted by
source, so a stride meets every publisher (PolNeAR's seven, TimeBank's and AQUAINT's wires,
both extraction benchmarks) where the first documents would all come from one.

    stage       slice of dev.jsonl              gold                 figure when set  floor
    events      all 99 sentences (k=1)          99 events            type_f1 .872     .85
                                                                     dyad_dir_f1 .673 .63
    quotes      12 articles (k=25)              429 quotes, 113      direct_strict_f1 .787   .76
                                                direct               direct_speaker_acc .855 .82
                                                                     speech_quote_speaker_f1
                                                                     .657             .62
                                                                     all_strict_f1 .538 .51
    time        32 documents (k=8)              243 timexes          strict_f1 .883   .85
                                                                     relaxed_f1 .961  .93
                                                                     value_f1 .817    .78
    geo         15 articles (k=4)               185 toponyms         f1 .804          .77
                                                with an id           acc161 .878      .85
    extraction  36 pages (k=2), 3 not English   9 titles, 8 authors  bow_f1 .892      .87
                                                                     en_bow_f1 .973   .95
                                                                     title_acc .889   .77
                                                                     author_acc .875  .75

The floors sit about .03 under the figures (one page under, for the titles and authors of
nine and eight pages), so that a change elsewhere that moves a slice by a document does not
fail a build while a stage that gets worse does; raise a floor when its stage gets better.
The whole file takes about 25 s on two idle cores (the model loaded once), most of it quotes
and time.

Extraction is the ingest's work: its gate scores the articles `dateline.ingest` makes of the
pages, without the pipeline, which never changes an article's text, title, byline or date
(the shortest page of the slice checks that it still does not).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dateline.ingest import read_source
from dateline.ingest.metadata import read_metadata
from dateline.model import Analysis, Article
from dateline.nlp.pipeline import analyze_articles
from dateline.record import to_record
from dateline.settings import Settings

from .conftest import SHARED, succeeded

EVAL = SHARED / "eval"


@dataclass(frozen=True, slots=True)
class Gate:
    """A stage's slice of its dev set (every `every`-th document from the first) and floors."""

    every: int
    floors: dict[str, float]


GATES = {
    "events": Gate(1, {"type_f1": 0.85, "dyad_dir_f1": 0.63}),
    "quotes": Gate(
        25,
        {
            "direct_strict_f1": 0.76,
            "direct_speaker_acc": 0.82,
            "speech_quote_speaker_f1": 0.62,
            "all_strict_f1": 0.51,
        },
    ),
    "time": Gate(8, {"strict_f1": 0.85, "relaxed_f1": 0.93, "value_f1": 0.78}),
    "geo": Gate(4, {"f1": 0.77, "acc161": 0.85}),
}
# Title: the slice's Readability pages take `og:title` with the site's name as gold ("How to
# … | eHow"), which the title rules strip on purpose (issue 17, and WCXB's gold): 5 of 9.
EXTRACTION = Gate(2, {"bow_f1": 0.90, "en_bow_f1": 0.95, "title_acc": 0.50, "author_acc": 0.75})


def _needs(*paths: Path) -> None:
    for path in paths:
        if not path.is_file():
            pytest.skip(f"{path} is absent (the evaluation sets live beside the checkout)")


def _scorer() -> ModuleType:
    path = EVAL / "score.py"
    _needs(path)
    spec = importlib.util.spec_from_file_location("dateline_eval_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines(path: Path) -> list[str]:
    """The JSON lines of a gold file. Not `splitlines`: that also breaks at U+2028 and the
    like, which the pages' text holds."""
    return [line for line in path.read_text("utf-8").split("\n") if line.strip()]


def _slice(
    lines: list[str], folder: Path, score: ModuleType, settings: Settings
) -> tuple[Path, list[Article]]:
    """The slice's gold as a file (the scorers read files), and its articles as ingest reads
    score.py's input lines."""
    gold = folder / "gold.jsonl"
    gold.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    inputs = folder / "inputs.jsonl"
    inputs.write_text(
        "".join(json.dumps(score.input_line(json.loads(line))) + "\n" for line in lines),
        encoding="utf-8",
    )
    # A page ingest refuses (not English) has no record and scores as empty, as from the CLI.
    read = read_source(str(inputs), settings)
    return gold, [item for item in read if isinstance(item, Article)]


def _write(records: Iterable[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _below(headline: dict[str, float | None], floors: dict[str, float]) -> dict[str, Any]:
    return {k: (headline[k], floor) for k, floor in floors.items() if (headline[k] or 0) < floor}


@pytest.mark.parametrize("name", list(GATES))
def test_each_stage_keeps_its_floors(name: str, settings: Settings, tmp_path: Path) -> None:
    score = _scorer()
    dev = EVAL / name / "dev.jsonl"
    _needs(dev)
    gate = GATES[name]
    lines = _lines(dev)[:: gate.every]
    gold, articles = _slice(lines, tmp_path, score, settings)
    analysed = (succeeded(a) for a in analyze_articles(articles, settings))
    predicted = _write((to_record(a) for a in analysed), tmp_path / "records.jsonl")
    _, headline = score.SCORERS[name][0](str(gold), str(predicted))
    print(name, {k: round(v, 3) for k, v in headline.items() if v is not None})
    assert not _below(headline, gate.floors), f"{name} fell below its floors (figure, floor)"


def test_extraction_keeps_its_floors(settings: Settings, tmp_path: Path) -> None:
    score = _scorer()
    dev = EVAL / "extract" / "dev.jsonl"
    _needs(dev)
    lines = _lines(dev)[:: EXTRACTION.every]
    gold, articles = _slice(lines, tmp_path, score, settings)
    predicted = _write((to_record(Analysis(a)) for a in articles), tmp_path / "records.jsonl")
    _, headline = score.score_extract(str(gold), str(predicted))
    print("extract", {k: round(v, 3) for k, v in headline.items() if v is not None})
    assert not _below(headline, EXTRACTION.floors), "extraction fell below its floors"
    _pipeline_keeps_the_article(min(articles, key=lambda a: len(a.text)), settings)


def _pipeline_keeps_the_article(article: Article, settings: Settings) -> None:
    """What the extraction gate relies on: the pipeline leaves the scored fields as ingest
    gave them."""
    scored = ("text", "title", "byline", "published")
    before = {key: to_record(Analysis(article))["article"][key] for key in scored}
    [analysis] = analyze_articles([article], settings)
    after = to_record(succeeded(analysis))["article"]
    assert {key: after[key] for key in scored} == before


WCXB_DEV = EVAL / "extract" / "wcxb_dev.jsonl.gz"
# Page metadata alone (no trafilatura, no htmldate) on the first 100 WCXB dev pages: 0.84
# title, 0.81 author, 0.70 date when these floors were set (issue 17, second stop); the
# author floor raised at the fourth stop, when the slice gave 0.84 title and 0.885 author.
METADATA_FLOORS = {"title": 0.80, "author": 0.85, "date": 0.66}


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
