"""Places, five-fold: per-fold and mean geoparsing figures over the GeoWebNews dev set.

    python benchmarks/geo_cv.py [--gold PATH] [--pred PATH] [--save PATH] [--folds N]

What is measured: `score.py geo` (end-to-end P / R / F1 and acc@161 km over matched toponyms)
on each of N folds of ../shared/eval/geo/dev.jsonl (evaluation data: read here, never copied)
and on the whole set. An article's fold is the SHA-256 of its id modulo N, so the folds never
change with the code or the order of the file.

Why: the whole dev set is what the rules were tuned on; a rule that lifts the mean of the held
folds, and not only the folds it was written from, is a rule that generalises. Tune on four
folds, read the fifth: the spread between folds says how much a change must move to count.

The current code analyses the articles once (`python -m dateline analyze IN --format jsonl`,
IN from `score.py inputs`), or `--pred` names a prediction file made earlier; every fold is
scored from that one file by `score.py geo --json` in a subprocess.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from folds import fold_of

_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_SCORER = _SHARED / "eval" / "score.py"
_GOLD = _SHARED / "eval" / "geo" / "dev.jsonl"
_FIGURES = ("p", "r", "f1", "acc161")


def _analyse(gold: Path, work: Path) -> Path:
    """One run of the current code over every article of the set."""
    inputs, pred = work / "inputs.jsonl", work / "pred.jsonl"
    with inputs.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, str(_SCORER), "inputs", str(gold)], check=True, stdout=handle
        )
    with pred.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [sys.executable, "-m", "dateline", "analyze", str(inputs), "--format", "jsonl"],
            check=True,
            stdout=handle,
            env=os.environ.copy(),
        )
    return pred


def _score(gold: Path, pred: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(_SCORER), "geo", str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    headline: dict[str, Any] = json.loads(out)["headline"]
    headline["gold"] = json.loads(out)["e2e"]["gold"]
    return headline


def _split(gold: Path, folds: int, work: Path) -> list[Path]:
    """The gold file cut into one file per fold."""
    lines: list[list[str]] = [[] for _ in range(folds)]
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines[fold_of(json.loads(line)["id"], folds)].append(line)
    paths = []
    for number, chunk in enumerate(lines):
        path = work / f"fold{number}.jsonl"
        path.write_text("\n".join(chunk) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _row(name: str, figures: dict[str, Any]) -> str:
    values = " ".join("   n/a" if figures[k] is None else f"{figures[k]:6.3f}" for k in _FIGURES)
    return f"{name:<8} {figures.get('gold', ''):>5} {values}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=_GOLD)
    parser.add_argument("--pred", type=Path, help="score this prediction file, do not analyse")
    parser.add_argument("--save", type=Path, help="keep the prediction file here")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.gold.exists():
        sys.exit(f"{args.gold}: no such gold file; check out ../shared beside the project")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        pred = args.pred or _analyse(args.gold, work)
        if args.save and not args.pred:
            args.save.write_bytes(pred.read_bytes())
        per_fold = [_score(path, pred) for path in _split(args.gold, args.folds, work)]
        whole = _score(args.gold, pred)
    mean = {k: sum(f[k] or 0.0 for f in per_fold) / len(per_fold) for k in _FIGURES}
    mean["gold"] = ""
    if args.json:
        print(json.dumps({"folds": per_fold, "mean": mean, "whole": whole}, indent=1))
        return
    print(f"{'':<8} {'gold':>5} " + " ".join(f"{k:>6}" for k in _FIGURES))
    for number, figures in enumerate(per_fold):
        print(_row(f"fold {number}", figures))
    print(_row("mean", mean))
    print(_row("whole", whole))
    source = f"--pred {args.pred}" if args.pred else "analysed now"
    print(f"\npython benchmarks/geo_cv.py --gold {args.gold} ({source}); folds by sha256(id) % N")


if __name__ == "__main__":
    main()
