"""Positions against a gold set of our own: precision and recall of positions, and the
accuracy of stance, target key and date on the positions found.

    python benchmarks/positions_eval.py [--gold benchmarks/data/positions_gold.jsonl] [--show]

The gold (`data/positions_gold.jsonl`, written by hand for this project before any rule) has
one short article a line with the positions a reader draws: holder (alternatives split by
"|": the minister or the country she speaks for), target words and key, stance, date. A
found position matches a gold one of its article when the holders agree (one name holds the
other, any case) and the targets do (same key, or the gold head word in the found words);
each gold position matches at most one found position.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from dateline import analyze, to_record

GOLD = Path(__file__).resolve().parent / "data" / "positions_gold.jsonl"


def _norm(name: str | None) -> str:
    words = (name or "").casefold().replace("’", "'").split()
    return " ".join(w for w in words if w != "the")


def holders_agree(gold: str, found: str | None) -> bool:
    mine = _norm(found)
    return bool(mine) and any(
        (alt := _norm(a)) and (alt in mine or mine in alt) for a in gold.split("|")
    )


def targets_agree(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    if found["target"]["key"] == gold["key"]:
        return True
    head = gold["key"].split("@")[0].split()[-1]
    return head in found["target"]["text"].casefold()


def match(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    """Pairs (gold, found), each found position used once, in gold order."""
    pairs, used = [], set()
    for g in gold:
        for number, f in enumerate(found):
            if number in used:
                continue
            if holders_agree(g["holder"], f["holder_name"]) and targets_agree(g, f):
                used.add(number)
                pairs.append((g, f))
                break
    return pairs


def evaluate(articles: list[dict[str, Any]], show: bool = False) -> dict[str, float]:
    """The figures over gold articles: counts, precision, recall and the shares of found
    positions whose stance, key and date agree with the gold."""
    counts = {"gold": 0, "found": 0, "matched": 0, "stance": 0, "key": 0, "date": 0}
    for article in articles:
        record = to_record(analyze(article["text"], source_id=article["id"],
                                   published=article.get("published")))  # fmt: skip
        found = record.get("positions", [])
        pairs = match(article["positions"], found)
        counts["gold"] += len(article["positions"])
        counts["found"] += len(found)
        counts["matched"] += len(pairs)
        for g, f in pairs:
            theirs = {"stance": f["stance"], "key": f["target"]["key"], "date": f["date"]}
            for field, value in theirs.items():
                counts[field] += g[field] == value
                if show and g[field] != value:
                    print(f"{article['id']} {field} {value} for {g[field]}: {g['target']}")
        if show:
            _show_misses(article, found, pairs)
    matched = counts["matched"] or 1
    return {
        **counts,
        "precision": counts["matched"] / max(counts["found"], 1),
        "recall": counts["matched"] / max(counts["gold"], 1),
        **{f"{field}_accuracy": counts[field] / matched for field in ("stance", "key", "date")},
    }


def read_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show", action="store_true", help="print misses and wrong fields")
    args = parser.parse_args()
    articles = read_gold(args.gold)
    began = time.perf_counter()
    got = evaluate(articles, args.show)
    seconds = time.perf_counter() - began
    print(f"positions: {len(articles)} articles, {got['gold']:.0f} gold, {got['found']:.0f} found")
    print(f"precision {got['precision']:.3f}  recall {got['recall']:.3f}")
    print(f"on the {got['matched']:.0f} found: stance accuracy {got['stance_accuracy']:.3f}  "
          f"target key {got['key_accuracy']:.3f}  date {got['date_accuracy']:.3f}")  # fmt: skip
    print(f"({seconds:.1f} s) command: python benchmarks/positions_eval.py --gold {args.gold.name}")
    return 0


def _show_misses(article: dict[str, Any], found: list[dict[str, Any]], pairs: list[Any]) -> None:
    matched_gold = [id(g) for g, _ in pairs]
    matched_found = [id(f) for _, f in pairs]
    for g in article["positions"]:
        if id(g) not in matched_gold:
            print(f"{article['id']} missed {g['holder']} {g['stance']} {g['key']}")
    for f in found:
        if id(f) not in matched_found:
            print(f"{article['id']} extra {f['holder_name']} {f['stance']} {f['target']['key']}"
                  f" ({f['target']['text']})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
