"""Cross-article merges on the generated sample corpus, against its known answers: people
named in different forms, the same quote carried by several outlets, the same event reported
several times. Pairwise precision and recall of each merge.

    python benchmarks/merges.py [--articles N] [--seed S]

The corpus (benchmarks.sample_corpus) is ingested as `dateline ingest` would, then:
- people: every stored PERSON entity named as a person of its article's truth (in full, or by
  surname alone; an entity of both namesakes of one article counts for both);
  two such entities should share a corpus key exactly when they are the same person;
- quotes: every stored quote whose words are its story's quote; two should merge
  (`merge_quotes`) exactly when they are the same story's quote;
- events: every stored event of its story's type; two should merge (`merge_events`) exactly
  when they report the same story. Without an events stage in the pipeline there is nothing
  to score, and the line says so.
Pairs are counted over clusters: precision = pairs merged rightly / pairs merged, recall =
pairs merged rightly / pairs that should merge.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Hashable, Iterable
from pathlib import Path

from benchmarks.sample_corpus import generate, write
from sqlalchemy import select

from dateline.corpus.resolve import merge_events, merge_quotes
from dateline.names import name_words
from dateline.scale import InProcessRunner
from dateline.scale.ingestion import ingest
from dateline.settings import Settings
from dateline.store import Store, open_store
from dateline.store.models import ArticleRow, EntityRow
from dateline.store.rows import content_key


def pairwise(items: Iterable[tuple[Hashable, Hashable]]) -> tuple[float, float, int]:
    """Precision, recall and item count of predicted clusters against true ones, by pairs."""
    items = list(items)

    def pairs(counts: Counter[Hashable]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(items))
    predicted = pairs(Counter(p for _, p in items))
    true = pairs(Counter(t for t, _ in items))
    return (both / predicted if predicted else 1.0), (both / true if true else 1.0), len(items)


def people(store: Store, truth: dict[str, dict]) -> list[tuple[Hashable, Hashable]]:
    query = (
        select(EntityRow.name, EntityRow.corpus_key, ArticleRow.source_id)
        .join(ArticleRow, ArticleRow.pk == EntityRow.article_pk)
        .where(EntityRow.type == "PERSON")
    )
    items = []
    with store.engine.connect() as connection:
        for name, key, source_id in connection.execute(query):
            words = name_words(name)
            for person, forms in truth[source_id]["people"].items():
                full = name_words(forms[0])
                if words == full or (len(words) == 1 and words[0] == full[-1]):
                    items.append((person, key))
    return items


def quotes(store: Store, truth: dict[str, dict]) -> list[tuple[Hashable, Hashable]]:
    found = [
        q
        for q in store.query_quotes(limit=None)
        if q.content_key == content_key(truth[q.source.source_id or ""]["quote"]["content"])
    ]
    items = []
    for number, merged in enumerate(merge_quotes(found)):
        for source in merged.sources:
            items.append((truth[source.source_id or ""]["story"], number))
    return items


def events(store: Store, truth: dict[str, dict]) -> list[tuple[Hashable, Hashable]]:
    found = [
        v
        for v in store.query_events(limit=None)
        if v.type == truth[v.source.source_id or ""]["event"]["type"]
    ]
    return [
        (truth[report.source.source_id or ""]["story"], number)
        for number, merged in enumerate(merge_events(found))
        for report in merged.reports
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"$ python benchmarks/merges.py {' '.join(sys.argv[1:])}".rstrip())
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="dateline-merges-") as tmp:
        corpus, truth_path = Path(tmp) / "corpus.jsonl", Path(tmp) / "truth.jsonl"
        write(generate(args.articles, args.seed), corpus, truth_path)
        truth = {}
        for line in truth_path.read_text("utf-8").splitlines():
            row = json.loads(line)
            truth[row["id"]] = row
        stories = len({row["story"] for row in truth.values()})
        with open_store(str(Path(tmp) / "merges.db")) as store:
            ingest([str(corpus)], store, InProcessRunner(settings), settings)
            print(f"sample corpus: {len(truth)} articles telling {stories} stories")
            for name, items in (
                ("people", people(store, truth)),
                ("quotes", quotes(store, truth)),
                ("events", events(store, truth)),
            ):
                if not items:
                    print(f"  {name:7} nothing extracted to merge")
                    continue
                precision, recall, count = pairwise(items)
                print(f"  {name:7} precision {precision:.3f}  recall {recall:.3f}  ({count} facts)")


if __name__ == "__main__":
    main()
