"""The right namesake among a name's places, and the country an entity keeps from it (issue
15's sixth stop). Every sentence here is written for this file."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from dateline.nlp.common.gazetteer import cities_named, transliterated
from dateline.nlp.places.component import resolve


def _places(analysis: Any) -> dict[str, Any]:
    return {p.span.text: p for p in analysis.places}


def test_a_transliteration_is_the_city_s_own_name_not_a_village_s(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ZAPORIZHZHIA, Ukraine (Reuters) - Sirens sounded twice overnight, and the city "
        "council said buses in Zaporizhzhia would run a shorter route on Tuesday."
    )
    for place in analysis.places:
        if place.span.text.lower() == "zaporizhzhia":
            assert 47.6 < (place.lat or 0) < 48.1  # the city, not the village near Melitopol


def test_a_letter_more_is_another_name_not_a_transliteration() -> None:
    town = replace(
        next(c for c in cities_named("Charlestown") if c.country == "USA"), by_name=False
    )
    assert not transliterated(town, "Charleston")
    city = replace(next(c for c in cities_named("Dnipro")), by_name=False)
    assert transliterated(city, "Dnypro")


def test_a_river_s_short_name_is_the_big_city_of_that_name() -> None:
    assert resolve("Dnipro", Counter()).feature == "city"  # type: ignore[union-attr]
    assert resolve("Dnipro River", Counter()).feature == "river"  # type: ignore[union-attr]


def test_a_middling_foreign_town_is_no_place_in_a_story_of_another_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "TACLOBAN, Philippines (AP) - Ferries from Ormoc, Catbalogan and Borongan stayed in "
        "port on Friday, and fishermen on Samar pulled their boats ashore. Officials in "
        "Manila and Cebu said schools in the Philippines would reopen on Monday."
    )
    assert all(p.country == "PHL" for p in analysis.places)
    samar = next(e for e in analysis.entities if e.name == "Samar")
    assert samar.country in {None, "PHL"}  # no Ukrainian town lends it a country


def test_a_province_kept_by_its_word_is_the_story_s_where_its_towns_are_far(analyse_text) -> None:  # type: ignore[no-untyped-def]
    places = _places(
        analyse_text(
            "MANILA, Philippines (AP) - Floods closed roads in Laguna and Batangas on Monday, "
            "and classes in Quezon City and Manila were suspended, officials in the "
            "Philippines said."
        )
    )
    assert places["Laguna"].country == "PHL"


def test_beside_the_city_s_own_name_the_bare_name_is_the_province(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "MONTREAL (Reuters) - Quebec will spend more on rural clinics, ministers said in "
        "Quebec City on Thursday, after nurses in Montreal and Sherbrooke walked out."
    )
    found = [p for p in analysis.places if p.span.text == "Quebec"]
    assert found and all(p.feature == "region" for p in found)
    assert _places(analysis)["Quebec City"].feature == "city"


def test_a_bare_name_without_its_city_is_still_the_town(analyse_text) -> None:  # type: ignore[no-untyped-def]
    places = _places(analyse_text("Buses from Alajuela and Heredia ran late on Monday."))
    assert places["Alajuela"].feature == "city"


def test_a_province_with_a_compass_word_in_its_name_is_that_province(analyse_text) -> None:  # type: ignore[no-untyped-def]
    places = _places(
        analyse_text(
            "TACLOBAN, Philippines (AP) - The storm made landfall near the town of Guiuan in "
            "Eastern Samar province, the regional disaster office said."
        )
    )
    assert places["Eastern Samar"].country == "PHL"


def test_a_place_s_entity_takes_the_country_the_story_settles_on(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "MANILA, Philippines (AP) - Flights from Legazpi and Naga were cancelled as the "
        "storm neared Albay, and ferries from Matnog stayed in port."
    )
    legazpi = next(e for e in analysis.entities if e.name == "Legazpi")
    assert legazpi.country == "PHL" and legazpi.country_source == "gazetteer"


def test_a_compass_adjective_makes_a_state_of_a_capital_s_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    places = _places(
        analyse_text(
            "MOSCOW, Idaho (AP) - Smoke from fires in eastern Washington drifted over "
            "Pullman and Lewiston on Sunday."
        )
    )
    assert places["Washington"].feature == "region"
    assert places["Washington"].country == "USA" and (places["Washington"].lon or 0) < -115


def test_a_state_s_utility_lends_no_country_to_its_state_s_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "VALDOSTA, Ga. (AP) - Hail damaged roofs across south Georgia, and Georgia Power "
        "crews worked through the night in Tifton and Adel."
    )
    assert all(p.country == "USA" for p in analysis.places)


def test_a_nationality_word_is_its_country_not_a_small_town_of_that_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "NEW YORK (AP) - The utility will pay 2 billion Canadian dollars for the line, which "
        "runs from the border to Albany and Yonkers."
    )
    assert all(p.country != "USA" for p in analysis.places if p.span.text == "Canadian")


def test_a_town_paired_with_its_state_keeps_a_nationality_s_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    places = _places(analyse_text("Wheat farmers near Canadian, Texas, cut their harvest early."))
    assert places["Canadian"].country == "USA"


def test_a_union_of_states_names_no_place_by_its_first_word(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ADDIS ABABA, Ethiopia - Envoys of the African Union met in Addis Ababa on Friday, "
        "and the European Commission sent an observer."
    )
    assert not any(p.span.text in {"African", "European"} for p in analysis.places)
    assert any(p.span.text == "Addis Ababa" for p in analysis.places)
