"""The seed article's positions, as a reader draws them (skipped where ../shared is absent):
the United States, through its officials, against a Rafah offensive without a plan for its
civilians; Netanyahu insisting on entering Rafah; Katz suggesting it could be dropped for a
hostage deal. Found by the general rules, nothing keyed to this article."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from dateline.model import Analysis
from dateline.record import to_record

from .conftest import SHARED

SEED = SHARED / "seed" / "article.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed is not here")
RAFAH = "offensive@rafah"


@pytest.fixture(scope="module")
def seed(analyse_file: Any) -> Analysis:
    analysis: Analysis = analyse_file(SEED)
    return analysis


def held_by(seed: Analysis, test: Any) -> list[tuple[str, str | None]]:
    entities = {e.id: e for e in seed.entities}
    return [
        (p.stance, p.date)
        for p in seed.positions
        if p.target.key == RAFAH and test(entities.get(p.holder or ""), p.holder_name or "")
    ]


def test_the_united_states_opposes_a_rafah_offensive_without_a_plan(seed: Analysis) -> None:
    american = held_by(seed, lambda entity, _name: entity is not None and entity.country == "USA")
    assert american, [(p.holder_name, p.target.key) for p in seed.positions]
    assert {stance for stance, _ in american} <= {"oppose", "conditional"}
    assert ("conditional", "2024-04-29") in american  # Blinken in Riyadh: "in the absence of"
    assert any(stance == "oppose" for stance, _ in american)  # "urged against"


def test_netanyahu_insists_on_entering_rafah(seed: Analysis) -> None:
    his = held_by(seed, lambda _entity, name: name.endswith("Netanyahu"))
    assert his and set(his) == {("support", "2024-04-30")}


def test_katz_suggests_it_could_be_dropped_for_a_hostage_deal(seed: Analysis) -> None:
    katz = [p for p in seed.positions if p.holder_name == "Israel Katz" and p.target.key == RAFAH]
    assert [(p.stance, p.date) for p in katz] == [("conditional", "2024-04-27")]
    assert katz[0].condition and "hostage deal" in katz[0].condition
    assert katz[0].quote is not None


def test_the_seed_records_positions_have_the_documented_shape(
    seed: Analysis, schema: dict[str, Any] | None
) -> None:
    record = to_record(seed)
    assert schema is not None  # the seed is here, so is the shared schema
    jsonschema.validate(record, schema)
    quotes, events = {q["id"] for q in record["quotes"]}, {v["id"] for v in record["events"]}
    for position in record["positions"]:
        evidence = position["evidence"]
        assert evidence.get("quote") in quotes or evidence.get("event") in events
