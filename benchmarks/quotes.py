"""Quote attribution, Dateline against textacy's direct-quotation rules: one gold set, one run.

    python benchmarks/quotes.py [--gold PATH] [--limit N] [--json]

What is measured: who-said-what accuracy on the PolNeAR dev set (../shared/eval/quotes/dev.jsonl,
evaluation data: read here, never copied), as `score.py quotes` defines it (strict content
P / R / F1, speaker accuracy, quote+speaker F1 on the `direct`, `speech` and `all` gold subsets),
and the wall-clock time each system takes over the same articles.

Why: textacy's `direct_quotations` is the common off-the-shelf baseline for quote attribution
on spaCy. Both systems run here on the same texts with the same pinned spaCy model
(`load_plain_language` for textacy), so the difference is what Dateline's own stages add.

- Inputs are built by `score.py inputs` (id, text, published = meta.date), as for the CLI.
- Dateline: `article_from_text` -> `analyze_articles` -> `to_record`, in process. Timed from
  the texts to the records; model loading and a one-sentence warm-up run come before the clock.
- textacy: the pinned spaCy pipeline's `nlp.pipe`, then `direct_quotations` per doc, each triple
  turned into a record quote (content without its quotation marks, kind "direct", speaker mention
  = the speaker tokens' span, cue = the cue tokens' span). Timed the same way. textacy refuses
  a document with an odd number of quotation marks (ValueError): it then scores as empty.
- Both record sets are scored by `score.py quotes GOLD PRED --json` in a subprocess.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.ingest import article_from_text
from dateline.nlp.language import load_plain_language
from dateline.nlp.pipeline import analyze_articles, load_pipeline
from dateline.record import failure_record, to_record
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SCORE = EVAL / "score.py"
DEFAULT_GOLD = EVAL / "quotes" / "dev.jsonl"
SUBSETS = ("direct", "speech", "all")
WARM_UP = 'The mayor said on Monday: "We will open the new bridge next spring."'
COMMAND = "make bench-quotes  (python benchmarks/quotes.py)"

Record = dict[str, Any]
Span = dict[str, Any]


@dataclass
class Run:
    """One system's records, how long it took, and the articles it could not handle."""

    name: str
    records: list[Record]
    seconds: float
    failed: list[str] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- gold and inputs


def limited_gold(gold: Path, limit: int | None, tmp: Path) -> Path:
    """The gold file itself, or a temporary copy of its first `limit` lines."""
    if limit is None:
        return gold
    with gold.open(encoding="utf-8") as lines:
        kept = [line for line in lines if line.strip()][:limit]
    path = tmp / "gold.jsonl"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def score_py(*args: str) -> str:
    """Run `score.py` with this interpreter; its stdout, or exit with its stderr."""
    done = subprocess.run(
        [sys.executable, str(SCORE), *args], capture_output=True, text=True, encoding="utf-8"
    )
    if done.returncode != 0:
        sys.exit(f"score.py {args[0]} failed:\n{done.stderr}")
    return done.stdout


def read_inputs(gold: Path) -> list[dict[str, str]]:
    """The input lines `score.py inputs` makes for the gold file: id, text, published."""
    return [json.loads(line) for line in score_py("inputs", str(gold)).splitlines() if line]


# ---------------------------------------------------------------- Dateline


def run_dateline(inputs: list[dict[str, str]], settings: Settings) -> Run:
    """Dateline's records for the inputs; an input it refuses gets a failure record."""
    load_pipeline(settings.model, settings.verify_model)
    list(analyze_articles([article_from_text(WARM_UP)], settings))  # lazy tables, outside the clock
    failed: list[str] = []
    started = time.perf_counter()
    records: list[Record] = []
    articles = []
    for line in inputs:
        try:
            articles.append(
                article_from_text(line["text"], line["id"], published=line.get("published"))
            )
        except DatelineError as err:
            failed.append(line["id"])
            records.append(failure_record(line["id"], str(err)))
    records += [to_record(analysis) for analysis in analyze_articles(articles, settings)]
    return Run("Dateline", records, time.perf_counter() - started, failed)


# ---------------------------------------------------------------- textacy


def char_span(tokens: Iterable[Any]) -> Span | None:
    """{start, end, text} from the first to the last of some spaCy tokens (None if none)."""
    tokens = list(tokens)
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return {"start": start, "end": end, "text": doc.text[start:end]}


def triple_quote(n: int, triple: Any) -> Record:
    """A record quote from a textacy DQTriple; the content loses its outer quotation marks."""
    inner = char_span(triple.content[1:-1])  # content starts and ends on a quotation mark
    speaker = char_span(triple.speaker)
    assert inner is not None
    return {
        "id": f"q{n}",
        "kind": "direct",
        "start": inner["start"],
        "end": inner["end"],
        "content": inner["text"],
        "speaker": None,
        "speaker_name": speaker["text"] if speaker else None,
        "speaker_mention": speaker,
        "cue": char_span(triple.cue),
    }


def textacy_record(source_id: str, text: str, quotes: list[Record]) -> Record:
    """The minimal analysis record the scorer reads: the article's id and text, and its quotes."""
    record: Record = {"article": {"source_id": source_id, "text": text}, "quotes": quotes}
    return record | {key: [] for key in ("entities", "timexes", "places", "events")}


