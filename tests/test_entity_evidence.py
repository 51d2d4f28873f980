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
# country the text supports (the others must have none). An office holder the text gives no
# country serves the country the story is about (`country_source` "inference": the judge, the
# councillor, the chief of staff); a defendant or a coach holds no office and gets none.
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
        {"Ibrahim Sow": "MLI"},
    ),
    "council.txt": (
        {
            "Harrogate Borough Council": "ORG",
            "Janet Pike": "PERSON",
            "Knaresborough": "GPE",
            "Leeds": "GPE",
        },
        {"Janet Pike": "GBR"},
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
        {"Helen Morgan": "GBR"},
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
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


def test_abbreviated_titles_are_titles_not_people(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Sen. Maria Lopez and Lt. Gen. Paul Ekwe met in Kano. Cmdr. Ruth Abara said the "
        "talks went well."
    )
    people = {e.name for e in analysis.entities if e.type.value == "PERSON"}
    assert {"Maria Lopez", "Paul Ekwe", "Ruth Abara"} <= people
    assert not people & {"Sen", "Sen.", "Lt. Gen.", "Gen", "Cmdr", "Cmdr."}


def test_a_town_is_named_by_its_own_name_before_an_alternate_one(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "Gao" is also an alternate name of a Cuban city ten times its size.
    analysis = analyse_text(
        "Soldiers patrolled the market in Gao after the attack, a spokesman said."
    )
    assert {e.name: e.country for e in analysis.entities}["Gao"] == "MLI"
    # ... unless the namesake of that very name is a village and the other a great city.
    analysis = analyse_text("Dockworkers in Basra went on strike on Monday over unpaid wages.")
    assert {e.name: e.country for e in analysis.entities}["Basra"] == "IRQ"


def test_residents_of_a_town_and_going_to_one_are_place_context(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Residents of Dewsbury queued for bottled water on Monday. The envoy flew to Tamale "
        "on Monday, and his aides drove to Bolgatanga."
    )
    types = _types(analysis)
    for town in ("Dewsbury", "Tamale", "Bolgatanga"):
        assert types[town][0] == "GPE", town
    assert {p.name for p in analysis.places} >= {"Dewsbury", "Tamale", "Bolgatanga"}


def test_saying_to_a_body_is_no_going_there(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The minister said to Reuters that the deal was close.")
    assert _types(analysis).get("Reuters", ("ORG", ""))[0] == "ORG"


def test_the_sides_of_a_match_result_are_teams(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Hartlepool drew 1-1 with Barnet on Saturday, and Wrexham lost 0-2 to Morecambe."
    )
    types = _types(analysis)
    for team in ("Hartlepool", "Barnet", "Wrexham", "Morecambe"):
        assert types[team] == ("ORG", "organisation context"), team
    assert not analysis.places


def test_a_score_is_no_part_of_a_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Rangers beat Kilmarnock 4-0 at home on Sunday.")
    names = {e.name for e in analysis.entities}
    assert "Kilmarnock" in names and not any("4" in n for n in names)


def test_a_place_the_tagger_missed_is_an_entity(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Residents of Dewsbury queued for bottled water on Monday.")
    town = {e.name: e for e in analysis.entities}["Dewsbury"]
    assert town.type.value == "GPE" and town.country == "GBR" and town.mentions
    assert town.type_from and town.country_source == "gazetteer"


def test_the_road_to_a_town_is_place_context(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Farmers said the road to Bolgatanga had been closed by floods.")
    assert _types(analysis)["Bolgatanga"][0] == "GPE"


def test_the_mayor_of_a_town_names_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Tom Hale, the mayor of Knaresborough, said the road to Harrogate would reopen."
    )
    town = {e.name: e for e in analysis.entities}["Knaresborough"]
    assert town.type.value == "GPE"
    assert (town.country, town.country_source) == ("GBR", "gazetteer")


def test_the_town_opening_an_office_s_title_is_a_place_a_portfolio_is_not(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Dahlonega Mayor Ruth Kemp met Secretary of State Ann Lowe, who later flew to Cairo."
    )
    types = _types(analysis)
    assert types["Dahlonega"][0] == "GPE"
    assert "State" not in types
    assert types["Ruth Kemp"][0] == "PERSON"


def test_a_storm_is_named_by_its_kind_and_its_given_name_repeats_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Typhoon Mirela crossed the coast near Tacloban on Sunday. Forecasters said Mirela "
        "would weaken over the hills, and the National Hurricane Center had nothing to add. "
        "Tropical Storm Orwin stayed far out at sea."
    )
    types = _types(analysis)
    assert types["Typhoon Mirela"] == ("OTHER", "storm")
    assert types["Tropical Storm Orwin"] == ("OTHER", "storm")
    assert "Mirela" not in types  # the repeat is a mention of the storm
    storm = {e.name: e for e in analysis.entities}["Typhoon Mirela"]
    assert len(storm.mentions) == 2
    assert types["National Hurricane Center"][0] == "ORG"
    assert not any(p.name == "Mirela" for p in analysis.places)


def test_a_ship_is_named_by_its_prefix_or_its_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Coast guards boarded the tanker Silver Heron off the coast on Monday. The frigate "
        "HMS Carlow followed another vessel, the Blue Tern, into port."
    )
    types = _types(analysis)
    for ship in ("Silver Heron", "HMS Carlow", "Blue Tern"):
        assert types[ship] == ("OTHER", "vessel"), ship


def test_the_place_a_dateline_opens_with_is_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "TULSA — Voters approved a bond for new bridges on Tuesday, county officials said."
    )
    assert _types(analysis)["TULSA"] == ("GPE", "dateline")


def test_a_title_inside_the_tagger_s_span_is_the_title(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The navy's commander, Rear Admiral Tomas Ekberg, said the patrols would go on."
    )
    people = {e.name: e for e in analysis.entities if e.type.value == "PERSON"}
    assert "Tomas Ekberg" in people


def test_a_body_the_organisation_list_knows_is_no_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Soldiers drove al-Shabaab out of two villages on Friday. Elders said al-Shabaab had "
        "taxed the farmers for years, and al-Shabaab fighters left before dawn."
    )
    entity = {e.name.lower(): e for e in analysis.entities}["al-shabaab"]
    assert entity.type.value == "ORG"


