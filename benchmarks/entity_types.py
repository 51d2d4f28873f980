"""Entity types on our own articles in the domains users meet: per-type precision and
recall, accuracy over every gold name, and the confusion pairs.

    python benchmarks/entity_types.py [--show]

The gold (`tests/fixtures/entity_types/gold.json`, written for this project before the
system ran on the articles) gives every name an article uses and the types a right reading
may give it ("OTHER|GPE" for a camp; "none" where no entity is right too), the first the
main one. Each name's occurrences are found in the text (case-sensitive, whole words,
longer names first, so "Sporting" inside "Sporting Lisbon" is the club's whole name); the
type read for a name is the majority over its occurrences of the entity whose mention is
that span, else of one whose mention holds it, else "none". An entity none of whose
mentions touches a gold name is spurious. Where `countries.json` labels a person's or a
body's country ("none" where the text supports none), the country read the same way is
scored too ("country accuracy"); `--files` scores only the articles named.

Why: a wrong type sends a fact to the wrong table (an armed group read as a town becomes a
place on the map, a storm a speaker), and the geo sets score places, not types; these
articles are built around the names the judges and users meet (armed groups, UN agencies,
summits, companies, courts, clubs, ships, parties, storms, churches).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from dateline import analyze
from dateline.model import Analysis

TYPES_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "entity_types"
LABELS = ("PERSON", "ORG", "GPE", "NORP", "OTHER")


def occurrences(text: str, names: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Where each gold name stands, longest names first; a span claimed once is not reused."""
    claimed: list[tuple[int, int]] = []
    found: dict[str, list[tuple[int, int]]] = {}
    for name in sorted(names, key=len, reverse=True):
        spans = []
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
            start, end = match.span()
            if any(start < e and s < end for s, e in claimed):
                continue
            spans.append((start, end))
        claimed.extend(spans)
        found[name] = spans
    return found


def read_types(analysis: Analysis, spans: list[tuple[int, int]], country: bool = False) -> str:
    """The type (or with `country` the country) the analysis gives one name: the majority
    over its occurrences."""
    votes: Counter[str] = Counter()
    for start, end in spans:
        exact = inside = None
        for entity in analysis.entities:
            value = (entity.country or "none") if country else entity.type.value
            for mention in entity.mentions:
                if (mention.start, mention.end) == (start, end):
                    exact = value
                elif mention.start <= start and end <= mention.end:
                    inside = value
        votes[exact or inside or "none"] += 1
    return votes.most_common(1)[0][0] if votes else "none"


def spurious(analysis: Analysis, spans: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """Entities none of whose mentions touches a gold name: (name, type)."""
    out = []
    for entity in analysis.entities:
        if not any(m.start < e and s < m.end for m in entity.mentions for s, e in spans):
            out.append((entity.name, entity.type.value))
    return out


def score(show: bool, files: list[str] | None = None) -> dict[str, float]:
    """The figures over every article (or those in `files`), printing each wrong name with
    `show`."""
    gold = json.loads((TYPES_DIR / "gold.json").read_text("utf-8"))
    gold.pop("_about", None)
    countries = json.loads((TYPES_DIR / "countries.json").read_text("utf-8"))
    if files:
        gold = {name: gold[name] for name in files}
    right = total = country_right = country_total = 0
    per_gold: Counter[str] = Counter()
    per_gold_right: Counter[str] = Counter()
    per_pred: Counter[str] = Counter()
    per_pred_right: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for file_name, names in sorted(gold.items()):
        text = (TYPES_DIR / file_name).read_text(encoding="utf-8")
        analysis = analyze(text)
        where = occurrences(text, list(names))
        for name, allowed in names.items():
            accepted = allowed.split("|")
            predicted = read_types(analysis, where[name]) if where[name] else "none"
            ok = predicted in accepted
            total += 1
            right += ok
            per_gold[accepted[0]] += 1
            per_gold_right[accepted[0]] += ok
            per_pred[predicted] += 1
            per_pred_right[predicted] += ok
            if not ok:
                confusion[accepted[0], predicted] += 1
                if show:
                    print(f"{file_name}: {name!r} gold {allowed} read {predicted}")
        for name, allowed in countries.get(file_name, {}).items():
            read = read_types(analysis, where[name], country=True) if where[name] else "none"
            country_total += 1
            country_right += read in allowed.split("|")
            if show and read not in allowed.split("|"):
                print(f"{file_name}: {name!r} country gold {allowed} read {read}")
        for name, label in spurious(analysis, [s for v in where.values() for s in v]):
            per_pred[label] += 1
            confusion["none", label] += 1
            if show:
                print(f"{file_name}: spurious {name!r} {label}")
    figures = {"accuracy": right / total, "names": float(total)}
    for label in LABELS:
        precision = per_pred_right[label] / per_pred[label] if per_pred[label] else 0.0
        recall = per_gold_right[label] / per_gold[label] if per_gold[label] else 0.0
        figures[f"{label}_p"], figures[f"{label}_r"] = precision, recall
    print(f"accuracy {figures['accuracy']:.3f} over {total} gold names")
    if country_total:
        figures["country_accuracy"] = country_right / country_total
        print(f"country accuracy {figures['country_accuracy']:.3f} over {country_total} names")
    for label in LABELS:
        print(
            f"{label:7s} P {figures[label + '_p']:.3f} R {figures[label + '_r']:.3f}"
            f" ({per_gold[label]} gold, {per_pred[label]} read)"
        )
    print("confusions (gold -> read):")
    for (gold_label, read), count in confusion.most_common():
        print(f"  {gold_label} -> {read}: {count}")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every wrong name")
    parser.add_argument("--files", nargs="*", help="score only these articles (file names)")
    args = parser.parse_args()
    score(args.show, args.files)


if __name__ == "__main__":
    main()
