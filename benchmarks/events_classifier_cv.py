"""Does the learned event classifier pay? Wirings simulated on the stage's predictions, by folds.

    python benchmarks/events_classifier_cv.py --plover PRED.jsonl --conflibert PRED.jsonl

The predictions are `dateline analyze` records of the two events dev sets made with the
classifier off (the default, `/tmp/final/*.jsonl` of a session). Each wiring below changes
those records the way the stage would, using the classifier's scores for the record's text:

* `filter`: a sentence the classifier thinks reports no event (P(NONE) >= t) keeps none.
* `fallback`: a sentence the rules coded nothing in, where the classifier is sure of an event
  (P(NONE) < t), gets one event of the classifier's best type, with no actors.
* `quad`: an event whose quad class disagrees with the classifier's best type, where that
  type's probability is >= t, takes the classifier's type.

Each wiring has one threshold. It is chosen on four folds (the sum of PLOVER type F1 and
ConfliBERT quad F1 there) and scored on the fifth; the mean over the five held folds is the
figure that says whether it generalises (issue 14). The classifier was trained only on the
project's own sentences; the dev sets here choose a threshold, nothing else. Exits 0 with a
note when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.nlp.events.classifier import NONE, scores
from dateline.nlp.language import load_plain_language
from dateline.ontology import quad_of
from folds import EVAL, FOLDS, fold_of, load_scorer

SETS = {
    "plover": EVAL / "events" / "dev.jsonl",
    "conflibert": EVAL / "events" / "conflibert_dev.jsonl",
}
FIGURES = {"plover": ["type_f1", "dyad_dir_f1"], "conflibert": ["quad_f1", "detect_f1"]}
OBJECTIVE = {"plover": "type_f1", "conflibert": "quad_f1"}
GRID: dict[str, list[float]] = {
    "filter": [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01],
    "fallback": [-0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5],
    "quad": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01],
}
Record = dict[str, Any]
Wiring = Callable[[Record, dict[str, float], float], None]


def read_lines(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _best(cats: dict[str, float]) -> str:
    return max((k for k in cats if k != NONE), key=lambda k: cats[k])


def wire_filter(record: Record, cats: dict[str, float], t: float) -> None:
    if cats[NONE] >= t:
        record["events"] = []


def wire_fallback(record: Record, cats: dict[str, float], t: float) -> None:
    if not record["events"] and cats[NONE] < t:
        record["events"] = [{"type": _best(cats), "actor": None, "recipient": None}]


def wire_quad(record: Record, cats: dict[str, float], t: float) -> None:
    best = _best(cats)
    for event in record["events"]:
        if quad_of(event["type"]) != quad_of(best) and cats[best] >= t:
            event["type"] = best


WIRINGS: dict[str, Wiring] = {"filter": wire_filter, "fallback": wire_fallback, "quad": wire_quad}


def classify(records: list[Record]) -> list[dict[str, float]]:
    parser = load_plain_language()
    docs = parser.pipe(r["article"]["text"] for r in records)
    return scores(list(docs))


def analyze_wired(gold: Path, out: Path, wiring: str, threshold: float) -> None:
    """`dateline analyze` of a dev set's sentences with a learned wiring switched on (the
    switch is per process, so the CLI runs in a child that sets it first)."""
    inputs = out.with_suffix(".in.jsonl")
    lines = [json.dumps({"id": g["id"], "text": g["text"]}) for g in read_lines(gold)]
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = (
        "import sys; from dateline.nlp.events import learned; "
        f"learned.use({wiring!r}, {threshold!r}); from dateline.cli.main import app; "
        f"sys.argv = ['dateline', 'analyze', {str(inputs)!r}, '--format', 'jsonl']; app()"
    )
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run([sys.executable, "-c", code], stdout=fh, check=True)


class Scorer:
    """Fold-restricted headline figures of score.py events, gold subsets written once."""

    def __init__(self, scorer: Any, name: str, work: Path) -> None:
        gold = read_lines(SETS[name])
        self.score, self.work, self.name = scorer.score_events, work, name
        self.held, self.rest = [], []
        for k in range(FOLDS):
            self.held.append(
                self._write(f"{name}-held{k}", [g for g in gold if fold_of(g["id"]) == k])
            )
            self.rest.append(
                self._write(f"{name}-rest{k}", [g for g in gold if fold_of(g["id"]) != k])
            )

    def _write(self, stem: str, lines: list[Record]) -> str:
        path = self.work / f"{stem}.jsonl"
        path.write_text("".join(json.dumps(g) + "\n" for g in lines), encoding="utf-8")
        return str(path)

    def figures(
        self, records: list[Record]
    ) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
        pred = self._write(f"{self.name}-pred", records)
        return [self.score(p, pred)[1] for p in self.held], [
            self.score(p, pred)[1] for p in self.rest
        ]


def run(
    preds: dict[str, list[Record]],
    cats: dict[str, list[dict[str, float]]],
    scorers: dict[str, Scorer],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    base = {n: scorers[n].figures(preds[n]) for n in SETS}
    out["off"] = {
        n: {f: statistics.fmean(h[f] for h in base[n][0]) for f in FIGURES[n]} for n in SETS
    }
    for wiring, grid in GRID.items():
        by_t = {}
        for t in grid:
            by_t[t] = {}
            for n in SETS:
                records = copy.deepcopy(preds[n])
                for record, c in zip(records, cats[n], strict=True):
                    WIRINGS[wiring](record, c, t)
                by_t[t][n] = scorers[n].figures(records)
        chosen, held = [], {n: {f: [] for f in FIGURES[n]} for n in SETS}
        for k in range(FOLDS):
            t = max(grid, key=lambda t: sum(by_t[t][n][1][k][OBJECTIVE[n]] for n in SETS))
            chosen.append(t)
            for n in SETS:
                for f in FIGURES[n]:
                    held[n][f].append(by_t[t][n][0][k][f])
        out[wiring] = {
            "thresholds": chosen,
            **{n: {f: statistics.fmean(v) for f, v in held[n].items()} for n in SETS},
            "fixed": {
                str(t): {
                    n: {f: statistics.fmean(h[f] for h in by_t[t][n][0]) for f in FIGURES[n]}
                    for n in SETS
                }
                for t in grid
            },
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plover", type=Path, required=True)
    parser.add_argument("--conflibert", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--analyze",
        nargs=2,
        metavar=("WIRING", "THRESHOLD"),
        help="instead: analyse both dev sets with this wiring on, into --plover/--conflibert",
    )
    args = parser.parse_args(argv)
    if args.analyze:
        for name, out in (("plover", args.plover), ("conflibert", args.conflibert)):
            analyze_wired(SETS[name], out, args.analyze[0], float(args.analyze[1]))
        return 0
    if not (EVAL / "score.py").is_file():
        print(f"{EVAL}: absent; nothing to score")
        return 0
    scorer = load_scorer()
    preds = {"plover": read_lines(args.plover), "conflibert": read_lines(args.conflibert)}
    cats = {n: classify(preds[n]) for n in SETS}
    with tempfile.TemporaryDirectory() as tmp:
        scorers = {n: Scorer(scorer, n, Path(tmp)) for n in SETS}
        res = run(preds, cats, scorers)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    head = (
        "wiring     thresholds (per held fold)  plover type_f1 dyad_dir  conflibert quad_f1 detect"
    )
    print(head)
    for wiring, r in res.items():
        ts = " ".join(f"{t:.2f}" for t in r.get("thresholds", [])) or "-"
        p, c = r["plover"], r["conflibert"]
        figures = f"{p['type_f1']:>14.3f} {p['dyad_dir_f1']:>8.3f} {c['quad_f1']:>19.3f}"
        print(f"{wiring:<10} {ts:<28} {figures} {c['detect_f1']:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
