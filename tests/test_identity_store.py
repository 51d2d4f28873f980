"""Identity in the store: one article resolved against the corpus without re-resolving it,
and the analyst's merges and splits, which outlive re-analysis and re-resolution. The
articles are our own."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from dateline.corpus.identity import corpus_keys
from dateline.store import Store
from dateline.store.models import ArticleRow, EntityRow
from dateline.store.repository import IdentityError

from .store_fixtures import make_record, span


def _article(number: int, published: str, text: str, *names: tuple[str, str]) -> dict[str, Any]:
    entities = [
        {"id": f"e{i + 1}", "name": name, "type": type_, "mentions": [span(text, name)]}
        for i, (name, type_) in enumerate(names)
    ]
    return make_record(f"sha256:{number:064x}", text, published=published, entities=entities)


MONDAY = _article(
    1,
    "2025-03-03",
    "Rina Kessel praised the Harbor Hawks after the win in Eastfield.",
    ("Rina Kessel", "PERSON"),
    ("Harbor Hawks", "ORG"),
    ("Eastfield", "GPE"),
)
WEDNESDAY = _article(
    2,
    "2025-03-05",
    "Kessel said the Harbor Hawks would rest before going back to Eastfield.",
    ("Kessel", "PERSON"),
    ("Harbor Hawks", "ORG"),
    ("Eastfield", "GPE"),
)
JULY = _article(
    3,
    "2025-07-14",
    "Otto Kessel, a baker in Morrow, opened a second shop.",
    ("Otto Kessel", "PERSON"),
    ("Morrow", "GPE"),
)


def _keys(store: Store) -> dict[tuple[str, str], str | None]:
    query = select(ArticleRow.id, EntityRow.name, EntityRow.corpus_key).join(
        ArticleRow, ArticleRow.pk == EntityRow.article_pk
    )
    with store.engine.connect() as connection:
        return {(a[-4:], name): key for a, name, key in connection.execute(query)}


def test_one_new_article_is_resolved_against_the_corpus_alone(store: Store) -> None:
    store.save_records([MONDAY, JULY])
    store.resolve_entities(corpus_keys)
    before = _keys(store)
    store.save_records([WEDNESDAY])
    assert store.resolve_articles([WEDNESDAY["article"]["id"]], corpus_keys) == 3
    after = _keys(store)
    assert after[("0002", "Kessel")] == "person:rina-kessel"
    assert {k: v for k, v in after.items() if k[0] != "0002"} == before
    # the same as resolving the whole corpus again
    assert store.resolve_entities(corpus_keys) == 0


def test_a_merge_and_a_split_outlive_reanalysis_and_resolution(store: Store) -> None:
    store.save_records([MONDAY, WEDNESDAY, JULY])
    store.resolve_entities(corpus_keys)
    assert store.merge_identities("person:otto-kessel", "person:rina-kessel") == 1
    new_key = store.split_identity("person:rina-kessel", WEDNESDAY["article"]["id"])
    assert new_key.startswith("person:rina-kessel~")
    expected = _keys(store)
    assert expected[("0003", "Otto Kessel")] == "person:rina-kessel"
    assert expected[("0002", "Kessel")] == new_key
    store.save_records([MONDAY, WEDNESDAY, JULY], replace=True)  # as --reanalyze stores
    store.resolve_entities(corpus_keys)
    assert _keys(store) == expected
    assert [o.kind for o in store.overrides()] == ["merge", "split"]


def test_a_correction_of_what_is_not_stored_is_refused(store: Store) -> None:
    store.save_records([MONDAY])
    store.resolve_entities(corpus_keys)
    with pytest.raises(IdentityError, match=r"D403.*person:nobody"):
        store.merge_identities("person:nobody", "person:rina-kessel")
    with pytest.raises(IdentityError, match="no stored article"):
        store.split_identity("person:rina-kessel", "sha256:00")
    with pytest.raises(IdentityError, match="has no entity"):
        store.split_identity("org:morrow", MONDAY["article"]["id"])


def test_an_entity_named_like_a_place_of_its_article_is_marked_placed(store: Store) -> None:
    # "Ines Lorca" in one report; the town of Lorca, typed as an organisation, in another.
    text = "Shops in the old town of Lorca reopened on Tuesday."
    town = make_record(
        f"sha256:{9:064x}",
        text,
        published="2025-04-16",
        entities=[{"id": "e1", "name": "Lorca", "type": "ORG", "mentions": [span(text, "Lorca")]}],
        places=[
            {
                **span(text, "Lorca"),
                "id": "p1",
                "name": "Lorca",
                "country": "ESP",
                "lat": 37.7,
                "lon": -1.7,
                "geonameid": None,
                "feature": "city",
            }
        ],
    )
    scientist = _article(
        10, "2025-04-15", "Ines Lorca said the fault was still moving.", ("Ines Lorca", "PERSON")
    )
    store.save_records([town, scientist])
    store.resolve_entities(corpus_keys)
    with store.engine.connect() as connection:
        placed = dict(connection.execute(select(EntityRow.name, EntityRow.placed)).all())
    assert placed == {"Lorca": True, "Ines Lorca": False}
    assert _keys(store)[("0009", "Lorca")] == "org:lorca"
