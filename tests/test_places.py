"""Places resolved offline, and where a quote was said."""

from __future__ import annotations

from collections import Counter

from dateline.nlp.places.component import resolve


def test_countries_regions_and_cities() -> None:
    egypt = resolve("Egypt", Counter())
    assert egypt is not None and (egypt.country, egypt.feature) == ("EGY", "country")
    assert egypt.geonameid is not None
    gaza = resolve("the Gaza Strip", Counter())
    assert gaza is not None and (gaza.name, gaza.country) == ("Gaza Strip", "PSE")
    north = resolve("northern Gaza", Counter())
    assert north is not None and north.name == "Gaza Strip"
    riyadh = resolve("Riyadh", Counter())
    assert riyadh is not None and riyadh.country == "SAU" and 24 < riyadh.lat < 25


def test_countries_stand_at_geonames_points() -> None:
    canada = resolve("Canada", Counter())
    assert canada is not None and canada.feature == "country"
    # GeoNames puts Canada in Alberta's far north; a plain centroid lies 1,000 km east.
    assert 59 < canada.lat < 61 and -115 < canada.lon < -112


def test_first_order_divisions_of_any_country() -> None:
    state = resolve("Karnataka", Counter())
    assert state is not None and (state.country, state.feature) == ("IND", "region")
    assert 12 < state.lat < 17 and 74 < state.lon < 78
    assert state.geonameid is not None
    nigerian = resolve("Kano State", Counter())
    assert nigerian is not None and (nigerian.country, nigerian.feature) == ("NGA", "region")
    # The word lists count England as its country; GeoNames keeps it as a division.
    england = resolve("England", Counter())
    assert england is not None and (england.country, england.feature) == ("GBR", "region")
    assert 51 < england.lat < 54


def test_a_capital_or_a_dominant_city_before_its_region() -> None:
    capital = resolve("Washington", Counter({"USA": 3}))
    assert capital is not None and capital.feature == "city" and 38 < capital.lat < 39.5
    city = resolve("New York", Counter({"USA": 3}))
    assert city is not None and city.feature == "city" and abs(city.lat - 40.7) < 0.2
    # An alternate name of a region ("Donetsk" for its oblast) does not outrank the city.
    city = resolve("Donetsk", Counter())
    assert city is not None and city.feature == "city"
    state = resolve("Ontario", Counter({"CAN": 3}))
    assert state is not None and (state.feature, state.country) == ("region", "CAN")


def test_a_state_named_like_a_country_in_a_story_about_its_own_country() -> None:
    state = resolve("Georgia", Counter({"USA": 4}))
    assert state is not None and (state.country, state.feature) == ("USA", "region")
    country = resolve("Georgia", Counter({"USA": 4, "GEO": 1}))
    assert country is not None and country.feature == "country"


def test_georgia_in_a_story_about_the_american_south(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Storm Hits South\n\nA storm tore through Atlanta and Savannah on Sunday, and the "
        "governor of Georgia declared an emergency. Officials in Alabama said roads were "
        "closed.\n"
    )
    georgia = next(p for p in analysis.places if p.span.text == "Georgia")
    assert (georgia.country, georgia.feature) == ("USA", "region")


def test_a_great_city_outweighs_the_article_s_country() -> None:
    toronto = resolve("Toronto", Counter({"USA": 5}))
    assert toronto is not None and toronto.country == "CAN"


def test_a_name_before_an_alternate_name() -> None:
    english = resolve("Manchester", Counter())
    assert english is not None and english.country == "GBR"
    old_name = resolve("Salisbury", Counter())
    assert old_name is not None and old_name.country == "GBR"


def test_continents_and_oceans() -> None:
    asia = resolve("Asia", Counter())
    assert asia is not None and asia.feature == "continent" and asia.geonameid is not None
    ocean = resolve("the Atlantic", Counter({"USA": 2}))
    assert ocean is not None and ocean.feature == "ocean"


def test_counties_by_their_name() -> None:
    county = resolve("Jefferson Parish", Counter({"USA": 2}))
    assert county is not None and (county.country, county.feature) == ("USA", "county")
    assert 29 < county.lat < 31
    shire = resolve("Cornwall", Counter())
    assert shire is not None and (shire.country, shire.feature) == ("GBR", "county")
    # A county named after the town that holds most of its people is the town.
    town = resolve("York", Counter({"GBR": 2}))
    assert town is not None and town.feature == "city"


def test_airport_codes_and_small_towns_old_names_are_not_places() -> None:
    # "MOD" is an alternate name (the airport code) of Modesto, California.
    assert resolve("MoD", Counter()) is None
    initials = resolve("NYC", Counter())
    assert initials is not None and initials.country == "USA"


def test_the_article_decides_between_places_of_one_name() -> None:
    in_egypt = resolve("Rafah", Counter({"EGY": 5}))
    in_gaza = resolve("Rafah", Counter({"PSE": 5}))
    assert in_egypt is not None and in_egypt.country == "EGY"
    assert in_gaza is not None and in_gaza.country == "PSE"


def test_a_lone_small_town_needs_the_article_s_support() -> None:
    # Norbury, a town of some 16,000 in England, is a place in a British story only.
    assert resolve("Norbury", Counter({"USA": 3})) is None
    british = resolve("Norbury", Counter({"GBR": 1}))
    assert british is not None and british.country == "GBR"


def test_unknown_names_resolve_to_nothing() -> None:
    assert resolve("Qwxzland", Counter()) is None


def test_a_town_near_the_other_places_an_article_names(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "County Fair Opens\n\nFarmers from Red Oak drove their cattle across Iowa on Friday "
        "for the fair, organisers said.\n"
    )
    red_oak = next(p for p in analysis.places if p.span.text == "Red Oak")
    # Red Oak, Texas is larger; the article's Iowa decides.
    assert red_oak.country == "USA" and 40 < red_oak.lat < 42 and -96 < red_oak.lon < -94
    alone = resolve("Red Oak", Counter({"USA": 1}))
    assert alone is not None and alone.lat < 35


def test_each_wording_of_a_place_by_its_own_words(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Rail Strike\n\nTrains stopped across Britain on Tuesday. In England, commuters "
        "stayed home, the operator said.\n"
    )
    places = {p.span.text: (p.name, p.feature) for p in analysis.places}
    assert places["Britain"][1] == "country"
    assert places["England"] == ("England", "region")


def test_nationality_and_continent_words_point_at_their_places(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Ministers Meet\n\nEuropean ministers and Kenyan officials met on Monday. The "
        "Kenyans asked for more time, a spokesman said.\n"
    )
    places = {p.span.text: (p.name, p.feature) for p in analysis.places}
    assert places["European"] == ("Europe", "continent")
    assert places["Kenyan"][1] == "country"
    assert "Kenyans" not in places  # the people, not their country


def test_places_in_an_article_and_where_a_quote_was_said(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Talks Resume\n\nSpeaking at a news conference in Amman on Monday, Foreign Minister "
        "Omar Haddad said the border with Syria would reopen. “We are ready,” he said.\n"
    )
    names = {p.span.text: (p.name, p.country) for p in analysis.places}
    assert names["Amman"] == ("Amman", "JOR")
    assert names["Syria"][1] == "SYR"
    amman = next(p.id for p in analysis.places if p.span.text == "Amman")
    reported = next(q for q in analysis.quotes if "border with Syria" in q.span.text)
    assert reported.place == amman
    for place in analysis.places:
        assert analysis.article.text[place.span.start : place.span.end] == place.span.text
