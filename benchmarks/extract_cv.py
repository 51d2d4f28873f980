"""Choose trafilatura's settings by 5-fold cross-validation over both extract dev sets.

    python benchmarks/extract_cv.py [--jobs N] [--limit N] [--only NAME,...] [--dump FILE]

Pages: ../shared/eval/extract/dev.jsonl (scrapinghub + readability) and wcxb_dev.jsonl.gz
(WCXB articles), read here and never copied. Each page goes to fold
`int(sha256(id), 16) % 5`. For each held fold, the candidate setting with the best mean
bag-of-words F1 over the two sets on the four other folds is chosen and measured on the held
fold; the figures printed are the mean over the five held folds, beside the whole-dev figure
of the setting chosen on all pages. A rule that lifts whole-dev but not the held folds is
overfitting. Extraction alone (ingest, no NLP): text, title, byline, published, as
`score.py extract` reads them from the record.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict
from multiprocessing import Pool
from pathlib import Path
from types import ModuleType
from typing import Any

from dateline.errors import DatelineError
from dateline.ingest import article_from_html_text
from dateline.ingest.html import EXTRACT_OPTIONS, ExtractOptions
from folds import fold_of, load_scorer

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "dev": EVAL / "extract" / "dev.jsonl",
    "wcxb": EVAL / "extract" / "wcxb_dev.jsonl.gz",
}
FOLDS = 5
METADATA = ("title", "author", "date")

_BASE = ExtractOptions(favor_recall=False, fast=False, include_tables=True)
CANDIDATES: dict[str, ExtractOptions] = {
    "default": _BASE,
    "default-fast": ExtractOptions(favor_recall=False, fast=True),
    "default-notables": ExtractOptions(favor_recall=False, fast=False, include_tables=False),
    "precision": ExtractOptions(favor_recall=False, favor_precision=True, fast=False),
    "precision-fast": ExtractOptions(favor_recall=False, favor_precision=True, fast=True),
    "precision-notables": ExtractOptions(
        favor_recall=False, favor_precision=True, fast=False, include_tables=False
    ),
    "recall": ExtractOptions(favor_recall=True, fast=False),
    "recall-notables": ExtractOptions(favor_recall=True, fast=False, include_tables=False),
    "recall-fast": ExtractOptions(favor_recall=True, fast=True),
    # the fast run's text when it holds fewer than N words (250 shipped) replaced by a
    # default run's when that finds more (and not a listing's excerpts)
    "recall-fast-noshort": ExtractOptions(favor_recall=True, fast=True, short_text=0),
    "recall-fast-short100": ExtractOptions(favor_recall=True, fast=True, short_text=100),
    "recall-fast-short500": ExtractOptions(favor_recall=True, fast=True, short_text=500),
    "recall-fast-notables": ExtractOptions(favor_recall=True, fast=True, include_tables=False),
    # a second look when the fast text holds less than this share of the page's <p> words
    # (0.25 shipped)
    "recall-fast-nothin": ExtractOptions(favor_recall=True, fast=True, thin_share=0.0),
    "recall-fast-thin35": ExtractOptions(favor_recall=True, fast=True, thin_share=0.35),
    "recall-fast-thin50": ExtractOptions(favor_recall=True, fast=True, thin_share=0.5),
    # figure captions left out of the text (trafilatura without images)
    "recall-fast-nocaptions": ExtractOptions(favor_recall=True, fast=True, captions=False),
    "default-nocaptions": ExtractOptions(favor_recall=False, fast=False, captions=False),
}

_PAGES: list[dict[str, Any]] = []


def read_pages(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if limit is not None and count >= limit:
                return
            if line.strip():
                yield json.loads(line)


def predict(index: int, options: ExtractOptions) -> dict[str, Any]:
    """The record's article fields for one page; a refused page is empty, as in score.py."""
    page = _PAGES[index]
    try:
        article = article_from_html_text(
            page["html"], page["id"], url=page.get("url"), options=options
        )
    except DatelineError:
        return {"text": "", "title": None, "byline": [], "published": None}
    return {
        "text": article.text,
        "title": article.title,
        "byline": list(article.byline),
        "published": article.published,
    }


def _predict_job(job: tuple[int, dict[str, bool]]) -> dict[str, Any]:
    return predict(job[0], ExtractOptions(**job[1]))


