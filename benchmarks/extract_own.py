"""Score extraction on the news pages of our own making (benchmarks/data/extract_own).

    python benchmarks/extract_own.py [--verbose]

The pages were written and labelled before any rule was tuned on them, so their first score
is the one honest estimate of title, author and date on pages nobody tuned on; later runs
measure the fixes. Scored as `score.py extract` scores (its functions, read, not copied).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from dateline.ingest import article_from_html_text
from folds import load_scorer

DATA = Path(__file__).resolve().parent / "data" / "extract_own"
FIELDS = ("title", "author", "date")


def predict(gold: dict[str, Any]) -> dict[str, Any]:
    """The record's article fields for one page."""
    html = (DATA / gold["file"]).read_text(encoding="utf-8")
    article = article_from_html_text(html, gold["id"], url=gold.get("url"))
    return {
        "text": article.text,
        "title": article.title,
        "byline": list(article.byline),
        "published": article.published,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    scorer = load_scorer()
    golds = [json.loads(line) for line in (DATA / "gold.jsonl").read_text().splitlines()]
    p_sum = r_sum = 0.0
    right = dict.fromkeys(FIELDS, 0)
    seen = dict.fromkeys(FIELDS, 0)
    for gold in golds:
        art = predict(gold)
        p, r = scorer.bag_of_words_pr(gold["text"], art["text"])
        p_sum, r_sum = p_sum + p, r_sum + r
        for field, ok in scorer.metadata_checks(gold, art).items():
            seen[field] += 1
            right[field] += ok
            if not ok and args.verbose:
                have = {"title": art["title"], "author": art["byline"], "date": art["published"]}
                print(f"{gold['id']} {field}: gold {gold[field]!r}, ours {have[field]!r}")
    p, r = p_sum / len(golds), r_sum / len(golds)
    print(f"pages {len(golds)}  BoW P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    for field in FIELDS:
        print(f"{field}: {right[field]}/{seen[field]} = {right[field] / seen[field]:.3f}")


if __name__ == "__main__":
    main()
