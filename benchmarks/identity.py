"""Who is who across articles, scored against known chains: pairwise and B-cubed precision,
recall and F1 of the corpus keys `dateline ingest` gives people.

    python benchmarks/identity.py [--articles 300] [--seed 7]

Two sets, each ingested into its own store as `dateline ingest` would:
- ours: `benchmarks/data/identity/` (README there), 30 short news articles written for
  Dateline: the same people under varied names and roles over several reports, namesakes
  in different stories, a surname two people share, a surname that is also a town, a
  middle initial and "Jr.", a role word before a name;
- sample: the generated sample corpus (`benchmarks.sample_corpus`), --articles of it.

Items are the stored entities that name a gold person of their article (by a gold form of
the name, or by its surname alone), plus, as negatives, every other entity whose surname is
a gold person's: each of those is its own chain, so joining the town of Lorca to the
seismologist Ines Lorca costs precision. "Found" is the share of (article, person) pairs
of the gold that some stored entity names.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from benchmarks.sample_corpus import generate, write
from sqlalchemy import select

from dateline.names import person_words
from dateline.scale import InProcessRunner
from dateline.scale.ingestion import ingest
from dateline.settings import Settings
from dateline.store import Store, open_store
from dateline.store.models import ArticleRow, EntityRow

DATA = Path(__file__).resolve().parent / "data" / "identity"
Item = tuple[Hashable, Hashable]  # (gold chain, predicted key)
Gold = dict[str, dict[str, list[str]]]  # article id -> person -> forms of the name
BASELINES: dict[str, list[Item]] = {}  # the last scored items, keyed by a simple rule


def pairwise(items: list[Item]) -> tuple[float, float, float]:
    def pairs(counts: Counter[Hashable]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(items))
    predicted, true = pairs(Counter(p for _, p in items)), pairs(Counter(t for t, _ in items))
    return _prf(both / predicted if predicted else 1.0, both / true if true else 1.0)


def b_cubed(items: list[Item]) -> tuple[float, float, float]:
    both, gold, predicted = (
        Counter(items),
        Counter(t for t, _ in items),
        Counter(p for _, p in items),
    )
    precision = sum(both[(t, p)] / predicted[p] for t, p in items) / len(items)
    recall = sum(both[(t, p)] / gold[t] for t, p in items) / len(items)
    return _prf(precision, recall)


def _prf(precision: float, recall: float) -> tuple[float, float, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def items(store: Store, gold: Gold) -> tuple[list[Item], float]:
    """The scored items of a store, and the share of gold (article, person) pairs found."""
    surnames = {person_words(forms[0])[-1] for people in gold.values() for forms in people.values()}
    query = select(ArticleRow.source_id, EntityRow.name, EntityRow.corpus_key).join(
        ArticleRow, ArticleRow.pk == EntityRow.article_pk
    )
    found: list[Item] = []
    named: set[tuple[str, str]] = set()
    BASELINES.clear()
    with store.engine.connect() as connection:
        for number, (source_id, name, key) in enumerate(connection.execute(query)):
            words = person_words(name)
            people = gold.get(source_id or "", {})
            fitting = _people(words, people)
            if len(fitting) == 1:
                found.append((fitting[0], key))
                named.add((source_id or "", fitting[0]))
            elif not fitting and words and words[-1] in surnames:
                found.append((f"other:{number}", key))
            else:
                continue
            # the same items as two simple rules would key them, across the whole corpus
            BASELINES.setdefault("same string", []).append((found[-1][0], " ".join(words)))
            BASELINES.setdefault("same last word", []).append((found[-1][0], words[-1]))
    wanted = sum(len(people) for people in gold.values())
    return found, len(named) / wanted if wanted else 1.0


def _people(words: list[str], people: dict[str, list[str]]) -> list[str]:
    """The gold people of the article these name words may name (an entity that fits two
    namesakes of one article is left out: the gold cannot say which it is)."""
    return sorted(
        {
            person
            for person, forms in people.items()
            for form in forms
            if words == person_words(form)
            or (len(words) == 1 and words[0] == person_words(form)[-1])
        }
    )


def ours(folder: Path, tmp: Path, settings: Settings) -> tuple[list[Item], float]:
    gold: Gold = {}
    for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = row["people"]
    with open_store(str(tmp / "ours.db")) as store:
        ingest([str(folder / "articles.jsonl")], store, InProcessRunner(settings), settings)
        return items(store, gold)


def sample(articles: int, seed: int, tmp: Path, settings: Settings) -> tuple[list[Item], float]:
    corpus, truth_path = tmp / "corpus.jsonl", tmp / "truth.jsonl"
    write(generate(articles, seed), corpus, truth_path)
    gold: Gold = {}
    for line in truth_path.read_text("utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = row["people"]
    with open_store(str(tmp / "sample.db")) as store:
        ingest([str(corpus)], store, InProcessRunner(settings), settings)
        return items(store, gold)


def report(name: str, scored: Iterable[Item], found: float) -> None:
    scored = list(scored)
    p, r, f = pairwise(scored)
    bp, br, bf = b_cubed(scored)
    chains = len({t for t, _ in scored})
    print(
        f"  {name:16} {len(scored):4} items in {chains:3} chains, found {found:.3f} | "
        f"pairwise P {p:.3f} R {r:.3f} F1 {f:.3f} | B-cubed P {bp:.3f} R {br:.3f} F1 {bf:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="sample corpus articles")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"$ python benchmarks/identity.py {' '.join(sys.argv[1:])}".rstrip())
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="dateline-identity-") as tmp:
        sets: list[tuple[str, Callable[[], tuple[list[Item], float]]]] = [
            ("ours", lambda: ours(DATA, Path(tmp), settings)),
            ("sample", lambda: sample(args.articles, args.seed, Path(tmp), settings)),
        ]
        for name, scored_set in sets:
            scored, found = scored_set()
            report(name, scored, found)
            for rule, keyed in BASELINES.items():
                report(f"  {rule}", keyed, found)


if __name__ == "__main__":
    main()
