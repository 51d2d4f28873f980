"""A name the text calls a town or a division is a place, whatever the tagger said, and a
body's first word tells its country only where it names no state too (issue 15's sixth
stop). Every sentence here is written for this file."""

from __future__ import annotations

from typing import Any


def _types(analysis: Any) -> dict[str, tuple[str, str | None]]:
    return {e.name: (e.type.value, e.type_from) for e in analysis.entities}


def test_a_name_before_its_division_s_word_is_that_division(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Drones hit a depot overnight, the governor of the Dnipropetrovsk region said, and "
        "power was cut in two villages."
    )
    assert _types(analysis)["Dnipropetrovsk"][0] == "GPE"
    assert any(p.span.text == "Dnipropetrovsk" for p in analysis.places)


def test_a_district_named_in_apposition_is_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Power came back to most of Battalgazi, the central district of the city, by Tuesday "
        "evening, the Malatya governor's office said."
    )
    assert _types(analysis).get("Battalgazi", ("GPE",))[0] == "GPE"
    assert any(p.span.text == "Battalgazi" for p in analysis.places)


def test_districts_named_together_are_places(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Teams reached villages in the Dogansehir and Yesilyurt districts of Malatya "
        "province. In Dogansehir, a town of 20,000 people, families slept in tents."
    )
    assert _types(analysis)["Dogansehir"][0] == "GPE"


def test_what_lies_south_of_a_name_makes_it_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Gunmen took 40 pupils from a school in Kuriga, south of Birnin Gwari, on Thursday, "
        "Kaduna police said."
    )
    assert _types(analysis)["Birnin Gwari"][0] == "GPE"


def test_a_camp_word_after_a_person_s_name_is_no_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Aides in the Whitmer camp said Gretchen Whitmer would not run, and Whitmer herself "
        "declined to comment."
    )
    assert _types(analysis)["Gretchen Whitmer"][0] == "PERSON"
    assert not any(p.span.text == "Whitmer" for p in analysis.places)


def test_a_state_s_utility_names_no_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Georgia Power said on Monday that crews from Alabama had restored service in Macon."
    )
    utility = next(e for e in analysis.entities if e.name == "Georgia Power")
    assert utility.country != "GEO"


def test_a_country_s_airline_keeps_its_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Kenya Airways said on Monday it would add flights to Lagos.")
    airline = next(e for e in analysis.entities if e.name == "Kenya Airways")
    assert airline.country == "KEN"


def test_a_listed_body_s_name_run_on_is_another_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Japan's Liberal Democratic Party opened talks with the Democratic Party for the "
        "People on Tuesday, while the Democratic Party in Washington said nothing."
    )
    bodies = {e.name: e for e in analysis.entities}
    assert bodies["Democratic Party for the People"].type.value == "ORG"
    assert bodies["Democratic Party for the People"].country != "USA"
    assert bodies["Democratic Party"].country == "USA"


def test_a_big_province_of_the_story_s_country_is_no_body(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "KARACHI, Pakistan (Reuters) - The Karachi-based Pakistan Meteorological Department "
        "forecast more rain over Balochistan and southern Punjab this week."
    )
    assert _types(analysis).get("Balochistan", ("GPE",))[0] == "GPE"
    assert any(p.span.text == "Balochistan" for p in analysis.places)


def test_an_officer_of_a_charity_gets_no_country_from_the_story(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "MONTREAL (Reuters) - Quebec signed the deal on Monday. Environmental groups said "
        "they would watch the work closely, said Claire Tremblay, a spokeswoman for the "
        "Sierra Club."
    )
    person = next(e for e in analysis.entities if e.name == "Claire Tremblay")
    assert person.country is None


def test_an_officer_of_a_ministry_serves_the_story_s_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "NAIROBI, Kenya (AP) - Kenya raised fuel prices on Monday, said Ruth Wanjiru, a "
        "spokeswoman for the Energy Ministry."
    )
    person = next(e for e in analysis.entities if e.name == "Ruth Wanjiru")
    assert person.country == "KEN" and person.country_source == "inference"


def test_a_kind_word_that_modifies_an_apposition_s_noun_is_no_place_s_kind(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Work on the bridge stopped on Monday, said Marlow, a city contractor who asked "
        "that his first name not be used."
    )
    assert not any(p.span.text == "Marlow" for p in analysis.places)
