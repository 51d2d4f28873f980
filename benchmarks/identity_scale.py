"""Identity at scale: full resolution of a large store, and adding one article to it.

    python benchmarks/identity_scale.py [--articles 100000] [--seed 7]

A store of --articles synthetic articles is written straight into the tables (no pipeline:
what is timed is resolution, not analysis). Articles tell stories of 1 to 5 reports within
a few days; each story has 2 to 4 people (drawn from a population where many share a
surname) named in full or by surname alone, and 2 or 3 organisations and places. Then:
- full resolution: `Store.resolve_entities(corpus_keys)`, as a large ingest ends (wall
  time, and the CPU time of this process: on a shared machine the first waits for others);
- one article added: `save_records` of one new article and `Store.resolve_articles`, as
  `dateline ingest` of one file (or `POST /api/articles`) does on a large store.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from dateline.corpus.identity import corpus_keys
from dateline.names import surname
from dateline.store import open_store
from dateline.store.models import ArticleRow, EntityRow
from dateline.store.repository import write_transaction


def _combined(*parts: tuple[str, ...], sep: str = "") -> list[str]:
    """Every combination of one piece from each part: made-up names, none a real one's."""
    return [sep.join(pieces) for pieces in itertools.product(*parts)]


FIRSTS = _combined(
    ("Al", "Be", "Ca", "Do", "El", "Fa", "Gi", "Ha", "Io", "Ju"),
    ("na", "ro", "lia", "mir", "ten", "vik", "sa", "del", "bo", "ran"),
)
LASTS = _combined(
    ("Kor", "Bren", "Wal", "Ost", "Mar", "Dun", "Sel", "Tam"),
    ("ha", "de", "li", "vo", "mu"),
    ("nen", "son", "ric", "ez", "berg"),
)
ORGS = _combined(
    ("North", "Coastal", "United", "Free", "Civic", "Grand", "Old", "New"),
    ("Council", "League", "Party", "Union", "Bank", "Guild", "Front", "Board"),
    sep=" ",
)
PLACES = _combined(
    ("Ash", "Bel", "Cor", "Dal", "Esk", "Fen", "Gor", "Hal"),
    ("ford", "mouth", "ton", "by", "wick", "dale"),
)


def people(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """(first, last, gender) of `count` people: 200 surnames, so most share one."""
    return [(rng.choice(FIRSTS), rng.choice(LASTS), rng.choice("fm")) for _ in range(count)]


def articles(total: int, seed: int) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(article row, entity rows without article_pk) of `total` articles."""
    rng = random.Random(seed)
    population = people(rng, max(100, total // 10))
    start = date(2020, 1, 1)
    made: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    while len(made) < total:
        cast = rng.sample(population, rng.randint(2, 4))
        others = [(o, "ORG") for o in rng.sample(ORGS, 2)] + [(rng.choice(PLACES), "GPE")]
        day = start + timedelta(days=rng.randrange(2000))
        for _ in range(rng.randint(1, 5)):
            if len(made) == total:
                break
            published = (day + timedelta(days=rng.randrange(4))).isoformat()
            entities = []
            for first, last, gender in cast:
                name = f"{first} {last}" if rng.random() < 0.6 else last
                entities.append((name, "PERSON", gender if rng.random() < 0.3 else None))
            entities += [(name, type_, None) for name, type_ in others]
            made.append((_article(len(made), published), _entities(entities)))
    return made


def _article(number: int, published: str) -> dict[str, Any]:
    article_id = f"sha256:{number:064x}"
    return {
        "id": article_id,
        "source_id": f"a{number}",
        "title": None,
        "url": None,
        "published": published,
        "language": "en",
        "text": f"article {number}",
        "record": {"article": {"id": article_id, "published": published}},
        "dateline_version": "bench",
        "stored_at": datetime.now(UTC),
    }


def _entities(found: list[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    return [
        {
            "local_id": f"e{i + 1}",
            "name": name,
            "type": type_,
            "role": None,
            "country": None,
            "gender": gender,
            "corpus_key": None,
            "surname": surname(name),
        }
        for i, (name, type_, gender) in enumerate(found)
    ]


def build(store: Any, made: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
    with write_transaction(store.engine) as connection:
        for begin in range(0, len(made), 5000):
            chunk = made[begin : begin + 5000]
            connection.execute(insert(ArticleRow), [a for a, _ in chunk])
        pks = dict(connection.execute(ArticleRow.__table__.select().with_only_columns(
            ArticleRow.id, ArticleRow.pk)).all())  # fmt: skip
        rows = [{**e, "article_pk": pks[a["id"]]} for a, entities in made for e in entities]
        for begin in range(0, len(rows), 20000):
            connection.execute(insert(EntityRow), rows[begin : begin + 20000])


def one_record(number: int) -> dict[str, Any]:
    """A new article naming, by surname, someone of the corpus's first story."""
    text = f"Korhanen met the North Council in Ashford (article {number})."
    names = [("Korhanen", "PERSON"), ("North Council", "ORG"), ("Ashford", "GPE")]
    entities = [
        {"id": f"e{i + 1}", "name": n, "type": t, "mentions": []} for i, (n, t) in enumerate(names)
    ]
    return {
        "dateline": "bench",
        "article": {"id": f"sha256:{number:064x}", "text": text, "published": "2020-03-02"},
        "entities": entities,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"$ python benchmarks/identity_scale.py {' '.join(sys.argv[1:])}".rstrip())
    with (
        tempfile.TemporaryDirectory(prefix="dateline-identity-") as tmp,
        open_store(str(Path(tmp) / "identity.db")) as store,
    ):
        made = articles(args.articles, args.seed)
        began = time.perf_counter()
        build(store, made)
        entities = store.count("entities")
        print(f"  store of {args.articles:,} articles, {entities:,} entities written in "
              f"{time.perf_counter() - began:.1f} s")  # fmt: skip
        began, cpu = time.perf_counter(), time.process_time()
        changed = store.resolve_entities(corpus_keys)
        print(
            f"  full resolution: {time.perf_counter() - began:.1f} s "
            f"({time.process_time() - cpu:.1f} s of CPU; {changed:,} keys)"
        )
        record = one_record(args.articles + 1)
        began = time.perf_counter()
        store.save_records([record])
        store.resolve_articles([record["article"]["id"]], corpus_keys)
        print(f"  one article added and resolved: {time.perf_counter() - began:.3f} s")


if __name__ == "__main__":
    main()