def page_rows(scorer: ModuleType, predictions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per page: its set, fold, bag-of-words P/R and each metadata check it has gold for."""
    rows = []
    for page, art in zip(_PAGES, predictions, strict=True):
        p, r = scorer.bag_of_words_pr(page["text"], art["text"])
        row = {"set": page["_set"], "fold": fold_of(page["id"]), "p": p, "r": r}
        row.update(scorer.metadata_checks(page, art))
        rows.append(row)
    return rows


def figures(rows: list[dict[str, Any]]) -> dict[str, float | None]:
    """Macro bag-of-words F1 (as score.py) and metadata accuracy over `rows`."""
    out: dict[str, float | None] = {"bow_f1": None}
    if rows:
        p = sum(r["p"] for r in rows) / len(rows)
        rec = sum(r["r"] for r in rows) / len(rows)
        out["bow_f1"] = 2 * p * rec / (p + rec) if p + rec else 0.0
    for field in METADATA:
        checks = [r[field] for r in rows if field in r]
        out[field] = sum(checks) / len(checks) if checks else None
    return out


def objective(rows: list[dict[str, Any]]) -> float:
    """Mean over the two sets of bag-of-words F1, so the small set is not outvoted."""
    values = [figures([r for r in rows if r["set"] == name])["bow_f1"] for name in SETS]
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else 0.0


def cross_validate(
    by_candidate: dict[str, list[dict[str, Any]]],
) -> tuple[dict[str, dict[str, float | None]], list[str]]:
    """Held-fold means per set, and the candidate each held fold chose."""
    held: dict[str, list[dict[str, float | None]]] = {name: [] for name in SETS}
    chosen = []
    for fold in range(FOLDS):
        best = max(
            by_candidate,
            key=lambda c: objective([r for r in by_candidate[c] if r["fold"] != fold]),
        )
        chosen.append(best)
        for name in SETS:
            held_rows = [r for r in by_candidate[best] if r["fold"] == fold and r["set"] == name]
            held[name].append(figures(held_rows))
    means: dict[str, dict[str, float | None]] = {}
    for name, folds in held.items():
        means[name] = {}
        for key in ("bow_f1", *METADATA):
            values = [f[key] for f in folds if f[key] is not None]
            means[name][key] = sum(values) / len(values) if values else None
    return means, chosen


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _line(label: str, figs: dict[str, float | None]) -> str:
    return f"{label:<28}" + "".join(f" {_fmt(figs[k]):>7}" for k in ("bow_f1", *METADATA))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="pages per set (smoke runs)")
    parser.add_argument("--only", default="", help="comma-separated candidate names")
    parser.add_argument("--dump", type=Path, help="write the shipped setting's predictions")
    parser.add_argument("--cache", type=Path, help="keep each candidate's predictions here")
    args = parser.parse_args(argv)
    if not all(path.is_file() for path in SETS.values()):
        print(f"extract dev sets not found under {EVAL / 'extract'}", file=sys.stderr)
        return 1
    for name, path in SETS.items():
        _PAGES.extend({**page, "_set": name} for page in read_pages(path, args.limit))
    scorer = load_scorer()
    names = [n for n in args.only.split(",") if n] or list(CANDIDATES)
    by_candidate: dict[str, list[dict[str, Any]]] = {}
    with Pool(args.jobs) as pool:
        for name in names:
            started = time.perf_counter()
            predictions = _predictions(pool, name, args.cache, args.limit)
            by_candidate[name] = page_rows(scorer, predictions)
            seconds = time.perf_counter() - started
            print(f"{name}: {len(_PAGES) / seconds:.1f} pages/s", file=sys.stderr)
            if args.dump and CANDIDATES[name] == EXTRACT_OPTIONS:
                _dump(args.dump, predictions)
    print(f"{'':<28}" + "".join(f" {k:>7}" for k in ("bow_f1", *METADATA)))
    for name, rows in by_candidate.items():
        for set_name in SETS:
            print(_line(f"{name} [{set_name}]", figures([r for r in rows if r["set"] == set_name])))
    means, chosen = cross_validate(by_candidate)
    whole = max(by_candidate, key=lambda c: objective(by_candidate[c]))
    print(f"\nchosen on all pages: {whole}; chosen per held fold: {', '.join(chosen)}")
    for set_name in SETS:
        rows = [r for r in by_candidate[whole] if r["set"] == set_name]
        print(_line(f"whole-dev [{set_name}]", figures(rows)))
        print(_line(f"held-fold mean [{set_name}]", means[set_name]))
    shipped = [n for n, o in CANDIDATES.items() if o == EXTRACT_OPTIONS]
    print(f"shipped setting (html.EXTRACT_OPTIONS): {', '.join(shipped) or 'not a candidate'}")
    print("command: python benchmarks/extract_cv.py " + " ".join(argv or sys.argv[1:]))
    return 0


def _predictions(
    pool: Any, name: str, cache: Path | None, limit: int | None
) -> list[dict[str, Any]]:
    """One candidate's predictions, from the cache when an earlier run left them there
    (delete the folder after changing the extraction code)."""
    stored = cache / f"{name}-{limit or 'all'}.json" if cache else None
    if stored is not None and stored.is_file():
        cached: list[dict[str, Any]] = json.loads(stored.read_text("utf-8"))
        return cached
    jobs = [(i, asdict(CANDIDATES[name])) for i in range(len(_PAGES))]
    predictions: list[dict[str, Any]] = pool.map(_predict_job, jobs, chunksize=8)
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_text(json.dumps(predictions), "utf-8")
    return predictions


def _dump(path: Path, predictions: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for page, art in zip(_PAGES, predictions, strict=True):
            gold = {k: page.get(k) for k in ("id", "url", "title", "author", "date")}
            out.write(json.dumps({"gold": gold, "pred": {**art, "text": None}}) + "\n")


if __name__ == "__main__":
    sys.exit(main())
