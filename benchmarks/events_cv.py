"""Five-fold figures for event coding on the two events dev sets, beside the whole-dev figure.

    python benchmarks/events_cv.py [--plover PRED.jsonl] [--conflibert PRED.jsonl] [--analyze]

Why folds: a rule written from one dev sentence lifts the whole-dev figure and nothing else.
Each dev line goes to fold ``int(sha256(id), 16) % 5``; a choice tuned on four folds is judged
on the fifth, and the mean of the per-fold figures is what generalises (issue 14). The folds
only matter for tuned choices (thresholds, which dictionary sections are on); a hand rule is
judged by whether it lifts folds it was not written from.

Predictions are made once per code version (``--analyze`` runs ``dateline analyze`` on every
dev sentence, which takes minutes for ConfliBERT's 1,345 on a shared machine) and every fold is
scored from the one file. Without ``--analyze`` the files named by ``--plover`` and
``--conflibert`` are read (defaults: ``/tmp/events-cv/{plover,conflibert}.jsonl``).

Scoring is the evaluation's own ``score.py events`` (``../shared/eval/score.py`` beside the
checkout), imported, so the figures are the ones it prints. Exits 0 with a note when the
shared folder is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from folds import fold_of, load_scorer

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "plover": EVAL / "events" / "dev.jsonl",
    "conflibert": EVAL / "events" / "conflibert_dev.jsonl",
}
FOLDS = 5
WORK = Path(tempfile.gettempdir()) / "events-cv"

# (label, path into score_events' headline dict) for each set.
FIGURES: dict[str, list[str]] = {
    "plover": ["type_p", "type_r", "type_f1", "dyad_dir_f1"],
    "conflibert": ["quad_f1", "quad_arg_f1", "detect_f1"],
}


def read_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def analyze(name: str, gold: Path, out: Path) -> None:
    """Predictions for every dev sentence, through the CLI the evaluation uses."""
    inputs = out.with_suffix(".in.jsonl")
    lines = [json.dumps({"id": g["id"], "text": g["text"]}) for g in read_lines(gold)]
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli = [sys.executable, "-m", "dateline", "analyze", str(inputs), "--format", "jsonl"]
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(cli, stdout=fh, check=True)
    print(f"# {name}: analysed {len(lines)} sentences -> {out}", file=sys.stderr)


def score_subset(
    score: Callable[[str, str], tuple[dict[str, Any], dict[str, float]]],
    gold_lines: list[dict[str, Any]],
    pred: Path,
) -> dict[str, float]:
    """The headline of score.py events on some gold lines (a temporary gold file)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.writelines(json.dumps(g) + "\n" for g in gold_lines)
    try:
        _, head = score(fh.name, str(pred))
    finally:
        Path(fh.name).unlink()
    return head


def cv_figures(name: str, pred: Path, scorer: ModuleType) -> dict[str, Any]:
    """Per-fold headline figures, their mean, and the whole-dev figures for one set."""
    gold = read_lines(SETS[name])
    whole = score_subset(scorer.score_events, gold, pred)
    folds = []
    for k in range(FOLDS):
        held = [g for g in gold if fold_of(str(g["id"])) == k]
        folds.append({"n": len(held), **score_subset(scorer.score_events, held, pred)})
    mean = {key: statistics.fmean(f[key] for f in folds) for key in FIGURES[name]}
    return {"whole": whole, "folds": folds, "mean": mean}


def print_table(name: str, res: dict[str, Any]) -> None:
    keys = FIGURES[name]
    print(f"\n{name} ({SETS[name].name})")
    print("fold     n  " + "  ".join(f"{k:>11}" for k in keys))
    for k, f in enumerate(res["folds"]):
        print(f"{k:>4} {f['n']:>5}  " + "  ".join(f"{f[key]:>11.3f}" for key in keys))
    print("mean       " + "  ".join(f"{res['mean'][key]:>11.3f}" for key in keys))
    print("whole      " + "  ".join(f"{res['whole'][key]:>11.3f}" for key in keys))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plover", type=Path, default=WORK / "plover.jsonl")
    parser.add_argument("--conflibert", type=Path, default=WORK / "conflibert.jsonl")
    parser.add_argument("--analyze", action="store_true", help="run dateline analyze first")
    parser.add_argument("--only", choices=sorted(SETS), help="one set only")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args(argv)
    if not (EVAL / "score.py").is_file():
        print(f"{EVAL}: absent; nothing to score")
        return 0
    scorer = load_scorer()
    preds = {"plover": args.plover, "conflibert": args.conflibert}
    names = [args.only] if args.only else list(SETS)
    results = {}
    for name in names:
        if args.analyze:
            preds[name].parent.mkdir(parents=True, exist_ok=True)
            analyze(name, SETS[name], preds[name])
        results[name] = cv_figures(name, preds[name], scorer)
    cmd = " ".join(["python", "benchmarks/events_cv.py", *(argv or sys.argv[1:])])
    if args.json:
        print(json.dumps({"command": cmd, **results}, indent=1))
        return 0
    print(f"$ {cmd}")
    for name in names:
        print_table(name, results[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
