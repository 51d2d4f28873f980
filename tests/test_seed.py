"""The seed article of ../shared/seed against its hand annotation (skipped where absent).

The same checks as `score_seed.py` for what the foundation owns: metadata, people with their
roles, no false people, and a record that validates against the schema.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from dateline.model import FACT_BLOCKS, Analysis
from dateline.nlp.common.lexicon import is_role_noun
from dateline.nlp.entities.mentions import name_key
from dateline.record import to_record

from .conftest import SHARED

SEED = SHARED / "seed"
pytestmark = pytest.mark.skipif(
    not (SEED / "article.txt").is_file() or not (SEED / "gold.json").is_file(),
    reason="../shared/seed is not here",
)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SEED / "gold.json").read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def seed(analyse_file) -> Analysis:  # type: ignore[no-untyped-def]
    analysis: Analysis = analyse_file(SEED / "article.txt")
    return analysis


def test_record_validates(seed: Analysis, schema: dict[str, Any] | None) -> None:
    if schema is None:
        pytest.skip("no schema")
    jsonschema.validate(to_record(seed), schema)


def test_metadata_equals_the_gold(seed: Analysis, gold: dict[str, Any]) -> None:
    meta = gold["metadata"]
    assert seed.article.title == meta["title"]
    assert seed.article.byline == [meta["byline"]]
    assert seed.article.published == meta["published"]
    assert [h.text for h in seed.article.headings] == meta["section_headings"]
    assert [c.credit for c in seed.article.captions] == [meta["photo_credit"]]


def test_every_gold_person_with_role_and_country(seed: Analysis, gold: dict[str, Any]) -> None:
    people = {e.name: e for e in seed.entities if e.type == "PERSON"}
    for person in (e for e in gold["entities"] if e["type"] == "PERSON"):
        assert person["name"] in people, person["name"]
        found = people[person["name"]]
        if person["role"]:
            assert found.role is not None
            assert name_key(found.role).split()[-1] == name_key(person["role"]).split()[-1]
        assert found.country == person["country"], person["name"]


def test_no_gold_non_person_is_a_person(seed: Analysis, gold: dict[str, Any]) -> None:
    people = {e.name for e in seed.entities if e.type == "PERSON"}
    assert not people & set(gold["not_persons"])


def test_aliases_are_mentions_of_one_entity(seed: Analysis, gold: dict[str, Any]) -> None:
    by_name = {e.name: e for e in seed.entities}
    for entity in (e for e in gold["entities"] if e["type"] == "PERSON"):
        mentions = {name_key(m.text) for m in by_name[entity["name"]].mentions}
        for alias in entity["aliases"]:
            # "President Biden": the mention is the name; the title is the entity's role
            bare = " ".join(w for w in name_key(alias).split() if not is_role_noun(w))
            assert name_key(alias) in mentions or bare in mentions, (entity["name"], alias)


def test_no_fact_from_page_furniture(seed: Analysis, gold: dict[str, Any]) -> None:
    text = seed.article.text
    furniture = gold["metadata"]["boilerplate"] + gold["metadata"]["section_headings"]
    fact_blocks = [
        text[b.start : b.end] for b in seed.article.blocks if b.kind in ("body", "standfirst")
    ]
    for line in furniture:
        assert line not in fact_blocks


def test_events_match_the_gold_by_type_and_parties(seed: Analysis, gold: dict[str, Any]) -> None:
    """At least 85 % of the gold events, by type and by each party's name, as score_seed.py
    matches them: the gold name or one of its listed aliases ("Israeli forces" for Israel),
    whole or by the last word; none from the headline, captions or headings."""
    aliases = {e["name"]: [e["name"], *e.get("aliases", [])] for e in gold["entities"]}

    def words(name: str | None) -> list[str]:
        return name_key((name or "").replace("’s", "").replace("'s", "")).split()

    def names(name: str | None, gold_name: str) -> bool:
        said = words(name)
        known = [words(a) for a in aliases.get(gold_name, [gold_name])]
        return bool(said) and any(said == k or (k and said[-1] == k[-1]) for k in known)

    found = 0
    for event in gold["events"]:
        types = {event["type"], *event.get("alt_types", [])}
        found += any(
            v.type in types
            and v.actor is not None
            and names(v.actor.name, event["actor"])
            and v.recipient is not None
            and names(v.recipient.name, event["recipient"])
            for v in seed.events
        )
    assert found / len(gold["events"]) >= 0.85
    for event in seed.events:
        block = seed.article.block_at(event.trigger.start)
        assert block is not None and block.kind in FACT_BLOCKS, event.trigger
