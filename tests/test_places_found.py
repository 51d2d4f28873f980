"""Places the tagger's spans alone miss: inside organisations' names, and in the text itself."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dateline.model import BlockKind


def _places(analysis: Any) -> dict[str, tuple[str, str | None]]:
    return {p.span.text: (p.feature, p.country) for p in analysis.places}


def test_a_place_leading_an_organisation_s_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The Kenyan Wildlife Board and the Manchester Evening News both reported on the "
        "flooding. A spokesman for the Ohio Department of Transportation said roads were shut."
    )
    places = _places(analysis)
    assert places["Kenyan"] == ("country", "KEN")
    assert places["Manchester"][0] == "city"
    assert places["Ohio"] == ("region", "USA")
    assert not any(
        p.span.text.startswith(("Kenyan Wildlife", "Ohio Department")) for p in analysis.places
    )


def test_a_state_s_university_is_the_state_named_whole_and_its_police_name_the_state(
    analyse_text,  # type: ignore[no-untyped-def]
) -> None:
    analysis = analyse_text(
        "Researchers at Kansas State University and officers of the Washington State Police "
        "examined the damaged bridge on Tuesday."
    )
    places = {p.span.text: (p.name, p.feature) for p in analysis.places}
    assert places.get("Kansas State University") == ("Kansas", "region")
    # the state, never the capital city its name shares
    assert places.get("Washington") == ("Washington", "region")
    assert not any(p.span.text.endswith("State") for p in analysis.places)


def test_a_continent_s_word_opening_a_body_s_name_names_the_continent() -> None:
    from dateline.model import Entity, EntityType, Span
    from dateline.nlp.places.embedded import embedded_places

    text = "the African Development Fund"
    body = Entity("e1", text[4:], EntityType.ORG, mentions=[Span(4, len(text), text[4:])])
    found = embedded_places([body], lambda name: None)
    assert [(span.text, place.name) for span, place in found] == [("African", "Africa")]


def test_a_town_and_its_state_resolve_together(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "A 40-year-old Brockton, Mass. woman was charged with theft. Police said she lived "
        "in Dublin, Ohio until last year."
    )
    places = {p.span.text: p for p in analysis.places}
    assert places["Mass."].name == "Massachusetts" and places["Mass."].feature == "region"
    dublin = places["Dublin"]
    assert dublin.country == "USA" and 39 < (dublin.lat or 0) < 41


def test_a_town_listed_beside_another_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Shops in Trnava, Nitra and Presov will close next month.")
    assert {"Trnava", "Presov"} <= {p.span.text for p in analysis.places}


def test_a_name_that_is_also_a_word_or_a_person_is_no_town() -> None:
    from spacy.lang.en import English

    from dateline.model import Analysis, Article, Block, Entity, EntityType, Span
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.textscan import text_places

    text = "Tom Denton spoke of the orange grove. Later he drove to Denton and to Orange."
    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    person = Entity("e1", "Tom Denton", EntityType.PERSON, mentions=[Span(0, 10, "Tom Denton")])
    analysis = Analysis(article=article, entities=[person])
    found = text_places(English()(text), analysis, [], lambda n: resolve(n, Counter()))
    assert found == []


def test_a_capitalised_word_after_a_preposition_is_a_town() -> None:
    from spacy.lang.en import English

    from dateline.model import Analysis, Article, Block
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.textscan import text_places

    text = "The convoy turned back outside Lelystad after the storm."
    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    found = text_places(
        English()(text), Analysis(article=article), [], lambda n: resolve(n, Counter())
    )
    assert [(f.span.text, f.place.country) for f in found] == [("Lelystad", "NLD")]


def test_a_spelling_of_a_town_s_name_is_its_name_another_name_is_not() -> None:
    from dateline.nlp.common.gazetteer import City, spelled_like

    town = City(1, "Lokichokio", "KEN", 4.2, 34.3, 11_000, by_name=False)
    assert spelled_like(town, "Lokichogio")
    assert not spelled_like(
        City(2, "Harare", "ZWE", -17.8, 31.0, 1_500_000, by_name=False), "Salisbury"
    )
    assert not spelled_like(City(3, "Gaoa", "XXX", 0.0, 0.0, 5_000, by_name=False), "Gao")


def test_a_town_known_by_a_spelling_of_its_name_is_found(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Herders in northern Kenya said the road to Lokichogio had washed away in the rains."
    )
    assert ("Lokichogio", ("city", "KEN")) in _places(analysis).items()


def test_an_inferred_country_is_no_evidence_for_the_places_it_came_from() -> None:
    from dateline.model import Analysis, Article, Block, Entity, EntityType, Span
    from dateline.nlp.places.component import _context_countries

    text = "Dana Roe of Quarrytown spoke."
    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    person = Entity(
        "e1", "Dana Roe", EntityType.PERSON, country="TUR", country_source="inference",
        mentions=[Span(0, 8, "Dana Roe")],
    )  # fmt: skip
    town = Entity("e2", "Quarrytown", EntityType.GPE, country="GBR", mentions=[Span(12, 22, "x")])
    assert _context_countries(Analysis(article=article, entities=[person, town])) == Counter(
        {"GBR": 1}
    )


# US local news of our own writing: each place the text names, with the point it must
# resolve near (within 50 km: the right town of its name, the right county of its state).
LOCAL = Path(__file__).parent / "fixtures" / "local"
LOCAL_PLACES: dict[str, dict[str, tuple[float, float]]] = {
    "dublin_ohio.txt": {
        "DUBLIN": (40.10, -83.11),
        "Ohio": (40.4, -82.8),
        "Franklin County": (39.97, -83.0),
        "Hilliard": (40.03, -83.16),
        "Powell": (40.16, -83.08),
        "Columbus": (39.96, -83.0),
    },
    "cobb_county.txt": {
        "MARIETTA": (33.95, -84.55),
        "Marietta": (33.95, -84.55),
        "Cobb County": (33.9, -84.6),
        "Kennesaw": (34.02, -84.62),
        "Acworth": (34.07, -84.68),
        "Powder Springs": (33.86, -84.68),
        "Gwinnett County": (33.96, -84.02),
        "Paris": (33.66, -95.56),
        "Texas": (31.06, -98.87),
        "Dublin": (32.54, -82.90),
        "Cherokee County": (34.24, -84.48),
        "Canton": (34.24, -84.49),
    },
    "tornado.txt": {
        "Moore": (35.34, -97.49),
        "Okla.": (35.47, -97.67),
        "Cleveland County": (35.2, -97.3),
        "Norman": (35.22, -97.44),
        "Sequoyah County": (35.5, -94.8),
        "Sallisaw": (35.46, -94.79),
        "Tulsa": (36.15, -95.99),
        "Muskogee": (35.75, -95.37),
        "Newcastle": (35.25, -97.6),
    },
    "springfield.txt": {
        "SPRINGFIELD": (39.80, -89.64),
        "Ill.": (40.6, -88.9),
        "Decatur": (39.84, -88.95),
        "Sangamon County": (39.76, -89.66),
        "Branson": (36.64, -93.22),
        "Missouri": (38.3, -92.2),
        "Lake Geneva": (42.59, -88.43),
        "Wisconsin": (44.0, -89.5),
        "Mount Zion": (39.77, -88.87),
    },
    "hall_county.txt": {
        "Gainesville": (34.30, -83.82),
        "Oakwood": (34.23, -83.88),
        "Hall": (34.32, -83.81),
        "Forsyth": (34.21, -84.14),
        "Buford": (34.12, -84.0),
        "Athens": (33.96, -83.38),
        "Dahlonega": (34.53, -83.98),
        "Atlanta": (33.75, -84.39),
        "Cumming": (34.21, -84.14),
        "Braselton": (34.11, -83.76),
        "Dawsonville": (34.42, -84.12),
        "Hall County": (34.32, -83.81),
    },
    "counties.txt": {
        "Hall County": (34.3, -83.8),
        "Ga.": (33.0, -83.6),
        "Washington County": (45.5, -123.0),
        "Ore.": (44.32, -121.57),
        "Jefferson County": (33.55, -86.9),
        "Alabama": (33.0, -86.7),
        "Lumpkin County": (34.57, -84.0),
        "Gainesville": (34.30, -83.82),
    },
}


@pytest.mark.parametrize("name", sorted(LOCAL_PLACES))
def test_us_local_news_places(analyse_text, name: str) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.places.component import _km

    analysis = analyse_text((LOCAL / name).read_text(encoding="utf-8"))
    found = {p.span.text: p for p in analysis.places}
    for text, (lat, lon) in LOCAL_PLACES[name].items():
        assert text in found, f"{name}: {text} not found"
        place = found[text]
        assert _km(lat, lon, place.lat or 0.0, place.lon or 0.0) < 50, f"{name}: {text}"


def test_a_dateline_town_is_its_state_s_town_whatever_the_tagger_called_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("DUBLIN, Ohio — The school board met on Tuesday to discuss bus routes.")
    town = {e.name: e for e in analysis.entities}["DUBLIN"]
    assert town.type.value == "GPE"
    dublin = next(p for p in analysis.places if p.span.text == "DUBLIN")
    assert dublin.country == "USA" and 39.5 < (dublin.lat or 0) < 40.5


def test_counties_listed_together_lie_in_one_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # Each name alone would be a bigger namesake elsewhere (Orange County, California).
    analysis = analyse_text(
        "Deputies from Orange and Seminole counties searched the lake near Sanford for hours."
    )
    found = {p.span.text: p for p in analysis.places}
    assert found["Orange"].feature == "county" and found["Seminole"].feature == "county"
    assert 28 < (found["Orange"].lat or 0) < 29 and 28 < (found["Seminole"].lat or 0) < 29.2


def test_a_resident_names_the_town_before_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("A Braselton resident and two Cumming natives were hurt near Buford.")
    assert {"Braselton", "Cumming"} <= {p.span.text for p in analysis.places}


def test_a_town_before_its_office_or_its_police_is_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Flowery Branch Mayor Tom Ellis thanked the Oakwood police, who had closed the road "
        "near Gainesville."
    )
    found = {p.span.text: p for p in analysis.places}
    assert {"Flowery Branch", "Oakwood"} <= set(found)
    assert 34 < (found["Flowery Branch"].lat or 0) < 34.5
    assert "Tom Ellis" in {e.name for e in analysis.entities if e.type.value == "PERSON"}


def test_the_eu_is_a_body_and_on_the_map_its_continent(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "EU ministers met in Brussels. The European Union said the plan would start in May."
    )
    assert {e.name: e.type.value for e in analysis.entities}["EU"] == "ORG"
    found = {p.span.text: p for p in analysis.places}
    assert found["EU"].feature == "continent" and found["European Union"].name == "Europe"


def test_a_dateline_after_a_photo_credit_still_pairs_town_and_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Photo: Jo Ray. DOVER, Del. (AP) — Two barns burned on Sunday. The fire chief said "
        "no one was hurt."
    )
    found = {p.span.text: p for p in analysis.places}
    assert found["Del."].name == "Delaware"
    assert found["DOVER"].country == "USA" and 38.5 < (found["DOVER"].lat or 0) < 39.5


def test_the_residents_of_two_towns_name_both(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Deputies said Dawsonville and Cumming residents were stuck in traffic near "
        "Gainesville for hours."
    )
    assert {"Dawsonville", "Cumming"} <= {p.span.text for p in analysis.places}
    assert {e.name: e.type.value for e in analysis.entities}["Dawsonville"] == "GPE"


def test_a_town_and_its_province_or_country_resolve_together(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The band played in London, Ontario, and later in Hyderabad, Pakistan. Talks were "
        "held in Perth, Scotland, while France, Germany and Italy objected."
    )
    found = {p.span.text: p for p in analysis.places}
    assert found["London"].country == "CAN" and found["Ontario"].feature == "region"
    assert found["Hyderabad"].country == "PAK" and found["Pakistan"].feature == "country"
    assert found["Perth"].country == "GBR"
    assert found["Germany"].feature == "country"


def test_a_pair_gives_its_entity_the_pair_s_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Police said she lived in Paris, Texas, until last year, and in Dublin, Ga., before."
    )
    countries = {e.name: (e.country, e.country_source) for e in analysis.entities}
    assert countries["Paris"] == ("USA", "gazetteer") and countries["Dublin"][0] == "USA"


def test_a_place_ending_in_s_keeps_its_last_letter_inside_an_organisation() -> None:
    from dateline.model import Entity, EntityType, Span
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.embedded import embedded_places

    text = "the Texas Honey Board and the Dallas Chess Club and Kenya's Rugby Union"
    names = ("Texas Honey Board", "Dallas Chess Club", "Kenya's Rugby Union")
    entities = []
    for number, name in enumerate(names):
        start = text.index(name)
        span = Span(start, start + len(name), name)
        entities.append(Entity(id=f"e{number}", name=name, type=EntityType.ORG, mentions=[span]))
    found = embedded_places(entities, lambda n: resolve(n, Counter()))
    assert [(s.text, k.name) for s, k in found] == [
        ("Texas", "Texas"),
        ("Dallas", "Dallas"),
        ("Kenya", "Kenya"),
    ]


def _scan(text: str, entities: list[Any], places: list[Any]) -> list[tuple[str, str | None]]:
    from spacy.lang.en import English

    from dateline.model import Analysis, Article, Block
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.textscan import text_places

    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    analysis = Analysis(article=article, entities=entities)
    found = text_places(English()(text), analysis, places, lambda n: resolve(n, Counter()))
    return [(f.span.text, f.place.country) for f in found]


def test_a_town_the_tagger_called_a_body_is_a_place_in_a_place_s_context() -> None:
    from dateline.model import Entity, EntityType, Span

    text = "Two carriers fly between Nairobi and Mombasa, and a third flies to Harvard."
    entities = [
        Entity(f"e{n}", name, EntityType.ORG, mentions=[Span(s, s + len(name), name)])
        for n, name in enumerate(("Mombasa", "Harvard"))
        for s in [text.index(name)]
    ]
    nairobi = Span(text.index("Nairobi"), text.index("Nairobi") + 7, "Nairobi")
    # Harvard is a village of Illinois: too small for a body's name to be read as it.
    assert _scan(text, entities, [nairobi]) == [("Mombasa", "KEN")]


def test_a_long_run_of_capitals_may_open_with_a_place() -> None:
    from dateline.model import Span

    text = "Schools in Mombasa reopened. Mombasa Deputy Governor Ann Wanjiru Kamau came."
    first = Span(11, 18, "Mombasa")  # the tagger's place
    assert _scan(text, [], [first]) == [("Mombasa", "KEN")]


def test_the_villages_of_a_list_are_places() -> None:
    text = "Floods cut off the villages of Lelystad and Dronten on Sunday."
    assert _scan(text, [], []) == [("Lelystad", "NLD"), ("Dronten", "NLD")]


def test_a_nationality_word_before_its_noun_names_its_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The court read Article 9 of the Ukrainian Law on Fisheries aloud. Later the mayor "
        "toured the English town of Ipswich, and a friend taught English language classes."
    )
    found = [(p.span.text, p.country) for p in analysis.places]
    assert ("Ukrainian", "UKR") in found
    assert ("English", "GBR") in found
    # a language before "language" names no country
    assert sum(1 for text, _ in found if text == "English") == 1


def test_a_nationality_word_that_modifies_nothing_is_left_alone() -> None:
    from spacy.lang.en import English

    from dateline.nlp.places.demonyms import _country_modifier

    doc = English()("He said it was Danish")
    assert _country_modifier(doc[-1]) is None


def test_a_town_the_tagger_called_a_person_is_a_place_after_in_or_near() -> None:
    from dateline.model import Entity, EntityType, Span

    text = "Two barns burned near Lelystad. Greg Almere said so. Almere spoke to Lelystad."
    lelystad = [Span(s, s + 8, "Lelystad") for s in (22, text.rindex("Lelystad"))]
    almere = [Span(s, s + 6, "Almere") for s in (text.index("Almere"), text.rindex("Almere"))]
    entities = [
        Entity("e1", "Lelystad", EntityType.PERSON, mentions=lelystad),
        Entity("e2", "Greg Almere", EntityType.PERSON, mentions=[Span(32, 43, "Greg Almere")]),
        Entity("e3", "Almere", EntityType.PERSON, mentions=almere[1:]),
    ]
    # "near Lelystad" is the town; "to Lelystad" and the man called Almere are not read.
    found = _scan(text, entities, [])
    assert found == [("Lelystad", "NLD")]


def test_a_town_the_tagger_read_as_a_date_is_a_place_if_big_and_no_calendar_word() -> None:
    from spacy.lang.en import English

    from dateline.nlp.places.textscan import _misdated

    doc = English()("troops camped in Manbij in May and in Spring")
    for token in doc:
        token.ent_type_ = "DATE" if token.text[0].isupper() else ""
    assert [_misdated(t) for t in doc if t.ent_type_] == [True, False, False]


def test_a_person_s_home_town_after_a_comma_and_of() -> None:
    from dateline.model import Entity, EntityType, Span

    text = "Dana Roe, 41, of Lelystad, was fined. A copy of Lelystad Weekly was sold."
    roe = Entity("e1", "Dana Roe", EntityType.PERSON, mentions=[Span(0, 8, "Dana Roe")])
    assert _scan(text, [roe], []) == [("Lelystad", "NLD")]


def test_a_country_further_into_an_organisation_s_name_is_a_place() -> None:
    from dateline.model import Entity, EntityType, Span
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.embedded import embedded_places

    names = ("Air Malawi", "Farmers Bank of Ghana", "University of Oregon")
    entities = [
        Entity(f"e{n}", name, EntityType.ORG, mentions=[Span(0, len(name), name)])
        for n, name in enumerate(names)
    ]
    found = embedded_places(entities, lambda n: resolve(n, Counter()))
    # a state inside a name is part of the name; only countries are read
    assert [(s.text, k.name) for s, k in found] == [("Malawi", "Malawi"), ("Ghana", "Ghana")]


def test_d_c_is_the_capital(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The charity moved its office from Baltimore to D.C. last spring.")
    found = {p.span.text: p.name for p in analysis.places}
    assert found.get("D.C.") == "Washington"


def test_a_run_into_a_person_s_name_is_read_up_to_it() -> None:
    from dateline.model import Entity, EntityType, Span

    text = "Schools in Kenya shut. Its Minister of Kenya Wanjiru Otieno spoke at Lombard Odier."
    people = [
        Entity(f"e{n}", name, EntityType.PERSON, mentions=[Span(s, s + len(name), name)])
        for n, name in enumerate(("Wanjiru Otieno", "Odier"))
        for s in [text.index(name)]
    ]
    # Kenya is a country the article places; Lombard, a town of Illinois, is too small to
    # stand alone.
    assert _scan(text, people, [Span(11, 16, "Kenya")]) == [("Kenya", "KEN")]


def test_a_word_that_took_a_number_s_type_may_still_be_a_place() -> None:
    from spacy.lang.en import English

    from dateline.nlp.places.textscan import _misdated

    doc = English()("a poll of 812 Marin County voters and Two more")
    for token in doc:
        token.ent_type_ = "CARDINAL" if token.text in {"812", "Marin", "Two"} else ""
    assert [_misdated(t) for t in doc if t.ent_type_] == [False, True, False]


def test_a_town_in_brackets_after_a_name_is_its_place() -> None:
    text = "Cakes came from Blue Fern Bakery (Lelystad) and music from a band (Jazz)."
    assert _scan(text, [], []) == [("Lelystad", "NLD")]


def _scan_us(text: str, entities: list[Any], places: list[Any]) -> list[tuple[str, str | None]]:
    """`_scan` in a story about the United States (its small towns need the country)."""
    from spacy.lang.en import English

    from dateline.model import Analysis, Article, Block
    from dateline.nlp.places.component import resolve
    from dateline.nlp.places.textscan import text_places

    article = Article(text=text, blocks=[Block(0, len(text), BlockKind.BODY)])
    analysis = Analysis(article=article, entities=entities)
    usa = Counter({"USA": 2})
    found = text_places(English()(text), analysis, places, lambda n: resolve(n, usa))
    return [(f.span.text, f.place.country) for f in found]


def _bodies(text: str, kind: Any, *names: str) -> list[Any]:
    from dateline.model import Entity, Span

    return [
        Entity(
            f"e{n}",
            name,
            kind,
            mentions=[Span(text.index(name), text.index(name) + len(name), name)],
        )
        for n, name in enumerate(names)
    ]


def test_two_neighbouring_towns_the_tagger_read_as_one_body_are_each_a_place() -> None:
    from dateline.model import EntityType

    text = "Plow crews from Orrville and Rittman worked through the night."
    found = _scan_us(text, _bodies(text, EntityType.ORG, "Orrville and Rittman"), [])
    assert found == [("Orrville", "USA"), ("Rittman", "USA")]


def test_a_body_named_by_towns_far_apart_or_out_of_a_place_s_context_stays_a_body() -> None:
    from dateline.model import EntityType

    far = "The shoes were sold at Mombasa and Lima last winter."
    assert _scan_us(far, _bodies(far, EntityType.ORG, "Mombasa and Lima"), []) == []
    bare = "Orrville and Rittman signed the contract on Friday."
    assert _scan_us(bare, _bodies(bare, EntityType.ORG, "Orrville and Rittman"), []) == []


def test_a_one_word_person_listed_beside_a_town_near_it_is_that_town() -> None:
    from dateline.model import EntityType

    text = "Residents of Orrville and Rittman asked the board for a new bus route."
    found = _scan_us(text, _bodies(text, EntityType.PERSON, "Rittman"), [])
    assert found == [("Orrville", "USA"), ("Rittman", "USA")]


def test_a_person_listed_beside_a_town_far_from_their_name_s_town_stays_a_person() -> None:
    from dateline.model import EntityType

    text = "Residents of Orrville and Mombasa wrote to the board."
    assert _scan_us(text, _bodies(text, EntityType.PERSON, "Mombasa"), []) == [("Orrville", "USA")]


def test_a_small_town_the_tagger_called_a_body_is_a_place_where_the_text_names_its_kind() -> None:
    from dateline.model import EntityType

    text = "The village of Shreve will fix its water tower before the fair."
    assert _scan_us(text, _bodies(text, EntityType.ORG, "Shreve"), []) == [("Shreve", "USA")]
    apposed = "Crews reached Shreve, a village to the south, by noon."
    found = _scan_us(apposed, _bodies(apposed, EntityType.ORG, "Shreve"), [])
    assert found == [("Shreve", "USA")]


def test_a_name_before_a_place_noun_that_modifies_another_noun_is_no_place() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from dateline.nlp.places.textscan import _apposed_place_noun

    vocab = English().vocab
    words = ["Bids", "came", "from", "Shreve", ",", "a", "city", "contractor", "."]
    pos = ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT"]
    assert not _apposed_place_noun(Doc(vocab, words=words, pos=pos), 4)
    words = ["Crews", "reached", "Shreve", ",", "a", "small", "village", "to", "the", "south"]
    pos = ["NOUN", "VERB", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "DET", "NOUN"]
    assert _apposed_place_noun(Doc(vocab, words=words, pos=pos), 3)


def test_a_small_town_the_tagger_called_a_body_is_a_place_listed_beside_a_town_near_it() -> None:
    from dateline.model import EntityType

    text = "Drivers from Orrville, Rittman and Apple Creek use the junction."
    towns = [_span_of(text, "Orrville"), _span_of(text, "Rittman")]
    found = _scan_us(text, _bodies(text, EntityType.ORG, "Apple Creek"), towns)
    assert ("Apple Creek", "USA") in found
    # Potlatch is a small town of Idaho, not Ohio's: too far to be listed with Orrville
    far = "Drivers from Orrville and Potlatch use the junction."
    found = _scan_us(far, _bodies(far, EntityType.ORG, "Potlatch"), [_span_of(far, "Orrville")])
    assert ("Potlatch", "USA") not in found


def test_a_town_listed_after_a_person_the_list_made_a_town_is_read_too() -> None:
    from dateline.model import EntityType

    text = "A bus will link Wooster with Orrville, Rittman and Smithville next year."
    orrville = [_span_of(text, "Orrville")]
    found = _scan_us(text, _bodies(text, EntityType.PERSON, "Rittman"), orrville)
    assert {"Rittman", "Smithville"} <= {name for name, _ in found}


def _span_of(text: str, name: str) -> Any:
    from dateline.model import Span

    return Span(text.index(name), text.index(name) + len(name), name)


# Issue 15's fifth stop: finding what US local and international news names.


def test_counties_listed_without_the_word_are_the_counties_of_the_story_s_state(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "AMARILLO, Texas — Hail flattened wheat in Deaf Smith and Oldham on Sunday, and "
        "the two counties asked the state for help."
    )
    found = _places(analysis)
    assert found["Deaf Smith"] == ("county", "USA") and found["Oldham"] == ("county", "USA")


def test_bare_names_stay_towns_or_unread_without_county_talk_or_near_places(analyse_text) -> None:  # type: ignore[no-untyped-def]
    # no word of counties: "Garfield and Pitkin" could be anything
    plain = analyse_text("CARBONDALE, Colo. — Crews from Garfield and Pitkin cleared the road.")
    assert all(f != "county" for f, _ in _places(plain).values())
    # towns the article places near its others stay towns
    towns = analyse_text(
        "VALDOSTA, Ga. — Lowndes County crews were busy, and across the line in Florida the "
        "wind toppled trees in Madison and Jasper, the two counties' sheriffs said."
    )
    found = {p.span.text: p for p in towns.places}
    assert found["Madison"].feature == "city" and found["Jasper"].feature == "city"


def test_a_name_before_region_or_province_is_that_division(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Shelling hit farms in the Kharkiv region on Friday, and the governor of the Diffa "
        "region in Niger asked for tents."
    )
    found = {p.span.text: p for p in analysis.places}
    assert found["Kharkiv"].feature == "region" and found["Kharkiv"].country == "UKR"
    assert found["Diffa"].feature == "region" and found["Diffa"].country == "NER"


def test_other_countries_provinces_are_found_by_their_kind_s_word(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "MANILA, Philippines — Floods cut roads in Albay and Camarines Sur provinces, and a "
        "bridge fell in Quezon province on Monday."
    )
    found = {p.span.text: p for p in analysis.places}
    assert {"Albay", "Camarines Sur", "Quezon"} <= set(found)
    assert all(found[n].country == "PHL" for n in ("Albay", "Camarines Sur", "Quezon"))
    assert found["Quezon"].feature == "county"  # the province, its span without the word


def test_a_province_s_bare_name_is_no_new_namesake() -> None:
    from dateline.nlp.common.gazetteer import cities_named

    # "Grau" or "Albay" alone would be one more namesake for towns and people
    assert not [c for c in cities_named("Albay") if c.feature == "county"]
    assert [c.country for c in cities_named("Albay Province")] == ["PHL"]
    assert [c.country for c in cities_named("Kodagu District")] == ["IND"]


def test_a_saint_county_is_found_as_st(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("DULUTH, Minn. — St. Louis County will plow the lake road first.")
    found = {p.span.text: p for p in analysis.places}
    assert found["St. Louis County"].feature == "county"
    assert found["St. Louis County"].lat > 46  # Minnesota's, not Missouri's


# Rivers, lakes, mountains and regions the project's list holds (data/places.json), each in
# a sentence of our own: found wherever the text names them, whatever the tagger called them.
LISTED_FEATURES = [
    ("Barges waited on the Mississippi River for the fog to lift.", "Mississippi River", "river"),
    ("Flood crews watched the Missouri River rise all night.", "Missouri River", "river"),
    ("A coal barge ran aground in the Ohio River on Monday.", "Ohio River", "river"),
    ("Seven states share the water of the Colorado River.", "Colorado River", "river"),
    ("The migrants waded across the Rio Grande at dawn.", "Rio Grande", "river"),
    ("Salmon runs on the Columbia River were late this year.", "Columbia River", "river"),
    ("A ferry crossed the Hudson River in thick snow.", "Hudson River", "river"),
    ("Kayakers paddled down the Potomac River past the bridges.", "Potomac River", "river"),
    (
        "Anglers lined the banks of the Susquehanna River at first light.",
        "Susquehanna River",
        "river",
    ),
    ("The dam on the Tennessee River opened two gates.", "Tennessee River", "river"),
    ("Fishermen on the Niger River say their catch has halved.", "Niger River", "river"),
    ("Farmers along the Nile depend on its summer flood.", "Nile", "river"),
    ("The fighters withdrew to the east bank of the Euphrates.", "Euphrates", "river"),
    ("A bridge over the Tigris was closed after the blast.", "Tigris", "river"),
    ("Pilgrims were baptised in the Jordan River on Sunday.", "Jordan River", "river"),
    ("Grain ships sailed up the Danube to the Romanian ports.", "Danube", "river"),
    ("Low water on the Rhine forced barges to carry less.", "Rhine", "river"),
    ("Police pulled a car from the River Thames overnight.", "River Thames", "river"),
    ("Ice closed shipping on the Volga a month early.", "Volga", "river"),
    ("Troops crossed the Dnieper in small boats under fire.", "Dnieper", "river"),
    ("Drought left stretches of the Yangtze too shallow for ships.", "Yangtze", "river"),
    ("Dams upstream have changed the Mekong for rice farmers.", "Mekong", "river"),
    ("Millions bathed in the Ganges during the festival.", "Ganges", "river"),
    ("Floodwater from the Indus swamped villages in Sindh.", "Indus", "river"),
    ("The two states have quarrelled over the Kaveri for a century.", "Kaveri", "river"),
    ("A ferry sank on the Amazon River near the port.", "Amazon River", "river"),
    ("Traders ship goods along the Congo River by barge.", "Congo River", "river"),
    ("The Zambezi fell so low that the turbines stopped.", "Zambezi", "river"),
    ("Fishing villages on Lake Chad have emptied as the water shrank.", "Lake Chad", "lake"),
    ("A boat capsized on Lake Victoria in a storm.", "Lake Victoria", "lake"),
    ("Reed boats still carry tourists on Lake Titicaca.", "Lake Titicaca", "lake"),
    ("High waves on Lake Michigan closed the beaches.", "Lake Michigan", "lake"),
    ("Algae turned parts of Lake Erie green in August.", "Lake Erie", "lake"),
    ("A freighter rode out the gale on Lake Superior.", "Lake Superior", "lake"),
    ("Divers found an old schooner at the bottom of Lake Huron.", "Lake Huron", "lake"),
    ("Homes along Lake Ontario were sandbagged again.", "Lake Ontario", "lake"),
    ("The ferry across Lake Champlain stopped for the winter.", "Lake Champlain", "lake"),
    ("Snow closed the roads around Lake Tahoe on Friday.", "Lake Tahoe", "lake"),
    ("Dust from the drying Great Salt Lake worries doctors.", "Great Salt Lake", "lake"),
    ("Scientists drilled through the ice of Lake Baikal.", "Lake Baikal", "lake"),
    ("Refugees crossed Lake Tanganyika in crowded boats.", "Lake Tanganyika", "lake"),
    ("Fish stocks in Lake Malawi have fallen for a decade.", "Lake Malawi", "lake"),
    ("The level of the Sea of Galilee rose after the rains.", "Sea of Galilee", "lake"),
    ("Water released from Lake Okeechobee fed the algae bloom.", "Lake Okeechobee", "lake"),
    ("Boat ramps on Lake Mead were left high and dry.", "Lake Mead", "lake"),
    ("Shipping on the Great Lakes resumed in March.", "Great Lakes", "lake"),
    ("Two climbers died on Mount Everest this week.", "Mount Everest", "mountain"),
    ("A porter was rescued high on Mount Kilimanjaro.", "Mount Kilimanjaro", "mountain"),
    ("Ash from Mount Etna closed the airport for a day.", "Mount Etna", "mountain"),
    ("Hikers crowded the trails of Mount Fuji in July.", "Mount Fuji", "mountain"),
    ("Rangers closed the road up Mount Rainier after a slide.", "Mount Rainier", "mountain"),
    ("Steam rose from Mount St. Helens on Tuesday.", "Mount St. Helens", "mountain"),
    ("Villagers fled the slopes of Mount Mayon after the eruption.", "Mount Mayon", "mountain"),
    ("A fire burned forest on the slopes of Mount Kenya.", "Mount Kenya", "mountain"),
    ("Tourists climbed Mount Vesuvius despite the heat.", "Mount Vesuvius", "mountain"),
    ("Snow cut the highways across the Andes.", "Andes", "mountain"),
    ("Wildfires spread across the Rockies in August.", "Rockies", "mountain"),
    ("Hikers on trails through the Appalachians faced heavy rain.", "Appalachians", "mountain"),
    ("The quake flattened villages in the Atlas Mountains.", "Atlas Mountains", "mountain"),
    ("Factories beyond the Urals have hired more workers.", "Urals", "mountain"),
    ("Storms closed the passes of the Pyrenees for two days.", "Pyrenees", "mountain"),
    (
        "Leaf-peepers drove into the Blue Ridge Mountains on Sunday.",
        "Blue Ridge Mountains",
        "mountain",
    ),
    ("Farmers across the Midwest planted late after the rain.", "Midwest", "region"),
    ("Dust storms swept the Great Plains in the drought.", "Great Plains", "region"),
    ("Heating oil prices rose across New England this winter.", "New England", "region"),
    ("A heat dome settled over the Pacific Northwest.", "Pacific Northwest", "region"),
    ("Storms are forecast for the Ohio Valley on Thursday.", "Ohio Valley", "region"),
    ("Clinics in Appalachia are short of doctors.", "Appalachia", "region"),
    ("Rents in the Twin Cities rose faster than wages.", "Twin Cities", "region"),
    ("Commuters in the Bay Area faced another fare rise.", "Bay Area", "region"),
    ("Families fled the shelling in eastern Ghouta on foot.", "Ghouta", "region"),
    ("Wind farms are rising across Patagonia.", "Patagonia", "region"),
    ("The storm crossed northern Luzon overnight.", "Luzon", "region"),
    ("Smoke from fires on Borneo drifted to Singapore.", "Borneo", "region"),
    # issue 15's seventh stop: regions and waters US local news names by name alone
    ("Summer traffic on Cape Cod backed up for miles.", "Cape Cod", "region"),
    ("Bison herds graze the edge of the Black Hills.", "Black Hills", "mountain"),
    ("Logging trucks rolled across the Olympic Peninsula at dawn.", "Olympic Peninsula", "region"),
    ("Orcas were seen feeding in Puget Sound on Tuesday.", "Puget Sound", "sea"),
    ("Oyster boats worked the Chesapeake Bay before the freeze.", "Chesapeake Bay", "sea"),
    ("Renters left the Outer Banks ahead of the storm.", "Outer Banks", "region"),
    ("Deer hunters headed north into the Upper Peninsula.", "Upper Peninsula", "region"),
    ("Wineries across the Finger Lakes expect a short harvest.", "Finger Lakes", "region"),
]


@pytest.mark.parametrize(("sentence", "name", "feature"), LISTED_FEATURES)
def test_a_listed_river_lake_mountain_or_region_is_found(
    analyse_text, sentence: str, name: str, feature: str
) -> None:  # type: ignore[no-untyped-def]
    found = {p.span.text: p.feature for p in analyse_text(sentence).places}
    assert found.get(name) == feature


def test_a_listed_feature_the_tagger_called_a_person_is_an_unnamed_political_place(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Grain barges sailed up the Danube past the old fortress.")
    types = {e.name: e.type.value for e in analysis.entities}
    assert types.get("Danube") in (None, "OTHER")
    assert [p.feature for p in analysis.places if p.span.text == "Danube"] == ["river"]


def test_a_listed_feature_s_word_borne_by_a_person_stays_the_person_s(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Coach Ray Everest said the team would train indoors; Everest smiled.")
    assert not [p for p in analysis.places if p.span.text == "Everest"]


def test_a_dateline_town_too_small_for_the_gazetteer_still_names_its_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("TOWER, Minn. — The bait shop opened a month early this spring.")
    found = {p.span.text: p for p in analysis.places}
    assert found["Minn."].name == "Minnesota"
    # the dateline's capitals are not read alone for Ireland's Tower
    assert all(p.country == "USA" for p in analysis.places)


# Issue 15's sixth stop: the ZIP list's towns below GeoNames' cut, townships, counties by
# their word, and the rivers, creeks, lakes and parks of local news. Sentences of our own.


def _near(place: Any, lat: float, lon: float, within: float = 50.0) -> bool:
    from dateline.nlp.places.component import _km

    return _km(lat, lon, place.lat or 0.0, place.lon or 0.0) < within


def test_the_zip_list_holds_post_office_towns_geonames_lacks_and_no_namesake_of_its_own() -> None:
    from dateline.nlp.common.gazetteer import cities_named, local_towns, zip_listed

    bat_cave = local_towns("Bat Cave")
    assert [town.name for town in bat_cave] == ["Bat Cave"]
    assert zip_listed(bat_cave[0].geonameid) and bat_cave[0].population == 0
    assert local_towns("Saint Huberts") and local_towns("St. Huberts")  # news' spelling
    assert cities_named("Asheville") and not local_towns("Asheville")  # GeoNames' own
    assert not local_towns("Lebanon") and not local_towns("Alabama")  # a country, a state


def test_a_dateline_town_only_the_zip_list_holds_is_its_state_s(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "SISTERDALE, Texas — The old dance hall reopened Saturday under a new tin roof."
    )
    town = next(p for p in analysis.places if p.span.text == "SISTERDALE")
    assert town.country == "USA" and _near(town, 29.97, -98.73)


def test_a_town_and_state_pair_finds_a_hamlet_only_the_zip_list_holds(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The driver, a retired teacher from Renick, W.Va., walked away from the wreck."
    )
    town = next(p for p in analysis.places if p.span.text == "Renick")
    assert _near(town, 38.08, -80.36)


def test_a_bare_hamlet_is_its_namesake_in_the_state_a_story_is_filed_from(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "OSBORNE, Kan. — Shoppers drove in from Athol and Downs for the Saturday market, "
        "and a church in Athol sold pies by the slice."
    )
    athol = [p for p in analysis.places if p.span.text == "Athol"]
    assert athol and all(_near(p, 39.77, -98.91) for p in athol)  # not Massachusetts'


def test_a_hamlet_only_the_zip_list_holds_is_not_read_without_its_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Crews in Sisterdale cleared the fallen oak by noon.")
    assert not [p for p in analysis.places if p.span.text == "Sisterdale"]


def test_a_small_town_a_body_s_name_took_is_a_place_in_a_story_of_its_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "VALENTINE, Neb. — Buses from Springview carried the marching band to the parade, "
        "and the mayor of Valentine thanked the drivers."
    )
    town = next(p for p in analysis.places if p.span.text == "Springview")
    assert _near(town, 42.82, -99.75)


def test_a_township_is_placed_at_its_namesake_town_near_the_article_s_places(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Supervisors in Ligonier Township, a short drive from Latrobe, Pa., voted to pave "
        "the road to the reservoir."
    )
    township = next(p for p in analysis.places if p.span.text == "Ligonier Township")
    assert township.country == "USA" and _near(township, 40.24, -79.24)


def test_a_township_named_after_no_town_is_placed_in_the_one_county_named(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "SPRINGFIELD, Ohio — The Clark County engineer said Zanfield Township will share "
        "a salt barn with the county this winter."
    )
    township = next(p for p in analysis.places if p.span.text == "Zanfield Township")
    county = next(p for p in analysis.places if p.span.text == "Clark County")
    assert (township.lat, township.lon) == (county.lat, county.lon)


def test_a_county_named_with_its_word_needs_no_other_cue(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Weekend roundup for Lycoming County: two bridges stay closed.")
    county = next(p for p in analysis.places if p.span.text == "Lycoming County")
    assert county.feature == "county" and _near(county, 41.34, -77.06, 80)


def test_a_creek_is_placed_at_the_town_a_story_of_its_state_is_filed_from(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ALDERSON, W.Va. — Two anglers waded into Muddy Creek below the old mill on Sunday."
    )
    creek = next(p for p in analysis.places if p.span.text == "Muddy Creek")
    town = next(p for p in analysis.places if p.span.text == "ALDERSON")
    assert creek.feature == "river" and (creek.lat, creek.lon) == (town.lat, town.lon)


def test_a_river_named_after_a_county_of_the_story_s_state_lies_by_it(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "PHILIPPI, W.Va. — Water from the Barbour River covered the ballfield by noon."
    )
    river = next(p for p in analysis.places if p.span.text == "Barbour River")
    assert river.feature == "river" and _near(river, 39.13, -80.0)


def test_a_creek_in_a_story_of_no_state_is_not_guessed(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Two anglers waded into Muddy Creek below the old mill on Sunday.")
    assert not [p for p in analysis.places if p.span.text == "Muddy Creek"]


def test_a_river_the_tagger_read_as_another_state_s_town_is_the_story_s_river(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "HINTON, W.Va. — Rafting outfitters said the New River ran high and brown all week."
    )
    river = next(p for p in analysis.places if p.span.text == "New River")
    assert river.feature == "river" and _near(river, 37.67, -80.89)


def test_seas_valleys_and_camps_of_world_news_are_listed_places(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Fishing boats sheltered in the Gulf of Oman while a ferry crossed the Andaman Sea. "
        "Shepherds drove their flocks across the Fergana Valley, and families left the "
        "Kutupalong camp."
    )
    places = _places(analysis)
    assert places["Gulf of Oman"] == ("sea", None)
    assert places["Andaman Sea"] == ("sea", None)
    assert places["Fergana Valley"] == ("region", None)
    assert places["Kutupalong"] == ("camp", "BGD")


def test_a_people_s_word_also_listed_as_a_name_is_its_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("Togolese customs officers seized the cargo at the port.")
    assert _places(analysis)["Togolese"] == ("country", "TGO")


def test_a_town_s_english_alternate_name_counts_in_a_story_of_its_country(analyse_text) -> None:  # type: ignore[no-untyped-def]
    named = analyse_text(
        "Azerbaijan reopened the railway to Nakhchivan on Monday, and Azerbaijan's trains "
        "will run twice a week."
    )
    assert _places(named)["Nakhchivan"] == ("city", "AZE")
    # with no country named, an alternate name alone stands only for a big city
    bare = analyse_text("The delegation met in Nakhchivan on Monday.")
    assert "Nakhchivan" not in _places(bare)


def test_a_name_before_a_camp_or_crossing_is_the_place_the_tagger_missed(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The Dadaab refugee camps in northeastern Kenya are home to 300,000 people. "
        "Syrian refugee camps in Jordan are full."
    )
    places = _places(analysis)
    assert places["Dadaab"] == ("city", "KEN")
    # a people's camps are theirs, wherever they stand: "Syrian" stays a nationality word
    assert places["Syrian"] == ("country", "SYR")


def test_a_listed_feature_the_tagger_cut_in_pieces_is_read_whole(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "The ferry left Dhaka for an island in the Bay of Bengal, and fishermen said the "
        "Naf river was calm."
    )
    places = _places(analysis)
    assert places["Bay of Bengal"] == ("sea", None)
    assert "Bengal" not in places
    # a feature's word in lower case is no part of its name
    assert "Naf river" not in places


def test_a_name_after_in_neighbouring_is_a_place(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Militias in neighbouring Amhara blocked the road for a week, officials in Ethiopia said."
    )
    assert _places(analysis)["Amhara"] == ("region", "ETH")


# Issue 15's seventh stop: what the fourteen US local articles of its test bed missed.
def test_a_pond_a_sound_and_a_valley_are_features_of_the_story_s_state(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ROCKPORT, Maine — Two kayakers paddled across Mirror Pond on Friday, and a lobster "
        "boat ran aground in Penobscot Bay while fog hung over the Megunticook Valley."
    )
    places = {p.span.text: p for p in analysis.places}
    assert places["Mirror Pond"].feature == "lake" and _near(places["Mirror Pond"], 44.19, -69.08)
    assert places["Megunticook Valley"].feature == "region"


def test_an_island_named_like_a_town_of_the_story_s_state_is_that_town(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "RENTON, Wash. — Commuters from Mercer Island waited an hour for buses on Monday."
    )
    island = next(p for p in analysis.places if p.span.text == "Mercer Island")
    assert island.feature == "city" and _near(island, 47.57, -122.22)


def test_a_bayou_is_a_river_by_its_first_word(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "NEW IBERIA, La. — Crawfish boats worked the shallows of Bayou Teche on Saturday."
    )
    bayou = next(p for p in analysis.places if p.span.text == "Bayou Teche")
    assert bayou.feature == "river" and _near(bayou, 30.0, -91.82)


def test_a_wilderness_joined_to_another_name_by_a_hyphen_is_read_whole(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "SALMON, Idaho — Elk hunters packed into the Salmon-Challis Wilderness on Friday."
    )
    texts = {p.span.text for p in analysis.places}
    assert "Salmon-Challis Wilderness" in texts and "Challis Wilderness" not in texts


def test_a_mountain_range_in_a_story_of_no_state_is_not_guessed(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("The band Silver Mountains played two sets on Friday night.")
    assert not [p for p in analysis.places if p.span.text.endswith("Mountains")]


def test_towns_around_the_story_s_town_are_towns_whatever_the_tagger_guessed(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ELLSWORTH, Maine — The school board voted Tuesday to share a superintendent with "
        "Surry and Trenton, and parents from Lamoine asked for a later bus."
    )
    places = {p.span.text: p for p in analysis.places}
    assert _near(places["Surry"], 44.5, -68.5) and _near(places["Trenton"], 44.44, -68.37)
    assert _near(places["Lamoine"], 44.48, -68.3)


def test_a_person_who_bears_a_nearby_town_s_name_stays_a_person(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ELLSWORTH, Maine — Selectman Dana Surry said the vote was close. Surry said he "
        "would bring the article back next year."
    )
    assert not [p for p in analysis.places if p.span.text == "Surry"]


def test_a_police_log_s_items_are_headed_by_their_towns(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "Police log\n\nBREWSTER, Mass. — Items from this week's logs.\n\n"
        "Harwich: A bicycle was taken from a porch on Monday.\n\n"
        "Eastham: A driver backed into a fence at the town landing."
    )
    places = {p.span.text: p for p in analysis.places}
    assert _near(places["Harwich"], 41.69, -70.08) and _near(places["Eastham"], 41.83, -69.97)


def test_a_heading_far_from_the_story_s_town_is_no_town(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "BREWSTER, Mass. — Notes from the selectmen.\n\nDenver: The board heard a talk on "
        "a trip its members took west."
    )
    assert not [p for p in analysis.places if p.span.text == "Denver" and _near(p, 41.7, -70.0)]


def test_a_parish_the_tagger_cut_from_its_word_is_the_parish_whole_and_alone(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "THIBODAUX, La. — Assumption Parish President Carla Boudreaux said the pumps held. "
        "Water still covered cane fields across Assumption on Thursday."
    )
    parishes = [p for p in analysis.places if p.span.text.startswith("Assumption")]
    assert {p.span.text for p in parishes} == {"Assumption Parish", "Assumption"}
    assert all(p.feature == "county" and _near(p, 29.9, -91.06) for p in parishes)


def test_a_town_whose_name_opens_with_a_stop_word_is_read_whole_within_a_sentence(
    analyse_text,
) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text("CHINLE, Ariz. — Crews laid pipe near Many Farms on Tuesday.")
    town = next(p for p in analysis.places if p.span.text == "Many Farms")
    assert _near(town, 36.35, -109.62)


def test_where_a_person_is_from_after_of_is_a_town(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "PIERRE, S.D. — A bill from Rep. Laura Tvedt of Aberdeen would cap the levy."
    )
    town = next(p for p in analysis.places if p.span.text == "Aberdeen")
    assert _near(town, 45.46, -98.49)


def test_two_towns_a_hyphen_joins_into_a_route_s_name_are_both_towns(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "KINGSTON, Wash. — Riders on the Edmonds-Kingston route waited two hours on Friday."
    )
    places = {p.span.text: p for p in analysis.places}
    assert _near(places["Edmonds"], 47.81, -122.38) and _near(places["Kingston"], 47.8, -122.5)


def test_an_island_group_is_read_whole_over_a_far_town_inside_its_name(analyse_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyse_text(
        "ANACORTES, Wash. — Whale-watching boats left for the San Juan Islands at noon."
    )
    texts = {p.span.text for p in analysis.places}
    assert "San Juan Islands" in texts and "San Juan" not in texts
