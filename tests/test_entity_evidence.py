"""Entity types from the article's evidence, each with the evidence that decided it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

DOMAINS = Path(__file__).parent / "fixtures" / "domains"


def _types(analysis: Any) -> dict[str, tuple[str, str | None]]:
    return {e.name: (e.type.value, e.type_from) for e in analysis.entities}


def test_camp_berm_armed_group_operation_and_a_title(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Thousands of families remain stranded at Rukban camp near the Berm, a sand wall on "
        "the Jordanian border. The armed group Maghawir al Thawra controls the area, and "
        "Cmdr. Dana Okafor said supplies had run short. Operation Inherent Resolve, the "
        "coalition campaign, keeps a base in the desert."
    )
    types = _types(analysis)
    assert types["Berm"] == ("OTHER", "place word")
    assert types["Maghawir al Thawra"][0] == "ORG"
    assert types["Operation Inherent Resolve"] == ("ORG", "organisation context")
    assert types["Dana Okafor"][0] == "PERSON"
    assert not any(e.name in {"Cmdr", "Cmdr."} for e in analysis.entities)
    assert types["Rukban"][0] != "PERSON"


def test_a_state_the_tagger_took_for_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Tamil Nadu on Monday asked the court to act. The water of the river is shared by "
        "Tamil Nadu and Karnataka."
    )
    assert _types(analysis)["Tamil Nadu"] == ("GPE", "gazetteer")


def test_every_entity_says_which_evidence_typed_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Mayor Ruth Obi of Kisumu opened the new market on Friday.")
    assert analysis.entities and all(e.type_from for e in analysis.entities)


# Each article of our own writing, the type every name must have, and the people whose
# country the text supports (the others must have none).
EXPECTED: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "camp.txt": (
        {
            "Kakuma": "GPE",
            "Kenya": "GPE",
            "World Food Programme": "ORG",
            "Grace Achieng": "PERSON",
            "Lokichogio": "GPE",
        },
        {},
    ),
    "operation.txt": (
        {
            "Operation Desert Lantern": "ORG",
            "Gao": "GPE",
            "Amadou Traore": "PERSON",
            "Front de Liberation": "ORG",
            "Ibrahim Sow": "PERSON",
            "Bamako": "GPE",
        },
        {},
    ),
    "council.txt": (
        {
            "Harrogate Borough Council": "ORG",
            "Janet Pike": "PERSON",
            "Knaresborough": "GPE",
            "Leeds": "GPE",
        },
        {},
    ),
    "club.txt": (
        {"Ajax": "ORG", "Feyenoord": "ORG", "Amsterdam": "GPE", "Pieter Smit": "PERSON"},
        {},
    ),
    "company.txt": (
        {
            "Siemens": "ORG",
            "Erlangen": "GPE",
            "Roland Busch": "PERSON",
            "IG Metall": "ORG",
            "Frankfurt": "GPE",
        },
        {},
    ),
    "court.txt": (
        {
            "Cardiff": "GPE",
            "Owen Price": "PERSON",
            "Helen Morgan": "PERSON",
            "Swansea": "GPE",
            "London": "GPE",
        },
        {"Helen Morgan": "GBR", "Owen Price": "GBR"},
    ),
}
# What the small model and these rules do not reach yet (the report lists them): kept here so
# a fix shows up as an unexpected pass.
KNOWN_GAPS = {
    "camp.txt": "Lokichogio after 'to reach' stays PERSON",
    "operation.txt": "Gao resolves to a Cuban namesake and lends CUB to Ibrahim Sow; Bamako ORG",
    "council.txt": "'Residents of Knaresborough' is no place context yet: PERSON",
    "club.txt": "NER misses Ajax and tags 'Feyenoord 3-1'",
    "court.txt": "NER misses Cardiff after 'A judge in'",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[n]))
        if n in KNOWN_GAPS
        else n
        for n in sorted(EXPECTED)
    ],
)
def test_articles_in_other_domains(analyse_text, name: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text((DOMAINS / name).read_text(encoding="utf-8"))
    types, countries = EXPECTED[name]
    found = {e.name: e for e in analysis.entities}
    for entity_name, entity_type in types.items():
        assert entity_name in found, f"{name}: {entity_name} not found"
        assert found[entity_name].type.value == entity_type, f"{name}: {entity_name}"
    for entity in analysis.entities:
        if entity.type.value == "PERSON":
            assert entity.country == countries.get(entity.name), f"{name}: {entity.name}"