def run_textacy(inputs: list[dict[str, str]], settings: Settings) -> Run:
    """textacy's direct quotations over docs of the pinned plain spaCy pipeline."""
    from textacy.extract.triples import direct_quotations

    nlp = load_plain_language(settings.model, settings.verify_model)
    list(direct_quotations(nlp(WARM_UP)))  # lazy tables, outside the clock
    failed: list[str] = []
    records: list[Record] = []
    started = time.perf_counter()
    texts = (line["text"] for line in inputs)
    for line, doc in zip(inputs, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        try:
            quotes = [triple_quote(n, t) for n, t in enumerate(direct_quotations(doc), 1)]
        except ValueError:  # an odd number of quotation marks: textacy gives up on the document
            failed.append(line["id"])
            quotes = []
        records.append(textacy_record(line["id"], doc.text, quotes))
    return Run("textacy", records, time.perf_counter() - started, failed)


# ---------------------------------------------------------------- scoring and report


def score_run(run: Run, gold: Path, tmp: Path) -> None:
    """Write the run's records as JSONL and keep `score.py quotes --json`'s figures."""
    pred = tmp / f"{run.name.lower()}.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for record in run.records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    run.scores = json.loads(score_py("quotes", str(gold), str(pred), "--json"))


def figures(run: Run, n_articles: int) -> dict[str, Any]:
    """The figures of one run that the table shows."""
    out: dict[str, Any] = {"seconds": run.seconds, "articles_per_s": n_articles / run.seconds}
    out["failed_articles"] = len(run.failed)
    out["coverage"] = run.scores["coverage"]
    for subset in SUBSETS:
        s = run.scores["subsets"][subset]
        out[subset] = {
            "gold": s["gold"],
            "pred": s["pred"],
            "strict_P": s["content_strict"]["P"],
            "strict_R": s["content_strict"]["R"],
            "strict_F1": s["content_strict"]["F1"],
            "speaker_acc": s["speaker_acc"],
            "quote_speaker_F1": s["quote_plus_speaker"]["F1"],
        }
    return out


def fmt(x: float | None) -> str:
    """A fraction with three decimals; n/a where the scorer had nothing to judge."""
    return "n/a" if x is None else f"{x:.3f}"


def rows_gold(rows: dict[str, dict[str, Any]], subset: str) -> int:
    """How many gold quotes a subset has (the same for every system)."""
    return int(next(iter(rows.values()))[subset]["gold"])


def table(rows: dict[str, dict[str, Any]]) -> list[str]:
    """Side-by-side lines: per subset strict P/R/F1, speaker acc, quote+speaker F1; then speed."""
    keys = ("strict_P", "strict_R", "strict_F1", "speaker_acc", "quote_speaker_F1")
    heads = ("P", "R", "F1", "spk", "q+s")
    group = "  ".join(f"{s + ' (' + str(rows_gold(rows, s)) + ' gold)':<34}" for s in SUBSETS)
    lines = [f"{'':<9}  {group}  {'seconds':>8} {'art/s':>7}"]
    lines.append(
        f"{'system':<9}  " + "  ".join(" ".join(f"{h:>6}" for h in heads) for _ in SUBSETS)
    )
    for name, fig in rows.items():
        cells = "  ".join(" ".join(f"{fmt(fig[s][k]):>6}" for k in keys) for s in SUBSETS)
        lines.append(f"{name:<9}  {cells}  {fig['seconds']:>8.1f} {fig['articles_per_s']:>7.2f}")
    return lines


def notes(run: Run) -> None:
    """Print what went wrong for a run: refused articles, texts that did not align with the gold."""
    if run.failed:
        print(f"NOTE: {run.name} gave up on {len(run.failed)} articles (they score as empty)")
    coverage = run.scores["coverage"]
    for key in ("text_realigned", "text_differs", "missing"):
        if coverage.get(key):
            print(
                f"NOTE: {run.name}: {key.replace('_', ' ')} in {coverage[key]} articles (score.py)"
            )


def report(runs: list[Run], n_articles: int, gold: Path, as_json: bool) -> None:
    """Print the side-by-side table (or, with as_json, every figure as one JSON object)."""
    rows = {run.name: figures(run, n_articles) for run in runs}
    if as_json:
        print(
            json.dumps(
                {"gold": str(gold), "articles": n_articles, "systems": rows, "command": COMMAND},
                indent=1,
            )
        )
        return
    print(
        f"quotes: {n_articles} articles of {gold}; strict content match; spk = speaker acc; "
        "q+s = quote+speaker F1"
    )
    print()
    print("\n".join(table(rows)))
    print()
    for run in runs:
        notes(run)
    print(f"command: {COMMAND}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold quotes JSONL")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.limit is not None and args.limit < 1:
        sys.exit("--limit wants a positive number of articles")
    if not args.gold.is_file():
        sys.exit(f"{args.gold}: no gold quotes there (../shared/eval sits beside the repo)")
    if importlib.util.find_spec("textacy") is None:
        sys.exit("textacy is not installed: pip install -c constraints.txt -e '.[bench]'")
    settings = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-quotes-") as name:
        tmp = Path(name)
        gold = limited_gold(args.gold, args.limit, tmp)
        inputs = read_inputs(gold)
        runs = [run_dateline(inputs, settings), run_textacy(inputs, settings)]
        for run in runs:
            score_run(run, gold, tmp)
    report(runs, len(inputs), args.gold, args.json)


if __name__ == "__main__":
    main()
