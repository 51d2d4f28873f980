"""Event types on our own sentences in the held-out judges' styles: type P/R/F1, per style,
and recall and precision on the four ACLED classes.

    python benchmarks/events_local.py [--show] [--first]

The gold (`tests/fixtures/events_local/sentences.jsonl`, written for this project, CC0) gives,
per sentence, its style (`wire`: datelined wire copy with "officials said"; `acled`: one-line
incident summaries; `headline`: title case; `passive`: agentless or by-phrase passives;
`none`: statements, forecasts, hypotheticals and negated acts) and its one PLOVER type or
null. They were written before the system's output on them was looked at, so the first figure
is an honest estimate of the held-out judges (issue 14), and every later figure is tuned.

Scoring follows the judges' one event per sentence: per sentence, the distinct types the
record's events carry are the predictions; the gold type among them is a true positive and
every other type a false positive. `--first` keeps only the sentence's first event (issue 14's
idea of one type per sentence). The ACLED figure is over the sentences whose gold is ASSAULT,
PROTEST, COERCE or AGREE: recall of those, and precision of every type predicted on them.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from dateline import analyze

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "events_local"
ACLED = ("ASSAULT", "PROTEST", "COERCE", "AGREE")


def load() -> list[dict[str, str | None]]:
    """The gold sentences, in file order."""
    lines = (FIXTURE / "sentences.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def predict(text: str, first: bool) -> list[str]:
    """The distinct types the record codes in `text`, in sentence order."""
    types: list[str] = []
    for event in analyze(text).events:
        if event.type not in types:
            types.append(event.type)
    return types[:1] if first else types


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(show: bool, first: bool) -> dict[str, Counter[str]]:
    """Counts per group ('all', each style, 'acled4', each gold type's recall)."""
    counts: dict[str, Counter[str]] = {}
    for gold in load():
        want, style = gold["type"], str(gold["style"])
        got = predict(str(gold["text"]), first)
        hit = want is not None and want in got
        groups = ["all", style] + (["acled4"] if want in ACLED else [])
        for group in groups:
            c = counts.setdefault(group, Counter())
            c["tp"] += hit
            c["fp"] += len(got) - hit
            c["fn"] += want is not None and not hit
        per_type = counts.setdefault(f"type:{want}", Counter())
        per_type["n"] += 1
        per_type["hit"] += hit
        if show and (len(got) > hit or (want is not None and not hit)):
            print(f"{gold['id']} [{style}] gold={want} got={got}: {gold['text']}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every wrong sentence")
    parser.add_argument("--first", action="store_true", help="keep only the first event")
    args = parser.parse_args()
    counts = score(args.show, args.first)
    for group in ["all", "wire", "acled", "headline", "passive", "none", "acled4"]:
        c = counts.get(group, Counter())
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{group:9s} type P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {c['tp']} fp {c['fp']})")
    recalls = []
    for name in ACLED:
        c = counts.get(f"type:{name}", Counter())
        recalls.append(f"{name} {c['hit']}/{c['n']}")
    print("recall: " + ", ".join(recalls))
    print("command: python benchmarks/events_local.py" + (" --first" if args.first else ""))


if __name__ == "__main__":
    main()