def test_a_body_s_short_name_is_the_body_not_its_town(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Shares of Molde Robotics rose on Monday after the firm won a contract. Analysts said "
        "Molde had priced the deal well."
    )
    types = _types(analysis)
    assert types["Molde Robotics"][0] == "ORG"
    assert "Molde" not in types
    assert not any(p.span.text == "Molde" for p in analysis.places)
    # A big city's name for its team stays the city (GeoWebNews counts it a place).
    analysis = analyse_text(
        "The Denver Nuggets won on Sunday, and the series with Denver resumes on Tuesday."
    )
    assert any(p.span.text == "Denver" for p in analysis.places)


def test_an_office_in_apposition_after_the_makes_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Salif Keita Traore, the president of the commission, spoke first. "
        "The club said the defender Ruben Castell would leave on loan."
    )
    types = _types(analysis)
    assert types["Salif Keita Traore"][0] == "PERSON"
    assert types["Ruben Castell"][0] == "PERSON"


def test_a_body_named_after_a_country_and_its_kind_is_a_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The United States Space Command said the launch had failed.")
    assert _types(analysis)["United States Space Command"][0] == "ORG"


def test_a_body_the_list_knows_is_found_where_the_tagger_cut_or_missed_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Envoys of ECOWAS met the junta on Monday. Fighters loyal to Islamic State attacked a "
        "checkpoint, and the Southern African Development Community sent observers."
    )
    types = _types(analysis)
    assert types["ECOWAS"] == ("ORG", "organisation list")
    assert types["Islamic State"][0] == "ORG"
    assert types["Southern African Development Community"][0] == "ORG"
    assert "Islamic" not in types


def test_a_town_s_name_and_a_club_s_word_is_the_club(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Scouts from Leicester City and Newcastle United watched the striker in Accra, and "
        "he later flew to Mexico City."
    )
    types = _types(analysis)
    assert types["Leicester City"] == ("ORG", "club")
    assert types["Newcastle United"] == ("ORG", "club")
    assert types["Mexico City"][0] == "GPE"
    assert {p.span.text for p in analysis.places} == {"Accra", "Mexico City"}


def test_a_town_the_tagger_called_a_facility_is_the_town_a_river_is_not(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Tobacco farmers near Pinar del Rio lost their crops, and barges on the Mississippi "
        "waited for the water to fall. Clan elders in the Hiiraan region met on Friday."
    )
    types = _types(analysis)
    if "Pinar del Rio" in types:  # the small model does not always tag it
        assert types["Pinar del Rio"][0] == "GPE"
    assert types.get("Mississippi", ("OTHER", ""))[0] == "OTHER"
    assert types.get("Hiiraan", ("GPE", ""))[0] == "GPE"


def test_a_listed_body_in_place_context_is_no_namesake_town(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # "Hamas" is also one of the other names of Hamm, in Germany.
    analysis = analyse_text("Many in Hamas, and in Fatah, opposed the deal on Monday.")
    assert _types(analysis)["Hamas"] == ("ORG", "organisation list")
    assert not any(p.country == "DEU" for p in analysis.places)


def test_a_rank_or_a_sports_position_lends_no_home_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Iran's navy seized a cargo ship in the Gulf on Monday, Iranian media said. A "
        "spokesman, Captain Lena Morrow, said American ships had watched. Minister Reza Tavana "
        "said the crew was safe. The club said the defender Joe Pratt would stay."
    )
    people = {e.name: e for e in analysis.entities if e.type.value == "PERSON"}
    assert people["Lena Morrow"].country is None
    assert people["Joe Pratt"].country is None
    assert people["Reza Tavana"].country == "IRN"


def test_a_body_s_word_alone_is_no_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Members of the Synod voted on Saturday, and the Synod will meet again."
    )
    assert all(e.type.value != "PERSON" for e in analysis.entities)


def test_the_types_test_bed_keeps_its_floor() -> None:
    """The articles of tests/fixtures/entity_types/ (benchmarks/entity_types.py): 0.815
    before issue 15's fifth stop, 0.904 after it (12 articles); 0.868 before its seventh
    stop, 0.912 after it (25 articles, 646 names; countries 0.633 -> 0.827 over 98); with
    its three later articles 0.903 over 731 names, countries 0.831 over 136."""
    from benchmarks.entity_types import score

    figures = score(show=False)
    assert figures["accuracy"] >= 0.90
    assert figures["PERSON_p"] >= 0.9 and figures["ORG_p"] >= 0.95
    assert figures["country_accuracy"] >= 0.8


def test_a_country_the_tagger_called_a_person_is_the_country_not_its_people(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The juntas of Mali, Burkina Faso and Niger left the bloc in January.")
    assert _types(analysis)["Niger"][0] == "GPE"
