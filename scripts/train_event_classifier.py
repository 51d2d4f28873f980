"""Train the events stage's sentence classifier (PLOVER type or no event) on our own sentences.

    python scripts/make_event_sentences.py      # the sentences (project's own, CC0)
    python scripts/train_event_classifier.py    # held-out figures, then the shipped model

The sentences are `src/dateline/nlp/events/data/training/sentences.jsonl`, written for the
project (see that folder's README); nothing else trains these weights (issue 14: third-party
evaluation text may choose a threshold, never train). The config is `training/textcat.cfg`:
a spaCy `textcat` (exclusive classes) over a bag of words and bigrams, on a blank English
tokenizer, so loading it costs milliseconds and needs no tagger or vectors.

Two runs, both with the config's fixed seed and a fixed number of epochs (no early stopping,
so no run looks at held-out data to choose itself): one on the `train` split, scored on the
`test` split (a fifth of the templates, phrasings the model never saw); then the shipped one,
on every sentence, written to `src/dateline/nlp/events/data/event_classifier/`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, load_config, load_model_from_config, minibatch

from dateline.nlp.events.classifier import features, model_dir
from dateline.nlp.language import load_plain_language

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src/dateline/nlp/events/data"
TRAINING = DATA / "training"
MODEL = model_dir()
NONE = "NONE"
# The ontology's quad classes (dateline.ontology), kept here so the script runs standalone.
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
    NONE: 0,
}


def read_rows() -> list[dict[str, Any]]:
    """The sentences, each with its `features`: what the stage gives the model at run time
    (lemmas and entity labels from the pinned en_core_web_sm, the pipeline's own parser)."""
    with (TRAINING / "sentences.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    parser = load_plain_language()
    for row, doc in zip(rows, parser.pipe(r["text"] for r in rows), strict=True):
        row["features"] = features(doc)
    return rows


def train(rows: list[dict[str, Any]], config_path: Path = TRAINING / "textcat.cfg") -> Language:
    """A textcat trained on rows, the same on every run (seeded shuffles, fixed epochs)."""
    config = load_config(config_path, interpolate=True)
    seed = int(config["training"]["seed"])
    epochs = int(config["training"]["max_epochs"])
    dropout = float(config["training"]["dropout"])
    fix_random_seed(seed)
    nlp = load_model_from_config(load_config(config_path), auto_fill=True)
    labels = sorted(QUAD)
    examples = [_example(nlp, r["features"], r["label"], labels) for r in rows]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=dropout, sgd=optimizer)
    return nlp


def _example(nlp: Language, text: str, label: str, labels: list[str]) -> Example:
    cats = {name: float(name == label) for name in labels}
    return Example.from_dict(nlp.make_doc(text), {"cats": cats})


def evaluate(nlp: Language, rows: list[dict[str, Any]]) -> dict[str, float]:
    """Type accuracy, quad accuracy, macro F1 over types, and event-vs-none P/R/F1."""
    gold = [r["label"] for r in rows]
    pred = [_best(doc.cats) for doc in nlp.pipe(r["features"] for r in rows)]
    pairs = list(zip(gold, pred, strict=True))
    tp = sum(g != NONE and p != NONE for g, p in pairs)
    fp = sum(g == NONE and p != NONE for g, p in pairs)
    fn = sum(g != NONE and p == NONE for g, p in pairs)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {
        "n": len(rows),
        "type_accuracy": sum(g == p for g, p in pairs) / len(pairs),
        "quad_accuracy": sum(QUAD[g] == QUAD[p] for g, p in pairs) / len(pairs),
        "macro_f1": _macro_f1(pairs),
        "detect_p": precision,
        "detect_r": recall,
        "detect_f1": 2 * precision * recall / max(precision + recall, 1e-9),
    }


def _best(cats: dict[str, float]) -> str:
    return max(cats, key=lambda k: cats[k])


def _macro_f1(pairs: list[tuple[str, str]]) -> float:
    scores = []
    for label in sorted({g for g, _ in pairs} | {p for _, p in pairs}):
        tp = sum(g == p == label for g, p in pairs)
        gold, pred = Counter(g for g, _ in pairs)[label], Counter(p for _, p in pairs)[label]
        scores.append(2 * tp / max(gold + pred, 1))
    return sum(scores) / len(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-save", action="store_true", help="held-out figures only")
    parser.add_argument("--config", type=Path, default=TRAINING / "textcat.cfg")
    args = parser.parse_args(argv)
    rows = read_rows()
    held = [r for r in rows if r["split"] == "test"]
    start = time.perf_counter()
    model = train([r for r in rows if r["split"] == "train"], args.config)
    figures = evaluate(model, held)
    print(f"trained on {len(rows) - len(held)} in {time.perf_counter() - start:.1f} s")
    rounded = {k: round(v, 3) for k, v in figures.items()}
    print("held-out split (unseen templates): " + json.dumps(rounded))
    if args.no_save:
        return 0
    shipped = train(rows, args.config)
    shutil.rmtree(MODEL, ignore_errors=True)
    shipped.to_disk(MODEL)
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    print(f"{MODEL}: trained on all {len(rows)} sentences, {size / 1e6:.1f} MB on disk")
    start = time.perf_counter()
    spacy.load(MODEL)
    print(f"load time {1000 * (time.perf_counter() - start):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
